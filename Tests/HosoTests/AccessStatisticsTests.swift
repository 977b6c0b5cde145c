import Catalogue
import Foundation
import SearchIndex
import XCTest
import Xapian
@testable import DataFolder
@testable import IndexLifecycle
@testable import Search

/// Issue 6: BM25 statistics per role. Each index generation holds one Xapian database per access level, and
/// a role searches only the levels it may see, so the scores a public caller gets are exactly those of an
/// index holding only the public documents: comparing scores tells nothing about restricted documents.
final class AccessStatisticsTests: XCTestCase {
    struct Doc {
        var ordinal: Int
        var access: String
        var summary: String
        var text: String
    }

    static let fileID = "H49.64.33.2020.001"

    /// "rừng" is in two public documents and in every restricted one (long documents, many times), "đất"
    /// in two public documents only: in a database of all levels "rừng" is common and long documents raise
    /// the average length; in the public documents alone both words are rare.
    static let docs: [Doc] = {
        let forest = (1...12).map { "Tổ tuần tra rừng số \($0) kiểm tra rừng phòng hộ, rừng đặc dụng và lán trại ven rừng." }
        return [
            Doc(ordinal: 1, access: "Công khai", summary: "Biên bản đo đạc đất tại xã Ea Kly",
                text: "Biên bản đo đạc đất ở, đất nông nghiệp và đất rừng tại xã Ea Kly. Diện tích đất được xác định lại."),
            Doc(ordinal: 2, access: "Công khai", summary: "Báo cáo về rừng phòng hộ",
                text: "Báo cáo về rừng phòng hộ đầu nguồn. Rừng sản xuất, rừng đặc dụng, rừng trồng mới, ven rừng và đất trống cần được bảo vệ."),
            Doc(ordinal: 3, access: "Công khai", summary: "Thông báo lịch tiếp công dân",
                text: "Thông báo lịch tiếp công dân tháng 5 tại trụ sở Ủy ban nhân dân xã."),
            Doc(ordinal: 4, access: "Sử dụng có điều kiện", summary: "Kế hoạch tuần tra bảo vệ rừng",
                text: forest.joined(separator: " ")),
            Doc(ordinal: 5, access: "Sử dụng có điều kiện", summary: "Danh sách tổ bảo vệ rừng",
                text: forest.prefix(8).joined(separator: " ")),
            Doc(ordinal: 6, access: "Mật", summary: "Báo cáo vụ phá rừng",
                text: (forest + forest).joined(separator: " ") + " Đối tượng phá rừng bị bắt giữ."),
            Doc(ordinal: 7, access: "Mật", summary: "Chuyên án khai thác rừng trái phép",
                text: forest.prefix(10).joined(separator: " ")),
        ]
    }()

    static func id(_ d: Doc) -> String { "\(fileID).\(d.ordinal)" }

    static func writeBatch(_ docs: [Doc]) throws -> URL {
        let batch = try Fixture.temporaryDirectory("stats-batch")
        try FileManager.default.createDirectory(at: batch.appendingPathComponent("scans"), withIntermediateDirectories: true)
        let hoSo = "Mã hồ sơ,Tiêu đề hồ sơ,Tên phông,Chế độ sử dụng\n\(fileID),Hồ sơ của Ủy ban nhân dân xã năm 2020,UBND huyện Krông Pắc,Công khai\n"
        var taiLieu = "Mã hồ sơ,Số thứ tự,Tệp,Tên loại văn bản,Trích yếu nội dung,Chế độ sử dụng\n"
        for d in docs {
            let name = "scans/\(id(d)).txt"
            try Data(d.text.utf8).write(to: batch.appendingPathComponent(name))
            taiLieu += "\(fileID),\(d.ordinal),\(name),Báo cáo,\(d.summary),\(d.access)\n"
        }
        try Data(hoSo.utf8).write(to: batch.appendingPathComponent("ho_so.csv"))
        try Data(taiLieu.utf8).write(to: batch.appendingPathComponent("tai_lieu.csv"))
        return batch
    }

    static func ingest(_ batch: URL, into data: DataDirectory? = nil) throws -> DataDirectory {
        try OpsFixture.ingest(batch, into: data).0
    }

