import XCTest
@testable import VietText

final class NormalizerTests: XCTestCase {
    /// (input, normalize, fold)
    static let table: [(String, String, String)] = [
        ("Hoà", "hòa", "hoa"), ("HOÀ", "hòa", "hoa"), ("hoá", "hóa", "hoa"), ("hoả", "hỏa", "hoa"),
        ("hoã", "hõa", "hoa"), ("hoạ", "họa", "hoa"), ("hòa", "hòa", "hoa"),
        ("thuý", "thúy", "thuy"), ("thuỳ", "thùy", "thuy"), ("Thuỷ lợi", "thủy lợi", "thuy loi"),
        ("thuỵ", "thụy", "thuy"), ("khoẻ", "khỏe", "khoe"), ("khoè", "khòe", "khoe"), ("KHOẺ", "khỏe", "khoe"),
        ("Uỷ ban", "ủy ban", "uy ban"), ("UỶ BAN", "ủy ban", "uy ban"), ("Ủy ban", "ủy ban", "uy ban"),
        ("Quý", "quý", "quy"), ("QUÝ", "quý", "quy"), ("qúy", "quý", "quy"), ("Quỳnh", "quỳnh", "quynh"),
        ("quả", "quả", "qua"), ("qủa", "quả", "qua"), ("quốc", "quốc", "quoc"), ("Quyết định", "quyết định", "quyet dinh"),
        ("giữa", "giữa", "giua"), ("gìn", "gìn", "gin"), ("già", "già", "gia"), ("giá", "giá", "gia"),
        ("gía", "giá", "gia"), ("giường", "giường", "giuong"),
        ("hoàng", "hoàng", "hoang"), ("hòang", "hoàng", "hoang"), ("HOÀNG", "hoàng", "hoang"),
        ("thuyền", "thuyền", "thuyen"), ("khuya", "khuya", "khuya"), ("khuỷu", "khuỷu", "khuyu"),
        ("ngoài", "ngoài", "ngoai"), ("ngòai", "ngoài", "ngoai"), ("người", "người", "nguoi"),
        ("ngừơi", "người", "nguoi"), ("mùa", "mùa", "mua"), ("muà", "mùa", "mua"), ("tuổi", "tuổi", "tuoi"),
        ("nghĩa", "nghĩa", "nghia"), ("huỳnh", "huỳnh", "huynh"), ("thuở", "thuở", "thuo"), ("hưu", "hưu", "huu"),
        ("toán", "toán", "toan"), ("hoạch", "hoạch", "hoach"), ("xoáy", "xoáy", "xoay"),
        ("ĐẤT", "đất", "dat"), ("Đắk Lắk", "đắk lắk", "dak lak"), ("Krông Pắc", "krông pắc", "krong pac"),
        ("H’Hen Niê", "h'hen niê", "h'hen nie"), ("Cư M’gar", "cư m'gar", "cu m'gar"), ("Y Bih Niê", "y bih niê", "y bih nie"),
        ("Ea H'leo", "ea h'leo", "ea h'leo"), ("Buôn Ma Thuột", "buôn ma thuột", "buon ma thuot"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "cộng hòa xã hội chủ nghĩa việt nam", "cong hoa xa hoi chu nghia viet nam"),
        ("Độc lập - Tự do - Hạnh phúc", "độc lập - tự do - hạnh phúc", "doc lap - tu do - hanh phuc"),
        ("Số: 1605/QĐ-UBND", "số: 1605/qđ-ubnd", "so: 1605/qd-ubnd"),
        ("video Hanoi", "video hanoi", "video hanoi"), ("", "", ""),
    ]

    func testTable() {
        for (input, norm, folded) in Self.table {
            XCTAssertEqual(VietNormalizer.normalize(input), norm, input)
            XCTAssertEqual(VietNormalizer.fold(input), folded, input)
            // NFD input gives the same result.
            let nfd = input.decomposedStringWithCanonicalMapping
            XCTAssertEqual(VietNormalizer.normalize(nfd), norm, "NFD " + input)
            XCTAssertEqual(VietNormalizer.fold(nfd), folded, "NFD " + input)
            // The normalized form is NFC and stable.
            XCTAssertEqual(norm, norm.precomposedStringWithCanonicalMapping, input)
            XCTAssertEqual(VietNormalizer.normalize(norm), norm, "idempotent " + input)
        }
    }

