import Catalogue
import Foundation
import VietText

/// A package's EAD records and files made into rows of canonical columns, each document linked to its
/// file, and checked by `BatchReader.validate` as the CSV pair's rows are.
struct PackageRows {
    let contents: PackageContents

    /// A file name `<Mã hồ sơ>.<số thứ tự>.<ext>` split: ("H49.64.33.2001.160", 1).
    static func documentName(_ relative: String) -> (fileID: String, ordinal: Int)? {
        guard let name = relative.split(separator: "/").last else { return nil }
        var stem = String(name)
        if let dot = stem.lastIndex(of: "."), stem[stem.index(after: dot)...].contains(where: \.isLetter) {
            stem = String(stem[..<dot])
        }
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let tail = stem[stem.index(after: dot)...]
        guard !tail.isEmpty, tail.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(tail) else { return nil }
        let head = String(stem[..<dot])
        return head.isEmpty ? nil : (head.precomposedStringWithCanonicalMapping, n)
    }

    func metadata(existingFile: (String) throws -> ArchiveFile?) rethrows -> BatchMetadata {
        var problems = contents.problems
        let fileSource = contents.eadFiles.first(where: { $0.records.contains { $0.level == .file } })
            .map { contents.inside($0.relative) } ?? contents.place
        var fileTable = BatchReader.Table(name: fileSource)
        var documentTable = BatchReader.Table(name: contents.inside("representations"))
        var refusedFiles = Set<String>()

        // Hồ sơ.
        var fileIDs: [String] = []
        for ead in contents.eadFiles {
            for record in ead.records where record.level == .file {
                let source = contents.inside(ead.relative)
                let row = Self.row(record, known: Column.fileColumns, source: source)
                guard let id = row.value(Column.fileID) else {
                    // Without its id no document can be tied to the hồ sơ: the package is refused.
                    return BatchMetadata(problems: problems + [ImportProblem(file: source, column: Column.fileID,
                        reason: "EAD không có unitid (Mã hồ sơ) của hồ sơ: gói bị bỏ qua")])
                }
                guard row.value(Column.fileTitle) != nil else {
                    problems.append(ImportProblem(file: source, column: Column.fileTitle,
                        reason: "EAD không có unittitle (Tiêu đề hồ sơ) của hồ sơ “\(id)”: hồ sơ và các tài liệu của nó bị bỏ qua"))
                    refusedFiles.insert(id)
                    continue
                }
                fileIDs.append(id)
                fileTable.rows.append(row)
            }
        }

        // Documents: first those the EAD describes, each linked to its file.
        var cells: [String: Result<String, CatalogueError>] = [:]
        var used = Set<Int>()
        var documentRows: [BatchReader.Table.Row] = []
        let files = contents.contentFiles
        func cell(_ index: Int) -> String {
            let c = contents.inside(files[index].relative)
            cells[c] = files[index].status
            used.insert(index)
            return c
        }
        for ead in contents.eadFiles {
            let items = ead.records.filter { $0.level == .item }
            for record in items {
                let source = contents.inside(ead.relative)
                var row = Self.row(record, known: Column.documentColumns, source: source)
                var linked: Int?
                var linkFailure: String?
                // 1. The file the record names (dao href, a Tệp field).
                for href in record.links + record.values.filter({ $0.column == Column.path }).map(\.value) {
                    if let i = find(href, from: ead.relative) { linked = i; break }
                    linkFailure = linkFailure ?? href
                }
                // 2. METS links this EAD file (holding only this record) to a file.
                if linked == nil, items.count == 1 {
                    linked = files.indices.first { !used.contains($0) && files[$0].eadFiles.contains(ead.relative) }
                }
                // The id: the record's own, else the linked file's name.
                let docID = record.values.first(where: { $0.column == EADKey.documentID })?.value ?? record.unitID
                let named = docID.flatMap { Self.documentName($0 + ".x") } ?? docID.flatMap { id in
                    id.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(id).map { ("", $0) } : nil
                }
                let fromLink = linked.flatMap { Self.documentName(files[$0].relative) }
                if row.value(Column.fileID) == nil {
                    let id = record.parentFileID ?? (fileIDs.count == 1 ? fileIDs[0] : nil)
                        ?? named.flatMap { $0.fileID.isEmpty ? nil : $0.fileID } ?? fromLink?.fileID
                    if let id { row.fields[Column.fileID] = id }
                }
                if row.value(Column.ordinal) == nil, let n = named?.ordinal ?? fromLink?.ordinal {
                    row.fields[Column.ordinal] = String(n)
                }
                // 3. The file named by the document's id.
                if linked == nil, let fileID = row.value(Column.fileID), let ordinal = row.value(Column.ordinal).flatMap({ Int($0) }) {
                    linked = files.indices.first { i in
                        !used.contains(i) && Self.documentName(files[i].relative).map { $0 == (fileID, ordinal) } == true
                    }
                }
                if row.value(Column.fileID) == nil || row.value(Column.ordinal) == nil, linked == nil {
                    problems.append(ImportProblem(file: source,
                        reason: "tài liệu “\(docID ?? record.elementID ?? "?")” không có Mã hồ sơ, Số thứ tự hay tệp trong gói: bỏ qua"))
                    continue
                }
                if let linked {
                    row.fields[Column.path] = cell(linked)
                } else {
                    let expected = linkFailure ?? "\(row.value(Column.fileID) ?? "").\(row.value(Column.ordinal) ?? "").pdf"
                    let c = contents.inside(expected)
                    row.fields[Column.path] = c
                    cells[c] = .failure(CatalogueError(linkFailure != nil
                        ? "tệp “\(expected)” mà EAD nêu không có trong fileSec của METS"
                        : "gói không có tệp của tài liệu này (cần “\(expected)” trong fileSec của METS)"))
                }
                documentRows.append(row)
            }
        }

        // Then the files no record describes: id and ordinal from the file name.
        for i in files.indices where !used.contains(i) {
            let source = contents.inside(files[i].relative)
            guard let (fileID, ordinal) = Self.documentName(files[i].relative) else {
                if case .failure(let why) = files[i].status {
                    problems.append(ImportProblem(file: source, column: Column.path, reason: why.message))
                } else {
                    problems.append(ImportProblem(file: source,
                        reason: "tệp không có bản mô tả trong EAD và tên tệp không theo dạng <Mã hồ sơ>.<Số thứ tự>: bỏ qua"))
                }
                continue
            }
            var row = BatchReader.Table.Row(source: source, line: nil)
            row.fields[Column.fileID] = fileID
            row.fields[Column.ordinal] = String(ordinal)
            row.fields[Column.path] = cell(i)
            documentRows.append(row)
        }

        documentTable.rows = documentRows
            .filter { !refusedFiles.contains($0.value(Column.fileID) ?? "") }
            .enumerated()
            .sorted { a, b in
                let ka = (a.element.value(Column.fileID) ?? "", Int(a.element.value(Column.ordinal) ?? "") ?? Int.max, a.offset)
                let kb = (b.element.value(Column.fileID) ?? "", Int(b.element.value(Column.ordinal) ?? "") ?? Int.max, b.offset)
                return ka < kb
            }
            .map(\.element)
        let cellsFound = cells
        var result = try BatchReader.validate(files: fileTable, documents: documentTable, existingFile: existingFile) { cell, _ in
            cellsFound[cell] ?? .failure(CatalogueError("gói không có tệp “\(cell)”"))
        }
        result.problems = problems + result.problems
        return result
    }

