import Foundation
import IndexSchema
import Query
import VietText
import XCTest
@testable import SearchIndex

/// Ranking by what a document IS (its catalogue entry) over what its pages mention, typo widening,
/// OCR-damaged identifiers: over a real Xapian index built with the VietText analyzer.
final class RelevanceTests: XCTestCase {
    var dir: TempDir!
    var searcher: Searcher!
    let parser = QueryParser()

    static let file = "H49.64.31.2018.019"
    /// A Tờ trình and the Quyết định that cite it (number, date and the household names).
    static let documents: [IndexableDocument] = [
        IndexableDocument(
            id: file + ".1", fileID: file, title: "Tờ trình đề nghị thu hồi đất của các hộ gia đình tại xã Ea Wy",
            documentType: "Tờ trình", number: "401", symbol: "TTr-TNMT", dateSortKey: "20180222", year: 2018,
            issuer: "Phòng Tài nguyên và Môi trường",
            summary: "Về việc đề nghị thu hồi đất của các hộ gia đình, cá nhân tại xã Ea Wy", access: 1,
            pages: ["PHÒNG TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 401/TTr-TNMT\nEa H'leo, ngày 22 tháng 02 năm 2018\nTỜ TRÌNH\n"
                    + "Đề nghị UBND huyện xem xét, quyết định thu hồi đất của các hộ: ông Nguyễn Văn Hùng, "
                    + "CMND số 240612345; bà H'Hen Niê; ông Trần Văn Thủy."]),
        IndexableDocument(
            id: file + ".2", fileID: file, title: "Quyết định thu hồi đất của hộ ông Nguyễn Văn Hùng",
            documentType: "Quyết định", number: "1605", symbol: "QĐ-UBND", dateSortKey: "20180310", year: 2018,
            issuer: "UBND huyện Ea H'leo",
            summary: "Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng tại xã Ea Wy", access: 1,
            pages: ["ỦY BAN NHÂN DÂN HUYỆN EA H'LEO\nSố: 1605/QĐ-UBND\nQUYẾT ĐỊNH\n"
                    + "Xét Tờ trình số 401/TTr-TNMT ngày 22/02/2018 của Phòng Tài nguyên và Môi trường; "
                    + "theo Tờ trình số 401/TTr-TNMT, thu hồi đất của hộ ông Nguyễn Văn Hùng."]),
        IndexableDocument(
            id: file + ".3", fileID: file, title: "Quyết định thu hồi đất của hộ bà H'Hen Niê",
            documentType: "Quyết định", number: "1606", symbol: "QĐ-UBND", dateSortKey: "20180311", year: 2018,
            issuer: "UBND huyện Ea H'leo",
            summary: "Về việc thu hồi đất của hộ bà H'Hen Niê tại xã Ea Wy", access: 2,
            // OCR dropped the apostrophe and read one digit twice.
            pages: ["Xét Tờ trình số 401/TTr-TNMT ngày 22/02/2018; thu hồi đất của hộ bà HHen Niê, CMND số 2406123435."]),
        IndexableDocument(
            id: "H49.64.31.2005.004.1", fileID: "H49.64.31.2005.004", title: "Tờ trình bổ nhiệm cán bộ",
            documentType: "Tờ trình", number: "12", symbol: "TTr-NV", dateSortKey: "20050213", year: 2005,
            issuer: "Phòng Nội vụ", summary: "Về việc bổ nhiệm cán bộ lãnh đạo cấp phòng năm 2005", access: 3,
            pages: ["Số: 12/TTr-NV\nCư M'gar, ngày 13 tháng 02 năm 2005\nTỜ TRÌNH\nVề việc bổ nhiệm cán bộ; ông Trần Văn Khiêm."]),
        IndexableDocument(
            id: "H49.64.31.2005.004.2", fileID: "H49.64.31.2005.004", title: "Quyết định bổ nhiệm ông Võ Văn Lộc",
            documentType: "Quyết định", number: "45", symbol: "QĐ-UBND", dateSortKey: "20050301", year: 2005,
            issuer: "UBND huyện Cư M'gar", summary: "Về việc bổ nhiệm ông Võ Văn Lộc", access: 1,
            pages: ["Xét Tờ trình số 12/TTr-NV ngày 13 tháng 02 năm 2005 của Phòng Nội vụ về việc bổ nhiệm cán bộ."]),
    ]

    override func setUpWithError() throws {
        dir = try TempDir()
        searcher = try Self.searcher(Self.documents, at: dir.path("db"))
    }

