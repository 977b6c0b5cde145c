import Catalogue
import DataFolder
import Foundation
import Hummingbird
import HummingbirdTesting
import Ingest
import Search
import XCTest
@testable import HosoServer

/// A small deterministic generator (SplitMix64), so a failing input can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded random and malformed input through the query parser, the search, the HTTP router, the CSV reader
/// and the scan readers: never a crash, never a 5xx, always JSON from the API, every bad input reported.
final class FuzzTests: XCTestCase {
    static let pieces: [String] = [
        "thu", "hồi", "đất", "Nguyễn", "Văn", "Hùng", "quyết định", "Xuyến", "Nguyệt", "1605/QĐ-UBND", "2010", "305",
        "AND", "OR", "NOT", "và", "hoặc", "không", "-", "+", "\"", "\"", "(", ")", "*", ":", "..", "/", "\\", "'", "|", "~", "^",
        "so:", "hoso:", "loai:", "nam:", "ngay:", "thua:", "to:", "cccd:", "coquan:", "phong:", "nam:abc", "nam:1999..",
        "nam:..", "nam:9999999999999999999", "ngay:99/99/9999", "ngay:", "so:////", "hoso:../../etc/passwd", "thua:-1", "to:x",
        "\u{0}", "\u{7}", "\u{1B}[31m", "\u{202E}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{FFFD}", "مرحبا", "שלום",
        "👩‍👩‍👧", "🇻🇳", "😀", "N\u{0067}u\u{0302}\u{0303}y\u{0065}\u{0302}\u{0303}n", "\u{0301}\u{0301}\u{0301}", "ǅ", "ﬁ", "Ⅻ",
        "%", "%00", "&", "=", "?", "#", "<script>", "</mark>", "\n", "\t", "\r\n", " ", "   ",
    ]

    static func randomQuery(_ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: return String(repeating: "a", count: Int.random(in: 200...1200, using: &rng))
        case 1: return String(repeating: "(", count: Int.random(in: 1...400, using: &rng)) + "đất"
            + String(repeating: ")", count: Int.random(in: 0...400, using: &rng))
        case 2: return String((0..<Int.random(in: 1...60, using: &rng)).map { _ in
            Character(Unicode.Scalar(UInt32.random(in: 1...0x2FFF, using: &rng)) ?? "?") })
        case 3: return (0..<Int.random(in: 1...300, using: &rng)).map { _ in ["-", "+", "\"", "OR", "NOT", "*", "("].randomElement(using: &rng)! }
            .joined(separator: Bool.random(using: &rng) ? " " : "")
        default:
            return (0..<Int.random(in: 1...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }
                .joined(separator: Int.random(in: 0..<4, using: &rng) == 0 ? "" : " ")
        }
    }

    static let fixedQueries: [String] = [
        "\"", "\"\"", "\"thu hồi", "thu hồi\"", "(((", ")))", "()", "-", "--", "- - -", "+", "*", "**", "OR", "AND", "NOT",
        "OR OR OR", "NOT NOT đất", "-đất", "so:", "hoso:", "loai:", "nam:", "nam:..", "nam:2015..2010", "nam:0", "nam:-5",
        "ngay:31/02/2010", "ngay:00/00/0000", "thua:", "to:", "cccd:abc", "x:y:z", ":::", "::đất", "loai:\"", "loai:(", "\u{0}",
        String(repeating: "đ", count: 1000), String(repeating: "đ", count: 1001), String(repeating: "a ", count: 500),
        String(repeating: "(", count: 999), String(repeating: "\"a\" ", count: 250), String(repeating: "nam:2010 ", count: 100),
        "\u{202E}tắd iồh uht", "👩‍👩‍👧 đất", "Nguye\u{0302}\u{0303}n Va\u{0306}n Hu\u{0300}ng", "\u{0301}", "ǅất", " ", "\t\n",
    ]

