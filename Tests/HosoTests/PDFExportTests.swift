import Catalogue
import Foundation
import OCR
import XCTest
@testable import DataFolder
@testable import Export
@testable import Search

/// PDF hai lớp: the file's structure, its hidden text read back by poppler, and the role checks.
final class PDFExportTests: XCTestCase {

    // MARK: Pieces

    func testNumbersAreWrittenWithoutExponentsOrLocale() {
        let table: [(Double, String)] = [
            (0, "0"), (1, "1"), (-2.5, "-2.5"), (595.2756, "595.276"), (0.0004, "0"), (1e-7, "0"),
            (14400, "14400"), (12.10, "12.1"), (-0.25, "-0.25"), (Double.nan, "0"),
        ]
        for (value, expected) in table {
            XCTAssertEqual(PDFSyntax.number(value), expected, "\(value)")
        }
    }

    func testTextStringsAreUTF16WithByteOrderMark() {
        let table: [(String, String)] = [
            ("A", "<FEFF0041>"),
            ("Đất", "<FEFF01101EA50074>"),
            // NFD input is stored as NFC: "ế" is one unit, U+1EBF.
            ("Quy\u{0065}\u{0302}\u{0301}t", "<FEFF005100750079" + "1EBF" + "0074>"),
        ]
        for (text, expected) in table {
            XCTAssertEqual(PDFSyntax.textString(text), expected, text)
        }
    }

    func testCodesAreUTF16UnitsAndUnmappableCharactersBecomeReplacement() {
        let table: [(String, [UInt16])] = [
            ("Ủy", [0x1EE6, 0x0079]),
            ("đ", [0x0111]),
            ("a\u{0001}", [0x0061, 0xFFFD]),
            ("𝐀", [0xFFFD]),
        ]
        for (text, expected) in table {
            XCTAssertEqual(PDFResources.codes(text), expected, text)
        }
    }

    func testWordsAreGroupedIntoLinesInReadingOrder() {
        func w(_ t: String, _ x: Int, _ y: Int, _ width: Int = 80, _ height: Int = 30) -> StoredWord {
            StoredWord(text: t, x: x, y: y, width: width, height: height, confidence: 90)
        }
        let table: [(words: [StoredWord], lines: [[String]])] = [
            ([w("Quyết", 100, 100), w("định", 200, 102), w("số", 300, 98)], [["Quyết", "định", "số"]]),
            // Next line starts back at the left.
            ([w("Điều", 100, 100), w("1.", 200, 100), w("Thu", 100, 150), w("hồi", 200, 150)], [["Điều", "1."], ["Thu", "hồi"]]),
            // The right column of a heading, at another height: a line of its own.
            ([w("UBND", 100, 100), w("CỘNG", 900, 300)], [["UBND"], ["CỘNG"]]),
            // A word with a descender ("gia") stays on the line.
            ([w("hộ", 100, 100, 60, 30), w("gia", 180, 100, 60, 40)], [["hộ", "gia"]]),
            // Blank words are left out.
            ([w(" ", 100, 100), w("Ea", 200, 100)], [["Ea"]]),
            ([], []),
        ]
        for (words, expected) in table {
            XCTAssertEqual(PDFExport.lines(words).map { $0.words.map(\.text) }, expected)
        }
    }

    func testICCProfileHeaderIsConsistent() {
        let icc = [UInt8](PDFResources.sRGBProfile)
        let size = Int(icc[0]) << 24 | Int(icc[1]) << 16 | Int(icc[2]) << 8 | Int(icc[3])
        XCTAssertEqual(size, icc.count)
        XCTAssertEqual(String(decoding: icc[36..<40], as: UTF8.self), "acsp")
        XCTAssertEqual(String(decoding: icc[12..<16], as: UTF8.self), "mntr")
        XCTAssertEqual(String(decoding: icc[16..<20], as: UTF8.self), "RGB ")
        XCTAssertEqual(icc[8], 2)   // version 2.1
        XCTAssertEqual(icc.count % 4, 0)
    }

