import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import Operations
import Search
import XCTest

final class BackupTests: XCTestCase {
    /// Backup to two destinations while a searcher is open, verify both, restore one into an empty data
    /// folder: the same documents and the same search results.
    func testBackupVerifyRestoreSearchesTheSame() throws {
        let batch = try OpsFixture.batch(files: 20, name: "bk")
        let (data, _) = try OpsFixture.ingest(batch)
        let live = try Archive(data: data)
        let queries = ["thu hồi đất", "Ea Kly", "\"tờ bản đồ\"", "Trần Thị Hoa", "bồi thường"]
        let before = try queries.map { try OpsFixture.ids(live, $0) }

        let media = try Fixture.temporaryDirectory("media")
        let a = media.appendingPathComponent("a/hoso-backup"), b = media.appendingPathComponent("b/hoso-backup")
        let checks = try Backup.create(data: data, store: live.store, destinations: [a, b])
        XCTAssertEqual(checks.map(\.ok), [true, true], "\(checks)")
        XCTAssertGreaterThan(checks[0].checkedFiles, 4)
        XCTAssertEqual(try Backup.readManifest(a), try Backup.readManifest(b))
        // The whole generation: each access level's database and the stub joining them, no lock files.
        let paths = try Backup.readManifest(a).map(\.path)
        for level in IndexLayout.levels {
            XCTAssertTrue(paths.contains { $0.hasSuffix("/l\(level)/iamglass") }, "\(paths)")
            XCTAssertTrue(paths.contains { $0.hasSuffix("/l\(level)/postlist.glass") }, "\(paths)")
        }
        XCTAssertTrue(paths.contains { $0.hasPrefix("index-") && $0.hasSuffix("/XAPIANDB") }, "\(paths)")
        XCTAssertFalse(paths.contains { $0.hasSuffix("flintlock") }, "\(paths)")
        // The live folder still answers.
        XCTAssertEqual(try OpsFixture.ids(live, queries[0]), before[0])

        let restored = try DataDirectory(path: Fixture.temporaryDirectory("restored").path)
        XCTAssertEqual(try Backup.restore(from: b, into: restored), 0, "bản sao đã đủ chỉ mục, không cần lập thêm")
        let archive = try Archive(data: restored)
        XCTAssertEqual(try queries.map { try OpsFixture.ids(archive, $0) }, before)
        for q in queries {   // per-level statistics restored too: the same public scores
            let spec = SearchRequestSpec(query: q, role: .public, limit: 20)
            XCTAssertEqual(try archive.search(spec).hits.map(\.score), try live.search(spec).hits.map(\.score), q)
        }
        XCTAssertEqual(try archive.store.counts().documents, try live.store.counts().documents)
        let someID = try XCTUnwrap(before.flatMap { $0 }.first)
        XCTAssertEqual(try archive.text(id: someID, role: .secret), try live.text(id: someID, role: .secret))
        XCTAssertEqual(try archive.indexDocumentCount(), 60)
    }

    /// What verify and restore refuse, table-driven: each damage is reported in Vietnamese.
    func testVerifyFindsDamageAndRestoreRefuses() throws {
        let batch = try OpsFixture.batch(files: 5, name: "bk2")
        let (data, _) = try OpsFixture.ingest(batch)
        let store = try data.openCatalogue()
        let cases: [(name: String, damage: (URL) throws -> Void, expect: String)] = [
            ("sửa một byte danh mục", { dest in
                let url = dest.appendingPathComponent("catalogue.sqlite")
                var bytes = try Data(contentsOf: url)
                bytes[bytes.count / 2] ^= 0xFF
                try bytes.write(to: url)
            }, "SHA-256 không khớp"),
            ("xóa một tệp chỉ mục", { dest in
                let gen = try FileManager.default.contentsOfDirectory(atPath: dest.path).first { $0.hasPrefix("index-") } ?? ""
                let dir = dest.appendingPathComponent(gen)
                let file = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted().first ?? ""
                try FileManager.default.removeItem(at: dir.appendingPathComponent(file))
            }, "Thiếu tệp"),
        ]
        for c in cases {
            let dest = try Fixture.temporaryDirectory("bkd").appendingPathComponent("copy")
            XCTAssertTrue(try Backup.create(data: data, store: store, destinations: [dest])[0].ok, c.name)
            try c.damage(dest)
            let check = try Backup.verify(dest)
            XCTAssertFalse(check.ok, c.name)
            XCTAssertTrue(check.problems.joined().contains(c.expect), "\(c.name): \(check.problems)")
            let target = try DataDirectory(path: Fixture.temporaryDirectory("rs").path)
            XCTAssertThrowsError(try Backup.restore(from: dest, into: target), c.name) { error in
                XCTAssertTrue((error as? HosoError)?.message.contains("không toàn vẹn") == true, "\(error)")
            }
        }
        // A non-empty destination, a data folder that is not empty, a folder without MANIFEST.
        let good = try Fixture.temporaryDirectory("bkg").appendingPathComponent("copy")
        try Backup.create(data: data, store: store, destinations: [good])
        XCTAssertThrowsError(try Backup.create(data: data, store: store, destinations: [good]))
        XCTAssertThrowsError(try Backup.restore(from: good, into: data)) { error in
            XCTAssertTrue((error as? HosoError)?.message.contains("phải trống") == true, "\(error)")
        }
        XCTAssertThrowsError(try Backup.verify(data.url)) { error in
            XCTAssertTrue((error as? HosoError)?.message.contains("MANIFEST") == true, "\(error)")
        }
        XCTAssertThrowsError(try Backup.create(data: data, store: store, destinations: [data.url.appendingPathComponent("bk")]))
    }

    /// The CLI: `hoso backup A B`, `hoso verify`, `hoso restore`; the MANIFEST is `sha256sum -c` format.
    func testCommandLine() throws {
        let batch = try OpsFixture.batch(files: 4, name: "bk3")
        let (data, _) = try OpsFixture.ingest(batch)
        let media = try Fixture.temporaryDirectory("cli")
        let a = media.appendingPathComponent("a").path, b = media.appendingPathComponent("b").path
        var r = try Fixture.hoso(["backup", a, b, "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertTrue(r.err.contains("khớp MANIFEST"), r.err)
        r = try Fixture.hoso(["verify", a, b])
        XCTAssertEqual(r.code, 0, r.out)
        let sum = Process()
        sum.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        sum.arguments = ["--quiet", "-c", "MANIFEST"]
        sum.currentDirectoryURL = URL(fileURLWithPath: a)
        try sum.run()
        sum.waitUntilExit()
        XCTAssertEqual(sum.terminationStatus, 0, "sha256sum -c MANIFEST")
        try Data("hỏng".utf8).write(to: URL(fileURLWithPath: b).appendingPathComponent("backup.json"))
        r = try Fixture.hoso(["verify", b])
        XCTAssertEqual(r.code, 1)
        XCTAssertTrue(r.out.contains("HỎNG"), r.out)
        let target = try Fixture.temporaryDirectory("cli-restore").path
        r = try Fixture.hoso(["restore", a, "--data", target])
        XCTAssertEqual(r.code, 0, r.err)
        r = try Fixture.hoso(["search", "--data", target, "--role", "secret", "--json", "thu hồi đất"])
        XCTAssertEqual(r.code, 0, r.err)
        let original = try Fixture.hoso(["search", "--data", data.url.path, "--role", "secret", "--json", "thu hồi đất"])
        XCTAssertEqual(r.out, original.out)
    }
}
