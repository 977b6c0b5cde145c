import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import Ingest
import PostgresTestSupport
import Search
import XCTest

/// `hoso reindex --part i/n`: each serving machine builds its shard from the one shared PostgreSQL catalogue.
final class PartReindexTests: XCTestCase {
    /// Three parts reindexed from one PostgreSQL catalogue, searched together, give the hits of the whole index.
    func testThreePartsFromOneCatalogueAnswerLikeTheWholeIndex() throws {
        let batch = try OpsFixture.batch(files: 24, name: "part-reindex")
        let database = try TestPostgres.freshDatabase()
        defer { database.drop() }
        let whole = try DataDirectory(path: Fixture.temporaryDirectory("part-whole").path, catalogue: database.url)
        let (_, summary) = try OpsFixture.ingest(batch, into: whole)
        XCTAssertGreaterThan(summary.documents, 0)
        let keys = try whole.openCatalogue().allDocumentKeys()

        var generations: [String] = []
        var shardDocuments = 0
        for i in 1...3 {
            let data = try DataDirectory(path: Fixture.temporaryDirectory("part-\(i)").path, catalogue: database.url)
            let r = try Fixture.hoso(["reindex", "--part", "\(i)/3", "--data", data.url.path, "--catalogue", database.url])
            XCTAssertEqual(r.code, 0, r.err)
            XCTAssertTrue(r.err.contains("(phần \(i)/3)"), r.err)
            let stub = try String(contentsOfFile: data.indexStubPath, encoding: .utf8)
            let generation = data.url.appendingPathComponent(String(stub.split(separator: "\n")[0].dropFirst("auto ".count))).path
            generations.append(generation)
            // The shard holds exactly the documents of its part's hồ sơ.
            let shard = try Archive(data: whole)
            shard.indexSources = IndexSources(paths: [generation])
            let part = try BatchPart(index: i, count: 3)
            let expected = keys.filter { part.contains(fileID: $0.fileID) }.count
            XCTAssertGreaterThan(expected, 0, "phần \(i) rỗng")
            XCTAssertEqual(try shard.indexDocumentCount(), expected, "phần \(i)")
            shardDocuments += expected
        }
        XCTAssertEqual(shardDocuments, keys.count)
        let bad = try Fixture.hoso(["reindex", "--part", "4/3", "--data", whole.url.path, "--catalogue", database.url])
        XCTAssertEqual(bad.code, 2, bad.err)

        let single = try Archive(data: whole)
        let together = try Archive(data: whole)
        together.indexSources = IndexSources(paths: generations)
        XCTAssertNil(together.indexLayoutWarning())
        for role in [Role.public, .staff, .secret] {
            for q in MergeTests.queries {
                let spec = SearchRequestSpec(query: q, role: role, limit: 10)
                let expected = try single.search(spec), got = try together.search(spec)
                XCTAssertGreaterThan(expected.total, 0, q)
                XCTAssertEqual(got.total, expected.total, "\(role) \(q)")
                XCTAssertEqual(got.hits.map { ($0.score * 100).rounded() }, expected.hits.map { ($0.score * 100).rounded() }, "\(role) \(q)")
                if role == .secret { XCTAssertEqual(try OpsFixture.ids(together, q), try OpsFixture.ids(single, q), q) }
            }
        }
    }

    /// A part's half-built generation is resumed by the same part, and a part never resumes the half-built
    /// generation of the whole index (or of another part), whose partitions hold other hồ sơ's documents.
    func testAKilledPartReindexResumesOnlyForTheSamePart() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 150, name: "part-resume"))
        let keys = try data.openCatalogue().allDocumentKeys()
        /// A reindex killed once a partition is done, while its generation is half-built.
        func killed(_ arguments: [String]) throws {
            let stub = try String(contentsOfFile: data.indexStubPath, encoding: .utf8)
            let current = Int(stub.split(separator: "-").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
            let progress = data.url.appendingPathComponent("index-\(current + 1).progress").path
            let process = Process()
            process.executableURL = Fixture.executable
            process.arguments = ["reindex", "--data", data.url.path, "--commit-every", "5"] + arguments
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning,
                  !((try? String(contentsOfFile: progress, encoding: .utf8)) ?? "").contains("#done") {
                Thread.sleep(forTimeInterval: 0.005)
            }
            guard process.isRunning else { throw XCTSkip("lần lập lại chạy xong trước khi kịp ngắt") }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        func reindex(_ arguments: [String], resumes: Bool, documents: Int) throws {
            let r = try Fixture.hoso(["reindex", "--data", data.url.path] + arguments)
            XCTAssertEqual(r.code, 0, r.err)
            XCTAssertEqual(r.err.contains("Tiếp tục lần lập lại bị ngắt"), resumes, "\(arguments): \(r.err)")
            XCTAssertEqual(try Archive(data: data).indexDocumentCount(), documents, "\(arguments)")
        }
        let first = try BatchPart(index: 1, count: 2), second = try BatchPart(index: 2, count: 2)
        try killed(["--part", "1/2"])
        try reindex(["--part", "1/2"], resumes: true, documents: keys.filter { first.contains(fileID: $0.fileID) }.count)
        try killed([])
        try reindex(["--part", "2/2"], resumes: false, documents: keys.filter { second.contains(fileID: $0.fileID) }.count)
    }
}