    static let queries = ["rừng", "đất", "rừng đất", "đất rừng phòng hộ", "rung", "bảo vệ rừng", "\"rừng phòng hộ\"", "rừng OR tiếp công dân"]

    /// (id, score) of every hit, best first, as `Archive.search` gives them (`score` as in the API).
    static func scores(_ archive: Archive, _ query: String, role: Role) throws -> [String] {
        try archive.search(SearchRequestSpec(query: query, role: role, limit: 50)).hits.map { "\($0.id) \($0.score)" }
    }

    /// The public role's scores and ranking over the whole corpus equal those of an index holding only the
    /// public documents, for every query; staff and secret still find the restricted documents. Control:
    /// the same corpus searched as one database of every level gives the public role other scores, so the
    /// comparison can fail.
    func testPublicScoresEqualThoseOfAPublicOnlyIndex() throws {
        let all = try Self.ingest(try Self.writeBatch(Self.docs))
        let publicOnly = try Self.ingest(try Self.writeBatch(Self.docs.filter { $0.access == "Công khai" }))
        let staffOnly = try Self.ingest(try Self.writeBatch(Self.docs.filter { $0.access != "Mật" }))
        let archive = try Archive(data: all)
        let reference = try Archive(data: publicOnly)
        let staffReference = try Archive(data: staffOnly)
        XCTAssertNil(archive.indexLayoutWarning())

        for q in Self.queries {
            let got = try Self.scores(archive, q, role: .public)
            XCTAssertFalse(got.isEmpty, q)
            XCTAssertEqual(got, try Self.scores(reference, q, role: .public), "công khai: \(q)")
            XCTAssertEqual(try Self.scores(archive, q, role: .staff), try Self.scores(staffReference, q, role: .staff), "cán bộ: \(q)")
        }
        // Staff and secret see the restricted documents.
        let restricted2 = Set(Self.docs.filter { $0.access == "Sử dụng có điều kiện" }.map(Self.id))
        let restricted3 = Set(Self.docs.filter { $0.access == "Mật" }.map(Self.id))
        let staffHits = Set(try archive.search(SearchRequestSpec(query: "rừng", role: .staff, limit: 50)).hits.map(\.id))
        XCTAssertTrue(staffHits.isSuperset(of: restricted2), "\(staffHits)")
        XCTAssertTrue(staffHits.isDisjoint(with: restricted3), "\(staffHits)")
        let secretHits = Set(try archive.search(SearchRequestSpec(query: "rừng", role: .secret, limit: 50)).hits.map(\.id))
        XCTAssertTrue(secretHits.isSuperset(of: restricted2.union(restricted3)), "\(secretHits)")
        let publicHits = Set(try archive.search(SearchRequestSpec(query: "rừng", role: .public, limit: 50)).hits.map(\.id))
        XCTAssertEqual(publicHits, ["\(Self.fileID).1", "\(Self.fileID).2"])

        // Control: the three level databases opened as one (every role then searches every level; the XA
        // filter keeps the hits right, but the statistics are those of all documents).
        let generation = try XCTUnwrap(IndexStub.read(all.indexStubPath))
        let combined = try Archive(data: all)
        combined.indexSources = IndexSources(paths: IndexLayout.levels.map { IndexLayout.levelPath(generation, level: $0) })
        XCTAssertNotNil(combined.indexLayoutWarning())
        var differing: [String] = []
        for q in Self.queries {
            let mixed = try Self.scores(combined, q, role: .public)
            XCTAssertEqual(Set(mixed.map { $0.split(separator: " ")[0] }), Set(try Self.scores(reference, q, role: .public).map { $0.split(separator: " ")[0] }), q)
            if mixed != (try Self.scores(reference, q, role: .public)) { differing.append(q) }
        }
        XCTAssertGreaterThanOrEqual(differing.count, 3, "một cơ sở dữ liệu chung phải cho điểm khác: \(differing)")
        // The order itself changes: with "rừng" common everywhere, "đất" decides.
        print("rừng đất: một cơ sở dữ liệu chung \(try Self.scores(combined, "rừng đất", role: .public)), chỉ công khai \(try Self.scores(reference, "rừng đất", role: .public))")
        XCTAssertNotEqual(try Self.scores(combined, "rừng đất", role: .public).map { $0.prefix(20) },
                          try Self.scores(reference, "rừng đất", role: .public).map { $0.prefix(20) })
        // The same through the whole generation given as one `--index` source: split, so per level.
        let viaIndex = try Archive(data: all)
        viaIndex.indexSources = IndexSources(paths: [all.indexStubPath])
        XCTAssertNil(viaIndex.indexLayoutWarning())
        XCTAssertEqual(try Self.scores(viaIndex, "rừng đất", role: .public), try Self.scores(reference, "rừng đất", role: .public))
    }

