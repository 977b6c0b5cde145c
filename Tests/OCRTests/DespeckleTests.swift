import CTesseract
import Foundation
import XCTest
@testable import OCR

/// Specks whitened before recognition (Despeckle), on a drawn 200 dpi page where every distance is known: at 200 dpi
/// a speck is at most 5 px either way and the reach is 6 px.
final class DespeckleTests: XCTestCase {
    /// The black rectangles of a drawn page: (x0, y0, x1, y1), inclusive.
    typealias Rect = (Int, Int, Int, Int)

    static let letter: Rect = (100, 100, 119, 119)
    /// 2 px over the letter: near it.
    static let circumflex: Rect = (104, 95, 107, 97)
    /// 4 px over the circumflex, 9 px over the letter: stacked on a near speck.
    static let acute: Rect = (106, 87, 108, 90)
    /// 4 px right of the letter: near it.
    static let comma: Rect = (124, 110, 126, 112)
    /// 4 px right of the comma, 11 px from the letter, beside (not over) the near speck: a chain, cut.
    static let chained: Rect = (131, 110, 133, 112)

    func page(specks: Int) throws -> PageImage {
        guard let p = pixCreate(1000, 1000, 8) else { throw OCREngineError(reason: "pixCreate") }
        let page = PageImage(taking: p)
        pixSetAllArbitrary(page.pix, 255)
        var rects = [Self.letter, Self.circumflex, Self.acute, Self.comma, Self.chained]
        // Toner far from everything, on a grid below the letter.
        rects += (0..<specks).map { i in (300 + (i % 20) * 30, 400 + (i / 20) * 30, 301 + (i % 20) * 30, 401 + (i / 20) * 30) }
        for (x0, y0, x1, y1) in rects {
            for y in y0...y1 { for x in x0...x1 { pixSetPixel(page.pix, l_int32(x), l_int32(y), 0) } }
        }
        page.resolution = 200
        return page
    }

    func isBlack(_ page: PageImage, _ r: Rect) -> Bool {
        var v: l_uint32 = 255
        pixGetPixel(page.pix, l_int32((r.0 + r.2) / 2), l_int32((r.1 + r.3) / 2), &v)
        return v < 128
    }

    func testWhatStaysAndWhatGoes() throws {
        let (cleaned, count) = try XCTUnwrap(Despeckle.apply(try page(specks: 200), resolution: 200))
        XCTAssertEqual(count, 201, "the grid's specks and the chained one")
        let cases: [(name: String, rect: Rect, stays: Bool)] = [
            ("the letter", Self.letter, true),
            ("a mark near the letter", Self.circumflex, true),
            ("a mark stacked on a near mark (the acute of ế)", Self.acute, true),
            ("punctuation near the letter", Self.comma, true),
            ("a speck linked only through another speck beside it", Self.chained, false),
            ("toner far from the text", (300, 400, 301, 401), false),
            ("toner far from the text, last of the grid", (870, 670, 871, 671), false),
        ]
        for c in cases {
            XCTAssertEqual(isBlack(cleaned, c.rect), c.stays, c.name)
        }
    }

    func testAPageWithFewSpecksIsLeftAsItIs() throws {
        XCTAssertNil(Despeckle.apply(try page(specks: 100), resolution: 200))
    }
}
