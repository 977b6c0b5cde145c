import Access
import Catalogue
import Foundation
import OCR
import XCTest
@testable import DataFolder
@testable import Export
@testable import Search

/// Bản đọc, bản sao (TT 05/2025, Điều 37, 40–42) read back by poppler: `BẢN SAO` at the top right of the
/// first page only, the archive's name at the bottom centre of every page, the text layer kept; the
/// role checks and the audit line of every copy.
final class CopyTests: XCTestCase {
    static let archiveName = "Trung tâm Lưu trữ lịch sử tỉnh Đắk Lắk"

    /// A word pdftotext found, in points from the page's top left.
    struct Word { var text: String; var xMin, yMin, xMax, yMax: Double }
    struct Page { var width, height: Double; var words: [Word] }

    static func settings() -> CopySettings {
        var s = CopySettings(archiveName: Self.archiveName)
        s.export.created = Date(timeIntervalSince1970: 1_750_000_000)
        return s
    }

    static func staff() -> Caller { Caller(name: "quầy một cửa số 1", role: .staff, remote: "local") }

    static func request(_ item: String, _ kind: CopyKind) -> CopyRequest {
        CopyRequest(fullName: "Nguyễn Văn Hùng", citizenID: "066079001234", address: "thôn 3, xã Ea Kly, huyện Krông Pắc",
                    purpose: "Làm thủ tục cấp giấy chứng nhận quyền sử dụng đất", item: item, kind: kind, date: "03/12/2026")
    }

    // MARK: Marks

    /// A page built by hand: the marks where TT 05 puts them, in the embedded Liberation Serif, size 10.
    func testMarksOfABanSaoOnHandBuiltPages() throws {
        try PDFTools.require("pdftotext")
        let font = try TrueTypeFont.load()
        let tiff = Fixture.samples.appendingPathComponent("batch/scans/H49.64.33.2012.015/H49.64.33.2012.015.3.tif")
        guard case .image(let image) = try ScanReader().page(1, of: tiff) else { return XCTFail("no image") }
        let hidden = [StoredWord(text: "Quyết", x: 150, y: 300, width: 110, height: 40, confidence: 95),
                      StoredWord(text: "định", x: 280, y: 300, width: 90, height: 40, confidence: 95)]
        var first = PDFPage(image: try PDFImage.encode(image), resolution: Double(image.resolution), words: hidden)
        var second = first
        first.marks = [PDFMark(Self.archiveName, at: .bottomCentre), PDFMark("BẢN SAO", at: .topRight)]
        second.marks = [PDFMark(Self.archiveName, at: .bottomCentre)]
        let pdf = try PDFExport.build(pages: [first, second], metadata: PDFMetadata(title: "Bản sao"), markFont: font)
        let url = try PDFTools.write(pdf, "marks")
        let pages = try PDFTools.words(url)
        XCTAssertEqual(pages.count, 2)
        try Self.assertMarks(pages, copy: true)
        for page in pages {
            XCTAssertEqual(page.words.filter { ["Quyết", "định"].contains($0.text) }.count, 2, "the hidden text is kept")
        }
        XCTAssertThrowsError(try PDFExport.build(pages: [first], metadata: PDFMetadata(title: "x"))) { error in
            XCTAssertEqual(error as? PDFExportError, .noMarkFont)
        }
        let fonts = try PDFTools.run("pdffonts", [url.path])
        let row = fonts.split(separator: "\n").first { $0.contains("LiberationSerif") }.map { $0.split(separator: " ") } ?? []
        XCTAssertEqual(row.count, 9, fonts)
        if row.count == 9 {
            XCTAssertEqual(row[1...3].joined(separator: " "), "CID TrueType Identity-H")
            XCTAssertEqual(row[4], "yes", "embedded")
            XCTAssertEqual(row[6], "yes", "ToUnicode")
        }
        // The marks are painted (render mode 0, black): over the same scan, the top right corner of page 1
        // is darker than page 2's by the letters of BẢN SAO.
        let corner1 = try PDFTools.darkPixels(url, page: 1, width: pages[0].width)
        let corner2 = try PDFTools.darkPixels(url, page: 2, width: pages[1].width)
        XCTAssertGreaterThan(corner1, corner2 + 50, "BẢN SAO is visible")
    }

