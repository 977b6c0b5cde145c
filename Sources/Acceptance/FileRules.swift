import Catalogue
import Foundation

/// The TT 05 requirements of one hồ sơ as a whole: its mandatory metadata, its documents in order without gaps,
/// and its totals (`Tổng số tài liệu`, `Số lượng trang`, `Số lượng tờ`) against what was delivered.
enum FileRules {
    /// The mandatory metadata of a hồ sơ (TT 05/2025 Phụ lục); one of Số lượng tờ and Số lượng trang suffices.
    static let mandatory = [Column.fileTitle, Column.fonds, Column.retention, Column.access, Column.language,
                            Column.startDate, Column.endDate, Column.documentCount, Column.physicalState,
                            Column.reliability]

    /// `pages` holds each delivered document's page count, by ordinal.
    static func check(_ file: ArchiveFile, pagesByOrdinal: [Int: Int]) -> [Finding] {
        var out: [Finding] = []
        let place = "hồ sơ \(file.id)"
        func add(_ r: Requirement, _ message: String) {
            out.append(Finding(r, fileID: file.id, place: place, message: message))
        }
        func value(_ column: String) -> String? {
            let v = column == Column.fonds ? (file.fields[column] ?? file.fonds) : file.fields[column]
            return v.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        var missing = mandatory.filter { value($0) == nil }
        if value(Column.sheetCount) == nil, value(Column.pageCount) == nil { missing.append("Số lượng tờ hoặc Số lượng trang") }
        if !missing.isEmpty { add(.metadata, "thiếu trường bắt buộc: " + missing.joined(separator: ", ")) }
        func number(_ column: String) -> Int? {
            guard let cell = value(column) else { return nil }
            guard let n = Int(cell) else {
                add(.metadata, "\(column) “\(cell)” không phải số")
                return nil
            }
            return n
        }

        let declaredDocuments = number(Column.documentCount)
        let last = max(pagesByOrdinal.keys.max() ?? 0, declaredDocuments ?? 0)
        let gaps = (1...max(last, 1)).filter { pagesByOrdinal[$0] == nil }
        if !gaps.isEmpty, last > 0 {
            add(.order, "thiếu tài liệu số thứ tự " + ranges(gaps) + " (có \(pagesByOrdinal.count) tài liệu, số thứ tự đến \(last))")
        }
        if let declaredDocuments, declaredDocuments != pagesByOrdinal.count {
            add(.completeness, "Tổng số tài liệu ghi \(declaredDocuments), giao \(pagesByOrdinal.count) tài liệu")
        }
        let delivered = pagesByOrdinal.values.reduce(0, +)
        if let pages = number(Column.pageCount), pages != delivered {
            add(.completeness, "Số lượng trang của hồ sơ ghi \(pages), các tệp có \(delivered) trang")
        }
        if let sheets = number(Column.sheetCount), delivered < sheets || delivered > 2 * sheets {
            add(.completeness, "Số lượng tờ ghi \(sheets), các tệp có \(delivered) trang (một tờ có 1 hoặc 2 trang)")
        }
        return out
    }

    /// "3", "3, 5", "3–6, 9".
    static func ranges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var i = 0
        while i < numbers.count {
            var j = i
            while j + 1 < numbers.count, numbers[j + 1] == numbers[j] + 1 { j += 1 }
            parts.append(j > i ? "\(numbers[i])–\(numbers[j])" : "\(numbers[i])")
            i = j + 1
        }
        return parts.joined(separator: ", ")
    }
}
