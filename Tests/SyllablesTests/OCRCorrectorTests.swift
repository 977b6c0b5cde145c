import XCTest
@testable import Syllables
import VietText

/// The correction of recognised Vietnamese, by table: OCR output → corrected text, against a model learned from a
/// small text written here (so each case says what evidence it rests on), and a few against the built-in model.
final class OCRCorrectorTests: XCTestCase {
    static let archive = """
        Quyết định về việc thu hồi đất của hộ ông Nguyễn Văn Hùng
        Điều 1. Thu hồi đất của hộ gia đình tại thửa đất số 305
        Điều 2. Quyết định này có hiệu lực kể từ ngày ký
        chế độ sử dụng đất và chế độ bồi thường
        sản phẩm nông nghiệp, sản phẩm cà phê nhân
        giải quyết khiếu nại của công dân
        Ủy ban nhân dân huyện Krông Pắc
        """

    func corrector() -> OCRCorrector {
        var model = SyllablePairModel()
        model.learn(Self.archive)
        return OCRCorrector(model: model, general: GeneralSyllables())   // the archive's evidence only
    }

    func testLines() {
        let cases: [(String, String, String)] = [
            // what the table says: OCR output, corrected, why
            ("Điều L. Thu hồi đất", "Điều 1. Thu hồi đất", "a lone L after Điều is the number 1"),
            ("Khoản I", "Khoản 1", "after Khoản"),
            ("ngày l5/02/2012", "ngày 15/02/2012", "l inside a date"),
            ("năm 2O17", "năm 2017", "O among digits"),
            ("thửa đất số 3O5", "thửa đất số 305", "O among digits of a parcel number"),
            ("quyet định", "quyết định", "the tone dropped: malformed, one known sibling"),
            ("QUYÊT ĐỊNH", "QUYẾT ĐỊNH", "capitals kept"),
            ("giải quyêt khiếu nại", "giải quyết khiếu nại", "circumflex read without its tone"),
            ("sản phâm nông nghiệp", "sản phẩm nông nghiệp", "hook lost on a circumflex (phâm is well-formed, unknown)"),
            ("Sản phâm,", "Sản phẩm,", "punctuation and case kept"),
            ("chê độ sử dụng đất", "chế độ sử dụng đất", "chê is a real word, but chế độ is what the texts say"),
            ("thu hôi đất", "thu hồi đất", "grave lost"),
            ("Ủy ban nhân dân huyện Krông Pắc", "Ủy ban nhân dân huyện Krông Pắc", "nothing to correct"),
            ("UBND huyện Krông Pắc", "UBND huyện Krông Pắc", "abbreviations and names stay"),
            ("ông Y Bih Niê", "ông Y Bih Niê", "Ê Đê names stay"),
            ("lời chê bai", "lời chê bai", "chê without a neighbour that calls for chế stays"),
            ("Điều 1.", "Điều 1.", "a digit stays"),
            ("số L", "số 1", "after số"),
            ("Lê Văn L", "Lê Văn L", "a lone L after a name is an initial"),
            ("H49.64.33.2012.015", "H49.64.33.2012.015", "identifiers stay"),
            ("Mẫu số 04a/ÐK", "Mẫu số 04a/ĐK", "eth read for Đ"),
            ("XÃ HỘI ŒỦ NGHĨA", "XÃ HỘI CHỦ NGHĨA", "Œ read for CH"),
            ("œức năng", "chức năng", "œ read for ch, lower case"),
            ("ŒNG", "ŒNG", "CHNG is no syllable: left as read"),
            ("12/QĐ-UBND", "12/QĐ-UBND", "document numbers stay"),
        ]
        let c = corrector()
        for (ocr, want, why) in cases {
            XCTAssertEqual(c.correct(line: ocr), want, why)
        }
    }