    func testRandomAndMalformedQueriesNeverCrashOrFail5xx() async throws {
        let built = try LeakCorpus.get(visibleTo: nil)
        let archive = try Archive(data: built.data)
        var rng = SeededGenerator(seed: 20_251_125)
        let queries = Self.fixedQueries + (0..<300).map { _ in Self.randomQuery(&rng) }
        var answered = 0, refused = 0
        let started = Date()
        for q in queries {
            for role in Role.allCases {
                do {
                    let result = try archive.search(SearchRequestSpec(query: q, role: role, limit: 20, facets: Bool.random(using: &rng)))
                    XCTAssertGreaterThanOrEqual(result.total, result.hits.count, q.debugDescription)
                    answered += 1
                } catch let e as HosoError {
                    XCTAssertEqual(e.kind, .usage, "\(q.debugDescription): \(e.message)")
                    XCTAssertFalse(e.message.isEmpty)
                    refused += 1
                }
            }
        }
        XCTAssertGreaterThan(answered, 100)
        XCTAssertGreaterThan(refused, 10)

        let app = Application(router: buildRouter(archive: archive, options: ServerOptions(rateLimit: .off)))
        var staff = HTTPFields(); staff[.authorization] = "Bearer \(built.staffToken)"
        try await app.test(.router) { client in
            for (i, q) in queries.enumerated() {
                let e = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                let uri = i % 3 == 0 ? "/api/search?q=\(e)&facets=1" : "/api/search?q=\(e)&limit=\(i % 101)&offset=\(i % 7)"
                let r = try await client.execute(uri: uri, method: .get, headers: i % 2 == 0 ? [:] : staff)
                XCTAssertLessThan(r.status.code, 500, q.debugDescription)
                XCTAssertEqual(r.headers[.contentType], "application/json; charset=utf-8", q.debugDescription)
                let json = try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any]
                XCTAssertNotNil(json, q.debugDescription)
                if r.status == .ok {
                    XCTAssertNotNil(json?["total"] as? Int, q.debugDescription)
                    XCTAssertNotNil(json?["hits"] as? [Any], q.debugDescription)
                } else {
                    XCTAssertFalse((json?["error"] as? String ?? "").isEmpty, q.debugDescription)
                }
                if i % 5 == 0 {
                    let page = try await client.execute(uri: "/?q=\(e)", method: .get)
                    XCTAssertLessThan(page.status.code, 500, q.debugDescription)
                    XCTAssertFalse(String(buffer: page.body).contains("<script>"), "query echoed unescaped: \(q.debugDescription)")
                }
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 25, "the fuzz suite must stay fast")
    }

    func testMalformedURIsAnswerJSON4xx() async throws {
        let archive = try Archive(data: LeakCorpus.get(visibleTo: nil).data)
        let app = Application(router: buildRouter(archive: archive, options: ServerOptions(rateLimit: .off)))
        var rng = SeededGenerator(seed: 7)
        var uris = [
            "/api/documents/%00", "/api/documents/%ZZ", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/" + String(repeating: "H", count: 5000),
            "/api/documents/H49.64.33.2010.001.2/pages/-1/image", "/api/documents/H49.64.33.2010.001.2/pages/abc/image",
            "/api/documents/H49.64.33.2010.001.2/pages/99999999999999999999/image", "/api/documents/H49.64.33.2010.001.2/pages/1/words?q=%22",
            "/api/search?q=%", "/api/search?q=%E1%BB", "/api/search?q=a&limit=", "/api/search?q=a&limit=1e3", "/api/search?q=a&offset=10001",
            "/api/search?q=a&from=abc", "/api/search?q=a&from=2015&to=2010", "/api/search?q=a&sort=", "/api/search?q=a&facets=%00",
            "/api/search?&&&=&=", "/api/search?q=" + String(repeating: "a", count: 9000), "/api/khong-co", "/khong-co", "/api/",
        ]
        for _ in 0..<80 {
            let garbage = String((0..<Int.random(in: 1...40, using: &rng)).map { _ in
                "abcHĐ.%/?&=#:;0123456789-_~".randomElement(using: &rng)! })
            let encoded = garbage.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "x"
            uris.append(["/api/documents/", "/api/search?q=", "/api/documents/H49.64.33.2010.001.2/pages/"].randomElement(using: &rng)! + encoded)
        }
        try await app.test(.router) { client in
            for uri in uris {
                let r = try await client.execute(uri: uri, method: .get)
                XCTAssertLessThan(r.status.code, 500, uri)
                if uri.hasPrefix("/api") {
                    XCTAssertTrue(r.status == .ok || r.headers[.contentType] == "application/json; charset=utf-8", uri)
                    if r.status != .ok {
                        let json = try? JSONSerialization.jsonObject(with: Data(r.body.readableBytesView)) as? [String: Any]
                        XCTAssertFalse((json?["error"] as? String ?? "").isEmpty, "\(uri): \(String(buffer: r.body))")
                    }
                }
            }
            // Methods and bodies nobody asked for.
            let put = try await client.execute(uri: "/api/search?q=a", method: .put, body: ByteBuffer(string: "x"))
            XCTAssertLessThan(put.status.code, 500)
            let big = try await client.execute(uri: "/dang-nhap", method: .post,
                                               headers: [.contentType: "application/x-www-form-urlencoded"],
                                               body: ByteBuffer(string: "token=" + String(repeating: "a", count: 40_000)))
            XCTAssertEqual(big.status, .contentTooLarge)
            XCTAssertNotNil((try? JSONSerialization.jsonObject(with: Data(big.body.readableBytesView)) as? [String: Any])?["error"] as? String)
        }
    }

