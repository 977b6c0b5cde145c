import Catalogue
import CataloguePostgres
import PostgresTestSupport
import XCTest

/// Every catalogue test again, on PostgreSQL: each test in a fresh database of the test server.
final class PostgresCatalogueTests: CatalogueContractTests {
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
    override func openAgain() throws -> any ArchiveCatalogue { try PostgresCatalogue(url: database.url) }
    override func tamperWithAudit(_ sql: String) throws -> (status: Int32, output: String) {
        try TestPostgres.psqlStatus(database.url, sql)
    }

    // Linux's test discovery finds only the tests a class declares itself: each inherited one, named again.
    override func testFilesAndDocumentsRoundTrip() throws { try super.testFilesAndDocumentsRoundTrip() }
    override func testBatchUpsertIsOneTransaction() throws { try super.testBatchUpsertIsOneTransaction() }
    override func testPagesWordsAndOCRCache() throws { try super.testPagesWordsAndOCRCache() }
    override func testIngestAndIndexState() throws { try super.testIngestAndIndexState() }
    override func testTextSourceAndLayerScoreAreKeptAndPoorLayersReviewed() throws { try super.testTextSourceAndLayerScoreAreKeptAndPoorLayersReviewed() }
    override func testRecognizedTextIsKeptBesideTheCorrection() throws { try super.testRecognizedTextIsKeptBesideTheCorrection() }
    override func testLowConfidenceAndCounts() throws { try super.testLowConfidenceAndCounts() }
    override func testTokens() throws { try super.testTokens() }
    override func testAuditIsAppendOnlyAndFiltered() throws { try super.testAuditIsAppendOnlyAndFiltered() }
    override func testReopenAfterClose() throws { try super.testReopenAfterClose() }
    override func testTwoStoresOnOneFile() throws { try super.testTwoStoresOnOneFile() }

    /// A contract test added without its line above would silently not run on PostgreSQL.
    func testEveryContractTestIsNamedHere() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        func names(_ file: String, _ pattern: String) throws -> Set<String> {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: pattern)
            return Set(regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            })
        }
        let contract = try names("CatalogueContractTests.swift", #"\n    func (test\w+)\(\)"#)
        XCTAssertFalse(contract.isEmpty)
        XCTAssertEqual(try names("PostgresCatalogueTests.swift", #"override func (test\w+)\(\)"#), contract)
    }
}
