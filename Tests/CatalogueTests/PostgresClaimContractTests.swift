import Catalogue
import PostgresTestSupport
import XCTest
@testable import CataloguePostgres

/// Every claim test again, on PostgreSQL: each test in a fresh database of the test server.
final class PostgresClaimContractTests: ClaimContractTests {
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
    override var skipsLockedClaims: Bool { true }

    /// The row locked by a transaction of its own connection, as a claimer's `SELECT … FOR UPDATE` leaves it.
    override func holdClaimRow(_ documentID: String) throws -> () -> Void {
        let connection = try PGConnection(PostgresURL(database.url))
        try connection.exec("BEGIN")
        let locked = try connection.exec("SELECT 1 FROM work_claim WHERE document_id = $1 FOR UPDATE", [PGValue(documentID)])
        XCTAssertEqual(locked.count, 1)
        return {
            _ = try? connection.exec("ROLLBACK")
            connection.close()
        }
    }

    // Linux's test discovery finds only the tests a class declares itself: each inherited one, named again.
    override func testTwoClaimersNeverHoldOneDocument() throws { try super.testTwoClaimersNeverHoldOneDocument() }
    override func testAnExpiredClaimIsTakenAndARenewedOneIsNot() throws { try super.testAnExpiredClaimIsTakenAndARenewedOneIsNot() }
    override func testReleaseFreesOnlyTheHoldersClaim() throws { try super.testReleaseFreesOnlyTheHoldersClaim() }
    override func testAClaimBeingTakenIsNeverGivenTwice() throws { try super.testAClaimBeingTakenIsNeverGivenTwice() }
    override func testRecognitionLogAndFleetProgress() throws { try super.testRecognitionLogAndFleetProgress() }

    /// A claim test added without its line above would silently not run on PostgreSQL.
    func testEveryClaimTestIsNamedHere() throws {
        let contract = try InheritedTests.names(in: "ClaimContractTests.swift", InheritedTests.declared)
        XCTAssertEqual(contract.count, 5)
        XCTAssertEqual(try InheritedTests.names(in: "PostgresClaimContractTests.swift", InheritedTests.overridden), contract)
    }
}