    func testMalformedCSVIsReportedNeverCrashes() throws {
        var rng = SeededGenerator(seed: 42)
        let good = try LeakCorpus.writeBatch { _ in true }
        let hoSo = try Data(contentsOf: good.appendingPathComponent("ho_so.csv"))
        let taiLieu = try Data(contentsOf: good.appendingPathComponent("tai_lieu.csv"))
        func mutate(_ data: Data) -> Data {
            var bytes = [UInt8](data)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: return Data((0..<Int.random(in: 0...2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
            case 1: // flip bytes
                for _ in 0..<Int.random(in: 1...20, using: &rng) where !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = [0x22, 0x2C, 0x0A, 0x0D, 0x00, 0xFF, 0xC3].randomElement(using: &rng)!
                }
            case 2: bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &rng)))    // cut anywhere (inside UTF-8 too)
            case 3: bytes.insert(0x22, at: Int.random(in: 0...bytes.count, using: &rng))         // unbalanced quote
            case 4: bytes += Array(repeating: UInt8(ascii: "a"), count: 200_000) + [0x2C, 0x0A]   // huge field
            default: bytes = Array("\u{FEFF}\u{FEFF},,,\r\r\n\"\"\"\n".utf8) + bytes.reversed()
            }
            return Data(bytes)
        }
        var reported = 0, refused = 0
        for round in 0..<40 {
            let batch = try Fixture.temporaryDirectory("csv-fuzz")
            try (round % 2 == 0 ? mutate(hoSo) : hoSo).write(to: batch.appendingPathComponent("ho_so.csv"))
            try (round % 2 == 1 || round % 5 == 0 ? mutate(taiLieu) : taiLieu).write(to: batch.appendingPathComponent("tai_lieu.csv"))
            do {
                let metadata = try BatchReader.read(batch: batch)
                if !metadata.problems.isEmpty { reported += 1 }
                for p in metadata.problems { XCTAssertFalse(p.reason.isEmpty) }
            } catch let e as CatalogueError {
                XCTAssertFalse(e.message.isEmpty)
                refused += 1
            }
        }
        XCTAssertGreaterThan(reported + refused, 30, "nearly every mutation must be reported")
    }

    func testRandomBytesAsScansAreReportedAndSkipped() throws {
        var rng = SeededGenerator(seed: 99)
        let names = ["rac.pdf", "rac.jpg", "rac.tif", "rac.png", "rong.pdf", "rac.txt"]
        var scans: [(name: String, data: Data)] = names.map { name in
            (name, Data((0..<Int.random(in: 1...4096, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        }
        scans[4].data = Data()
        // Headers that promise a format, then garbage.
        scans.append(("dau-pdf.pdf", Data("%PDF-1.4\n".utf8) + scans[0].data))
        scans.append(("dau-tiff.tif", Data([0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0x7F]) + scans[2].data))
        scans.append(("dau-png.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + scans[3].data))
        scans.append(("dau-jpeg.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]) + scans[1].data))
        scans[5].data = Data([0xFF, 0xFE, 0x00, 0xD8, 0xC3])   // not UTF-8
        let batch = try LeakCorpus.writeBatch({ $0.file == "H49.64.33.2015.005" }, extraScans: scans)
        var rows = try String(contentsOf: batch.appendingPathComponent("tai_lieu.csv"), encoding: .utf8)
        for (i, scan) in scans.enumerated() {
            rows += "H49.64.33.2015.005,\(10 + i),scans/\(scan.name),Quyết định,,01/01/2015,,Tệp hỏng \(i),,Công khai\r\n"
        }
        try Data(rows.utf8).write(to: batch.appendingPathComponent("tai_lieu.csv"))

        let data = try DataDirectory(path: Fixture.temporaryDirectory("fuzz-scans").path)
        var options = IngestOptions()
        options.quiet = true
        options.workers = 1
        let summary = try Ingestor(data: data, store: try data.openCatalogue(), options: options).ingest(batch: batch)
        XCTAssertEqual(summary.documents, 5, "the five good documents go in: \(summary.skipped)")
        for (i, scan) in scans.enumerated() {
            XCTAssertTrue(summary.skipped.contains { $0.place.hasPrefix("H49.64.33.2015.005.\(10 + i) ") || $0.place.hasPrefix("H49.64.33.2015.005.\(10 + i)") },
                          "\(scan.name) must be reported: \(summary.skipped)")
        }
        XCTAssertTrue(summary.skipped.allSatisfy { !$0.reason.isEmpty })
        XCTAssertEqual(summary.exitCode, 1)

        let cli = try Fixture.hoso(["ingest", batch.path, "--data", Fixture.temporaryDirectory("fuzz-cli").path, "--workers", "1"])
        XCTAssertEqual(cli.code, 1, cli.err)
        XCTAssertEqual(cli.err.components(separatedBy: "Bỏ qua: ").count - 1, scans.count, cli.err)
    }
}

/// Limits: per-address rate limit on anonymous traffic, body and URI sizes, headers on every answer.
final class HardeningTests: XCTestCase {
    func testAnonymousTrafficIsRateLimitedTokensAreNot() async throws {
        let built = try LeakCorpus.get(visibleTo: nil)
        let archive = try Archive(data: built.data)
        let app = Application(router: buildRouter(archive: archive, options: ServerOptions(rateLimit: RateLimitOptions(rate: 0.01, burst: 3))))
        var staff = HTTPFields(); staff[.authorization] = "Bearer \(built.staffToken)"
        var wrong = HTTPFields(); wrong[.authorization] = "Bearer hoso_khong_dung"
        try await app.test(.router) { client in
            for _ in 0..<3 {
                let ok = try await client.execute(uri: "/api/search?q=%C4%91%E1%BA%A5t", method: .get)
                XCTAssertEqual(ok.status, .ok)
            }
            let limited = try await client.execute(uri: "/api/search?q=%C4%91%E1%BA%A5t", method: .get)
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertEqual(limited.headers[.contentType], "application/json; charset=utf-8")
            XCTAssertGreaterThanOrEqual(Int(limited.headers[.retryAfter] ?? "") ?? 0, 1)
            XCTAssertNotNil(limited.headers[.contentSecurityPolicy])
            let json = try JSONSerialization.jsonObject(with: Data(limited.body.readableBytesView)) as? [String: Any]
            XCTAssertFalse((json?["error"] as? String ?? "").isEmpty)
            // A wrong token does not get around it; a valid one is not limited.
            let wrongToken = try await client.execute(uri: "/api/search?q=a", method: .get, headers: wrong)
            XCTAssertEqual(wrongToken.status, .tooManyRequests)
            for _ in 0..<10 {
                let withToken = try await client.execute(uri: "/api/search?q=%C4%91%E1%BA%A5t", method: .get, headers: staff)
                XCTAssertEqual(withToken.status, .ok)
            }
        }
    }

    func testTokenBucketRefillsAndForgetsIdleAddresses() {
        final class Clock: @unchecked Sendable { var now = 0.0 }
        let clock = Clock()
        let buckets = TokenBuckets(RateLimitOptions(rate: 2, burst: 4), maxTracked: 3) { clock.now }
        let results = (0..<5).map { _ in buckets.take("10.0.0.1") }
        XCTAssertEqual(results.prefix(4).map { $0 == nil }, [true, true, true, true])
        XCTAssertEqual(results[4] ?? 0, 0.5, accuracy: 0.001)
        clock.now = 0.5
        XCTAssertNil(buckets.take("10.0.0.1"))
        XCTAssertNotNil(buckets.take("10.0.0.1"))
        XCTAssertNil(buckets.take("10.0.0.2"), "addresses are limited apart")
        clock.now = 100
        for i in 3...6 { XCTAssertNil(buckets.take("10.0.0.\(i)")) }
        XCTAssertLessThanOrEqual(buckets.trackedCount, 4)
    }

    func testSecurityHeadersOnPagesAndErrors() async throws {
        let archive = try Archive(data: LeakCorpus.get(visibleTo: nil).data)
        let app = Application(router: buildRouter(archive: archive, options: ServerOptions(rateLimit: .off)))
        try await app.test(.router) { client in
            for uri in ["/", "/?q=%C4%91%E1%BA%A5t", "/tai-lieu/H49.64.33.2010.001.2", "/api/search?q=a", "/khong-co", "/api/documents/x"] {
                let r = try await client.execute(uri: uri, method: .get)
                let csp = r.headers[.contentSecurityPolicy] ?? ""
                XCTAssertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), uri)
                XCTAssertFalse(csp.contains("unsafe-eval"), uri)
                XCTAssertEqual(r.headers[.xContentTypeOptions], "nosniff", uri)
            }
            let long = try await client.execute(uri: "/api/search?q=" + String(repeating: "a", count: 40_000), method: .get)
            XCTAssertEqual(long.status, .uriTooLong)
            let missing = try await client.execute(uri: "/khong-co", method: .get)
            XCTAssertEqual(missing.status, .notFound)
            XCTAssertEqual(missing.headers[.contentType], "application/json; charset=utf-8")
        }
    }
}