    /// The content file an href names, from the EAD file at `eadRelative`: by path (relative to the EAD's
    /// folder, the package root or a representation), else by its name alone when one file has it.
    private func find(_ href: String, from eadRelative: String) -> Int? {
        let files = contents.contentFiles
        func key(_ s: String) -> String { s.precomposedStringWithCanonicalMapping.lowercased() }
        let eadDir = eadRelative.split(separator: "/").dropLast().joined(separator: "/")
        var bases = [eadDir, ""]
        for f in files {
            let parts = f.relative.split(separator: "/")
            if parts.count > 2, parts[0] == "representations" {
                let rep = parts.prefix(2).joined(separator: "/")
                if !bases.contains(rep) { bases.append(rep) }
            }
        }
        for base in bases {
            if let n = contents.normalised(href, base: base) ?? contents.normalised(href.removingPercentEncoding ?? href, base: base),
               let i = files.firstIndex(where: { key($0.relative) == key(n) }) { return i }
        }
        let name = key(href.replacingOccurrences(of: "\\", with: "/").split(separator: "/").last.map(String.init) ?? href)
        let byName = files.indices.filter { key(files[$0].relative.split(separator: "/").last.map(String.init) ?? "") == name }
        return byName.count == 1 ? byName[0] : nil
    }