    /// Specks of a photocopy read as punctuation (cases from the bench's photocopied pages).
    func testSpeckPunctuation() {
        let cases: [(String, Double, String, String)] = [
            ("hợp.với công an", 90, "hợp với công an", "a speck between two syllables"),
            ("trong-thời hạn", 90, "trong thời hạn", "a dash glued between syllables"),
            ("theo. quy định", 90, "theo quy định", "a period before a word going on in lower case"),
            ("gồm: ông Hùng; bà Lan", 90, "gồm: ông Hùng; bà Lan", "colons and semicolons of lists stay"),
            ("diện tích đất: trồng lúa", 70, "diện tích đất trồng lúa", "a colon read unsure before lower case: a speck"),
            ("Địa chỉ: thôn 3", 95, "Địa chỉ: thôn 3", "a label's colon read sure stays"),
            ("đất trồng lúa. Sau đó", 90, "đất trồng lúa. Sau đó", "a period before a capital stays"),
            ("Nơi nhận: - Như trên;", 95, "Nơi nhận: - Như trên;", "a label's colon before a capital stays"),
            ("Độc lập - Tự do - Hạnh phúc", 92, "Độc lập - Tự do - Hạnh phúc", "the motto's dashes stay"),
            ("các -hạt kiểm lâm", 90, "các hạt kiểm lâm", "a dash glued before a syllable"),
            ("cử !chủ tịch", 90, "cử chủ tịch", "a stray mark before a syllable"),
            ("hạn. ;Đối với", 90, "hạn. Đối với", "a mark no word starts with, before a capital"),
            ("+Đất ở", 90, "+Đất ở", "a list's plus before a capital stays"),
            ("chậm,) chủ yếu", 90, "chậm, chủ yếu", "a ) no ( opened"),
            ("(Bản số 2)", 90, "(Bản số 2)", "a ) that closes a ("),
            ("thôn ‡ buôn", 40, "thôn buôn", "a lone mark read with little confidence"),
            ("thôn ¬ buôn", 90, "thôn ¬ buôn", "read with confidence, it stays"),
            ("hạt kiểm lâm . các `", 97, "hạt kiểm lâm các", "a lone period or backtick: a speck, however sure"),
            ("ngày ... tháng .. năm", 97, "ngày ... tháng năm", "a form's dotted leader stays"),
            ("đất ¡ trồng lúa ¿cơ quan", 60, "đất trồng lúa cơ quan", "Spanish marks: never Vietnamese, specks"),
            ("theo quy định - các", 30, "theo quy định các", "a lone dash read with little confidence"),
            ("ông/bà Nguyễn", 90, "ông/bà Nguyễn", "a slash is no speck"),
            ("TP.HCM", 90, "TP.HCM", "capitals joined by a period: an abbreviation"),
            ("1.500 m²", 90, "1.500 m²", "numbers keep their separators"),
            ("320,0 m?; nguồn gốc", 90, "320,0 m²; nguồn gốc", "the square metre read ?"),
            ("Diện tích (m?)", 90, "Diện tích (m²)", "the square metre read ? in a heading"),
            ("đo m? Không", 90, "đo m? Không", "no area before it: left"),
            ("2_|Hồ Xuân Tươi", 90, "2 Hồ Xuân Tươi", "a table's border between two cells"),
            ("|Dương Văn Lộc |", 90, "Dương Văn Lộc", "borders at both ends"),
            ("thửa 5_ tờ 19_", 90, "thửa 5 tờ 19", "a number written on a form's line takes its _"),
            ("diện tích _128,5 m²; ngày 15/02/2012_", 90, "diện tích 128,5 m²; ngày 15/02/2012", "before it, after a date"),
        ]
        let c = corrector()
        for (ocr, confidence, want, why) in cases {
            XCTAssertEqual(c.correct(line: ocr, confidence: confidence), want, why)
        }
        // A dropped speck leaves an empty word: the engine drops its box too.
        XCTAssertEqual(c.correct(line: [OCRCorrector.Word(text: "thôn", confidence: 95), OCRCorrector.Word(text: "‡", confidence: 20),
                                        OCRCorrector.Word(text: "buôn", confidence: 95)]), ["thôn", "", "buôn"])
    }

