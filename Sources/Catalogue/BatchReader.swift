import Foundation
import VietText
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a batch's metadata (`ho_so.csv`, `tai_lieu.csv`) and checks it row by row. Good rows go in; every
/// row left out has an `ImportProblem` with its file, line, column and reason.
public enum BatchReader {
    public static let fileCSV = "ho_so.csv"
    public static let documentCSV = "tai_lieu.csv"

    /// Reads and validates the batch at `batch`.
    ///
    /// Throws a `CatalogueError` only when the batch cannot be used at all: the folder or one of the two CSV
    /// files is missing or unreadable, or a required column is absent. Everything else — a malformed line,
    /// a missing required value, a bad date or access value, a duplicate id, a document whose hồ sơ is
    /// missing, a Số thứ tự that is not a positive integer, a Tệp that does not exist or lies outside the
    /// batch — is a problem for that row, which is skipped.
    public static func read(batch: URL) throws -> BatchMetadata {
        try read(batch: batch, existingFile: { _ in nil })
    }

    /// As `read(batch:)`, but a document whose hồ sơ is not in this batch's ho_so.csv is accepted when
    /// `existingFile` knows it (a hồ sơ catalogued by an earlier batch); it then takes that hồ sơ's access.
    public static func read(batch: URL, existingFile: (String) throws -> ArchiveFile?) throws -> BatchMetadata {
        let batchReal = try batchRoot(batch)
        let fileTable = try Table.load(name: fileCSV, in: batch, known: Column.fileColumns, required: Column.fileRequired)
        let documentTable = try Table.load(name: documentCSV, in: batch, known: Column.documentColumns, required: Column.documentRequired)
        let names = FolderNames()
        return try validate(files: fileTable, documents: documentTable, existingFile: existingFile) { cell, _ in
            resolveScan(cell, batchReal: batchReal, names: names)
        }
    }

