import XCTest
@testable import VietText
@testable import Query

/// Queries as people type them at a counter: raw Telex/VNI keys, citizens' words for the terms of the
/// records, and both mixed with plain and accented words. Logical queries by table, matches with the boolean
/// evaluator of `GoldenSearchTests`.
final class CounterQueryTests: XCTestCase {
    let parser = QueryParser()

    static let descriptions: [(String, String)] = [
        // Keys: the syllable as if typed with its marks, and the keys as typed.
        ("nguyeenx", "AND_MAYBE(OR(nguyễn, Fnguyen, Fnguyeenx), OR(XSWnguyen, XSTnguyen))"),
        ("va8n", "AND_MAYBE(OR(văn, Fvan, Fva8n), OR(XSWvan, XSTvan))"),
        // Keys that read as a word too (`hoaf`) are keys only beside other Vietnamese words or keys.
        ("hoaf", "AND_MAYBE(Fhoaf, OR(XSWhoaf, XSThoaf))"),
        ("hoaf van", "AND_MAYBE(AND(OR(hòa, Fhoa, Fhoaf), Fvan), OR(XSWhoa, XSThoa, \"XSThoa van\", XSWvan, XSTvan, BFhoa_van^2))"),
        ("hoaf giair", "AND_MAYBE(AND(OR(hòa, Fhoa, Fhoaf), OR(giải, Fgiai, Fgiair)), OR(XSWhoa, XSThoa, \"XSThoa giai\", XSWgiai, XSTgiai, BFhoa_giai^2))"),
        ("box", "AND_MAYBE(Fbox, OR(XSWbox, XSTbox))"),
        // Spoken words: the words typed as a phrase, or below them the terms of the records as phrases (with
        // their abbreviations), and the terms' words as catalogue boosts at the same lower weight.
        ("đền bù", "AND_MAYBE(OR(AND_MAYBE(BFden_bu, AND(đền, bù)), SCALE(BFboi_thuong, 0.7)), OR(XSWboi^0.7, XSWthuong^0.7))"),
        ("den bu", "AND_MAYBE(OR(BFden_bu, SCALE(BFboi_thuong, 0.7)), OR(XSWboi^0.7, XSWthuong^0.7))"),
        ("giải tỏa", "AND_MAYBE(OR(AND_MAYBE(BFgiai_toa, AND(giải, tỏa)), SCALE(SYN(AND(BFthu_hoi, BFhoi_dat), SYN(AND(BFgiai_phong, BFphong_mat, BFmat_bang), Fgpmb)), 0.7)), OR(XSWthu^0.7, XSWhoi^0.7, XSWdat^0.7, XSWgiai^0.7, XSWphong^0.7, XSWmat^0.7, XSWbang^0.7))"),
        // Beside other words: their pairs with the phrase stay, the phrase's own pairs are in it.
        ("den bu ea kly", "AND_MAYBE(AND(OR(BFden_bu, SCALE(BFboi_thuong, 0.7)), Fea, Fkly), OR(XSWea, XSTea, \"XSTea kly\", XSWkly, XSTkly, XSWboi^0.7, XSWthuong^0.7, BFbu_ea, BFea_kly))"),
        // Marks typed must be the spoken word's: `sơ đồ` (a diagram) is not `sổ đỏ`.
        ("sơ đồ", "AND_MAYBE(AND(OR(sơ, Fso), OR(đồ, Fdo)), OR(XSWso, XSTso, \"XSTso do\", XSWdo, XSTdo, BFso_do^2))"),
    ]

    func testDescriptions() throws {
        for (query, expected) in Self.descriptions {
            XCTAssertEqual(try parser.parse(query).node.description, expected, query)
        }
    }

    /// Telex, VNI, plain and accented words of one query read alike; old and new tone placement too.
    func testKeysReadAsTheirSyllables() throws {
        let accented = try parser.parse("Nguyễn Văn Hùng")
        for q in ["nguyeenx vawn hungf", "nguye6n4 va8n hung2", "Nguyeenx Vawn Hungf", "nguyễn vawn hungf",
                  "nguyen64 van8 hung2", "NGUYEENX VAWN HUNGF"] {
            let p = try parser.parse(q)
            XCTAssertEqual(p.textWords, accented.textWords, q)
            XCTAssertTrue(p.node.terms.contains("nguyễn") && p.node.terms.contains("hùng"), q)
            XCTAssertTrue(p.node.terms.contains("BFnguyen_van") && p.node.terms.contains("BFvan_hung"), q)
        }
        // Plain words stay plain: `hung` is Hùng or Hưng, not read as keys.
        let plain = try parser.parse("nguyen van hung")
        XCTAssertEqual(plain.textWords, ["nguyen", "van", "hung"])
        XCTAssertEqual(plain.readings, [])
        XCTAssertEqual(try parser.parse("hoaf giair").node, try parser.parse("hofa giari").node.replacingKeys(["Fhofa": "Fhoaf", "Fgiari": "Fgiair"]))
    }

