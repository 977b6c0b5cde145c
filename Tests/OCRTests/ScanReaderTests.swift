import Foundation
import XCTest
@testable import OCR
import Syllables
import VietText

/// Reading scans page by page: PDFs (image-only and two-layer), TIFF, folders, and bad input.
final class ScanReaderTests: XCTestCase {
    func fixture(_ name: String) -> URL { OCRTests.fixtures.appendingPathComponent(name) }

    func testImageOnlyPDFGivesTheEmbeddedImageAtItsOwnResolution() throws {
        let reader = ScanReader()
        let url = fixture("scan_image_only.pdf")
        XCTAssertEqual(try reader.pageCount(of: url), 1)
        guard case .image(let img) = try reader.page(1, of: url) else { return XCTFail("expected an image") }
        XCTAssertEqual(img.width, 1654)
        XCTAssertEqual(img.height, 1330)
        XCTAssertEqual(img.resolution, 200)
    }

    /// A page that is not one image covering it is rendered by poppler in grey (at 300 dpi with sizing off; see
    /// PageLayoutTests for the sized rendering), and read.
    func testPDFPageThatIsNotOneImageIsRenderedAt300dpi() throws {
        var reader = ScanReader()
        reader.sizing.glyphHeight = nil
        guard case .image(let img) = try reader.page(1, of: fixture("small_image_on_a3.pdf")) else {
            return XCTFail("expected an image")
        }
        XCTAssertEqual(img.resolution, 300)
        XCTAssertEqual(img.width, 3508, accuracy: 2)    // A3 at 300 dpi
        XCTAssertEqual(img.height, 4961, accuracy: 2)
        XCTAssertEqual(img.depth, 32, "rendered in colour: the engine reads its red channel")
        let page = try TesseractEngine().recognize(img)
        XCTAssertTrue(page.text.contains("1479/BCA-ANCTNB"), page.text)
    }

    func testTwoLayerPDFGivesItsTextLayerUnlessReocr() throws {
        let url = fixture("two_layer.pdf")
        guard case .layer(let layer) = try ScanReader().page(1, of: url) else { return XCTFail("expected the text layer") }
        let text = layer.text
        XCTAssertEqual(text, text.precomposedStringWithCanonicalMapping)
        XCTAssertGreaterThanOrEqual(layer.quality.score, TextLayerQuality.poorBelow, "a clean layer is kept")
        XCTAssertTrue(text.contains("TỜ TRÌNH"), text)
        let truth = try String(contentsOf: fixture("two_layer.txt"), encoding: .utf8)
        XCTAssertLessThanOrEqual(TextMetrics.cer(text, truth: truth), 0.03)

        guard case .image(let img) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        XCTAssertGreaterThan(img.width, 1000)
    }

    /// `pdftotext -layout` sets the heading columns side by side; the reader puts them one after the other.
    func testTextLayerKeepsHeadingColumnsApart() throws {
        guard case .layer(let layer) = try ScanReader().page(1, of: fixture("heading_two_layer.pdf")) else {
            return XCTFail("expected the text layer")
        }
        let text = layer.text
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(Array(lines.prefix(6)), [
            "ỦY BAN NHÂN DÂN", "HUYỆN KRÔNG PẮC", "Số: 1605/QĐ-UBND",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Krông Pắc, ngày 15 tháng 02 năm 2012",
        ])
        XCTAssertTrue(lines.contains("QUYẾT ĐỊNH"), text)
        let truth = try String(contentsOf: fixture("quyet_dinh_200dpi.txt"), encoding: .utf8)
        XCTAssertLessThanOrEqual(TextMetrics.cer(text, truth: truth), 0.03)
    }

    func testMultiPageTIFFPageByPage() throws {
        let reader = ScanReader()
        let url = fixture("two_pages.tif")
        XCTAssertEqual(try reader.pageCount(of: url), 2)
        for n in 1...2 {
            guard case .image(let img) = try reader.page(n, of: url) else { return XCTFail("expected an image") }
            XCTAssertEqual(img.depth, 1)
            XCTAssertEqual(img.width, 1654)
            XCTAssertEqual(img.height, n == 1 ? 900 : 800)
            XCTAssertEqual(img.resolution, 200)
        }
    }