    /// A lone dash is a speck when its box is no wide bar, in running text or at a line's end; a motto's dash and a
    /// list's bullet stay whatever their box. Words: text and box (width × height); the line as corrected.
    func testSpeckDashByItsBox() {
        let c = corrector()
        let cases: [([(String, Int, Int)], String, String)] = [
            ([("hệ", 30, 20), ("-", 4, 4), ("thống", 50, 20)], "hệ thống", "a square dot between syllables"),
            ([("văn", 30, 20), ("-", 10, 35), ("bản", 30, 20)], "văn bản", "a tall stroke"),
            ([("tế", 30, 20), ("-", 10, 4), ("xã", 30, 20)], "tế - xã", "a wide bar: kinh tế - xã hội"),
            ([("Trọng", 50, 20), ("-", 4, 4)], "Trọng", "at the line's end"),
            ([("do", 30, 20), ("-", 14, 12), ("Hạnh", 40, 20)], "do - Hạnh", "before a capital: the motto's dash"),
            ([("-", 4, 4), ("nguồn", 50, 20)], "- nguồn", "a line's first dash is a bullet"),
            ([("hệ", 30, 20), ("-", 0, 0), ("thống", 50, 20)], "hệ - thống", "no box known: left"),
        ]
        for (words, want, why) in cases {
            let line = words.map { OCRCorrector.Word(text: $0.0, confidence: 95, width: $0.1, height: $0.2) }
            XCTAssertEqual(c.correct(line: line).filter { !$0.isEmpty }.joined(separator: " "), want, why)
        }
    }

    func testSymbolAlternatives() {
        // `phâm`: Tesseract's second choice for the third symbol is `ẩ`.
        let c = corrector()
        let word = OCRCorrector.Word(text: "phâm", confidence: 60, choices: [["p"], ["h"], ["â", "ẩ", "ấ"], ["m"]])
        XCTAssertEqual(c.correct(line: [OCRCorrector.Word(text: "sản"), word]), ["sản", "phẩm"])
        XCTAssertEqual(OCRCorrector.symbolAlternatives(word), ["phẩm", "phấm"])
        // Choices that do not spell the word are not used.
        let other = OCRCorrector.Word(text: "phâm", confidence: 60, choices: [["x"], ["y"]])
        XCTAssertEqual(OCRCorrector.symbolAlternatives(other), [])
    }

    func testConfidentKnownWordsAreLeftAlone() {
        var model = SyllablePairModel()
        model.learn("chế độ chế độ chế độ\nlời chê")
        let c = OCRCorrector(model: model)
        let line = [OCRCorrector.Word(text: "chê", confidence: 97), OCRCorrector.Word(text: "độ", confidence: 97)]
        XCTAssertEqual(c.correct(line: line), ["chê", "độ"])
        XCTAssertFalse(c.wantsChoices(text: "chê", confidence: 97))
        XCTAssertTrue(c.wantsChoices(text: "chê", confidence: 70))
        XCTAssertTrue(c.wantsChoices(text: "quyet", confidence: 97))
        // Read with less confidence, the neighbours decide.
        let unsure = [OCRCorrector.Word(text: "chê", confidence: 70), OCRCorrector.Word(text: "độ", confidence: 97)]
        XCTAssertEqual(c.correct(line: unsure), ["chế", "độ"])
    }

    /// A real syllable the model does not know stays when the sibling's pair was seen only once (a small model's
    /// chance): the bench's `mười lăm` had become `mươi lăm`, and `ngay tại` `ngày tại`.
    func testARealSyllableNeedsMoreThanOnePairToBeReplaced() {
        var model = SyllablePairModel()
        model.learn("hai mươi lăm\nngày tại trụ sở\nngày ký\nngày ký")
        let c = OCRCorrector(model: model)
        XCTAssertEqual(c.correct(line: "hạn mười lăm ngày", confidence: 70), "hạn mười lăm ngày")
        XCTAssertEqual(c.correct(line: "ngay tại chỗ", confidence: 70), "ngay tại chỗ")
        XCTAssertEqual(c.correct(line: "ngay ký", confidence: 70), "ngày ký", "seen twice: replaced")
    }

