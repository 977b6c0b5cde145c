import Foundation
import CTesseract
import XCTest
@testable import OCR

/// poppler's library through CPoppler, held to poppler's own command-line tools on the same files.
final class PDFDocumentTests: XCTestCase {
    func fixture(_ name: String) -> URL { OCRTests.fixtures.appendingPathComponent(name) }

    /// Runs a poppler tool (the reference) and returns its standard output.
    func tool(_ name: String, _ args: [String]) throws -> String {
        let out = try Subprocess.run(name, args, timeout: 60)
        guard out.status == 0 else { throw XCTSkip("\(name) failed: \(out.stderr)") }
        return String(decoding: out.stdout, as: UTF8.self)
    }

    /// `pdftotext -bbox`: each word with xMin, yMin, xMax, yMax in points from the top-left corner.
    func referenceWords(_ url: URL) throws -> [(text: String, x: Double, y: Double, w: Double, h: Double)] {
        let html = try tool("pdftotext", ["-bbox", "-enc", "UTF-8", url.path, "-"])
        var words: [(String, Double, Double, Double, Double)] = []
        for line in html.split(separator: "\n") where line.contains("<word ") {
            func attribute(_ name: String) -> Double {
                guard let r = line.range(of: "\(name)=\"") else { return .nan }
                return Double(line[r.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            guard let open = line.range(of: ">"), let close = line.range(of: "</word>") else { continue }
            let text = String(line[open.upperBound..<close.lowerBound])
                .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&apos;", with: "'")
            let x0 = attribute("xMin"), y0 = attribute("yMin"), x1 = attribute("xMax"), y1 = attribute("yMax")
            words.append((text.precomposedStringWithCanonicalMapping, x0, y0, x1 - x0, y1 - y0))
        }
        return words
    }

    func testWordsAndBoxesEqualPdftotext() throws {
        for name in ["two_layer.pdf", "heading_two_layer.pdf"] {
            let url = fixture(name)
            let words = try PDFDocument(url: url).words(1)
            let reference = try referenceWords(url)
            XCTAssertGreaterThan(words.count, 20, name)
            // The same words; the order may differ where the two read a heading's columns differently.
            XCTAssertEqual(words.map(\.text).sorted(), reference.map(\.text).sorted(), name)
            for word in words {
                let match = reference.first { $0.text == word.text && abs($0.x - word.x) < 1 && abs($0.y - word.y) < 1 }
                XCTAssertNotNil(match, "\(name): “\(word.text)” at \(word.x), \(word.y) is not a pdftotext box")
                if let match {
                    XCTAssertEqual(word.width, match.w, accuracy: 1, word.text)
                    XCTAssertEqual(word.height, match.h, accuracy: 1, word.text)
                }
            }
        }
    }

    func testVietnameseWordsComeOutNFC() throws {
        let words = try PDFDocument(url: fixture("heading_two_layer.pdf")).words(1).map(\.text)
        for w in ["ỦY", "KRÔNG", "PẮC", "1605/QĐ-UBND", "CỘNG", "HÒA"] { XCTAssertTrue(words.contains(w), w) }
        XCTAssertTrue(words.allSatisfy { $0 == $0.precomposedStringWithCanonicalMapping })
    }

    func testPageCountAndSizeEqualPdfinfo() throws {
        for name in ["two_layer.pdf", "scan_image_only.pdf", "small_image_on_a3.pdf"] {
            let url = fixture(name)
            let info = try tool("pdfinfo", [url.path])
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
            let document = try PDFDocument(url: url)
            XCTAssertEqual(document.pageCount, pages, name)
            let sizeLine = try XCTUnwrap(info.split(separator: "\n").first { $0.hasPrefix("Page size:") }, name)
            let parts = sizeLine.dropFirst(10).split(separator: " ")
            let size = try document.pageSize(1)
            XCTAssertEqual(size.width, Double(parts[0]) ?? 0, accuracy: 0.01, name)
            XCTAssertEqual(size.height, Double(parts[2]) ?? 0, accuracy: 0.01, name)
        }
    }

    func testRenderingInColourAndGreyAtTheAskedResolution() throws {
        let document = try PDFDocument(url: fixture("scan_image_only.pdf"))
        let size = try document.pageSize(1)
        let colour = try document.render(1, dpi: 100, gray: false, maxPixels: 10_000_000)
        XCTAssertEqual(colour.width, Int((size.width / 72 * 100).rounded(.up)), accuracy: 1)
        XCTAssertEqual(colour.height, Int((size.height / 72 * 100).rounded(.up)), accuracy: 1)
        XCTAssertEqual(colour.depth, 32)
        XCTAssertEqual(colour.resolution, 100)
        let grey = try document.render(1, dpi: 100, gray: true, maxPixels: 10_000_000)
        XCTAssertEqual(grey.depth, 8)
        XCTAssertEqual(grey.width, colour.width)
        // A rendering past the pixel limit is refused before it is made.
        XCTAssertThrowsError(try document.render(1, dpi: 2400, gray: true, maxPixels: 10_000_000)) { error in
            XCTAssertTrue((error as? ScanError)?.reason.contains("quá lớn") == true, "\(error)")
        }
    }

    /// The rendered pixels are the page's: the grey rendering's mean equals pdftoppm's within a few levels.
    func testRenderedPixelsMatchPdftoppm() throws {
        let url = fixture("heading_two_layer.pdf")
        let ours = try PDFDocument(url: url).render(1, dpi: 50, gray: true, maxPixels: 10_000_000)
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-ref-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: tmp.appendingPathExtension("pgm")) }
        _ = try tool("pdftoppm", ["-r", "50", "-gray", "-singlefile", url.path, tmp.path])
        let reference = try PageImage(contentsOf: tmp.appendingPathExtension("pgm"))
        XCTAssertEqual(ours.width, reference.width, accuracy: 1)
        XCTAssertEqual(ours.height, reference.height, accuracy: 1)
        XCTAssertEqual(ours.meanGrey, reference.meanGrey, accuracy: 3)
        XCTAssertLessThan(ours.meanGrey, 254, "the text is drawn")
    }

    /// A file's images are listed once for all its pages; a listing that failed by throwing is not tried again.
    func testImageListIsMadeOncePerFile() throws {
        let url = fixture("two_layer.pdf")
        let document = try PDFDocument(url: url)
        var runs = 0
        let listed = try document.images { runs += 1; return try ScanReader().images(of: url) }
        XCTAssertEqual(listed?.count, 1)
        XCTAssertEqual(try document.images { runs += 1; return [] }?.count, 1, "kept")
        XCTAssertEqual(runs, 1)
        let other = try PDFDocument(url: url)
        XCTAssertThrowsError(try other.images { runs += 1; throw ScanError(file: url.path, reason: "pdfimages chạy quá lâu") })
        XCTAssertNil(try other.images { runs += 1; return [] }, "not run again after it threw")
        XCTAssertEqual(runs, 2)
    }

    func testBadPDFsAreErrorsNotCrashes() throws {
        XCTAssertThrowsError(try PDFDocument(url: fixture("password.pdf"))) { error in
            XCTAssertEqual((error as? ScanError)?.reason, "PDF có mật khẩu")
        }
        XCTAssertThrowsError(try PDFDocument(url: fixture("corrupt.pdf"))) { error in
            XCTAssertNotNil(error as? ScanError, "\(error)")
        }
        let document = try PDFDocument(url: fixture("two_layer.pdf"))
        XCTAssertThrowsError(try document.words(2))
        XCTAssertThrowsError(try document.render(0, dpi: 72, gray: true, maxPixels: 1_000_000))
    }
}

extension PageImage {
    /// The mean of the image's grey levels (8-bit images).
    var meanGrey: Double {
        var total = 0.0
        for y in 0..<height {
            for x in stride(from: 0, to: width, by: 1) {
                var v: l_uint32 = 0
                pixGetPixel(pix, l_int32(x), l_int32(y), &v)
                total += Double(v)
            }
        }
        return total / Double(width * height)
    }
}