    func testMarkOrderVariants() {
        // ệ as e + dot below + circumflex, and as e + circumflex + dot below.
        XCTAssertEqual(VietNormalizer.normalize("Vi\u{0065}\u{0323}\u{0302}t"), "việt")
        XCTAssertEqual(VietNormalizer.normalize("Vi\u{0065}\u{0302}\u{0323}t"), "việt")
        // ư as u + combining horn, tone after.
        XCTAssertEqual(VietNormalizer.normalize("ngu\u{031B}\u{0300}o\u{031B}i"), "người")
        XCTAssertEqual(VietNormalizer.fold("ð Ð Đ đ"), "d d d d")
        XCTAssertEqual(VietNormalizer.foldKeepingCase("QĐ-UBND Hòa"), "QD-UBND Hoa")
    }

    func testHasDiacritics() {
        XCTAssertTrue(VietNormalizer.hasDiacritics("đất"))
        XCTAssertTrue(VietNormalizer.hasDiacritics("Đ"))
        XCTAssertFalse(VietNormalizer.hasDiacritics("dat UBND"))
    }

    func testSyllableValidity() {
        for w in ["quyết", "định", "người", "khuya", "giữa", "hoàng", "nghiêng", "ủy", "thuở", "các", "đất"] {
            XCTAssertTrue(VietSyllable.isValid(w), w)
        }
        for w in ["cac", "quyÕt", "grưße", "xyz", "hoàhợp", "bànc"] {
            XCTAssertFalse(VietSyllable.isValid(w), w)
        }
    }
}

extension NormalizerTests {
    static let tones: [String] = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

    /// Every tone on every open oa/oe/uy: new style (tone on the second vowel) → old style (first).
    func testAllTonesOpenSyllables() {
        let words: [(String, String, String)] = [("h", "o", "a"), ("kh", "o", "e"), ("th", "u", "y"), ("l", "o", "e"),
                                                  ("x", "o", "a"), ("t", "u", "y"), ("", "o", "a"), ("", "u", "y"), ("ng", "o", "a")]
        for (initial, v1, v2) in words {
            for t in Self.tones {
                let newStyle = nfc(initial + v1 + v2 + t)
                let oldStyle = nfc(initial + v1 + t + v2)
                XCTAssertEqual(VietNormalizer.normalize(newStyle), oldStyle, newStyle)
                XCTAssertEqual(VietNormalizer.normalize(oldStyle), oldStyle, oldStyle)
                XCTAssertEqual(VietNormalizer.normalize(newStyle.uppercased()), oldStyle, newStyle.uppercased())
                XCTAssertEqual(VietNormalizer.normalize(newStyle.decomposedStringWithCanonicalMapping), oldStyle)
                XCTAssertEqual(VietNormalizer.fold(newStyle), initial + v1 + v2)
            }
        }
    }

    /// Closed syllables and qu/gi clusters keep the tone where the spelling puts it.
    func testAllTonesClosedAndClusters() {
        let keep: [(String, String)] = [("ho", "ng"), ("to", "n"), ("kho", "n"), ("hu", "nh"), ("qu", ""), ("gi", ""),
                                        ("qu", "n"), ("gi", "ng"), ("ho", "ch"), ("thuy", "n")]
        for (head, tail) in keep {
            for t in Self.tones {
                let vowel = head == "thuy" ? "ê" : (head.hasSuffix("u") && tail == "nh" ? "y" : "a")
                let w = nfc(head + vowel + t + tail)
                XCTAssertEqual(VietNormalizer.normalize(w), w, w)
                XCTAssertEqual(VietNormalizer.normalize(w.uppercased()), w, w.uppercased())
            }
        }
        // Closed syllable typed with the tone on the first vowel moves to the second.
        for t in Self.tones {
            XCTAssertEqual(VietNormalizer.normalize(nfc("ho" + t + "ang")), nfc("hoa" + t + "ng"))
            XCTAssertEqual(VietNormalizer.normalize(nfc("qu" + t + "y")), nfc("quy" + t))
            XCTAssertEqual(VietNormalizer.normalize(nfc("gi" + t + "a")), nfc("gia" + t))
        }
    }
}
