import Catalogue
import Foundation

/// Pages and the ingest state of each document on PostgreSQL.
extension PostgresCatalogue {
    static let pageColumns = """
        document_id, number, text, words, mean_confidence, preprocessing, engine, source_hash, width, height,
        text_source, layer_score, recognized_text
        """

    public func save(page: Page) throws {
        try write { try Self.save(page: page, $0) }
    }

    static func save(page: Page, _ c: PGConnection) throws {
        let page = StoredText.clean(page)
        guard try c.exec("SELECT 1 FROM document WHERE id = $1", [PGValue(page.documentID)]).count > 0 else {
            throw CatalogueError("Tài liệu “\(page.documentID)” chưa có trong danh mục")
        }
        guard page.number > 0 else { throw CatalogueError("Số trang phải từ 1 (nhận \(page.number))") }
        try c.exec("""
            INSERT INTO page (document_id, number, text, words, mean_confidence, preprocessing, engine, source_hash,
                              width, height, saved_at, text_source, layer_score, recognized_text)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (document_id, number) DO UPDATE SET text = excluded.text, words = excluded.words,
                mean_confidence = excluded.mean_confidence, preprocessing = excluded.preprocessing, engine = excluded.engine,
                source_hash = excluded.source_hash, width = excluded.width, height = excluded.height,
                saved_at = excluded.saved_at, text_source = excluded.text_source, layer_score = excluded.layer_score,
                recognized_text = excluded.recognized_text
            """, [PGValue(page.documentID), PGValue(page.number), PGValue(page.text), PGValue(bytes: WordCodec.encode(page.words)),
                  PGValue(page.meanConfidence), PGValue(try CatalogueStore.json(page.preprocessing)), PGValue(page.engine),
                  PGValue(page.sourceHash), PGValue(page.width), PGValue(page.height), Self.now,
                  PGValue(page.textSource.rawValue), pg(page.layerScore), pg(page.recognizedText)])
        try c.exec("UPDATE document SET indexed_version = NULL WHERE id = $1", [PGValue(page.documentID)])
    }

    public func page(documentID: String, number: Int) throws -> Page? {
        try read { c in
            let r = try c.exec("SELECT \(Self.pageColumns) FROM page WHERE document_id = $1 AND number = $2",
                               [PGValue(documentID), PGValue(number)])
            return r.count == 0 ? nil : try Self.decodePage(r, 0)
        }
    }

    public func pages(documentID: String) throws -> [Page] {
        try read { c in
            let r = try c.exec("SELECT \(Self.pageColumns) FROM page WHERE document_id = $1 ORDER BY number", [PGValue(documentID)])
            return try (0..<r.count).map { try Self.decodePage(r, $0) }
        }
    }

    public func pageTexts(documentID: String) throws -> [(number: Int, text: String)] {
        try read { c in
            let r = try c.exec("SELECT number, text FROM page WHERE document_id = $1 ORDER BY number", [PGValue(documentID)])
            return try (0..<r.count).map { (number: try r.int($0, 0) ?? 0, text: try r.text($0, 1)) }
        }
    }

    public func pageNumbers(documentID: String) throws -> Set<Int> {
        try read { c in
            let r = try c.exec("SELECT number FROM page WHERE document_id = $1", [PGValue(documentID)])
            return Set(try (0..<r.count).map { try r.int($0, 0) ?? 0 })
        }
    }

    public func page(sourceHash: String) throws -> Page? {
        try read { c in
            let r = try c.exec("SELECT \(Self.pageColumns) FROM page WHERE source_hash = $1 ORDER BY document_id, number LIMIT 1",
                               [PGValue(sourceHash)])
            return r.count == 0 ? nil : try Self.decodePage(r, 0)
        }
    }

    static func decodePage(_ r: PGResult, _ i: Int) throws -> Page {
        Page(documentID: try r.text(i, 0), number: try r.int(i, 1) ?? 0, text: try r.text(i, 2),
             words: try WordCodec.decode(try r.data(i, 3)), meanConfidence: try r.double(i, 4) ?? 0,
             preprocessing: try CatalogueStore.unjson([String].self, try r.text(i, 5)), engine: try r.text(i, 6),
             sourceHash: try r.text(i, 7), width: try r.int(i, 8) ?? 0, height: try r.int(i, 9) ?? 0,
             textSource: PageTextSource(rawValue: try r.text(i, 10)) ?? .ocr, layerScore: try r.double(i, 11),
             recognizedText: r.string(i, 12))
    }

    // MARK: - Ingest state