    /// A searcher over a new database at `path` holding `docs`, indexed with the VietText analyzer.
    static func searcher(_ docs: [IndexableDocument], at path: String) throws -> Searcher {
        let writer = try IndexWriter(path: path, indexer: DocumentIndexer(analyzer: Analyzer()))
        for d in docs { try writer.replace(d) }
        try writer.close()
        return try Searcher(databasePaths: [path])
    }

    override func tearDown() {
        searcher = nil
        dir = nil
    }

    func search(_ q: String, _ levels: [Int] = secretLevels, expand: Bool = true) throws -> SearchResponse {
        var r = SearchRequest(query: try parser.parse(q).node, visibleLevels: levels, limit: 10)
        r.expandUnknownWords = expand
        return try searcher.search(r)
    }

    func testOwnCatalogueEntryOutranksCitations() throws {
        // (query, role, the document that must come first)
        let table: [(String, [Int], String)] = [
            ("401/TTr-TNMT", secretLevels, Self.file + ".1"),                    // its own number, cited twice in .2
            ("401/TTr-TNMT ngày 22/02/2018", secretLevels, Self.file + ".1"),    // its own number and date
            ("Tờ trình ngày 13 tháng 2 năm 2005", secretLevels, "H49.64.31.2005.004.1"), // 2 = 02, own date and type
            ("quyết định thu hồi đất Nguyễn Văn Hùng", secretLevels, Self.file + ".2"), // type + trích yếu
            ("tờ trình thu hồi đất Ea Wy", secretLevels, Self.file + ".1"),             // type named in the query
        ]
        for (q, levels, first) in table {
            let r = try search(q, levels)
            XCTAssertEqual(r.hits.first?.id, first, "\(q): \(r.hits.map(\.id))")
        }
    }

    func testApostropheNameFindsOCRWithoutApostrophe() throws {
        let ids = try search("H'Hen Niê").hits.map(\.id)
        XCTAssertEqual(Set(ids), [Self.file + ".1", Self.file + ".3"])
        XCTAssertEqual(try search("HHen Niê").hits.count, 2)
    }

    func testDigitRunWithOneDigitMoreStillFound() throws {
        // Typed 240612345; .1 holds it exactly, .3's OCR reads 2406123435 (ranked after the exact one).
        let r = try search("240612345", staffLevels)
        XCTAssertEqual(r.hits.map(\.id), [Self.file + ".1", Self.file + ".3"])
        // The other way round, and one digit misread.
        XCTAssertEqual(try search("2406123435").hits.first?.id, Self.file + ".3")
        XCTAssertEqual(try search("240612845").hits.map(\.id), [Self.file + ".1"])
        // Two digits off: nothing.
        XCTAssertEqual(try search("240612899").total, 0)
        // Far from every run: nothing.
        XCTAssertEqual(try search("999999999").total, 0)
    }

    func testUnknownWordIsWidenedToNearWordsOfVisibleDocumentsOnly() throws {
        // (query, role, expected hits, expected expansions)
        let table: [(String, [Int], Set<String>, [String: [String]])] = [
            ("Nguypễn Văn Hùng", publicLevels, [Self.file + ".1", Self.file + ".2"], ["nguypen": ["nguyen"]]),
            ("Trnầ Văn Thủy", publicLevels, [Self.file + ".1"], ["trna": ["tran"]]),
            // "khiêm" (one edit) is only in the Mật document: the public gets the nearest word it may see.
            ("khiêmm", publicLevels, ["H49.64.31.2005.004.2"], ["khiemm": ["nhiem"]]),
            ("khiêmm", secretLevels, ["H49.64.31.2005.004.1"], ["khiemm": ["khiem"]]),
            ("Nguyễn Văn Hùng", publicLevels, [Self.file + ".1", Self.file + ".2"], [:]),  // found as typed: untouched
        ]
        for (q, levels, hits, expansions) in table {
            let r = try search(q, levels)
            XCTAssertEqual(Set(r.hits.map(\.id)), hits, q)
            XCTAssertEqual(r.expansions, expansions, q)
        }
        XCTAssertEqual(try search("Nguypễn Văn Hùng", expand: false).total, 0, "widening can be turned off")
    }

