import IndexSchema
import XCTest
@testable import VietText
@testable import Query

/// Table tests in the manner of Xapian's api_queryparser: input → description, input → error.
final class QueryParserTests: XCTestCase {
    let parser = QueryParser()

    static let descriptions: [(String, String)] = [
        ("đất", "AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat))"),
        ("dat", "AND_MAYBE(Fdat, OR(XSWdat, XSTdat))"),
        ("Đất đai", "AND_MAYBE(AND(OR(đất, Fdat), OR(đai, Fdai)), OR(XSWdat, XSTdat, \"XSTdat dai\", XSWdai, XSTdai, BFdat_dai^2))"),
        ("quyền sử dụng đất", "AND_MAYBE(SYN(AND(OR(quyền, Fquyen), OR(sử, Fsu), OR(dụng, Fdung), OR(đất, Fdat)), Fqsdd), OR(XSWquyen, XSTquyen, \"XSTquyen su\", \"XSTquyen su dung\", XSWsu, XSTsu, \"XSTsu dung\", \"XSTsu dung dat\", XSWdung, XSTdung, \"XSTdung dat\", XSWdat, XSTdat, BFquyen_su^2, BFsu_dung^2, BFdung_dat^2))"),
        ("UBND", "AND_MAYBE(SYN(Fubnd, AND(BFuy_ban, BFban_nhan, BFnhan_dan)), OR(XSWubnd, \"XSTuy ban nhan dan\", XSTubnd))"),
        ("ubnd huyện", "AND_MAYBE(AND(SYN(Fubnd, AND(BFuy_ban, BFban_nhan, BFnhan_dan)), OR(huyện, Fhuyen)), OR(XSWubnd, \"XSTuy ban nhan dan\", XSTubnd, \"XSTubnd huyen\", XSWhuyen, XSThuyen, BFubnd_huyen^2))"),
        ("ủy ban nhân dân", "AND_MAYBE(SYN(AND(OR(ủy, Fuy), Fban, OR(nhân, Fnhan), OR(dân, Fdan)), Fubnd), OR(XSWuy, XSTuy, \"XSTuy ban\", \"XSTuy ban nhan\", XSWban, XSTban, \"XSTban nhan\", \"XSTban nhan dan\", XSWnhan, XSTnhan, \"XSTnhan dan\", XSWdan, XSTdan, BFuy_ban^2, BFban_nhan^2, BFnhan_dan^2))"),
        ("quyết định số 1605", "AND_MAYBE(OR(N1605/qd, XSN1605/qd, AND(OR(quyết, Fquyet), OR(định, Fdinh), OR(số, Fso), F1605)), OR(XSWquyet, XSTquyet, \"XSTquyet dinh\", \"XSTquyet dinh so\", XSWdinh, XSTdinh, \"XSTdinh so\", XSWso, XSTso, BFquyet_dinh^2, BFdinh_so^2, BFso_1605^2))"),
        ("qđ số 1605", "AND_MAYBE(OR(N1605/qd, XSN1605/qd, AND(SYN(OR(qđ, Fqd), BFquyet_dinh), OR(số, Fso), F1605)), OR(XSWqd, \"XSTquyet dinh\", XSTqd, \"XSTqd so\", XSWso, XSTso, BFqd_so^2, BFso_1605^2))"),
        ("qd 1605", "AND_MAYBE(OR(N1605/qd, XSN1605/qd, AND(SYN(Fqd, BFquyet_dinh), F1605)), OR(XSWqd, \"XSTquyet dinh\", XSTqd, BFqd_1605))"),
        ("1605/QĐ-UBND", "AND_MAYBE(OR(N1605/qd-ubnd, XSN1605/qd-ubnd, AND_MAYBE(AND(BF1605_qd, BFqd_ubnd), qđ)), OR(XSWqd, \"XSTquyet dinh\", XSTqd, \"XSTqd ubnd\", XSWubnd, \"XSTuy ban nhan dan\", XSTubnd, BF1605_qd^2, BFqd_ubnd^2))"),
        ("1605/QD-UBND", "AND_MAYBE(OR(N1605/qd-ubnd, XSN1605/qd-ubnd, AND(BF1605_qd, BFqd_ubnd)), OR(XSWqd, \"XSTquyet dinh\", XSTqd, \"XSTqd ubnd\", XSWubnd, \"XSTuy ban nhan dan\", XSTubnd, BF1605_qd, BFqd_ubnd))"),
        ("1605 QĐ UBND", "AND_MAYBE(OR(N1605/qd-ubnd, XSN1605/qd-ubnd, AND(F1605, SYN(OR(qđ, Fqd), BFquyet_dinh), SYN(Fubnd, AND(BFuy_ban, BFban_nhan, BFnhan_dan)))), OR(XSWqd, \"XSTquyet dinh\", XSTqd, \"XSTqd ubnd\", XSWubnd, \"XSTuy ban nhan dan\", XSTubnd, BF1605_qd^2, BFqd_ubnd^2))"),
        ("1605 / QĐ - UBND", "AND_MAYBE(OR(N1605/qd-ubnd, XSN1605/qd-ubnd, AND(F1605, SYN(OR(qđ, Fqd), BFquyet_dinh), SYN(Fubnd, AND(BFuy_ban, BFban_nhan, BFnhan_dan)))), OR(XSWqd, \"XSTquyet dinh\", XSTqd, \"XSTqd ubnd\", XSWubnd, \"XSTuy ban nhan dan\", XSTubnd, BF1605_qd^2, BFqd_ubnd^2))"),
        ("43/2014/NĐ-CP", "AND_MAYBE(OR(N43/2014/nd-cp, XSN43/2014/nd-cp, AND_MAYBE(AND(BF43_2014, BF2014_nd, BFnd_cp), nđ)), OR(XSY2014, XSWnd, \"XSTnghi dinh\", XSTnd, \"XSTnd cp\", XSWcp, \"XSTchinh phu\", XSTcp, BF43_2014, BF2014_nd^2, BFnd_cp^2))"),
        ("nđ 43", "AND_MAYBE(OR(N43/nd, XSN43/nd, AND(SYN(OR(nđ, Fnd), BFnghi_dinh), F43)), OR(XSWnd, \"XSTnghi dinh\", XSTnd, BFnd_43^2))"),
        ("thửa 305 tờ 80", "AND_MAYBE(OR(T305/80, AND(OR(thửa, Fthua), F305, OR(tờ, Fto), F80)), OR(XSWthua, XSTthua, XSWto, XSTto, BFthua_305^2, BF305_to^2, BFto_80^2))"),
        ("thửa 305", "AND_MAYBE(OR(TT305, AND(OR(thửa, Fthua), F305)), OR(XSWthua, XSTthua, BFthua_305^2))"),
        ("079123456789", "OR(I079123456789, F079123456789, SCALE(SYN(IV079123456789, IV79123456789, IV09123456789, IV07123456789, IV07923456789, IV07913456789, IV07912456789, IV07912356789, IV07912346789, IV07912345789, IV07912345689, IV07912345679, IV07912345678), 0.3))"),
        ("241234567", "OR(I241234567, F241234567, SCALE(SYN(IV241234567, IV41234567, IV21234567, IV24234567, IV24134567, IV24124567, IV24123567, IV24123467, IV24123457, IV24123456), 0.3))"),
        ("\"quyết định thu hồi\"", "AND_MAYBE(AND(BFquyet_dinh, BFdinh_thu, BFthu_hoi), AND(quyết, định, hồi))"),
        ("\"dat\"", "Fdat"),
        ("đất -nhà", "AND_NOT(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), OR(nhà, Fnha))"),
        ("đất -\"nhà ở\"", "AND_NOT(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), AND_MAYBE(BFnha_o, AND(nhà, ở)))"),
        ("đất OR nhà", "OR(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), AND_MAYBE(OR(nhà, Fnha), OR(XSWnha, XSTnha)))"),
        ("đất HOẶC nhà", "OR(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), AND_MAYBE(OR(nhà, Fnha), OR(XSWnha, XSTnha)))"),
        ("(đất OR nhà) thu hồi", "AND_MAYBE(AND(OR(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), AND_MAYBE(OR(nhà, Fnha), OR(XSWnha, XSTnha))), Fthu, OR(hồi, Fhoi)), OR(XSWthu, XSTthu, \"XSTthu hoi\", XSWhoi, XSThoi, BFthu_hoi^2))"),
        ("báo cáo OR tờ trình", "OR(AND_MAYBE(SYN(AND(OR(báo, Fbao), OR(cáo, Fcao)), Fbc), OR(XSWbao, XSTbao, \"XSTbao cao\", XSWcao, XSTcao, BFbao_cao^2)), AND_MAYBE(SYN(AND(OR(tờ, Fto), OR(trình, Ftrinh)), Fttr), OR(XSWto, XSTto, \"XSTto trinh\", XSWtrinh, XSTtrinh, BFto_trinh^2)))"),
        ("nam:2012", "FILTER(ALL, XY2012)"),
        ("nam:2010..2015", "FILTER(ALL, RANGE(1, 20100000..20151299))"),
        ("nam:2010..", "FILTER(ALL, RANGE(1, 20100000..99999999))"),
        ("năm:..2015", "FILTER(ALL, RANGE(1, 00000000..20151299))"),
        ("ngay:15/02/2012", "FILTER(ALL, RANGE(1, 20120215..20120215))"),
        ("ngày:02/2012", "FILTER(ALL, RANGE(1, 20120200..20120299))"),
        ("ngay:01/2012..06/2012", "FILTER(ALL, RANGE(1, 20120100..20120699))"),
        ("so:1605/QĐ-UBND", "N1605/qd-ubnd"),
        ("số:\"1605 / QĐ - UBND\"", "N1605/qd-ubnd"),
        ("so:1605", "F1605"),
        ("Số: 1605/QĐ-UBND", "N1605/qd-ubnd"),
        ("Số: 1605/QĐ-UBND ngày 15/02/2012", "AND_MAYBE(AND(N1605/qd-ubnd, OR(ngày, Fngay), OR(AND(BF15_02, BF02_2012), AND(BF15_2, BF2_2012), AND(BF15_thang, BFthang_02, BF02_nam, BFnam_2012), AND(BF15_thang, BFthang_2, BF2_nam, BFnam_2012), RANGE(1, 20120215..20120215), XSD20120215)), OR(XSWngay, XSTngay, XSY2012, BFngay_15^2, BF15_02, BF02_2012))"),
        ("nam: 2012 đất", "FILTER(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), XY2012)"),
        ("loai:QĐ", "FILTER(ALL, \"XLquyet dinh\")"),
        ("loại:\"Quyết định\"", "FILTER(ALL, \"XLquyet dinh\")"),
        ("loai:hđ", "FILTER(ALL, OR(\"XLhop dong\", \"XLhoi dong\"))"),
        ("coquan:\"UBND huyện Krông Pắc\"", "FILTER(ALL, \"XCubnd huyen krong pac\")"),
        ("hoso:H49.64.33.2001.160", "FILTER(ALL, XFH49.64.33.2001.160)"),
        ("phong:\"UBND huyện Krông Pắc\"", "FILTER(ALL, \"XPubnd huyen krong pac\")"),
        ("cccd:079123456789", "I079123456789"),
        ("cmnd:\"241 234 567\"", "I241234567"),
        ("thua:305 to:80", "T305/80"),
        ("thửa:305 tờ:80", "T305/80"),
        ("thua:305", "TT305"),
        ("-thua:305 đất", "AND_NOT(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), TT305)"),
        ("x:abc", "AND_MAYBE(AND(Fx, Fabc), OR(XSWx, XSTx, \"XSTx abc\", XSWabc, XSTabc, BFx_abc))"),
        // Apostrophe names query their bare form, which the index holds for H'Hen and OCR's HHen.
        ("H\'Hen Niê", "AND_MAYBE(AND(Fhhen, OR(niê, Fnie)), OR(XSWhhen, XSTh\'hen, \"XSTh\'hen nie\", XSWnie, XSTnie, BFh\'hen_nie^2))"),
        ("Cư M’gar", "AND_MAYBE(AND(OR(cư, Fcu), Fmgar), OR(XSWcu, XSTcu, \"XSTcu m\'gar\", XSWmgar, XSTm\'gar, BFcu_m\'gar^2))"),
        // A date written out is a date (2 = 02); a type named finds its type; a year its year.
        ("Tờ trình ngày 13 tháng 2 năm 2005", "AND_MAYBE(AND(SYN(AND(OR(tờ, Fto), OR(trình, Ftrinh)), Fttr), OR(ngày, Fngay), OR(AND(BF13_02, BF02_2005), AND(BF13_2, BF2_2005), AND(BF13_thang, BFthang_02, BF02_nam, BFnam_2005), AND(BF13_thang, BFthang_2, BF2_nam, BFnam_2005), RANGE(1, 20050213..20050213), XSD20050213)), OR(XSWto, XSTto, \"XSTto trinh\", \"XSTto trinh ngay\", XSWtrinh, XSTtrinh, \"XSTtrinh ngay\", XSWngay, XSTngay, XSWthang, XSTthang, XSWnam, XSTnam, XSY2005, BFto_trinh^2, BFtrinh_ngay^2, BFngay_13^2, BF13_thang^2, BFthang_2^2, BF2_nam^2, BFnam_2005^2))"),
        // With a document number, the date only ranks: citations without the date are still found.
        ("401/TTr-TNMT ngày 22/02/2018", "AND_MAYBE(OR(N401/ttr-tnmt, XSN401/ttr-tnmt, AND(BF401_ttr, BFttr_tnmt)), OR(XSWttr, \"XSTto trinh\", \"XSTthanh tra\", XSTttr, \"XSTttr tnmt\", \"XSTttr tnmt ngay\", XSWtnmt, \"XSTtai nguyen va moi truong\", \"XSTtai nguyen moi truong\", XSTtnmt, \"XSTtnmt ngay\", XSWngay, XSTngay, XSY2018, BF401_ttr, BFttr_tnmt, BFtnmt_ngay^2, BFngay_22^2, BF22_02, BF02_2018, OR(AND(BF22_02, BF02_2018), AND(BF22_2, BF2_2018), AND(BF22_thang, BFthang_02, BF02_nam, BFnam_2018), AND(BF22_thang, BFthang_2, BF2_nam, BFnam_2018), RANGE(1, 20180222..20180222), XSD20180222), OR(ngày, Fngay)))"),
        ("15/2/2012", "AND_MAYBE(OR(AND(BF15_02, BF02_2012), AND(BF15_2, BF2_2012), AND(BF15_thang, BFthang_02, BF02_nam, BFnam_2012), AND(BF15_thang, BFthang_2, BF2_nam, BFnam_2012), RANGE(1, 20120215..20120215), XSD20120215), OR(XSY2012, BF15_2, BF2_2012))"),
        ("nam:2012 -đất thu hồi", "AND_NOT(FILTER(AND_MAYBE(AND(Fthu, OR(hồi, Fhoi)), OR(XSWthu, XSTthu, \"XSTthu hoi\", XSWhoi, XSThoi, BFthu_hoi^2)), XY2012), OR(đất, Fdat))"),
        ("đất nam:2012 coquan:UBND", "FILTER(AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat)), AND(XY2012, XCubnd))"),
        ("Ê-đê", "AND_MAYBE(AND_MAYBE(BFe_de, AND(ê, đê)), OR(XSWe, XSTe, \"XSTe de\", XSWde, XSTde, BFe_de^2))"),
        ("+đất", "AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat))"),
        ("a OR b OR c", "OR(AND_MAYBE(Fa, OR(XSWa, XSTa)), AND_MAYBE(Fb, OR(XSWb, XSTb)), AND_MAYBE(Fc, OR(XSWc, XSTc)))"),
        ("((đất))", "AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat))"),
        ("-(đất nhà) thu hồi", "AND_NOT(AND_MAYBE(AND(Fthu, OR(hồi, Fhoi)), OR(XSWthu, XSTthu, \"XSTthu hoi\", XSWhoi, XSThoi, BFthu_hoi^2)), AND_MAYBE(AND(OR(đất, Fdat), OR(nhà, Fnha)), OR(XSWdat, XSTdat, \"XSTdat nha\", XSWnha, XSTnha, BFdat_nha^2)))"),
        ("NĐ-CP", "AND_MAYBE(SYN(AND_MAYBE(BFnd_cp, nđ), AND(BFnghi_dinh, BFdinh_chinh, BFchinh_phu), AND(BFnghi_dinh, BFdinh_cua, BFcua_chinh, BFchinh_phu)), OR(XSWnd, \"XSTnghi dinh\", XSTnd, \"XSTnd cp\", XSWcp, \"XSTchinh phu\", XSTcp, BFnd_cp^2))"),
        ("GCNQSDĐ", "AND_MAYBE(SYN(OR(gcnqsdđ, Fgcnqsdd), AND(BFgiay_chung, BFchung_nhan, BFnhan_quyen, BFquyen_su, BFsu_dung, BFdung_dat)), OR(XSWgcnqsdd, \"XSTgiay chung nhan quyen su dung dat\", XSTgcnqsdd))"),
    ]

