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
    override func testOwnTextsAreWhatPeopleWrote() throws { try super.testOwnTextsAreWhatPeopleWrote() }
    override func testLowConfidenceAndCounts() throws { try super.testLowConfidenceAndCounts() }
    override func testTokens() throws { try super.testTokens() }
    override func testAuditIsAppendOnlyAndFiltered() throws { try super.testAuditIsAppendOnlyAndFiltered() }
    override func testReopenAfterClose() throws { try super.testReopenAfterClose() }
    override func testTwoStoresOnOneFile() throws { try super.testTwoStoresOnOneFile() }

    /// A contract test added without its line above would silently not run on PostgreSQL.
    func testEveryContractTestIsNamedHere() throws {
        let contract = try InheritedTests.names(in: "CatalogueContractTests.swift", InheritedTests.declared)
        XCTAssertFalse(contract.isEmpty)
        XCTAssertEqual(try InheritedTests.names(in: "PostgresCatalogueTests.swift", InheritedTests.overridden), contract)
    }
}
