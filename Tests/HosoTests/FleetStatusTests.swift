import Catalogue
import DataFolder
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Search
import XCTest

/// `hoso status` (text and `--json`) and the fleet's gauges on `/metrics`, from a catalogue an ingest wrote.
final class FleetStatusTests: XCTestCase {
    func testStatusAndMetricsShowTheFleetsProgress() async throws {
        let batch = try OpsFixture.batch(files: 4, name: "status")
        let data = try DataDirectory(path: Fixture.temporaryDirectory("status-data").path)
        let ingest = try Fixture.hoso(["ingest", batch.path, "--data", data.url.path, "--worker", "máy-một", "--json"])
        XCTAssertEqual(ingest.code, 0, ingest.err)
        let store = try data.openCatalogue()
        let pages = try store.counts().pages
        XCTAssertGreaterThan(pages, 10)
        // Two pages more to do on one document, and a document held by another worker.
        let ids = try store.allDocumentIDs()
        let state = try store.documentState(id: ids[0])
        try store.setPageCount(documentID: ids[0], count: (state.pageCount ?? 0) + 2, scanHash: state.scanHash ?? "")
        XCTAssertNotNil(try store.claim(documentID: ids[1], worker: "máy-hai", lease: 300))

        let (code, out, err) = try Fixture.hoso(["status", "--data", data.url.path, "--json"])
        XCTAssertEqual(code, 0, err)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual(json["documents"] as? Int, ids.count)
        XCTAssertEqual(json["pages_done"] as? Int, pages)
        XCTAssertEqual(json["pages_known"] as? Int, pages + 2)
        XCTAssertEqual(json["pages_left"] as? Int, 2)
        XCTAssertEqual(json["recognitions"] as? Int, pages, "every transcript page logged once")
        XCTAssertEqual(json["pages_recognised_twice"] as? Int, 0)
        XCTAssertEqual(json["window_seconds"] as? Double, 600)
        let rate = try XCTUnwrap(json["rate_per_minute"] as? Double)
        XCTAssertEqual(rate, Double(pages), accuracy: 0.01, "every page within the last minute: over a minute")
        XCTAssertEqual(try XCTUnwrap(json["seconds_left"] as? Double), (2 / rate * 60).rounded(), accuracy: 1)
        let workers = try XCTUnwrap(json["workers"] as? [[String: Any]])
        XCTAssertEqual(workers.compactMap { $0["worker"] as? String }, ["máy-hai", "máy-một"])
        XCTAssertEqual(workers.compactMap { $0["pages"] as? Int }, [0, pages])
        XCTAssertLessThan(try XCTUnwrap(workers.last?["seconds_since_seen"] as? Double), 120)
        let claims = try XCTUnwrap(json["claims"] as? [[String: Any]])
        XCTAssertEqual(claims.compactMap { $0["document"] as? String }, [ids[1]])
        XCTAssertEqual(claims.first?["worker"] as? String, "máy-hai")
        XCTAssertGreaterThan(try XCTUnwrap(claims.first?["seconds_left"] as? Double), 200)

        let text = try Fixture.hoso(["status", "--data", data.url.path])
        XCTAssertEqual(text.code, 0, text.err)
        XCTAssertTrue(text.out.contains("Trang: \(pages + 2) đã biết, \(pages) đã xong ("), text.out)
        XCTAssertTrue(text.out.contains("2 còn lại"), text.out)
        XCTAssertTrue(text.out.contains("Tốc độ cả nhóm: "), text.out)
        XCTAssertTrue(text.out.contains("; còn khoảng "), text.out)
        XCTAssertTrue(text.out.contains("  máy-một\t\(pages) trang\t"), text.out)
        XCTAssertTrue(text.out.contains("Tài liệu đang được giữ: 1\n  \(ids[1])\tmáy-hai\thết hạn sau "), text.out)
        XCTAssertEqual(text.out, text.out.precomposedStringWithCanonicalMapping)

        // The same figures on /metrics, through the real router.
        let archive = try Archive(data: data)
        let app = Application(router: buildRouter(archive: archive))
        try await app.test(.router) { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let metrics = String(buffer: response.body)
                for line in ["hoso_pages_done \(pages)", "hoso_pages_left 2", "hoso_pages_known \(pages + 2)",
                             "hoso_recognitions \(pages)", "hoso_live_claims 1", "hoso_worker_pages{worker=\"máy-một\"} \(pages)",
                             "hoso_worker_pages{worker=\"máy-hai\"} 0", "# TYPE hoso_pages_done gauge"] {
                    XCTAssertTrue(metrics.contains(line + "\n"), "\(line)\n\(metrics)")
                }
                let fleetRate = metrics.split(separator: "\n").first { $0.hasPrefix("hoso_fleet_pages_per_minute ") }
                XCTAssertEqual(Double(fleetRate?.split(separator: " ").last ?? "") ?? -1, rate, accuracy: 0.01)
            }
        }

        // A worker name that is no name is refused before anything is done.
        let bad = try Fixture.hoso(["ingest", batch.path, "--data", data.url.path, "--worker", "  "])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("--worker"), bad.err)
    }
}
