import Catalogue
import Foundation

/// Hồ sơ and tài liệu on PostgreSQL.
extension PostgresCatalogue {
    static let fileColumns = "id, title, fonds, retention, access, start_date, end_date, fields, extra"
    static let documentColumns = """
        id, file_id, ordinal, path, type, number, symbol, date, issuer, summary, signer, access, fields, extra
        """

    @discardableResult
    public func upsert(file: ArchiveFile) throws -> Bool {
        try write { try Self.upsert(file: file, $0) }
    }

    @discardableResult
    public func upsert(document: Document) throws -> Bool {
        try write { try Self.upsert(document: document, $0) }
    }

    @discardableResult
    public func upsert(files: [ArchiveFile], documents: [Document]) throws -> (files: Int, documents: Int) {
        try write { c in
            var f = 0, d = 0
            for file in files where try Self.upsert(file: file, c) { f += 1 }
            for document in documents where try Self.upsert(document: document, c) { d += 1 }
            return (f, d)
        }
    }

    static func upsert(file: ArchiveFile, _ c: PGConnection) throws -> Bool {
        if let existing = try fetchFile(id: file.id, c), existing == file { return false }
        try c.exec("""
            INSERT INTO file (id, title, fonds, retention, access, start_date, end_date, fields, extra, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, fonds = excluded.fonds, retention = excluded.retention,
                access = excluded.access, start_date = excluded.start_date, end_date = excluded.end_date,
                fields = excluded.fields, extra = excluded.extra, updated_at = excluded.updated_at
            """, [PGValue(file.id), PGValue(file.title), pg(file.fonds), pg(file.retention), PGValue(file.access.rawValue),
                  pg(file.startDate?.sortKey), pg(file.endDate?.sortKey), PGValue(try CatalogueStore.json(file.fields)),
                  PGValue(try CatalogueStore.json(file.extra)), now])
        try c.exec("UPDATE document SET indexed_version = NULL WHERE file_id = $1", [PGValue(file.id)])
        return true
    }

    static func upsert(document: Document, _ c: PGConnection) throws -> Bool {
        guard document.id == Document.id(fileID: document.fileID, ordinal: document.ordinal) else {
            throw CatalogueError("Mã tài liệu “\(document.id)” không khớp với Mã hồ sơ “\(document.fileID)” và Số thứ tự \(document.ordinal)")
        }
        if let existing = try fetchDocument(id: document.id, c), existing == document { return false }
        guard try c.exec("SELECT 1 FROM file WHERE id = $1", [PGValue(document.fileID)]).count > 0 else {
            throw CatalogueError("Hồ sơ “\(document.fileID)” của tài liệu “\(document.id)” chưa có trong danh mục")
        }
        try c.exec("""
            INSERT INTO document (id, file_id, ordinal, path, type, number, symbol, date, issuer, summary, signer, access,
                                  fields, extra, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
            ON CONFLICT (id) DO UPDATE SET file_id = excluded.file_id, ordinal = excluded.ordinal, path = excluded.path,
                type = excluded.type, number = excluded.number, symbol = excluded.symbol, date = excluded.date,
                issuer = excluded.issuer, summary = excluded.summary, signer = excluded.signer, access = excluded.access,
                fields = excluded.fields, extra = excluded.extra, updated_at = excluded.updated_at, indexed_version = NULL
            """, [PGValue(document.id), PGValue(document.fileID), PGValue(document.ordinal), PGValue(document.path),
                  pg(document.type), pg(document.number), pg(document.symbol), pg(document.date?.sortKey), pg(document.issuer),
                  pg(document.summary), pg(document.signer), PGValue(document.access.rawValue),
                  PGValue(try CatalogueStore.json(document.fields)), PGValue(try CatalogueStore.json(document.extra)), now])
        return true
    }

    public func file(id: String) throws -> ArchiveFile? {
        try read { try Self.fetchFile(id: id, $0) }
    }

    public func allFiles() throws -> [ArchiveFile] {
        try read { c in
            let r = try c.exec("SELECT \(Self.fileColumns) FROM file ORDER BY id")
            return try (0..<r.count).map { try Self.decodeFile(r, $0) }
        }
    }

    static func fetchFile(id: String, _ c: PGConnection) throws -> ArchiveFile? {
        let r = try c.exec("SELECT \(fileColumns) FROM file WHERE id = $1", [PGValue(id)])
        return r.count == 0 ? nil : try decodeFile(r, 0)
    }

    static func decodeFile(_ r: PGResult, _ i: Int) throws -> ArchiveFile {
        ArchiveFile(id: try r.text(i, 0), title: try r.text(i, 1), fonds: r.string(i, 2), retention: r.string(i, 3),
                    access: try CatalogueStore.access(try r.int(i, 4) ?? 0),
                    startDate: CatalogueStore.date(r.string(i, 5)), endDate: CatalogueStore.date(r.string(i, 6)),
                    fields: try CatalogueStore.stringMap(try r.text(i, 7)), extra: try CatalogueStore.stringMap(try r.text(i, 8)))
    }

    public func document(id: String) throws -> Document? {
        try read { try Self.fetchDocument(id: id, $0) }
    }

