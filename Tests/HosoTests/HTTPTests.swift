import Access
import Catalogue
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Search
import XCTest

/// The HTTP API and web pages, through the real router, on the real fixture.
final class HTTPTests: XCTestCase {
    static func app() throws -> (some ApplicationProtocol, Archive) {
        let archive = try Archive(data: Fixture.get().data)
        return (Application(router: buildRouter(archive: archive)), archive)
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any])
    }

    func testHealthAndSearch() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
            }
            try await client.execute(uri: "/api/search?q=thu+hoi+dat+thua+305", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "application/json; charset=utf-8")
                let json = try Self.json(response.body)
                let hits = try XCTUnwrap(json["hits"] as? [[String: Any]])
                XCTAssertEqual(hits.first?["id"] as? String, "H49.64.33.2012.015.2")
                XCTAssertGreaterThanOrEqual(json["total"] as? Int ?? 0, 1)
            }
            let accented = "/api/search?q=" + "Quyết định số 1605 thu hồi đất".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            try await client.execute(uri: accented, method: .get) { response in
                let hits = try XCTUnwrap(Self.json(response.body)["hits"] as? [[String: Any]])
                XCTAssertEqual(hits.first?["id"] as? String, "H49.64.33.2012.015.2")
            }
        }
    }

    func testCallerMistakesAreJSON4xxNever500() async throws {
        let (app, _) = try Self.app()
        let cases: [(String, HTTPResponse.Status)] = [
            ("/api/search?q=%22thu+hoi", .badRequest),
            ("/api/search?q=dat&limit=abc", .badRequest),
            ("/api/search?q=dat&limit=100000", .badRequest),
            ("/api/search?q=dat&offset=-1", .badRequest),
            ("/api/search?q=dat&sort=sideways", .badRequest),
            ("/api/search?q=nam:abc", .badRequest),
            ("/api/search", .badRequest),
            ("/api/documents/..%2F..%2Fetc%2Fpasswd", .notFound),
            ("/api/documents/H00.00.00.0000.000.1", .notFound),
            ("/api/documents/H49.64.33.2012.015.2/pages/0/image", .notFound),
            ("/api/documents/H49.64.33.2012.015.2/pages/99/image", .notFound),
        ]
        try await app.test(.router) { client in
            for (uri, status) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    XCTAssertEqual(response.status, status, uri)
                    let json = try Self.json(response.body)
                    XCTAssertFalse((json["error"] as? String ?? "").isEmpty, uri)
                }
            }
        }
    }

    func testForbiddenAndUnknownDocumentsAnswerAlike() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            let forbidden = try await client.execute(uri: "/api/documents/H54.55.12.2012.031.3", method: .get)
            let unknown = try await client.execute(uri: "/api/documents/H54.55.12.2012.031.7", method: .get)
            XCTAssertEqual(forbidden.status, .notFound)
            XCTAssertEqual(unknown.status, .notFound)
            let a = try Self.json(forbidden.body)["error"] as? String
            let b = try Self.json(unknown.body)["error"] as? String
            XCTAssertEqual(a?.replacingOccurrences(of: "031.3", with: "X"), b?.replacingOccurrences(of: "031.7", with: "X"))
            let image = try await client.execute(uri: "/api/documents/H54.55.12.2012.031.3/pages/1/image", method: .get)
            XCTAssertEqual(image.status, .notFound)
        }
    }

    func testTokensGiveRolesAndWrongTokensAre401() async throws {
        let (app, archive) = try Self.app()
        let staff = try TokenService(store: archive.store).create(role: .staff, name: "quầy một cửa số 1")
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/search?q=bo+nhiem", method: .get) { response in
                let hits = try XCTUnwrap(Self.json(response.body)["hits"] as? [[String: Any]])
                XCTAssertFalse(hits.contains { $0["id"] as? String == "H49.64.33.2016.003.1" })
            }
            try await client.execute(uri: "/api/search?q=bo+nhiem", method: .get,
                                     headers: [.authorization: "Bearer \(staff)"]) { response in
                let hits = try XCTUnwrap(Self.json(response.body)["hits"] as? [[String: Any]])
                XCTAssertTrue(hits.contains { $0["id"] as? String == "H49.64.33.2016.003.1" })
            }
            try await client.execute(uri: "/api/search?q=bo+nhiem", method: .get,
                                     headers: [.authorization: "Bearer hoso_wrong"]) { response in
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertNotNil(try Self.json(response.body)["error"] as? String)
            }
            try await client.execute(uri: "/api/documents/H49.64.33.2016.003.1", method: .get,
                                     headers: [.authorization: "Bearer \(staff)"]) { response in
                XCTAssertEqual(response.status, .ok)
                let json = try Self.json(response.body)
                XCTAssertEqual((json["pages"] as? [[String: Any]])?.count, 1)
            }
        }
    }

    func testDocumentPageImageAndWordBoxes() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/documents/H49.64.33.2012.015.2", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let json = try Self.json(response.body)
                XCTAssertEqual((json["pages"] as? [[String: Any]])?.map { $0["number"] as? Int }, [1, 2])
                XCTAssertEqual((json["previous"] as? [String: Any])?["id"] as? String, "H49.64.33.2012.015.1")
                XCTAssertEqual((json["next"] as? [String: Any])?["id"] as? String, "H49.64.33.2012.015.3")
            }
            try await client.execute(uri: "/api/documents/H49.64.33.2012.015.2/pages/1/image", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "image/png")
                XCTAssertEqual(Array(response.body.readableBytesView.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
            }
            try await client.execute(uri: "/api/documents/H49.64.33.2012.015.2/pages/1/words?q=thu+hoi+dat", method: .get) { response in
                let json = try Self.json(response.body)
                let boxes = try XCTUnwrap(json["boxes"] as? [[String: Any]])
                XCTAssertGreaterThan(boxes.count, 3)
                let width = try XCTUnwrap(json["width"] as? Int)
                for box in boxes { XCTAssertLessThanOrEqual((box["x"] as? Int ?? 0) + (box["width"] as? Int ?? 0), width) }
            }
        }
    }

    func testWebPagesAreVietnameseAndEscaped() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/?q=%3Cscript%3Ethu+hoi+dat", method: .get) { response in
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("lang=\"vi\""))
                XCTAssertFalse(html.contains("<script>"))
                XCTAssertTrue(html.contains("&lt;script&gt;"))
                XCTAssertNotNil(response.headers[.contentSecurityPolicy])
            }
            try await client.execute(uri: "/?q=thu+hoi+dat", method: .get) { response in
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("/tai-lieu/H49.64.33.2012.015.2"), html)
                XCTAssertTrue(html.contains("<mark>"))
            }
            try await client.execute(uri: "/tai-lieu/H49.64.33.2012.015.2?trang=1&q=thu+hoi+dat", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let html = String(buffer: response.body)
                XCTAssertTrue(html.contains("class=\"box\""))
                XCTAssertTrue(html.contains("Trang 1/2"))
                // The retention is kept as its code (01) and shown by its name.
                XCTAssertTrue(html.contains("<th>Thời hạn lưu trữ</th><td>Vĩnh viễn</td>"), html)
            }
            try await client.execute(uri: "/tra-cuu", method: .get) { response in
                XCTAssertTrue(String(buffer: response.body).contains("Đất đai"))
            }
        }
    }

    func testPrometheusMetricsCountRequestsAndIndexSize() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/api/search?q=thu+hoi+dat", method: .get)
            _ = try await client.execute(uri: "/api/search?q=%22thu", method: .get)
            _ = try await client.execute(uri: "/api/documents/H54.55.12.2012.031.3", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                let text = String(buffer: response.body)
                XCTAssertTrue(text.contains("hoso_http_requests_total{route=\"api_search\",status=\"2xx\"} 1"), text)
                XCTAssertTrue(text.contains("hoso_http_requests_total{route=\"api_search\",status=\"4xx\"} 1"), text)
                XCTAssertTrue(text.contains("hoso_http_requests_total{route=\"api_document\",status=\"4xx\"} 1"), text)
                XCTAssertTrue(text.contains("hoso_http_request_duration_seconds_count{route=\"api_search\"} 2"), text)
                XCTAssertTrue(text.contains("hoso_index_documents 28"), text)
                // Where the one search that ran spent its time: index, result page, the whole search.
                for name in ["hoso_search_index_duration_seconds", "hoso_search_result_page_duration_seconds",
                             "hoso_search_duration_seconds"] {
                    XCTAssertTrue(text.contains("\(name)_count 1\n"), name)
                }
                func sum(_ name: String) -> Double {
                    Double(text.split(separator: "\n").first { $0.hasPrefix("\(name)_sum ") }?.split(separator: " ").last ?? "") ?? -1
                }
                XCTAssertGreaterThan(sum("hoso_search_result_page_duration_seconds"), 0)
                XCTAssertGreaterThanOrEqual(sum("hoso_search_duration_seconds"),
                                            sum("hoso_search_index_duration_seconds") + sum("hoso_search_result_page_duration_seconds"))
                XCTAssertFalse(text.contains("H54.55"), "no ids in metrics")
                let bytes = text.split(separator: "\n").first { $0.hasPrefix("hoso_index_bytes ") }
                XCTAssertGreaterThan(Int(bytes?.split(separator: " ").last ?? "0") ?? 0, 10_000)
            }
        }
    }

    func testOpenAPIDocumentIsServed() async throws {
        let (app, _) = try Self.app()
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let yaml = String(buffer: response.body)
                XCTAssertTrue(yaml.hasPrefix("openapi: 3"))
                for path in ["/api/search:", "/api/documents/{id}:", "/api/documents/{id}/pages/{n}/image:", "/healthz:"] {
                    XCTAssertTrue(yaml.contains(path), path)
                }
            }
        }
    }
}