    /// What a folder holds: a split generation, one database (a database folder, or a stub folder as
    /// `xapian-replicate` makes), or nothing; and what `--index PATH` takes as split.
    func testLayoutKinds() throws {
        let data = try Self.ingest(try Self.writeBatch(Self.docs))
        let generation = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        XCTAssertEqual(IndexLayout.kind(of: generation), .split)
        XCTAssertEqual(IndexLayout.kind(of: IndexLayout.levelPath(generation, level: 1)), .single)
        let replicaLike = try Fixture.temporaryDirectory("stub-folder")
        try Data("auto ../x\n".utf8).write(to: replicaLike.appendingPathComponent("XAPIANDB"))
        XCTAssertEqual(IndexLayout.kind(of: replicaLike.path), .single, "một thư mục chỉ có XAPIANDB là một cơ sở dữ liệu")
        XCTAssertEqual(IndexLayout.kind(of: try Fixture.temporaryDirectory("empty").path), .missing)
        XCTAssertEqual(IndexLayout.kind(of: "/nonexistent/index-1"), .missing)
        XCTAssertEqual(IndexLayout.splitGeneration(at: data.indexStubPath), generation)
        XCTAssertEqual(IndexLayout.splitGeneration(at: generation), generation)
        XCTAssertNil(IndexLayout.splitGeneration(at: IndexLayout.levelPath(generation, level: 2)))
        XCTAssertEqual(IndexLayout.databases(generation, visibleLevels: [2, 1]),
                       [IndexLayout.levelPath(generation, level: 1), IndexLayout.levelPath(generation, level: 2)])
        XCTAssertEqual(try String(contentsOfFile: generation + "/XAPIANDB", encoding: .utf8), "auto l1\nauto l2\nauto l3\n")
    }

    /// Each level database holds exactly the documents of its level.
    static func levelsHolding(_ id: String, in data: DataDirectory) throws -> [Int] {
        let generation = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        return try IndexLayout.levels.filter { level in
            try XapianDatabase(path: IndexLayout.levelPath(generation, level: level))
                .termFrequency(DocumentIndexer.uniqueTerm(documentID: id)) > 0
        }
    }

    /// A corrected Chế độ sử dụng moves the document: out of the database of its old level, into its new
    /// one, by `hoso ingest` (update in place) and by `hoso reindex`; never in two levels at once.
    func testCorrectedAccessMovesTheDocumentBetweenLevelDatabases() throws {
        let data = try Self.ingest(try Self.writeBatch(Self.docs))
        for d in Self.docs {
            let level = try XCTUnwrap(AccessLevel.parse(d.access)).rawValue
            XCTAssertEqual(try Self.levelsHolding(Self.id(d), in: data), [level], Self.id(d))
        }
        let archive = try Archive(data: data)
        let moved = Self.id(Self.docs[0])
        func publicFinds() throws -> Bool {
            try archive.search(SearchRequestSpec(query: "đo đạc", role: .public)).hits.contains { $0.id == moved }
        }
        XCTAssertTrue(try publicFinds())

        var corrected = Self.docs
        corrected[0].access = "Mật"
        _ = try Self.ingest(try Self.writeBatch(corrected), into: data)
        XCTAssertEqual(try Self.levelsHolding(moved, in: data), [3])
        XCTAssertFalse(try publicFinds())
        XCTAssertTrue(try archive.search(SearchRequestSpec(query: "đo đạc", role: .secret)).hits.contains { $0.id == moved })
        // The public statistics no longer count it: as if it had never been public.
        let reference = try Archive(data: try Self.ingest(try Self.writeBatch(corrected.filter { $0.access == "Công khai" })))
        XCTAssertEqual(try Self.scores(archive, "rừng", role: .public), try Self.scores(reference, "rừng", role: .public))

        corrected[0].access = "Sử dụng có điều kiện"
        _ = try Self.ingest(try Self.writeBatch(corrected), into: data)
        XCTAssertEqual(try Self.levelsHolding(moved, in: data), [2])
        try IndexMaintainer(data: data, store: archive.store).rebuild()
        XCTAssertEqual(try Self.levelsHolding(moved, in: data), [2])
        XCTAssertFalse(try publicFinds())
        XCTAssertTrue(try archive.search(SearchRequestSpec(query: "đo đạc", role: .staff)).hits.contains { $0.id == moved })
    }

