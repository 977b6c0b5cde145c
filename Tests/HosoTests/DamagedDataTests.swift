import Catalogue
import Foundation
import Glibc
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Operations
@testable import Search

/// A damaged data folder (issue 19): `hoso verify --data DIR` finds a truncated or bit-flipped Xapian table,
/// a damaged SQLite page, stub file or cached page image; `hoso serve` refuses a damaged catalogue;
/// `hoso reindex` repairs a damaged index from the catalogue.
final class DamagedDataTests: XCTestCase {
    /// A data folder whose index was switched by a reindex (so its generation has its checksums).
    func folder(_ name: String) throws -> DataDirectory { try OpsFixture.reindexed(name) }

    func generation(_ data: DataDirectory) throws -> String { try XCTUnwrap(try IndexStub.read(data.indexStubPath)) }

    /// Changes bytes of a file in place and gives it back its modification time: damage no write made.
    func damage(_ path: String, at offset: UInt64, with bytes: [UInt8]) throws {
        var info = stat()
        XCTAssertEqual(stat(path, &info), 0)
        let handle = try XCTUnwrap(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: offset)
        let old = try handle.read(upToCount: bytes.count) ?? Data()
        try handle.seek(toOffset: offset)
        try handle.write(contentsOf: Data(zip(bytes, old + Data(repeating: 0, count: bytes.count)).map { $0 ^ $1 }))
        try handle.close()
        var times = [info.st_atim, info.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
    }

    /// Damages SQLite pages 2–5 of the catalogue file, its WAL checkpointed into it first.
    func damageCatalogue(_ data: DataDirectory) throws {
        XCTAssertEqual(try SmallDisk.run("/usr/bin/sqlite3", [data.cataloguePath, "PRAGMA wal_checkpoint(TRUNCATE)"]).0, 0)
        for page in 1...4 { try damage(data.cataloguePath, at: UInt64(page) * 4096, with: Array(repeating: 0xA5, count: 4096)) }
    }

    func verify(_ data: DataDirectory) throws -> (code: Int32, out: String, err: String) {
        try Fixture.hoso(["verify", "--data", data.url.path])
    }

    func testAWholeFolderVerifies() throws {
        let data = try folder("dd-good")
        XCTAssertNotNil(GenerationChecksums.read(try generation(data)))
        let r = try verify(data)
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("tốt"), r.out)
        // Backups are still verified by destination; neither given is a usage error.
        XCTAssertEqual(try Fixture.hoso(["verify"]).code, 2)
    }

    /// Each damage found and named, table-driven.
    func testVerifyFindsEachDamage() throws {
        let cases: [(name: String, damage: (DataDirectory, String) throws -> Void, expect: String)] = [
            ("bit lật trong bảng Xapian", { _, gen in
                let path = gen + "/l1/postlist.glass"
                try self.damage(path, at: UInt64(DiskSpace.size(of: path) / 2), with: [0x40])
            }, "l1/postlist.glass"),
            ("bảng Xapian bị cắt", { _, gen in
                let path = gen + "/l2/termlist.glass"
                XCTAssertEqual(truncate(path, off_t(DiskSpace.size(of: path) / 2)), 0)
            }, "/l2"),
            ("trang SQLite hỏng", { data, _ in try self.damageCatalogue(data) }, "Danh mục"),
            ("tệp index.stub hỏng", { data, _ in
                try Data("aut\u{0}index".utf8).write(to: URL(fileURLWithPath: data.indexStubPath))
            }, "index.stub"),
        ]
        for c in cases {
            let data = try folder("dd")
            try c.damage(data, try generation(data))
            let r = try verify(data)
            XCTAssertEqual(r.code, 1, "\(c.name): \(r.out)")
            XCTAssertTrue(r.out.contains("HỎNG") && r.out.contains(c.expect), "\(c.name): \(r.out)")
        }
    }

    /// A damaged cached page image is removed (it is rendered again when next viewed); a whole one is kept.
    func testVerifyRemovesDamagedPageImages() throws {
        let data = try folder("dd-png")
        try FileManager.default.createDirectory(at: data.pageImageCache, withIntermediateDirectories: true)
        let good = data.pageImageCache.appendingPathComponent("a.png"), bad = data.pageImageCache.appendingPathComponent("b.png")
        try Self.png.write(to: good)
        var flipped = Self.png
        flipped[20] ^= 0x01
        try flipped.write(to: bad)
        XCTAssertTrue(PNGCheck.isWhole(good.path))
        let r = try verify(data)
        XCTAssertEqual(r.code, 0, r.out)
        XCTAssertTrue(r.out.contains("Đã xóa ảnh trang hỏng") && r.out.contains("b.png"), r.out)
        XCTAssertTrue(FileManager.default.fileExists(atPath: good.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad.path))
    }

    /// `hoso serve` refuses a damaged catalogue with what to do (exit 2), before it listens.
    func testServeRefusesADamagedCatalogue() throws {
        let data = try folder("dd-serve")
        try damageCatalogue(data)
        let process = Process()
        process.executableURL = Fixture.executable
        process.arguments = ["serve", "--data", data.url.path, "--port", "\(try Fixture.freePort())"]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(120)   // a server that did start is stopped, and fails the test
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 2, text)
        XCTAssertTrue(text.contains("bị hỏng") && text.contains("bản sao lưu"), text)
    }

    /// `hoso reindex` rebuilds a damaged index from the catalogue: the folder verifies and answers as before.
    func testReindexRepairsADamagedIndex() throws {
        let data = try folder("dd-repair")
        let before = try ["thu hồi đất", "Ea Kly", "bồi thường"].map { try OpsFixture.ids(Archive(data: data), $0) }
        let gen = try generation(data)
        XCTAssertEqual(truncate(gen + "/l1/postlist.glass", 100), 0)
        try damage(gen + "/l3/termlist.glass", at: 10, with: [0xFF, 0xFF])
        XCTAssertEqual(try verify(data).code, 1)
        let r = try Fixture.hoso(["reindex", "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(try verify(data).code, 0)
        XCTAssertEqual(try ["thu hồi đất", "Ea Kly", "bồi thường"].map { try OpsFixture.ids(Archive(data: data), $0) }, before)
    }

    /// A 1×1 grey PNG: signature, IHDR, IDAT, IEND, each with its CRC.
    static let png: Data = {
        func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
            let typed = Array(type.utf8) + body
            let crc = PNGCheck.crc32(typed[...])
            return withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init) + typed + withUnsafeBytes(of: crc.bigEndian, Array.init)
        }
        let ihdr: [UInt8] = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]
        let idat: [UInt8] = [0x78, 0x01, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", []))
    }()
}