    func testFontGivesEveryVietnameseLetterAndRefusesWhatItLacks() throws {
        let font = try TrueTypeFont.load()
        let letters = "ĂÂĐÊÔƠƯăâđêôơư ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ ệ ữ ỹ"
        XCTAssertEqual(try font.glyphs(letters).count, letters.unicodeScalars.count)
        XCTAssertFalse(try font.glyphs(letters).contains(0))
        // NFD input is printed as NFC.
        XCTAssertEqual(try font.glyphs("Lu\u{031B}u tru\u{031B}\u{0303}"), try font.glyphs("Lưu trữ"))
        XCTAssertGreaterThan(font.width(try font.glyphs("B")[0]), 500)
        XCTAssertThrowsError(try font.glyphs("档案"))
        XCTAssertThrowsError(try TrueTypeFont(data: Data("not a font".utf8), name: "x"))
    }

    // MARK: Through the archive

    func testBanSaoOfADocumentFromTheCatalogue() throws {
        try PDFTools.require("pdftotext")
        let archive = try Archive(data: Fixture.get().data)
        let id = "H49.64.33.2012.015.2"
        let copy = try archive.userCopy(Self.request(id, .copy), by: Self.staff(), settings: Self.settings())
        XCTAssertEqual(copy.documentIDs, [id])
        XCTAssertEqual(copy.fileName, "\(id).ban-sao.pdf")
        let url = try PDFTools.write(copy.pdf, "ban-sao")
        let pages = try PDFTools.words(url)
        XCTAssertEqual(pages.count, 2)
        try Self.assertMarks(pages, copy: true)
        // The text layer is the catalogue's text, the marks aside.
        let texts = try archive.text(id: id, role: .staff)
        for (i, expected) in texts.enumerated() {
            let got = try PDFTools.run("pdftotext", ["-raw", "-enc", "UTF-8", "-f", "\(i + 1)", "-l", "\(i + 1)", url.path, "-"])
            XCTAssertTrue(flat(got).contains(flat(expected)), "page \(i + 1) keeps its text layer")
        }
        let info = try PDFTools.run("pdfinfo", [url.path])
        XCTAssertTrue(info.contains("Bản sao không xác thực"), info)
    }

    func testBanDocOfAWholeHoSoHasTheNameOnEveryPageAndNoBanSao() throws {
        try PDFTools.require("pdftotext")
        let archive = try Archive(data: Fixture.get().data)
        let file = "H49.64.33.2012.015"
        let copy = try archive.userCopy(Self.request(file, .reading), by: Self.staff(), settings: Self.settings())
        let expectedIDs = try archive.exportableDocumentIDs(role: .staff, fileID: file)
        XCTAssertEqual(copy.documentIDs, expectedIDs)
        XCTAssertGreaterThan(expectedIDs.count, 1)
        let pageCount = try expectedIDs.reduce(0) { $0 + (try archive.store.pages(documentID: $1).count) }
        let pages = try PDFTools.words(try PDFTools.write(copy.pdf, "ban-doc"))
        XCTAssertEqual(pages.count, pageCount)
        try Self.assertMarks(pages, copy: false)
    }

