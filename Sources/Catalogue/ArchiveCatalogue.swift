import Foundation
import Syllables

/// The catalogue (danh mục) as the rest of hoso uses it, whatever holds it: the SQLite file inside the data
/// folder (`CatalogueStore`) or a shared PostgreSQL database (`PostgresCatalogue`).
///
/// Synchronous and safe from many threads at once: ingest workers, the server's handlers and a rebuild call
/// it from their own threads. Every failure is a `CatalogueError` with a Vietnamese message. Each write is
/// its own transaction, so an interrupted ingest keeps every page already saved.
public protocol ArchiveCatalogue: AnyObject, Sendable {
    /// Where the catalogue is, for messages: a file path, or a URL without its password.
    var location: String { get }
    /// The version of the catalogue's schema this build writes (the last migration applied on open).
    var schemaVersion: Int { get }

    /// Closes the catalogue (also done when it is released). Later calls fail with a `CatalogueError`.
    func close() throws
    /// The store's own check of its data: the problems it reports (at most `limit`), empty when whole.
    func integrityProblems(full: Bool, limit: Int) throws -> [String]

    // MARK: Hồ sơ and tài liệu

    /// Inserts or updates a hồ sơ by its id; false when it was already stored unchanged. A changed hồ sơ
    /// marks its documents as needing to be indexed again (phông, retention, access are indexed).
    @discardableResult func upsert(file: ArchiveFile) throws -> Bool
    /// Inserts or updates a tài liệu by its id (its hồ sơ must be stored); false when unchanged. A changed
    /// document keeps its pages and ingest state but needs indexing again.
    @discardableResult func upsert(document: Document) throws -> Bool
    /// Upserts hồ sơ then tài liệu in one transaction: all or nothing. Returns how many changed.
    @discardableResult func upsert(files: [ArchiveFile], documents: [Document]) throws -> (files: Int, documents: Int)
    func file(id: String) throws -> ArchiveFile?
    /// Every hồ sơ, ordered by id.
    func allFiles() throws -> [ArchiveFile]
    func document(id: String) throws -> Document?
    /// The documents with these ids that exist, in the order of `ids`.
    func documents(ids: [String]) throws -> [Document]
    /// The documents of a hồ sơ, ordered by Số thứ tự.
    func documents(inFile id: String) throws -> [Document]
    /// A document with its pages' texts in page order, in one read.
    func documentWithPages(id: String) throws -> (document: Document, pages: [(number: Int, text: String)])?
    /// `documentWithPages` of many documents in one read; documents not stored are absent.
    func documentsWithPages(ids: [String]) throws -> [String: (document: Document, pages: [(number: Int, text: String)])]
    /// What a result page shows of its hits: each existing document's typed columns (`fields` and `extra`
    /// left empty) and its pages' texts in page order as UTF-8 bytes.
    func resultRows(documentIDs: [String]) throws -> [String: (document: Document, pages: [(number: Int, utf8: [UInt8])])]
    /// Every document's id with its hồ sơ and Số thứ tự, in the order of `allDocumentIDs()`.
    func allDocumentKeys() throws -> [(id: String, fileID: String, ordinal: Int)]
    /// Every document id, ordered by hồ sơ then Số thứ tự.
    func allDocumentIDs() throws -> [String]

    // MARK: Trang and ingest state

    /// Saves (or replaces) a page, committed at once; the document then needs indexing again.
    func save(page: Page) throws
    func page(documentID: String, number: Int) throws -> Page?
    /// The pages of a document, in page order.
    func pages(documentID: String) throws -> [Page]
    /// The page texts of a document in page order, without the word boxes.
    func pageTexts(documentID: String) throws -> [(number: Int, text: String)]
    /// The numbers of the pages already saved for a document.
    func pageNumbers(documentID: String) throws -> Set<Int>
    /// The OCR cache: a page already recognised from the same scan content and page number, whichever
    /// document it belongs to.
    func page(sourceHash: String) throws -> Page?
    /// Records a document's page count and scan hash. A different hash deletes its old pages; pages numbered
    /// above `count` are deleted in any case; either makes the document need indexing again.
    func setPageCount(documentID: String, count: Int, scanHash: String) throws
    /// A document's ingest state; all nil for a document that is not stored or not yet recognised.
    func documentState(id: String) throws -> (pageCount: Int?, scanHash: String?, indexedVersion: Int?)
    /// Records that a document is in the search index built with `version` of the indexing scheme.
    func markIndexed(documentID: String, version: Int) throws
    /// `markIndexed` for many documents in one transaction; documents no longer stored are skipped. Returns how
    /// many were marked. `beforeCommit` runs last, inside the transaction: none of the marks is committed when
    /// it throws, and no reader sees them before it returns.
    @discardableResult
    func markIndexed(_ stamps: [(documentID: String, version: Int)], beforeCommit: () throws -> Void) throws -> Int
    /// Documents not indexed with `version`, ordered by hồ sơ then Số thứ tự.
    func documentsNeedingIndex(version: Int) throws -> [String]
    /// Forgets every document's indexed state (before rebuilding the index from scratch).
    func clearIndexedState() throws
    /// Pages whose mean confidence is below `below`, and pages that kept a PDF text layer scoring below
    /// `poorLayerBelow`, least confident first: candidates for review.
    func lowConfidencePages(below: Double, poorLayerBelow: Double, limit: Int) throws -> [ReviewPage]
    func counts() throws -> (files: Int, documents: Int, pages: Int)
    /// Text people wrote, for the correction's syllable-pair model: the titles of the hồ sơ, the trích yếu of the
    /// documents (at most `metadataLimit` of each), and the text of at most `pageLimit` pages kept from a text layer
    /// scoring at least `layerScoreAtLeast`, or from a transcription, the last saved first. Recognised pages are
    /// left out: their errors would teach the model to keep them.
    func ownTexts(pageLimit: Int, metadataLimit: Int, layerScoreAtLeast: Double) throws -> [String]

