import XCTest
@testable import Catalogue

/// What every backend must do with ingest workers' claims and the recognition log, run here on the SQLite file;
/// `PostgresClaimContractTests` overrides `makeCatalogue`, `openAgain` and `holdClaimRow` and runs every test
/// again on PostgreSQL.
class ClaimContractTests: XCTestCase {
    var dir: TempDir!
    var dbPath: String { dir.url.appendingPathComponent("data/catalogue.sqlite").path }

    override func setUpWithError() throws { dir = try TempDir() }
    override func tearDown() { dir = nil }

    func makeCatalogue() throws -> any ArchiveCatalogue { try CatalogueStore(path: dbPath) }
    func openAgain() throws -> any ArchiveCatalogue { try CatalogueStore(path: dbPath) }

    static let file = CatalogueContractTests.file
    static func document(_ ordinal: Int) -> Document { CatalogueContractTests.document(ordinal) }
    static func page(_ documentID: String, _ number: Int) -> Page { CatalogueContractTests.page(documentID, number) }

    /// Whether a claim row another transaction holds is passed over at once (PostgreSQL's `SKIP LOCKED`) rather
    /// than waited for (SQLite's single writer).
    var skipsLockedClaims: Bool { false }

    /// Holds the claim row of `documentID` locked in another transaction, as a claimer taking it does; the
    /// closure returned ends that transaction.
    func holdClaimRow(_ documentID: String) throws -> () -> Void {
        let holder = try LockHolder(path: dbPath, sql: "BEGIN IMMEDIATE; UPDATE work_claim SET worker = worker WHERE documentID = '\(documentID)';")
        return { holder.release() }
    }

    func prepared(_ store: any ArchiveCatalogue, documents: Int = 4) throws -> [String] {
        try store.upsert(files: [Self.file], documents: (1...documents).map { Self.document($0) })
        return (1...documents).map { Self.document($0).id }
    }