    func testDescriptions() {
        for (input, expected) in Self.descriptions {
            XCTAssertEqual(try parser.parse(input).node.description, expected, input)
        }
    }

    static let errors: [(String, String, Int?)] = [
        ("", "Truy vấn trống: hãy nhập từ cần tìm.", nil),
        ("   ", "Truy vấn trống: hãy nhập từ cần tìm.", nil),
        (String(repeating: "đất ", count: 260), "Truy vấn quá dài (1040 ký tự, tối đa 1000 ký tự).", 1000),
        ("\"abc", "Thiếu dấu ngoặc kép đóng cho cụm từ mở ở vị trí 1.", 0),
        ("đất \"nhà", "Thiếu dấu ngoặc kép đóng cho cụm từ mở ở vị trí 5.", 4),
        ("(đất", "Thiếu dấu ngoặc đóng \")\" cho dấu mở ở vị trí 1.", 0),
        ("đất)", "Dấu ngoặc đóng \")\" ở vị trí 4 không có dấu mở tương ứng.", 3),
        ("OR đất", "Thiếu từ trước \"OR\".", 0),
        ("đất OR", "Thiếu từ sau \"OR\".", 4),
        ("đất OR OR nhà", "Thiếu từ sau \"OR\".", 4),
        ("()", "Cặp ngoặc rỗng ở vị trí 1.", 0),
        ("-đất", "Truy vấn chỉ có từ loại trừ (-): hãy thêm ít nhất một từ cần tìm.", 0),
        ("-đất -nhà", "Truy vấn chỉ có từ loại trừ (-): hãy thêm ít nhất một từ cần tìm.", 0),
        ("nam:abc", "Năm không hợp lệ: \"abc\" (ví dụ: nam:2012 hoặc nam:2010..2015).", 0),
        ("nam:2015..2010", "Khoảng năm không hợp lệ: 2015 lớn hơn 2010 (ví dụ: nam:2010..2015).", 0),
        ("nam:", "Thiếu giá trị sau \"nam:\" (ví dụ: nam:2012 hoặc nam:2010..2015).", 0),
        ("đất nam: OR nhà", "Thiếu giá trị sau \"nam:\" (ví dụ: nam:2012 hoặc nam:2010..2015).", 4),
        ("đất (nam: )", "Thiếu giá trị sau \"nam:\" (ví dụ: nam:2012 hoặc nam:2010..2015).", 5),
        ("nam:12", "Năm không hợp lệ: \"12\" (ví dụ: nam:2012 hoặc nam:2010..2015).", 0),
        ("ngay:31/02/2012", "Ngày không hợp lệ: \"31/02/2012\" (ví dụ: ngay:15/02/2012, ngay:02/2012 hoặc ngay:01/2012..06/2012).", 0),
        ("ngay:03/2012..01/2012", "Khoảng ngày không hợp lệ: 03/2012 sau 01/2012.", 0),
        ("to:80", "\"to:80\" cần đi kèm số thửa (ví dụ: thua:305 to:80).", 0),
        ("cccd:12345", "Số CCCD/CMND không hợp lệ: \"12345\" (CMND có 9 chữ số, CCCD có 12 chữ số bắt đầu bằng 0).", 0),
        ("thua:abc", "Số thửa không hợp lệ: \"abc\" (ví dụ: thua:305 to:80).", 0),
        ("!!! ...", "Truy vấn không có từ nào để tìm.", 0),
        ("-to:80 đất", "Không thể loại trừ riêng số tờ bản đồ; hãy dùng -thua:SỐ.", 0),
        (String(repeating: "(", count: 30) + "đất" + String(repeating: ")", count: 30), "Quá nhiều dấu ngoặc lồng nhau (tối đa 20 lớp).", 20),
    ]

