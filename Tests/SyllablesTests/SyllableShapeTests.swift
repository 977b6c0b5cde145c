import Foundation
import XCTest
@testable import Syllables
import VietText

/// `SyllableShape` on real Vietnamese, typical OCR damage and an exhaustive comparison with an independent
/// definition (valid rhymes written out as data); `TextLayerQuality` on clean and damaged sample pages.
final class SyllableShapeTests: XCTestCase {
    /// Real words and phrases: administrative text, rare rhymes, both tone placements.
    static let realText = """
    Quyết định thu hồi đất giấy chứng nhận quyền sử dụng đất khiếu nại tố cáo tiếp công dân nghiêng khuya
    quyển gìn giữ thuở khuỷu tay oẳn tù tì huơ tay người nghĩa vụ ngoằn ngoèo Cư Pắc Ủy ban nhân dân huyện
    Cộng hòa xã hội chủ nghĩa Việt Nam Độc lập Tự do Hạnh phúc căn cứ Luật Tổ chức chính quyền địa phương
    xét đề nghị của Trưởng phòng Tài nguyên và Môi trường điều chỉnh bồi thường hỗ trợ tái định cư giải
    phóng mặt bằng diện tích thửa tờ bản đồ hộ gia đình cá nhân thuộc quy hoạch kế hoạch năm nay được
    phê duyệt Chủ tịch Phó Văn phòng Hội đồng chịu trách nhiệm thi hành kể từ ngày ký Nơi nhận lưu
    khuếch trương nguệch ngoạc huênh hoang huých huỳnh huýt sáo uể oải xoay xở ngoạm oạp hoặc xoăn hoẵng
    thoăn thoắt khoẻ khỏe hoen ố khoét ngoẹo khuâng khuấy thuật xuân tuần quần quầy quấy quân quất quyết
    quýt quỳnh quý quê quên quết quệch quều quào qua quà quác quách quai quan quang quanh quát quay quắc
    quăn quăng quắt quắp que quen queo quét quơ quở quốc tuyết chuyện truyện thuyền khuyên nguyễn duyên
    luyện huyện xuyên yên yêu yếm yết yểng ỉa ấy ở ạ ừ ê ơi ăn uống ước ươm ướt ưu ưa ông ốc ơn ớt ấm ấp
    gì gìn giếng giết giêng giễu giữa giường gia giá giặt giờ giỏi giũ giun giày giậu giẻ ghi ghế ghẹ
    nghe nghề nghỉ nghìn kia kiếm kiện kỹ kỳ kê kẻ kem cá cò cú của cửa gà gỗ gửi ngửi ngày ngọc ngủ
    người rượu hươu bướu mía kìa chia lửa mưa đũa rùa chua mua chuột buồn luôn cuối tuổi nuôi muối
    xoong boong moóc soóc xẻng kẻng leng keng éc bắp cặp lặp đầy ắp cấp tập bậc giấc sấm lần vầng
    mấy đâu trâu đêm lên bệnh ếch hếch mênh mông kênh lệch tình tích mình inh ỏi chim kín kịp ít dìu
    lúc súc đục rụng sủng bùn vùn vụt ruột phút cụm chúm sức mừng đứt cứu mưu gửi cửi lớp thớt sớm hơn
    dơi trời ngợi bốc ồn ốm hộp tốt côi bói con cóc đọc ngon ong tóm hót chóp lòi hoa hoà hòa toả tỏa
    thuý thúy xoè xòe luỹ lũy oà òa hoạ họa thoả thỏa khoá khóa hoá hóa loà lòa tuý túy uỷ ủy
    hoạch oách loạc oai ngoài khoái hoàng toán choáng doanh xoảng ngoáy hoay quạu ngoao
    QUYẾT ĐỊNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA BIÊN BẢN TỜ TRÌNH BÁO CÁO THÔNG BÁO NGHỊ QUYẾT KHIẾU NẠI
    phường thị trấn tỉnh Phú Yên Tuy An Hòa Hải Đồng Xuân Sông Cầu Buôn Hồ Ma Thuột Ia Pa Yang Mao
    """

