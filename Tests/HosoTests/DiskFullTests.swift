import Catalogue
import Foundation
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Operations
@testable import Search

/// A small file system of its own (tmpfs), mounted for one test and filled on purpose.
final class SmallDisk {
    let url: URL
    private var mounted = false
    private var fillers = 0

    /// Mounts a tmpfs of `kilobytes` (and at most `files` files) at a new folder; skips when the tests may not
    /// mount (not root).
    init(kilobytes: Int, files: Int? = nil) throws {
        url = try Fixture.temporaryDirectory("disk")
        var options = "size=\(kilobytes)k"
        if let files { options += ",nr_inodes=\(files)" }
        let (code, _, err) = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", url.path])
        guard code == 0 else { throw XCTSkip("không gắn được tmpfs (cần quyền root): \(err)") }
        mounted = true
    }

    deinit { unmount() }

    func unmount() {
        guard mounted else { return }
        _ = try? Self.run("/bin/umount", [url.path])
        mounted = false
    }

    var free: Int64 { DiskSpace.available(at: url.path) ?? 0 }

    /// Writes a filler file so that about `leaving` bytes stay free.
    func fill(leaving: Int64) throws {
        fillers += 1
        let path = url.appendingPathComponent("filler-\(fillers)").path
        guard let handle = FileHandle(forWritingAtPath: path) ?? {
            FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw HosoError(.unavailable, "không tạo được \(path)") }
        defer { try? handle.close() }
        let chunk = Data(repeating: 0x5A, count: 4096)
        while free > leaving {
            do { try handle.write(contentsOf: chunk) } catch { break }
        }
    }

    /// Removes every filler file.
    func release() {
        for n in 0...fillers { try? FileManager.default.removeItem(at: url.appendingPathComponent("filler-\(n)")) }
    }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

/// Disk full while ingesting, reindexing and backing up (issue 19): a clear Vietnamese message naming the
/// folder, exit 2, the catalogue and the index opening and answering as before, the same command finishing
/// once there is room again.
final class DiskFullTests: XCTestCase {
    static let queries = ["thu hồi đất", "Ea Kly", "\"tờ bản đồ\"", "Nguyễn Văn Hùng", "bồi thường"]

    /// The catalogue passes SQLite's quick check and the index opens; the answers of the queries.
    func answers(_ data: DataDirectory, file: StaticString = #filePath, line: UInt = #line) throws -> [[String]] {
        try check(data, file: file, line: line)
        let archive = try Archive(data: data)
        return try Self.queries.map { try OpsFixture.ids(archive, $0, limit: 100) }
    }

    /// How many documents each query finds.
    func totals(_ data: DataDirectory) throws -> [Int] {
        let archive = try Archive(data: data)
        return try Self.queries.map { try archive.search(SearchRequestSpec(query: $0, role: .secret, limit: 10)).total }
    }

    func check(_ data: DataDirectory, file: StaticString = #filePath, line: UInt = #line) throws {
        let (code, out, err) = try SmallDisk.run("/usr/bin/sqlite3", ["-readonly", data.cataloguePath, "PRAGMA quick_check"])
        XCTAssertEqual(code, 0, err, file: file, line: line)
        XCTAssertEqual(out.trimmingCharacters(in: .whitespacesAndNewlines), "ok", file: file, line: line)
    }

    func assertFull(_ result: (code: Int32, out: String, err: String), folder: String,
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(result.code, 2, result.err, file: file, line: line)
        XCTAssertTrue(result.err.contains("Đĩa đầy"), result.err, file: file, line: line)
        XCTAssertTrue(result.err.contains(folder), result.err, file: file, line: line)
        XCTAssertTrue(result.err.contains("còn trống"), result.err, file: file, line: line)
    }

