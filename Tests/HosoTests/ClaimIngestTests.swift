import Catalogue
import DataFolder
import Foundation
import Ingest
import XCTest

/// What `hoso ingest` does with the claims it finds in a SQLite catalogue: those of a run of this machine that
/// has ended are freed at once; another worker's live claim is waited for, then its document done.
final class ClaimIngestTests: XCTestCase {
    func testClaimsOfAnEndedLocalRunAreFreedAndAnotherWorkersAreWaitedFor() throws {
        let batch = try OpsFixture.batch(files: 2, name: "claims")
        let data = try DataDirectory(path: Fixture.temporaryDirectory("claims-data").path)
        let first = try Fixture.hoso(["ingest", batch.path, "--data", data.url.path])
        XCTAssertEqual(first.code, 0, first.err)
        let store = try data.openCatalogue()
        let ids = try store.allDocumentIDs()
        let pages = try store.counts().pages
        let (a, b) = (ids[0], ids[1])
        let (aPages, bPages) = (try store.pageNumbers(documentID: a), try store.pageNumbers(documentID: b))
        let delete = Process()
        delete.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        delete.arguments = [data.cataloguePath, "DELETE FROM page WHERE documentID IN ('\(a)', '\(b)');"]
        try delete.run()
        delete.waitUntilExit()
        XCTAssertEqual(delete.terminationStatus, 0)
        XCTAssertEqual(try store.counts().pages, pages - aPages.count - bPages.count)

        // A run of this machine killed while it held a, with a long lease; another machine holding b 5 s more.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        XCTAssertNotNil(try store.claim(documentID: a, worker: "\(IngestOptions.hostName):\(ended.processIdentifier)", lease: 600))
        XCTAssertNotNil(try store.claim(documentID: b, worker: "máy-khác", lease: 5))

        let started = Date()
        let again = try Fixture.hoso(["ingest", batch.path, "--data", data.url.path, "--json"], killAfter: 120)
        XCTAssertEqual(again.code, 0, again.err)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 3, "b waited for")
        XCTAssertTrue(again.err.contains("Đang chờ máy khác nhận dạng xong 1 tài liệu đã được nhận trước…"), again.err)
        XCTAssertTrue(again.out.contains("\"recognised\":\(aPages.count + bPages.count)"), again.out)
        XCTAssertEqual(try store.pageNumbers(documentID: a), aPages)
        XCTAssertEqual(try store.pageNumbers(documentID: b), bPages)
        XCTAssertEqual(try store.counts().pages, pages)
        XCTAssertEqual(try store.liveClaims(), [])
        let progress = try store.fleetProgress(window: 600)
        XCTAssertEqual(progress.recognitions, pages + aPages.count + bPages.count)
        XCTAssertEqual(progress.pagesRecognisedTwice, aPages.count + bPages.count)
    }
}
