import XCTest
@testable import OCR

/// Handwritten numbers in a form's cells read again as digits only.
final class NumberRereadTests: XCTestCase {
    /// Which words are numbers read wrongly (cases from the bench's form pages), and which are codes, glued words and
    /// numbers as they should be.
    func testGarbledNumbers() {
        let cases: [(String, Bool, String)] = [
            ("369f,2", true, "a digit read as a letter"),
            ("47!8,7", true, "as a mark"),
            ("3⁄1", true, "a fraction slash"),
            ("50%", false, "a percentage: its sign is punctuation"),
            ("ƒ384,7", true, "a hooked f before the digits"),
            ("I99%6", true, "a capital and a mark among digits"),
            ("3691,2", false, "a number as it should be"),
            ("15/02/2012", false, "a date"),
            ("(3)", false, "a number in brackets"),
            ("04/ĐK", false, "a form's code: two capitals"),
            ("466/UBND", false, "a document's number"),
            ("TT05", false, "capitals before the digits"),
            ("phố5", false, "a word glued to its number"),
            ("Hị", false, "no digit"),
            ("ab12cd", false, "more letters than digits"),
        ]
        for (text, garbled, why) in cases {
            XCTAssertEqual(TesseractEngine.isGarbledNumber(text), garbled, why)
        }
    }

    /// A page of households and parcels from the bench's form pages (`make_set.py SET 100 2027`, H99.01.02.2027.001.30,
    /// page 1: a contractor's mixed-raster PDF, the numbers handwritten): the area `vie` reads as `369f,2` is read
    /// again as `3691,2`; the printed words are as before.
    func testAHandwrittenAreaIsReadAgainAsDigits() throws {
        let url = Bundle.module.url(forResource: "form_hand_numbers", withExtension: "pdf", subdirectory: "Fixtures")!
        guard case .image(let image) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        let (first, second) = try recognized(image, without: \.rereadNumbers)
        XCTAssertTrue(first.text.contains("Nguyễn Xuân Khánh 643 62 369f,2"), first.text)
        XCTAssertTrue(second.text.contains("Nguyễn Xuân Khánh 643 62 3691,2"), second.text)
        XCTAssertTrue(second.preprocessing.contains { $0.hasPrefix("numbers:") }, "\(second.preprocessing)")
        let printed = { (t: String) in t.split(separator: " ").filter { !$0.contains(where: \.isNumber) } }
        XCTAssertEqual(printed(second.text).count, printed(first.text).count, "no word but numbers changes")
    }
}