    /// An `m` that lost a leg reads `n`: the `m` syllable is weighed with the marks as read, and a real syllable is
    /// still replaced only on a pair seen twice.
    func testWornMReadAsN() {
        var model = SyllablePairModel()
        model.learn(["ngày 15 tháng 02 năm 2012", "trong năm nay", "cuối năm nay", "kiểm tra", "kiểm tra hồ sơ", "tham gia", "tham gia họp",
                     "mười lăm", "mười lăm ngày", "than đá"])
        let c = OCRCorrector(model: model)
        XCTAssertEqual(OCRCorrector.wornLetters("kiển"), ["kiểm"])
        XCTAssertEqual(OCRCorrector.wornLetters("nười"), ["mười"])
        XCTAssertEqual(OCRCorrector.wornLetters("nguyễn"), ["nguyễm"], "the start's ng is no m")
        XCTAssertEqual(c.correct(line: "kiển tra", confidence: 70), "kiểm tra")
        XCTAssertEqual(c.correct(line: "tháng 02 năn nay", confidence: 70), "tháng 02 năm nay")
        XCTAssertEqual(c.correct(line: "nười lăm", confidence: 70), "mười lăm")
        XCTAssertEqual(c.correct(line: "than gia", confidence: 70), "tham gia")
        XCTAssertEqual(c.correct(line: "than đá", confidence: 70), "than đá", "its own pair")
        XCTAssertEqual(c.correct(line: "than thở", confidence: 70), "than thở", "no pair for either: left")
    }

    /// A worn typeface loses a letter (`NA`, `NHĨA`, `HÓ`): the archive's syllable with one letter put back is weighed
    /// like any other candidate, so a real syllable still needs a pair seen twice.
    func testLetterLostFromAWornTypeface() {
        var model = SyllablePairModel()
        model.learn(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "xã hội chủ nghĩa Việt Nam", "PHÓ CHỦ TỊCH", "Phó Chủ tịch", "khác"])
        let c = OCRCorrector(model: model, general: GeneralSyllables())
        let cases: [(String, String, String)] = [
            ("CỘNG HÒA XÃ HỘI CHỦ NHĨA VIỆT NA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "g and m put back"),
            ("VIỆT NM", "VIỆT NM", "capitals without a vowel after a pair seen twice only: left, an abbreviation"),
            ("HÓ CHỦ TỊCH", "PHÓ CHỦ TỊCH", "p put back: phó chủ seen twice"),
            ("khá tốt", "khá tốt", "a real syllable with no pair for the longer one: left"),
        ]
        for (read, want, why) in cases {
            XCTAssertEqual(c.correct(line: read, confidence: 70), want, why)
        }
        // Seen three times beside its neighbour, the vowel is put back; an abbreviation the archive writes stays.
        model.learn(["Việt Nam", "TM. UBND", "TM. UBND"])
        let seen = OCRCorrector(model: model, general: GeneralSyllables())
        XCTAssertEqual(seen.correct(line: "VIỆT NM", confidence: 70), "VIỆT NAM")
        XCTAssertEqual(seen.correct(line: "TM. UBND", confidence: 70), "TM. UBND")
        XCTAssertEqual(seen.correct(line: "NGHĨA VIỆT NM", confidence: 70), "NGHĨA VIỆT NAM")
        XCTAssertTrue(OCRCorrector.lostLetter("na").contains("nam"))
        XCTAssertEqual(OCRCorrector.lostLetter("a"), [], "too short to tell")
    }

    /// A speck read as a lone marked `i` goes when unsure and no word of the archive; `ở`, `ý`, `ô` stay.
    func testSpeckReadAsALoneMarkedVowel() {
        var model = SyllablePairModel()
        model.learn(["ở xã Ea Tu", "ý kiến của dân"])
        let c = OCRCorrector(model: model)
        XCTAssertEqual(c.correct(line: [.init(text: "ị", confidence: 40)]), [""])
        XCTAssertEqual(c.correct(line: [.init(text: "hạt", confidence: 96), .init(text: "ì", confidence: 55)]), ["hạt", ""])
        XCTAssertEqual(c.correct(line: [.init(text: "ị", confidence: 97)]), ["ị"], "read with confidence: kept")
        XCTAssertEqual(c.correct(line: "ở xã", confidence: 50), "ở xã")
        XCTAssertEqual(c.correct(line: "ý kiến", confidence: 50), "ý kiến")
        XCTAssertEqual(c.correct(line: "xe ô tô gây ô nhiễm", confidence: 50), "xe ô tô gây ô nhiễm", "unknown here, still words")
        XCTAssertEqual(c.correct(line: [.init(text: "a", confidence: 40)]), ["a"], "no mark: an item's letter")
    }