    static var realSyllables: [String] {
        realText.split(whereSeparator: \.isWhitespace).map(String.init).filter { !["Yang"].contains($0) }
    }

    func testRealSyllablesAreWellFormed() {
        let words = Self.realSyllables
        XCTAssertGreaterThan(words.count, 450)
        for w in words {
            XCTAssertTrue(SyllableShape.isWellFormed(w), w)
            XCTAssertTrue(SyllableShape.isWellFormed(w.uppercased()), w.uppercased())
            XCTAssertTrue(SyllableShape.isWellFormed(w.capitalized), w.capitalized)
            XCTAssertTrue(SyllableShape.isWellFormed(w.decomposedStringWithCanonicalMapping), "NFD \(w)")
            XCTAssertEqual(SyllableShape.classify(w), .syllable, w)
        }
        // Tones may be composed in any order in NFD (dot below before or after the circumflex).
        XCTAssertTrue(SyllableShape.isWellFormed("vi\u{0065}\u{0323}\u{0302}t"))
        XCTAssertTrue(SyllableShape.isWellFormed("vi\u{0065}\u{0302}\u{0323}t"))
    }

    /// Marks lost, misread or misplaced, the way OCR damages them; and letters no syllable spells.
    static let malformed: [(String, String)] = [
        ("quyet", "uye needs ê"), ("đât", "a stop coda takes sắc or nặng"), ("Quyêt", "no tone on a stop coda"),
        ("quyêt", "no tone on a stop coda"), ("thưong", "ưo is not a nucleus: ươ"), ("đinhh", "no coda hh"),
        ("quyểt", "hỏi on a stop coda (Tesseract's acute/hook-above confusion)"), ("tiểp", "hỏi on p"),
        ("đẩt", "hỏi on t"), ("ỌĐ", "đ is no coda"), ("20ỉ0", "a letter between digits"), ("ă", "ă never open"),
        ("â", "â never open"), ("hòang", "old placement only for open oa"),
        ("qúy", "the u of qu takes no tone"), ("gía", "the i of gi takes no tone"), ("tíên", "tone on ê"),
        ("ka", "k only before i e ê y"), ("ci", "c never before i"),
        ("ghá", "gh only before i e ê"), ("ngha", "ngh only before i e ê"), ("ge", "g never before e"),
        ("qa", "q only as qu"), ("iên", "iê without onset is written yê"), ("tyên", "yê after an onset is iê"),
        ("bya", "ya only after medial u"), ("boa", "no medial after a labial"), ("tuan", "medial u before a only after q: toan"), ("nghiêg", "no coda g"), ("tiê", "iê needs a coda"),
        ("muô", "uô needs a coda"), ("ươ", "ươ needs a coda"), ("ưm", "no ưm"), ("ơng", "ng not after ơ"),
        ("êng", "ng not after ê"), ("ic", "c not after i"),
        ("ech", "ch not after e"), ("onh", "nh not after o"),
        ("quyÊt", "mixed case"), ("mỶ", "tone on m² misread"),
        ("đấtt", "no coda tt"), ("nguời", "ưo without horn on u"), ("trưởg", "no coda g"), ("hoà̀", "two tones"),
    ]

    func testMalformed() {
        for (w, reason) in Self.malformed {
            XCTAssertFalse(SyllableShape.isWellFormed(w), "\(w): \(reason)")
            XCTAssertFalse(SyllableShape.isWellFormed(w.decomposedStringWithCanonicalMapping), "NFD \(w): \(reason)")
        }
        // A shape check, not a dictionary: ũ (as ủ, ú, ù) and plain shapes like can, ban, tin pass.
        for w in ["ũ", "can", "ban", "tin", "thừa", "gi", "đinh", "tân", "kinh", "tua", "ích", "ách", "hoán"] { XCTAssertTrue(SyllableShape.isWellFormed(w), w) }
    }

