import CTesseract
import Foundation
import XCTest
@testable import OCR

/// Mixed-raster pages (a colour background under a 1-bit stencil, as TT 05 two-layer scans are made) are recognised
/// from their stencil, read in process through poppler-glib; pages whose background carries text, rotated pages
/// and pages without stencils are rendered whole.
final class ForegroundTests: XCTestCase {
    static let fixtures = OCRTests.fixtures

    /// The 200 dpi decision page, thresholded: the print as a scanner's stencil would hold it.
    static func stencil() throws -> PageImage {
        let scan = try PageImage(contentsOf: fixtures.appendingPathComponent("quyet_dinh_200dpi.jpg"))
        guard let grey = pixConvertTo8(scan.pix, 0), let bits = pixConvertTo1(grey, 140) else {
            throw XCTSkip("Leptonica could not threshold the fixture")
        }
        var g: UnsafeMutablePointer<PIX>? = grey
        pixDestroy(&g)
        let image = PageImage(taking: bits)
        image.resolution = 200
        return image
    }

    /// A one-page PDF: a `background` RGB image (100 ppi: paper tint, a red seal, and the print too when
    /// `textInBackground`) covering the page, under `stencil` as an /ImageMask painted in near-black; `rotate` as
    /// the page's /Rotate.
    static func mixedRasterPDF(stencil: PageImage, textInBackground: Bool = false, rotate: Int = 0) -> Data {
        let w = stencil.width, h = stencil.height
        let bw = w / 2, bh = h / 2
        var background = [UInt8](repeating: 0, count: bw * bh * 3)
        for y in 0..<bh {
            for x in 0..<bw {
                var rgb: (UInt8, UInt8, UInt8) = (240, 232, 210)
                // A red seal over the middle of the page.
                let dx = x - bw / 2, dy = y - bh / 2
                if dx * dx + dy * dy < (bh / 4) * (bh / 4) { rgb = (200, 36, 44) }
                if textInBackground, pixel(stencil, 2 * x, 2 * y) { rgb = (20, 20, 20) }
                let i = 3 * (y * bw + x)
                background[i] = rgb.0; background[i + 1] = rgb.1; background[i + 2] = rgb.2
            }
        }
        let rowBytes = (w + 7) / 8
        var mask = [UInt8](repeating: 0, count: rowBytes * h)
        for y in 0..<h {
            for x in 0..<w where pixel(stencil, x, y) { mask[y * rowBytes + x / 8] |= 0x80 >> (x % 8) }
        }
        let pw = Double(w) / 200 * 72, ph = Double(h) / 200 * 72
        let content = String(format: "q %.3f 0 0 %.3f 0 0 cm /Bg Do Q 0.1 0.1 0.1 rg q %.3f 0 0 %.3f 0 0 cm /Fg Do Q",
                             pw, ph, pw, ph)
        func stream(_ dict: String, _ bytes: [UInt8]) -> Data {
            Data("<< \(dict) /Length \(bytes.count) >>\nstream\n".utf8) + Data(bytes) + Data("\nendstream".utf8)
        }
        let objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data(String(format: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Rotate %d ", pw, ph, rotate).utf8)
                + Data("/Resources << /XObject << /Bg 5 0 R /Fg 6 0 R >> >> /Contents 4 0 R >>".utf8),
            stream("", Array(content.utf8)),
            stream("/Type /XObject /Subtype /Image /Width \(bw) /Height \(bh) /ColorSpace /DeviceRGB /BitsPerComponent 8",
                   background),
            // Sample 1 is ink: /Decode [1 0] paints where the bit is set.
            stream("/Type /XObject /Subtype /Image /Width \(w) /Height \(h) /ImageMask true /BitsPerComponent 1 /Decode [1 0]",
                   mask),
        ]
        return ScanReaderTests.pdf(objects: objects)
    }

    static func pixel(_ image: PageImage, _ x: Int, _ y: Int) -> Bool {
        var v: l_uint32 = 0
        pixGetPixel(image.pix, l_int32(x), l_int32(y), &v)
        return v != 0
    }

    func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-mrc-\(UUID().uuidString).pdf")
        try data.write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The foreground comes back as the very bits of the stencil, at the stencil's resolution as `pdfimages`
    /// reports it, with the background's paper and seal left out.
    func testForegroundIsTheStencilBitForBit() throws {
        let stencil = try Self.stencil()
        let url = try write(Self.mixedRasterPDF(stencil: stencil))
        let listed = try ScanReader().images(of: url)
        XCTAssertEqual(listed.map(\.kind), [.image, .stencil])
        guard let fg = try PDFDocument(url: url).foreground(1, maxPixels: 80_000_000) else {
            return XCTFail("a page with a stencil has a foreground")
        }
        XCTAssertEqual(fg.layers, 1)
        XCTAssertEqual(fg.image.resolution, listed[1].ppi)
        XCTAssertEqual(fg.image.depth, 1)
        XCTAssertEqual(fg.image.width, stencil.width)
        XCTAssertEqual(fg.image.height, stencil.height)
        var same: l_int32 = 0
        XCTAssertEqual(pixEqual(fg.image.pix, stencil.pix, &same), 0)
        var differ: l_int32 = 0
        if let x = pixXor(nil, fg.image.pix, stencil.pix) {
            pixCountPixels(x, &differ, nil)
            var d: UnsafeMutablePointer<PIX>? = x
            pixDestroy(&d)
        }
        var inked: l_int32 = 0
        pixCountPixels(stencil.pix, &inked, nil)
        XCTAssertEqual(same, 1, "every bit of the stencil, placed where the page draws it: \(differ) of \(inked) differ")
        XCTAssertLessThan(fg.backgroundInk, 0.001, "paper and a red seal are no ink in the red channel")
    }

    /// The page is recognised from its stencil, sized to its glyphs, and reads as well as its own scan does.
    func testMixedRasterPageIsRecognisedFromItsStencil() throws {
        let url = try write(Self.mixedRasterPDF(stencil: try Self.stencil()))
        guard case .image(let image) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        XCTAssertEqual(image.origin.first, "foreground:200x1")
        XCTAssertTrue(image.origin.contains { $0.hasPrefix("scale:") }, image.origin.joined(separator: " "))
        XCTAssertEqual(image.depth, 8)
        let page = try TesseractEngine().recognize(image)
        let truth = try String(contentsOf: Self.fixtures.appendingPathComponent("quyet_dinh_200dpi.txt"), encoding: .utf8)
        XCTAssertLessThan(TextMetrics.wordMissRate(page.text, truth: truth), 0.05, page.text)
        XCTAssertTrue(page.text.contains("1605/QĐ-UBND"), page.text)
        // Word boxes are given on the whole page at the resolution recognised, inside it.
        let window = try XCTUnwrap(image.window)
        for word in page.words {
            XCTAssertGreaterThanOrEqual(word.x, 0)
            XCTAssertLessThanOrEqual(word.x + word.width, window.pageWidth + 1)
        }
    }

    /// Print left in the background (an encoder that kept it there) is not lost: the page is rendered whole.
    func testTextInTheBackgroundIsRenderedWhole() throws {
        let url = try write(Self.mixedRasterPDF(stencil: try Self.stencil(), textInBackground: true))
        let fg = try XCTUnwrap(try PDFDocument(url: url).foreground(1, maxPixels: 80_000_000))
        XCTAssertGreaterThan(fg.backgroundInk, ScanReader.backgroundInkLimit)
        guard case .image(let image) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        XCTAssertTrue(image.origin.first?.hasPrefix("render:") == true, image.origin.joined(separator: " "))
    }

    /// A rotated page is rendered whole, turned as it is displayed (the stencil is drawn unrotated).
    func testRotatedMixedRasterPageIsRenderedWhole() throws {
        let stencil = try Self.stencil()
        let url = try write(Self.mixedRasterPDF(stencil: stencil, rotate: 90))
        XCTAssertThrowsError(try PDFDocument(url: url).foreground(1, maxPixels: 80_000_000)) { error in
            XCTAssertTrue((error as? ScanError)?.reason.hasSuffix("rotated") == true, "\(error)")
        }
        guard case .image(let image) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        XCTAssertTrue(image.origin.first?.hasPrefix("render:") == true, image.origin.joined(separator: " "))
        let window = try XCTUnwrap(image.window)
        XCTAssertGreaterThan(window.pageHeight, window.pageWidth, "landscape stencil shown upright")
    }
}