    public func setPageCount(documentID: String, count: Int, scanHash: String) throws {
        try write { c in
            let r = try c.exec("SELECT scan_hash FROM document WHERE id = $1 FOR UPDATE", [PGValue(documentID)])
            guard r.count > 0 else { throw CatalogueError("Tài liệu “\(documentID)” chưa có trong danh mục") }
            guard count >= 0 else { throw CatalogueError("Số trang không thể âm (\(count))") }
            let id = PGValue(documentID)
            if let old = r.string(0, 0), old != scanHash {
                try c.exec("DELETE FROM page WHERE document_id = $1", [id])
                try c.exec("UPDATE document SET indexed_version = NULL WHERE id = $1", [id])
            } else if try c.exec("DELETE FROM page WHERE document_id = $1 AND number > $2", [id, PGValue(count)]).changed > 0 {
                try c.exec("UPDATE document SET indexed_version = NULL WHERE id = $1", [id])
            }
            try c.exec("UPDATE document SET page_count = $1, scan_hash = $2 WHERE id = $3", [PGValue(count), PGValue(scanHash), id])
        }
    }

    public func documentState(id: String) throws -> (pageCount: Int?, scanHash: String?, indexedVersion: Int?) {
        try read { c in
            let r = try c.exec("SELECT page_count, scan_hash, indexed_version FROM document WHERE id = $1", [PGValue(id)])
            guard r.count > 0 else { return (nil, nil, nil) }
            return (try r.int(0, 0), r.string(0, 1), try r.int(0, 2))
        }
    }

    public func markIndexed(documentID: String, version: Int) throws {
        try write { c in
            let r = try c.exec("UPDATE document SET indexed_version = $1 WHERE id = $2", [PGValue(version), PGValue(documentID)])
            guard r.changed > 0 else { throw CatalogueError("Tài liệu “\(documentID)” chưa có trong danh mục") }
        }
    }

    @discardableResult
    public func markIndexed(_ stamps: [(documentID: String, version: Int)], beforeCommit: () throws -> Void) throws -> Int {
        guard !stamps.isEmpty else {
            try beforeCommit()
            return 0
        }
        return try write { c in
            var marked = 0
            for (id, version) in stamps {
                marked += try c.exec("UPDATE document SET indexed_version = $1 WHERE id = $2", [PGValue(version), PGValue(id)]).changed
            }
            try beforeCommit()
            return marked
        }
    }

    public func documentsNeedingIndex(version: Int) throws -> [String] {
        try read { c in
            let r = try c.exec("""
                SELECT id FROM document WHERE indexed_version IS NULL OR indexed_version <> $1 ORDER BY file_id, ordinal
                """, [PGValue(version)])
            return try (0..<r.count).map { try r.text($0, 0) }
        }
    }

    public func clearIndexedState() throws {
        try write { try $0.exec("UPDATE document SET indexed_version = NULL") }
    }

    public func lowConfidencePages(below: Double, poorLayerBelow: Double, limit: Int) throws -> [ReviewPage] {
        try read { c in
            let r = try c.exec("""
                SELECT document_id, number, mean_confidence, text_source, layer_score FROM page
                WHERE mean_confidence < $1 OR (text_source = 'layer' AND layer_score < $2)
                ORDER BY mean_confidence, document_id, number LIMIT $3
                """, [PGValue(below), PGValue(poorLayerBelow), PGValue(max(0, limit))])
            return try (0..<r.count).map {
                ReviewPage(documentID: try r.text($0, 0), number: try r.int($0, 1) ?? 0, confidence: try r.double($0, 2) ?? 0,
                           textSource: PageTextSource(rawValue: try r.text($0, 3)) ?? .ocr, layerScore: try r.double($0, 4))
            }
        }
    }

    public func ownTexts(pageLimit: Int, metadataLimit: Int, layerScoreAtLeast: Double) throws -> [String] {
        try read { c in
            let r = try c.exec("""
                (SELECT title FROM file LIMIT $1)
                UNION ALL (SELECT summary FROM document WHERE summary IS NOT NULL LIMIT $1)
                UNION ALL (SELECT text FROM page
                           WHERE text_source = 'transcript' OR (text_source = 'layer' AND coalesce(layer_score, 1) >= $2)
                           ORDER BY saved_at DESC LIMIT $3)
                """, [PGValue(max(0, metadataLimit)), PGValue(layerScoreAtLeast), PGValue(max(0, pageLimit))])
            return try (0..<r.count).map { try r.text($0, 0) }
        }
    }

    public func counts() throws -> (files: Int, documents: Int, pages: Int) {
        try read { c in
            let r = try c.exec("SELECT (SELECT count(*) FROM file), (SELECT count(*) FROM document), (SELECT count(*) FROM page)")
            return (try r.int(0, 0) ?? 0, try r.int(0, 1) ?? 0, try r.int(0, 2) ?? 0)
        }
    }
}
