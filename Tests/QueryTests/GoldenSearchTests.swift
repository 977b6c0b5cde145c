import IndexSchema
import XCTest
@testable import VietText
@testable import Query

/// Golden searches over a small corpus: which documents each query must match. The index side is
/// the real `Analyzer`; matching follows the boolean semantics of the Xapian operators (weights are
/// not modelled), so these tests check that both sides of the term scheme meet. The index holds no
/// positions (term scheme 3), so a query must never need them: a phrase here matches nothing.
final class GoldenSearchTests: XCTestCase {
    struct Doc {
        var id: String
        var terms: Set<String> = []
        var date: String?
        init(_ id: String, _ text: String, date: String? = nil, extra: [String] = []) {
            self.id = id
            self.date = date
            var pages = text.components(separatedBy: "\u{0C}")
            if pages.isEmpty { pages = [""] }
            for page in pages { terms.formUnion(Analyzer().indexTerms(page)) }
            if let date, let year = Int(date.prefix(4)) { terms.insert("XY\(year)") }
            terms.formUnion(extra)
        }
    }

    static func matches(_ n: QueryNode, _ d: Doc) -> Bool {
        switch n {
        case let .term(t, _): return d.terms.contains(t)
        case let .and(qs): return qs.allSatisfy { matches($0, d) }
        case let .or(qs), let .synonym(qs): return qs.contains { matches($0, d) }
        case let .andMaybe(a, _), let .scaleWeight(a, _): return matches(a, d)
        case let .andNot(a, b): return matches(a, d) && !matches(b, d)
        case let .filter(a, b): return matches(a, d) && matches(b, d)
        case let .valueRange(slot, from, to): return slot == 1 && d.date.map { $0 >= from && $0 <= to } ?? false
        case .matchAll: return true
        case .matchNothing: return false
        }
    }

    static let corpus: [Doc] = [
        Doc("d1", "QUYẾT ĐỊNH Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng\nSố: 1605/QĐ-UBND\nThửa đất số 305, tờ bản đồ số 80, xã Ea Tul, huyện Cư M’gar. Đắk Lắk, ngày 15 tháng 02 năm 2012",
            date: "20120215", extra: ["XLquyet dinh", "XCubnd huyen cu m'gar"]),
        Doc("d2", "TỜ TRÌNH số 325/TTr-TNMT về việc cấp giấy chứng nhận quyền sử dụng đất cho bà H’Hen Niê, CCCD 066190001234",
            date: "20110300", extra: ["XLto trinh"]),
        Doc("d3", "Báo cáo kết quả giải phóng mặt bằng, tái định cư của Uỷ ban nhân dân huyện Krông Pắc năm 2012\u{0C}Trang hai: danh sách hộ dân",
            date: "20120000", extra: ["XLbao cao", "XCubnd huyen krong pac"]),
        Doc("d4", "Nghị định 43/2014/NĐ-CP quy định chi tiết thi hành Luật Đất đai; UBND tỉnh hướng dẫn"),
        Doc("d5", "Giai quyet khieu nai cua ong Y Bih Nie ve dat o, CMND 241234567"),
        Doc("d6", "Biên bản họp dân về hoà giải tranh chấp đất đai ngày 20/03/2012".decomposedStringWithCanonicalMapping, date: "20120320"),
        Doc("d7", LegacyEncoding.convert(LegacyEncoding.encode("Công văn về việc khiếu nại, tố cáo của công dân", to: .tcvn3), from: .tcvn3)),
    ]