    func testImageParsersRefuseWhatTheyCannotEmbed() {
        let table: [(Data, String)] = [
            (Data(), "empty"), (Data("not an image".utf8), "text"),
            (Data([0xFF, 0xD8, 0xFF, 0xD9, 0, 0, 0, 0, 0, 0, 0, 0]), "JPEG without frame"),
            (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 30)), "PNG without chunks"),
        ]
        for (data, name) in table {
            XCTAssertThrowsError(try PDFImage.jpeg(data), name)
            XCTAssertThrowsError(try PDFImage.png(data), name)
        }
        XCTAssertThrowsError(try PDFExport.build(pages: [], metadata: PDFMetadata(title: "x"))) { error in
            XCTAssertEqual(error as? PDFExportError, .noPages)
        }
    }

    // MARK: Files read back by poppler

    /// A 1-bit CCITT TIFF page (embedded losslessly) under hand-placed Vietnamese words: pdftotext gives
    /// the words back exactly, in order; the page has the scan's printed size; the font is embedded.
    func testHiddenTextOfHandPlacedWordsIsExtractedExactly() throws {
        try PDFTools.require("pdftotext")
        let tiff = Fixture.samples.appendingPathComponent("batch/scans/H49.64.33.2012.015/H49.64.33.2012.015.3.tif")
        guard case .image(let image) = try ScanReader().page(1, of: tiff) else { return XCTFail("no image") }
        XCTAssertEqual(image.depth, 1)
        let lines = [
            "ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC",
            "Quyết định số 1605/QĐ-UBND về việc thu hồi đất",
            "của hộ ông Nguyễn Văn Hùng tại xã Ea Kly, thửa đất số 305.",
        ]
        var words: [StoredWord] = []
        for (row, line) in lines.enumerated() {
            var x = 150
            for word in line.split(separator: " ") {
                let width = 22 * word.count
                words.append(StoredWord(text: String(word), x: x, y: 300 + 80 * row, width: width, height: 40, confidence: 95))
                x += width + 20
            }
        }
        let page = PDFPage(image: try PDFImage.encode(image), resolution: Double(image.resolution), words: words)
        var metadata = PDFMetadata(title: "Quyết định 1605/QĐ-UBND", subject: "Về việc thu hồi đất", author: "UBND huyện Krông Pắc")
        metadata.created = Date(timeIntervalSince1970: 1_750_000_000)
        let pdf = try PDFExport.build(pages: [page, page], metadata: metadata)
        let url = try PDFTools.write(pdf, "hand")

        let text = try PDFTools.run("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"])
        let pagesText = text.split(separator: "\u{0C}", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        XCTAssertEqual(pagesText.count, 2)
        for p in pagesText {
            XCTAssertEqual(p.precomposedStringWithCanonicalMapping, lines.joined(separator: "\n"))
        }

        let info = try pdfinfo(url)
        XCTAssertEqual(info["Pages"], "2")
        // 1654 × 2339 px at 200 dpi → 595.44 × 842.04 pt.
        XCTAssertEqual(info["Page size"], "595.44 x 842.04 pts (A4)")
        XCTAssertEqual(info["Title"], "Quyết định 1605/QĐ-UBND")
        XCTAssertEqual(info["Author"], "UBND huyện Krông Pắc")
        XCTAssertEqual(info["Encrypted"], "no")
        XCTAssertEqual(info["Metadata Stream"], "yes")
        let fonts = try PDFTools.run("pdffonts", [url.path])
        // name, type (2 words), encoding, emb, sub, uni, object, generation
        let font = fonts.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            .first { $0.first == "GlyphLessFont" } ?? []
        XCTAssertEqual(font.count, 9, fonts)
        if font.count == 9 {
            XCTAssertEqual(font[1...3].joined(separator: " "), "CID TrueType Identity-H")
            XCTAssertEqual(font[4], "yes", "embedded")
            XCTAssertEqual(font[6], "yes", "ToUnicode")
        }
        let images = try PDFTools.run("pdfimages", ["-list", url.path])
        XCTAssertTrue(images.contains("1654  2339  gray    1   1  image"), images)
        XCTAssertTrue(String(decoding: pdf.prefix(9), as: UTF8.self) == "%PDF-1.7\n")
        XCTAssertNotNil(pdf.range(of: Data("pdfaid:part>2<".utf8)))
    }

    /// A page that OCR had to turn to read (rotation 1–3 quarter turns): the page is shown turned
    /// (/Rotate) and the hidden text, given in the stored scan's coordinates, still reads in order.
    func testTurnedPagesAreShownUprightWithTheirTextInOrder() throws {
        try PDFTools.require("pdftotext")
        let tiff = Fixture.samples.appendingPathComponent("batch/scans/H49.64.33.2012.015/H49.64.33.2012.015.3.tif")
        guard case .image(let image) = try ScanReader().page(2, of: tiff) else { return XCTFail("no image") }
        let W = image.width, H = image.height
        let lines = ["Nơi nhận: Như Điều 3;", "Lưu: VT, TNMT, Đắk Lắk."]
        for turns in 0..<4 {
            var words: [StoredWord] = []
            for (row, line) in lines.enumerated() {
                var x = 120
                for word in line.split(separator: " ") {
                    let width = 24 * word.count
                    // The box in the upright page, then back to the stored (turned) scan.
                    let (ux, uy, uw, uh) = (x, 200 + 70 * row, width, 40)
                    let box: (Int, Int, Int, Int)
                    switch turns {
                    case 1: box = (uy, H - ux - uw, uh, uw)
                    case 2: box = (W - ux - uw, H - uy - uh, uw, uh)
                    case 3: box = (W - uy - uh, ux, uh, uw)
                    default: box = (ux, uy, uw, uh)
                    }
                    words.append(StoredWord(text: String(word), x: box.0, y: box.1, width: box.2, height: box.3, confidence: 90))
                    x += width + 25
                }
            }
            let page = PDFPage(image: try PDFImage.encode(image), resolution: Double(image.resolution), words: words,
                               rotation: turns)
            let url = try PDFTools.write(try PDFExport.build(pages: [page], metadata: PDFMetadata(title: "Trang xoay")), "turned\(turns)")
            let text = try PDFTools.run("pdftotext", ["-raw", "-enc", "UTF-8", url.path, "-"])
            XCTAssertEqual(text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping,
                           lines.joined(separator: "\n"), "turns \(turns)")
            let info = try pdfinfo(url)
            XCTAssertEqual(info["Page rot"], "\(turns * 90)")
        }
    }

    // MARK: Through the archive

    /// A recognised document exported from the catalogue: the hidden text, extracted, is the
    /// catalogue's text (same words in the same order, whitespace aside), Vietnamese accents included.
    func testExportedDocumentTextEqualsTheCatalogueText() throws {
        try PDFTools.require("pdftotext")
        let built = try Fixture.get()
        let archive = try Archive(data: built.data)
        let id = "H49.64.33.2012.015.2"
        var options = PDFExportOptions()
        options.created = Date(timeIntervalSince1970: 1_750_000_000)
        let url = try Fixture.temporaryDirectory("export").appendingPathComponent("\(id).pdf")
        try archive.exportPDF(id: id, role: .public, to: url, options: options)
        let pages = try archive.text(id: id, role: .public)
        XCTAssertEqual(pages.count, 2)
        for (i, expected) in pages.enumerated() {
            let got = try PDFTools.run("pdftotext", ["-raw", "-enc", "UTF-8", "-f", "\(i + 1)", "-l", "\(i + 1)", url.path, "-"])
            XCTAssertEqual(flat(got), flat(expected), "page \(i + 1)")
        }
        XCTAssertTrue(try PDFTools.run("pdftotext", ["-enc", "UTF-8", url.path, "-"]).contains("Krông Pắc"))
        let info = try pdfinfo(url)
        XCTAssertEqual(info["Pages"], "2")
        XCTAssertEqual(info["Title"]?.hasPrefix("Quyết định số 1605/QĐ-UBND"), true, info["Title"] ?? "")
    }

    func testExportAnswersUnknownAndForbiddenDocumentsAlike() throws {
        let built = try Fixture.get()
        let archive = try Archive(data: built.data)
        let table: [(id: String, role: Role)] = [
            ("H54.55.12.2012.031.3", .public),   // Mật
            ("H54.55.12.2012.031.3", .staff),
            ("H49.64.33.2016.003.1", .public),   // Sử dụng có điều kiện
            ("H49.64.33.9999.999.1", .secret),   // unknown
            ("../../etc/passwd", .secret),
        ]
        for (id, role) in table {
            XCTAssertThrowsError(try archive.exportPDF(id: id, role: role), "\(id) \(role)") { error in
                XCTAssertEqual((error as? HosoError)?.kind, .notFound)
                XCTAssertEqual((error as? HosoError)?.message, "Không tìm thấy tài liệu \(id)")
            }
        }
        let open = try archive.store.allDocumentIDs().filter { try archive.store.document(id: $0)?.access == .open }
        XCTAssertEqual(try archive.exportableDocumentIDs(role: .public).sorted(), open.sorted())
        XCTAssertEqual(try archive.exportableDocumentIDs(role: .secret).count, 28)
        XCTAssertEqual(try archive.exportableDocumentIDs(role: .public, fileID: "H54.55.12.2012.031").sorted(),
                       ["H54.55.12.2012.031.1", "H54.55.12.2012.031.2"])
        // A file whose every document is restricted does not exist for the public.
        XCTAssertThrowsError(try archive.exportableDocumentIDs(role: .public, fileID: "H49.64.33.2016.003"))
    }

    // MARK: Helpers

    func flat(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// pdfinfo's "Key:   value" lines as a dictionary.
    func pdfinfo(_ url: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for line in try PDFTools.run("pdfinfo", [url.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return out
    }
}
