import Foundation
import GRDB
import Syllables
import VietText

/// Pages (their text, word boxes, confidence and source) and the ingest state of each document.
extension CatalogueStore {
    // MARK: - Trang

    /// Saves (or replaces) a page, committed at once: an interrupted ingest keeps every page saved before.
    /// The document then needs indexing again.
    public func save(page: Page) throws {
        try write { try Self.save(page: page, db: $0) }
    }

    static func save(page: Page, db: Database) throws {
        let page = StoredText.clean(page)
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)", arguments: [page.documentID]) == true else {
            throw CatalogueError("Tài liệu “\(page.documentID)” chưa có trong danh mục")
        }
        guard page.number > 0 else { throw CatalogueError("Số trang phải từ 1 (nhận \(page.number))") }
        try db.execute(sql: """
            INSERT INTO page (documentID, number, text, words, meanConfidence, preprocessing, engine, sourceHash, width, height,
                              savedAt, textSource, layerScore, recognizedText)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(documentID, number) DO UPDATE SET text = excluded.text, words = excluded.words,
                meanConfidence = excluded.meanConfidence, preprocessing = excluded.preprocessing, engine = excluded.engine,
                sourceHash = excluded.sourceHash, width = excluded.width, height = excluded.height, savedAt = excluded.savedAt,
                textSource = excluded.textSource, layerScore = excluded.layerScore, recognizedText = excluded.recognizedText
            """, arguments: [page.documentID, page.number, page.text, WordCodec.encode(page.words), page.meanConfidence,
                             try Self.json(page.preprocessing), page.engine, page.sourceHash, page.width, page.height,
                             Date().timeIntervalSince1970, page.textSource.rawValue, page.layerScore, page.recognizedText])
        try db.execute(sql: "UPDATE document SET indexedVersion = NULL WHERE id = ?", arguments: [page.documentID])
    }

    public func page(documentID: String, number: Int) throws -> Page? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM page WHERE documentID = ? AND number = ?", arguments: [documentID, number]).map(Self.decodePage)
        }
    }

    /// The pages of a document, in page order.
    public func pages(documentID: String) throws -> [Page] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM page WHERE documentID = ? ORDER BY number", arguments: [documentID]).map(Self.decodePage)
        }
    }

    /// The page texts of a document in page order, without the word boxes (cheap: for indexing, snippets
    /// and finding the pages where a query matched).
    public func pageTexts(documentID: String) throws -> [(number: Int, text: String)] {
        try pageTexts(documentIDs: [documentID])[documentID] ?? []
    }

    /// The page texts of several documents in one read (one prepared statement), by document id, each in
    /// page order: a result page's ten hits.
    public func pageTexts(documentIDs: [String]) throws -> [String: [(number: Int, text: String)]] {
        try read { db in
            var out: [String: [(number: Int, text: String)]] = [:]
            for id in documentIDs where out[id] == nil { out[id] = try Self.pageTexts(documentID: id, db: db) }
            return out
        }
    }

    /// The numbers of the pages already saved for a document.
    public func pageNumbers(documentID: String) throws -> Set<Int> {
        try read { Set(try Int.fetchAll($0, sql: "SELECT number FROM page WHERE documentID = ?", arguments: [documentID])) }
    }

    /// The OCR cache: a page already recognised from the same scan content and page number, whichever
    /// document it belongs to.
    public func page(sourceHash: String) throws -> Page? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM page WHERE sourceHash = ? ORDER BY documentID, number LIMIT 1", arguments: [sourceHash]).map(Self.decodePage)
        }
    }

    static func decodePage(_ row: Row) throws -> Page {
        Page(documentID: try row.decode(forColumn: "documentID"), number: try row.decode(forColumn: "number"),
             text: try row.decode(forColumn: "text"), words: try WordCodec.decode(try row.decode(forColumn: "words")),
             meanConfidence: try row.decode(forColumn: "meanConfidence"),
             preprocessing: try unjson([String].self, try row.decode(forColumn: "preprocessing")),
             engine: try row.decode(forColumn: "engine"), sourceHash: try row.decode(forColumn: "sourceHash"),
             width: try row.decode(forColumn: "width"), height: try row.decode(forColumn: "height"),
             textSource: PageTextSource(rawValue: try row.decode(forColumn: "textSource")) ?? .ocr,
             layerScore: try row.decode(forColumn: "layerScore"), recognizedText: try row.decode(forColumn: "recognizedText"))
    }

    // MARK: - Ingest state

    /// Records how many pages a document's scan has and the scan's content hash. When the hash differs from
    /// the one stored, the scan has changed: its old pages are deleted and the document needs indexing again.
    /// Pages numbered above `count` are deleted in any case.
    public func setPageCount(documentID: String, count: Int, scanHash: String) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT scanHash FROM document WHERE id = ?", arguments: [documentID]) else {
                throw CatalogueError("Tài liệu “\(documentID)” chưa có trong danh mục")
            }
            guard count >= 0 else { throw CatalogueError("Số trang không thể âm (\(count))") }
            let old: String? = try row.decode(forColumn: "scanHash")
            if let old, old != scanHash {
                try db.execute(sql: "DELETE FROM page WHERE documentID = ?", arguments: [documentID])
                try db.execute(sql: "UPDATE document SET indexedVersion = NULL WHERE id = ?", arguments: [documentID])
            } else {
                try db.execute(sql: "DELETE FROM page WHERE documentID = ? AND number > ?", arguments: [documentID, count])
                if db.changesCount > 0 {
                    try db.execute(sql: "UPDATE document SET indexedVersion = NULL WHERE id = ?", arguments: [documentID])
                }
            }
            try db.execute(sql: "UPDATE document SET pageCount = ?, scanHash = ? WHERE id = ?", arguments: [count, scanHash, documentID])
        }
    }

    /// A document's ingest state; all nil for a document that is not in the catalogue or not yet recognised.
    public func documentState(id: String) throws -> (pageCount: Int?, scanHash: String?, indexedVersion: Int?) {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT pageCount, scanHash, indexedVersion FROM document WHERE id = ?", arguments: [id]) else {
                return (nil, nil, nil)
            }
            return (try row.decode(forColumn: "pageCount"), try row.decode(forColumn: "scanHash"), try row.decode(forColumn: "indexedVersion"))
        }
    }

    /// Records that a document is in the search index built with `version` of the indexing scheme.
    public func markIndexed(documentID: String, version: Int) throws {
        try write { db in
            try db.execute(sql: "UPDATE document SET indexedVersion = ? WHERE id = ?", arguments: [version, documentID])
            guard db.changesCount > 0 else { throw CatalogueError("Tài liệu “\(documentID)” chưa có trong danh mục") }
        }
    }

    /// `markIndexed` for many documents in one write transaction (one transaction each would cost a rebuild
    /// minutes at a million pages, after its last partition). Documents no longer in
    /// the catalogue (removed meanwhile) are skipped; returns how many were marked.
    ///
    /// `beforeCommit` runs last, inside the transaction: the marks are committed only when it returns, and none
    /// of them when it throws (a rebuild writes them while it compacts, and lets them in only once the new
    /// index is the one searched). Meanwhile the catalogue's write lock stays held.
    @discardableResult
    public func markIndexed(_ stamps: [(documentID: String, version: Int)], beforeCommit: () throws -> Void) throws -> Int {
        guard !stamps.isEmpty else {
            try beforeCommit()
            return 0
        }
        return try write { db in
            let statement = try db.cachedStatement(sql: "UPDATE document SET indexedVersion = ? WHERE id = ?")
            var marked = 0
            for (id, version) in stamps {
                try statement.execute(arguments: [version, id])
                marked += db.changesCount
            }
            try beforeCommit()
            return marked
        }
    }

    /// Documents not indexed with `version` (never indexed, changed since, or indexed by another version).
    public func documentsNeedingIndex(version: Int) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT id FROM document WHERE indexedVersion IS NULL OR indexedVersion != ? ORDER BY fileID, ordinal",
                                arguments: [version])
        }
    }

    /// Forgets every document's indexed state (before rebuilding the index from scratch).
    public func clearIndexedState() throws {
        try write { try $0.execute(sql: "UPDATE document SET indexedVersion = NULL") }
    }

    /// Pages whose mean confidence is below `below`, and pages that kept a PDF text layer scoring below
    /// `poorLayerBelow` (recognising them again did no better), least confident first: candidates for review.
    public func lowConfidencePages(below: Double, poorLayerBelow: Double, limit: Int) throws -> [ReviewPage] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT documentID, number, meanConfidence, textSource, layerScore FROM page
                WHERE meanConfidence < ? OR (textSource = 'layer' AND layerScore < ?)
                ORDER BY meanConfidence, documentID, number LIMIT ?
                """, arguments: [below, poorLayerBelow, max(0, limit)]).map {
                ReviewPage(documentID: try $0.decode(forColumn: "documentID"), number: try $0.decode(forColumn: "number"),
                           confidence: try $0.decode(forColumn: "meanConfidence"),
                           textSource: PageTextSource(rawValue: try $0.decode(forColumn: "textSource")) ?? .ocr,
                           layerScore: try $0.decode(forColumn: "layerScore"))
            }
        }
    }

    public func ownTexts(pageLimit: Int, metadataLimit: Int, layerScoreAtLeast: Double) throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT title FROM file LIMIT ?", arguments: [max(0, metadataLimit)])
                + String.fetchAll(db, sql: "SELECT summary FROM document WHERE summary IS NOT NULL LIMIT ?",
                                  arguments: [max(0, metadataLimit)])
                + String.fetchAll(db, sql: """
                    SELECT text FROM page
                    WHERE textSource = 'transcript' OR (textSource = 'layer' AND coalesce(layerScore, 1) >= ?)
                    ORDER BY savedAt DESC LIMIT ?
                    """, arguments: [layerScoreAtLeast, max(0, pageLimit)])
        }
    }

    public func counts() throws -> (files: Int, documents: Int, pages: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM file") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM page") ?? 0)
        }
    }
}
