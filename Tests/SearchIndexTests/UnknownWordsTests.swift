import Foundation
import IndexSchema
import Query
import VietText
import XCTest
@testable import SearchIndex

/// Words no visible document holds do not sink a query: answered on the other words, said in `leftOut`;
/// slips stay required as their near words; a role's answer is that of the documents it may see.
final class UnknownWordsTests: XCTestCase {
    var dir: TempDir!
    var searcher: Searcher!
    let parser = QueryParser()
    static let file = RelevanceTests.file

    override func setUpWithError() throws {
        dir = try TempDir()
        searcher = try RelevanceTests.searcher(RelevanceTests.documents, at: dir.path("db"))
    }

    func search(_ q: String, _ levels: [Int] = publicLevels) throws -> SearchResponse {
        try searcher.search(SearchRequest(query: try parser.parse(q).node, visibleLevels: levels, limit: 10))
    }

    func testAWordNoDocumentHoldsIsLeftOut() throws {
        let plain = try search("Nguyễn Văn Hùng")
        // (query, the word left out)
        for (q, left) in [("Nguyễn Văn Hùng photo", "photo"), ("giùm Nguyễn Văn Hùng", "gium"), ("nguyen van hung xerox", "xerox")] {
            let r = try search(q)
            XCTAssertEqual(Set(r.hits.map(\.id)), Set(plain.hits.map(\.id)), q)
            XCTAssertEqual(r.total, plain.total, q)
            XCTAssertEqual(r.leftOut, [left], q)
            // Required as typed, the word sinks the query.
            var literal = SearchRequest(query: try parser.parse(q).node, visibleLevels: publicLevels)
            literal.expandUnknownWords = false
            XCTAssertEqual(try searcher.search(literal).total, 0, q)
            var required = SearchRequest(query: try parser.parse(q).node, visibleLevels: publicLevels)
            required.spareUnknownWords = false
            XCTAssertEqual(try searcher.search(required).leftOut, [], q)
        }
        XCTAssertEqual(plain.leftOut, [])
    }

    func testNotLeftOut() throws {
        // Alone, nothing else to answer on: widened as before.
        let alone = try search("photo")
        XCTAssertEqual(alone.leftOut, [])
        XCTAssertFalse(alone.expansions.isEmpty)
        // A slip whose near word stands next to the typed neighbour stays required, as that word.
        let slip = try search("Nguypễn Văn Hùng")
        XCTAssertEqual(slip.leftOut, [])
        XCTAssertEqual(slip.expansions, ["nguypen": ["nguyen"]])
        XCTAssertEqual(Set(slip.hits.map(\.id)), [Self.file + ".1", Self.file + ".2"])
        // Phrases and identifiers are not words to leave out.
        XCTAssertEqual(try search("\"photo xerox\" Nguyễn Văn Hùng").total, 0)
        XCTAssertEqual(try search("Nguyễn Văn Hùng 9999/QĐ-UBND").total, 0)
    }

    /// Raw keys read as a syllable the documents hold: the keys as typed are no unknown word to widen.
    func testKeysBesideTheirSyllableAreNotWidened() throws {
        let r = try search("nguyeenx vawn hungf")
        XCTAssertEqual(r.expansions, [:])
        XCTAssertEqual(r.leftOut, [])
        XCTAssertEqual(r.hits.first?.id, Self.file + ".2")
    }

    /// A word only a hidden document holds is, for the role, a word no document holds: left out like one,
    /// and the answer is that of an index of the documents the role may see.
    func testAWordOnlyHiddenDocumentsHoldIsLeftOutForTheRole() throws {
        // "khiêm" is only in the Mật document.
        let pub = try search("Võ Văn Lộc khiêm", publicLevels)
        XCTAssertEqual(pub.leftOut, ["khiem"])
        XCTAssertEqual(pub.hits.map(\.id), ["H49.64.31.2005.004.2"])
        let secret = try search("Võ Văn Lộc khiêm", secretLevels)
        XCTAssertEqual(secret.leftOut, [])
        let visibleOnly = try TempDir()
        let own = try RelevanceTests.searcher(RelevanceTests.documents.filter { $0.access == 1 }, at: visibleOnly.path("db"))
        for q in ["Võ Văn Lộc khiêm", "Nguyễn Văn Hùng photo", "khiêm Trần Văn Thủy"] {
            let request = SearchRequest(query: try parser.parse(q).node, visibleLevels: publicLevels)
            let a = try searcher.search(request), b = try own.search(request)
            XCTAssertEqual(a.hits.map(\.id), b.hits.map(\.id), q)
            XCTAssertEqual(a.leftOut, b.leftOut, q)
            XCTAssertEqual(a.total, b.total, q)
        }
    }
}
