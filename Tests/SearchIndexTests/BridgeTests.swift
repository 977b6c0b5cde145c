import Foundation
import IndexSchema
import Query
import XCTest
import Xapian
@testable import SearchIndex

/// The C bridge: every Xapian failure comes back as a value (XapianError), never a crash.
final class BridgeTests: XCTestCase {
    func testOpeningAMissingDatabaseReadOnlyIsAnError() throws {
        let dir = try TempDir()
        XCTAssertThrowsError(try XapianDatabase(path: dir.path("không-có"))) { error in
            guard let e = error as? XapianError else { return XCTFail("\(error)") }
            XCTAssertTrue(["DatabaseOpeningError", "DatabaseNotFoundError"].contains(e.errorClass), e.errorClass)
            XCTAssertFalse(e.message.isEmpty)
            XCTAssertTrue(e.message.contains("không-có") || e.message.lowercased().contains("database"), e.message)
        }
        let db = try XapianDatabase()
        XCTAssertThrowsError(try db.add(path: dir.path("không-có"))) { error in
            XCTAssertNotNil(error as? XapianError)
        }
    }

    func testSecondWriterOnALockedDatabaseIsDatabaseLockError() throws {
        let dir = try TempDir()
        let first = try XapianWritableDatabase(path: dir.path("db"))
        XCTAssertThrowsError(try XapianWritableDatabase(path: dir.path("db"))) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "DatabaseLockError")
        }
        XCTAssertThrowsError(try IndexWriter(path: dir.path("db"))) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "DatabaseLockError")
        }
        try first.close()
        // Once closed, another writer may open it.
        XCTAssertNoThrow(try XapianWritableDatabase(path: dir.path("db")))
    }

    func testOpenModes() throws {
        let dir = try TempDir()
        XCTAssertThrowsError(try XapianWritableDatabase(path: dir.path("db"), mode: .open)) { error in
            XCTAssertNotNil(error as? XapianError)
        }
        _ = try XapianWritableDatabase(path: dir.path("db"), mode: .create)
        XCTAssertThrowsError(try XapianWritableDatabase(path: dir.path("db"), mode: .create)) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "DatabaseCreateError")
        }
    }

    /// A database written without fsync (`sync: false`, Xapian's DB_NO_SYNC) holds what it was given once
    /// committed, for a reader and for a writer opening it again with syncing.
    func testUnsyncedWriter() throws {
        let dir = try TempDir()
        let w = try XapianWritableDatabase(path: dir.path("db"), sync: false)
        for k in 0..<30 {
            let doc = try XapianDocument()
            try doc.addTerm("Fthua", wdf: 1)
            try doc.addTerm("Q\(k)", wdf: 0)
            try w.add(document: doc)
            if k % 10 == 9 { try w.commit() }
        }
        try w.close()
        XCTAssertEqual(try XapianDatabase(path: dir.path("db")).documentCount(), 30)
        let again = try XapianWritableDatabase(path: dir.path("db"), mode: .open)
        XCTAssertEqual(try again.termFrequency("Fthua"), 30)
        try again.close()
    }

    func testRemoteShardOnAClosedPortIsAnError() throws {
        let port = try freePort()
        let db = try XapianDatabase()
        XCTAssertThrowsError(try db.addRemote(host: "127.0.0.1", port: port, timeoutMilliseconds: 1000,
                                              connectTimeoutMilliseconds: 1000)) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "NetworkError")
        }
        XCTAssertThrowsError(try Searcher(shards: [ShardAddress(host: "127.0.0.1", port: port)])) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "NetworkError")
        }
        XCTAssertThrowsError(try db.addRemote(host: "127.0.0.1", port: 70000)) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "InvalidArgumentError")
        }
    }

    func testBadArgumentsAreErrors() throws {
        // A negative scale factor is refused by Xapian.
        XCTAssertThrowsError(try XapianQuery(term: "đất").scaled(by: -1)) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "InvalidArgumentError")
        }
        XCTAssertThrowsError(try XapianQuery(term: "đất", wqf: -1)) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "InvalidArgumentError")
        }
        // A term longer than Xapian allows fails at replace time, as an error.
        let dir = try TempDir()
        let db = try XapianWritableDatabase(path: dir.path("db"))
        let doc = try XapianDocument()
        try doc.addTerm(String(repeating: "đ", count: 200))
        XCTAssertThrowsError(try db.replace(uniqueTerm: "Qx", document: doc)) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "InvalidArgumentError")
        }
        // Committing a transaction that was never begun.
        XCTAssertThrowsError(try db.commitTransaction()) { error in
            XCTAssertEqual((error as? XapianError)?.errorClass, "InvalidOperationError")
        }
    }

    func testMetadataTransactionsAndReopen() throws {
        let dir = try TempDir()
        let w = try XapianWritableDatabase(path: dir.path("db"))
        XCTAssertEqual(try w.metadata(forKey: "hoso.schema"), Data())
        try w.setMetadata(Data("1".utf8), forKey: "hoso.schema")
        try w.setMetadata(Data("Phông UBND huyện Krông Pắc".utf8), forKey: "tên phông")
        try w.commit()

        let r = try XapianDatabase(path: dir.path("db"))
        XCTAssertEqual(String(decoding: try r.metadata(forKey: "hoso.schema"), as: UTF8.self), "1")
        XCTAssertEqual(String(decoding: try r.metadata(forKey: "tên phông"), as: UTF8.self), "Phông UBND huyện Krông Pắc")

        // A cancelled transaction leaves nothing.
        try w.beginTransaction()
        let d = try XapianDocument()
        try d.addPosting("đất", position: 1)
        try d.addBooleanTerm("Qa")
        try w.replace(uniqueTerm: "Qa", document: d)
        try w.cancelTransaction()
        XCTAssertEqual(try w.documentCount(), 0)
        // A committed one is seen by a reader after reopen.
        try w.beginTransaction()
        try w.replace(uniqueTerm: "Qa", document: d)
        try w.commitTransaction()
        XCTAssertEqual(try r.documentCount(), 0)
        XCTAssertTrue(try r.reopen())
        XCTAssertEqual(try r.documentCount(), 1)
        XCTAssertTrue(try r.termExists("đất"))
        XCTAssertFalse(try r.termExists("đât"))
        XCTAssertEqual(try r.termFrequency("Qa"), 1)
        XCTAssertEqual(try r.allTerms(prefix: "Q").map(\.term), ["Qa"])
        XCTAssertEqual(try r.positions(docid: 1, term: "đất"), [1])
    }

    func testVisitingTermsWithSkips() throws {
        let dir = try TempDir()
        let w = try XapianWritableDatabase(path: dir.path("db"))
        let d = try XapianDocument()
        for t in ["Bquyền_sử", "Fdat", "XA1", "ba", "bốn", "đất", "2012"] { try d.addTerm(t) }
        try d.addBooleanTerm("Qa")
        try w.replace(uniqueTerm: "Qa", document: d)
        try w.commit()
        let r = try XapianDatabase(path: dir.path("db"))
        // (skip rule, expected visits)
        let table: [((String) -> XapianDatabase.TermVisit, [String])] = [
            ({ _ in .next }, ["2012", "Bquyền_sử", "Fdat", "Qa", "XA1", "ba", "bốn", "đất"]),
            ({ $0.first!.isUppercase ? .skip(to: "[") : .next }, ["2012", "Bquyền_sử", "ba", "bốn", "đất"]),
            ({ $0 == "Fdat" ? .skip(to: "Fdat") : .next }, ["2012", "Bquyền_sử", "Fdat", "Qa", "XA1", "ba", "bốn", "đất"]),
            ({ $0 == "2012" ? .skip(to: "c") : .next }, ["2012", "đất"]),
            ({ $0 == "ba" ? .stop : .next }, ["2012", "Bquyền_sử", "Fdat", "Qa", "XA1", "ba"]),
        ]
        for (rule, expected) in table {
            var seen: [String] = []
            try r.visitTerms { term, _ in
                seen.append(term)
                return rule(term)
            }
            XCTAssertEqual(seen, expected)
        }
        var fs: [String] = []
        try r.visitTerms(prefix: "F") { t, freq in
            XCTAssertEqual(freq, 1)
            fs.append(t)
            return .next
        }
        XCTAssertEqual(fs, ["Fdat"])
        XCTAssertEqual(try r.documentTerms(docid: 1).first { $0.term == "đất" }?.wdf, 1)
    }

    func testStubDatabaseFileOpensItsShards() throws {
        let dir = try TempDir()
        try buildIndex(dir.path("a"), [Corpus.documents[0]])
        try buildIndex(dir.path("b"), [Corpus.documents[2]])
        let stub = dir.path("all.stub")
        try "auto a\nauto b\n".write(toFile: stub, atomically: true, encoding: .utf8)
        let db = try XapianDatabase(path: stub)
        XCTAssertEqual(try db.documentCount(), 2)
        let multi = try XapianDatabase()
        try multi.add(path: stub)
        XCTAssertEqual(try multi.documentCount(), 2)
    }

    func testSortableSerialiseRoundTrip() throws {
        let years = [1945, 1975, 2001, 2012, 2025]
        let bytes = try years.map { try XapianSortable.serialise(Double($0)) }
        // Byte order follows numeric order.
        XCTAssertEqual(bytes, bytes.sorted { $0.lexicographicallyPrecedes($1) })
        XCTAssertEqual(try bytes.map { Int(try XapianSortable.unserialise($0)) }, years)
    }

    func testQueryNodeConversionDescriptions() throws {
        let table: [(QueryNode, String)] = [
            (.term("đất"), "Query(đất)"),
            (.term("đất", weight: 2), "Query(2 * đất)"),
            (.and([.term("đất"), .term("Fdat")]), "Query((đất AND Fdat))"),
            (.or([.term("đất"), .term("Fdat")]), "Query((đất OR Fdat))"),
            (.synonym([.term("đất"), .term("Fdat")]), "Query((đất SYNONYM Fdat))"),
            (.andMaybe(.term("đất"), .term("Fdat")), "Query((đất AND_MAYBE Fdat))"),
            (.andNot(.term("đất"), .term("Fdat")), "Query((đất AND_NOT Fdat))"),
            (.filter(.term("đất"), .term("XA1")), "Query((đất FILTER XA1))"),
            (.scaleWeight(.term("đất"), 0.5), "Query(0.5 * đất)"),
            (.valueRange(slot: 1, from: "20120101", to: "20121231"), "Query(VALUE_RANGE 1 20120101 20121231)"),
            (.valueRange(slot: 1, from: "", to: "20121231"), "Query(VALUE_LE 1 20121231)"),
            (.valueRange(slot: 1, from: "20120101", to: ""), "Query(VALUE_GE 1 20120101)"),
            (.and([]), "Query(<alldocuments>)"),
            (.or([]), "Query()"),
            (.and([.term("đất")]), "Query(đất)"),
            (.matchAll, "Query(<alldocuments>)"),
            (.matchNothing, "Query()"),
        ]
        for (node, expected) in table {
            XCTAssertEqual(try node.xapianQuery().description, expected, "\(node)")
        }
        // A year range compares numbers (sortable_serialise), not digits.
        let year = try QueryNode.valueRange(slot: ValueSlot.year, from: "2010", to: "2012").xapianQuery().description
        XCTAssertTrue(year.hasPrefix("Query(VALUE_RANGE 2 "), year)
        XCTAssertFalse(year.contains("2010"), year)
    }
}