    // MARK: Tokens and audit

    /// Stores a token by the hex SHA-256 of its secret. The name must not be in use by an active token.
    func addToken(hash: String, name: String, role: Role) throws
    /// The token stored under this hash, revoked or not; nil when unknown.
    func token(hash: String) throws -> (name: String, role: Role, revoked: Bool)?
    /// Every token ever created, oldest first.
    func listTokens() throws -> [(name: String, role: Role, created: Date, revoked: Bool)]
    /// Revokes the active token with this name; false when there is none.
    @discardableResult func revokeToken(name: String) throws -> Bool
    /// Appends one line to the append-only audit log. `token` is the token's name ("" for anonymous).
    func appendAudit(token: String, role: Role, action: String, target: String, remote: String?) throws
    /// Audit lines from `from` to `to` (both inclusive, either open), optionally of one token, oldest first.
    func audit(from: Date?, to: Date?, token: String?) throws -> [AuditEntry]

    // MARK: Merge

    /// Every token with the hash it is stored under, oldest first: what `hoso merge` carries over, by hash.
    func tokenRecords() throws -> [TokenRecord]
    /// A token from another catalogue: added (with its creation time and revocation) when its hash is unknown,
    /// revoked when it is stored active and `token` is revoked, otherwise left as stored. True when it changed.
    @discardableResult func mergeToken(_ token: TokenRecord) throws -> Bool
    /// Adds a hồ sơ from another catalogue unless one with its id is stored, which is kept as it is. True when added.
    @discardableResult func insertIfAbsent(file: ArchiveFile) throws -> Bool
    /// A document from another catalogue, in one transaction: the document unless stored (kept as it is, its hồ
    /// sơ must be stored), its page count and scan hash where none is stored, and the pages it lacks (stored
    /// pages kept). Anything added makes it need indexing.
    @discardableResult
    func mergeDocument(_ document: Document, pageCount: Int?, scanHash: String?, pages: [Page]) throws -> MergedDocument
    /// Each stored page's source hash by page number, without texts or boxes.
    func pageSourceHashes(documentID: String) throws -> [Int: String]
    /// Audit lines from another catalogue appended with their own times, in one transaction, each unless an
    /// identical line (time, token, role, action, target, remote) is stored. Returns how many were appended.
    @discardableResult func appendAuditLines(_ entries: [AuditEntry]) throws -> Int

    // MARK: Storage

    /// What the catalogue takes on disk: the SQLite file with its WAL, or the PostgreSQL database's size.
    func storageBytes() throws -> Int

    // MARK: Work claims and fleet progress

    /// Claims a document for `worker` for `lease` seconds, in one transaction: taken when no claim is held on it,
    /// when the one held has expired, or when it is the worker's own (then renewed). A claim another transaction
    /// is taking at that moment is skipped (PostgreSQL: `SKIP LOCKED`), not waited for. Returns the numbers of the
    /// document's pages already saved when `worker` holds it now, nil when another worker does.
    func claim(documentID: String, worker: String, lease: TimeInterval) throws -> Set<Int>?
    /// Extends every claim `worker` still holds to `lease` seconds from now; the documents it holds (a claim that
    /// expired and was taken by another worker is no longer among them).
    func renewClaims(worker: String, lease: TimeInterval) throws -> Set<String>
    /// Gives up `worker`'s claim on a document; nothing when it holds none.
    func releaseClaim(documentID: String, worker: String) throws
    /// Every claim not yet expired, ordered by document id.
    func liveClaims() throws -> [WorkClaim]
    /// `save(page:)` for a page `worker` recognised (or took from a text layer): the page and a line of the
    /// recognition log (document, page, worker, time) in one transaction, which also gives up the worker's claim
    /// on the document when `releasingClaim` (its last page).
    func save(page: Page, recognisedBy worker: String, releasingClaim: Bool) throws
    /// Documents and pages known and done, the recognition log by worker (pages in the last `window` seconds)
    /// and the live claims, in one read.
    func fleetProgress(window: TimeInterval) throws -> FleetProgress
}

/// A page to look at again: its confidence (for a kept PDF text layer, the layer's score × 100), where its
/// text came from, and the layer's score when it had one.
public struct ReviewPage: Equatable, Sendable {
    public var documentID: String
    public var number: Int
    public var confidence: Double
    public var textSource: PageTextSource
    public var layerScore: Double?

    public init(documentID: String, number: Int, confidence: Double, textSource: PageTextSource, layerScore: Double?) {
        self.documentID = documentID
        self.number = number
        self.confidence = confidence
        self.textSource = textSource
        self.layerScore = layerScore
    }
}

extension ArchiveCatalogue {
    public func integrityProblems(full: Bool = false) throws -> [String] { try integrityProblems(full: full, limit: 20) }

    @discardableResult
    public func markIndexed(_ stamps: [(documentID: String, version: Int)]) throws -> Int {
        try markIndexed(stamps, beforeCommit: {})
    }

    public func lowConfidencePages(below: Double, limit: Int) throws -> [ReviewPage] {
        try lowConfidencePages(below: below, poorLayerBelow: TextLayerQuality.poorBelow, limit: limit)
    }
}
