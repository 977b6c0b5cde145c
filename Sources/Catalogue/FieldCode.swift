import Foundation
import VietText

/// The coded values of some columns (TT 05/2025 "Field codes"): code → Vietnamese label.
/// A cell may hold the code ("01", "1") or the label ("Vĩnh viễn", "70 NĂM"); these helpers turn either
/// into the code (for indexing and sorting) or the label (for display).
public enum FieldCode {
    /// Thời hạn lưu trữ.
    public static let retention: [String: String] = [
        "01": "Vĩnh viễn", "02": "70 năm", "03": "50 năm", "04": "30 năm", "05": "20 năm", "06": "10 năm", "07": "Khác",
    ]
    /// Chế độ sử dụng.
    public static let access: [String: String] = ["01": "Công khai", "02": "Sử dụng có điều kiện", "03": "Mật"]
    /// Tình trạng vật lý.
    public static let physicalState: [String: String] = ["01": "Tốt", "02": "Bình thường", "03": "Hỏng"]
    /// Mức độ tin cậy.
    public static let reliability: [String: String] = ["01": "Gốc điện tử", "02": "Số hóa", "03": "Hỗn hợp"]
    /// Ngôn ngữ (only the codes known here; others are shown as written).
    public static let language: [String: String] = ["01": "Tiếng Việt", "09": "Hán Nôm", "11": "Khác"]

    /// The code table of a column, by canonical column name.
    public static func table(forColumn column: String) -> [String: String]? {
        switch column {
        case Column.retention: return retention
        case Column.access: return access
        case Column.physicalState: return physicalState
        case Column.reliability: return reliability
        case Column.language: return language
        default: return nil
        }
    }

    /// The two-digit code of a cell holding a code ("1", "01", "01 - Vĩnh viễn") or a label ("vĩnh viễn"),
    /// or nil when it is neither.
    public static func code(_ cell: String, in table: [String: String]) -> String? {
        let words = VietNormalizer.fold(cell.precomposedStringWithCanonicalMapping)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard !words.isEmpty else { return nil }
        let text = words.joined(separator: " ")
        func byLabel(_ t: String) -> String? {
            table.first { VietNormalizer.fold($0.value) == t }?.key
        }
        if let c = byLabel(text) { return c }
        guard words[0].count <= 2, words[0].allSatisfy(\.isNumber), let n = Int(words[0]) else { return nil }
        let c = n < 10 ? "0\(n)" : "\(n)"
        guard table[c] != nil else { return nil }
        if words.count == 1 { return c }
        return byLabel(words.dropFirst().joined(separator: " ")) == c ? c : nil
    }

    /// A coded column's cell as its TT 05 code(s) (`Vĩnh viễn` → `01`; `Tiếng Việt, Hán Nôm` → `01, 09`) when every
    /// part is recognised; else, or for a column without codes, as written.
    public static func codes(_ cell: String, forColumn column: String) -> String {
        guard let table = table(forColumn: column) else { return cell }
        let parts = cell.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        let codes = parts.map { code($0, in: table) }
        guard !codes.isEmpty, codes.allSatisfy({ $0 != nil }) else { return cell }
        return codes.compactMap { $0 }.joined(separator: ", ")
    }

    /// The cell for display: each code replaced by its label ("01" → "Vĩnh viễn", "01, 09" → "Tiếng Việt,
    /// Hán Nôm"); anything else as written.
    public static func label(_ cell: String, in table: [String: String]) -> String {
        let parts = cell.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        let labels = parts.map { part in code(part, in: table).flatMap { table[$0] } }
        if !labels.isEmpty, labels.allSatisfy({ $0 != nil }) { return labels.compactMap { $0 }.joined(separator: ", ") }
        return cell
    }
}

extension ArchiveFile {
    /// Thời hạn lưu trữ as its TT 05/2025 code ("01" Vĩnh viễn … "07" Khác), or nil when not given or not
    /// recognised.
    public var retentionCode: String? { retention.flatMap { FieldCode.code($0, in: FieldCode.retention) } }
}
