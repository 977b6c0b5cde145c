import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Search
import XCTest

/// Real responses of the real router, on the real fixture, checked against the `/openapi.yaml` the server
/// itself serves: every status documented for its operation, every JSON body valid against its schema
/// (`openapi_check.py`, PyYAML; schemathesis does the same from outside with generated requests:
/// scripts/schemathesis.sh).
final class OpenAPIConformanceTests: XCTestCase {
    static let document = "H49.64.33.2012.015.2"

    /// (uri, bearer token or nil) covering every operation, success and caller mistakes.
    static let requests: [(String, String?)] = {
        let d = document
        var r: [(String, String?)] = [
            ("/healthz", nil), ("/metrics", nil),
            ("/api/search?q=thu+hoi+dat", nil), ("/api/search?q=thu+hoi+dat&facets=true&limit=5", nil),
            ("/api/search?q=quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh&sort=date", nil), ("/api/search?q=dat&sort=-date&offset=2&limit=3", nil),
            ("/api/search?q=dat&from=2000&to=2020&facets=1", nil), ("/api/search?loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh", nil),
            ("/api/search?ten=Nguy%E1%BB%85n&thua=305&tobando=80", nil), ("/api/search?q=khieu+nai&limit=0", nil),
            ("/api/search?q=xyzzyqqq", nil), ("/api/search?q=Nguyen+Van+Hunng", nil), ("/api/search?q=1605%2FQ%C4%90-UBND", nil),
            ("/api/search?q=%22thu+hoi", nil), ("/api/search?q=dat&limit=abc", nil), ("/api/search?q=dat&limit=100000", nil),
            ("/api/search", nil), ("/api/search?q=dat&sort=sideways", nil),
            ("/api/search?q=nguyeenx+vawn+hungf+photo", nil), ("/api/search?q=den+bu+giai+toa+ea+kly", nil),
            ("/api/search?q=dat", "khong-phai-ma-that"),
            ("/api/documents/\(d)", nil), ("/api/documents/\(d)/text", nil), ("/api/documents/\(d)/pages/1/image", nil),
            ("/api/documents/\(d)/pages/1/words?q=thu+hoi+dat", nil), ("/api/documents/\(d)/pages/99/image", nil),
            ("/api/documents/H00.00.00.0000.000.1", nil), ("/api/documents/..%2F..%2Fetc%2Fpasswd/text", nil),
            ("/api/documents/\(d)", "khong-phai-ma-that"),
        ]
        r.append(("/openapi.yaml", nil))
        return r
    }()

    func testRealResponsesConformToTheServedOpenAPIDocument() async throws {
        let python = "/usr/bin/python3"
        guard FileManager.default.isExecutableFile(atPath: python) else { throw XCTSkip("no \(python)") }
        let archive = try Archive(data: Fixture.get().data)
        let app = Application(router: buildRouter(archive: archive))
        var recorded: [[String: Any]] = []
        var yaml = ""
        try await app.test(.router) { client in
            for (uri, token) in Self.requests {
                let headers: HTTPFields = token.map { [.authorization: "Bearer \($0)"] } ?? [:]
                try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    let body = String(decoding: Data(response.body.readableBytesView), as: UTF8.self)
                    if uri == "/openapi.yaml" { yaml = body; return }
                    XCTAssertLessThan(response.status.code, 500, uri)
                    recorded.append(["method": "GET", "path": uri, "status": response.status.code,
                                     "content_type": response.headers[.contentType] ?? "", "body": body])
                }
            }
        }
        XCTAssertTrue(yaml.hasPrefix("openapi: 3"))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yamlFile = dir.appendingPathComponent("openapi.yaml"), responsesFile = dir.appendingPathComponent("responses.json")
        try Data(yaml.utf8).write(to: yamlFile)
        try JSONSerialization.data(withJSONObject: recorded).write(to: responsesFile)
        let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("openapi_check.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [checker.path, yamlFile.path, responsesFile.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text)
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("\(Self.requests.count - 1) responses, \(Self.requests.count - 1) checked against their documented response, 0 problems"), text)
    }
}