    /// An ingest that runs out of space keeps everything saved before, and the next run ends as a clean one.
    func testIngestOnAFullDisk() throws {
        let disk = try SmallDisk(kilobytes: 48 * 1024)
        let data = try DataDirectory(path: disk.url.appendingPathComponent("data").path)
        var r = try Fixture.hoso(["ingest", try OpsFixture.batch(files: 10, name: "df-a").path, "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        let before = try totals(data)
        let bigger = try OpsFixture.batch(files: 40, name: "df-b")   // the same first 10 hồ sơ, 30 more
        try disk.fill(leaving: 16 * 1024)
        r = try Fixture.hoso(["ingest", bigger.path, "--data", data.url.path])
        assertFull(r, folder: data.url.path)
        // The catalogue whole, the documents found before still found (only documents were added).
        try check(data)
        for (had, now) in zip(before, try totals(data)) { XCTAssertGreaterThanOrEqual(now, had) }
        disk.release()
        r = try Fixture.hoso(["ingest", bigger.path, "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        let clean = try DataDirectory(path: Fixture.temporaryDirectory("df-clean").path)
        XCTAssertEqual(try Fixture.hoso(["ingest", bigger.path, "--data", clean.url.path]).code, 0)
        XCTAssertEqual(try answers(data), try answers(clean))
        XCTAssertEqual(try Archive(data: data).indexDocumentCount(), 120)
    }

    /// A reindex refused before it begins when the disk lacks the room it needs, and one whose disk fills while
    /// it builds (Xapian's writes fail): the index searched is untouched; once there is room it finishes.
    func testReindexOnAFullDisk() throws {
        let disk = try SmallDisk(kilobytes: 48 * 1024)
        let data = try DataDirectory(path: disk.url.appendingPathComponent("data").path)
        XCTAssertEqual(try Fixture.hoso(["ingest", try OpsFixture.batch(files: 40, name: "df-r").path, "--data", data.url.path]).code, 0)
        let before = try answers(data)
        let stub = try String(contentsOfFile: data.indexStubPath, encoding: .utf8)

        try disk.fill(leaving: 64 * 1024)
        let refused = try Fixture.hoso(["reindex", "--data", data.url.path])
        assertFull(refused, folder: data.url.path)
        XCTAssertTrue(refused.err.contains("cần khoảng"), refused.err)
        XCTAssertEqual(try answers(data), before)
        disk.release()

        // Room for less than a rebuild: the partitions fill the disk.
        let current = try XCTUnwrap(try IndexStub.read(data.indexStubPath))
        try disk.fill(leaving: DiskSpace.size(of: current) / 2)
        let store = try data.openCatalogue()
        let maintainer = try IndexMaintainer(data: data, store: store)
        maintainer.checksSpaceFirst = false
        XCTAssertThrowsError(try maintainer.rebuild(commitEvery: 10)) { error in
            let e = error as? HosoError
            XCTAssertEqual(e?.kind, .unavailable, "\(error)")
            XCTAssertTrue(e?.message.hasPrefix("Đĩa đầy") == true, "\(error)")
            XCTAssertTrue(e?.message.contains(data.url.path) == true, "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: data.indexStubPath, encoding: .utf8), stub)
        XCTAssertEqual(try answers(data), before)
        disk.release()
        let r = try Fixture.hoso(["reindex", "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertNotEqual(try String(contentsOfFile: data.indexStubPath, encoding: .utf8), stub)
        XCTAssertEqual(try answers(data), before)
        XCTAssertEqual(try Archive(data: data).indexDocumentCount(), 120)
    }

    /// A backup medium too small is refused before anything is copied; one that runs out of room for files
    /// half-way is emptied again; the same command then finishes and the copy verifies.
    func testBackupOnAFullDisk() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 20, name: "df-bk"))
        let needed = Backup.spaceNeeded(data)
        let small = try SmallDisk(kilobytes: Int(needed / 2048))
        let dest = small.url.appendingPathComponent("hoso-backup")
        var r = try Fixture.hoso(["backup", dest.path, "--data", data.url.path])
        assertFull(r, folder: dest.path)
        XCTAssertTrue(r.err.contains("cần khoảng"), r.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dest.path), [])
        small.unmount()

        // Room enough, but for six files only: the copy stops half-way.
        let few = try SmallDisk(kilobytes: Int(needed / 512), files: 8)
        let dest2 = few.url.appendingPathComponent("hoso-backup")
        r = try Fixture.hoso(["backup", dest2.path, "--data", data.url.path])
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("Đĩa đầy") && r.err.contains(few.url.path), r.err)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dest2.path), [])
        few.unmount()

        let roomy = try SmallDisk(kilobytes: Int(needed / 512) + 4096)
        let dest3 = roomy.url.appendingPathComponent("hoso-backup")
        r = try Fixture.hoso(["backup", dest3.path, "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(try Fixture.hoso(["verify", dest3.path]).code, 0)
    }
}