    func testRolesThatMayNotCopyAreRefusedAndHiddenDocumentsDoNotExist() throws {
        let archive = try Archive(data: Fixture.get().data)
        XCTAssertThrowsError(try archive.userCopy(Self.request("H49.64.33.2012.015.2", .copy), by: .anonymous(), settings: Self.settings())) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .usage)
            XCTAssertEqual((error as? HosoError)?.message, "Vai trò public không được cấp bản sao; cần vai trò staff hoặc secret")
        }
        for id in ["H54.55.12.2012.031.3", "H49.64.33.9999.999.1", "H49.64.33.9999.999", "../../etc/passwd"] {
            for kind in CopyKind.allCases where kind != .certified {
                XCTAssertThrowsError(try archive.userCopy(Self.request(id, kind), by: Self.staff(), settings: Self.settings()), id) { error in
                    XCTAssertEqual(error as? HosoError, HosoError.documentNotFound(id))
                }
            }
            XCTAssertThrowsError(try archive.dip(Self.request(id, .copy), by: Self.staff(), settings: Self.settings())) { error in
                XCTAssertEqual(error as? HosoError, HosoError.documentNotFound(id))
            }
        }
        // A Mật document exists for a secret role.
        let secret = Caller(name: "lưu trữ viên", role: .secret, remote: "local")
        XCTAssertEqual(try archive.userCopy(Self.request("H54.55.12.2012.031.3", .copy), by: secret, settings: Self.settings()).documentIDs,
                       ["H54.55.12.2012.031.3"])
        // A request must name the person it is for.
        var nameless = Self.request("H49.64.33.2012.015.2", .copy)
        nameless.fullName = ""
        XCTAssertThrowsError(try archive.userCopy(nameless, by: Self.staff(), settings: Self.settings())) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .usage)
        }
    }

    func testEveryCopyIsAuditedEvenOfCongKhaiDocuments() throws {
        let archive = try Archive(data: Fixture.get().data)
        let id = "H49.64.33.2012.015.2"
        XCTAssertEqual(try archive.store.document(id: id)?.access, .open)
        let caller = Caller(name: "quầy kiểm tra nhật ký \(UUID().uuidString.prefix(8))", role: .staff, remote: "local")
        _ = try archive.userCopy(Self.request(id, .reading), by: caller, settings: Self.settings())
        _ = try archive.userCopy(Self.request(id, .copy), by: caller, settings: Self.settings())
        let lines = try archive.store.audit(from: nil, to: nil, token: caller.name).filter { $0.action == AuditAction.copy.rawValue }
        XCTAssertEqual(lines.map(\.target).sorted(), [
            "\(id) | bản sao không xác thực | cho: Nguyễn Văn Hùng, CCCD 066079001234 | Làm thủ tục cấp giấy chứng nhận quyền sử dụng đất",
            "\(id) | bản đọc | cho: Nguyễn Văn Hùng, CCCD 066079001234 | Làm thủ tục cấp giấy chứng nhận quyền sử dụng đất",
        ])
        XCTAssertEqual(Set(lines.map(\.role)), [.staff])
        // A refused copy leaves no copy line.
        _ = try? archive.userCopy(Self.request(id, .copy), by: Caller(name: caller.name, role: .public, remote: "local"), settings: Self.settings())
        XCTAssertEqual(try archive.store.audit(from: nil, to: nil, token: caller.name).filter { $0.action == "copy" }.count, 2)
    }

    /// The signing hook: without a command a certified copy is refused; with one, its output is the copy.
    func testCertifiedCopyIsSignedByTheOperatorsCommand() throws {
        let archive = try Archive(data: Fixture.get().data)
        let id = "H49.64.33.2012.015.2"
        XCTAssertThrowsError(try archive.userCopy(Self.request(id, .certified), by: Self.staff(), settings: Self.settings())) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .unavailable)
        }
        let script = try Fixture.temporaryDirectory("sign").appendingPathComponent("ky-so.sh")
        try "#!/bin/sh\ncp \"$1\" \"$2\" && printf '%%%% chu ky thu nghiem\\n' >> \"$2\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var signing = Self.settings()
        signing.signCommand = [script.path]
        let signed = try archive.userCopy(Self.request(id, .certified), by: Self.staff(), settings: signing)
        XCTAssertTrue(String(decoding: signed.pdf.suffix(40), as: UTF8.self).hasSuffix("%% chu ky thu nghiem\n"))
        XCTAssertTrue(try PDFTools.run("pdfinfo", [PDFTools.write(signed.pdf, "ky-so").path]).contains("Pages:"))
        signing.signCommand = ["/bin/false"]
        XCTAssertThrowsError(try archive.userCopy(Self.request(id, .certified), by: Self.staff(), settings: signing))
    }

    // MARK: Helpers

    /// `BẢN SAO` at the top right of page 1 and nowhere else; the archive's name, centred, at the bottom of
    /// every page.
    static func assertMarks(_ pages: [Page], copy: Bool, name: String = CopyTests.archiveName,
                     file: StaticString = #filePath, line: UInt = #line) throws {
        for (i, page) in pages.enumerated() {
            let top = page.words.filter { $0.yMax < 80 && ["BẢN", "SAO"].contains($0.text) }
            if copy && i == 0 {
                XCTAssertEqual(top.map(\.text), ["BẢN", "SAO"], "BẢN SAO on page 1", file: file, line: line)
                let right = top.map(\.xMax).max() ?? 0
                XCTAssertEqual(right, page.width - PDFMark.margin, accuracy: 2, "at the right margin", file: file, line: line)
                XCTAssertLessThan(top.map(\.yMin).min() ?? 0, PDFMark.margin + 4, "at the top margin", file: file, line: line)
                XCTAssertEqual((top.first?.yMax ?? 0) - (top.first?.yMin ?? 0), 10 * 1.15, accuracy: 2, "size 10", file: file, line: line)
            } else {
                XCTAssertTrue(top.isEmpty, "no BẢN SAO on page \(i + 1)", file: file, line: line)
            }
            let bottom = page.words.filter { $0.yMin > page.height - 60 }
            XCTAssertEqual(bottom.map(\.text).joined(separator: " "), name, "page \(i + 1)", file: file, line: line)
            let left = bottom.map(\.xMin).min() ?? 0, right = bottom.map(\.xMax).max() ?? 0
            XCTAssertEqual((left + right) / 2, page.width / 2, accuracy: 2, "centred on page \(i + 1)", file: file, line: line)
            XCTAssertGreaterThan(bottom.map(\.yMax).max() ?? 0, page.height - PDFMark.margin - 4, file: file, line: line)
        }
    }

    func flat(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
