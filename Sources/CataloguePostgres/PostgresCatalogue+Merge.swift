import Catalogue
import Foundation

/// What `hoso merge` writes into the PostgreSQL catalogue from another one, and the database's size.
extension PostgresCatalogue {
    // MARK: - Merge

    public func tokenRecords() throws -> [TokenRecord] {
        try read { c in
            let r = try c.exec("SELECT hash, name, role, created, revoked FROM token ORDER BY created, seq")
            return try (0..<r.count).map {
                TokenRecord(hash: try r.text($0, 0), name: try r.text($0, 1), role: try CatalogueStore.role(try r.text($0, 2)),
                            created: Date(timeIntervalSince1970: try r.double($0, 3) ?? 0), revoked: r.bool($0, 4))
            }
        }
    }

    @discardableResult
    public func mergeToken(_ token: TokenRecord) throws -> Bool {
        try write { c in
            if try c.exec("SELECT 1 FROM token WHERE hash = $1 FOR UPDATE", [PGValue(token.hash)]).count > 0 {
                guard token.revoked else { return false }
                return try c.exec("UPDATE token SET revoked = true WHERE hash = $1 AND NOT revoked", [PGValue(token.hash)]).changed > 0
            }
            try c.exec("INSERT INTO token (hash, name, role, created, revoked) VALUES ($1, $2, $3, $4, $5)",
                       [PGValue(token.hash), PGValue(token.name), PGValue(token.role.rawValue),
                        PGValue(token.created.timeIntervalSince1970), PGValue(token.revoked)])
            return true
        }
    }

    @discardableResult
    public func insertIfAbsent(file: ArchiveFile) throws -> Bool {
        try write { c in
            guard try Self.fetchFile(id: file.id, c) == nil else { return false }
            return try Self.upsert(file: file, c)
        }
    }

    @discardableResult
    public func mergeDocument(_ document: Document, pageCount: Int?, scanHash: String?, pages: [Page]) throws -> MergedDocument {
        try write { c in
            var merged = MergedDocument()
            let id = PGValue(document.id)
            if try c.exec("SELECT 1 FROM document WHERE id = $1 FOR UPDATE", [id]).count == 0 {
                merged.documentAdded = try Self.upsert(document: document, c)
            }
            if let pageCount, let scanHash {
                merged.stateSet = try c.exec("UPDATE document SET page_count = $1, scan_hash = $2 WHERE id = $3 AND scan_hash IS NULL",
                                             [PGValue(pageCount), PGValue(scanHash), id]).changed > 0
            }
            for page in pages.map(StoredText.clean) {
                guard page.documentID == document.id, page.number > 0 else {
                    throw CatalogueError("Trang \(page.number) của “\(page.documentID)” không thuộc tài liệu “\(document.id)”")
                }
                merged.pagesAdded += try c.exec("""
                    INSERT INTO page (document_id, number, text, words, mean_confidence, preprocessing, engine, source_hash,
                                      width, height, saved_at, text_source, layer_score, recognized_text)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                    ON CONFLICT (document_id, number) DO NOTHING
                    """, [id, PGValue(page.number), PGValue(page.text), PGValue(bytes: WordCodec.encode(page.words)),
                          PGValue(page.meanConfidence), PGValue(try CatalogueStore.json(page.preprocessing)), PGValue(page.engine),
                          PGValue(page.sourceHash), PGValue(page.width), PGValue(page.height), Self.now,
                          PGValue(page.textSource.rawValue), pg(page.layerScore), pg(page.recognizedText)]).changed
            }
            if merged.changed {
                try c.exec("UPDATE document SET indexed_version = NULL WHERE id = $1", [id])
            }
            return merged
        }
    }

    public func pageSourceHashes(documentID: String) throws -> [Int: String] {
        try read { c in
            let r = try c.exec("SELECT number, source_hash FROM page WHERE document_id = $1", [PGValue(documentID)])
            var out: [Int: String] = [:]
            for i in 0..<r.count { out[try r.int(i, 0) ?? 0] = try r.text(i, 1) }
            return out
        }
    }

    @discardableResult
    public func appendAuditLines(_ entries: [AuditEntry]) throws -> Int {
        guard !entries.isEmpty else { return 0 }
        return try write { c in
            var appended = 0
            for e in entries {
                let values: [PGValue?] = [PGValue(e.time.timeIntervalSince1970), PGValue(e.token), PGValue(e.role.rawValue),
                                          PGValue(e.action), PGValue(e.target), pg(e.remote)]
                appended += try c.exec("""
                    INSERT INTO audit (time, token, role, action, target, remote)
                    SELECT $1::float8, $2::text, $3::text, $4::text, $5::text, $6::text WHERE NOT EXISTS (
                        SELECT 1 FROM audit WHERE time = $1::float8 AND token = $2::text AND role = $3::text
                            AND action = $4::text AND target = $5::text
                            AND remote IS NOT DISTINCT FROM $6::text)
                    """, values).changed
            }
            return appended
        }
    }

    // MARK: - Storage

    /// The whole database's size on the server (tables, indexes, TOAST), as `pg_database_size` counts it.
    public func storageBytes() throws -> Int {
        try read { try $0.exec("SELECT pg_database_size(current_database())").int(0, 0) ?? 0 }
    }
}
