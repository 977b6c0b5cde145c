import Foundation
import IndexSchema
import Query
import XCTest
import Xapian
@testable import SearchIndex

final class SearcherTests: XCTestCase {
    var dir: TempDir!
    var searcher: Searcher!

    override func setUpWithError() throws {
        dir = try TempDir()
        try buildIndex(dir.path("db"), Corpus.documents)
        searcher = try Searcher(databasePaths: [dir.path("db")])
    }

    override func tearDown() {
        searcher = nil
        dir = nil
    }

    func ids(_ r: SearchResponse) -> [String] { r.hits.map(\.id) }
    func search(_ q: QueryNode, _ levels: [Int] = secretLevels, sort: SearchSort = .relevance,
                filters: SearchFilters = SearchFilters(), facets: [Int] = [], limit: Int = 10,
                offset: Int = 0) throws -> SearchResponse {
        try searcher.search(SearchRequest(query: q, visibleLevels: levels, limit: limit, offset: offset,
                                          filters: filters, sort: sort, facetSlots: facets))
    }

    /// An accented alternative held by most documents (and by nearly all that hold its folded form) is
    /// left out of the query: the same documents match, and accents that tell documents apart stay.
    func testCommonAccentedAlternativesAreLeftOutWithoutChangingMatches() throws {
        var docs: [IndexableDocument] = []
        for i in 1...10 {
            let text = i == 10 ? "Hồ sơ đạt yêu cầu, thửa đất" : "Quyết định thu hồi đất của hộ \(i)" + (i <= 3 ? ", đạt chuẩn" : "")
            docs.append(IndexableDocument(id: "A.\(i)", fileID: "A", title: "Văn bản \(i)", access: 1, pages: [text]))
        }
        try buildIndex(dir.path("common"), docs)
        let s = try Searcher(databasePaths: [dir.path("common")])
        let dat = QueryNode.or([.term("đất"), .term("Fdat")]), dat2 = QueryNode.or([.term("đạt"), .term("Fdat")])
        // đất: 10 of 10 documents, and all 10 holding Fdat → dropped; đạt: 4 of 10 → kept.
        XCTAssertEqual(try s.droppingCommonAccents(dat), .term("Fdat"))
        XCTAssertEqual(try s.droppingCommonAccents(dat2), dat2)
        // In a phrase: the common accented word leaves the exact-accent boost, the rarer one stays; with
        // none left, the phrase alone.
        let phrase = QueryNode.andMaybe(.adjacent(["dat", "chuan"]), .and([.term("đạt"), .term("chuẩn")]))
        XCTAssertEqual(try s.droppingCommonAccents(phrase), phrase)
        let common = QueryNode.andMaybe(.adjacent(["hoi", "dat"]), .and([.term("hồi"), .term("đất")]))
        XCTAssertEqual(try s.droppingCommonAccents(common), .adjacent(["hoi", "dat"]))
        let mixed = QueryNode.andMaybe(.adjacent(["dat", "dat"]), .and([.term("đạt"), .term("đất")]))
        XCTAssertEqual(try s.droppingCommonAccents(mixed), .andMaybe(.adjacent(["dat", "dat"]), .term("đạt")))
        for q in [dat, dat2, phrase, common, mixed, QueryNode.and([dat, .or([.term("thửa"), .term("Fthua")])])] {
            let request = SearchRequest(query: q, visibleLevels: publicLevels, limit: 20)
            s.dropCommonAccents = true
            let fast = try s.search(request)
            s.dropCommonAccents = false
            let full = try s.search(request)
            XCTAssertEqual(Set(fast.hits.map(\.id)), Set(full.hits.map(\.id)), "\(q)")
            XCTAssertEqual(fast.total, full.total, "\(q)")
        }
    }

