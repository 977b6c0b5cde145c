import Catalogue
import Foundation
import IndexSchema
import SearchIndex
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Ingest
@testable import Search

/// Real OCR → SQLite → Xapian → search, on pages of the samples.
final class IngestSearchTests: XCTestCase {
    func testIngestRecognisesEveryPageAndSkipsNothing() throws {
        let built = try Fixture.get()
        XCTAssertEqual(built.summary.documents, 28)
        XCTAssertEqual(built.summary.pages, 47)
        XCTAssertEqual(built.summary.recognised, 47)
        XCTAssertEqual(built.summary.indexed, 28)
        XCTAssertEqual(built.summary.skipped, [])
    }

    func testSecondIngestOfTheSameBatchChangesNothing() throws {
        let built = try Fixture.get()
        var options = IngestOptions()
        options.quiet = true
        let store = try built.data.openCatalogue()
        let again = try Ingestor(data: built.data, store: store, options: options).ingest(batch: built.batch)
        XCTAssertEqual(again.recognised, 0)
        XCTAssertEqual(again.indexed, 0)
        XCTAssertEqual(again.documents, 28)
        XCTAssertEqual(again.pages, 47)
    }

    func testAccentedAndUnaccentedQueriesFindTheLandRecoveryDecisions() throws {
        let archive = try Archive(data: Fixture.get().data)
        let decisions: Set = ["H49.64.33.2012.015.2", "H49.64.33.2012.015.3", "H54.55.12.2012.031.1", "H54.55.12.2012.031.2"]
        var totals: Set<Int> = []
        for query in ["Quyết định thu hồi đất", "quyet dinh thu hoi dat", "QUYẾT ĐỊNH THU HỒI ĐẤT",
                      "Quyết định thu hồi đất".decomposedStringWithCanonicalMapping, "Quyết định thu hồi đất"] {
            let result = try archive.search(SearchRequestSpec(query: query))
            XCTAssertTrue(decisions.isSubset(of: result.hits.map(\.id)), query)
            let first = try XCTUnwrap(result.hits.first, query)
            XCTAssertFalse(first.pages.isEmpty, query)
            XCTAssertTrue(first.snippetHTML.contains("<mark>"), query)
            totals.insert(result.total)
        }
        XCTAssertEqual(totals.count, 1, "with or without diacritics, the same documents match")
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
        let store = archive.store
        var totals: [Int] = []
        for role in [Role.public, .staff, .secret] {
            let r = try archive.search(SearchRequestSpec(query: "ủy ban nhân dân", role: role, limit: 100, facets: true))
            for hit in r.hits {
                let level = try XCTUnwrap(store.document(id: hit.id)).access
                XCTAssertTrue(role.canSee(level), "\(role) sees \(hit.id) (\(level))")
            }
            XCTAssertEqual(r.hits.count, r.total)
            // Facet counts never count what the role may not see.
            XCTAssertEqual(r.facets?["type"]?.reduce(0) { $0 + $1.count }, r.total, "\(role)")
            totals.append(r.total)
        }
        XCTAssertLessThan(totals[0], totals[1])
        XCTAssertLessThan(totals[1], totals[2])
        let secretID = "H54.55.12.2012.031.3", staffID = "H49.64.33.2016.003.1"
        // A document the role may not see answers exactly like an unknown one.
        for (id, role) in [(secretID, Role.staff), (staffID, .public), ("H00.00.00.0000.000.9", .secret)] {
            XCTAssertThrowsError(try archive.text(id: id, role: role)) { error in
                XCTAssertEqual((error as? HosoError)?.kind, .notFound)
            }
        }
        XCTAssertNoThrow(try archive.text(id: secretID, role: .secret))
        XCTAssertNoThrow(try archive.text(id: staffID, role: .staff))
    }

    func testRecognisedTextIsCloseToTheTrueText() throws {
        let archive = try Archive(data: Fixture.get().data)
        // Per page: no catastrophe (an unrotated page loses nearly every word). Over all pages: the quality
        // goals of the OCR issue, CER ≤ 2 % with a margin for OCR noise between Tesseract builds.
        var errors = 0.0, length = 0.0, missedWords = 0.0, words = 0.0
        for id in try archive.store.allDocumentIDs() {
            let pages = try archive.text(id: id, role: .secret)
            for (i, text) in pages.enumerated() {
                let truth = try Fixture.truth(id, page: i + 1)
                let cer = Fixture.characterErrorRate(text, truth: truth)
                let missed = Fixture.wordMissRate(text, truth: truth)
                XCTAssertLessThan(missed, 0.2, "\(id) trang \(i + 1): \(missed) of the words missed")
                let count = Double(truth.split(whereSeparator: \.isWhitespace).count)
                errors += cer * Double(truth.count)
                length += Double(truth.count)
                missedWords += missed * count
                words += count
            }
        }
        print("Samples: CER \(String(format: "%.2f", 100 * errors / length))%, words missed \(String(format: "%.2f", 100 * missedWords / words))%")
        XCTAssertLessThan(missedWords / words, 0.03)
        XCTAssertLessThan(errors / length, 0.025)
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
        let maintainer = try IndexMaintainer(data: built.data, store: built.data.openCatalogue())
        XCTAssertEqual(try maintainer.rebuild(), 28)
        let after = try archive.search(SearchRequestSpec(query: "thu hoi dat", role: .secret))
        XCTAssertEqual(after.hits.map(\.id), before.hits.map(\.id))
        XCTAssertEqual(after.total, before.total)
        // Built in 4 or in 20 partitions (1 or 5 workers), merged by compaction: the same hits, scores and order.
        for workers in [1, 5] {
            XCTAssertEqual(try maintainer.rebuild(workers: workers), 28)
            let again = try archive.search(SearchRequestSpec(query: "thu hoi dat", role: .secret))
            XCTAssertEqual(again.hits.map(\.id), after.hits.map(\.id), "\(workers) partitions")
            XCTAssertEqual(again.hits.map(\.score), after.hits.map(\.score), "\(workers) partitions")
        }
    }

