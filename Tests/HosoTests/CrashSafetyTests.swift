import Catalogue
import Foundation
import SearchIndex
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Ingest
@testable import Search

/// Small generated batches of `.txt` transcriptions for the operations tests (issue 7).
enum OpsFixture {
    static let communes = ["Ea Kly", "Hòa An", "Ea Phê", "An Ninh Đông", "Xuân Phước", "Tam Quan", "Quỳnh Bá", "Vũ Lễ"]
    static let people = ["Nguyễn Văn Hùng", "Trần Thị Hoa", "Lê Đức Minh", "Phạm Thị Lan", "Y Bih Niê", "Hoàng Văn Nam",
                         "Võ Thị Thu", "Đặng Quang Hải"]
    static let topics = ["thu hồi đất", "bồi thường, hỗ trợ", "cấp giấy chứng nhận quyền sử dụng đất", "bổ nhiệm cán bộ",
                         "khen thưởng", "giải quyết khiếu nại", "xây dựng trường học", "khắc phục hậu quả bão lũ"]
    static let types = ["Quyết định", "Tờ trình", "Báo cáo", "Công văn", "Thông báo"]
    static let access = ["Công khai", "Công khai", "Sử dụng có điều kiện", "Mật"]

    /// A batch of `files` hồ sơ × `docs` văn bản, 1–3 pages each, deterministic.
    static func batch(files: Int, docs: Int = 3, name: String = "ops") throws -> URL {
        let dir = try Fixture.temporaryDirectory(name)
        var hoSo = "Mã hồ sơ,Tên phông,Tiêu đề hồ sơ,Thời hạn lưu trữ,Chế độ sử dụng\n"
        var taiLieu = "Mã hồ sơ,Số thứ tự,Tệp,Tên loại văn bản,Số,Ký hiệu,Ngày văn bản,Cơ quan ban hành,Trích yếu nội dung,Chế độ sử dụng\n"
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for f in 0..<files {
            let year = 2000 + next(25)
            let fileID = "H49.64.33.\(year).\(String(format: "%04d", f))"
            let commune = communes[next(communes.count)], topic = topics[next(topics.count)]
            let fileAccess = access[next(access.count)]
            hoSo += "\(fileID),UBND huyện Krông Pắc,\"Hồ sơ \(topic) tại xã \(commune) năm \(year)\",Vĩnh viễn,\(fileAccess)\n"
            let folder = dir.appendingPathComponent("scans/\(fileID)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for d in 1...docs {
                let type = types[next(types.count)], person = people[next(people.count)]
                let number = 100 + next(3000), parcel = 1 + next(900), sheet = 1 + next(90)
                let summary = "Về việc \(topic) của hộ \(person) tại xã \(commune)"
                var pages: [String] = []
                for p in 1...(1 + next(3)) {
                    pages.append("""
                    ỦY BAN NHÂN DÂN HUYỆN KRÔNG PẮC
                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                    Số: \(number)/QĐ-UBND  Krông Pắc, ngày \(1 + next(28)) tháng \(1 + next(12)) năm \(year)
                    \(type.uppercased()) \(summary).
                    Điều \(p). Thu hồi \(20 + next(5000)) m² đất tại thửa đất số \(parcel), tờ bản đồ số \(sheet), xã \(commune).
                    Hộ \(person) có trách nhiệm bàn giao mặt bằng trong thời hạn \(5 + next(30)) ngày.
                    Kinh phí bồi thường \(next(900) + 10).000.000 đồng do ngân sách huyện chi trả.
                    """)
                }
                let rel = "scans/\(fileID)/\(fileID).\(d).txt"
                try Data(pages.joined(separator: "\u{0C}").utf8).write(to: dir.appendingPathComponent(rel))
                taiLieu += "\(fileID),\(d),\(rel),\(type),\(number),QĐ-UBND,01/06/\(year),UBND huyện Krông Pắc,\"\(summary)\",\(access[next(access.count)])\n"
            }
        }
        try Data(hoSo.utf8).write(to: dir.appendingPathComponent("ho_so.csv"))
        try Data(taiLieu.utf8).write(to: dir.appendingPathComponent("tai_lieu.csv"))
        return dir
    }

