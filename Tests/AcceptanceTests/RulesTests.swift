@testable import Acceptance
import Catalogue
import Foundation
import OCR
import Syllables
import VietText
import XCTest

/// The rules one by one, by table: file names, ordinal gaps, the XMP identification, drawings, page measures.
final class RulesTests: XCTestCase {
    func testFileNamesOfDocuments() {
        let d = Document(fileID: "H49.64.33.2012.015", ordinal: 3, path: "x", access: .open)
        let table: [(String, Bool, Bool)] = [
            ("H49.64.33.2012.015.3.pdf", false, true),
            ("H49.64.33.2012.015.003.pdf", false, true),
            ("h49.64.33.2012.015.3.PDF", false, true),
            ("H49.64.33.2012.015.3", true, true),
            ("H49.64.33.2012.015.4.pdf", false, false),
            ("H49.64.33.2012.015.pdf", false, false),
            ("H49.64.33.2012.015.3a.pdf", false, false),
            ("H49.64.33.2012.0153.pdf", false, false),
            ("scan_003.pdf", false, false),
            ("H49.64.33.2012.015.3.pdf", true, false),   // a folder named like a file
        ]
        for (name, folder, ok) in table {
            XCTAssertEqual(DocumentRules.namedAsDocument(name, d, isFolder: folder), ok, name)
        }
    }

    func testOrdinalGapsAreNamedAsRanges() {
        XCTAssertEqual(FileRules.ranges([3]), "3")
        XCTAssertEqual(FileRules.ranges([3, 5]), "3, 5")
        XCTAssertEqual(FileRules.ranges([3, 4, 5, 6, 9]), "3–6, 9")
    }

    func testAHoSoWithAGapADuplicateCountAndItsTotals() {
        var file = ArchiveFile(id: "H1.2020.001", title: "Hồ sơ", fonds: "UBND huyện Tuy An", access: .open)
        for (column, value) in [(Column.fileTitle, "Hồ sơ"), (Column.fonds, "UBND huyện Tuy An"), (Column.retention, "01"),
                                (Column.access, "01"), (Column.language, "01"), (Column.startDate, "2020"),
                                (Column.endDate, "2020"), (Column.documentCount, "5"), (Column.pageCount, "9"),
                                (Column.physicalState, "01"), (Column.reliability, "02")] {
            file.fields[column] = value
        }
        let findings = FileRules.check(file, pagesByOrdinal: [1: 2, 2: 1, 4: 3])
        XCTAssertEqual(findings.map(\.requirement.rawValue), [Requirement.order, .completeness, .completeness].map(\.rawValue))
        XCTAssertEqual(findings.map(\.message), [
            "thiếu tài liệu số thứ tự 3, 5 (có 3 tài liệu, số thứ tự đến 5)",
            "Tổng số tài liệu ghi 5, giao 3 tài liệu",
            "Số lượng trang của hồ sơ ghi 9, các tệp có 6 trang",
        ])
        file.fields[Column.language] = nil
        file.fields[Column.pageCount] = nil
        file.fields[Column.documentCount] = "3"
        let second = FileRules.check(file, pagesByOrdinal: [1: 2, 2: 1, 3: 3])
        XCTAssertEqual(second.map(\.message), ["thiếu trường bắt buộc: Ngôn ngữ, Số lượng tờ hoặc Số lượng trang"])
        file.fields[Column.language] = "01"
        file.fields[Column.sheetCount] = "2"
        XCTAssertEqual(FileRules.check(file, pagesByOrdinal: [1: 2, 2: 1, 3: 3]).map(\.message),
                       ["Số lượng tờ ghi 2, các tệp có 6 trang (một tờ có 1 hoặc 2 trang)"])
        file.fields[Column.sheetCount] = "4"
        XCTAssertEqual(FileRules.check(file, pagesByOrdinal: [1: 2, 2: 1, 3: 3]).map(\.message), [])
    }

