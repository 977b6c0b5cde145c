import Catalogue
import Foundation

/// Reads a contractor's Excel workbook (.xlsx) of metadata: one sheet, one row per document with its hồ sơ's
/// fields repeated. The rows become the same canonical tables as the CSV pair and are checked by the same code
/// (`BatchReader.validate`), so a record gives the same hồ sơ and documents whichever way it came.
public enum WorkbookReader {
    /// Reads one workbook under `batch`. Never throws for a bad workbook: everything wrong is an
    /// ImportProblem with its place (workbook path relative to the batch, sheet, row, column).
    /// Documents' `path` is relative to the batch folder, `/`-separated, as found on disk (like CSV).
    ///
    /// The sheet read is the first (visible sheets first) whose header — the first row among its first 10
    /// naming the needed columns — is usable; a later sheet that also has such a header is reported, not read.
    /// Only `existingFile` may throw (a catalogue failure), and that error is passed on.
    public static func read(workbook: URL, batch: URL, existingFile: (String) throws -> ArchiveFile?) rethrows -> BatchMetadata {
        let batchReal: String
        do { batchReal = try BatchReader.batchRoot(batch) } catch {
            return BatchMetadata(problems: [ImportProblem(file: workbook.lastPathComponent, reason: "\(error)")])
        }
        let location = WorkbookPaths(workbook: workbook, batchReal: batchReal)
        let name = location.workbookName

        let book: Workbook
        do {
            book = try Workbook.open(workbook)
        } catch {
            // Excel's lock file (~$name.xlsx) while the workbook is open: not a delivery's file.
            if workbook.lastPathComponent.hasPrefix("~$") { return BatchMetadata() }
            return BatchMetadata(problems: [ImportProblem(file: name, reason: message(error))])
        }
        guard !book.sheets.isEmpty else {
            return BatchMetadata(problems: [ImportProblem(file: name, reason: "bảng tính không có trang nào")])
        }

        var before: [ImportProblem] = [], after: [ImportProblem] = []
        var chosen: (sheet: Workbook.Sheet, data: Workbook.SheetData, header: WorkbookHeader)?
        for sheet in book.sheets.filter({ !$0.hidden }) + book.sheets.filter(\.hidden) {
            let place = self.place(name, sheet)
            if let first = chosen {
                // Only one sheet is read: say so when another holds metadata too, rather than leave it unread.
                if let peek = try? book.read(sheet, rowLimit: headerRows), let header = findHeader(peek), header.hasPath {
                    after.append(ImportProblem(file: place, row: header.row, reason:
                        "trang này cũng có bảng siêu dữ liệu nhưng chỉ trang “\(first.sheet.name)” được đọc (mỗi bảng tính một trang); hãy chuyển các dòng sang trang đó hoặc sang một bảng tính riêng"))
                }
                continue
            }
            let data: Workbook.SheetData
            do { data = try book.read(sheet) } catch {
                before.append(ImportProblem(file: place, reason: message(error)))
                continue
            }
            guard let header = findHeader(data) else { continue }
            let merged = data.merges.filter { $0.firstRow <= header.row && header.row <= $0.lastRow }
            if !merged.isEmpty {
                before.append(ImportProblem(file: place, row: header.row, reason:
                    "tiêu đề có ô gộp \(merged.map(\.ref).joined(separator: ", ")): mỗi cột cần một tên riêng trên một dòng tiêu đề; hãy bỏ gộp ô rồi lưu lại (trang không được đọc)"))
                continue
            }
            var missing: [String] = []
            if !header.hasPath { missing.append("Đường dẫn file (Tệp)") }
            if !header.hasTitle { missing.append(Column.fileTitle) }
            if !missing.isEmpty {
                before.append(ImportProblem(file: place, row: header.row, reason:
                    "trang thiếu cột bắt buộc: \(missing.joined(separator: ", ")) (trang không được đọc)"))
                continue
            }
            chosen = (sheet, data, header)
        }
        guard let chosen else {
            if before.isEmpty {
                let place = book.sheets.count == 1 ? self.place(name, book.sheets[0]) : name
                before.append(ImportProblem(file: place, reason:
                    "không có trang nào có các cột siêu dữ liệu: trong \(headerRows) dòng đầu cần một dòng tiêu đề gồm Đường dẫn file (Tệp), Tiêu đề hồ sơ và các cột khác của hồ sơ, tài liệu"))
            }
            return BatchMetadata(problems: before)
        }

        let place = self.place(name, chosen.sheet)
        let headerProblems = chosen.header.problems.map {
            ImportProblem(file: place, row: chosen.header.row, column: $0.column, reason: $0.reason)
        }
        let tables = WorkbookRows.tables(data: chosen.data, header: chosen.header, place: place, paths: location)
        var empty: [ImportProblem] = []
        if tables.files.rows.isEmpty, tables.documents.rows.isEmpty, tables.documents.problems.isEmpty {
            empty.append(ImportProblem(file: place, row: chosen.header.row, reason: "trang có dòng tiêu đề nhưng không có dòng dữ liệu nào"))
        }
        var result = try BatchReader.validate(files: tables.files, documents: tables.documents, existingFile: existingFile) { cell, row in
            tables.resolved[row.line ?? 0] ?? BatchReader.resolveScan(cell, batchReal: batchReal, names: location.names)
        }
        result.problems = before + headerProblems + empty + result.problems + after
        return result
    }

