import CataloguePostgres
import PostgresTestSupport
import XCTest
@testable import Catalogue

/// What `hoso merge` needs of every catalogue backend, the text rule of both, and their size on disk: run on
/// the SQLite file here and on PostgreSQL by the subclass below.
class MergeContractTests: XCTestCase {
    var dir: TempDir!
    var dbPath: String { dir.url.appendingPathComponent("data/catalogue.sqlite").path }

    override func setUpWithError() throws { dir = try TempDir() }
    override func tearDown() { dir = nil }

    func makeCatalogue() throws -> any ArchiveCatalogue { try CatalogueStore(path: dbPath) }

    typealias C = CatalogueContractTests

    /// A page text holding U+0000 and other control characters: the NUL removed on both backends alike (the
    /// stated rule, `StoredText`), every other character read back as saved, in every read.
    func testPageTextWithControlCharactersReadsBack() throws {
        let store = try makeCatalogue()
        try store.upsert(file: C.file)
        try store.upsert(document: C.document(1))
        let id = C.document(1).id
        var page = C.page(id, 1)
        page.text = "Trang\u{0}một\u{1}\u{7}\u{8}\t\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{2028}hai\r\nba\u{0}"
        page.recognizedText = "Trang\u{0}mot\u{1F}"
        try store.save(page: page)
        let kept = "Trangmột\u{1}\u{7}\u{8}\t\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{2028}hai\r\nba"
        XCTAssertEqual(try store.page(documentID: id, number: 1)?.text, kept)
        XCTAssertEqual(try store.page(documentID: id, number: 1)?.recognizedText, "Trangmot\u{1F}")
        XCTAssertEqual(try store.pageTexts(documentID: id).first?.text, kept)
        XCTAssertEqual(try store.documentsWithPages(ids: [id])[id]?.pages.first?.text, kept)
        XCTAssertEqual(try store.resultRows(documentIDs: [id])[id]?.pages.first?.utf8, Array(kept.utf8))
        XCTAssertEqual(try store.pages(documentID: id).first?.words, page.words)
        // A merged page follows the same rule.
        var merged = C.page(id, 2)
        merged.text = "hai\u{0}\u{1}"
        XCTAssertEqual(try store.mergeDocument(C.document(1), pageCount: nil, scanHash: nil, pages: [merged]).pagesAdded, 1)
        XCTAssertEqual(try store.page(documentID: id, number: 2)?.text, "hai\u{1}")
    }

    func testMergeAddsOnlyWhatIsMissing() throws {
        let store = try makeCatalogue()
        XCTAssertTrue(try store.insertIfAbsent(file: C.file))
        var other = C.file
        other.title = "Khác"
        XCTAssertFalse(try store.insertIfAbsent(file: other), "a stored hồ sơ is kept")
        XCTAssertEqual(try store.file(id: C.file.id), C.file)

        let d = C.document(1), id = C.document(1).id
        let pages = [C.page(id, 1), C.page(id, 2)]
        XCTAssertEqual(try store.mergeDocument(d, pageCount: 2, scanHash: "scan", pages: pages),
                       MergedDocument(documentAdded: true, stateSet: true, pagesAdded: 2))
        XCTAssertEqual(try store.pages(documentID: id), pages)
        XCTAssertEqual(try store.documentState(id: id).pageCount, 2)
        XCTAssertEqual(try store.documentState(id: id).scanHash, "scan")
        XCTAssertEqual(try store.pageSourceHashes(documentID: id), [1: pages[0].sourceHash, 2: pages[1].sourceHash])
        try store.markIndexed(documentID: id, version: 7)
        // Again: nothing changes, and the document stays indexed.
        XCTAssertFalse(try store.mergeDocument(d, pageCount: 2, scanHash: "scan", pages: pages).changed)
        XCTAssertEqual(try store.documentState(id: id).indexedVersion, 7)
        // A stored page or state is never replaced; a page it lacks comes in and the document needs indexing.
        var replaced = C.page(id, 1)
        replaced.text = "khác"
        var changed = d
        changed.summary = "khác"
        XCTAssertEqual(try store.mergeDocument(changed, pageCount: 3, scanHash: "other", pages: [replaced, C.page(id, 3)]),
                       MergedDocument(documentAdded: false, stateSet: false, pagesAdded: 1))
        XCTAssertEqual(try store.document(id: id), d)
        XCTAssertEqual(try store.page(documentID: id, number: 1), pages[0])
        XCTAssertEqual(try store.documentState(id: id).scanHash, "scan")
        XCTAssertNil(try store.documentState(id: id).indexedVersion)
        // A document whose hồ sơ is not stored is refused, and writes nothing.
        let orphan = Document(fileID: "H49.không.có", ordinal: 1, path: "x.pdf", access: .open)
        XCTAssertThrowsError(try store.mergeDocument(orphan, pageCount: 1, scanHash: "s", pages: []))
        XCTAssertNil(try store.document(id: orphan.id))
    }