    func testClassify() {
        let cases: [(String, TokenClass)] = [
            ("Quyết", .syllable), ("QUYẾT", .syllable), ("đất,", .syllable), ("(ông", .syllable), ("“Về", .syllable),
            ("Điều", .syllable), ("ki-lô-gam", .syllable), ("ông/bà", .syllable), ("đất,ông", .syllable),
            ("2017", .number), ("1.500.000", .number), ("92,7%", .number), ("054168004521", .number), ("1.", .number),
            ("12/QĐ-UBND", .identifier), ("QĐ-CC", .identifier), ("H49.64.33.2012.015", .identifier),
            ("15/02/2012", .identifier), ("43/2014/NĐ-CP", .identifier), ("m2", .identifier), ("m²", .identifier),
            ("12A", .identifier), ("H49", .identifier), ("500.000đ", .identifier), ("V/v", .identifier),
            ("UBND", .abbreviation), ("QĐ", .abbreviation), ("TNMT", .abbreviation), ("GCNQSDĐ", .abbreviation),
            ("LĐTBXH", .abbreviation), ("CCATVSTP", .abbreviation), ("TTr", .abbreviation), ("Tp.", .abbreviation),
            ("ANTT", .abbreviation), ("b)", .abbreviation), ("đ)", .abbreviation), ("II.", .abbreviation),
            ("IV", .abbreviation), ("km", .abbreviation), ("kg.", .abbreviation),
            ("Krông", .foreign), ("KRÔNG", .foreign), ("Đắk", .foreign), ("Lắk", .foreign), ("M'gar", .foreign),
            ("M’gar", .foreign), ("H'Hen", .foreign), ("Niê", .foreign), ("Ea", .foreign), ("Bih", .foreign),
            ("Kon", .foreign), ("Yang", .foreign), ("Adrơng", .foreign), ("internet", .foreign), ("Ê-đê", .syllable),
            ("-", .punctuation), ("./.", .punctuation), ("…", .punctuation), ("“", .punctuation),
            ("ỌĐ-CCATVSTP", .malformed), ("ỌĐ", .malformed), ("20ỉ0", .malformed), ("2O17", .malformed),
            ("quyet", .malformed), ("QUYET", .malformed), ("Quyêt", .malformed), ("đât", .malformed),
            ("thưong", .malformed), ("TRƯỦNG", .malformed), ("rnột", .malformed), ("mỶ", .malformed),
            ("Điều1", .malformed), ("lI", .malformed), ("rn", .malformed), ("quyÊt", .malformed),
            ("ũ", .syllable), ("Y", .syllable), ("I.", .syllable), ("Pắc", .syllable),
        ]
        for (token, expected) in cases {
            XCTAssertEqual(SyllableShape.classify(token), expected, token)
            XCTAssertEqual(SyllableShape.classify(token.decomposedStringWithCanonicalMapping), expected, "NFD \(token)")
        }
    }

    // MARK: - Exhaustive comparison with rhymes written out as data

