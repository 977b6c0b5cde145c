import Catalogue
import Foundation
import OCR
import XCTest
@testable import Export

/// The marks' font embedded as a subset: poppler reads it as one (`pdffonts`), the marks' text comes back
/// (`pdftotext`), the pages render exactly as with the whole font embedded, and the file is a fraction of it.
final class FontSubsetTests: XCTestCase {
    /// Every Vietnamese letter, capital and small: most are composite glyphs (a base and its marks).
    static let letters = "ĂÂĐÊÔƠƯăâđêôơư ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"

    /// A copy's page with the marks of a bản sao and a line of every letter, its font whole or cut down.
    static func copy(wholeFont: Bool) throws -> Data {
        var font = try TrueTypeFont.load()
        font.embedsWholeFile = wholeFont
        let tiff = Fixture.samples.appendingPathComponent("batch/scans/H49.64.33.2012.015/H49.64.33.2012.015.3.tif")
        guard case .image(let image) = try ScanReader().page(1, of: tiff) else { throw XCTSkip("no image") }
        var page = PDFPage(image: try PDFImage.encode(image), resolution: Double(image.resolution), words: [])
        page.marks = [PDFMark(CopyTests.archiveName, at: .bottomCentre), PDFMark("BẢN SAO", at: .topRight),
                      PDFMark(letters, at: .topRight, size: 7)]
        return try PDFExport.build(pages: [page], metadata: PDFMetadata(title: "Bản sao"), markFont: font)
    }

    /// The uncompressed length (`/Length1`) of the embedded TrueType file of the marks.
    static func embeddedLength(_ pdf: Data) throws -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        let lengths = text.matches(of: #/\/Length1 (\d+)/#).compactMap { Int($0.output.1) }
        return try XCTUnwrap(lengths.max())
    }

    func testTheMarksFontIsASubsetThatReadsAndRendersAsTheWholeFont() throws {
        try PDFTools.require("pdftotext")
        try PDFTools.require("pdftoppm")
        let whole = try Self.copy(wholeFont: true), cut = try Self.copy(wholeFont: false)
        let wholeURL = try PDFTools.write(whole, "font-whole"), cutURL = try PDFTools.write(cut, "font-subset")
        print("copy with the whole font: \(whole.count) bytes; with the subset: \(cut.count) bytes")

        let fonts = try PDFTools.run("pdffonts", [cutURL.path])
        let row = fonts.split(separator: "\n").first { $0.contains("LiberationSerif") }.map { $0.split(separator: " ") } ?? []
        XCTAssertEqual(row.count, 9, fonts)
        if row.count == 9 {
            XCTAssertTrue(row[0].wholeMatch(of: #/[A-Z]{6}\+LiberationSerif-Regular/#) != nil, fonts)
            XCTAssertEqual(row[4...6].joined(separator: " "), "yes yes yes", "embedded, a subset, ToUnicode")
        }
        XCTAssertLessThan(try Self.embeddedLength(cut) * 5, try Self.embeddedLength(whole), "a fraction of the font file")
        XCTAssertLessThan(cut.count, whole.count)

        let text = try PDFTools.run("pdftotext", [cutURL.path, "-"]).precomposedStringWithCanonicalMapping
        for line in ["BẢN SAO", CopyTests.archiveName, Self.letters] { XCTAssertTrue(text.contains(line), "\(line) in \(text)") }
        XCTAssertEqual(text, try PDFTools.run("pdftotext", [wholeURL.path, "-"]).precomposedStringWithCanonicalMapping)

        // Rendered at 150 dpi, the two files are the same pixels: every glyph printed (composites' parts too) is there.
        var renders: [Data] = []
        for url in [wholeURL, cutURL] {
            let root = try Fixture.temporaryDirectory("pdf").appendingPathComponent("render")
            _ = try PDFTools.run("pdftoppm", ["-r", "150", "-gray", "-singlefile", url.path, root.path])
            renders.append(try Data(contentsOf: root.appendingPathExtension("pgm")))
        }
        XCTAssertGreaterThan(renders[0].count, 1_000_000)
        XCTAssertTrue(renders[0] == renders[1], "the subset renders as the whole font")
    }

    func testTheSubsetIsAFontHosoReadsWithTheSameGlyphsAndWidths() throws {
        let font = try TrueTypeFont.load()
        let used = try font.glyphs(Self.letters + CopyTests.archiveName)
        let cut = try TrueTypeFont(data: FontSubset.subset(font.data, keeping: Set(used)), name: "subset")
        XCTAssertEqual(try cut.glyphs(Self.letters), try font.glyphs(Self.letters))
        XCTAssertEqual(cut.advances, font.advances)
        XCTAssertEqual(cut.unitsPerEm, font.unitsPerEm)
        XCTAssertLessThan(cut.data.count * 5, font.data.count)
        XCTAssertEqual(try FontSubset.subset(cut.data, keeping: Set(used)), cut.data, "cutting again changes nothing")
    }
}
