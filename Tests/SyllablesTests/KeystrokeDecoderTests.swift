import Foundation
import XCTest
@testable import Syllables
import VietText

/// `KeystrokeDecoder` on real key sequences (Telex and VNI, the orders people type them, case), on tokens that
/// are not keys, and against `KeystrokeEncoder` over every syllable of the samples.
final class KeystrokeDecoderTests: XCTestCase {
    /// Keys → the syllable they spell (NFC, canonical tone placement).
    static let telex: [(String, String)] = [
        ("nguyeenx", "nguyễn"), ("Nguyeenx", "Nguyễn"), ("NGUYEENX", "NGUYỄN"), ("nguyeexn", "nguyễn"),
        ("vawn", "văn"), ("Vawn", "Văn"), ("hungf", "hùng"), ("Hungf", "Hùng"), ("hufng", "hùng"),
        ("dduwowngf", "đường"), ("dduowngf", "đường"), ("dduongwf", "đường"), ("dduwowfng", "đường"),
        ("hoaf", "hòa"), ("hofa", "hòa"), ("chinhs", "chính"), ("chisnh", "chính"), ("tieengs", "tiếng"),
        ("tieesng", "tiếng"), ("truongwf", "trường"), ("truwowngf", "trường"), ("quoocs", "quốc"),
        ("nguwowif", "người"), ("ngwowif", "người"), ("thuowr", "thuở"), ("hoawcj", "hoặc"), ("hoacjw", "hoặc"),
        ("muwa", "mưa"), ("mwa", "mưa"), ("giuwx", "giữ"), ("gif", "gì"), ("khuyru", "khuỷu"), ("khuyur", "khuỷu"),
        ("ddaats", "đất"), ("DDAATS", "ĐẤT"), ("Ddaats", "Đất"), ("ddaast", "đất"), ("thij", "thị"),
        ("lee", "lê"), ("vox", "võ"), ("ddoox", "đỗ"), ("thuyr", "thủy"), ("thusy", "thúy"), ("khoer", "khỏe"),
        ("giair", "giải"), ("toar", "tỏa"), ("ddeenf", "đền"), ("buf", "bù"), ("soor", "sổ"),
        ("ddor", "đỏ"), ("quyeets", "quyết"), ("ddinhj", "định"), ("uyr", "ủy"), ("nhaan", "nhân"), ("daan", "dân"),
        ("thuwar", "thửa"), ("owr", "ở"), ("nhwngx", "những"), ("tuwf", "từ"), ("twf", "từ"), ("cuwus", "cứu"),
        ("ruwowuj", "rượu"), ("boongf", "bồng"),
        ("khoong", "không"), ("coong", "công"), ("giwx", "giữ"), ("xoong", "xông"),
    ]

    static let vni: [(String, String)] = [
        ("nguye6n4", "nguyễn"), ("Nguye6n4", "Nguyễn"), ("nguyen64", "nguyễn"), ("nguyen46", "nguyễn"),
        ("nguye64n", "nguyễn"), ("va8n", "văn"), ("van8", "văn"), ("hung2", "hùng"), ("hu2ng", "hùng"),
        ("tie61ng", "tiếng"), ("tie16ng", "tiếng"), ("tieng61", "tiếng"), ("d9u7o7ng2", "đường"),
        ("d9uo7ng2", "đường"), ("duong972", "đường"), ("D9u7o7ng2", "Đường"), ("hoa2", "hòa"), ("ho2a", "hòa"),
        ("quo6c1", "quốc"), ("thuo73", "thuở"), ("hoa8c5", "hoặc"), ("chinh1", "chính"), ("chi1nh", "chính"),
        ("d9a6t1", "đất"), ("thu7a3", "thửa"), ("ngu7o7i2", "người"), ("khuy3u", "khuỷu"), ("gi2", "gì"),
        ("d9e6n2", "đền"), ("so6", "sô"), ("so63", "sổ"), ("d9o3", "đỏ"),
    ]

    func testTelexKeys() {
        for (keys, syllable) in Self.telex {
            let d = KeystrokeDecoder.decode(keys)
            XCTAssertEqual(d?.syllable, syllable, keys)
            XCTAssertEqual(d?.method, .telex, keys)
        }
    }

    func testVNIKeys() {
        for (keys, syllable) in Self.vni {
            let d = KeystrokeDecoder.decode(keys)
            XCTAssertEqual(d?.syllable, syllable, keys)
            XCTAssertEqual(d?.method, .vni, keys)
        }
    }

    /// Each syllable of the tables typed back as keys by the encoder gives the keys of the tables.
    func testEncoderTables() {
        let telex: [(String, KeystrokeEncoder.Order, String)] = [
            ("nguyễn", .toneLast, "nguyeenx"), ("đường", .toneLast, "dduwowngf"), ("chính", .toneAfterVowels, "chisnh"),
            ("chính", .toneLast, "chinhs"), ("hòa", .toneOnItsVowel, "hofa"), ("đường", .shortForms, "dduowngf"),
            ("những", .shortForms, "nhwngx"), ("trường", .marksLast, "truongwf"), ("hoặc", .marksLast, "hoacwj"),
            ("văn", .toneLast, "vawn"), ("hoà", .toneLast, "hoaf"),
        ]
        for (syllable, order, keys) in telex { XCTAssertEqual(KeystrokeEncoder.telex(syllable, order), keys, "\(syllable) \(order)") }
        let vni: [(String, KeystrokeEncoder.Order, String)] = [
            ("nguyễn", .toneLast, "nguye6n4"), ("tiếng", .toneAfterVowels, "tie61ng"), ("văn", .toneLast, "va8n"),
            ("đường", .toneLast, "d9u7o7ng2"), ("đường", .shortForms, "d9uo7ng2"), ("đường", .marksLast, "duong972"),
            ("nguyễn", .marksLast, "nguyen64"), ("hùng", .toneLast, "hung2"),
        ]
        for (syllable, order, keys) in vni { XCTAssertEqual(KeystrokeEncoder.vni(syllable, order), keys, "\(syllable) \(order)") }
    }