    static let golden: [(String, [String])] = [
        ("thu hồi đất", ["d1"]),
        ("thu hoi dat", ["d1"]),
        ("THU HỒI ĐẤT", ["d1"]),
        ("quyền sử dụng đất", ["d2"]),
        ("QSDĐ", ["d2"]),
        ("qsdd", ["d2"]),
        ("giấy chứng nhận", ["d2"]),
        ("GCN", ["d2"]),
        ("ủy ban nhân dân Krông Pắc", ["d3"]),
        ("UBND Krông Pắc", ["d3"]),
        ("ubnd krong pac", ["d3"]),
        ("ủy ban nhân dân tỉnh", ["d4"]),
        ("uỷ ban nhân dân", ["d1", "d3", "d4"]),   // d1 through the UBND of its number
        ("TĐC", ["d3"]),
        ("GPMB", ["d3"]),
        ("\"tái định cư\"", ["d3"]),
        ("\"tai dinh cu\"", ["d3"]),
        ("\"định cư tái\"", []),
        ("1605/QĐ-UBND", ["d1"]), ("1605/QD-UBND", ["d1"]), ("1605 QĐ UBND", ["d1"]), ("1605 / qđ - ubnd", ["d1"]),
        ("qd 1605", ["d1"]), ("quyết định số 1605", ["d1"]), ("so:1605/QĐ-UBND", ["d1"]),
        ("1606/QĐ-UBND", []),
        ("43/2014/NĐ-CP", ["d4"]), ("nđ 43", ["d4"]), ("nghị định chính phủ", ["d4"]),
        ("325/TTr-TNMT", ["d2"]), ("tờ trình 325", ["d2"]),
        ("thửa 305 tờ 80", ["d1"]), ("thửa đất số 305, tờ bản đồ số 80", ["d1"]), ("thua:305 to:80", ["d1"]),
        ("thua:305", ["d1"]), ("thua:305 to:81", []),
        ("066190001234", ["d2"]), ("cccd:066190001234", ["d2"]), ("cmnd:241234567", ["d5"]),
        ("H'Hen Niê", ["d2"]), ("h’hen nie", ["d2"]), ("hhen nie", ["d2"]), ("Cư M'gar", ["d1"]), ("cu mgar", ["d1"]),
        ("Y Bih Niê", ["d5"]),
        ("giải quyết khiếu nại", ["d5"]),
        ("khiếu nại tố cáo", ["d7"]),
        ("KNTC", ["d7"]),
        ("hòa giải", ["d6"]), ("hoà giải", ["d6"]), ("hoa giai", ["d6"]),
        ("20/3/2012", ["d6"]), ("15/02/2012", ["d1"]),
        ("đất", ["d1", "d2", "d4", "d5", "d6"]),
        ("đất -thu", ["d2", "d4", "d5", "d6"]),
        ("đất -\"đất đai\"", ["d1", "d2", "d5"]),
        ("báo cáo OR tờ trình", ["d2", "d3"]),
        ("(báo cáo OR tờ trình) đất", ["d2"]),
        ("nam:2012", ["d1", "d3", "d6"]),
        ("nam:2010..2011", ["d2"]),
        ("ngay:15/02/2012", ["d1"]),
        ("ngay:03/2012", ["d6"]),
        ("ngay:2012", ["d1", "d3", "d6"]),
        ("đất nam:2012", ["d1", "d6"]),
        ("loai:QĐ", ["d1"]), ("loại:\"tờ trình\"", ["d2"]),
        ("coquan:\"UBND huyện Krông Pắc\"", ["d3"]),
        ("danh sách hộ dân", ["d3"]),
        ("x:abc", []),
    ]

    func testGoldenSearches() throws {
        let parser = QueryParser()
        for (query, expected) in Self.golden {
            let node = try parser.parse(query).node
            let hits = Self.corpus.filter { Self.matches(node, $0) }.map(\.id)
            XCTAssertEqual(hits, expected, "\(query) → \(node)")
        }
    }

    func testRelaxedFindsMore() throws {
        let q = try QueryParser().parse("thu hồi Krông Pắc")
        XCTAssertEqual(Self.corpus.filter { Self.matches(q.node, $0) }.map(\.id), [])
        let r = try XCTUnwrap(q.relaxedNode)
        XCTAssertEqual(Self.corpus.filter { Self.matches(r, $0) }.map(\.id), ["d1", "d3"])
    }

    func testPhraseDoesNotCrossPages() throws {
        // "năm 2012" ends page 1 of d3 and "Trang hai" starts page 2: the gap of 100 keeps them apart.
        let node = try QueryParser().parse("\"2012 trang\"").node
        XCTAssertFalse(Self.matches(node, Self.corpus[2]))
    }
}