    func testReadings() throws {
        let p = try parser.parse("nguyeenx vawn hungf den bu")
        XCTAssertEqual(p.readings, [
            QueryReading(kind: .keys, typed: "nguyeenx", read: ["nguyễn"]),
            QueryReading(kind: .keys, typed: "vawn", read: ["văn"]),
            QueryReading(kind: .keys, typed: "hungf", read: ["hùng"]),
            QueryReading(kind: .spoken, typed: "den bu", read: ["bồi thường"]),
        ])
        XCTAssertTrue(p.highlightWords.contains("nguyen") && p.highlightWords.contains("boi") && p.highlightWords.contains("nguyeenx"))
        // Keys spelling a spoken phrase: `ddeenf buf` is `đền bù`.
        XCTAssertEqual(try parser.parse("ddeenf buf").readings.last, QueryReading(kind: .spoken, typed: "đền bù", read: ["bồi thường"]))
        // Taken as typed: no key read, the words as letters.
        let literal = try QueryParser(readsKeys: false).parse("nguyeenx vawn hungf QDD")
        XCTAssertEqual(literal.readings, [])
        XCTAssertEqual(literal.textWords, ["nguyeenx", "vawn", "hungf", "qdd"])
        // Abbreviations typed with the keys of their đ.
        XCTAssertEqual(try parser.parse("QDD boor nhieemj").readings.first, QueryReading(kind: .keys, typed: "QDD", read: ["QĐ"]))
        XCTAssertEqual(try parser.parse("GCN QSDDD").node, try parser.parse("GCN QSDĐ").node)
        XCTAssertEqual(try parser.parse("1605/QDD-UBND").node, try parser.parse("1605/QĐ-UBND").node)
        XCTAssertEqual(try parser.parse("1605/Qd9-UBND").node, try parser.parse("1605/QĐ-UBND").node)
        // Identifiers, abbreviations and numbers are never keys.
        for q in ["1605/QD-UBND", "qd 1605", "thua 305 to 80", "UBND", "cccd 079123456789", "H49.64.33.2012.015"] {
            XCTAssertEqual(try parser.parse(q).readings, [], q)
        }
    }

    static let corpus: [GoldenSearchTests.Doc] = [
        .init("hung", "Quyết định thu hồi đất của hộ ông Nguyễn Văn Hùng, thửa đất số 305, tờ bản đồ số 80, xã Ea Kly"),
        .init("hung2", "Quyết định nâng bậc lương đối với ông Nguyễn Văn Hưng"),
        .init("boithuong", "Quyết định phê duyệt phương án bồi thường, hỗ trợ khi Nhà nước thu hồi đất tại xã Ea Kly"),
        .init("gcn", "Quyết định cấp giấy chứng nhận quyền sử dụng đất cho ông Nguyễn Văn Hùng"),
        .init("gcnabbr", "Tờ trình đề nghị cấp GCNQSDĐ cho hộ bà Trần Thị Hoa"),
        .init("sodo", "Sơ đồ thửa đất kèm theo biên bản"),
        .init("khieunai", "Đơn khiếu nại của công dân về việc bồi thường"),
        .init("ho_khau", "Giấy xác nhận đăng ký thường trú của ông Lê Văn Hòa"),
        .init("cmnd", "Bản sao chứng minh nhân dân số 241234567 của bà H'Hen Niê"),
    ]

    static let searches: [(String, [String])] = [
        // Matching ignores marks (Hưng too), ranking puts the marks typed first.
        ("nguyeenx vawn hungf", ["hung", "hung2", "gcn"]),
        ("nguye6n4 va8n hung2", ["hung", "hung2", "gcn"]),
        ("Nguyễn vawn hung", ["hung", "hung2", "gcn"]),
        ("den bu", ["boithuong", "khieunai"]),
        ("đền bù Ea Kly", ["boithuong"]),
        ("den bu giai toa ea kly", ["boithuong"]),
        ("so do nguyen van hung", ["gcn"]),
        // A phrase matches whatever its marks (the diagram `Sơ đồ` too); the marks typed rank first.
        ("sổ đỏ", ["gcn", "gcnabbr", "sodo"]),
        ("soor ddor", ["gcn", "gcnabbr", "sodo"]),
        ("sơ đồ", ["hung", "sodo"]),   // số … đồ: the words typed, no certificate
        ("lên lương", ["hung2"]),
        ("len luong nguyen van hung", ["hung2"]),
        ("đơn thư", ["khieunai"]),
        ("ho khau le van hoa", ["ho_khau"]),
        ("chứng minh thư H'Hen Niê", ["cmnd"]),
        ("thuwar 305 towf 80", ["hung"]),
    ]

    func testMatches() throws {
        for (query, expected) in Self.searches {
            let node = try parser.parse(query).node
            let hits = Self.corpus.filter { GoldenSearchTests.matches(node, $0) }.map(\.id)
            XCTAssertEqual(hits, expected, "\(query) → \(node)")
        }
    }
}

extension QueryNode {
    /// The node with some terms renamed.
    func replacingKeys(_ names: [String: String]) -> QueryNode {
        switch self {
        case let .term(t, w): return .term(names[t] ?? t, weight: w)
        case let .and(qs): return .and(qs.map { $0.replacingKeys(names) })
        case let .or(qs): return .or(qs.map { $0.replacingKeys(names) })
        case let .synonym(qs): return .synonym(qs.map { $0.replacingKeys(names) })
        case let .andMaybe(a, b): return .andMaybe(a.replacingKeys(names), b.replacingKeys(names))
        case let .andNot(a, b): return .andNot(a.replacingKeys(names), b.replacingKeys(names))
        case let .filter(a, b): return .filter(a.replacingKeys(names), b.replacingKeys(names))
        case let .scaleWeight(a, w): return .scaleWeight(a.replacingKeys(names), w)
        default: return self
        }
    }
}
