import Catalogue
import Foundation
@testable import HosoCore
import SearchIndex
import XCTest

/// Real OCR → SQLite → Xapian → search, on pages of the samples.
final class IngestSearchTests: XCTestCase {
    func testIngestRecognisesEveryPageAndSkipsNothing() throws {
        let built = try Fixture.get()
        XCTAssertEqual(built.summary.documents, 4)
        XCTAssertEqual(built.summary.pages, 5)
        XCTAssertEqual(built.summary.recognised, 5)
        XCTAssertEqual(built.summary.indexed, 4)
        XCTAssertEqual(built.summary.skipped, [])
    }

    func testSecondIngestOfTheSameBatchChangesNothing() throws {
        let built = try Fixture.get()
        var options = IngestOptions()
        options.quiet = true
        let store = try Archive.openStore(built.data)
        let again = try Ingestor(data: built.data, store: store, options: options).ingest(batch: built.batch)
        XCTAssertEqual(again.recognised, 0)
        XCTAssertEqual(again.indexed, 0)
        XCTAssertEqual(again.documents, 4)
        XCTAssertEqual(again.pages, 5)
    }

    func testAccentedAndUnaccentedQueriesFindTheLandRecoveryDecision() throws {
        let archive = try Archive(data: Fixture.get().data)
        for query in ["Quyết định thu hồi đất", "quyet dinh thu hoi dat", "QUYẾT ĐỊNH THU HỒI ĐẤT",
                      "Quyết định thu hồi đất".decomposedStringWithCanonicalMapping] {
            let result = try archive.search(SearchRequestSpec(query: query))
            XCTAssertEqual(result.hits.first?.id, "H49.64.33.2012.015.2", query)
            XCTAssertEqual(Set(result.hits.first?.pages ?? []), [1, 2], query)
            XCTAssertTrue(result.hits.first?.snippetHTML.contains("<mark>") ?? false, query)
        }
    }

    func testIdentifiersFindTheirDocument() throws {
        let archive = try Archive(data: Fixture.get().data)
        for query in ["1605/QĐ-UBND", "1605/QD-UBND", "qd 1605", "thửa 305 tờ 80", "thua 305 to 80",
                      "nguyen van hung thua 305"] {
            let result = try archive.search(SearchRequestSpec(query: query))
            XCTAssertEqual(result.hits.first?.id, "H49.64.33.2012.015.2", query)
        }
    }

    func testRolesSeeOnlyWhatTheyMay() throws {
        let archive = try Archive(data: Fixture.get().data)
        let secretID = "H54.55.12.2012.031.3", staffID = "H49.64.33.2016.003.1"
        func ids(_ q: String, _ role: Role) throws -> (Int, Set<String>) {
            let r = try archive.search(SearchRequestSpec(query: q, role: role, limit: 50, facets: true))
            return (r.total, Set(r.hits.map(\.id)))
        }
        let (publicTotal, publicIDs) = try ids("ủy ban nhân dân", .public)
        let (staffTotal, staffIDs) = try ids("ủy ban nhân dân", .staff)
        let (secretTotal, secretIDs) = try ids("ủy ban nhân dân", .secret)
        XCTAssertFalse(publicIDs.contains(staffID) || publicIDs.contains(secretID))
        XCTAssertTrue(staffIDs.contains(staffID) && !staffIDs.contains(secretID))
        XCTAssertTrue(secretIDs.contains(secretID))
        XCTAssertEqual([publicTotal, staffTotal, secretTotal], [2, 3, 4])
        // Facet counts never count what the role may not see.
        let facets = try archive.search(SearchRequestSpec(query: "ủy ban nhân dân", role: .public, facets: true)).facets
        XCTAssertEqual(facets?["type"]?.reduce(0) { $0 + $1.count }, 2)
        // A document the role may not see answers exactly like an unknown one.
        XCTAssertThrowsError(try archive.text(id: secretID, role: .staff)) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .notFound)
        }
        XCTAssertThrowsError(try archive.document(id: "H00.00.00.0000.000.9", role: .secret)) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .notFound)
        }
        XCTAssertNoThrow(try archive.text(id: secretID, role: .secret))
    }

    func testRecognisedTextIsCloseToTheTrueText() throws {
        let archive = try Archive(data: Fixture.get().data)
        for id in Fixture.documentIDs {
            let pages = try archive.text(id: id, role: .secret)
            for (i, text) in pages.enumerated() {
                let cer = Fixture.characterErrorRate(text, truth: try Fixture.truth(id, page: i + 1))
                XCTAssertLessThan(cer, 0.05, "\(id) trang \(i + 1): CER \(cer)")
            }
        }
    }

    func testMalformedQueryIsAUsageError() throws {
        let archive = try Archive(data: Fixture.get().data)
        for query in ["\"thu hồi đất", "nam:abc", String(repeating: "đất ", count: 400), "   "] {
            XCTAssertThrowsError(try archive.search(SearchRequestSpec(query: query)), query) { error in
                XCTAssertEqual((error as? HosoError)?.kind, .usage, query)
                XCTAssertFalse((error as? HosoError)?.message.isEmpty ?? true)
            }
        }
    }

    func testReindexSwitchesToANewGenerationWithTheSameResults() throws {
        let built = try Fixture.get()
        let archive = try Archive(data: built.data)
        let before = try archive.search(SearchRequestSpec(query: "thu hoi dat", role: .secret))
        let count = try IndexMaintainer(data: built.data, store: Archive.openStore(built.data)).rebuild()
        XCTAssertEqual(count, 4)
        let after = try archive.search(SearchRequestSpec(query: "thu hoi dat", role: .secret))
        XCTAssertEqual(after.hits.map(\.id), before.hits.map(\.id))
        XCTAssertEqual(after.total, before.total)
    }
}