    /// Not keys: words of other languages, plain syllables, numbers and codes, names, two keys, damaged keys.
    func testNotKeys() {
        let tokens = [
            "box", "now", "car", "tax", "Box", "TAX", "hung", "ban", "hoa", "nguyen", "thuong", "1605", "2012",
            "079123456789", "1605/QD-UBND", "QD-UBND", "UBND", "qd", "ttr", "H49", "h49", "m2", "T305", "thua305",
            "to80", "12A", "as", "of", "tw", "ea", "kly", "krong", "mgar", "hhen", "bih", "internet", "hello",
            "deep", "meet", "news", "tiengs", "nguyeenxx", "nGuyeenx", "hungff", "dduwowngff", "w", "ww", "đất",
            "nguyễnx", "ho0a", "thu9a", "a1",
        ]
        for t in tokens { XCTAssertNil(KeystrokeDecoder.decode(t), t) }
    }

    func testStrokeReadings() {
        XCTAssertEqual(KeystrokeDecoder.strokeReadings("QDD"), ["QĐ"])
        XCTAssertEqual(KeystrokeDecoder.strokeReadings("QSDDD"), ["QSĐD", "QSDĐ"])
        XCTAssertEqual(KeystrokeDecoder.strokeReadings("hddnd"), ["hđnd"])
        XCTAssertEqual(KeystrokeDecoder.strokeReadings("Qd9"), ["Qđ"])
        XCTAssertEqual(KeystrokeDecoder.strokeReadings("DDTDD"), ["ĐTDD", "DDTĐ", "ĐTĐ"])
        XCTAssertEqual(KeystrokeDecoder.strokeReadings("UBND"), [])
    }

    /// The list of words of other languages holds only words that would otherwise be read as keys.
    func testOtherLanguagesWouldBeKeys() {
        for w in KeystrokeDecoder.otherLanguages.sorted() {
            XCTAssertNotNil(KeystrokeDecoder.read(w), "\(w) is no key sequence: not needed in the list")
            XCTAssertNil(KeystrokeDecoder.decode(w), w)
        }
    }

    /// Keys that are also letters of a word or a code (`hoaf`, `thij`, `hung2`) say so; keys no word has do not.
    func testAlsoReadsAsWord() {
        for t in ["hoaf", "thij", "lee", "vox", "hung2", "hoa2", "so6"] {
            XCTAssertEqual(KeystrokeDecoder.decode(t)?.alsoReadsAsWord, true, t)
        }
        for t in ["nguyeenx", "vawn", "hungf", "dduwowngf", "chisnh", "chinhs", "tie61ng", "va8n", "nguye6n4", "ddaats"] {
            XCTAssertEqual(KeystrokeDecoder.decode(t)?.alsoReadsAsWord, false, t)
        }
    }

    /// Every distinct syllable with marks of the samples' text (true page texts and the batch's metadata),
    /// typed by the encoder with Telex and VNI in every order, in lower case and capitalised, reads back as
    /// itself. Skipped: the `oo` of xoong/moóc (`oo` is read as ô first), two keys (`ys` for ý), and keys that
    /// spell a word of `otherLanguages`.
    func testEncoderRoundTripOverSamples() throws {
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        var texts: [String] = []
        let fm = FileManager.default
        for folder in ["truth", "batch"] {
            let root = samples.appendingPathComponent(folder)
            guard let walk = fm.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walk where url.pathExtension == "txt" || url.pathExtension == "csv" {
                texts.append(try String(contentsOf: url, encoding: .utf8))
            }
        }
        guard !texts.isEmpty else { throw XCTSkip("no samples at \(samples.path)") }
        var syllables = Set<String>()
        for text in texts {
            for t in Tokenizer.tokens(text) where t.kind == .word && t.text != t.folded && !t.folded.contains("oo") {
                if SyllableShape.isWellFormed(t.text) { syllables.insert(t.text) }
            }
        }
        XCTAssertGreaterThan(syllables.count, 400)
        var checked = 0, failures: [String] = []
        for s in syllables.sorted() {
            let expected = VietNormalizer.normalize(s)
            for order in KeystrokeEncoder.Order.allCases {
                for keys in [KeystrokeEncoder.telex(s, order), KeystrokeEncoder.vni(s, order)].compactMap({ $0 }) {
                    for typed in [keys, KeystrokeDecoder.capitalised(keys)] {
                        let want = typed == keys ? expected : KeystrokeDecoder.capitalised(expected)
                        let got = KeystrokeDecoder.decode(typed)?.syllable
                        if typed.count < 3 || KeystrokeDecoder.otherLanguages.contains(keys) {
                            if got != nil { failures.append("\(typed) → \(got!), expected nothing") }
                        } else if got != want {
                            failures.append("\(s) \(order): \(typed) → \(got ?? "nil")")
                        }
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 4000)
        XCTAssertEqual(failures, [], "\(failures.count) of \(checked)")
    }
}