    func testTwoClaimersNeverHoldOneDocument() throws {
        let one = try makeCatalogue(), two = try openAgain()
        let ids = try prepared(one)
        XCTAssertNotNil(try one.claim(documentID: ids[0], worker: "máy-một", lease: 60))
        XCTAssertNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60), "held by a live worker")
        XCTAssertNotNil(try one.claim(documentID: ids[0], worker: "máy-một", lease: 60), "its own claim, renewed")
        XCTAssertNotNil(try two.claim(documentID: ids[1], worker: "máy-hai", lease: 60))
        XCTAssertEqual(try two.liveClaims().map(\.documentID), [ids[0], ids[1]])
        XCTAssertEqual(try one.liveClaims().map(\.worker), ["máy-một", "máy-hai"])
        XCTAssertThrowsError(try one.claim(documentID: "H00.không.có.1", worker: "máy-một", lease: 60)) { error in
            XCTAssertTrue((error as? CatalogueError)?.message.contains("H00.không.có.1") == true, "\(error)")
        }

        // Many threads of both stores claiming the same documents at once: each ends with exactly one holder.
        let many = try prepared(one, documents: 12)
        let winners = ErrorBox(), errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            let id = many[i % 12], worker = "thợ-\(i % 4)"
            do {
                if try (i % 2 == 0 ? one : two).claim(documentID: id, worker: worker, lease: 60) != nil {
                    winners.add(CatalogueError("\(id)|\(worker)"))
                }
            } catch { errors.add(error) }
        }
        XCTAssertEqual(errors.all.count, 0, "\(errors.all)")
        let won = winners.all.map { ($0 as! CatalogueError).message.split(separator: "|").map(String.init) }
        let holders = Dictionary(grouping: won, by: { $0[0] }).mapValues { Set($0.map { $0[1] }) }
        XCTAssertEqual(holders.count, 10, "the 10 documents not already held (ids[0], ids[1] are)")
        XCTAssertTrue(holders.values.allSatisfy { $0.count == 1 }, "\(holders)")
        let live = try one.liveClaims()
        for (id, workers) in holders { XCTAssertEqual(live.first { $0.documentID == id }?.worker, workers.first) }
    }

    func testAnExpiredClaimIsTakenAndARenewedOneIsNot() throws {
        let one = try makeCatalogue(), two = try openAgain()
        let ids = try prepared(one)
        XCTAssertNotNil(try one.claim(documentID: ids[0], worker: "máy-một", lease: 0.4))
        XCTAssertNotNil(try one.claim(documentID: ids[1], worker: "máy-một", lease: 0.8))
        XCTAssertNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60))
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(try one.renewClaims(worker: "máy-một", lease: 0.8), [ids[0], ids[1]], "expired but not taken: still its own")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertNil(try two.claim(documentID: ids[1], worker: "máy-hai", lease: 60), "renewed: still live")
        XCTAssertEqual(try one.renewClaims(worker: "máy-một", lease: 0.2), [ids[0], ids[1]])
        Thread.sleep(forTimeInterval: 0.4)
        XCTAssertEqual(try two.liveClaims().count, 0, "both expired")
        XCTAssertNotNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60), "a dead worker's claim is taken")
        XCTAssertEqual(try one.renewClaims(worker: "máy-một", lease: 60), [ids[1]], "the claim taken is lost")
        XCTAssertEqual(try one.liveClaims().map(\.worker), ["máy-hai", "máy-một"])
    }

    func testReleaseFreesOnlyTheHoldersClaim() throws {
        let one = try makeCatalogue(), two = try openAgain()
        let ids = try prepared(one)
        XCTAssertNotNil(try one.claim(documentID: ids[0], worker: "máy-một", lease: 60))
        try two.releaseClaim(documentID: ids[0], worker: "máy-hai")
        XCTAssertNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60), "another worker cannot release it")
        try one.releaseClaim(documentID: ids[0], worker: "máy-một")
        try one.releaseClaim(documentID: ids[3], worker: "máy-một")
        XCTAssertEqual(try one.liveClaims().count, 0)
        XCTAssertNotNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60))
        XCTAssertEqual(try one.renewClaims(worker: "máy-một", lease: 60), [])
    }

    func testAClaimBeingTakenIsNeverGivenTwice() throws {
        let one = try makeCatalogue(), two = try openAgain()
        let ids = try prepared(one)
        XCTAssertNotNil(try one.claim(documentID: ids[0], worker: "máy-một", lease: 0.2))
        Thread.sleep(forTimeInterval: 0.3)
        // Expired, and at this moment being taken by a transaction that has not committed yet.
        let release = try holdClaimRow(ids[0])
        let started = Date()
        if skipsLockedClaims {
            // On another thread, so that a claimer that waited for the lock fails the test instead of hanging it.
            let answered = DispatchSemaphore(value: 0), answer = ErrorBox()
            DispatchQueue.global().async {
                do { if try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60) != nil { answer.add(CatalogueError("đã nhận")) } }
                catch { answer.add(error) }
                answered.signal()
            }
            let inTime = answered.wait(timeout: .now() + 3) == .success
            XCTAssertTrue(inTime, "passed over, not waited for")
            XCTAssertEqual(answer.all.count, 0, "skipped while locked: \(answer.all)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 3)
            if inTime {
                XCTAssertNotNil(try two.claim(documentID: ids[1], worker: "máy-hai", lease: 60), "other documents are claimed meanwhile")
            }
            release()
            if !inTime { answered.wait() }
        } else {
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { release() }
            XCTAssertNotNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60), "the single writer waited for")
            XCTAssertGreaterThan(Date().timeIntervalSince(started), 0.4)
        }
        XCTAssertNotNil(try two.claim(documentID: ids[0], worker: "máy-hai", lease: 60))
        XCTAssertNil(try one.claim(documentID: ids[0], worker: "máy-một", lease: 60))
    }

    func testRecognitionLogAndFleetProgress() throws {
        let store = try makeCatalogue()
        let ids = try prepared(store, documents: 3)
        try store.setPageCount(documentID: ids[0], count: 3, scanHash: "a")
        try store.setPageCount(documentID: ids[1], count: 2, scanHash: "b")
        var empty = try store.fleetProgress(window: 600)
        XCTAssertEqual(empty.documents, 3)
        XCTAssertEqual(empty.documentsCounted, 2)
        XCTAssertEqual(empty.pagesKnown, 5)
        XCTAssertEqual(empty.pagesDone, 0)
        XCTAssertEqual(empty.workers, [])
        XCTAssertNil(empty.secondsLeft, "nobody recognising")
        empty.pagesDone = 5
        XCTAssertEqual(empty.secondsLeft, 0)

        let before = Date().addingTimeInterval(-1)
        try store.save(page: Self.page(ids[0], 1), recognisedBy: "máy-một", releasingClaim: false)
        try store.save(page: Self.page(ids[0], 2), recognisedBy: "máy-một", releasingClaim: false)
        try store.save(page: Self.page(ids[1], 1), recognisedBy: "máy-hai", releasingClaim: false)
        try store.save(page: Self.page(ids[1], 1), recognisedBy: "máy-một", releasingClaim: false)    // recognised twice
        try store.save(page: Self.page(ids[1], 2))                               // copied from an identical scan: not logged
        XCTAssertEqual(try store.page(documentID: ids[0], number: 2), Self.page(ids[0], 2), "saved as save(page:) saves it")
        XCTAssertEqual(try store.claim(documentID: ids[0], worker: "máy-một", lease: 60), [1, 2], "the pages saved before")
        XCTAssertEqual(try store.claim(documentID: ids[2], worker: "máy-ba", lease: 60), [])

        let p = try store.fleetProgress(window: 600)
        XCTAssertEqual(p.pagesDone, 4)
        XCTAssertEqual(p.pagesLeft, 1)
        XCTAssertEqual(p.recognitions, 4)
        XCTAssertEqual(p.pagesRecognisedTwice, 1)
        XCTAssertEqual(p.workers.map(\.worker), ["máy-ba", "máy-hai", "máy-một"], "a worker with only a claim is listed")
        XCTAssertEqual(p.workers.map(\.pages), [0, 1, 3])
        XCTAssertEqual(p.workers.map(\.recentPages), [0, 1, 3])
        XCTAssertTrue(p.workers.allSatisfy { $0.lastSeen > before && $0.lastSeen < Date().addingTimeInterval(1) }, "\(p.workers)")
        XCTAssertEqual(p.fleetRate, 4, accuracy: 1e-9, "4 pages, the first less than a minute ago: over a minute")
        XCTAssertEqual(p.secondsLeft ?? -1, 15, accuracy: 1e-6)
        // Begun longer ago, within the window: over the time since its first page; before: over the window.
        var later = p
        later.now = p.now.addingTimeInterval(240)
        XCTAssertEqual(later.rate(of: p.workers[2]), 3.0 / 4, accuracy: 0.01, "3 pages in the 4 minutes since its first")
        later.now = p.now.addingTimeInterval(6000)
        XCTAssertEqual(later.rate(of: p.workers[2]), 3.0 / 10, accuracy: 1e-9)
        XCTAssertEqual(later.rate(of: p.workers[0]), 0, "no page")
        XCTAssertEqual(p.liveClaims.map(\.documentID), [ids[0], ids[2]])
        XCTAssertTrue(p.liveClaims.allSatisfy { $0.expiresAt.timeIntervalSince(p.now) > 50 })
        XCTAssertEqual(p.now.timeIntervalSinceNow, 0, accuracy: 5)

        // Pages saved more than a window ago count for the worker, not for its rate.
        Thread.sleep(forTimeInterval: 0.3)
        let narrow = try store.fleetProgress(window: 0.2)
        XCTAssertEqual(narrow.workers.map(\.pages), [0, 1, 3])
        XCTAssertEqual(narrow.workers.map(\.recentPages), [0, 0, 0])

        // A document's last page given up with its claim, in the page's transaction; another worker's claim stays.
        try store.save(page: Self.page(ids[0], 3), recognisedBy: "máy-hai", releasingClaim: true)
        XCTAssertEqual(try store.liveClaims().map(\.documentID), [ids[0], ids[2]], "máy-hai held no claim on it")
        try store.save(page: Self.page(ids[0], 3), recognisedBy: "máy-một", releasingClaim: true)
        XCTAssertEqual(try store.liveClaims().map(\.documentID), [ids[2]])
        XCTAssertEqual(try store.fleetProgress(window: 600).pagesRecognisedTwice, 2)
    }
}
