import IndexSchema
import XCTest
@testable import VietText

final class AnalyzerTests: XCTestCase {
    let analyzer = Analyzer()

    func render(_ text: String) -> [String] {
        analyzer.indexTerms(text)
    }

    func testTermScheme() {
        XCTAssertEqual(render("Quyền sử dụng đất"), [
            "quyền", "Fquyen", "sử", "Fsu", "BFquyen_su", "dụng", "Fdung", "BFsu_dung", "đất", "Fdat", "BFdung_dat",
        ])
        // A word without diacritics has only its folded term; repeats are kept (they are the wdf); a
        // comma does not break a pair.
        XCTAssertEqual(render("UBND xã Ea Kly, UBND"), [
            "Fubnd", "xã", "Fxa", "BFubnd_xa", "Fea", "BFxa_ea", "Fkly", "BFea_kly", "Fubnd", "BFkly_ubnd",
        ])
    }

    func testPairsStopAtPunctuation() {
        XCTAssertEqual(render("Hà Nội. Ngày"), ["hà", "Fha", "nội", "Fnoi", "BFha_noi", "ngày", "Fngay"])
        XCTAssertEqual(render("đất (nhà"), ["đất", "Fdat", "nhà", "Fnha"])
        // A comma does not: a list "khiếu nại, tố cáo" is the phrase "khiếu nại tố cáo".
        XCTAssertTrue(render("khiếu nại, tố cáo").contains("BFnai_to"))
        // A line break inside a sentence keeps the pair.
        XCTAssertEqual(render("quyền\nsử"), ["quyền", "Fquyen", "sử", "Fsu", "BFquyen_su"])
    }

    func testIdentifierTerms() {
        let terms = Set(render("Quyết định số 1605/QĐ-UBND thu hồi thửa đất số 305, tờ bản đồ số 80 của ông Y Bih Niê, CMND 241234567; Nghị định 43/2014/NĐ-CP"))
        for t in ["N1605/qd-ubnd", "N1605/qd", "T305/80", "TT305", "I241234567", "N43/2014/nd-cp", "N43/2014/nd", "N43/nd",
                  "F1605", "qđ", "Fqd", "Fubnd", "BF1605_qd", "BFqd_ubnd", "Fbih"] {
            XCTAssertTrue(terms.contains(t), t)
        }
        // The compound itself is not a syllable term; words without marks have no accented term.
        XCTAssertFalse(terms.contains("1605/qđ-ubnd"))
        XCTAssertFalse(terms.contains("ubnd"))
        XCTAssertFalse(terms.contains("1605"))
        XCTAssertFalse(terms.contains { $0.hasPrefix("B") && !$0.hasPrefix("BF") }, "no accented pairs")
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
        let a = analyzer.indexTerms("Hoà thuận, khoẻ mạnh, Thuỷ lợi, UỶ BAN")
        let b = analyzer.indexTerms("hòa thuận, khỏe mạnh, thủy lợi, ủy ban")
        let c = analyzer.indexTerms("Hoà thuận, khoẻ mạnh, Thuỷ lợi, UỶ BAN".decomposedStringWithCanonicalMapping)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c)
    }

    func testNothingToIndex() {
        XCTAssertEqual(analyzer.indexTerms(""), [])
        XCTAssertEqual(analyzer.indexTerms("... --- ///"), [])
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
        XCTAssertTrue(analyzer.indexTerms(long + " đất").allSatisfy { $0.utf8.count <= Analyzer.maxTermBytes })
    }

    func testFieldValue() {
        XCTAssertEqual(Analyzer.fieldValue("  UBND huyện   Krông Pắc "), "ubnd huyen krong pac")
        XCTAssertEqual(Analyzer.fieldValue("Quyết định"), "quyet dinh")
        XCTAssertEqual(Analyzer.fieldValue("QUYẾT ĐỊNH".decomposedStringWithCanonicalMapping), "quyet dinh")
    }

    /// The per-thread memos give what computing each value afresh gives, whatever came before (the same value
    /// in another normalization form, values that differ only in spaces), and after the memo is full.
    func testRememberedFieldValuesAreComputedOnes() {
        var values = ["UBND huyện Krông Pắc", "UBND huyện  Krông Pắc", "UBND HUYỆN KRÔNG PẮC", "Phông UBND huyện Ea Súp",
                      "Quyết định", "Tờ trình\tsố", " ", "", "Ủy ban nhân dân xã Ea Tu", "Đắk Lắk", "ĐẮK LẮK"]
        values += values.map(\.decomposedStringWithCanonicalMapping)
        values += (0..<12_000).map { "Phông lưu trữ số \($0)" } + values
        for v in values {
            XCTAssertEqual(Analyzer.fieldValue(v), Analyzer.foldedSingleSpaced(v.precomposedStringWithCanonicalMapping), v)
            XCTAssertEqual(Analyzer.foldedSingleSpacedMemo(v), Analyzer.foldedSingleSpaced(v), v)
        }
        XCTAssertEqual(Analyzer.foldedSingleSpaced(" UBND  huyện\nKrông Pắc "), "ubnd huyen krong pac")
    }
}