    func testPartitionsAreMultiplesOfTheWorkersAndBounded() {
        let d = IndexMaintainer.partitionDocuments
        let table: [(documents: Int, workers: Int, partitions: Int)] = [
            (0, 2, 1), (1, 2, 1), (10, 2, 8), (5, 2, 5), (d * 8, 2, 8), (d * 8 + 1, 2, 10), (500_000, 2, 50), (500_000, 3, 51),
            (7, 1, 4), (3, 1, 3),
        ]
        for row in table {
            XCTAssertEqual(IndexMaintainer.partitionCount(documents: row.documents, workers: row.workers), row.partitions, "\(row)")
        }
    }

    /// The stamp is hashed part by part; its definition (and what every catalogue already holds) is the
    /// SHA-256 of the parts joined by U+001F. A different stamp would reindex every document of every archive.
    func testDocumentStampIsTheHashOfItsJoinedParts() throws {
        func definition(_ d: IndexableDocument) -> Int {
            var parts = ["\(IndexSchema.version)", d.id, d.fileID, d.title, d.documentType ?? "", d.number ?? "",
                         d.symbol ?? "", d.dateSortKey ?? "", d.year.map(String.init) ?? "", d.issuer ?? "", d.summary ?? "",
                         d.signer ?? "", d.fileTitle ?? "", d.fonds ?? "", d.retention ?? "", "\(d.access)"]
            parts += d.extra.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            parts += d.pages
            return Int(UInt64(SHA256.hex(Data(parts.joined(separator: "\u{1F}").utf8)).prefix(15), radix: 16)!)
        }
        let long = String(repeating: "Thửa đất số 125, tờ bản đồ số 07, xã Ea Tu; ", count: 200)
        let docs: [IndexableDocument] = [
            IndexableDocument(id: "H49.64.33.2001.160.1", fileID: "H49.64.33.2001.160", title: "Quyết định thu hồi đất", access: 1),
            IndexableDocument(id: "H49.64.33.2012.7.3", fileID: "H49.64.33.2012.7", title: "Quyết định về việc cấp giấy chứng nhận",
                              documentType: "Quyết định", number: "1605", symbol: "QĐ-UBND", dateSortKey: "20120215", year: 2012,
                              issuer: "UBND huyện Krông Pắc", summary: "V/v cấp GCNQSDĐ cho hộ ông Nguyễn Văn Ân",
                              signer: "Trần Thị Bích", fileTitle: "Hồ sơ cấp giấy chứng nhận năm 2012", fonds: "UBND huyện Krông Pắc",
                              retention: "01", access: 2, extra: ["Ghi chú": "Bản sao", "Bút tích": "Có", "a": ""],
                              pages: ["ỦY BAN NHÂN DÂN\nHUYỆN KRÔNG PẮC", "", long, "trang cuối\u{1F}có ký tự phân cách"]),
            IndexableDocument(id: "X.1", fileID: "X", title: "", access: 3, pages: [String(repeating: "a", count: 55),
                                                                                     String(repeating: "b", count: 64), "ế"]),
        ]
        for d in docs { XCTAssertEqual(IndexMaintainer.stamp(d), definition(d), d.id) }
        // Every page length around the 64-byte block, so each way a part can end inside or at a block is hashed.
        for n in 0..<140 {
            let d = IndexableDocument(id: "T.\(n)", fileID: "T", title: "Tờ trình", access: 1,
                                      pages: [String(repeating: "đ", count: n / 2) + String(repeating: "x", count: n % 2), "ý"])
            XCTAssertEqual(IndexMaintainer.stamp(d), definition(d), "\(n)")
        }
    }
}

/// The command line: exit codes and messages of CONTRACT.md.
final class CommandLineTests: XCTestCase {
    func testSearchJSONMatchesTheContract() throws {
        let data = try Fixture.get().data
        let run = try Fixture.hoso(["search", "--data", data.url.path, "--json", "quyet", "dinh", "1605/QD-UBND"])
        XCTAssertEqual(run.code, 0, run.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        XCTAssertGreaterThanOrEqual(json["total"] as? Int ?? 0, 1)
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
        let fresh = try Fixture.temporaryDirectory("fresh").appendingPathComponent("data").path
        let cases: [[String]] = [
            ["search", "--data", data.url.path, "\"thu hồi"],
            ["search", "--data", fresh, "đất"],   // created, empty: no index yet
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
        let maintainer = try IndexMaintainer(data: built.data, store: built.data.openCatalogue())
        // Another writer holds the index, as a second `hoso ingest` would.
        let holder = try IndexWriter(path: IndexLayout.levelPath(maintainer.currentIndexDirectory(), level: 2))
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