    /// Specks read as letters (cases from the bench's photocopied pages): a lone consonant read unsure in running text,
    /// the modifier `ˆ` anywhere, and a line of nothing but such specks; units, list letters and page numbers stay.
    func testSpecksReadAsLetters() {
        let c = corrector()
        let cases: [([(String, Double)], [String], String)] = [
            ([("hỗ", 96), ("b", 60), ("trợ", 96)], ["hỗ", "", "trợ"], "a lone consonant inside a line"),
            ([("hỗ", 96), ("b", 96), ("trợ", 96)], ["hỗ", "b", "trợ"], "read with confidence: kept"),
            ([("320", 96), ("m", 60), ("đất", 96)], ["320", "m", "đất"], "a unit"),
            ([("500.000", 96), ("đ", 60)], ["500.000", "đ"], "any letter after a number"),
            ([("đánh", 96), ("x", 60), ("vào", 96)], ["đánh", "x", "vào"], "a form's tick"),
            ([("b)", 60), ("Đất", 96), ("ở", 96)], ["b)", "Đất", "ở"], "a list's letter"),
            ([("ˆ", 84), ("Gia", 96), ("Nghĩa,", 96)], ["", "Gia", "Nghĩa,"], "the modifier circumflex: never text"),
            ([("được", 96), ("ˆ", 25)], ["được", ""], "at the line's end"),
            ([("Hồ", 95), ("sơ", 96), ("gốc.", 96), ("ị", 15)], ["Hồ", "sơ", "gốc.", ""], "a speck after a sentence's period: it stays"),
            ([("gốc.", 96), ("h", 40), ("Thực", 96)], ["gốc.", "", "Thực"], "a consonant speck too"),
            ([("h", 32)], [""], "a line of one speck"),
            ([("H", 20)], [""], "in capitals too"),
            ([("§", 0), ("k", 36)], ["", ""], "marks and consonants"),
            ([("}", 16)], [""], "a brace alone"),
            ([("ñ", 40)], [""], "no Vietnamese letter"),
            ([("Ũ", 32)], [""], "a marked vowel read unsure"),
            ([("ở", 80)], ["ở"], "a marked vowel read sure: a word at a paragraph's end"),
            ([("a", 40)], ["a"], "a plain vowel: a list's item"),
            ([("2", 30)], ["2"], "a page's number"),
            ([("l", 20), ("2", 60)], ["", "2"], "a digit makes it a line of text"),
            ([("K", 40), ("ĐK", 60)], ["K", "ĐK"], "a longer word too"),
        ]
        for (words, want, why) in cases {
            XCTAssertEqual(c.correct(line: words.map { OCRCorrector.Word(text: $0.0, confidence: $0.1) }), want, why)
        }
    }

    /// Two words read without their space are split: at a capital or a digit after a lower-case letter, or between
    /// two syllables the archive writes side by side; syllables, abbreviations and numbers with letters stay whole.
    func testGluedWordsAreSplit() {
        var model = SyllablePairModel()
        model.learn(["Đất vườn", "Đất lúa", "đất vườn tạp"])
        let c = OCRCorrector(model: model, general: GeneralSyllables())
        let cases: [(String, String, String)] = [
            ("KhuÊban", "Khu Êban", "a capital after a lower-case letter"),
            ("buôn EaMdróh", "buôn Ea Mdróh", "a name's two parts"),
            ("|buônEaMdróh|", "buôn Ea Mdróh", "three words between a table's borders"),
            ("phố5", "phố 5", "a digit after a syllable"),
            ("Đấtvườn", "Đất vườn", "two syllables written side by side"),
            ("Đấtngô", "Đấtngô", "a pair never seen, and no Vietnamese at large to go by: left"),
            ("TP.HCM", "TP.HCM", "an abbreviation"),
            ("UBND", "UBND", "capitals"),
            ("12A", "12A", "a house number"),
            ("m2", "m2", "a unit"),
            ("nguyễn", "nguyễn", "a syllable"),
        ]
        for (read, want, why) in cases { XCTAssertEqual(c.correct(line: read, confidence: 70), want, why) }
    }

