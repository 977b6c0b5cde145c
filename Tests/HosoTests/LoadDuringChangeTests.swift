import Catalogue
import Foundation
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Search

/// Load during change (issue 19; `scripts/load_change_test.sh` runs it against the HTTP server): two
/// searching threads while an ingest adds documents and a reindex switches generations. No search fails,
/// and none mixes generations: documents are only added, so a query never finds fewer than the same reader found
/// before, and every hit is a document of the catalogue (a query's answers compared with those of the same form:
/// strict or relaxed, widened or not).
final class LoadDuringChangeTests: XCTestCase {
    func testTwoSearchersWhileIngestAndReindexChangeTheIndex() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 20, name: "ld-a"))
        let queries = ["thu hồi đất", "Ea Kly", "\"tờ bản đồ\"", "Nguyễn Văn Hùng", "bồi thường"]
        let stop = ManagedFlag()
        let seen = LoadRecord()
        let readers = (0..<2).map { k in
            Thread {
                var i = k
                let archive = try? Archive(data: data)
                while !stop.isSet {
                    let q = queries[i % queries.count]
                    i += 1
                    do {
                        guard let archive else { throw HosoError(.unavailable, "không mở được") }
                        let r = try archive.search(SearchRequestSpec(query: q, role: .secret, limit: 100))
                        // Compared with answers of the same form: a word widened to its near spellings, or left out, is so
                        // only while no document holds it as typed, and documents added can end that.
                        let form = (r.relaxed ? " (relaxed)" : "") + (r.expanded.map { " (widened \($0))" } ?? "")
                            + (r.leftOut.map { " (left out \($0))" } ?? "")
                        // Per reader: two readers' searches overlap, so one that began on an older revision can
                        // end after another's on a newer one; each reader's own searches follow each other.
                        seen.record("reader \(k): " + q + form, total: r.total, ids: r.hits.map(\.id))
                    } catch {
                        seen.record(error: "\(q): \(error)")
                    }
                }
                stop.finished()
            }
        }
        readers.forEach { $0.start() }
        // The same first 20 hồ sơ and 40 more: only documents added.
        _ = try OpsFixture.ingest(try OpsFixture.batch(files: 60, name: "ld-b"), into: data)
        let store = try data.openCatalogue()
        XCTAssertEqual(try IndexMaintainer(data: data, store: store).rebuild(commitEvery: 20), 180)
        stop.set()
        stop.waitFinished()
        stop.waitFinished()
        XCTAssertEqual(seen.errors, [])
        XCTAssertEqual(seen.decreased, [], "một câu tìm thấy ít hơn lần trước: trộn thế hệ chỉ mục")
        let known = Set(try store.allDocumentIDs())
        XCTAssertTrue(seen.ids.isSubset(of: known), "\(seen.ids.subtracting(known))")
        XCTAssertGreaterThan(seen.count, 10)
    }
}

/// What the searching threads saw.
final class LoadRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String: Int] = [:]
    private(set) var errors: [String] = []
    private(set) var decreased: [String] = []
    private(set) var ids: Set<String> = []
    private(set) var count = 0

    func record(_ query: String, total: Int, ids found: [String]) {
        lock.lock(); defer { lock.unlock() }
        count += 1
        if total < last[query, default: 0] { decreased.append("\(query): \(total) < \(last[query]!)") }
        last[query] = max(total, last[query, default: 0])
        ids.formUnion(found)
    }

    func record(error: String) { lock.lock(); errors.append(error); lock.unlock() }
}