    func testReplaceByUniqueTermLeavesNoDuplicate() throws {
        let writer = try IndexWriter(path: dir.path("w"))
        var doc = Corpus.doc(".160.3")
        try writer.replace(doc)
        doc.pages = ["Báo cáo đã sửa: đền bù cho các hộ dân."]
        try writer.replace(doc)
        try writer.replace(doc)
        try writer.commit()
        XCTAssertEqual(try writer.documentCount(), 1)
        XCTAssertEqual(try writer.database.termFrequency("QH49.64.33.2001.160.3"), 1)
        let s = try Searcher(databasePaths: [dir.path("w")])
        XCTAssertEqual(try s.search(SearchRequest(query: word("đền"), visibleLevels: publicLevels)).total, 1)
        XCTAssertEqual(try s.search(SearchRequest(query: word("giao"), visibleLevels: publicLevels)).total, 0,
                       "the old text is gone")
        try writer.delete(documentID: doc.id)
        try writer.delete(documentID: "H49.không.có")
        try writer.commit()
        XCTAssertEqual(try s.documentCount(), 0, "a searcher sees the last commit")
        XCTAssertEqual(try s.search(SearchRequest(query: word("đền"), visibleLevels: publicLevels)).total, 0)
    }

    func testBatchedCommitsAreVisibleToReaders() throws {
        let writer = try IndexWriter(path: dir.path("w"), batchSize: 2)
        try writer.replace(Corpus.documents[0])
        XCTAssertEqual(writer.pending, 1)
        let s = try Searcher(databasePaths: [dir.path("w")])
        s.reopenBeforeEachCall = false
        XCTAssertEqual(try s.documentCount(), 0)
        try writer.replace(Corpus.documents[1])
        XCTAssertEqual(writer.pending, 0, "committed after 2 documents")
        XCTAssertEqual(try s.documentCount(), 0, "not reopened yet")
        XCTAssertTrue(try s.reopen())
        XCTAssertEqual(try s.documentCount(), 2)
        XCTAssertEqual(String(decoding: try writer.database.metadata(forKey: IndexMetadataKey.schemaVersion),
                              as: UTF8.self), IndexWriter.schemaVersion)
    }

    func testSchemaMismatchIsReported() throws {
        let w = try XapianWritableDatabase(path: dir.path("old"))
        try w.setMetadata(Data("0".utf8), forKey: IndexMetadataKey.schemaVersion)
        try w.close()
        XCTAssertThrowsError(try IndexWriter(path: dir.path("old"))) { error in
            XCTAssertEqual(error as? SearchIndexError, .schemaMismatch(found: "0", expected: IndexWriter.schemaVersion))
        }
    }

    func testAdjacentWordsArePairsThatNeverSpanPages() throws {
        let table: [(QueryNode, [String])] = [
            // Doc .5 has "Quyền sử dụng" at the end of page 1 and "đất" on page 2: no pair across pages.
            (phrase("quyền sử dụng đất"), ["H49.64.33.2001.160.1"]),
            (phrase("sử dụng đất"), ["H49.64.33.2001.160.1", "H49.64.33.2001.160.3"]),
            (phrase("đất sử dụng"), []),
            (.and(["quyền", "sử", "dụng", "đất"].map(word)), ["H49.64.33.2001.160.1", "H49.64.33.2001.160.5"]),
            // Nor across a full stop: "…tờ bản đồ số 80. Quyền sử dụng".
            (phrase("80 quyền"), []),
            (phrase("thửa đất số 305"), ["H49.64.33.2001.160.1", "H49.64.33.2001.160.5"]),
            (phrase("thu hồi đất"), ["H49.64.33.2001.160.2"]),
            (.term("Fkrong"), ["H49.64.33.2001.160.1", "H49.64.33.2001.160.2", "H49.64.33.2001.160.3",
                               "H49.64.33.2001.160.4", "H49.64.33.2001.160.5", "H49.64.33.2002.7.1"]),
            (.term("N1605/qd-ubnd"), ["H49.64.33.2001.160.1"]),
        ]
        for (q, expected) in table {
            XCTAssertEqual(Set(ids(try search(q))), Set(expected), "\(q)")
        }
    }

    func testMatchingTermsPerHit() throws {
        var request = SearchRequest(query: .or([word("thửa"), word("giải"), .term("Fdat")]), visibleLevels: secretLevels)
        XCTAssertTrue(try searcher.search(request).hits.allSatisfy(\.matchingTerms.isEmpty), "only when asked")
        request.withMatchingTerms = true
        let r = try searcher.search(request)
        let one = try XCTUnwrap(r.hits.first { $0.id == "H49.64.33.2001.160.1" })
        XCTAssertEqual(Set(one.matchingTerms), ["Fdat", "thửa"])
        let three = try XCTUnwrap(r.hits.first { $0.id == "H49.64.33.2001.160.3" })
        XCTAssertEqual(Set(three.matchingTerms), ["Fdat", "giải"])
        XCTAssertTrue(r.hits.allSatisfy { (0...1).contains($0.score) })
    }