/// The command line: exit codes and messages of CONTRACT.md.
final class CommandLineTests: XCTestCase {
    func testSearchJSONMatchesTheContract() throws {
        let data = try Fixture.get().data
        let run = try Fixture.hoso(["search", "--data", data.url.path, "--json", "quyet", "dinh", "thu", "hoi", "dat"])
        XCTAssertEqual(run.code, 0, run.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        XCTAssertEqual(json["total"] as? Int, 1)
        let hit = try XCTUnwrap((json["hits"] as? [[String: Any]])?.first)
        XCTAssertEqual(hit["id"] as? String, "H49.64.33.2012.015.2")
        XCTAssertEqual(hit["file"] as? String, "H49.64.33.2012.015")
        for key in ["title", "pages", "snippet", "score"] { XCTAssertNotNil(hit[key], key) }
    }

    func testTextPrintsPagesSeparatedByFormFeed() throws {
        let data = try Fixture.get().data
        let run = try Fixture.hoso(["text", "--data", data.url.path, "H49.64.33.2012.015.2"])
        XCTAssertEqual(run.code, 0, run.err)
        XCTAssertEqual(run.out.components(separatedBy: "\u{0C}").count, 2)
        XCTAssertTrue(run.out.contains("1605/QĐ-UBND"))
        let hidden = try Fixture.hoso(["text", "--data", data.url.path, "H54.55.12.2012.031.3"])
        XCTAssertEqual(hidden.code, 1)
        let missing = try Fixture.hoso(["text", "--data", data.url.path, "H54.55.12.2012.031.99"])
        XCTAssertEqual(missing.code, 1)
        XCTAssertEqual(hidden.err.replacingOccurrences(of: "031.3", with: "X"),
                       missing.err.replacingOccurrences(of: "031.99", with: "X"))
    }

    func testBadUsageAndUnusableInputExitWithTwo() throws {
        let data = try Fixture.get().data
        let cases: [[String]] = [
            ["search", "--data", data.url.path, "\"thu hồi"],
            ["search", "--data", "/nonexistent/hoso-data", "đất"],
            ["search", "--data", data.url.path, "--role", "admin", "đất"],
            ["ingest", "/nonexistent/batch", "--data", data.url.path],
            ["frobnicate"],
        ]
        for args in cases {
            let run = try Fixture.hoso(args)
            XCTAssertEqual(run.code, 2, "\(args): \(run.err)")
            XCTAssertFalse(run.err.isEmpty, "\(args)")
            XCTAssertFalse(run.err.contains("Fatal error"), "\(args)")
        }
    }

    func testLockedIndexIsAClearMessageAndExitTwo() throws {
        let built = try Fixture.get()
        let maintainer = try IndexMaintainer(data: built.data, store: Archive.openStore(built.data))
        // Another writer holds the index, as a second `hoso ingest` would.
        let holder = try IndexWriter(path: maintainer.currentIndexDirectory())
        defer { try? holder.close() }
        let run = try Fixture.hoso(["ingest", built.batch.path, "--data", built.data.url.path])
        XCTAssertEqual(run.code, 2, run.err)
        XCTAssertTrue(run.err.contains("tiến trình khác"), run.err)
        // Searching still works while the writer holds the lock.
        let search = try Fixture.hoso(["search", "--data", built.data.url.path, "đất"])
        XCTAssertEqual(search.code, 0, search.err)
    }

    func testBadBatchReportsEveryProblemAndKeepsTheGoodRows() throws {
        let data = try DataDirectory(path: Fixture.temporaryDirectory("bad").path)
        let run = try Fixture.hoso(["ingest", Fixture.samples.appendingPathComponent("bad-batch").path,
                                    "--data", data.url.path, "--json"])
        XCTAssertEqual(run.code, 1, run.err)
        let last = try XCTUnwrap(run.out.split(separator: "\n").last)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        XCTAssertEqual(json["documents"] as? Int, 2)
        XCTAssertEqual(json["pages"] as? Int, 2)
        let skipped = try XCTUnwrap(json["skipped"] as? [[String: Any]])
        XCTAssertEqual(skipped.count, 11, "\(skipped)")
        for item in skipped {
            XCTAssertFalse((item["place"] as? String ?? "").isEmpty)
            XCTAssertFalse((item["reason"] as? String ?? "").isEmpty)
        }
        let search = try Fixture.hoso(["search", "--data", data.url.path, "--role", "secret", "--json", "giấy mời"])
        XCTAssertEqual(search.code, 0, search.err)
        XCTAssertTrue(search.out.contains("H49.64.33.2015.090.2"), search.out)
    }
}
