import XCTest
@testable import Syllables
import VietText

/// Vietnamese at large (wordfreq's list) as the prior for words the archive's texts never use.
final class GeneralSyllablesTests: XCTestCase {
    func testBuiltinList() {
        let g = GeneralSyllables.builtin
        XCTAssertGreaterThan(g.count, 4000)
        XCTAssertGreaterThan(g.frequency("của"), 1e-3)
        XCTAssertGreaterThan(g.frequency("phạm"), 20 * g.frequency("phạn"))
        XCTAssertEqual(g.frequency("hoà"), g.frequency("hòa"), "either tone placement is one syllable")
        XCTAssertEqual(g.frequency("Rừng"), g.frequency("rừng"))
        XCTAssertFalse(g.isListed("and"), "not a Vietnamese syllable")
        XCTAssertEqual(g.frequency("xyzq"), GeneralSyllables.unlisted)
        XCTAssertEqual(g.siblings(of: "rung").first, "rừng", "most frequent first")
        XCTAssertTrue(g.siblings(of: "rùng").contains("rung"))
    }

    /// A word the archive never writes, read with little confidence: the case, OCR output, corrected, why.
    func testRareReadingsGiveWayToCommonSyllables() {
        var model = SyllablePairModel()
        model.learn("hạn mười lăm ngày\nông Lân\nthửa đất")
        let c = OCRCorrector(model: model)
        let cases: [(String, Double, String, String)] = [
            ("rùng núi", 60, "rừng núi", "rùng is rare, rừng 24 times as frequent, one mark apart"),
            ("trong năn nay", 60, "trong năm nay", "a worn m read n"),
            ("công tác kiển tra", 60, "công tác kiến tra", "kiến is likelier than kiểm in Vietnamese at large: the archive's pairs must tell"),
            ("số tiển", 60, "số tiền", "hook for grave on a circumflex"),
            ("vự việc", 60, "vụ việc", "not a syllable anyone writes"),
            ("RÙNG", 60, "RỪNG", "capitals kept"),
            ("gộp thửa", 60, "gộp thửa", "góp is more frequent, but two marks apart"),
            ("ông Phạn", 60, "ông Phạn", "a capitalised word may be a name"),
            ("Quyet định", 60, "Quyết định", "no syllable: the likeliest sibling, capitalised or not"),
            ("hạn mười lăm ngày", 60, "hạn mười lăm ngày", "the archive writes lăm: làm is not weighed"),
            ("hoà giải", 60, "hoà giải", "the other tone placement is no correction"),
            ("chê bai", 97, "chê bai", "a rare syllable read with confidence stays"),
            ("rùng núi", 97, "rùng núi", "so does a misreading read with confidence"),
        ]
        for (read, confidence, want, why) in cases {
            XCTAssertEqual(c.correct(line: read, confidence: confidence), want, why)
        }
        let none = OCRCorrector(model: model, general: GeneralSyllables())
        XCTAssertEqual(none.correct(line: "rùng núi", confidence: 60), "rùng núi", "no general list, no evidence")
    }
}