    /// The batch folder's real path; throws when it is missing or unreadable.
    public static func batchRoot(_ batch: URL) throws -> String {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: batch.path, isDirectory: &isDir), isDir.boolValue else {
            throw CatalogueError("Không tìm thấy thư mục lô tài liệu: \(batch.path)")
        }
        guard let batchReal = realPath(batch.path) else {
            throw CatalogueError("Không đọc được thư mục lô tài liệu: \(batch.path)")
        }
        return batchReal
    }

    /// Checks rows of hồ sơ and of documents from any source (the CSV pair, a workbook's sheet, a package's
    /// EAD), with columns already matched to their canonical names. Good rows become records; every row left
    /// out is an `ImportProblem` at its place. `resolvePath` turns a document row's Tệp cell into the scan's
    /// path (relative to the batch, or absolute for files a package was unpacked to), or says why it cannot.
    public static func validate(files fileTable: Table, documents documentTable: Table,
                                existingFile: (String) throws -> ArchiveFile?,
                                resolvePath: (String, Table.Row) -> Result<String, CatalogueError>) rethrows -> BatchMetadata {
        var result = BatchMetadata()
        var fileProblems = fileTable.problems
        let fileTable = fileTable.withCodes(), documentTable = documentTable.withCodes()

        // Hồ sơ.
        var fileLine: [String: String] = [:]        // accepted id → its place
        var rejectedFileLine: [String: String] = [:] // rejected id → first place
        var filesByID: [String: ArchiveFile] = [:]
        for row in fileTable.rows {
            var problems: [ImportProblem] = []
            func problem(_ column: String?, _ reason: String) {
                problems.append(ImportProblem(file: row.source, row: row.line, column: column, reason: reason))
            }
            let id = row.value(Column.fileID)
            let title = row.value(Column.fileTitle)
            if let id { if let bad = idProblem(id) { problem(Column.fileID, bad) } } else { problem(Column.fileID, "thiếu Mã hồ sơ (cột bắt buộc)") }
            if title == nil { problem(Column.fileTitle, "thiếu Tiêu đề hồ sơ (cột bắt buộc)") }
            var access = AccessLevel.conditional
            if let cell = row.value(Column.access) {
                if let a = AccessLevel.parse(cell) { access = a } else { problem(Column.access, accessReason(cell)) }
            }
            let start = date(row, Column.startDate, problem)
            let end = date(row, Column.endDate, problem)
            if let id, let first = fileLine[id] {
                problem(Column.fileID, "trùng Mã hồ sơ “\(id)” (đã có ở \(first)); giữ dòng đầu, bỏ dòng này")
            }
            if let id, let title, problems.isEmpty {
                let file = ArchiveFile(id: id, title: title, fonds: row.value(Column.fonds), retention: row.value(Column.retention),
                                       access: access, startDate: start, endDate: end, fields: row.fields, extra: row.extra)
                fileLine[id] = row.placeName
                filesByID[id] = file
                result.files.append(file)
            } else {
                if let id, fileLine[id] == nil, rejectedFileLine[id] == nil { rejectedFileLine[id] = row.placeName }
                fileProblems += problems
            }
        }

        // Tài liệu.
        var documentProblems = documentTable.problems
        var documentLine: [String: String] = [:]
        for row in documentTable.rows {
            var problems: [ImportProblem] = []
            func problem(_ column: String?, _ reason: String) {
                problems.append(ImportProblem(file: row.source, row: row.line, column: column, reason: reason))
            }
            let fileID = row.value(Column.fileID)
            var file: ArchiveFile?
            if let fileID {
                if let f = filesByID[fileID] { file = f }
                else if let place = rejectedFileLine[fileID] {
                    problem(Column.fileID, "hồ sơ “\(fileID)” bị bỏ qua vì có lỗi ở \(place)")
                } else if let f = try existingFile(fileID) {
                    file = f
                } else {
                    problem(Column.fileID, "hồ sơ “\(fileID)” không có trong \(fileTable.name)")
                }
            } else {
                problem(Column.fileID, "thiếu Mã hồ sơ (cột bắt buộc)")
            }
            var ordinal: Int?
            if let cell = row.value(Column.ordinal) {
                if cell.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(cell), n > 0 { ordinal = n }
                else { problem(Column.ordinal, "Số thứ tự “\(cell)” không phải số nguyên dương") }
            } else {
                problem(Column.ordinal, "thiếu Số thứ tự (cột bắt buộc)")
            }
            var path: String?
            if let cell = row.value(Column.path) {
                switch resolvePath(cell, row) {
                case .success(let p): path = p
                case .failure(let reason): problem(Column.path, reason.message)
                }
            } else {
                problem(Column.path, "thiếu Tệp (cột bắt buộc)")
            }
            var ownAccess: AccessLevel?
            if let cell = row.value(Column.access) {
                if let a = AccessLevel.parse(cell) { ownAccess = a } else { problem(Column.access, accessReason(cell)) }
            }
            let docDate = date(row, Column.date, problem)
            if let fileID, let ordinal {
                let id = Document.id(fileID: fileID, ordinal: ordinal)
                if let first = documentLine[id] {
                    problem(Column.ordinal, "trùng tài liệu “\(id)” (đã có ở \(first)); giữ dòng đầu, bỏ dòng này")
                }
            }
            guard problems.isEmpty, let fileID, let file, let ordinal, let path else {
                documentProblems += problems
                continue
            }
            let document = Document(fileID: fileID, ordinal: ordinal, path: path, type: row.value(Column.type),
                                    number: row.value(Column.number), symbol: row.value(Column.symbol), date: docDate,
                                    issuer: row.value(Column.issuer), summary: row.value(Column.summary),
                                    signer: row.value(Column.signer), access: ownAccess ?? file.access,
                                    fields: row.fields, extra: row.extra)
            documentLine[document.id] = row.placeName
            result.documents.append(document)
        }
        // Problems in reading order: the hồ sơ table, then the documents', each by line.
        func ordered(_ problems: [ImportProblem]) -> [ImportProblem] {
            problems.enumerated().sorted { a, b in (a.element.row ?? 0, a.offset) < (b.element.row ?? 0, b.offset) }.map(\.element)
        }
        result.problems = ordered(fileProblems) + ordered(documentProblems)
        return result
    }

    // MARK: - Checks

    private static func date(_ row: Table.Row, _ column: String, _ problem: (String?, String) -> Void) -> ArchiveDateValue? {
        guard let cell = row.value(column) else { return nil }
        if let d = ArchiveDateValue.parse(cell) { return d }
        problem(column, "ngày “\(cell)” không hợp lệ (dùng DD/MM/YYYY, MM/YYYY hoặc YYYY)")
        return nil
    }

    private static func accessReason(_ cell: String) -> String {
        let folded = VietNormalizer.fold(cell)
        if folded.contains("toi mat") || folded.contains("tuyet mat") {
            return "Chế độ sử dụng “\(cell)”: tài liệu Tối mật, Tuyệt mật không được đưa vào hệ thống này"
        }
        return "Chế độ sử dụng “\(cell)” không hợp lệ (dùng Công khai/01, Sử dụng có điều kiện/02 hoặc Mật/03)"
    }

    /// Why an identifier cannot be used, or nil. Ids name documents in URLs and commands: no spaces, no
    /// path or URL separators, no control characters.
    public static func idProblem(_ id: String) -> String? {
        let bad = id.unicodeScalars.contains { sc in
            CharacterSet.whitespacesAndNewlines.contains(sc) || CharacterSet.controlCharacters.contains(sc)
                || "/\\?#%".unicodeScalars.contains(sc)
        }
        return bad ? "Mã hồ sơ “\(id)” chứa ký tự không dùng được (khoảng trắng, /, \\, ?, #, %)" : nil
    }

    /// Checks a Tệp cell and returns the path relative to the batch as it exists on disk (`/`-separated),
    /// or why it cannot be used: absolute, leaving the batch (`..`, or a symbolic link pointing outside),
    /// or not found.
    public static func resolveScan(_ cell: String, batchReal: String, names: FolderNames = FolderNames()) -> Result<String, CatalogueError> {
        let p = cell.replacingOccurrences(of: "\\", with: "/")
        let isWindowsAbsolute = p.count >= 2 && p.first?.isLetter == true && p.dropFirst().first == ":"
        if p.hasPrefix("/") || p.hasPrefix("~") || isWindowsAbsolute {
            return .failure(CatalogueError("Tệp “\(cell)” là đường dẫn tuyệt đối; Tệp phải là đường dẫn tương đối trong thư mục lô"))
        }
        var components: [String] = []
        for c in p.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            if c == "." { continue }
            if c == ".." {
                if components.isEmpty {
                    return .failure(CatalogueError("Tệp “\(cell)” trỏ ra ngoài thư mục lô"))
                }
                components.removeLast(); continue
            }
            components.append(c)
        }
        guard !components.isEmpty else {
            return .failure(CatalogueError("Tệp “\(cell)” không chỉ tới tệp nào"))
        }
        let relative = components.joined(separator: "/")
        var candidates = [relative]
        // Swift compares strings by canonical equivalence, so NFC and NFD forms are told apart by their bytes.
        for form in [relative.precomposedStringWithCanonicalMapping, relative.decomposedStringWithCanonicalMapping]
            where !candidates.contains(where: { Array($0.utf8) == Array(form.utf8) }) {
            candidates.append(form)
        }
        // Batches made on Windows or macOS may differ in letter case from the CSV: find the one entry that
        // matches each component ignoring case and Unicode normalisation.
        if let matched = names.match(components, under: batchReal) { candidates.append(matched) }
        for candidate in candidates {
            let full = batchReal + "/" + candidate
            guard FileManager.default.fileExists(atPath: full) else { continue }
            guard let real = realPath(full) else { continue }
            guard real.hasPrefix(batchReal.hasSuffix("/") ? batchReal : batchReal + "/") else {
                return .failure(CatalogueError("Tệp “\(cell)” là liên kết trỏ ra ngoài thư mục lô"))
            }
            return .success(candidate)
        }
        return .failure(CatalogueError("không tìm thấy Tệp “\(cell)” trong thư mục lô"))
    }

    /// Directory listings, cached for one batch: folder → folded entry name → entries.
    public final class FolderNames {
        private var listings: [String: [String: [String]]] = [:]
        public init() {}

        static func fold(_ name: String) -> String { name.precomposedStringWithCanonicalMapping.lowercased() }

        /// The path of existing entries matching `components` one by one, ignoring case and NFC/NFD,
        /// when each has exactly one match.
        public func match(_ components: [String], under root: String) -> String? {
            var folder = root
            var found: [String] = []
            for component in components {
                if listings[folder] == nil {
                    var listing: [String: [String]] = [:]
                    for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                        listing[FolderNames.fold(entry), default: []].append(entry)
                    }
                    listings[folder] = listing
                }
                guard let entries = listings[folder]?[FolderNames.fold(component)], entries.count == 1 else { return nil }
                found.append(entries[0])
                folder += "/" + entries[0]
            }
            return found.joined(separator: "/")
        }
    }

    public static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    // MARK: - A CSV table with matched columns

    /// Rows of metadata with their columns matched, from one source (a CSV file, a workbook's sheet, a package).
    public struct Table: Sendable {
        public struct Row: Sendable {
            /// Where the row comes from, as an operator finds it: "tai_lieu.csv", "metadata.xlsx, trang Sheet1" …
            public var source: String
            /// 1-based line (CSV) or row (sheet) number; nil for a record that has none (a package's EAD).
            public var line: Int?
            /// Known columns with a value, by canonical name.
            public var fields: [String: String]
            /// Extra columns with a value, by original header.
            public var extra: [String: String]
            public func value(_ column: String) -> String? { fields[column] }

            public init(source: String, line: Int?, fields: [String: String] = [:], extra: [String: String] = [:]) {
                self.source = source; self.line = line; self.fields = fields; self.extra = extra
            }

            /// "dòng 5" of its source, for messages naming another row.
            var placeName: String { line.map { "\(source) dòng \($0)" } ?? source }
        }
        /// The table with each coded TT 05 value (`Vĩnh viễn`, `Tiếng Việt, Hán Nôm`, `Công khai`) as its code(s)
        /// (`01`, `01, 09`), whichever way the source wrote it; values that are not known codes or names stay as written.
        func withCodes() -> Table {
            var table = self
            for i in table.rows.indices {
                for (column, value) in table.rows[i].fields where FieldCode.table(forColumn: column) != nil {
                    table.rows[i].fields[column] = FieldCode.codes(value, forColumn: column)
                }
            }
            return table
        }

        /// The source's name for messages ("ho_so.csv").
        public var name: String
        public var rows: [Row] = []
        public var problems: [ImportProblem] = []

        public init(name: String, rows: [Row] = [], problems: [ImportProblem] = []) {
            self.name = name; self.rows = rows; self.problems = problems
        }

        static func load(name: String, in batch: URL, known: [String], required: [String]) throws -> Table {
            let url = try locate(name, in: batch)
            let data: Data
            do { data = try Data(contentsOf: url) } catch {
                throw CatalogueError("Không đọc được \(name): \(error.localizedDescription)")
            }
            let (records, csvProblems) = CSVReader.parse(data)
            var table = Table(name: name)
            guard let header = records.first, header.line == 1 || !csvProblems.contains(where: { $0.line < header.line }) else {
                if let p = csvProblems.first(where: { $0.line == 1 }) {
                    throw CatalogueError("\(name): không đọc được dòng tiêu đề: \(p.reason)")
                }
                throw CatalogueError("\(name) trống: cần một dòng tiêu đề và các dòng dữ liệu")
            }
            table.problems = csvProblems.map { ImportProblem(file: name, row: $0.line, reason: $0.reason) }

            // Columns.
            enum Slot { case known(String), extra(String) }
            var slots: [Slot] = []
            var seen: [String: String] = [:] // canonical → header that claimed it
            for (index, raw) in header.fields.enumerated() {
                let h = clean(raw)
                if h.isEmpty { slots.append(.extra("Cột \(index + 1)")); continue }
                if let canonical = Column.canonical(h, among: known) {
                    if let first = seen[canonical] {
                        table.problems.append(ImportProblem(file: name, row: header.line, column: h,
                            reason: "cột “\(h)” trùng với cột “\(first)” (\(canonical)); dùng cột đầu, giữ cột này như thông tin thêm"))
                        slots.append(.extra(h))
                    } else {
                        seen[canonical] = h
                        slots.append(.known(canonical))
                    }
                } else {
                    var name = h, n = 2
                    while slots.contains(where: { if case .extra(let e) = $0 { return e == name } else { return false } }) {
                        name = "\(h) (\(n))"; n += 1
                    }
                    slots.append(.extra(name))
                }
            }
            let missing = required.filter { seen[$0] == nil }
            if !missing.isEmpty {
                var message = "\(name) thiếu cột bắt buộc: " + missing.joined(separator: ", ")
                if header.fields.count == 1, header.fields[0].contains(";") {
                    message += " (tệp có vẻ dùng dấu chấm phẩy; hãy xuất CSV với dấu phẩy)"
                }
                throw CatalogueError(message)
            }

            for record in records.dropFirst() {
                if record.fields.count > slots.count,
                   record.fields[slots.count...].contains(where: { !clean($0).isEmpty }) {
                    table.problems.append(ImportProblem(file: name, row: record.line,
                        reason: "dòng có \(record.fields.count) trường nhưng tiêu đề chỉ có \(slots.count) cột (có dấu phẩy nằm ngoài ngoặc kép?)"))
                    continue
                }
                var row = Row(source: name, line: record.line)
                for (index, raw) in record.fields.enumerated() where index < slots.count {
                    let v = clean(raw)
                    guard !v.isEmpty else { continue }
                    switch slots[index] {
                    case .known(let c): row.fields[c] = v
                    case .extra(let h): row.extra[h] = v
                    }
                }
                if row.fields.isEmpty && row.extra.isEmpty { continue } // a row of empty cells
                table.rows.append(row)
            }
            return table
        }

        /// The CSV file named `name` in `batch`, matched ignoring case.
        static func locate(_ name: String, in batch: URL) throws -> URL {
            let exact = batch.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: exact.path) { return exact }
            if let entries = try? FileManager.default.contentsOfDirectory(atPath: batch.path),
               let match = entries.first(where: { $0.lowercased() == name }) {
                return batch.appendingPathComponent(match)
            }
            throw CatalogueError("Lô tài liệu thiếu tệp \(name) trong \(batch.path)")
        }

        /// NFC, surrounding white space (including no-break spaces) removed.
        public static func clean(_ s: String) -> String {
            s.precomposedStringWithCanonicalMapping
                .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}\u{200B}")))
        }
    }
}
