import XCTest
@testable import VietText

final class LegacyEncodingTests: XCTestCase {
    static let sentences = [
        "Quyết định về việc thu hồi đất của hộ ông Nguyễn Văn Hùng",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Ủy ban nhân dân huyện Krông Pắc, tỉnh Đắk Lắk",
        "Giấy chứng nhận quyền sử dụng đất cấp cho bà H'Hen Niê tại buôn Ea Tul, huyện Cư M'gar",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
        "người sử dụng đất phải nộp tiền thuê đất hằng năm theo quy định",
        "Báo cáo kết quả giải phóng mặt bằng và tái định cư năm 2012",
        "Tờ trình số 325/TTr-TNMT về việc phê duyệt phương án bồi thường, hỗ trợ",
        "Khiếu nại của ông Y Bih Niê về diện tích đất ở thửa số 305, tờ bản đồ số 80",
        "Thủy lợi, khuyến nông, hỗ trợ khuyết tật, quỹ phòng chống thiên tai",
        "Mường Khương, Bảo Thắng, Bát Xát",
    ]

    func testRoundTripAndDetection() {
        for s in Self.sentences {
            for enc in LegacyEncoding.allCases {
                let garbled = LegacyEncoding.encode(s, to: enc)
                XCTAssertNotEqual(garbled, s, "\(enc) \(s)")
                // Garbled legacy text only holds Latin-1 characters.
                XCTAssertTrue(garbled.unicodeScalars.allSatisfy { $0.value <= 0xFF }, "\(enc) \(garbled)")
                XCTAssertEqual(LegacyEncoding.detect(garbled), enc, "\(enc) \(garbled)")
                let back = LegacyEncoding.convert(garbled, from: enc)
                if enc == .vni {
                    XCTAssertEqual(back, s, garbled)
                } else {
                    // TCVN3 has no capital toned vowels: compare normalised.
                    XCTAssertEqual(VietNormalizer.normalize(back), VietNormalizer.normalize(s), garbled)
                    // Exact where each word shows its case through an ASCII letter.
                    let exact = s.split(separator: " ").allSatisfy { w in
                        w.contains { $0.isASCII && $0.isLetter } && (w == w.lowercased() || w == w.uppercased() || w.first?.isASCII == true)
                    }
                    if exact { XCTAssertEqual(back, s, garbled) }
                }
            }
        }
    }

    /// Known byte values of the encodings (as their Latin-1 characters).
    func testKnownSamples() {
        let tcvn3: [(String, String)] = [
            ("B\u{B6}o Th\u{BE}ng", "Bảo Thắng"), ("B\u{B8}t X\u{B8}t", "Bát Xát"),
            ("Quy\u{D5}t \u{AE}\u{DE}nh", "Quyết định"), ("\u{A7}\u{E9}c l\u{CB}p", "Độc lập"),
            ("ng\u{AD}\u{EA}i", "người"), ("M\u{AD}\u{EA}ng Kh\u{AD}\u{AC}ng", "Mường Khương"),
        ]
        for (g, u) in tcvn3 { XCTAssertEqual(LegacyEncoding.convert(g, from: .tcvn3), u, u) }
        // Capitals from a .VnTimeH heading.
        XCTAssertEqual(LegacyEncoding.convert("C\u{E9}NG H\u{DF}A X\u{B7} H\u{E9}I", from: .tcvn3), "CỘNG HÒA XÃ HỘI")
        XCTAssertEqual(LegacyEncoding.convert(LegacyEncoding.encode("QUYẾT ĐỊNH", to: .tcvn3), from: .tcvn3), "QUYẾT ĐỊNH")
        let vni: [(String, String)] = [
            ("Quyeát ñònh", "Quyết định"), ("Vieät Nam", "Việt Nam"), ("Ñoàng", "Đồng"),
            ("Thaønh phoá", "Thành phố"), ("ngöôøi", "người"), ("Xin chaøo caùc baïn", "Xin chào các bạn"),
            ("AÊn", "Ăn"), ("kyù", "ký"), ("hoøa", "hòa"), ("quyõ", "quỹ"), ("ÑAÁT", "ĐẤT"), ("thuûy", "thủy"),
        ]
        for (g, u) in vni { XCTAssertEqual(LegacyEncoding.convert(g, from: .vni), u, u) }
        XCTAssertEqual(LegacyEncoding.encode("Quyết định", to: .vni), "Quyeát ñònh")
        XCTAssertEqual(LegacyEncoding.encode("Việt Nam", to: .tcvn3), "Vi\u{D6}t Nam")
    }

    func testNeverDetected() {
        let plain = Self.sentences + Self.sentences.map { $0.decomposedStringWithCanonicalMapping } + [
            "", "Quyet dinh so 1605/QD-UBND ngay 15/02/2012", "UBND huyen Krong Pac",
            "và là cá", "Café à Paris, élève, garçon", "Größe Übung", "año señor niño",
            "Tổng cộng: 1.500.000 đồng", "© 2012 — «Báo cáo»", "25°C, 50%, ±3",
        ]
        for s in plain { XCTAssertNil(LegacyEncoding.detect(s), s) }
    }

    func testShortGarbledWords() {
        XCTAssertEqual(LegacyEncoding.detect(LegacyEncoding.encode("Quyết định", to: .tcvn3)), .tcvn3)
        XCTAssertEqual(LegacyEncoding.detect(LegacyEncoding.encode("Quyết định", to: .vni)), .vni)
        XCTAssertEqual(LegacyEncoding.detect(LegacyEncoding.encode("đất đai", to: .vni)), .vni)
    }
}