    func testErrors() {
        for (input, message, position) in Self.errors {
            XCTAssertThrowsError(try parser.parse(input), input) { error in
                XCTAssertEqual(error as? QueryError, QueryError(message: message, position: position), input)
            }
        }
    }

    /// Old and new tone placement, NFD, upper case and typographic apostrophes give one query.
    static let equivalent: [[String]] = [
        ["hòa bình", "hoà bình", "HOÀ BÌNH", "Hoà Bình".decomposedStringWithCanonicalMapping, "hòa  bình"],
        ["thúy", "thuý", "THUÝ", "thuý".decomposedStringWithCanonicalMapping],
        ["khỏe mạnh", "khoẻ mạnh", "KHOẺ MẠNH"],
        ["ủy ban nhân dân", "uỷ ban nhân dân", "UỶ BAN NHÂN DÂN", "Uỷ ban nhân dân".decomposedStringWithCanonicalMapping],
        ["1605/QĐ-UBND", "1605/qđ-ubnd", "1605/QĐ-UBND".decomposedStringWithCanonicalMapping],
        ["H'Hen Niê", "H’Hen Niê", "h‘hen niê", "H'Hen Niê".decomposedStringWithCanonicalMapping],
        ["\"quyết định thu hồi\" -\"hòa giải\"", "“Quyết định thu hồi” -“hoà giải”",
         "\"quyết định thu hồi\" -\"hoà giải\"".decomposedStringWithCanonicalMapping],
        ["thửa 305 tờ 80 nam:2012", "THỬA 305 TỜ 80 năm:2012", "thửa 305 tờ 80 nam:2012".decomposedStringWithCanonicalMapping],
        ["Thủy lợi OR Khuyến nông", "thuỷ lợi HOẶC khuyến nông", "Thuỷ lợi HOẶC khuyến nông".decomposedStringWithCanonicalMapping],
        ["coquan:\"UBND huyện Krông Pắc\"", "cơquan:\"ubnd HUYỆN krông pắc\"", "coquan:\"UBND huyện Krông Pắc\"".decomposedStringWithCanonicalMapping],
    ]

