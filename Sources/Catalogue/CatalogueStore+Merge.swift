import Foundation
import GRDB

/// What `hoso merge` writes into a SQLite catalogue from another one, and the file's size on disk.
extension CatalogueStore {
    // MARK: - Merge

    public func tokenRecords() throws -> [TokenRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT hash, name, role, created, revoked FROM token ORDER BY created, rowid").map {
                TokenRecord(hash: try $0.decode(forColumn: "hash"), name: try $0.decode(forColumn: "name"),
                            role: try Self.role(try $0.decode(forColumn: "role")),
                            created: Date(timeIntervalSince1970: try $0.decode(forColumn: "created")),
                            revoked: try $0.decode(Int.self, forColumn: "revoked") != 0)
            }
        }
    }

    @discardableResult
    public func mergeToken(_ token: TokenRecord) throws -> Bool {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM token WHERE hash = ?)", arguments: [token.hash]) == true {
                guard token.revoked else { return false }
                try db.execute(sql: "UPDATE token SET revoked = 1 WHERE hash = ? AND revoked = 0", arguments: [token.hash])
                return db.changesCount > 0
            }
            try db.execute(sql: "INSERT INTO token (hash, name, role, created, revoked) VALUES (?, ?, ?, ?, ?)",
                           arguments: [token.hash, token.name, token.role.rawValue, token.created.timeIntervalSince1970,
                                       token.revoked ? 1 : 0])
            return true
        }
    }

    @discardableResult
    public func insertIfAbsent(file: ArchiveFile) throws -> Bool {
        try write { db in
            guard try Self.fetchFile(id: file.id, db: db) == nil else { return false }
            return try Self.upsert(file: file, db: db)
        }
    }

    @discardableResult
    public func mergeDocument(_ document: Document, pageCount: Int?, scanHash: String?, pages: [Page]) throws -> MergedDocument {
        try write { db in
            var merged = MergedDocument()
            if try Self.fetchDocument(id: document.id, db: db) == nil {
                merged.documentAdded = try Self.upsert(document: document, db: db)
            }
            if let pageCount, let scanHash {
                try db.execute(sql: "UPDATE document SET pageCount = ?, scanHash = ? WHERE id = ? AND scanHash IS NULL",
                               arguments: [pageCount, scanHash, document.id])
                merged.stateSet = db.changesCount > 0
            }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO page (documentID, number, text, words, meanConfidence, preprocessing, engine, sourceHash, width, height,
                                  savedAt, textSource, layerScore, recognizedText)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(documentID, number) DO NOTHING
                """)
            for page in pages.map(StoredText.clean) {
                guard page.documentID == document.id, page.number > 0 else {
                    throw CatalogueError("Trang \(page.number) của “\(page.documentID)” không thuộc tài liệu “\(document.id)”")
                }
                try insert.execute(arguments: [page.documentID, page.number, page.text, WordCodec.encode(page.words), page.meanConfidence,
                                               try Self.json(page.preprocessing), page.engine, page.sourceHash, page.width, page.height,
                                               Date().timeIntervalSince1970, page.textSource.rawValue, page.layerScore,
                                               page.recognizedText])
                merged.pagesAdded += db.changesCount
            }
            if merged.changed {
                try db.execute(sql: "UPDATE document SET indexedVersion = NULL WHERE id = ?", arguments: [document.id])
            }
            return merged
        }
    }

    public func pageSourceHashes(documentID: String) throws -> [Int: String] {
        try read { db in
            var out: [Int: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT number, sourceHash FROM page WHERE documentID = ?", arguments: [documentID]) {
                out[row[0]] = row[1]
            }
            return out
        }
    }

    @discardableResult
    public func appendAuditLines(_ entries: [AuditEntry]) throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return try write { db in
            let exists = try db.cachedStatement(sql: """
                SELECT EXISTS (SELECT 1 FROM audit WHERE time = ? AND token = ? AND role = ? AND action = ? AND target = ? AND remote IS ?)
                """)
            let insert = try db.cachedStatement(sql: "INSERT INTO audit (time, token, role, action, target, remote) VALUES (?, ?, ?, ?, ?, ?)")
            var appended = 0
            for e in entries {
                let arguments: StatementArguments = [e.time.timeIntervalSince1970, e.token, e.role.rawValue, e.action, e.target, e.remote]
                if try Bool.fetchOne(exists, arguments: arguments) == true { continue }
                try insert.execute(arguments: arguments)
                appended += 1
            }
            return appended
        }
    }

    // MARK: - Storage

    /// The file with its WAL and shared-memory index.
    public func storageBytes() throws -> Int {
        ["", "-wal", "-shm"].reduce(0) { total, suffix in
            total + ((try? FileManager.default.attributesOfItem(atPath: path + suffix)[.size] as? Int) ?? 0)
        }
    }
}
