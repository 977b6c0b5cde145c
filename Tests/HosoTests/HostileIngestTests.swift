import Catalogue
import Foundation
import XCTest
@testable import DataFolder
@testable import Ingest
@testable import OCR

/// Hostile scans through `hoso ingest` (scripts/make_hostile.py): each batch holds one hostile scan and one good
/// PDF; the hostile one is skipped with its reason, the good one goes in. A crash or a hang inside poppler
/// (forced by the bridge's test hook) stops one run at most: the next reads the file in a child and skips it.
final class HostileIngestTests: XCTestCase {
    /// The batch of `kind` in a new temporary folder.
    static func batch(_ kind: String) throws -> URL {
        let out = try Fixture.temporaryDirectory("hostile-\(kind)")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        p.arguments = [Fixture.repository.appendingPathComponent("scripts/make_hostile.py").path, out.path, kind]
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return out.appendingPathComponent(kind)
    }

    /// `hoso ingest --json` with `environment` added; its exit code, summary (nil when it printed none) and stderr.
    func ingest(_ batch: URL, _ data: URL, environment: [String: String] = [:]) throws -> (code: Int32, summary: [String: Any]?, err: String) {
        for (k, v) in environment { setenv(k, v, 1) }
        defer { for k in environment.keys { unsetenv(k) } }
        // Killed after five minutes: a regression that loops must fail the test, not hang the suite.
        let r = try Fixture.hoso(["ingest", batch.path, "--data", data.path, "--json"], killAfter: 300)
        let last = r.out.split(separator: "\n").last.map(String.init) ?? ""
        let summary = (try? JSONSerialization.jsonObject(with: Data(last.utf8))) as? [String: Any]
        return (r.code, summary, r.err)
    }

    func skipped(_ summary: [String: Any]?) -> [(place: String, reason: String)] {
        ((summary?["skipped"] as? [[String: Any]]) ?? []).map { ($0["place"] as? String ?? "", $0["reason"] as? String ?? "") }
    }

    /// Exit 1, the hostile document skipped with a reason containing `expected`, the good one in.
    func assertSkipped(_ r: (code: Int32, summary: [String: Any]?, err: String), _ expected: String,
                       file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.code, 1, r.err, file: file, line: line)
        let hostile = skipped(r.summary).filter { $0.place.hasPrefix("HOSTILE.1") }
        XCTAssertEqual(hostile.count, 1, "\(skipped(r.summary)) \(r.err)", file: file, line: line)
        XCTAssertTrue(hostile.first?.reason.contains(expected) == true, "\(hostile)", file: file, line: line)
        XCTAssertEqual(r.summary?["documents"] as? Int, 1, "GOOD.1 phải vào", file: file, line: line)
    }

    func testEachHostileKindIsASkippedScan() throws {
        let kinds: [(String, String)] = [
            ("pages-loop", "chỉ đọc được"), ("count-millions", "vượt giới hạn 10000 trang"), ("huge-image", "Ảnh quá lớn"),
            ("jbig2", "không giải mã được"), ("tiff-loop", "vòng lại"), ("png-huge", "Ảnh quá lớn"),
            ("empty", "Tệp rỗng"), ("random-bytes", "Không đọc được ảnh"), ("objstm-loop", "PDF hỏng"),
        ]
        for (kind, expected) in kinds {
            let data = try Fixture.temporaryDirectory("hostile-data-\(kind)")
            assertSkipped(try ingest(try Self.batch(kind), data), expected)
        }
    }

    func testATesseractFailureInsideRecognitionCostsOnlyItsPage() throws {
        let data = try Fixture.temporaryDirectory("hostile-data-tess")
        assertSkipped(try ingest(try Self.batch("tess-throw"), data, environment: ["HOSO_TESS_TEST_THROW": "1"]),
                      "lỗi bên trong Tesseract")
    }

    /// poppler aborts on the file: the run dies once; the next reads it in a child, which dies in its place,
    /// and skips it; the one after that skips it again without reading it.
    func testAFileThatCrashesPopplerStopsOneRunOnly() throws {
        let batch = try Self.batch("jpx")
        let data = try Fixture.temporaryDirectory("hostile-data-crash")
        let fault = ["HOSO_POPPLER_TEST_FAULT": "crash:hostile-jpx.pdf"]
        let first = try ingest(batch, data, environment: fault)
        XCTAssertNil(first.summary, "lần đầu phải dừng đột ngột: \(first.err)")
        XCTAssertNotEqual(first.code, 0)
        // The file being read when the run died is marked (beside, perhaps, a good file read just before: its mark
        // is kept while the run reads on, and the next run finds it fine).
        let reading = data.appendingPathComponent("reading")
        let marks = try FileManager.default.contentsOfDirectory(atPath: reading.path)
            .compactMap { try? String(contentsOf: reading.appendingPathComponent($0), encoding: .utf8) }
        XCTAssertEqual(marks.filter { $0.contains("hostile-jpx.pdf") }.count, 1, "\(marks)")
        let second = try ingest(batch, data, environment: fault)
        assertSkipped(second, "làm dừng tiến trình ở lần đọc trước")
        XCTAssertTrue(skipped(second.summary).first?.reason.contains("tín hiệu 6") == true, "\(skipped(second.summary))")
        assertSkipped(try ingest(batch, data, environment: fault), "làm dừng tiến trình ở lần đọc trước")
    }

    /// poppler never returns: the watchdog ends the run; the next reads the file in a child under a time limit
    /// and skips it.
    func testAFileThatHangsPopplerStopsOneRunOnly() throws {
        let batch = try Self.batch("jpx")
        let data = try Fixture.temporaryDirectory("hostile-data-hang")
        let fault = ["HOSO_POPPLER_TEST_FAULT": "hang:hostile-jpx.pdf", "HOSO_POPPLER_HANG_SECONDS": "2", "HOSO_PDF_PROBE_SECONDS": "3"]
        let started = Date()
        let first = try ingest(batch, data, environment: fault)
        XCTAssertEqual(first.code, 1, first.err)
        XCTAssertTrue(first.err.contains("poppler không trả lời sau 2 giây"), first.err)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        assertSkipped(try ingest(batch, data, environment: fault), "quá 3 giây")
    }

    /// A run killed while a good file was open leaves its mark: the next run reads it in a child, finds it
    /// readable, and takes it as usual (an operator's kill -9 loses nothing).
    func testAFileMarkedByAKilledRunIsReadAgainWhenItIsFine() throws {
        let batch = try Self.batch("jpx")
        let data = try Fixture.temporaryDirectory("hostile-data-innocent")
        // The mark a killed run leaves: a process that is gone, the file it was reading.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        try FileManager.default.createDirectory(at: data.appendingPathComponent("reading"), withIntermediateDirectories: true)
        let good = batch.appendingPathComponent("good.pdf").standardizedFileURL.path
        try Data("\(gone.processIdentifier)\t\t\t\(good)\n".utf8)
            .write(to: data.appendingPathComponent("reading/0000000000000001.mark"))
        let r = try ingest(batch, data)
        XCTAssertEqual(r.code, 1, r.err)
        XCTAssertEqual(r.summary?["documents"] as? Int, 1, "\(skipped(r.summary))")
        XCTAssertEqual(skipped(r.summary).map(\.place).filter { $0.hasPrefix("GOOD") }, [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("reading").path), [])
    }
}