    func testEquivalentSpellings() throws {
        for group in Self.equivalent {
            let first = try parser.parse(group[0])
            for other in group.dropFirst() {
                XCTAssertEqual(try parser.parse(other), first, "\(group[0]) ≠ \(other)")
            }
        }
    }

    func testDocumentNumberForms() throws {
        let table: [(String, String)] = [
            ("1605/QĐ-UBND", "N1605/qd-ubnd"), ("1605/QD-UBND", "N1605/qd-ubnd"), ("1605 QĐ UBND", "N1605/qd-ubnd"),
            ("1605 / QĐ - UBND", "N1605/qd-ubnd"), ("1605 qd ubnd", "N1605/qd-ubnd"), ("so:1605/qd-ubnd", "N1605/qd-ubnd"),
            ("qd 1605", "N1605/qd"), ("QĐ số 1605", "N1605/qd"), ("quyết định số 1605", "N1605/qd"),
            ("quyet dinh 1605", "N1605/qd"), ("Quyết định 1605/QĐ-UBND", "N1605/qd-ubnd"),
            ("43/2014/NĐ-CP", "N43/2014/nd-cp"), ("nđ 43", "N43/nd"), ("nghị định 43", "N43/nd"),
            ("325/TTr-TNMT", "N325/ttr-tnmt"), ("tờ trình 325", "N325/ttr"), ("12/BC-TTr", "N12/bc-ttr"),
        ]
        let index = Set(Analyzer().indexTerms("Quyết định 1605/QĐ-UBND; Nghị định 43/2014/NĐ-CP; Tờ trình 325/TTr-TNMT; Báo cáo 12/BC-TTr"))
        for (query, term) in table {
            let terms = try parser.parse(query).node.terms
            XCTAssertTrue(terms.contains(term), "\(query): \(terms)")
            XCTAssertTrue(index.contains(term), "index lacks \(term)")
        }
    }

