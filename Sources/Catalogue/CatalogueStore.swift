import Foundation
import GRDB
import VietText

/// The catalogue (danh mục): the system of record in one SQLite database — hồ sơ and tài liệu metadata, the
/// recognised text and word boxes of every page, per-document ingest state, API tokens (hashed) and the
/// audit log. Everything else (the search index) can be rebuilt from it.
///
/// Wraps a GRDB `DatabasePool` in WAL mode: many readers, one writer, safe from many threads and from
/// several processes (a busy database is waited for, then reported as a `CatalogueError`). Foreign keys are
/// on; every write is its own transaction, so an interrupted ingest keeps every page already saved.
public final class CatalogueStore: ArchiveCatalogue, @unchecked Sendable {
    public let path: String
    let pool: DatabasePool
    public var location: String { path }
    /// The migrations below, counted: the schema version this build writes (PostgreSQL's schema is at the same).
    public static let schemaVersion = 4
    public var schemaVersion: Int { Self.schemaVersion }

    /// Opens (creating when missing, with its folder) and migrates the catalogue at `path`.
    /// A database locked by another process beyond `busyTimeout` seconds, a corrupt file, or one made by a
    /// newer hoso gives a `CatalogueError` with a clear Vietnamese message.
    public init(path: String, busyTimeout: TimeInterval = 5) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw CatalogueError("Không tạo được thư mục dữ liệu \(folder): \(error.localizedDescription)")
            }
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.label = "hoso.catalogue"
        config.prepareDatabase { db in
            // Reads through a memory map of the file (its first 2 GB, SQLite's limit; beyond, the usual reads):
            // a result page reads ten documents' rows and page texts at random places (bench/server/RESULTS.md).
            try db.execute(sql: "PRAGMA mmap_size = 2147418112")
            CatalogueStore.keepWALFiles(db)
        }
        do {
            pool = try DatabasePool(path: path, configuration: config)
            let migrator = CatalogueStore.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw CatalogueError("Cơ sở dữ liệu \(path) được tạo bởi một phiên bản hoso mới hơn; hãy dùng phiên bản đó.")
            }
            try migrator.migrate(pool)
            // Make sure the file really is a readable catalogue.
            _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM file") }
        } catch {
            throw CatalogueStore.translate(error, path: path)
        }
    }

    /// Closes the database (also done when the store is released). Later calls fail with a `CatalogueError`.
    public func close() throws {
        do { try pool.close() } catch { throw CatalogueStore.translate(error, path: path) }
    }

    // MARK: - Schema

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE file (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    fonds TEXT,
                    retention TEXT,
                    access INTEGER NOT NULL CHECK (access IN (1, 2, 3)),
                    startDate TEXT,
                    endDate TEXT,
                    fields TEXT NOT NULL,
                    extra TEXT NOT NULL,
                    updatedAt REAL NOT NULL
                ) STRICT;

                CREATE TABLE document (
                    id TEXT PRIMARY KEY NOT NULL,
                    fileID TEXT NOT NULL REFERENCES file(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL CHECK (ordinal > 0),
                    path TEXT NOT NULL,
                    type TEXT, number TEXT, symbol TEXT, date TEXT, issuer TEXT, summary TEXT, signer TEXT,
                    access INTEGER NOT NULL CHECK (access IN (1, 2, 3)),
                    fields TEXT NOT NULL,
                    extra TEXT NOT NULL,
                    pageCount INTEGER,
                    scanHash TEXT,
                    indexedVersion INTEGER,
                    updatedAt REAL NOT NULL,
                    UNIQUE (fileID, ordinal)
                ) STRICT;
                CREATE INDEX document_indexed ON document(indexedVersion);

                CREATE TABLE page (
                    documentID TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    number INTEGER NOT NULL CHECK (number > 0),
                    text TEXT NOT NULL,
                    words BLOB NOT NULL,
                    meanConfidence REAL NOT NULL,
                    preprocessing TEXT NOT NULL,
                    engine TEXT NOT NULL,
                    sourceHash TEXT NOT NULL,
                    width INTEGER NOT NULL,
                    height INTEGER NOT NULL,
                    savedAt REAL NOT NULL,
                    PRIMARY KEY (documentID, number)
                ) STRICT;
                CREATE INDEX page_source ON page(sourceHash);
                CREATE INDEX page_confidence ON page(meanConfidence);

                CREATE TABLE token (
                    hash TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('public', 'staff', 'secret')),
                    created REAL NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
                ) STRICT;
                CREATE UNIQUE INDEX token_active_name ON token(name) WHERE revoked = 0;

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time REAL NOT NULL,
                    token TEXT NOT NULL,
                    role TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    remote TEXT
                ) STRICT;
                CREATE INDEX audit_time ON audit(time);
                CREATE INDEX audit_token ON audit(token, time);
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                    BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                """)
        }
        // Where each page's text came from, and the score of the PDF's own text layer when it had one.
        m.registerMigration("v2-text-source") { db in
            try db.execute(sql: """
                ALTER TABLE page ADD COLUMN textSource TEXT NOT NULL DEFAULT 'ocr'
                    CHECK (textSource IN ('ocr', 'layer', 'transcript'));
                ALTER TABLE page ADD COLUMN layerScore REAL;
                UPDATE page SET textSource = CASE WHEN documentID IN (SELECT id FROM document WHERE lower(path) LIKE '%.txt')
                    THEN 'transcript' ELSE 'layer' END WHERE engine = 'pdftotext';
                """)
        }
        // The text as recognised, beside the corrected text kept in `text`, when the correction changed it.
        m.registerMigration("v3-recognized-text") { db in
            try db.execute(sql: "ALTER TABLE page ADD COLUMN recognizedText TEXT")
        }
        // Ingest workers' claims on documents (leases) and the log of every page recognised, by worker.
        m.registerMigration("v4-work-claims") { db in
            try db.execute(sql: """
                CREATE TABLE work_claim (
                    documentID TEXT PRIMARY KEY NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                    worker TEXT NOT NULL,
                    renewedAt REAL NOT NULL,
                    expiresAt REAL NOT NULL
                ) STRICT;
                CREATE INDEX work_claim_worker ON work_claim(worker);
                CREATE TABLE recognition_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    documentID TEXT NOT NULL,
                    page INTEGER NOT NULL,
                    worker TEXT NOT NULL,
                    at REAL NOT NULL
                ) STRICT;
                CREATE INDEX recognition_log_page ON recognition_log(documentID, page);
                CREATE INDEX recognition_log_worker ON recognition_log(worker, at);
                """)
        }
        return m
    }

    // MARK: - Access helpers

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw CatalogueStore.translate(error, path: path) }
    }

    /// One IMMEDIATE transaction: takes the write lock up front, so a busy database is waited for
    /// (busy timeout) instead of failing half-way.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw CatalogueError("Giao dịch cơ sở dữ liệu không hoàn tất") }
                return result
            }
        } catch {
            throw CatalogueStore.translate(error, path: path)
        }
    }

    /// A database error as a `CatalogueError` with a message for the user.
    static func translate(_ error: Error, path: String) -> CatalogueError {
        if let e = error as? CatalogueError { return e }
        if let e = error as? DatabaseError {
            switch e.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return CatalogueError("Cơ sở dữ liệu \(path) đang bị một tiến trình khác khóa (có thể một lệnh hoso khác đang chạy); hãy thử lại sau.")
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return CatalogueError("Tệp \(path) không phải cơ sở dữ liệu hoso hợp lệ hoặc đã bị hỏng; hãy khôi phục từ bản sao lưu.")
            case .SQLITE_CANTOPEN:
                return CatalogueError("Không mở được cơ sở dữ liệu \(path): thư mục không tồn tại hoặc không có quyền truy cập.")
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
                return CatalogueError("Không ghi được vào cơ sở dữ liệu \(path): không có quyền ghi.")
            case .SQLITE_FULL:
                return CatalogueError("Không ghi được vào cơ sở dữ liệu \(path): đĩa đã đầy.")
            case .SQLITE_IOERR:
                return CatalogueError("Lỗi đọc/ghi đĩa với cơ sở dữ liệu \(path): \(e.message ?? "")")
            default:
                return CatalogueError("Lỗi cơ sở dữ liệu \(path): \(e.message ?? e.description)")
            }
        }
        if error is RowDecodingError {
            return CatalogueError("Dữ liệu trong cơ sở dữ liệu \(path) bị hỏng: \(error)")
        }
        return CatalogueError("Lỗi cơ sở dữ liệu \(path): \(error)")
    }

    static let encoder: JSONEncoder = { let e = JSONEncoder(); e.outputFormatting = [.sortedKeys]; return e }()

    package static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    package static func unjson<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw CatalogueError("Dữ liệu trong cơ sở dữ liệu bị hỏng (JSON không đọc được)")
        }
    }

    /// A `fields`/`extra` column: its own reader, JSONDecoder only for what that one does not take.
    package static func stringMap(_ text: String) throws -> [String: String] {
        try StringMapJSON.decode(text) ?? unjson([String: String].self, text)
    }

    package static func access(_ raw: Int) throws -> AccessLevel {
        guard let a = AccessLevel(rawValue: raw) else { throw CatalogueError("Dữ liệu hỏng: Chế độ sử dụng \(raw) không hợp lệ") }
        return a
    }

    package static func role(_ raw: String) throws -> Role {
        guard let r = Role(rawValue: raw) else { throw CatalogueError("Dữ liệu hỏng: vai trò “\(raw)” không hợp lệ") }
        return r
    }

    package static func date(_ raw: String?) -> ArchiveDateValue? { raw.flatMap(ArchiveDateValue.init(sortKey:)) }

    // MARK: - Hồ sơ

    /// Inserts or updates a hồ sơ by its id. Returns false when it was already stored unchanged. A changed
    /// hồ sơ marks its documents as needing to be indexed again (phông, retention, access are indexed).
    @discardableResult
    public func upsert(file: ArchiveFile) throws -> Bool {
        try write { try Self.upsert(file: file, db: $0) }
    }

    /// Inserts or updates a tài liệu by its id (its hồ sơ must be stored). Returns false when unchanged.
    /// A changed document keeps its pages and ingest state but needs indexing again.
    @discardableResult
    public func upsert(document: Document) throws -> Bool {
        try write { try Self.upsert(document: document, db: $0) }
    }

    /// Upserts hồ sơ then tài liệu in one transaction: all or nothing. Returns how many changed.
    @discardableResult
    public func upsert(files: [ArchiveFile], documents: [Document]) throws -> (files: Int, documents: Int) {
        try write { db in
            var f = 0, d = 0
            for file in files where try Self.upsert(file: file, db: db) { f += 1 }
            for document in documents where try Self.upsert(document: document, db: db) { d += 1 }
            return (f, d)
        }
    }

    static func upsert(file: ArchiveFile, db: Database) throws -> Bool {
        if let existing = try fetchFile(id: file.id, db: db), existing == file { return false }
        try db.execute(sql: """
            INSERT INTO file (id, title, fonds, retention, access, startDate, endDate, fields, extra, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET title = excluded.title, fonds = excluded.fonds, retention = excluded.retention,
                access = excluded.access, startDate = excluded.startDate, endDate = excluded.endDate,
                fields = excluded.fields, extra = excluded.extra, updatedAt = excluded.updatedAt
            """, arguments: [file.id, file.title, file.fonds, file.retention, file.access.rawValue,
                             file.startDate?.sortKey, file.endDate?.sortKey, try json(file.fields), try json(file.extra),
                             Date().timeIntervalSince1970])
        try db.execute(sql: "UPDATE document SET indexedVersion = NULL WHERE fileID = ?", arguments: [file.id])
        return true
    }

    static func upsert(document: Document, db: Database) throws -> Bool {
        guard document.id == Document.id(fileID: document.fileID, ordinal: document.ordinal) else {
            throw CatalogueError("Mã tài liệu “\(document.id)” không khớp với Mã hồ sơ “\(document.fileID)” và Số thứ tự \(document.ordinal)")
        }
        if let existing = try fetchDocument(id: document.id, db: db), existing == document { return false }
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM file WHERE id = ?)", arguments: [document.fileID]) == true else {
            throw CatalogueError("Hồ sơ “\(document.fileID)” của tài liệu “\(document.id)” chưa có trong danh mục")
        }
        try db.execute(sql: """
            INSERT INTO document (id, fileID, ordinal, path, type, number, symbol, date, issuer, summary, signer, access,
                                  fields, extra, updatedAt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET fileID = excluded.fileID, ordinal = excluded.ordinal, path = excluded.path,
                type = excluded.type, number = excluded.number, symbol = excluded.symbol, date = excluded.date,
                issuer = excluded.issuer, summary = excluded.summary, signer = excluded.signer, access = excluded.access,
                fields = excluded.fields, extra = excluded.extra, updatedAt = excluded.updatedAt, indexedVersion = NULL
            """, arguments: [document.id, document.fileID, document.ordinal, document.path, document.type, document.number,
                             document.symbol, document.date?.sortKey, document.issuer, document.summary, document.signer,
                             document.access.rawValue, try json(document.fields), try json(document.extra),
                             Date().timeIntervalSince1970])
        return true
    }

    public func file(id: String) throws -> ArchiveFile? {
        try read { try Self.fetchFile(id: id, db: $0) }
    }

    /// Every hồ sơ, ordered by id.
    public func allFiles() throws -> [ArchiveFile] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM file ORDER BY id").map(Self.decodeFile) }
    }

    static func fetchFile(id: String, db: Database) throws -> ArchiveFile? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM file WHERE id = ?"), arguments: [id]).map(decodeFile)
    }

    static func decodeFile(_ row: Row) throws -> ArchiveFile {
        ArchiveFile(id: try row.decode(forColumn: "id"), title: try row.decode(forColumn: "title"),
                    fonds: try row.decode(forColumn: "fonds"), retention: try row.decode(forColumn: "retention"),
                    access: try access(try row.decode(forColumn: "access")),
                    startDate: date(try row.decode(forColumn: "startDate")), endDate: date(try row.decode(forColumn: "endDate")),
                    fields: try stringMap(try row.decode(forColumn: "fields")),
                    extra: try stringMap(try row.decode(forColumn: "extra")))
    }

    // MARK: - Tài liệu

    public func document(id: String) throws -> Document? {
        try read { try Self.fetchDocument(id: id, db: $0) }
    }

    /// The documents with these ids that exist, in the order of `ids`.
    public func documents(ids: [String]) throws -> [Document] {
        try read { db in try ids.compactMap { try Self.fetchDocument(id: $0, db: db) } }
    }

    /// A document with its pages' texts in page order, in one read (a rebuild reads every document so).
    public func documentWithPages(id: String) throws -> (document: Document, pages: [(number: Int, text: String)])? {
        try read { db in
            guard let d = try Self.fetchDocument(id: id, db: db) else { return nil }
            return (d, try Self.pageTexts(documentID: id, db: db))
        }
    }

    /// `documentWithPages` of many documents in one read of two statements (`InList`): a rebuild reads its
    /// documents a batch at a time. Documents not stored are absent.
    public func documentsWithPages(ids: [String]) throws -> [String: (document: Document, pages: [(number: Int, text: String)])] {
        guard let list = InList(ids) else { return [:] }
        return try read { db in
            var out: [String: (document: Document, pages: [(number: Int, text: String)])] = [:]
            let documents = try Row.fetchCursor(try db.cachedStatement(sql: "SELECT * FROM document WHERE id IN (\(list.marks))"),
                                                arguments: list.arguments)
            while let row = try documents.next() {
                let d = try Self.decodeDocument(row)
                out[d.id] = (d, [])
            }
            try Self.forEachPage(of: list, db: db) { id, number, page in out[id]?.pages.append((number, page[2])) }
            return out
        }
    }

    /// Distinct ids as an SQL `IN` list: its placeholders and their arguments (nil for no id). A statement is
    /// cached per count of ids.
    struct InList {
        let marks: String
        let arguments: StatementArguments
        init?(_ ids: [String]) {
            let distinct = Array(Set(ids))
            guard !distinct.isEmpty else { return nil }
            marks = Array(repeating: "?", count: distinct.count).joined(separator: ",")
            arguments = StatementArguments(distinct)
        }
    }

    /// Each stored page of the documents in `list`, a document's pages in page order: its document id, its number
    /// and its row (`documentID, number, text`).
    static func forEachPage(of list: InList, db: Database, _ body: (String, Int, Row) throws -> Void) throws {
        let pages = try Row.fetchCursor(try db.cachedStatement(sql: """
            SELECT documentID, number, text FROM page WHERE documentID IN (\(list.marks)) ORDER BY documentID, number
            """), arguments: list.arguments)
        while let page = try pages.next() { try body(page[0], page[1], page) }
    }

    static func pageTexts(documentID id: String, db: Database) throws -> [(number: Int, text: String)] {
        let statement = try db.cachedStatement(sql: "SELECT number, text FROM page WHERE documentID = ? ORDER BY number")
        var texts: [(number: Int, text: String)] = []
        let cursor = try Row.fetchCursor(statement, arguments: [id])
        while let page = try cursor.next() { texts.append((number: page[0], text: page[1])) }
        return texts
    }

    /// What a result page shows of its hits, in one read: each existing document's typed columns (its
    /// `fields` and `extra`, every CSV cell, are left empty: they are for the document page) and its pages'
    /// texts in page order, as the UTF-8 bytes stored: the result page folds them from the bytes and makes a
    /// String of the one page it cuts a snippet from (checking every page's UTF-8 for a String would cost
    /// as much as the read). Columns are read by position.
    public func resultRows(documentIDs: [String]) throws -> [String: (document: Document, pages: [(number: Int, utf8: [UInt8])])] {
        // Two statements for all the documents (`IN`), not two per document: running a statement through GRDB
        // costs more than SQLite's lookups in it.
        guard let list = InList(documentIDs) else { return [:] }
        return try read { db in
            let documents = try db.cachedStatement(sql: """
                SELECT id, fileID, ordinal, path, type, number, symbol, date, issuer, summary, signer, access
                FROM document WHERE id IN (\(list.marks))
                """)
            var out: [String: (document: Document, pages: [(number: Int, utf8: [UInt8])])] = [:]
            let rows = try Row.fetchCursor(documents, arguments: list.arguments)
            while let row = try rows.next() {
                var d = Document(fileID: row[1], ordinal: row[2], path: row[3], type: row[4], number: row[5], symbol: row[6],
                                 date: Self.date(row[7]), issuer: row[8], summary: row[9], signer: row[10], access: try Self.access(row[11]))
                d.id = row[0]
                out[d.id] = (d, [])
            }
            try Self.forEachPage(of: list, db: db) { id, number, page in
                out[id]?.pages.append((number, try page.withUnsafeData(atIndex: 2) { $0.map { [UInt8]($0) } ?? [] }))
            }
            return out
        }
    }

    /// The documents of a hồ sơ, ordered by Số thứ tự.
    public func documents(inFile id: String) throws -> [Document] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM document WHERE fileID = ? ORDER BY ordinal", arguments: [id]).map(Self.decodeDocument)
        }
    }

    /// Every document's id with its hồ sơ and Số thứ tự, in the order of `allDocumentIDs()`.
    public func allDocumentKeys() throws -> [(id: String, fileID: String, ordinal: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, fileID, ordinal FROM document ORDER BY fileID, ordinal").map {
                (id: $0["id"], fileID: $0["fileID"], ordinal: $0["ordinal"])
            }
        }
    }

    /// Every document id, ordered by hồ sơ then Số thứ tự.
    public func allDocumentIDs() throws -> [String] {
        try read { try String.fetchAll($0, sql: "SELECT id FROM document ORDER BY fileID, ordinal") }
    }

    static func fetchDocument(id: String, db: Database) throws -> Document? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM document WHERE id = ?"), arguments: [id]).map(decodeDocument)
    }

    static func decodeDocument(_ row: Row) throws -> Document {
        var d = Document(fileID: try row.decode(forColumn: "fileID"), ordinal: try row.decode(forColumn: "ordinal"),
                         path: try row.decode(forColumn: "path"), type: try row.decode(forColumn: "type"),
                         number: try row.decode(forColumn: "number"), symbol: try row.decode(forColumn: "symbol"),
                         date: date(try row.decode(forColumn: "date")), issuer: try row.decode(forColumn: "issuer"),
                         summary: try row.decode(forColumn: "summary"), signer: try row.decode(forColumn: "signer"),
                         access: try access(try row.decode(forColumn: "access")),
                         fields: try stringMap(try row.decode(forColumn: "fields")),
                         extra: try stringMap(try row.decode(forColumn: "extra")))
        d.id = try row.decode(forColumn: "id")
        return d
    }

}