    func testTokensAndAuditMergeByHashAndLine() throws {
        let store = try makeCatalogue()
        let created = Date(timeIntervalSince1970: 1_764_000_000.125)
        let token = TokenRecord(hash: "ab12", name: "quầy 1", role: .staff, created: created, revoked: false)
        XCTAssertTrue(try store.mergeToken(token))
        XCTAssertFalse(try store.mergeToken(token))
        XCTAssertEqual(try store.tokenRecords(), [token])
        var revoked = token
        revoked.revoked = true
        XCTAssertTrue(try store.mergeToken(revoked), "a revocation comes in")
        XCTAssertFalse(try store.mergeToken(token), "and is not undone")
        XCTAssertEqual(try store.tokenRecords(), [revoked])
        XCTAssertEqual(try store.token(hash: "ab12")?.revoked, true)

        try store.appendAudit(token: "quầy 1", role: .staff, action: "search", target: "đất", remote: nil)
        let local = try store.audit(from: nil, to: nil, token: nil)
        let lines = [AuditEntry(id: 0, time: Date(timeIntervalSince1970: 1_764_000_001.5), token: "quầy 1", role: .staff,
                                action: "document", target: "H49.1", remote: "10.0.0.1"),
                     AuditEntry(id: 0, time: Date(timeIntervalSince1970: 1_764_000_002.25), token: "", role: .public,
                                action: "search", target: "thửa 305", remote: nil)]
        XCTAssertEqual(try store.appendAuditLines(lines + local), 2, "the line already stored is not appended again")
        XCTAssertEqual(try store.appendAuditLines(lines), 0)
        let all = try store.audit(from: nil, to: nil, token: nil)
        XCTAssertEqual(all.count, 3)
        XCTAssertEqual(all.map(\.time), [lines[0].time, lines[1].time, local[0].time].sorted())
        XCTAssertEqual(all.first?.remote, "10.0.0.1")
    }

    func testStorageBytes() throws {
        let store = try makeCatalogue()
        try store.upsert(file: C.file)
        try store.upsert(document: C.document(1))
        try store.save(page: C.page(C.document(1).id, 1))
        XCTAssertGreaterThan(try store.storageBytes(), 8192)
    }
}

final class PostgresMergeContractTests: MergeContractTests {
    var database: TestPostgres.Database!

    override func setUpWithError() throws {
        try super.setUpWithError()
        database = try TestPostgres.freshDatabase()
    }

    override func tearDown() {
        database?.drop()
        database = nil
        super.tearDown()
    }

    override func makeCatalogue() throws -> any ArchiveCatalogue { try PostgresCatalogue(url: database.url) }

    // Linux's test discovery finds only the tests a class declares itself.
    override func testPageTextWithControlCharactersReadsBack() throws { try super.testPageTextWithControlCharactersReadsBack() }
    override func testMergeAddsOnlyWhatIsMissing() throws { try super.testMergeAddsOnlyWhatIsMissing() }
    override func testTokensAndAuditMergeByHashAndLine() throws { try super.testTokensAndAuditMergeByHashAndLine() }

    /// The database's size as the server counts it, not the 0 of a catalogue without a file.
    override func testStorageBytes() throws {
        try super.testStorageBytes()
        let size = try TestPostgres.psql(database.url, "SELECT pg_database_size(current_database())")
        let reported = try makeCatalogue().storageBytes()
        XCTAssertEqual(Double(reported), Double(size.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, accuracy: 1_000_000)
    }

    /// A merge test added without its line above would silently not run on PostgreSQL (both classes are in this file).
    func testEveryMergeTestIsNamedHere() throws {
        let contract = try InheritedTests.names(in: "MergeContractTests.swift", InheritedTests.declared).filter { !$0.hasPrefix("testEvery") }
        XCTAssertEqual(contract.count, 4)
        XCTAssertEqual(try InheritedTests.names(in: "MergeContractTests.swift", InheritedTests.overridden), contract)
    }
}