    func testValueRangeAndYearFilters() throws {
        let table: [(QueryNode, SearchFilters, [String])] = [
            (.valueRange(slot: ValueSlot.date, from: "20120101", to: "20121231"), SearchFilters(),
             [".160.1", ".160.4", ".160.5"]),
            (.valueRange(slot: ValueSlot.year, from: "2010", to: "2011"), SearchFilters(), [".160.2", ".7.1"]),
            (.matchAll, SearchFilters(yearFrom: 2013), [".160.3"]),
            (.matchAll, SearchFilters(yearTo: 2010), [".7.1"]),
            (.matchAll, SearchFilters(documentTypes: ["quyet dinh", "Tờ trình"]), [".160.1", ".160.2"]),
            (.matchAll, SearchFilters(issuers: ["thanh tra HUYỆN"]), [".160.4", ".7.1"]),
            (.matchAll, SearchFilters(retention: ["03", "04"]), [".160.5", ".7.1"]),
            (.matchAll, SearchFilters(fileIDs: ["H49.64.33.2002.7"]), [".7.1"]),
            (.matchAll, SearchFilters(fonds: ["Phông khác"]), []),
            (word("đất"), SearchFilters(yearFrom: 2012, yearTo: 2012, issuers: ["UBND huyện Krông Pắc"]), [".160.1"]),
        ]
        for (q, filters, expected) in table {
            let got = ids(try search(q, filters: filters, limit: 20))
            XCTAssertEqual(Set(got.map { "." + $0.split(separator: ".").suffix(2).joined(separator: ".") }),
                           Set(expected), "\(q) \(filters)")
        }
        XCTAssertThrowsError(try search(.matchAll, filters: SearchFilters(yearFrom: 2013, yearTo: 2010)))
    }

    func testSortByDate() throws {
        let asc = try search(.matchAll, sort: .dateAsc)
        XCTAssertEqual(asc.hits.compactMap(\.date), ["20100000", "20110310", "20120215", "20120901", "20121105", "20130520"])
        let desc = try search(.matchAll, sort: .dateDesc)
        XCTAssertEqual(desc.hits.map(\.id), asc.hits.map(\.id).reversed())
        let paged = try search(.matchAll, sort: .dateDesc, limit: 2, offset: 2)
        XCTAssertEqual(paged.hits.map(\.id), Array(desc.hits.map(\.id)[2..<4]))
        XCTAssertEqual(paged.total, 6)
        XCTAssertTrue(paged.totalIsExact)
    }

    func testFacetCounts() throws {
        let r = try search(.matchAll, facets: [ValueSlot.year, ValueSlot.documentType, ValueSlot.access])
        XCTAssertEqual(r.facets[ValueSlot.year]?.first, FacetCount(value: "2012", count: 3))
        XCTAssertEqual(Set(r.facets[ValueSlot.year] ?? []), [
            FacetCount(value: "2012", count: 3), FacetCount(value: "2011", count: 1),
            FacetCount(value: "2013", count: 1), FacetCount(value: "2010", count: 1),
        ])
        XCTAssertEqual(r.facets[ValueSlot.documentType]?.count, 6)
        XCTAssertEqual(r.facets[ValueSlot.access]?.first, FacetCount(value: "1", count: 4))
    }