    public func documents(ids: [String]) throws -> [Document] {
        guard let list = Self.inList(ids) else { return [] }
        let found = try read { c in
            let r = try c.exec("SELECT \(Self.documentColumns) FROM document WHERE id IN (\(list.marks))", list.values)
            return Dictionary(uniqueKeysWithValues: try (0..<r.count).map { i in let d = try Self.decodeDocument(r, i); return (d.id, d) })
        }
        return ids.compactMap { found[$0] }
    }

    public func documents(inFile id: String) throws -> [Document] {
        try read { c in
            let r = try c.exec("SELECT \(Self.documentColumns) FROM document WHERE file_id = $1 ORDER BY ordinal", [PGValue(id)])
            return try (0..<r.count).map { try Self.decodeDocument(r, $0) }
        }
    }

    public func documentWithPages(id: String) throws -> (document: Document, pages: [(number: Int, text: String)])? {
        try documentsWithPages(ids: [id])[id]
    }

    public func documentsWithPages(ids: [String]) throws -> [String: (document: Document, pages: [(number: Int, text: String)])] {
        guard let list = Self.inList(ids) else { return [:] }
        return try snapshotRead { c in
            var out: [String: (document: Document, pages: [(number: Int, text: String)])] = [:]
            let r = try c.exec("SELECT \(Self.documentColumns) FROM document WHERE id IN (\(list.marks))", list.values)
            for i in 0..<r.count {
                let d = try Self.decodeDocument(r, i)
                out[d.id] = (d, [])
            }
            let pages = try Self.pageRows(list, c)
            for i in 0..<pages.count { out[try pages.text(i, 0)]?.pages.append((try pages.int(i, 1) ?? 0, try pages.text(i, 2))) }
            return out
        }
    }

    public func resultRows(documentIDs: [String]) throws -> [String: (document: Document, pages: [(number: Int, utf8: [UInt8])])] {
        guard let list = Self.inList(documentIDs) else { return [:] }
        return try snapshotRead { c in
            var out: [String: (document: Document, pages: [(number: Int, utf8: [UInt8])])] = [:]
            let r = try c.exec("""
                SELECT id, file_id, ordinal, path, type, number, symbol, date, issuer, summary, signer, access
                FROM document WHERE id IN (\(list.marks))
                """, list.values)
            for i in 0..<r.count {
                var d = Document(fileID: try r.text(i, 1), ordinal: try r.int(i, 2) ?? 0, path: try r.text(i, 3), type: r.string(i, 4),
                                 number: r.string(i, 5), symbol: r.string(i, 6), date: CatalogueStore.date(r.string(i, 7)),
                                 issuer: r.string(i, 8), summary: r.string(i, 9), signer: r.string(i, 10),
                                 access: try CatalogueStore.access(try r.int(i, 11) ?? 0))
                d.id = try r.text(i, 0)
                out[d.id] = (d, [])
            }
            let pages = try Self.pageRows(list, c)
            for i in 0..<pages.count { out[try pages.text(i, 0)]?.pages.append((try pages.int(i, 1) ?? 0, pages.bytes(i, 2))) }
            return out
        }
    }

    /// `document_id, number, text` of every page of the listed documents, a document's pages in page order.
    static func pageRows(_ list: (marks: String, values: [PGValue?]), _ c: PGConnection) throws -> PGResult {
        try c.exec("SELECT document_id, number, text FROM page WHERE document_id IN (\(list.marks)) ORDER BY document_id, number",
                   list.values)
    }

    public func allDocumentKeys() throws -> [(id: String, fileID: String, ordinal: Int)] {
        try read { c in
            let r = try c.exec("SELECT id, file_id, ordinal FROM document ORDER BY file_id, ordinal")
            return try (0..<r.count).map { (id: try r.text($0, 0), fileID: try r.text($0, 1), ordinal: try r.int($0, 2) ?? 0) }
        }
    }

    public func allDocumentIDs() throws -> [String] {
        try read { c in
            let r = try c.exec("SELECT id FROM document ORDER BY file_id, ordinal")
            return try (0..<r.count).map { try r.text($0, 0) }
        }
    }

    static func fetchDocument(id: String, _ c: PGConnection) throws -> Document? {
        let r = try c.exec("SELECT \(documentColumns) FROM document WHERE id = $1", [PGValue(id)])
        return r.count == 0 ? nil : try decodeDocument(r, 0)
    }

    static func decodeDocument(_ r: PGResult, _ i: Int) throws -> Document {
        var d = Document(fileID: try r.text(i, 1), ordinal: try r.int(i, 2) ?? 0, path: try r.text(i, 3), type: r.string(i, 4),
                         number: r.string(i, 5), symbol: r.string(i, 6), date: CatalogueStore.date(r.string(i, 7)),
                         issuer: r.string(i, 8), summary: r.string(i, 9), signer: r.string(i, 10),
                         access: try CatalogueStore.access(try r.int(i, 11) ?? 0),
                         fields: try CatalogueStore.stringMap(try r.text(i, 12)), extra: try CatalogueStore.stringMap(try r.text(i, 13)))
        d.id = try r.text(i, 0)
        return d
    }
}
