import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Operations
@testable import Search

/// Only the index damaged: the server keeps answering from the generation the last rebuild replaced (kept until
/// the next switch), says so in its log, on `/healthz` and in `hoso verify`, and does not refuse to start.
final class ServedGenerationTests: XCTestCase {
    /// A data folder ingested (generation 1) then reindexed (generation 3, generation 1 kept).
    func folder(_ name: String) throws -> DataDirectory { try OpsFixture.reindexed(name) }

    /// Overwrites every table file of every level database of `generation` with garbage of the same size.
    func damageTables(_ generation: String) throws {
        for level in IndexLayout.levels {
            let db = IndexLayout.levelPath(generation, level: level)
            for name in try FileManager.default.contentsOfDirectory(atPath: db) where name.hasSuffix(".glass") {
                let path = db + "/" + name
                let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
                try Data(repeating: 0xA5, count: size).write(to: URL(fileURLWithPath: path))
            }
        }
    }

    func testARebuildKeepsTheGenerationItReplaced() throws {
        let data = try folder("served-keep")
        let current = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        XCTAssertEqual(URL(fileURLWithPath: current).lastPathComponent, "index-3")
        XCTAssertEqual(ServedGeneration.olderGenerations(data, than: current).map { URL(fileURLWithPath: $0).lastPathComponent }, ["index-1"])
        XCTAssertEqual(ServedGeneration.choose(data), ServedGeneration.Choice(generation: current, warning: nil))
    }

    func testADamagedCurrentGenerationIsServedFromTheOlderOne() async throws {
        let data = try folder("served-damaged")
        let expected = try OpsFixture.ids(try Archive(data: data), "thu hồi đất")
        XCTAssertFalse(expected.isEmpty)
        let current = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        try damageTables(current)
        XCTAssertNotNil(ServedGeneration.problem(current))
        // `hoso serve` starts: nothing refuses an index an older generation stands in for.
        XCTAssertNil(DataFolderVerifier.indexOpenProblem(data))

        let archive = try Archive(data: data)
        let warning = try XCTUnwrap(archive.servingWarning())
        XCTAssertTrue(warning.contains("index-3") && warning.contains("index-1") && warning.contains("hoso reindex"), warning)
        XCTAssertEqual(try OpsFixture.ids(archive, "thu hồi đất"), expected)

        let app = Application(router: buildRouter(archive: archive))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                XCTAssertEqual(json["status"] as? String, "ok")
                XCTAssertTrue((json["warning"] as? String)?.contains("index-1") == true, "\(json)")
            }
            let q = "thu hồi đất".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: "/api/search?q=\(q)&limit=50", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                XCTAssertGreaterThan(json["total"] as? Int ?? 0, 0, "\(json)")
            }
        }

        let verify = try Fixture.hoso(["verify", "--data", data.url.path])
        XCTAssertEqual(verify.code, 1, verify.out + verify.err)
        XCTAssertTrue(verify.out.contains("đang phục vụ từ thế hệ chỉ mục cũ index-1"), verify.out)

        // A reindex repairs it; the server, when the stub changes, serves the new generation without a warning.
        XCTAssertEqual(try Fixture.hoso(["reindex", "--data", data.url.path]).code, 0)
        XCTAssertNil(archive.servingWarning())
        XCTAssertEqual(try OpsFixture.ids(archive, "thu hồi đất"), expected)
    }

    /// With no older generation to stand in, a damaged index is refused as before.
    func testWithoutAnOlderGenerationTheDamageIsRefused() throws {
        let (data, _) = try OpsFixture.ingest(try OpsFixture.batch(files: 4, name: "served-alone"))
        let current = try XCTUnwrap(IndexStub.read(data.indexStubPath))
        try damageTables(current)
        XCTAssertEqual(ServedGeneration.choose(data).generation, current)
        XCTAssertNotNil(DataFolderVerifier.indexOpenProblem(data))
    }
}