    func testHighlightAndTextWords() throws {
        let q = try parser.parse("Quyền sử dụng đất UBND -nhà \"Krông Pắc\"")
        XCTAssertEqual(q.textWords, ["quyền", "sử", "dụng", "đất", "ubnd", "krông", "pắc"])
        XCTAssertEqual(q.highlightWords, ["quyen", "su", "dung", "dat", "ubnd", "qsdd", "uy", "ban", "nhan", "dan", "krong", "pac"])
        XCTAssertFalse(q.highlightWords.contains("nha"))
    }

    func testRelaxed() throws {
        let q = try parser.parse("thu hồi đất nam:2012 -nhà")
        XCTAssertEqual(q.relaxedNode?.description,
                       "AND_NOT(FILTER(AND_MAYBE(OR(Fthu, OR(hồi, Fhoi), OR(đất, Fdat)), OR(XSWthu, XSTthu, \"XSTthu hoi\", \"XSTthu hoi dat\", XSWhoi, XSThoi, \"XSThoi dat\", XSWdat, XSTdat, BFthu_hoi^2, BFhoi_dat^2)), XY2012), OR(nhà, Fnha))")
        XCTAssertEqual(relaxed(q)?.node, q.relaxedNode)
        XCTAssertNil(relaxed(q)?.relaxedNode)
        XCTAssertNil(try parser.parse("đất").relaxedNode)
        XCTAssertNil(try parser.parse("đất OR nhà").relaxedNode)
        XCTAssertNil(try parser.parse("1605/QĐ-UBND").relaxedNode, "identifiers are not relaxed")
        XCTAssertNotNil(try parser.parse("ủy ban nhân dân").relaxedNode)
    }