    // MARK: - A record's row

    /// The columns whose values are joined when given more than once.
    private static let joined: [String: String] = [Column.keywords: "; ", Column.note: "; ", Column.language: ", "]

    /// A record's values as a row of `known` columns; the others kept as extra values by their names.
    static func row(_ record: EADRecord, known: [String], source: String) -> BatchReader.Table.Row {
        let isFile = known == Column.fileColumns
        var row = BatchReader.Table.Row(source: source, line: nil)
        // Values routed to the columns they stand for at this level, explicit ones first.
        var routed: [(column: String?, label: String, value: String, explicit: Bool)] = []
        for v in record.values {
            switch v.column {
            case EADKey.title?:
                routed.append((isFile ? Column.fileTitle : Column.summary, v.label, v.value, v.explicit))
            case EADKey.scope?:
                routed.append((isFile ? nil : Column.summary, v.label, v.value, false))
            case EADKey.origination?:
                routed.append((isFile ? nil : Column.issuer, v.label, v.value, v.explicit))
            case EADKey.dates?:
                let (start, end) = PackageValues.splitJoined(v.value)
                if isFile {
                    routed.append((Column.startDate, v.label, start, v.explicit))
                    if let end { routed.append((Column.endDate, v.label, end, v.explicit)) }
                } else {
                    routed.append((Column.date, v.label, start, v.explicit))
                }
            case EADKey.numberSymbol?:
                let (n, s) = PackageValues.numberSymbol(v.value)
                if isFile { routed.append((nil, v.label, v.value, v.explicit)); break }
                if let n { routed.append((Column.number, v.label, n, v.explicit)) }
                if let s { routed.append((Column.symbol, v.label, s, v.explicit)) }
            case EADKey.documentID?:
                if isFile { routed.append((nil, v.label, v.value, v.explicit)) }
            case Column.path? where !isFile:
                break // a link, used to find the file
            case let c?:
                routed.append((known.contains(c) ? c : nil, v.label, v.value, v.explicit))
            case nil:
                routed.append((nil, v.label, v.value, v.explicit))
            }
        }
        // Start and end dates of one value (a range) given separately to a document become its date.
        var byColumn: [String: [(value: String, explicit: Bool)]] = [:]
        for r in routed {
            if let c = r.column { byColumn[c, default: []].append((r.value, r.explicit)) }
            else if row.extra[r.label] == nil { row.extra[r.label] = r.value }
        }
        for (column, values) in byColumn {
            let chosen = values.contains(where: \.explicit) ? values.filter(\.explicit) : values
            let parts = chosen.map(\.value)
            var value = joined[column].map { sep in unique(parts).joined(separator: sep) } ?? parts[0]
            if column == Column.startDate || column == Column.endDate || column == Column.date {
                value = PackageValues.date(value)
            }
            value = FieldCode.codes(value, forColumn: column)
            row.fields[column] = BatchReader.Table.clean(value)
        }
        if isFile, row.fields[Column.fileID] == nil, let id = record.unitID { row.fields[Column.fileID] = id }
        if !isFile {
            // Số given with its Ký hiệu ("12/QĐ-UBND" in the Số field).
            if let n = row.fields[Column.number], row.fields[Column.symbol] == nil, n.contains("/") {
                let (number, symbol) = PackageValues.numberSymbol(n)
                row.fields[Column.number] = number
                row.fields[Column.symbol] = symbol
            }
            if let s = row.fields[Column.symbol] { row.fields[Column.symbol] = cleanSymbol(s).pkgNonEmpty }
        }
        row.fields = row.fields.filter { !$0.value.isEmpty }
        return row
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
