import Foundation
import XCTest
@testable import OCR

/// Blocks of text-shaped ink Tesseract's page layout left out are found from the page's components and read again
/// on their own (TesseractEngine's second look).
final class UnreadInkTests: XCTestCase {
    typealias Box = ReadingOrder.Box

    /// A line of `count` letters 16 px tall and 12 px wide, 4 px apart, from (x, y).
    static func letters(_ count: Int, x: Int, y: Int, width: Int = 12, height: Int = 16) -> [Box] {
        (0..<count).map { Box(x0: x + $0 * (width + 4), y0: y, x1: x + $0 * (width + 4) + width, y1: y + height) }
    }

    /// The read body: ten lines of 30 letters, each line one word box per 6 letters.
    static let body = (0..<10).flatMap { letters(30, x: 100, y: 100 + 30 * $0) }
    static let bodyWords = (0..<10).flatMap { line in
        (0..<5).map { k in Box(x0: 100 + k * 96 - 2, y0: 100 + 30 * line - 2, x1: 100 + k * 96 + 92, y1: 100 + 30 * line + 18) }
    }

    func testBlocksOfUnreadLettersAreFound() {
        struct Case { var name: String; var extra: [Box]; var expected: [Box] }
        let cases: [Case] = [
            Case(name: "nothing unread", extra: [], expected: []),
            // A signature block of two lines under the body: one block, grown by a letter height (16 px).
            Case(name: "two unread lines", extra: Self.letters(10, x: 500, y: 500) + Self.letters(8, x: 510, y: 522),
                 expected: [Box(x0: 484, y0: 484, x1: 672, y1: 554)]),
            // A worn heading whose letters run together: three components of two or three letters hold 8.
            Case(name: "letters run together", extra: [Box(x0: 300, y0: 40, x1: 350, y1: 58), Box(x0: 360, y0: 40, x1: 400, y1: 58),
                                                       Box(x0: 410, y0: 40, x1: 460, y1: 58)],
                 expected: [Box(x0: 284, y0: 24, x1: 476, y1: 74)]),
            // Too few letters for a block (a stray mark, an initial), specks smaller than a letter, rules and
            // borders larger than one: none is a block.
            Case(name: "too few letters", extra: Self.letters(3, x: 500, y: 500), expected: []),
            Case(name: "specks", extra: Self.letters(40, x: 100, y: 600, width: 4, height: 4), expected: []),
            Case(name: "a rule", extra: [Box(x0: 100, y0: 700, x1: 900, y1: 703)], expected: []),
            Case(name: "a table's border", extra: [Box(x0: 90, y0: 90, x1: 700, y1: 420)], expected: []),
            // Letters far apart (more than 1.5 letter heights) are no block: each alone is too few.
            Case(name: "scattered letters", extra: (0..<8).map { Box(x0: 100 + 60 * $0, y0: 800, x1: 112 + 60 * $0, y1: 816) },
                 expected: []),
        ]
        for c in cases {
            let found = UnreadInk.regions(components: Self.body + c.extra, read: Self.bodyWords, width: 1000, height: 1400)
            XCTAssertEqual(found.map(\.0), c.expected, c.name)
            for (_, g) in found { XCTAssertEqual(g, 16, "the page's letter height, from the read words: \(c.name)") }
        }
    }

    /// With too little read text there is no letter height to go by: nothing is looked at again.
    func testNothingWithoutReadText() {
        let found = UnreadInk.regions(components: Self.letters(10, x: 100, y: 100) + Self.letters(10, x: 500, y: 500),
                                      read: [Box(x0: 98, y0: 98, x1: 260, y1: 118)], width: 1000, height: 1400)
        XCTAssertEqual(found.count, 0)
    }

    /// A real delivery's page (samples/batch, a two-layer scan): the signer's name under the signature, which
    /// Tesseract's page layout leaves out, is read by the second look, and the page says so in its steps.
    func testTheSignersNameIsReadOnASecondLook() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/batch/scans/H54.55.12.2012.031/H54.55.12.2012.031.3.pdf")
        guard case .image(let image) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        let (first, second) = try recognized(image, without: \.secondLook)
        XCTAssertFalse(first.text.contains("Lê Văn Hòa"), first.text)
        XCTAssertTrue(second.text.split(separator: "\n").contains("Lê Văn Hòa"), second.text)
        XCTAssertTrue(second.preprocessing.contains("unread:1"), "\(second.preprocessing)")
        // The name's box lies under the signature block, inside the page; the rest of the page is as read before.
        let name = second.words.filter { ["Lê", "Văn", "Hòa"].contains($0.text) }.last
        let heading = try XCTUnwrap(second.words.first { $0.text == "PHÓ" })
        XCTAssertGreaterThan(try XCTUnwrap(name).y, heading.y)
        XCTAssertEqual(second.text.replacingOccurrences(of: "\nLê Văn Hòa", with: ""), first.text)
    }
}