    func testNeverCrashes() {
        let nasty = ["\"", "\"\"", "-", "--", "- -", "-\"\"", ":", "so:", "x:", "((", "))", "OR", "HOẶC", "( OR )", "\u{0301}",
                     "đất\u{0000}nhà", "🙂", "nam:9999..", "ngay:..", "thua:0 to:0", "-(", "\"đất", "a:b:c", "so:\"\"",
                     String(repeating: "-", count: 999), String(repeating: "\"", count: 999), String(repeating: "a", count: 1000),
                     String(repeating: "OR ", count: 300), String(repeating: "x:", count: 400), "1/2/3/4/5/6/7/8/9/0"]
        for q in nasty {
            do { _ = try parser.parse(q) } catch let e as QueryError { XCTAssertFalse(e.message.isEmpty, q) } catch { XCTFail("\(q): \(error)") }
        }
    }
}

extension QueryParserTests {
    func testOverlongWordsAreDropped() {
        XCTAssertThrowsError(try parser.parse(String(repeating: "a", count: 300))) { error in
            XCTAssertEqual((error as? QueryError)?.message, "Truy vấn không có từ nào để tìm.")
        }
        XCTAssertEqual(try parser.parse(String(repeating: "a", count: 300) + " đất").node.description,
                       "AND_MAYBE(OR(đất, Fdat), OR(XSWdat, XSTdat))")
    }
}