    /// A data folder indexed before the split (its generation one database of every level) is still
    /// searched, correctly filtered, with a warning that says to run `hoso reindex`; the next ingest
    /// rebuilds it split by level, after which public scores are those of the public documents.
    func testSingleDatabaseGenerationIsReadableAndRebuiltByTheNextIngest() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-compact") else { throw XCTSkip("không có xapian-compact") }
        let batch = try Self.writeBatch(Self.docs)
        let data = try Self.ingest(batch)
        let reference = try Archive(data: try Self.ingest(try Self.writeBatch(Self.docs.filter { $0.access == "Công khai" })))
        // The older layout: the three level databases merged into one by Xapian's own tool.
        let split = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        let old = data.url.appendingPathComponent("index-7").path
        let compact = Process()
        compact.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-compact")
        compact.arguments = IndexLayout.levels.map { IndexLayout.levelPath(split, level: $0) } + [old]
        compact.standardOutput = FileHandle.nullDevice
        try compact.run()
        compact.waitUntilExit()
        XCTAssertEqual(compact.terminationStatus, 0)
        try Data("auto index-7\n".utf8).write(to: URL(fileURLWithPath: data.indexStubPath))
        try FileManager.default.removeItem(atPath: split)
        XCTAssertEqual(IndexLayout.kind(of: old), .single)

        let archive = try Archive(data: data)
        let warning = try XCTUnwrap(archive.indexLayoutWarning())
        XCTAssertTrue(warning.contains("hoso reindex"), warning)
        XCTAssertEqual(Set(try archive.search(SearchRequestSpec(query: "rừng", role: .public, limit: 50)).hits.map(\.id)),
                       ["\(Self.fileID).1", "\(Self.fileID).2"])
        XCTAssertEqual(try archive.search(SearchRequestSpec(query: "rừng", role: .secret, limit: 50)).total, Self.docs.count - 1)
        XCTAssertEqual(try archive.indexDocumentCount(), Self.docs.count)
        let cli = try Fixture.hoso(["search", "--data", data.url.path, "rừng"])
        XCTAssertEqual(cli.code, 0, cli.err)
        XCTAssertTrue(cli.err.contains("hoso reindex"), cli.err)

        // The next ingest (nothing changed in the batch) rebuilds the index into a split generation.
        _ = try Self.ingest(batch, into: data)
        let current = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        // Built as index-8, compacted into index-9.
        XCTAssertTrue(current.hasSuffix("/index-9"), current)
        XCTAssertEqual(IndexLayout.kind(of: current), .split)
        // The single-database generation stays as the one a damaged index falls back to, until the next switch.
        XCTAssertTrue(FileManager.default.fileExists(atPath: old))
        XCTAssertNil(archive.indexLayoutWarning())
        XCTAssertEqual(try archive.indexDocumentCount(), Self.docs.count)
        for q in Self.queries {
            XCTAssertEqual(try Self.scores(archive, q, role: .public), try Self.scores(reference, q, role: .public), q)
        }
        XCTAssertTrue(try Fixture.hoso(["search", "--data", data.url.path, "rừng"]).err.isEmpty)
    }
}