    /// Over the databases of its own levels (as the server opens them) a role's words are checked by term
    /// frequencies alone (no document of a hidden level is there): the same hits and widenings as over one
    /// database holding every level, where each check is a filtered match.
    func testPerLevelDatabasesWidenAsTheFilteredChecksDo() throws {
        let indexer = DocumentIndexer(analyzer: Analyzer())
        var paths: [Int: String] = [:]
        for level in 1...3 {
            let writer = try IndexWriter(path: dir.path("l\(level)"), indexer: indexer)
            for d in Self.documents where d.access == level { try writer.replace(d) }
            try writer.close()
            paths[level] = dir.path("l\(level)")
        }
        var compared = 0
        for levels in [publicLevels, staffLevels, secretLevels] {
            let own = try Searcher(databasePaths: levels.compactMap { paths[$0] })
            for q in ["Nguypễn Văn Hùng", "Trnầ Văn Thủy", "khiêmm", "nongg", "khieu nai", "Nguyễn Văn Hùng", "đất"] {
                let request = SearchRequest(query: try parser.parse(q).node, visibleLevels: levels)
                let expected = try searcher.search(request), got = try own.search(request)
                XCTAssertEqual(Set(got.hits.map(\.id)), Set(expected.hits.map(\.id)), "\(q) \(levels)")
                // The same words; their order (by frequency) may differ: one database of every level counts
                // hidden documents in the frequencies too.
                XCTAssertEqual(got.expansions.mapValues(Set.init), expected.expansions.mapValues(Set.init), "\(q) \(levels)")
                XCTAssertEqual(got.total, expected.total, "\(q) \(levels)")
                compared += expected.expansions.count
            }
        }
        XCTAssertGreaterThan(compared, 4)
    }

    func testSuggestionsClosestFirstThenNextToTheNeighbour() throws {
        // (word, previous, next, role, expected first)
        let table: [(String, String?, String?, [Int], String)] = [
            ("hunng", nil, nil, secretLevels, "hùng"),          // one edit beats the more frequent two-edit words
            ("hunng", "văn", nil, publicLevels, "hùng"),
            ("nguyễm", nil, "văn", publicLevels, "nguyễn"),
            ("khiêmm", "văn", nil, publicLevels, "nhiệm"),      // "khiêm" is only in the Mật document
        ]
        for (w, prev, next, levels, first) in table {
            let got = try searcher.termSuggestions(for: w, visibleLevels: levels, previous: prev, next: next)
            XCTAssertEqual(got.first, first, "\(w): \(got)")
        }
    }

    func testSlipIntoAnotherRealWordIsWidenedByItsNeighbour() throws {
        let analyzer = Analyzer()
        let indexer = DocumentIndexer(analyzer: analyzer)
        let writer = try IndexWriter(path: dir.path("slips"), indexer: indexer)
        try writer.replace(IndexableDocument(id: "H1.1", fileID: "H1", title: "Biên bản tiếp công dân định kỳ", access: 1,
                                             pages: ["Bà Vũ Thị Diệu Linh phản ánh việc xả thải gây ô nhiễm."]))
        try writer.replace(IndexableDocument(id: "H1.2", fileID: "H1", title: "Báo cáo công tác lãnh đạo", access: 1,
                                             pages: ["Bà Vũ Thị Lanh, ông Trần Hữu báo cáo công tác lãnh đạo."]))
        try writer.close()
        let s = try Searcher(databasePaths: [dir.path("slips")])
        // (query, hits, widened)
        let table: [(String, [String], [String: [String]])] = [
            ("Diệu Lanh", ["H1.1"], ["lanh": ["linh"]]),     // "lanh" exists, but never after "diệu"
            ("Thị Lanh", ["H1.2"], [:]),                     // the pair exists: nothing widened
            ("Diệu Linh", ["H1.1"], [:]),
        ]
        for (q, hits, widened) in table {
            let r = try s.search(SearchRequest(query: try parser.parse(q).node, visibleLevels: publicLevels))
            XCTAssertEqual(r.hits.map(\.id), hits, q)
            XCTAssertEqual(r.expansions, widened, q)
        }
    }

    func testEditDistanceCountsTranspositionsWhenAsked() {
        let table: [(String, String, Bool, Int)] = [
            ("trna", "tran", true, 1), ("trna", "tran", false, 2), ("nguypen", "nguyen", true, 1),
            ("hunng", "hung", true, 1), ("hunng", "phuong", true, 2), ("abc", "abc", true, 0),
        ]
        for (a, b, t, d) in table {
            XCTAssertEqual(EditDistance.levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: 2,
                                                    transpositions: t), min(d, 3), "\(a) \(b)")
        }
    }
}
