import CTesseract
import Foundation
import XCTest
@testable import OCR

/// Pages sized before recognition (PageLayout): blank pages, blank margins, glyph height, the resolution a PDF
/// page is rendered at; measured on real rendered pages.
final class PageLayoutTests: XCTestCase {
    func fixture(_ name: String) -> URL { OCRTests.fixtures.appendingPathComponent(name) }

    /// A white grey page at `dpi` with a few specks of dust.
    func blankPage(dpi: Int) throws -> PageImage {
        let w = 210 * dpi * 10 / 254, h = 297 * dpi * 10 / 254
        guard let p = pixCreate(l_int32(w), l_int32(h), 8) else { throw OCREngineError(reason: "pixCreate") }
        let page = PageImage(taking: p)
        pixSetAllArbitrary(page.pix, 255)
        for (x, y) in [(300, 400), (900, 1200), (1200, 300)] {
            pixSetPixel(page.pix, l_int32(x), l_int32(y), 0)
            pixSetPixel(page.pix, l_int32(x + 1), l_int32(y), 0)
        }
        page.resolution = dpi
        return page
    }

    func testBlankPageIsNotRecognised() throws {
        let page = try blankPage(dpi: 300)
        XCTAssertTrue(PageLayout.measure(page).isBlank)
        let result = try TesseractEngine().recognize(page)
        XCTAssertEqual(result.text, "")
        XCTAssertTrue(result.words.isEmpty)
        XCTAssertEqual(result.preprocessing.last, "blank")
        XCTAssertEqual(result.width, page.width)
    }

    func testGlyphHeightAndContentOfARealPage() throws {
        let page = try PageImage(contentsOf: fixture("quyet_dinh_200dpi.jpg"))
        let layout = PageLayout.measure(page)
        XCTAssertFalse(layout.isBlank)
        XCTAssertGreaterThan(layout.glyphs, 500)
        // 13–14 pt Noto Serif: an x-height of 2.5–2.7 mm on paper, letters with their marks up to 4 mm.
        XCTAssertEqual(layout.glyphHeightMillimetres, 3.1, accuracy: 0.4, "\(layout)")
        let content = try XCTUnwrap(layout.content)
        XCTAssertGreaterThan(content.x0, 50, "the left margin is blank")
        XCTAssertLessThan(content.x1, page.width - 50, "so is the right one")
        XCTAssertGreaterThan(content.width, page.width / 2)
        // The same page at half the resolution measures the same on paper.
        guard let half = pixScaleGrayLI(pixConvertTo8(page.pix, 0), 0.5, 0.5) else { return XCTFail("scale") }
        let small = PageImage(taking: half)
        small.resolution = 100
        XCTAssertEqual(PageLayout.measure(small).glyphHeightMillimetres, layout.glyphHeightMillimetres,
                       accuracy: 0.35 * layout.glyphHeightMillimetres)
        // The resolution that makes that glyph 20 px tall.
        let dpi = layout.resolution(forGlyphHeight: 20, within: 150...400, fallback: 300)
        XCTAssertEqual(Double(dpi), 200 * 20 / layout.glyphHeight, accuracy: 10)
        XCTAssertEqual(PageLayout(width: 1, height: 1, resolution: 300, glyphs: 0, content: nil, glyphHeight: 0)
            .resolution(forGlyphHeight: 20, within: 150...400, fallback: 300), 300, "nothing measured")
    }

    /// Cutting off the blank margins (off by default) changes neither where the words' boxes are on the page nor,
    /// but for a few, the words.
    func testCroppedRecognitionKeepsWordsAndBoxes() throws {
        let page = try PageImage(contentsOf: fixture("quyet_dinh_200dpi.jpg"))
        let full = try TesseractEngine().recognize(page)
        var cut = RecognitionOptions()
        cut.cropMargins = true
        let cropped = try TesseractEngine(options: cut).recognize(page)
        XCTAssertTrue(cropped.preprocessing.contains { $0.hasPrefix("crop:") }, "\(cropped.preprocessing)")
        XCTAssertFalse(full.preprocessing.contains { $0.hasPrefix("crop:") })
        XCTAssertEqual(cropped.width, full.width)
        XCTAssertEqual(cropped.height, full.height)
        XCTAssertLessThanOrEqual(TextMetrics.cer(cropped.text, truth: full.text), 0.01)
        var matched = 0
        for w in cropped.words where w.text.count > 3 {
            guard let f = full.words.first(where: { $0.text == w.text && abs($0.y - w.y) < 40 && abs($0.x - w.x) < 40 }) else { continue }
            matched += 1
            XCTAssertEqual(f.x, w.x, accuracy: 4, w.text)
            XCTAssertEqual(f.y, w.y, accuracy: 4, w.text)
            XCTAssertEqual(f.width, w.width, accuracy: 6, w.text)
        }
        XCTAssertGreaterThan(matched, 50)
    }

    /// A PDF page that is not one image is rendered at the resolution its glyphs want, without its margins; the
    /// words' boxes are given on the whole page at that resolution.
    func testPDFPageIsRenderedSizedToItsText() throws {
        guard case .image(let img) = try ScanReader().page(1, of: fixture("small_image_on_a3.pdf")) else {
            return XCTFail("expected an image")
        }
        let render = try XCTUnwrap(img.origin.first { $0.hasPrefix("render:") })
        let dpi = try XCTUnwrap(Int(render.dropFirst(7)))
        XCTAssertTrue((150...400).contains(dpi), render)
        XCTAssertEqual(img.resolution, dpi)
        let window = try XCTUnwrap(img.window, "the blank A3 margins are not rendered")
        XCTAssertEqual(window.pageWidth, 297 * dpi * 10 / 254, accuracy: 3)   // A3 across
        XCTAssertLessThan(img.width * img.height, window.pageWidth * window.pageHeight / 2)
        let page = try TesseractEngine().recognize(img)
        XCTAssertTrue(page.text.contains("1479/BCA-ANCTNB"), page.text)
        XCTAssertEqual(page.width, window.pageWidth)
        XCTAssertEqual(Array(page.preprocessing.prefix(img.origin.count)), img.origin)
        for w in page.words {
            XCTAssertGreaterThanOrEqual(w.x, window.x)
            XCTAssertGreaterThanOrEqual(w.y, window.y)
            XCTAssertLessThanOrEqual(w.x + w.width, window.x + img.width + 1)
        }
        // Rendered whole at 300 dpi when sizing is off.
        var whole = ScanReader()
        whole.sizing.glyphHeight = nil
        guard case .image(let full) = try whole.page(1, of: fixture("small_image_on_a3.pdf")) else { return XCTFail("image") }
        XCTAssertEqual(full.resolution, 300)
        XCTAssertNil(full.window)
    }
}