    func testAccessFilterHidesWhatTheRoleMayNotSee() throws {
        let facets = [ValueSlot.documentType, ValueSlot.year, ValueSlot.access]
        // Per role: total of everything, and of "xã" (in one public and in the Mật document).
        let table: [([Int], Int, Int)] = [(publicLevels, 4, 1), (staffLevels, 5, 1), (secretLevels, 6, 2), ([], 0, 0)]
        for (levels, all, xa) in table {
            let r = try search(.matchAll, levels, facets: facets, limit: 100)
            XCTAssertEqual(r.total, all, "\(levels)")
            XCTAssertEqual(r.hits.count, all)
            XCTAssertTrue(r.hits.allSatisfy { levels.contains($0.access) })
            let counted = r.facets[ValueSlot.access]?.reduce(0) { $0 + $1.count } ?? 0
            XCTAssertEqual(counted, all, "facets count only what the role sees")
            XCTAssertEqual(try search(word("xã"), levels).total, xa, "\(levels)")
        }
        // A word only in the Mật document is nowhere for the public, not even in totals or facets.
        let secret = try search(word("khiếu"), publicLevels, facets: facets)
        XCTAssertEqual(secret.total, 0)
        XCTAssertTrue(secret.hits.isEmpty)
        XCTAssertTrue(secret.facets.values.allSatisfy { $0.isEmpty })
        let pub = try search(.matchAll, publicLevels, facets: facets)
        XCTAssertFalse(pub.facets[ValueSlot.documentType]!.contains { $0.value == "Biên bản" })
        XCTAssertEqual(try search(word("khiếu"), secretLevels).total, 1)
        // Even a query that names the access term of Mật documents finds nothing for the public.
        XCTAssertEqual(try search(.term("XA3"), publicLevels).total, 0)
        XCTAssertEqual(try search(.or([.term("XA3"), .matchAll]), publicLevels).total, 4)
    }

    func testSuggestionsComeOnlyFromVisibleDocuments() throws {
        // (typed, role, must contain, must not contain)
        let table: [(String, [Int], [String], [String])] = [
            ("khiu", publicLevels, [], ["khiếu"]),           // only in the Mật document
            ("khiu", secretLevels, ["khiếu"], []),
            ("nong", publicLevels, [], ["nông"]),            // only in a Sử dụng có điều kiện document
            ("nong", staffLevels, ["nông"], []),
            ("nhân", publicLevels, ["nhận"], ["nhân"]),      // the word itself is not suggested
            ("giấi", publicLevels, ["giải", "giấy"], []),
            ("đât", publicLevels, ["đất"], []),
            ("thanhh", publicLevels, ["thanh"], []),
        ]
        for (typed, levels, must, mustNot) in table {
            let got = try searcher.termSuggestions(for: typed, visibleLevels: levels)
            for m in must { XCTAssertTrue(got.contains(m), "\(typed) \(levels): \(got)") }
            for m in mustNot { XCTAssertFalse(got.contains(m), "\(typed) \(levels): \(got)") }
        }
        XCTAssertEqual(try searcher.termSuggestions(for: "khiu", visibleLevels: []), [])
        // Ranked by frequency among visible documents: "đất" (5 public+… documents) before rarer words.
        XCTAssertEqual(try searcher.termSuggestions(for: "đât", visibleLevels: publicLevels).first, "đất")
    }

    func testEnquireCollapseDocidOrderAndWeighting() throws {
        let db = try XapianDatabase(path: dir.path("db"))
        let enquire = try XapianEnquire(database: db)
        try enquire.setQuery(try XapianQuery.matchAll())
        try enquire.setBoolWeighting()
        try enquire.setDocidOrder(.descending)
        let all = try enquire.matches(offset: 0, limit: 10, valueSlots: [ValueSlot.documentID])
        XCTAssertEqual(all.matches.map(\.docid), [6, 5, 4, 3, 2, 1])
        XCTAssertEqual(all.matches.map(\.rank), Array(0..<6))
        XCTAssertEqual(all.matches.first?.values[ValueSlot.documentID], Data("H49.64.33.2002.7.1".utf8))
        // One hit per file (hồ sơ).
        try enquire.setCollapseKey(slot: ValueSlot.fileID, max: 1)
        let perFile = try enquire.matches(offset: 0, limit: 10, checkAtLeast: 10)
        XCTAssertEqual(perFile.matches.count, 2)
        try enquire.setCollapseKey(slot: ValueSlot.fileID, max: 0)
        XCTAssertEqual(try enquire.matches(offset: 0, limit: 10).matches.count, 6)
        // BM25 parameters change the weights; relevance then date breaks ties by date.
        try enquire.setQuery(try XapianQuery(term: "Fdat"))
        try enquire.setBM25(k1: 1.2, b: 0)
        let flat = try enquire.matches(offset: 0, limit: 10).matches.map(\.weight)
        try enquire.setBM25(k1: 1.2, b: 1)
        let normalised = try enquire.matches(offset: 0, limit: 10).matches.map(\.weight)
        XCTAssertEqual(flat.count, 5)
        XCTAssertNotEqual(flat, normalised)
        try enquire.setBoolWeighting()
        try enquire.setSort(.relevanceThenValue(slot: ValueSlot.date, reverse: true))
        let byDate = try enquire.matches(offset: 0, limit: 10, valueSlots: [ValueSlot.date]).matches
        XCTAssertEqual(byDate.compactMap { $0.values[ValueSlot.date].map { String(decoding: $0, as: UTF8.self) } },
                       ["20130520", "20121105", "20120215", "20110310", "20100000"])
        try enquire.setSort(.value(slot: ValueSlot.date, reverse: false))
        XCTAssertEqual(try enquire.matches(offset: 0, limit: 1, valueSlots: [ValueSlot.date]).matches.first?
            .values[ValueSlot.date], Data("20100000".utf8))
    }