    /// Every rhyme after a plain onset or none, `*` after each vowel that may carry the tone (both placements
    /// of open oa, oe, uy), then the rhymes with a medial, then those after qu (u written).
    static let plainRhymes = """
    a* a*c a*ch a*i a*m a*n a*ng a*nh a*o a*p a*t a*u a*y ă*c ă*m ă*n ă*ng ă*p ă*t â*c â*m â*n â*ng â*p â*t â*u â*y
    e* e*c e*m e*n e*ng e*o e*p e*t ê* ê*ch ê*m ê*n ê*nh ê*p ê*t ê*u i* i*a i*ch i*m i*n i*nh i*p i*t i*u
    iê*c iê*m iê*n iê*ng iê*p iê*t iê*u o* o*c o*i o*m o*n o*ng o*p o*t o*o*c o*o*ng ô* ô*c ô*i ô*m ô*n ô*ng ô*p ô*t
    ơ* ơ*i ơ*m ơ*n ơ*p ơ*t u* u*a u*c u*i u*m u*n u*ng u*p u*t uô*c uô*i uô*m uô*n uô*ng uô*t
    ư* ư*a ư*c ư*i ư*ng ư*t ư*u ươ*c ươ*i ươ*m ươ*n ươ*ng ươ*p ươ*t ươ*u y* yê*m yê*n yê*ng yê*t yê*u
    """
    static let medialRhymes = """
    o*a* oa*c oa*ch oa*i oa*m oa*n oa*ng oa*nh oa*o oa*p oa*t oa*y oă*c oă*m oă*n oă*ng oă*t o*e* oe*n oe*o oe*t
    uâ*n uâ*ng uâ*t uâ*y uê* uê*ch uê*nh u*y* uy*ch uy*nh uy*t uy*u uy*a uyê*n uyê*t uơ*
    """
    static let quRhymes = """
    ua* ua*c ua*ch ua*i ua*n ua*ng ua*nh ua*o ua*t ua*u ua*y uă*c uă*m uă*n uă*ng uă*p uă*t uâ*n uâ*ng uâ*t uâ*y
    ue* ue*n ue*o ue*t uê* uê*ch uê*nh uê*n uê*t uê*u ui* ui*t uy* uy*ch uy*nh uy*t uy*u uyê*n uyê*t uơ* uô*c
    """
    static let onsets = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
                         "p", "ph", "r", "s", "t", "th", "tr", "v", "x"]
    static let tones: [Unicode.Scalar] = ["\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]
    static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

    /// `letters` with `tone` (nil: none) on letter `at`, NFC.
    static func toned(_ letters: [Character], _ tone: Unicode.Scalar?, at: Int) -> String {
        guard let tone else { return String(letters) }
        var s = String(letters[at]).decomposedStringWithCanonicalMapping
        s.unicodeScalars.append(tone)
        var l = letters
        l[at] = s.precomposedStringWithCanonicalMapping.first!
        return String(l).precomposedStringWithCanonicalMapping
    }

    /// Every written syllable the data allows, with its tones.
    static func oracle() -> Set<String> {
        var valid: Set<String> = []
        func add(_ onset: String, _ starred: Substring) {
            let rhyme = starred.replacingOccurrences(of: "*", with: "")
            var positions: [Int] = [], k = 0
            for ch in starred { if ch == "*" { positions.append(k - 1) } else { k += 1 } }
            let stop = ["p", "t", "c", "ch"].contains { rhyme.hasSuffix($0) }
            let letters = Array(onset + rhyme)
            if !stop { valid.insert(String(letters)) }
            for (t, tone) in tones.enumerated() where !stop || t == 1 || t == 4 {
                for p in positions { valid.insert(toned(letters, tone, at: onset.count + p)) }
            }
        }
        let plain = plainRhymes.split(whereSeparator: \.isWhitespace), medial = medialRhymes.split(whereSeparator: \.isWhitespace)
        for onset in onsets {
            for r in plain {
                let first = r.first!, front = "ieêy".contains(first)
                if ["k"].contains(onset), !front { continue }
                if ["gh", "ngh"].contains(onset), !front || first == "y" { continue }
                if ["c", "g", "ng"].contains(onset), front { continue }
                if r.hasPrefix("iê"), onset == "" { continue }       // yên, yêu
                if r.hasPrefix("yê"), onset != "" { continue }       // tiên, kiếp
                if r == "y*", !["", "h", "k", "l", "m", "n", "s", "t", "v", "th"].contains(onset) { continue }
                if onset == "gi" {
                    // gi's i merges with a rhyme's (gì, gìn, giếng); gia, giu are gi + a, gi + u.
                    if first == "i" { if !["i*a", "i*u"].contains(r) { add("g", r) }; continue }
                }
                add(onset, r)
            }
            if ["b", "m", "p", "ph", "v", "c", "k", "gh", "ngh", "gi"].contains(onset) { continue }
            for r in medial { add(onset, r) }
        }
        for r in quRhymes.split(whereSeparator: \.isWhitespace) { add("q", r) }
        return valid
    }

    func testAgreesWithRhymeData() {
        let valid = Self.oracle()
        // Candidates: every onset × every medial, nucleus and coda, toneless and with each tone on each vowel.
        let nuclei = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ya", "yê", "ua", "uô", "ưa", "ươ", "oo",
                      "ie", "uo", "ưo", "ai", "ae"]
        let codas = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u", "g", "k", "h"]
        var checked = 0, accepted: Set<String> = []
        for onset in Self.onsets + ["q", "f", "kr", "gih"] {
            for medial in ["", "o", "u"] {
                for nucleus in nuclei {
                    for coda in codas {
                        let letters = Array(onset + medial + nucleus + coda)
                        let vowelAt = letters.indices.filter { Self.vowels.contains(letters[$0]) }
                        var forms = [String(letters)]
                        for tone in Self.tones { for p in vowelAt { forms.append(Self.toned(letters, tone, at: p)) } }
                        for s in forms {
                            checked += 1
                            let ok = SyllableShape.isWellFormed(s)
                            if ok { accepted.insert(s) }
                            if ok != valid.contains(s) { XCTFail("\(s): isWellFormed \(ok), data \(valid.contains(s))") }
                        }
                    }
                }
            }
        }
        // Every syllable of the data is produced above (gi + i-rhymes as g + rhyme; qu as q + u).
        XCTAssertEqual(accepted, valid)
        XCTAssertGreaterThan(checked, 300_000)
    }

    // MARK: - The sample pages

    static var samplesDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["HOSO_SAMPLES"] { return URL(fileURLWithPath: env) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
    }

    /// The true text of every sample page.
    static func truthPages() throws -> [(String, String)] {
        let fm = FileManager.default
        var pages: [(String, String)] = []
        for folder in ["truth", "bad-batch/truth"] {
            let root = samplesDirectory.appendingPathComponent(folder)
            guard let e = fm.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in e where url.pathExtension == "txt" {
                pages.append((url.path, try String(contentsOf: url, encoding: .utf8)))
            }
        }
        if pages.isEmpty { throw XCTSkip("no samples at \(samplesDirectory.path)") }
        return pages.sorted { $0.0 < $1.0 }
    }

    /// Every word of the sample pages is a syllable, number, identifier or abbreviation, or one of the
    /// names of Đắk Lắk listed here as foreign; the one malformed word is named with its reason.
    func testSampleTruthWords() throws {
        let foreignNames: Set = ["Bih", "Búk", "Ea", "H'Hen", "H'leo", "KRÔNG", "Kly", "Krông", "Kuăng", "Lắk", "M'gar",
                                 "Niê", "Đắk"]
        let malformed: Set = ["dpi"]                     // English, lower case, not a unit hoso knows
        var foreign: Set<String> = [], bad: Set<String> = []
        for (_, text) in try Self.truthPages() {
            for raw in text.split(whereSeparator: \.isWhitespace) {
                let word = String(raw).trimmingCharacters(in: .punctuationCharacters)
                switch SyllableShape.classify(String(raw)) {
                case .foreign: foreign.insert(word)
                case .malformed: bad.insert(word)
                default: break
                }
            }
        }
        XCTAssertEqual(foreign, foreignNames)
        XCTAssertEqual(bad, malformed)
    }

    // MARK: - Scores

    /// Damages about `share` of the words the way OCR does (deterministic): marks dropped, the tone dropped,
    /// acute and hook above swapped on a circumflex, a vowel mark dropped, digits and letters confused, specks
    /// read as letters.
    static func damage(_ text: String, share: Double, seed: UInt64) -> (String, Int) {
        var state = seed
        func next() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        func mapScalars(_ w: String, _ f: (Unicode.Scalar) -> [Unicode.Scalar]) -> String {
            var out = String.UnicodeScalarView()
            for s in w.decomposedStringWithCanonicalMapping.unicodeScalars { out.append(contentsOf: f(s)) }
            return String(out).precomposedStringWithCanonicalMapping
        }
        let ops: [(String) -> String] = [
            { VietNormalizer.foldKeepingCase($0) },
            { w in mapScalars(w) { Self.tones.contains($0) ? [] : [$0] } },
            { w in
                var circumflex = false
                return mapScalars(w) { s in
                    if s == "\u{0302}" { circumflex = true; return [s] }
                    if circumflex, s == "\u{0301}" { return ["\u{0309}"] }
                    if circumflex, s == "\u{0309}" { return ["\u{0301}"] }
                    return [s]
                }
            },
            { w in mapScalars(w) { ["\u{0302}", "\u{0306}", "\u{031B}"].contains($0) ? [] : [$0] } },
            { w in w.first?.isNumber == true ? String(w.prefix(2)) + "ỉ" + String(w.dropFirst(3))
                                              : w.replacingOccurrences(of: "m", with: "rn") },
            { _ in ["ũ", "ỉ", "ỌĐ", "~", "ẽ"][Int(next() * 5)] },
        ]
        var damaged = 0
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var words: [String] = []
            for raw in line.split(separator: " ") {
                var w = String(raw)
                if next() < share {
                    for _ in 0..<6 {
                        let d = ops[Int(next() * Double(ops.count))](w)
                        if d != w { w = d; damaged += 1; break }
                    }
                }
                words.append(w)
            }
            lines.append(words.joined(separator: " "))
        }
        return (lines.joined(separator: "\n"), damaged)
    }

    func testScores() throws {
        let pages = try Self.truthPages()
        var clean: [Double] = [], heavy: [Double] = [], light: [Double] = []
        for (k, (path, text)) in pages.enumerated() {
            let q = TextLayerQuality.measure(text)
            XCTAssertGreaterThanOrEqual(q.score, 0.97, path)
            XCTAssertEqual(q, TextLayerQuality.measure(words: text.split(whereSeparator: \.isWhitespace).map(String.init)))
            XCTAssertEqual(q, TextLayerQuality.measure(text.decomposedStringWithCanonicalMapping))
            clean.append(q.score)
            let (bad, _) = Self.damage(text, share: 0.35, seed: UInt64(k))
            let h = TextLayerQuality.measure(bad)
            XCTAssertLessThan(h.score, TextLayerQuality.poorBelow, path)
            if h.words >= 30 { XCTAssertTrue(h.isPoor, path) }   // shorter pages need two malformed words
            heavy.append(h.score)
            let (slightly, _) = Self.damage(text, share: 0.02, seed: UInt64(k) + 1000)
            let l = TextLayerQuality.measure(slightly)
            XCTAssertGreaterThanOrEqual(l.score, TextLayerQuality.poorBelow, path)
            XCTAssertFalse(l.isPoor, path)
            light.append(l.score)
        }
        func summary(_ s: [Double]) -> String {
            String(format: "min %.3f mean %.3f max %.3f", s.min()!, s.reduce(0, +) / Double(s.count), s.max()!)
        }
        print("TextLayerQuality over \(pages.count) pages: clean \(summary(clean)); 35 % damaged \(summary(heavy)); "
              + "2 % damaged \(summary(light))")
    }

    func testShortAndEmptyLayers() {
        XCTAssertEqual(TextLayerQuality.measure(""), TextLayerQuality(words: 0, malformed: 0))
        XCTAssertEqual(TextLayerQuality.measure(" - ./. ").score, 0)
        XCTAssertTrue(TextLayerQuality.measure("").isPoor)
        // A few words: one bad token does not condemn the page, two do.
        let one = TextLayerQuality.measure("CHỦ TỊCH ỌĐ Bình")
        XCTAssertEqual(one.words, 4)
        XCTAssertEqual(one.malformed, 1)
        XCTAssertFalse(one.isPoor)
        XCTAssertTrue(TextLayerQuality.measure("CHỦ TỊCH ỌĐ Bìnhh").isPoor)
        XCTAssertEqual(TextLayerQuality.measure("Số : ũ 4 / ỌĐ-CCATVSTP năm 20ỉ0 Giải quyet thừa đât Quyêt đinh"),
                       TextLayerQuality(words: 12, malformed: 5))
    }
}