    /// Words glued in a table's narrow cells or a tight line, which the archive never writes side by side, are cut
    /// into the syllables Vietnamese at large makes likeliest (names the archive writes count too); a misread
    /// syllable, a name and an abbreviation stay whole.
    func testGluedWordsAreCutIntoCommonSyllables() {
        var model = SyllablePairModel()
        model.learn(["Y Nguê Ktla", "buôn Ea Kao, huyện Krông Pắc, tỉnh Đắk Lắk", "KT. CHỦ TỊCH", "tỉnh Đắk Nông", "UBND huyện", "UBND tỉnh",
                     "TM. ỦY BAN NHÂN DÂN", "TM. UBND", "KT. GIÁM ĐỐC", "Số: 12/QĐ", "Số: 13/QĐ", "TP. Buôn Ma Thuột", "TP. Tuy Hòa",
                     "NHÂN DÂN", "PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "số 04", "số 05"])
        let c = OCRCorrector(model: model, general: .builtin)
        let cases: [(String, String, String)] = [
            ("chủhộ", "chủ hộ", "two common syllables"),
            ("Đấtlúa", "Đất lúa", "a capitalised word and a lower-case one"),
            ("Đấtở", "Đất ở", "a one-letter word common by itself"),
            ("tổdânphố5", "tổ dân phố 5", "three syllables and a number"),
            ("ĐẮKNÔNG", "ĐẮK NÔNG", "capitals, a name the archive writes"),
            ("UBNDHUYỆN", "UBND HUYỆN", "an abbreviation the archive writes"),
            ("vớichính", "với chính", "running text"),
            ("Ktla", "Ktla", "a name: `Kt` has no vowel"),
            ("ỦYEA", "ỦYEA", "between two vowels, though both are words"),
            ("Mdróh", "Mdróh", "a name"),
            ("xyzt", "xyzt", "no syllables"),
            ("YNguê", "YNguê", "a name's lone letter is no common word"),
            ("icủa", "icủa", "a lone letter rarely a word by itself: a speck read `i`, not cut off as one"),
            ("KT.GIÁMĐỐC", "KT. GIÁM ĐỐC", "an abbreviation's period without its space, words glued after it"),
            ("TM.ỦY", "TM. ỦY", "an abbreviation and a syllable"),
            ("Số:79/UBND", "Số: 79/UBND", "a label's colon before a number"),
            ("TP.HCM", "TP.HCM", "an abbreviation's parts: no syllable after the period"),
            ("NHÂN.DÂN", "NHÂN DÂN", "a speck between two syllables"),
            ("PHÓ:CHỦ", "PHÓ CHỦ", "a speck read as a colon"),
            ("số.04", "số 04", "a speck before a number"),
            ("KT.79", "KT.79", "a number only after a word numbers follow (`Số`, `Điều`)"),
        ]
        for (read, want, why) in cases { XCTAssertEqual(c.correct(line: read, confidence: 70), want, why) }
        // No cut between two vowels: one syllable misread (`Tuơi` for `Tươi`, `bàở`), mended or left, never cut.
        for read in ["Tuơi", "bàở", "ngưồn"] {
            XCTAssertFalse(c.correct(line: read, confidence: 70).contains(" "), read)
        }
    }

    /// Every number is one token among the pairs: `năm 2012` and `năm 1988` are both `năm #`, so a `năn` before a
    /// number becomes `năm`; a capitalised word beside a number (a table's names) takes no evidence from it.
    func testNumbersAreOneTokenAmongThePairs() {
        var model = SyllablePairModel()
        model.learn(["ngày 15 tháng 02 năm 2012", "trong năm 2019", "năm 2020 và năm 2021", "Vụ 12 vụ việc", "vụ 3", "vụ 5"])
        XCTAssertEqual(SyllablePairModel.contextKey("15/02/2012"), SyllablePairModel.number)
        XCTAssertEqual(SyllablePairModel.contextKey("1605/QĐ-UBND"), SyllablePairModel.number)
        XCTAssertNil(SyllablePairModel.contextKey("—"))
        XCTAssertNil(SyllablePairModel.key("2012"), "no syllable")
        XCTAssertEqual(model.count("năm", SyllablePairModel.number), 4)
        XCTAssertEqual(model.count(SyllablePairModel.number, "năm"), 1)
        let c = OCRCorrector(model: model, general: GeneralSyllables())
        XCTAssertEqual(c.correct(line: "tháng 08 năn 1988.", confidence: 70), "tháng 08 năm 1988.", "no syllable of its own pairs")
        XCTAssertEqual(c.correct(line: "năn nỉ", confidence: 70), "năn nỉ", "no number beside it: left")
        XCTAssertEqual(c.correct(line: "Vũ 305 80", confidence: 70), "Vũ 305 80", "a name beside numbers: left")
        XCTAssertEqual(c.correct(line: "vũ 3", confidence: 70), "vụ 3")
    }

    /// A Highlands name that lost its apostrophe gets it back when the archive writes it so twice.
    func testHighlandsNamesGetTheirApostropheBack() {
        var model = SyllablePairModel()
        model.learn(["bà H'Linh Niê", "chị H'Linh", "huyện Cư M'gar", "xã Ea H'leo"])
        let c = OCRCorrector(model: model)
        XCTAssertEqual(c.correct(line: "bà HLinh Niê", confidence: 70), "bà H'Linh Niê")
        XCTAssertEqual(c.correct(line: "BÀ HLINH", confidence: 70), "BÀ H'LINH")
        XCTAssertEqual(c.correct(line: "huyện Cư Mgar", confidence: 70), "huyện Cư Mgar", "seen once: left")
        XCTAssertNil(OCRCorrector.apostropheName("Hà"), "a vowel follows: no name of that shape")
        XCTAssertNil(OCRCorrector.apostropheName("Hồ"))
        XCTAssertEqual(OCRCorrector.apostropheName("Kdrông"), "K'drông")
    }

    /// Learning texts together counts what learning them one by one does.
    func testLearningManyTextsAtOnce() {
        let texts = ["Quyết định thu hồi đất\nbuôn Ea Kly", "xã Ea Kly, huyện Krông Pắc", "thu hồi đất"]
        var one = SyllablePairModel(), many = SyllablePairModel()
        for t in texts { one.learn(t) }
        many.learn(texts)
        XCTAssertEqual(one.syllables, many.syllables)
        XCTAssertEqual(one.pairs, many.pairs)
        XCTAssertEqual(many.count("kly"), 2)
        XCTAssertEqual(many.count("ea", "kly"), 2)
        XCTAssertEqual(many.siblings(of: "pac"), ["pắc"])
    }

    /// The archive's own names, learned beside the built-in counts, mend what the built-in model cannot know.
    func testTheArchivesOwnTextsTeachItsNames() {
        let read = "tại buôn Ea Kly, huyện Ea Sụp"
        XCTAssertEqual(OCRCorrector().correct(line: read, confidence: 70), read, "the built-in model does not know them")
        var model = SyllablePairModel.builtin
        model.learn(["Hồ sơ thu hồi đất huyện Ea Súp", "Về việc thu hồi đất tại huyện Ea Súp"])
        XCTAssertEqual(OCRCorrector(model: model).correct(line: read, confidence: 70), "tại buôn Ea Kly, huyện Ea Súp")
    }

    func testModel() {
        var model = SyllablePairModel()
        model.learn("Quyết định, quyết định\nĐịnh mức")
        XCTAssertEqual(model.count("quyết"), 2)
        XCTAssertEqual(model.count("quyết", "định"), 2)
        XCTAssertEqual(model.count("định", "định"), 0, "no pair across a line break")
        XCTAssertEqual(model.siblings(of: "quyet"), ["quyết"])
        XCTAssertEqual(model.siblings(of: "dinh"), ["định"])
        XCTAssertNil(SyllablePairModel.key("2012"))
        XCTAssertEqual(SyllablePairModel.key("(Quyết,"), "quyết")
        XCTAssertGreaterThan(model.score("định", previous: "quyết", next: nil), model.score("mức", previous: "quyết", next: nil))
    }

    func testBuiltinModel() {
        let model = SyllablePairModel.builtin
        XCTAssertGreaterThan(model.count("quyết"), 50)
        XCTAssertGreaterThan(model.count("thu", "hồi"), 10)
        let c = OCRCorrector()
        XCTAssertEqual(c.correct(line: "QUYÊT ĐỊNH thu hôi đất"), "QUYẾT ĐỊNH thu hồi đất")
        XCTAssertEqual(c.correct(line: "chê độ"), "chế độ")
    }

    func testNFC() {
        // NFD input comes out NFC.
        let nfd = "quyết định".decomposedStringWithCanonicalMapping
        XCTAssertEqual(corrector().correct(line: nfd), "quyết định")
    }
}
