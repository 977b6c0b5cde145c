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
}