    func testPDFAIdentificationFromXMP() {
        let table: [(String, String?, String?)] = [
            (#"<rdf:Description xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/>"#, "2", "B"),
            ("<rdf:Description><pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance></rdf:Description>", "1", "A"),
            ("<rdf:Description pdfaid:part='3' pdfaid:conformance='U'/>", "3", "U"),
            (#"<rdf:Description xmlns:pdf="http://ns.adobe.com/pdf/1.3/" pdf:Producer="x"/>"#, nil, nil),
            ("", nil, nil),
        ]
        for (xmp, part, conformance) in table {
            XCTAssertEqual(ScanInspector.xmpValue("part", in: xmp), part, xmp)
            XCTAssertEqual(ScanInspector.xmpValue("conformance", in: xmp), conformance, xmp)
        }
    }

    func testMapsAndDrawingsNeed300DPI() {
        func document(_ type: String?, kind: String? = nil) -> Document {
            var d = Document(fileID: "H1", ordinal: 1, path: "x", type: type, access: .open)
            if let type { d.fields[Column.type] = type }
            if let kind { d.extra["Loại tài liệu"] = kind }
            return d
        }
        XCTAssertTrue(DocumentRules.isDrawing(document("Bản đồ")))
        XCTAssertTrue(DocumentRules.isDrawing(document("Bản vẽ thiết kế")))
        XCTAssertTrue(DocumentRules.isDrawing(document("Sơ đồ")))
        XCTAssertTrue(DocumentRules.isDrawing(document(nil, kind: "Bản đồ địa chính")))
        XCTAssertFalse(DocumentRules.isDrawing(document("Quyết định")))
        XCTAssertFalse(DocumentRules.isDrawing(document("Biên bản", kind: "Tài liệu chuyên môn")))
    }
}

/// Page measures on rasters made here: paper, print, grey, a page and itself moved, two different pages.
final class PageMeasuresTests: XCTestCase {
    /// A 120 × 170 page of tinted paper (or grey), with dark "lines of text" where `lines` says, all moved by
    /// `shift` pixels right and down.
    static func page(tint: Bool = true, lines: [(row: Int, from: Int, to: Int)] = [], shift: Int = 0) -> PixelSample {
        let w = 120, h = 170
        var rgb = [UInt8](repeating: 0, count: w * h * 3)
        for y in 0..<h {
            for x in 0..<w {
                let i = 3 * (y * w + x)
                let paper: (UInt8, UInt8, UInt8) = tint ? (240, 233, 214) : (232, 232, 232)
                var p = paper
                for line in lines where (line.row + shift..<line.row + shift + 3).contains(y)
                    && (line.from + shift..<line.to + shift).contains(x) && (x / 4) % 3 != 2 {
                    p = tint ? (40, 38, 42) : (40, 40, 40)
                }
                rgb[i] = p.0; rgb[i + 1] = p.1; rgb[i + 2] = p.2
            }
        }
        return PixelSample(width: w, height: h, rgb: rgb)
    }

    static let text = (0..<12).map { (row: 20 + 11 * $0, from: 12, to: $0 % 4 == 3 ? 70 : 108) }
    static let other = (0..<9).map { (row: 26 + 14 * $0, from: $0 % 2 == 0 ? 30 : 12, to: 100 - 5 * $0) }

    func testAPageOfPaperIsBlankAndAPageOfTextIsNot() {
        XCTAssertTrue(PageMeasures(Self.page()).isBlank)
        XCTAssertFalse(PageMeasures(Self.page(lines: Self.text)).isBlank)
        // one short line (a page number) is still ink
        XCTAssertFalse(PageMeasures(Self.page(lines: [(row: 160, from: 55, to: 65)])).isBlank)
    }

    func testAGreyPageHasNoColour() {
        XCTAssertTrue(PageMeasures(Self.page(lines: Self.text)).hasColour)
        XCTAssertFalse(PageMeasures(Self.page(tint: false, lines: Self.text)).hasColour)
    }

    func testAPageScannedTwiceIsSimilarAndTwoPagesAreNot() {
        let a = PageMeasures(Self.page(lines: Self.text))
        XCTAssertEqual(a.similarity(to: a), 1, accuracy: 0.001)
        XCTAssertGreaterThanOrEqual(a.similarity(to: PageMeasures(Self.page(lines: Self.text, shift: 5))), PageMeasures.doubledFrom)
        XCTAssertLessThan(a.similarity(to: PageMeasures(Self.page(lines: Self.other))), PageMeasures.doubledFrom)
        XCTAssertEqual(a.similarity(to: PageMeasures(Self.page())), 0)   // a uniform page has no fingerprint
    }
}

/// Legibility where it is measured: a poor layer, and Tesseract's confidence on a page recognised to judge it.
final class LegibilityTests: XCTestCase {
    static let document = Document(fileID: "H1.2020.001", ordinal: 1, path: "H1.2020.001.1.pdf", access: .open)

    static func facts(layer: TextLayerQuality?, confidence: Double?) -> ScanFacts {
        let ink = PageMeasures(inkShare: 0.1, meanChroma: 20, fingerprint: [])
        return ScanFacts(format: .pdf, pdfaPart: "2", pdfaConformance: "B", pages: [
            ScanFacts.Page(number: 1, widthPoints: 595, heightPoints: 842, ppi: 300, bitsPerPixel: 24, measures: ink,
                           layer: layer, ocrConfidence: confidence),
        ])
    }

    func review(_ facts: ScanFacts) -> [String] {
        DocumentRules.check(Self.document, facts: facts, path: "H1.2020.001.1.pdf")
            .filter { $0.requirement == .legibility }.map { "\($0.kind.rawValue): \($0.message)" }
    }

    func testAPoorLayerOrALowConfidenceIsForAPersonsLook() {
        let good = TextLayerQuality(words: 300, malformed: 2), poor = TextLayerQuality(words: 300, malformed: 30)
        XCTAssertEqual(review(Self.facts(layer: good, confidence: nil)), [])
        XCTAssertEqual(review(Self.facts(layer: poor, confidence: nil)),
                       ["review: lớp chữ kém: 30/300 từ không đúng dạng tiếng Việt (điểm 0,900); cần người xem trang có đọc được không"])
        // recognised again and read well: the page is legible, its layer merely poor
        XCTAssertEqual(review(Self.facts(layer: poor, confidence: 88)), [])
        XCTAssertEqual(review(Self.facts(layer: nil, confidence: 54.4)),
                       ["review: nhận dạng thử: độ tin cậy 54/100, dưới 70; chữ có thể mờ, cần người xem trang có đọc được không"])
        XCTAssertEqual(review(Self.facts(layer: nil, confidence: 91)), [])
    }

    /// A real page recognised by Tesseract: the sample batch's one-page image-only PDF.
    func testAPageWithoutALayerIsRecognisedToMeasureIt() throws {
        let scan = SampleDeliveryTests.samples.deletingLastPathComponent()
            .appendingPathComponent("batch/scans/H49.64.33.2016.003/H49.64.33.2016.003.1.pdf")
        let facts = try ScanInspector(engine: TesseractEngine()).inspect(scan, reportedAs: "H49.64.33.2016.003.1.pdf")
        XCTAssertEqual(facts.pages.count, 1)
        XCTAssertNil(facts.pages[0].layer)
        let confidence = try XCTUnwrap(facts.pages[0].ocrConfidence)
        XCTAssertGreaterThan(confidence, 70)
        XCTAssertNil(try ScanInspector().inspect(scan, reportedAs: "x").pages[0].ocrConfidence)
    }
}