    func testSeveralDatabasesSearchLikeOne() throws {
        // Document i goes to shard i % 2, so the interleaved docids keep the single database's order.
        let shards = [dir.path("s0"), dir.path("s1")]
        for (k, path) in shards.enumerated() {
            try buildIndex(path, Corpus.documents.enumerated().filter { $0.offset % 2 == k }.map(\.element))
        }
        let multi = try Searcher(databasePaths: shards)
        try assertSameResults(searcher, multi)
    }

    func testRemoteShardsSearchLikeLocal() throws {
        let shards = [dir.path("r0"), dir.path("r1")]
        for (k, path) in shards.enumerated() {
            try buildIndex(path, Corpus.documents.enumerated().filter { $0.offset % 2 == k }.map(\.element))
        }
        var servers: [Process] = []
        defer {
            for p in servers where p.isRunning {
                p.terminate()
                p.waitUntilExit()
            }
        }
        var addresses: [ShardAddress] = []
        for path in shards {
            let port = try freePort()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-tcpsrv")
            p.arguments = ["--port", String(port), "--interface", "127.0.0.1", "--quiet", path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            servers.append(p)
            addresses.append(ShardAddress(host: "127.0.0.1", port: port, timeoutMilliseconds: 5000))
        }
        // Wait until both servers listen.
        var remote: Searcher?
        let deadline = Date().addingTimeInterval(10)
        while remote == nil, Date() < deadline {
            remote = try? Searcher(shards: addresses)
            if remote == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let r = try XCTUnwrap(remote, "xapian-tcpsrv did not start")
        XCTAssertEqual(try r.documentCount(), 6)
        try assertSameResults(searcher, r)
        // Local and remote shards mixed.
        let mixed = try Searcher(databasePaths: [shards[0]], shards: [addresses[1]])
        try assertSameResults(searcher, mixed)
    }

    func assertSameResults(_ a: Searcher, _ b: Searcher, file: StaticString = #filePath, line: UInt = #line) throws {
        let requests: [SearchRequest] = [
            SearchRequest(query: word("đất"), visibleLevels: secretLevels),
            SearchRequest(query: .or([word("đất"), word("thửa"), .term("Fthanh")]), visibleLevels: publicLevels),
            SearchRequest(query: phrase("sử dụng đất"), visibleLevels: staffLevels),
            SearchRequest(query: .matchAll, visibleLevels: secretLevels, sort: .dateDesc, facetSlots: [ValueSlot.year]),
            SearchRequest(query: .andMaybe(.term("Fkrong"), word("quyền")), visibleLevels: secretLevels, limit: 3, offset: 1),
        ]
        for req in requests {
            let x = try a.search(req), y = try b.search(req)
            XCTAssertEqual(x.hits.map(\.id), y.hits.map(\.id), "\(req.query)", file: file, line: line)
            XCTAssertEqual(x.hits.map(\.score), y.hits.map(\.score), "\(req.query)", file: file, line: line)
            XCTAssertEqual(x.total, y.total, file: file, line: line)
            XCTAssertEqual(x.facets, y.facets, file: file, line: line)
        }
        XCTAssertEqual(try a.termSuggestions(for: "giấi", visibleLevels: publicLevels),
                       try b.termSuggestions(for: "giấi", visibleLevels: publicLevels), file: file, line: line)
    }
}