    /// Page images can be exported (PNG lossless, JPEG for the reading room) and read back.
    func testPageImageExport() throws {
        guard case .image(let img) = try ScanReader().page(2, of: fixture("two_pages.tif")) else {
            return XCTFail("expected an image")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-ocr-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["p.png", "p.jpg"] {
            let url = dir.appendingPathComponent(name)
            if name.hasSuffix("png") { try img.writePNG(to: url) } else { try img.writeJPEG(to: url) }
            let back = try PageImage(contentsOf: url)
            XCTAssertEqual([back.width, back.height], [img.width, img.height], name)
        }
    }

    func testFolderOfPagesInFileNameOrder() throws {
        let reader = ScanReader()
        let url = fixture("folder_scan")
        XCTAssertEqual(try reader.pageCount(of: url), 2)
        guard case .image(let first) = try reader.page(1, of: url),
              case .image(let second) = try reader.page(2, of: url) else { return XCTFail("expected images") }
        XCTAssertEqual(first.height, 900)   // 001.png: the tờ trình page
        XCTAssertEqual(second.height, 800)  // 002.png
    }

    /// Every kind of bad input is a ScanError naming the file, with the reason in Vietnamese.
    /// A born-digital page set in a legacy font (TCVN3 `.VnTime`, `VNI-Times`) has a text layer that comes out
    /// garbled (`Quy\u{D5}t \u{AE}\u{DE}nh`): it is recognised from its image, not kept, nor weighed against OCR.
    func testLegacyFontLayerIsRecognisedNotKept() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "QUYẾT ĐỊNH",
                     "Về việc thu hồi đất của hộ ông Nguyễn Văn Hùng", "tại thửa đất số 128, tờ bản đồ số 15"]
        for (encoding, font) in [(LegacyEncoding.tcvn3, ".VnTime"), (.vni, "VNI-Times")] {
            let url = dir.appendingPathComponent("\(encoding.rawValue).pdf")
            try Self.latin1PDF(font: font, lines: lines.map { LegacyEncoding.encode($0, to: encoding) }).write(to: url)
            let document = try PDFDocument(url: url)
            XCTAssertTrue(try document.words(1).contains { $0.text.unicodeScalars.contains { (0xA0...0xFF).contains($0.value) } },
                          "\(font): the layer reads as Latin-1 letters")
            guard case .image = try ScanReader().page(1, of: url) else {
                return XCTFail("\(font): a legacy-font layer must be recognised from the page image")
            }
        }
        // Plain text in an ordinary font: its layer is read (kept or weighed against OCR), not thrown away.
        let plain = dir.appendingPathComponent("plain.pdf")
        try Self.latin1PDF(font: "Times-Roman", lines: ["Thu hoi dat tai thua dat so 128, to ban do so 15"]).write(to: plain)
        if case .image = try ScanReader().page(1, of: plain) { XCTFail("an ordinary font's layer is read") }
    }

    /// A red seal printed over the words of a rendered page (a mixed-raster page's background) is taken away
    /// through the red channel: in a luminance grey it is as dark as the print and the words under it are lost.
    func testRedSealOverPrintIsTakenAwayOnARenderedPage() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-seal-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: url) }
        let words = ["QUYET DINH SO 1605 NGAY 15 THANG 02", "THU HOI DAT THUA 128 TO BAN DO 15"]
        try Self.latin1PDF(font: "Helvetica-Bold", lines: words, size: 20,
                           under: "1 0.1 0.1 rg 60 700 460 90 re f 0 0 0 rg\n").write(to: url)
        guard case .image(let image) = try ScanReader(reocr: true).page(1, of: url) else { return XCTFail("expected an image") }
        let page = try TesseractEngine().recognize(image)
        XCTAssertTrue(page.preprocessing.contains("grey:red"), page.preprocessing.joined(separator: " "))
        // The model reads the unaccented capitals as Vietnamese words (QUYẾT ĐỊNH): compared without marks.
        let read = page.text.folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "Đ", with: "D")
        for line in words { XCTAssertTrue(read.contains(line), "“\(line)” in: \(page.text)") }
    }

    /// A one-page A4 PDF showing `lines` (Latin-1 characters, one byte each) in a non-embedded `font`, over what
    /// the content operators `under` draw.
    static func latin1PDF(font: String, lines: [String], size: Int = 14, under: String = "") -> Data {
        var content = under + "BT /F1 \(size) Tf 72 760 Td \(size * 3 / 2) TL\n"
        for line in lines {
            let escaped = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
            content += "(\(escaped)) Tj T*\n"
        }
        content += "ET\n"
        let stream = content.data(using: .isoLatin1)!
        let objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>".utf8),
            Data("<< /Length \(stream.count) >>\nstream\n".utf8) + stream + Data("\nendstream".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /\(font) /Encoding /WinAnsiEncoding >>".utf8),
        ]
        return ScanReaderTests.pdf(objects: objects)
    }

    /// A PDF of `objects` (numbered from 1, the first the catalog) with its cross-reference table.
    static func pdf(objects: [Data]) -> Data {
        var pdf = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf += Data("\(i + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8)
        }
        let xref = pdf.count
        pdf += Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets { pdf += Data(String(format: "%010d 00000 n \n", offset).utf8) }
        pdf += Data("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return pdf
    }

    func testBadInputIsAScanErrorWithAVietnameseReason() throws {
        let cases: [(file: String, page: Int, reason: String)] = [
            ("empty.png", 1, "Tệp rỗng (0 byte)"),
            ("truncated.png", 1, "Không đọc được ảnh"),
            ("not_an_image.jpg", 1, "Không đọc được ảnh"),
            ("corrupt.pdf", 1, "PDF hỏng"),
            ("password.pdf", 1, "PDF có mật khẩu"),
            ("huge.png", 1, "Ảnh quá lớn"),
            ("khong_co_tep_nay.png", 1, "Không tìm thấy tệp"),
            ("two_pages.tif", 3, "Không có trang 3"),
            ("scan_image_only.pdf", 0, "Không có trang 0"),
        ]
        let reader = ScanReader()
        for c in cases {
            XCTAssertThrowsError(try reader.page(c.page, of: fixture(c.file)), c.file) { error in
                guard let e = error as? ScanError else { return XCTFail("\(c.file): \(error) is not a ScanError") }
                XCTAssertTrue(e.reason.hasPrefix(c.reason), "\(c.file): \(e.reason)")
                XCTAssertTrue(e.file.hasSuffix(c.file), e.file)
                XCTAssertTrue(e.description.contains(c.file))
            }
        }
        for file in ["empty.png", "corrupt.pdf", "password.pdf"] {
            XCTAssertThrowsError(try reader.pageCount(of: fixture(file)), file) { error in
                XCTAssertTrue(error is ScanError, "\(file): \(error)")
            }
        }
    }

    /// The pixel cap applies to PDF page images too, before anything is decoded.
    func testPixelCapOnPDFImages() throws {
        let reader = ScanReader(maxPixels: 1_000_000)
        XCTAssertThrowsError(try reader.page(1, of: fixture("scan_image_only.pdf"))) { error in
            XCTAssertTrue((error as? ScanError)?.reason.hasPrefix("Ảnh quá lớn") ?? false, "\(error)")
        }
    }

    /// External tools never hang the ingest: a tool past its timeout is killed.
    func testToolTimeoutKillsTheTool() throws {
        let start = Date()
        let out = try Subprocess.run("sleep", ["30"], timeout: 0.5)
        XCTAssertTrue(out.timedOut)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertThrowsError(try Subprocess.run("khong-co-cong-cu-nay", [], timeout: 1)) { error in
            XCTAssertTrue("\(error)".contains("Thiếu công cụ"), "\(error)")
        }
    }
}
