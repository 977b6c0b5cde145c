import Foundation
import XCTest
@testable import OCR

/// Scans made to break parsers (scripts/make_hostile.py), read by ScanReader: each ends as a ScanError with a
/// Vietnamese reason, in bounded time, never a crash.
final class HostileScanReaderTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The hostile scan of `kind`, made afresh in a temporary folder.
    static func sample(_ kind: String) throws -> URL {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-hostile-\(UUID().uuidString)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [repository.appendingPathComponent("scripts/make_hostile.py").path, out.path, kind]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let folder = out.appendingPathComponent(kind)
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("hostile-") })
        return folder.appendingPathComponent(name)
    }

    /// Reads every page of `url`, expecting a ScanError whose reason contains `expected`, within `seconds`.
    func assertRefused(_ kind: String, _ expected: String, seconds: Double = 60, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = try Self.sample(kind)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent().deletingLastPathComponent()) }
        let reader = ScanReader()
        let started = Date()
        XCTAssertThrowsError(try {
            let count = try reader.pageCount(of: url)
            for n in 1...count { _ = try reader.page(n, of: url) }
        }(), kind, file: file, line: line) { error in
            let reason = (error as? ScanError)?.reason ?? "\(error)"
            XCTAssertTrue(error is ScanError, "\(kind): \(error)", file: file, line: line)
            XCTAssertTrue(reason.contains(expected), "\(kind): \(reason)", file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), seconds, kind, file: file, line: line)
    }

    func testPageTreesThatLieAboutTheirPagesAreRefused() throws {
        try assertRefused("count-millions", "PDF khai báo 5000000 trang, vượt giới hạn 10000 trang", seconds: 10)
        try assertRefused("pages-loop", "khai báo 3 trang nhưng chỉ đọc được 1 trang")
    }

    func testDamagedPDFStructureIsRefused() throws {
        try assertRefused("objstm-loop", "PDF hỏng, trang trống")
        try assertRefused("truncated", "PDF hỏng")
        try assertRefused("random-bytes", "Không đọc được ảnh")
        try assertRefused("empty", "Tệp rỗng")
    }

    /// A mixed-raster page is read from its stencil in process (poppler-glib): a stencil claiming a huge size is
    /// refused before it is decoded, a garbled one leaves a blank foreground, and the page rendered whole is refused
    /// with poppler's complaint.
    func testBadStencilsOfAMixedRasterPageAreRefused() throws {
        try assertRefused("stencil-huge", "Ảnh quá lớn: 100000 × 100000", seconds: 20)
        try assertRefused("stencil-jbig2", "PDF hỏng, trang trống")
    }

    func testHugeDimensionsAreRefusedBeforeDecoding() throws {
        try assertRefused("huge-image", "Ảnh quá lớn: 100000 × 100000", seconds: 20)
        try assertRefused("huge-page", "Ảnh quá lớn: 100000000 × 100000000")
        try assertRefused("png-huge", "Ảnh quá lớn: 100000 × 100000")
        try assertRefused("jpeg-huge", "Ảnh quá lớn: 65500 × 65500")
    }

    func testGarbledImageStreamsAreRefused() throws {
        try assertRefused("jbig2", "không giải mã được")
        try assertRefused("jpx", "không giải mã được")
    }

    func testATIFFWhoseDirectoriesLoopIsRefused() throws {
        try assertRefused("tiff-loop", "vòng lại", seconds: 5)
    }

    /// The IFD walk itself: a chain that ends, one that loops to itself, one that points past the file.
    func testTIFFDirectoryWalk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-tiff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Header, then IFDs of one entry each at 8, 26, 44 (2 + 12 + 4 bytes); `next` gives each one's successor.
        func tiff(_ next: [UInt32]) throws -> URL {
            var bytes: [UInt8] = [0x49, 0x49, 42, 0, 8, 0, 0, 0]
            for n in next {
                bytes += [1, 0] + [0, 1, 3, 0, 1, 0, 0, 0, 8, 0, 0, 0]
                bytes += withUnsafeBytes(of: n.littleEndian, Array.init)
            }
            let url = dir.appendingPathComponent("\(next.map(String.init).joined(separator: "-")).tif")
            try Data(bytes).write(to: url)
            return url
        }
        XCTAssertEqual(try TIFFPages.count(try tiff([26, 44, 0]), file: "t"), 3)
        XCTAssertThrowsError(try TIFFPages.count(try tiff([26, 8]), file: "t")) {
            XCTAssertTrue(($0 as? ScanError)?.reason.contains("vòng lại") == true, "\($0)")
        }
        XCTAssertThrowsError(try TIFFPages.count(try tiff([9000]), file: "t")) {
            XCTAssertTrue(($0 as? ScanError)?.reason.contains("ngoài tệp") == true, "\($0)")
        }
    }

    /// A Tesseract failure forced inside recognition (HOSO_TESS_TEST_THROW) comes back as an error of that page.
    func testAFailureForcedInsideRecognitionIsAnErrorValue() throws {
        let url = try Self.sample("tess-throw")
        let engine = try TesseractEngine(language: "vie")
        let image = try PageImage(contentsOf: url)
        setenv("HOSO_TESS_TEST_THROW", "1", 1)
        defer { unsetenv("HOSO_TESS_TEST_THROW") }
        XCTAssertThrowsError(try engine.recognize(image)) { error in
            XCTAssertTrue("\(error)".contains("forced exception"), "\(error)")
        }
        unsetenv("HOSO_TESS_TEST_THROW")
        // The same engine goes on with the next page.
        XCTAssertNoThrow(try engine.recognize(image))
    }
}
