import Catalogue
import Foundation

/// A sheet's rows (one per document) turned into the two canonical tables: one row per distinct hồ sơ, taken
/// from its rows (first value of each field kept; a later row that disagrees is a problem), and one per document.
enum WorkbookRows {
    struct Tables {
        var files: BatchReader.Table
        var documents: BatchReader.Table
        /// Each document row's scan, by Excel row number, as resolved (the table holds the resolved path).
        var resolved: [Int: Result<String, CatalogueError>] = [:]
    }

    /// One data row, its cells sorted by where they go.
    private struct Line {
        var number: Int
        var fileID: String?
        var file: [String: String] = [:]
        var fileExtra: [String: String] = [:]
        var shared: [String: String] = [:]
        var document: [String: String] = [:]
        var documentExtra: [String: String] = [:]
        var dateParts: [String: [WorkbookDatePart: String]] = [:]
        var idParts: [String?] = [nil, nil, nil, nil]
        var path: String?
        var isEmpty: Bool {
            fileID == nil && file.isEmpty && fileExtra.isEmpty && shared.isEmpty && document.isEmpty
                && documentExtra.isEmpty && dateParts.isEmpty && path == nil
        }
    }

    static func tables(data: Workbook.SheetData, header: WorkbookHeader, place: String, paths: WorkbookPaths) -> Tables {
        var result = Tables(files: BatchReader.Table(name: place), documents: BatchReader.Table(name: place))
        func problem(_ row: Int, _ column: String?, _ reason: String) {
            result.documents.problems.append(ImportProblem(file: place, row: row, column: column, reason: reason))
        }
        let rows = filledMerges(data, below: header)
        var lines: [Line] = []
        for (i, row) in rows.enumerated() where row.number > header.row {
            if i > 0, rows[i - 1].number == header.row, isColumnNumbering(row) { continue }
            var line = Line(number: row.number)
            for (index, cell) in row.cells.sorted(by: { $0.key < $1.key }) {
                let role = header.columns[index] ?? .documentExtra("Cột \(Workbook.columnName(index))")
                guard let text = cell.text else {
                    if case .error(let e) = cell {
                        problem(row.number, header.names[index] ?? "Cột \(Workbook.columnName(index))",
                                "ô có lỗi công thức “\(e)”; bỏ qua giá trị này")
                    }
                    continue
                }
                let value = BatchReader.Table.clean(text)
                guard !value.isEmpty else { continue }
                if let part = header.idParts.firstIndex(of: index) { line.idParts[part] = value }
                switch role {
                case .fileID: line.fileID = value
                case .fileField(let c): line.file[c] = FieldCode.codes(value, forColumn: c)
                case .documentField(let c) where c == Column.path: line.path = value
                case .documentField(let c) where c == Column.number: line.document[c] = cleanNumber(value)
                case .documentField(let c) where c == Column.symbol: line.document[c] = cleanSymbol(value)
                case .documentField(let c): line.document[c] = FieldCode.codes(value, forColumn: c)
                case .sharedField(let c): line.shared[c] = FieldCode.codes(value, forColumn: c)
                case .datePart(let target, let part): line.dateParts[target, default: [:]][part] = value
                case .numberAndSymbol:
                    let (n, s) = splitNumberSymbol(value)
                    if let n, line.document[Column.number] == nil { line.document[Column.number] = n }
                    if let s, line.document[Column.symbol] == nil { line.document[Column.symbol] = s }
                case .fileExtra(let h): line.fileExtra[h] = value
                case .documentExtra(let h): line.documentExtra[h] = value
                }
            }
            if line.isEmpty { continue }
            for (target, parts) in line.dateParts {
                let joined = joinDate(parts)
                if target == Column.date { line.document[target] = joined } else { line.file[target] = joined }
            }
            lines.append(line)
        }

        // Mã hồ sơ and Số thứ tự where the sheet has no column for them, or leaves a cell empty.
        let ids = fileIDs(lines)
        var documentLines: [(Line, String)] = []
        for line in lines {
            guard let cell = line.path else {
                problem(line.number, Column.path, "dòng không có tệp quét (cột Đường dẫn file / Tệp trống); bỏ qua dòng này")
                continue
            }
            guard let id = line.fileID ?? ids[line.number] else {
                problem(line.number, Column.fileID, "không xác định được Mã hồ sơ: không có cột Mã hồ sơ, tên tệp “\(ScanFileName.lastComponent(cell))” không có dạng <Mã hồ sơ>.<số thứ tự>.pdf và không có các cột Phông, Mục lục, Hộp số, Số và ký hiệu hồ sơ")
                continue
            }
            documentLines.append((line, id))
        }

        // Hồ sơ: one row per id, from its rows in order.
        var order: [String] = []
        var groups: [String: [Line]] = [:]
        for (line, id) in documentLines {
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(line)
        }
        for id in order {
            let group = groups[id]!
            var row = BatchReader.Table.Row(source: place, line: group[0].number)
            var fieldLine: [String: Int] = [:], extraLine: [String: Int] = [:]
            func merge(_ values: [String: String], into target: inout [String: String], firstLine: inout [String: Int], line: Int) {
                for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                    if let kept = target[key] {
                        if kept != value {
                            let at = firstLine[key]!
                            result.files.problems.append(ImportProblem(file: place, row: line, column: key, reason:
                                "hồ sơ “\(id)”: \(key) “\(value)” khác với dòng \(at) (“\(kept)”); giữ giá trị của dòng \(at)"))
                        }
                    } else {
                        target[key] = value; firstLine[key] = line
                    }
                }
            }
            for line in group {
                merge(line.file, into: &row.fields, firstLine: &fieldLine, line: line.number)
                merge(line.fileExtra, into: &row.extra, firstLine: &extraLine, line: line.number)
            }
            row.fields[Column.fileID] = id
            // A name written once is the document's; the hồ sơ takes it when all its rows agree, and for access
            // the most restricted of them (access fails closed).
            let sharedKeys = Set(group.flatMap(\.shared.keys))
            for key in sharedKeys where row.fields[key] == nil {
                let values = group.compactMap { $0.shared[key] }
                if Set(values).count == 1 { row.fields[key] = values[0] }
                else if key == Column.access, let level = values.compactMap(AccessLevel.parse).max() { row.fields[key] = level.code }
            }
            result.files.rows.append(row)
        }