    /// Ingests a batch into a new data folder, in-process.
    static func ingest(_ batch: URL, part: BatchPart? = nil, into data: DataDirectory? = nil) throws -> (DataDirectory, IngestSummary) {
        let data = try data ?? DataDirectory(path: Fixture.temporaryDirectory("opsdata").path)
        let store = try data.openCatalogue()
        var options = IngestOptions()
        options.quiet = true
        options.part = part
        return (data, try Ingestor(data: data, store: store, options: options).ingest(batch: batch))
    }

    /// A data folder of a 6-file batch ingested (generation 1) and reindexed by the command line, so its current
    /// generation has its checksums and the one it replaced is kept.
    static func reindexed(_ name: String) throws -> DataDirectory {
        let (data, _) = try ingest(try batch(files: 6, name: name))
        let r = try Fixture.hoso(["reindex", "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        return data
    }

    /// Ids of the hits of a search, as the secret role (sees everything), in an order that does not depend
    /// on Xapian docids: by score (rounded), then id; hits tied with the last one are left out, since which
    /// of them make the cut follows the docids, which differ between index generations.
    static func ids(_ archive: Archive, _ query: String, limit: Int = 20) throws -> [String] {
        let hits = try archive.search(SearchRequestSpec(query: query, role: .secret, limit: limit)).hits
        func r(_ x: Double) -> Double { (x * 100).rounded() }
        let cut = hits.count == limit ? (hits.last.map { r($0.score) } ?? 0) : -1
        return hits.filter { r($0.score) > cut }
            .sorted { r($0.score) != r($1.score) ? $0.score > $1.score : $0.id < $1.id }.map(\.id)
    }
}

final class CrashSafetyTests: XCTestCase {
    /// Searches keep answering, with zero errors, while the index is rebuilt and switched twice.
    /// An open archive follows the stub to the generation a reindex switched to (the stub is read again only
    /// when it changed): a role it had not searched as yet opens the new generation's databases, the old one
    /// being gone.
    func testOpenArchiveFollowsTheStubAfterAReindex() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 10))
        let archive = try Archive(data: data)
        let expected = try OpsFixture.ids(archive, "thu hồi đất")   // as the secret role
        let before = try IndexStub.read(data.indexStubPath)
        let store = try data.openCatalogue()
        // Twice: the first keeps the generation it replaced (served should the new one be damaged), the second
        // removes it.
        XCTAssertEqual(try IndexMaintainer(data: data, store: store).rebuild(commitEvery: 20), 30)
        XCTAssertEqual(try IndexMaintainer(data: data, store: store).rebuild(commitEvery: 20), 30)
        XCTAssertNotEqual(try IndexStub.read(data.indexStubPath), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: try XCTUnwrap(before)))
        XCTAssertEqual(try OpsFixture.ids(archive, "thu hồi đất"), expected)
        let publicHits = try archive.search(SearchRequestSpec(query: "thu hồi đất", role: .public)).hits
        XCTAssertFalse(publicHits.isEmpty)
    }

    func testSearchesKeepAnsweringDuringRebuild() throws {
        let batch = try OpsFixture.batch(files: 60)
        let (data, summary) = try OpsFixture.ingest(batch)
        XCTAssertEqual(summary.documents, 180)
        let archive = try Archive(data: data)
        let queries = ["thu hồi đất", "Ea Kly", "\"tờ bản đồ\"", "Nguyễn Văn Hùng", "bồi thường"]
        let expected = try queries.map { try OpsFixture.ids(archive, $0) }
        XCTAssertGreaterThanOrEqual(expected.filter { !$0.isEmpty }.count, 3, "\(expected)")

        let stop = ManagedFlag()
        let counters = Counters()
        let reader = Thread {
            let searcher = try? Archive(data: data)
            var i = 0
            while !stop.isSet {
                let q = queries[i % queries.count]
                do {
                    guard let searcher else { throw HosoError(.unavailable, "không mở được") }
                    let got = try OpsFixture.ids(searcher, q)
                    counters.record(ok: got == expected[i % queries.count])
                } catch {
                    counters.record(error: "\(error)")
                }
                i += 1
            }
            stop.finished()
        }
        reader.start()
        let store = try data.openCatalogue()
        let maintainer = try IndexMaintainer(data: data, store: store)
        XCTAssertEqual(try maintainer.rebuild(commitEvery: 20), 180)
        XCTAssertEqual(try maintainer.rebuild(commitEvery: 20), 180)
        Thread.sleep(forTimeInterval: 0.2)
        stop.set()
        stop.waitFinished()
        XCTAssertEqual(counters.errors, [], "lỗi khi tìm trong lúc lập lại chỉ mục")
        XCTAssertEqual(counters.wrong, 0, "kết quả khác trong lúc lập lại chỉ mục")
        XCTAssertGreaterThan(counters.ok, 10, "quá ít lần tìm chạy trong lúc lập lại chỉ mục")
        // The generation named by the stub, and the one it replaced (kept until the next switch): each rebuild
        // builds generation N+1 and compacts it into N+2.
        let generations = try FileManager.default.contentsOfDirectory(atPath: data.url.path).filter { $0.hasPrefix("index-") }
        XCTAssertEqual(generations.sorted(), ["index-3", "index-5"])
        XCTAssertEqual(try String(contentsOfFile: data.indexStubPath, encoding: .utf8), "auto index-5\n")
        XCTAssertEqual(try OpsFixture.ids(archive, "thu hồi đất"), expected[0])
    }

    /// Starts `hoso reindex --commit-every 5` on `data` and kills it with SIGKILL as soon as its progress file
    /// (the text at `progress`) satisfies `ready`; skips the test when the reindex ends first.
    func killReindex(_ data: DataDirectory, progress: String, when ready: (String) -> Bool) throws {
        let process = Process()
        process.executableURL = Fixture.executable
        process.arguments = ["reindex", "--data", data.url.path, "--commit-every", "5"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            if ready((try? String(contentsOfFile: progress, encoding: .utf8)) ?? "") { break }
            Thread.sleep(forTimeInterval: 0.005)
        }
        guard process.isRunning else { throw XCTSkip("lần lập lại chạy xong trước khi kịp ngắt") }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// The next reindex resumes the killed one and ends as a clean rebuild: the same hits, each document once.
    func assertResumesAsACleanRebuild(_ data: DataDirectory, progress: String, expected: [String],
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let (code, _, err) = try Fixture.hoso(["reindex", "--data", data.url.path])
        XCTAssertEqual(code, 0, err, file: file, line: line)
        XCTAssertTrue(err.contains("Tiếp tục lần lập lại bị ngắt"), err, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: progress), file: file, line: line)
        let archive = try Archive(data: data)
        XCTAssertEqual(try OpsFixture.ids(archive, "thu hồi đất"), expected, file: file, line: line)
        XCTAssertEqual(try archive.indexDocumentCount(), try data.openCatalogue().counts().documents,
                       "trùng hoặc thiếu tài liệu trong chỉ mục", file: file, line: line)
    }

    /// A reindex killed with SIGKILL after some commits resumes: the documents of the half-built
    /// generation are skipped, and the result is the same as a clean rebuild.
    func testKilledReindexResumes() throws {
        let batch = try OpsFixture.batch(files: 150)
        let (data, _) = try OpsFixture.ingest(batch)
        let expected = try OpsFixture.ids(Archive(data: data), "thu hồi đất")
        let progress = data.url.appendingPathComponent("index-2.progress").path
        try killReindex(data, progress: progress) { $0.split(separator: "\n").count >= 20 }
        XCTAssertTrue(FileManager.default.fileExists(atPath: progress), "thế hệ dở dang phải được giữ lại")

        try assertResumesAsACleanRebuild(data, progress: progress, expected: expected)
    }

    /// A reindex whose machine stopped: its partitions are written without fsync, so those not done may hold
    /// anything, and the progress file may keep the lines of a partition whose `#done` line was lost. Simulated
    /// after a SIGKILL: every database file of the partitions not done overwritten with garbage, and lines
    /// appended for every document. The next reindex builds those partitions again from nothing, skips only the
    /// documents of the partitions done, and ends as a clean rebuild.
    func testReindexResumesAfterTheMachineStopped() throws {
        let batch = try OpsFixture.batch(files: 150)
        let (data, _) = try OpsFixture.ingest(batch)
        let expected = try OpsFixture.ids(Archive(data: data), "thu hồi đất")
        let generation = data.url.appendingPathComponent("index-2")
        let progress = data.url.appendingPathComponent("index-2.progress").path
        try killReindex(data, progress: progress) { $0.contains("#done") }

        let done = IndexMaintainer.readProgress(progress).partitions
        XCTAssertFalse(done.isEmpty)
        let parts = try FileManager.default.contentsOfDirectory(atPath: generation.path).filter { $0.hasPrefix("part-") }
        let notDone = parts.filter { !done.contains(Int($0.dropFirst("part-".count))! - 1) }
        guard !notDone.isEmpty else { throw XCTSkip("mọi phân vùng đã xong trước khi kịp ngắt") }
        var garbage = 0
        for part in notDone {
            for level in IndexLayout.levels {
                let db = generation.appendingPathComponent("\(part)/l\(level)")
                for name in (try? FileManager.default.contentsOfDirectory(atPath: db.path)) ?? [] {
                    try Data(repeating: 0xA5, count: 4096).write(to: db.appendingPathComponent(name))
                    garbage += 1
                }
            }
        }
        XCTAssertGreaterThan(garbage, 0)
        let store = try data.openCatalogue()
        let maintainer = try IndexMaintainer(data: data, store: store)
        var lines = ""
        for key in try store.allDocumentKeys() {
            if let (_, stamp) = try maintainer.indexable(key.id) { lines += "\(key.id)\t\(stamp)\n" }
        }
        let log = try XCTUnwrap(FileHandle(forWritingAtPath: progress))
        log.seekToEndOfFile()
        log.write(Data(("\n" + lines).utf8))
        try log.close()

        try assertResumesAsACleanRebuild(data, progress: progress, expected: expected)
    }

    /// `IndexLayout.makeDurable` syncs a tree of files and folders, and reports what it cannot sync.
    func testMakeDurable() throws {
        let dir = try Fixture.temporaryDirectory("durable")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("part-1/l1"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: dir.appendingPathComponent("part-1/XAPIANDB"))
        try Data("b".utf8).write(to: dir.appendingPathComponent("part-1/l1/iamglass"))
        XCTAssertNoThrow(try IndexLayout.makeDurable(dir.appendingPathComponent("part-1").path))
        let missing = dir.appendingPathComponent("part-2").path
        XCTAssertThrowsError(try IndexLayout.makeDurable(missing)) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .unavailable)
            XCTAssertTrue("\(error)".contains(missing), "\(error)")
        }
        // A file it may not open (root opens anything: then nothing to check).
        let locked = dir.appendingPathComponent("part-1/l1/postlist.glass")
        try Data("c".utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: locked.path) }
        if getuid() != 0 {
            XCTAssertThrowsError(try IndexLayout.makeDurable(dir.appendingPathComponent("part-1").path)) { error in
                XCTAssertTrue("\(error)".contains("postlist.glass"), "\(error)")
            }
        }
    }

    /// A rebuild killed while it created its partitions' databases leaves one that does not open: the next
    /// rebuild starts that generation again instead of failing on it.
    func testHalfBuiltGenerationWithAnUnfinishedDatabaseIsBuiltAgain() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 10))
        let expected = try OpsFixture.ids(Archive(data: data), "thu hồi đất")
        let generation = data.url.appendingPathComponent("index-2")
        for part in ["part-1", "part-2/l1"] {
            try FileManager.default.createDirectory(at: generation.appendingPathComponent(part), withIntermediateDirectories: true)
        }
        // What Xapian leaves when killed while it creates a glass database (seen in scripts/crash_test.sh).
        for file in ["flintlock", "postlist.glass", "termlist.glass", "v.tmp"] {
            try Data().write(to: generation.appendingPathComponent("part-2/l1/" + file))
        }
        try IndexWriter(path: generation.appendingPathComponent("part-1/l1").path).close()
        try Data("hoso-partitions 1\nH\t1\n".utf8).write(to: generation.appendingPathComponent("partitions"))
        let store = try data.openCatalogue()
        let maintainer = try IndexMaintainer(data: data, store: store)
        XCTAssertEqual(try maintainer.rebuild(), try store.counts().documents)
        XCTAssertEqual(maintainer.lastRebuildResumed, 0)
        XCTAssertEqual(try OpsFixture.ids(Archive(data: data), "thu hồi đất"), expected)
    }

    /// An ingest killed while it created the first generation's level databases leaves one unfinished; the next
    /// ingest finishes it instead of failing to open it.
    func testFirstGenerationWithAnUnfinishedLevelDatabaseIsCompleted() throws {
        try assertNextIngestRepairs(level: 2) { data, level in
            try FileManager.default.removeItem(at: level)
            try FileManager.default.createDirectory(at: level, withIntermediateDirectories: true)
            for file in ["flintlock", "postlist.glass"] { try Data().write(to: level.appendingPathComponent(file)) }
        }
    }

    /// An ingest killed while creating the very first generation, before its stub was written, leaves a level
    /// database torn (tables, no revision file): the next ingest makes the generation again and goes in.
    func testFirstGenerationKilledBeforeItsStubIsMadeAgain() throws {
        try assertNextIngestRepairs(level: 3) { data, level in
            try FileManager.default.removeItem(atPath: data.indexStubPath)
            try FileManager.default.removeItem(at: level.appendingPathComponent("iamglass"))
        }
    }

    /// A level database that held documents and lost its revision file later is damage, not a torn creation:
    /// the update refuses with the way out (reindex) and leaves the folder as it was; the reindex restores it.
    func testLevelDatabaseWithDataButNoRevisionFileIsNotMadeEmpty() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 4))
        let expected = try OpsFixture.ids(Archive(data: data), "thu hồi đất")
        let generation = try XCTUnwrap(try IndexStub.read(data.indexStubPath))
        let level = IndexLayout.levelPath(generation, level: 1)
        try FileManager.default.removeItem(atPath: level + "/iamglass")
        let store = try data.openCatalogue()
        XCTAssertThrowsError(try IndexMaintainer(data: data, store: store).update(documentIDs: try store.allDocumentKeys().map(\.id))) {
            XCTAssertTrue("\($0)".contains("hoso reindex"), "\($0)")
        }
        XCTAssertTrue(IndexMaintainer.holdsData(level), "the damaged database is kept, not emptied")
        let r = try Fixture.hoso(["reindex", "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.err)
        XCTAssertEqual(try OpsFixture.ids(Archive(data: data), "thu hồi đất"), expected)
    }

    /// Ingests a small batch, damages it with `tear` (given the data folder and the folder of `level`'s database),
    /// then checks that an index update writes every document again, the level's database is whole and the
    /// searches answer as before.
    private func assertNextIngestRepairs(level: Int, _ tear: (DataDirectory, URL) throws -> Void) throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 4))
        let expected = try OpsFixture.ids(Archive(data: data), "thu hồi đất")
        let generation = try XCTUnwrap(try IndexStub.read(data.indexStubPath))
        let levelFolder = URL(fileURLWithPath: IndexLayout.levelPath(generation, level: level))
        try tear(data, levelFolder)
        let store = try data.openCatalogue()
        try store.clearIndexedState()
        let maintainer = try IndexMaintainer(data: data, store: store)
        XCTAssertEqual(try maintainer.update(documentIDs: try store.allDocumentKeys().map(\.id)), try store.counts().documents)
        XCTAssertTrue(FileManager.default.fileExists(atPath: levelFolder.appendingPathComponent("iamglass").path))
        XCTAssertEqual(try OpsFixture.ids(Archive(data: data), "thu hồi đất"), expected)
    }

    /// The crash test script with 5 trials: ingest and reindex killed at random moments end as a clean run.
    func testCrashScriptFiveTrials() throws {
        let script = Fixture.repository.appendingPathComponent("scripts/crash_test.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, "5", "8"]
        var env = ProcessInfo.processInfo.environment
        env["HOSO"] = Fixture.executable.path
        env["REAL_SCANS"] = "0"
        env["QUICK"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = String(decoding: outData, as: UTF8.self), log = String(decoding: errData, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, log)
        XCTAssertTrue(report.contains("5 passed, 0 failed"), report + log)
    }
}

/// A stop flag shared with the reader thread.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private let done = DispatchSemaphore(value: 0)
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
    func finished() { done.signal() }
    func waitFinished() { done.wait() }
}

final class Counters: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var ok = 0
    private(set) var wrong = 0
    private(set) var errors: [String] = []
    func record(ok same: Bool) { lock.lock(); if same { ok += 1 } else { wrong += 1 }; lock.unlock() }
    func record(error: String) { lock.lock(); errors.append(error); lock.unlock() }
}