    /// The header is looked for in this many first rows.
    static let headerRows = 10

    /// The first of the first rows naming enough known columns: the path and one more, or any three.
    static func findHeader(_ data: Workbook.SheetData) -> WorkbookHeader? {
        for row in data.rows.prefix(headerRows) {
            let header = WorkbookHeader(row: row.number, cells: row.cells.compactMapValues(\.text))
            if (header.hasPath && header.knownCount >= 2) || header.knownCount >= 3 { return header }
        }
        return nil
    }

    /// "lo1/metadata.xlsx, trang “Sheet1”".
    static func place(_ workbook: String, _ sheet: Workbook.Sheet) -> String { "\(workbook), trang “\(sheet.name)”" }

    private static func message(_ error: Error) -> String {
        (error as? Workbook.Failure)?.message ?? "không đọc được bảng tính: \(error.localizedDescription)"
    }
}

/// Where a workbook's paths point: its folder relative to the batch, the folders directly below it, the batch.
final class WorkbookPaths {
    let batchReal: String
    /// The workbook's path relative to the batch, for messages.
    let workbookName: String
    let names = BatchReader.FolderNames()
    /// Folders (relative to the batch, as components) a path may be relative to, in the order tried.
    private(set) var bases: [[String]] = []

    init(workbook: URL, batchReal: String) {
        self.batchReal = batchReal
        let real = BatchReader.realPath(workbook.path) ?? workbook.path
        let prefix = batchReal.hasSuffix("/") ? batchReal : batchReal + "/"
        var folder: [String] = []
        if real.hasPrefix(prefix) {
            let relative = String(real.dropFirst(prefix.count))
            workbookName = relative
            folder = relative.split(separator: "/").dropLast().map(String.init)
        } else {
            workbookName = workbook.lastPathComponent
        }
        bases = [folder]
        let folderPath = ([batchReal] + folder).joined(separator: "/")
        let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []).sorted()
        for entry in entries where !entry.hasPrefix(".") {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folderPath + "/" + entry, isDirectory: &isDir), isDir.boolValue {
                bases.append(folder + [entry])
            }
        }
        if !folder.isEmpty { bases.append([]) }
    }

    /// The scan a path cell names, relative to the batch as found on disk. Windows (`\`) or `/` separators, a
    /// leading `\` or drive letter (the contractor's machine), relative to any base; the delivery's own top
    /// folders may be missing on disk, so leading components are dropped in turn (never the file name, and not
    /// for a path with `..`). Each candidate goes through `BatchReader.resolveScan`, which keeps it in the batch.
    func resolve(_ cell: String) -> Result<String, CatalogueError> {
        var p = cell.replacingOccurrences(of: "\\", with: "/")
        if p.count >= 2, p.first?.isLetter == true, p.dropFirst().first == ":" { p = String(p.dropFirst(2)) }
        let components = p.split(separator: "/").map(String.init).filter { $0 != "." }
        guard !components.isEmpty else { return .failure(CatalogueError("Tệp “\(cell)” không chỉ tới tệp nào")) }
        let maxDrop = components.contains("..") ? 0 : components.count - 1
        var refusal: CatalogueError?
        func attempt(_ drop: Int, _ base: Int) -> String? {
            let candidate = (bases[base] + components[drop...]).joined(separator: "/")
            switch BatchReader.resolveScan(candidate, batchReal: batchReal, names: names) {
            case .success(let path): return path
            case .failure(let e):
                if !e.message.hasPrefix("không tìm thấy"), refusal == nil { refusal = e }
                return nil
            }
        }
        for drop in 0...maxDrop {
            for base in bases.indices {
                if let path = attempt(drop, base) { return .success(path) }
            }
        }
        return .failure(refusal ?? CatalogueError(
            "không tìm thấy tệp “\(cell)” (đã tìm theo thư mục của bảng tính, các thư mục con của nó và thư mục lô)"))
    }
}