        // Documents.
        for (line, id) in documentLines {
            var row = BatchReader.Table.Row(source: place, line: line.number, fields: line.document, extra: line.documentExtra)
            row.fields.merge(line.shared) { own, _ in own }
            row.fields[Column.fileID] = id
            let cell = line.path!
            if row.fields[Column.ordinal] == nil {
                guard let n = ScanFileName.ordinal(cell) else {
                    problem(line.number, Column.ordinal, "không xác định được Số thứ tự: không có cột Số thứ tự văn bản trong hồ sơ và tên tệp “\(ScanFileName.lastComponent(cell))” không kết thúc bằng số thứ tự")
                    continue
                }
                row.fields[Column.ordinal] = String(n)
            }
            let resolved = paths.resolve(cell)
            result.resolved[line.number] = resolved
            row.fields[Column.path] = (try? resolved.get()) ?? cell
            result.documents.rows.append(row)
        }
        return result
    }

    // MARK: - Ids from file names

    /// Mã hồ sơ of each row without one, by row number: the scans' names less their last part when they agree
    /// for all the rows of one hồ sơ (rows alike in Phông, Mục lục, Hộp số, Số và ký hiệu hồ sơ), else those
    /// four joined by dots.
    private static func fileIDs(_ lines: [Line]) -> [Int: String] {
        var result: [Int: String] = [:]
        var byParts: [[String?]: [Line]] = [:]
        for line in lines where line.fileID == nil {
            guard let cell = line.path else { continue }
            if line.idParts.allSatisfy({ $0 == nil }) {
                if let id = ScanFileName.parse(cell)?.fileID { result[line.number] = id }
            } else {
                byParts[line.idParts, default: []].append(line)
            }
        }
        for (parts, group) in byParts {
            let names = Set(group.map { $0.path.flatMap { ScanFileName.parse($0)?.fileID } })
            let id: String
            if names.count == 1, let only = names.first, let name = only { id = name }
            else { id = parts.compactMap { $0 }.joined(separator: ".") }
            for line in group { result[line.number] = id }
        }
        return result
    }

    // MARK: - Values

    /// Số as written, without a trailing `/` ("12/" → "12").
    static func cleanNumber(_ s: String) -> String {
        var t = s
        while t.hasSuffix("/") || t.hasSuffix(" ") { t.removeLast() }
        return t.isEmpty ? s : t
    }


    /// "12/QĐ-CC" in one cell → ("12", "QĐ-CC"); without a `/`, a number alone or a symbol alone.
    static func splitNumberSymbol(_ s: String) -> (String?, String?) {
        guard let slash = s.firstIndex(of: "/") else {
            return s.allSatisfy({ $0.isNumber }) ? (s, nil) : (nil, cleanSymbol(s))
        }
        let n = s[..<slash].trimmingCharacters(in: .whitespaces)
        let rest = cleanSymbol(String(s[s.index(after: slash)...]))
        return (n.isEmpty ? nil : n, rest.isEmpty ? nil : rest)
    }

    /// Day, month and year cells joined as `DD/MM/YYYY`, `MM/YYYY` or `YYYY` (one-digit parts padded). A part
    /// left empty stays empty ("05//2012"), for the date check to refuse rather than misread.
    static func joinDate(_ parts: [WorkbookDatePart: String]) -> String {
        func pad(_ s: String?) -> String {
            guard let s else { return "" }
            return s.count == 1 && s.allSatisfy(\.isNumber) ? "0" + s : s
        }
        // A whole date in the day column (a date-formatted cell) stands for itself.
        if let day = parts[.day], day.contains("/"), ArchiveDateValue.parse(day)?.day != nil { return day }
        let y = parts[.year] ?? ""
        if parts[.day] != nil { return "\(pad(parts[.day]))/\(pad(parts[.month]))/\(y)" }
        if parts[.month] != nil { return "\(pad(parts[.month]))/\(y)" }
        return y
    }

    // MARK: - Sheet quirks

    /// The rows with each merged range below the header filled with its top-left value, as a person reads them
    /// (a hồ sơ's cells are often merged down its rows). Only rows the sheet has and columns the header has.
    private static func filledMerges(_ data: Workbook.SheetData, below header: WorkbookHeader) -> [Workbook.Row] {
        var rows = data.rows
        let merges = data.merges.filter { $0.firstRow > header.row }
        guard !merges.isEmpty else { return rows }
        var index: [Int: Int] = [:]
        for (i, r) in rows.enumerated() { index[r.number] = i }
        let lastColumn = header.names.keys.max() ?? 0
        for m in merges {
            guard let top = index[m.firstRow], let value = rows[top].cells[m.firstColumn] else { continue }
            var i = top
            while i < rows.count, rows[i].number <= m.lastRow {
                for c in m.firstColumn...min(m.lastColumn, max(lastColumn, m.firstColumn)) where rows[i].cells[c] == nil {
                    rows[i].cells[c] = value
                }
                i += 1
            }
        }
        return rows
    }

    /// The row of column numbers forms put under a header: "1", "2", "3" … or "(1)", "(2)" … left to right.
    private static func isColumnNumbering(_ row: Workbook.Row) -> Bool {
        let values = row.cells.sorted(by: { $0.key < $1.key }).compactMap { $0.value.text }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "() ")) }
        guard values.count >= 3 else { return false }
        return values.enumerated().allSatisfy { Int($0.element) == $0.offset + 1 }
    }
}
