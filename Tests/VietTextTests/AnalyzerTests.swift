import XCTest
@testable import VietText

final class AnalyzerTests: XCTestCase {
    let analyzer = Analyzer()

    func render(_ text: String, _ start: Int = 0) -> [String] {
        analyzer.indexTerms(text, startPosition: start).map(\.description)
    }

    func testTermScheme() {
        XCTAssertEqual(render("Quyền sử dụng đất", 5), [
            "quyền@5", "Fquyen@5", "sử@6", "Fsu@6", "Bquyền_sử", "BFquyen_su",
            "dụng@7", "Fdung@7", "Bsử_dụng", "BFsu_dung", "đất@8", "Fdat@8", "Bdụng_đất", "BFdung_dat",
        ])
    }

    func testPairsStopAtPunctuation() {
        XCTAssertEqual(render("Hà Nội, ngày"), ["hà@0", "Fha@0", "nội@1", "Fnoi@1", "Bhà_nội", "BFha_noi", "ngày@2", "Fngay@2"])
        XCTAssertEqual(render("đất. Nhà"), ["đất@0", "Fdat@0", "nhà@1", "Fnha@1"])
        // A line break inside a sentence keeps the pair.
        XCTAssertEqual(render("quyền\nsử"), ["quyền@0", "Fquyen@0", "sử@1", "Fsu@1", "Bquyền_sử", "BFquyen_su"])
    }

    func testIdentifierTerms() {
        let terms = Set(render("Quyết định số 1605/QĐ-UBND thu hồi thửa đất số 305, tờ bản đồ số 80 của ông Y Bih Niê, CMND 241234567; Nghị định 43/2014/NĐ-CP"))
        for t in ["N1605/qd-ubnd", "N1605/qd", "T305/80", "TT305", "I241234567", "N43/2014/nd-cp", "N43/2014/nd", "N43/nd",
                  "1605@3", "F1605@3", "qđ@4", "Fqd@4", "ubnd@5", "B1605_qđ", "BFqd_ubnd", "bih@20", "Fbih@20"] {
            XCTAssertTrue(terms.contains(t), t)
        }
        // Identifiers carry no position; the compound itself is not a syllable term.
        XCTAssertFalse(terms.contains("1605/qđ-ubnd@3"))
        XCTAssertFalse(terms.contains { $0.hasPrefix("N") && $0.contains("@") })
    }

    func testLongDigitRunsGetDeletionNeighbours() {
        // (digits, must hold, must not hold)
        let table: [(String, [String], [String])] = [
            ("2406123435", ["IV2406123435", "IV240612345", "IV406123435", "IV240612343"], ["IV24061234"]),
            ("241234567", ["IV241234567", "IV24123456", "IV41234567"], ["IV2412345"]),
            ("123456", [], ["IV123456", "IV12345"]),       // too short for an id
            ("12a45678", [], ["IV12a45678"]),               // not digits
        ]
        for (digits, must, mustNot) in table {
            let got = Set(Analyzer.digitVariants(digits))
            for m in must { XCTAssertTrue(got.contains(m), "\(digits): \(m)") }
            for m in mustNot { XCTAssertFalse(got.contains(m), "\(digits): \(m)") }
        }
        XCTAssertEqual(Analyzer.digitVariants("11111111"), ["IV11111111", "IV1111111"], "each variant once")
        // In text: runs of 8–13 digits; a 6-digit parcel number gets none.
        let terms = Set(render("CMND số 2406123435, thửa 123456"))
        XCTAssertTrue(terms.contains("IV240612345"))
        XCTAssertFalse(terms.contains { $0.hasPrefix("IV12345") })
    }

    func testOldAndNewTonePlacementAndNFDIndexAlike() {
        let a = analyzer.indexTerms("Hoà thuận, khoẻ mạnh, Thuỷ lợi, UỶ BAN", startPosition: 0)
        let b = analyzer.indexTerms("hòa thuận, khỏe mạnh, thủy lợi, ủy ban", startPosition: 0)
        let c = analyzer.indexTerms("Hoà thuận, khoẻ mạnh, Thuỷ lợi, UỶ BAN".decomposedStringWithCanonicalMapping, startPosition: 0)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c)
    }

    func testAnalyzeNextPosition() {
        let r = analyzer.analyze("Số 1605/QĐ-UBND", startPosition: 100)
        XCTAssertEqual(r.nextPosition, 104)
        XCTAssertEqual(analyzer.analyze("", startPosition: 7).nextPosition, 7)
        XCTAssertEqual(analyzer.analyze("...", startPosition: 7).terms, [])
    }

    func testTokensForSnippets() {
        let text = "UBND huyện Cư M’gar cấp GCNQSDĐ cho bà H’Hen Niê"
        let toks = analyzer.tokens(text)
        XCTAssertEqual(toks.map(\.folded), ["ubnd", "huyen", "cu", "m'gar", "cap", "gcnqsdd", "cho", "ba", "h'hen", "nie"])
        XCTAssertEqual(toks.map { String(text[$0.range]) }, ["UBND", "huyện", "Cư", "M’gar", "cấp", "GCNQSDĐ", "cho", "bà", "H’Hen", "Niê"])
        XCTAssertEqual(toks.map(\.position), Array(0..<10))
    }

    func testLongTokensAreSkipped() {
        let long = String(repeating: "a", count: 300)
        XCTAssertEqual(render(long), [])
        XCTAssertTrue(analyzer.indexTerms(long + " đất", startPosition: 0).allSatisfy { $0.term.utf8.count <= Analyzer.maxTermBytes })
    }

    func testFieldValue() {
        XCTAssertEqual(Analyzer.fieldValue("  UBND huyện   Krông Pắc "), "ubnd huyen krong pac")
        XCTAssertEqual(Analyzer.fieldValue("Quyết định"), "quyet dinh")
        XCTAssertEqual(Analyzer.fieldValue("QUYẾT ĐỊNH".decomposedStringWithCanonicalMapping), "quyet dinh")
    }
}
