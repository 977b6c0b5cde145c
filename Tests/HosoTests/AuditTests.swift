import Access
import Catalogue
import DataFolder
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Ingest
import Logging
import Search
import XCTest

/// The audit trail (nhật ký truy cập): who read which restricted document, and what staff searched.
final class AuditTests: XCTestCase {
    /// A fresh copy of the leak corpus per test, so audit lines of one test do not mix with another's.
    static func fresh() throws -> (LeakCorpus.Built, Archive) {
        let built = try LeakCorpus.ingest { _ in true }
        return (built, try Archive(data: built.data))
    }

    func testCallerCarriesTokenNameAndRole() throws {
        let (built, archive) = try Self.fresh()
        XCTAssertEqual(try archive.access.caller(authorization: nil, remote: "10.0.0.7"), Caller(name: "", role: .public, remote: "10.0.0.7"))
        XCTAssertEqual(try archive.access.caller(authorization: "Bearer \(built.staffToken)", remote: nil),
                       Caller(name: "quầy một cửa", role: .staff, remote: "unknown"))
        XCTAssertEqual(try archive.access.caller(authorization: "bearer  \(built.secretToken) ").name, "lưu trữ viên")
        for wrong in ["Bearer hoso_sai", "Basic abc", "Bearer", "Bearer " + String(repeating: "x", count: 5000)] {
            XCTAssertThrowsError(try archive.access.caller(authorization: wrong), wrong) { error in
                XCTAssertEqual((error as? HosoError)?.kind, .unauthorized)
            }
        }
        XCTAssertEqual(try archive.access.role(authorization: "Bearer \(built.secretToken)"), .secret)
        let cli = Caller.commandLine(role: .staff, environment: ["USER": "hoa"])
        XCTAssertEqual(cli, Caller(name: "cli:hoa", role: .staff, remote: "local"))
    }

    func testRestrictedReadsAndStaffSearchesAreRecordedThroughTheRouter() async throws {
        let (built, archive) = try Self.fresh()
        let app = Application(router: buildRouter(archive: archive, options: ServerOptions(rateLimit: .off)))
        var staff = HTTPFields(); staff[.authorization] = "Bearer \(built.staffToken)"
        var secret = HTTPFields(); secret[.authorization] = "Bearer \(built.secretToken)"
        // (uri, headers, status, expected audit line (action, target) or nil)
        let cases: [(String, HTTPFields, HTTPResponse.Status, (String, String)?)] = [
            ("/api/search?q=thu+h%E1%BB%93i+%C4%91%E1%BA%A5t", [:], .ok, nil),                          // public search: not recorded
            ("/api/documents/H49.64.33.2010.001.2", [:], .ok, nil),                                       // public document
            ("/api/documents/H49.64.33.2010.001.2", staff, .ok, nil),                                     // staff, Công khai document
            ("/api/search?q=L%C3%B2+Th%E1%BB%8B+Nguy%E1%BB%87t", staff, .ok, ("search", "Lò Thị Nguyệt")),
            ("/api/search?q=&loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh", staff, .ok, ("search", " | loai=Quyết định")),
            ("/api/documents/H49.64.33.2011.002.1", staff, .ok, ("document", "H49.64.33.2011.002.1")),
            ("/api/documents/H49.64.33.2011.002.1/text", staff, .ok, ("text", "H49.64.33.2011.002.1")),
            ("/api/documents/H49.64.33.2011.002.1/pages/1/words?q=Nguy%E1%BB%87t", staff, .ok,
             ("page-words", "H49.64.33.2011.002.1 trang 1 | Nguyệt")),
            ("/api/documents/H49.64.33.1999.003.1", staff, .notFound, nil),                              // not visible: nothing read
            ("/api/documents/H49.64.33.1999.003.1/text", secret, .ok, ("text", "H49.64.33.1999.003.1")),
            ("/tai-lieu/H49.64.33.1999.003.2", secret, .ok, ("document", "H49.64.33.1999.003.2")),     // viewer: one line
        ]
        try await app.test(.router) { client in
            for (uri, headers, status, _) in cases {
                let response = try await client.execute(uri: uri, method: .get, headers: headers)
                XCTAssertEqual(response.status, status, uri)
            }
        }
        let entries = try archive.store.audit(from: nil, to: nil, token: nil)
        let expected = cases.compactMap(\.3)
        XCTAssertEqual(entries.map { "\($0.action) \($0.target)" }, expected.map { "\($0.0) \($0.1)" })
        XCTAssertEqual(Set(entries.map(\.token)), ["quầy một cửa", "lưu trữ viên"])
        XCTAssertTrue(entries.allSatisfy { $0.remote == "unknown" })
        XCTAssertEqual(entries.last?.role, .secret)
        XCTAssertEqual(try archive.store.audit(from: nil, to: nil, token: "lưu trữ viên").count, 2)
        XCTAssertEqual(try archive.store.audit(from: Date().addingTimeInterval(3600), to: nil, token: nil).count, 0)
    }

    /// A request with an unknown, revoked or malformed token (header, cookie or login form) is refused and
    /// recorded — when, from where, method and path, and a fingerprint of the token — through the real
    /// server on loopback; the token itself is in neither the audit log nor the server's log, nor is the
    /// query string. `hoso audit --action token-refused` lists and exports them.
    func testRefusedTokensAreAuditedWithoutTheToken() async throws {
        let (built, archive) = try Self.fresh()
        let tokens = TokenService(store: archive.store)
        let revoked = try tokens.create(role: .staff, name: "quầy đã nghỉ")
        XCTAssertTrue(try archive.store.revokeToken(name: "quầy đã nghỉ"))
        let unknown = "hoso_" + String(repeating: "Zq7", count: 12)
        let basic = "Basic bHV1dHJ1OnNlY3JldA=="
        let log = LogCapture()
        let app = Application(router: buildRouter(archive: archive),   // rate limit on: its token check must not record
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: log.logger)
        var staff = HTTPFields(); staff[.authorization] = "Bearer \(built.staffToken)"
        func bearer(_ t: String) -> HTTPFields { var h = HTTPFields(); h[.authorization] = "Bearer \(t)"; return h }
        func cookie(_ t: String) -> HTTPFields { var h = HTTPFields(); h[.cookie] = "theme=dark; hoso_token=\(t)"; return h }
        var basicHeader = HTTPFields(); basicHeader[.authorization] = basic
        var form = HTTPFields(); form[.contentType] = "application/x-www-form-urlencoded"
        // (method, uri, headers, body, status, the audit target expected, what was presented) — nil: not recorded
        let cases: [(HTTPRequest.Method, String, HTTPFields, String?, HTTPResponse.Status, String?, String?)] = [
            (.get, "/api/search?q=Xuy%E1%BA%BFn+ho%E1%BA%A1t+%C4%91%E1%BB%99ng&limit=5", bearer(unknown), nil, .unauthorized,
             "GET /api/search", unknown),
            (.get, "/api/documents/H49.64.33.1999.003.1", bearer(revoked), nil, .unauthorized, "GET /api/documents/H49.64.33.1999.003.1", revoked),
            (.get, "/?q=Hoa+S%E1%BB%AFa", cookie(unknown), nil, .unauthorized, "GET /", unknown),
            (.get, "/tai-lieu/H49.64.33.2011.002.1?trang=1", cookie(revoked), nil, .unauthorized, "GET /tai-lieu/H49.64.33.2011.002.1", revoked),
            (.post, "/dang-nhap", form, "token=\(unknown)", .unauthorized, "POST /dang-nhap", unknown),
            (.get, "/api/documents/H49.64.33.2011.002.1/text", basicHeader, nil, .unauthorized,
             "GET /api/documents/H49.64.33.2011.002.1/text", basic),
            // Controls: a valid token and no token are not refusals; a route that reads no token records nothing.
            (.get, "/api/search?q=%C4%91%E1%BA%A5t", staff, nil, .ok, nil, nil),
            (.get, "/api/search?q=%C4%91%E1%BA%A5t", [:], nil, .ok, nil, nil),
            (.get, "/healthz", bearer(unknown), nil, .ok, nil, nil),
        ]
        try await app.test(.live) { client in
            for (method, uri, headers, body, status, _, _) in cases {
                let response = try await client.execute(uri: uri, method: method, headers: headers,
                                                        body: body.map { ByteBuffer(string: $0) })
                XCTAssertEqual(response.status, status, uri)
            }
        }
        let entries = try archive.store.audit(from: nil, to: nil, token: nil)
        let refused = entries.filter { $0.action == "token-refused" }
        let expected = cases.compactMap { c in c.5.map { (target: $0, presented: c.6 ?? "") } }
        XCTAssertEqual(refused.map(\.target), expected.map(\.target))
        XCTAssertEqual(refused.map(\.token), expected.map { c in
            "(mã truy cập không hợp lệ) " + String(SHA256.hex(utf8Of: c.presented == basic ? basic : c.presented).prefix(8))
        })
        XCTAssertTrue(refused.allSatisfy { $0.remote == "127.0.0.1" && $0.role == .public }, "\(refused)")
        // A revoked token's fingerprint is the start of the hash the catalogue keeps for it.
        XCTAssertEqual(refused[1].token.split(separator: " ").last.map(String.init), String(SHA256.hex(utf8Of: revoked).prefix(8)))
        XCTAssertEqual(entries.filter { $0.action == "search" }.map(\.token), ["quầy một cửa"], "chỉ lần tìm của cán bộ")

        // Never the token (nor a long piece of it), never the query string.
        let secrets = [unknown, revoked, "bHV1dHJ1OnNlY3JldA"] + [unknown, revoked].map { String($0.dropFirst(5).prefix(12)) }
        for e in entries {
            for field in [e.token, e.target, e.remote ?? "", e.action] {
                for secret in secrets { XCTAssertFalse(field.contains(secret), "nhật ký truy cập chứa mã: \(field)") }
                XCTAssertFalse(field.contains("Xuy") || field.contains("q="), field)
            }
        }
        let serverLog = log.text
        XCTAssertGreaterThanOrEqual(serverLog.components(separatedBy: "status=401").count - 1, 6, "phải bắt được nhật ký máy chủ:\n\(serverLog)")
        for secret in secrets { XCTAssertFalse(serverLog.contains(secret), "nhật ký máy chủ chứa mã") }

        // `hoso audit` lists and exports them like the other lines, filtered by action.
        let data = built.data.url.path
        let listed = try Fixture.hoso(["audit", "--data", data, "--action", "token-refused"])
        XCTAssertEqual(listed.code, 0, listed.err)
        let lines = listed.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 6, listed.out)
        XCTAssertTrue(lines[0].contains("\t(mã truy cập không hợp lệ) \(String(SHA256.hex(utf8Of: unknown).prefix(8)))\tpublic\ttoken-refused\tGET /api/search\t127.0.0.1"), "\(lines[0])")
        let csv = try Fixture.hoso(["audit", "--data", data, "--csv"])
        XCTAssertEqual(csv.code, 0, csv.err)
        XCTAssertEqual(csv.out.components(separatedBy: "token-refused").count - 1, 6, csv.out)
        XCTAssertTrue(csv.out.contains(",(mã truy cập không hợp lệ) \(String(SHA256.hex(utf8Of: unknown).prefix(8))),public,token-refused,POST /dang-nhap,127.0.0.1\r\n"), csv.out)
        for secret in secrets { XCTAssertFalse(listed.out.contains(secret) || csv.out.contains(secret)) }
        XCTAssertEqual(try Fixture.hoso(["audit", "--data", data, "--action", "đăng-nhập"]).code, 2)
    }

    func testCommandLineReadsAreRecordedAndExported() throws {
        let (built, _) = try Self.fresh()
        func run(_ args: [String], user: String = "nguyễn_hoa") throws -> (code: Int32, out: Data, err: String) {
            let process = Process()
            process.executableURL = Fixture.executable
            process.arguments = args
            var env = ProcessInfo.processInfo.environment
            env["USER"] = user
            env["OMP_THREAD_LIMIT"] = "1"
            process.environment = env
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, o, String(decoding: e, as: UTF8.self))
        }
        let data = built.data.url.path
        XCTAssertEqual(try run(["text", "--data", data, "--role", "staff", "H49.64.33.2011.002.1"]).code, 0)
        XCTAssertEqual(try run(["text", "--data", data, "H49.64.33.2010.001.1"]).code, 0)                      // public: not recorded
        XCTAssertEqual(try run(["text", "--data", data, "--role", "staff", "H49.64.33.1999.003.1"]).code, 1)   // not visible
        XCTAssertEqual(try run(["search", "--data", data, "--role", "secret", "--json", "chuyên án, \"Hoa Sữa\""], user: "khuê").code, 0)
        XCTAssertEqual(try run(["search", "--data", data, "thu hồi đất"]).code, 0)                             // public: not recorded

        let listed = try run(["audit", "--data", data])
        XCTAssertEqual(listed.code, 0, listed.err)
        let lines = String(decoding: listed.out, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertTrue(lines.first?.contains("\tcli:nguyễn_hoa\tstaff\ttext\tH49.64.33.2011.002.1\tlocal") == true, "\(lines)")

        let csv = try run(["audit", "--data", data, "--csv", "--token", "cli:khuê"])
        XCTAssertEqual(csv.code, 0, csv.err)
        XCTAssertEqual(Array(csv.out.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        let text = String(decoding: csv.out.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        XCTAssertEqual(rows.first, "thoi_gian,ma_truy_cap,vai_tro,hanh_dong,doi_tuong,dia_chi")
        XCTAssertEqual(rows.count, 3, text)   // header, one row, the empty string after the last CRLF
        XCTAssertTrue(rows[1].hasSuffix(",cli:khuê,secret,search,\"chuyên án, \"\"Hoa Sữa\"\"\",local"), rows[1])

        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        XCTAssertEqual(try run(["audit", "--data", data, "--from", today, "--to", today]).out.split(separator: 0x0A).count, 2)
        XCTAssertEqual(try run(["audit", "--data", data, "--to", "2000-01-01"]).out.count, 0)
        XCTAssertEqual(try run(["audit", "--data", data, "--from", "2026-02-30"]).code, 2)
        XCTAssertEqual(try run(["audit", "--data", data, "--from", "01/02/2026"]).code, 2)
    }

    func testCSVFieldsFollowRFC4180AndDefuseFormulas() {
        let cases: [(String, String)] = [
            ("H49.64.33.2011.002.1", "H49.64.33.2011.002.1"),
            ("Lò Thị Nguyệt", "Lò Thị Nguyệt"),
            ("thu hồi, bồi thường", "\"thu hồi, bồi thường\""),
            ("\"mật danh\"", "\"\"\"mật danh\"\"\""),
            ("dòng 1\ndòng 2", "\"dòng 1\ndòng 2\""),
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("-đất", "'-đất"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("", ""),
        ]
        for (raw, expected) in cases { XCTAssertEqual(AuditLog.csvField(raw), expected, raw) }
    }

    func testDaysAreParsedStrictly() throws {
        let utc = try XCTUnwrap(TimeZone(identifier: "UTC"))
        XCTAssertEqual(try AuditLog.day("2026-11-25", endOfDay: false, timeZone: utc).timeIntervalSince1970, 1_795_564_800)
        XCTAssertEqual(try AuditLog.day("2026-11-25", endOfDay: true, timeZone: utc).timeIntervalSince1970, 1_795_651_199.999, accuracy: 0.01)
        for bad in ["2026-02-30", "2026-13-01", "26-11-25", "2026/11/25", "25/11/2026", "", "2026-1-5", "abcd-ef-gh"] {
            XCTAssertThrowsError(try AuditLog.day(bad, endOfDay: false, timeZone: utc), bad)
        }
    }

    func testMustRecordOnlyRestrictedReadsAndStaffSearches() {
        let anonymous = Caller.anonymous(), staff = Caller(name: "a", role: .staff), secret = Caller(name: "b", role: .secret)
        let cases: [(AuditAction, Caller, AccessLevel?, Bool)] = [
            (.search, anonymous, nil, false), (.search, staff, nil, true), (.search, secret, nil, true),
            (.document, staff, .open, false), (.document, staff, .conditional, true), (.text, secret, .secret, true),
            (.pageImage, secret, .open, false), (.pageWords, staff, .conditional, true), (.document, anonymous, .open, false),
        ]
        for (action, caller, level, expected) in cases {
            XCTAssertEqual(AuditLog.mustRecord(action, caller: caller, level: level), expected, "\(action) \(caller.role) \(String(describing: level))")
        }
    }

    /// `hoso ingest --refuse-secret`: Mật documents are refused, counted and reported; the rest goes in.
    func testRefuseSecretKeepsMatOut() throws {
        let batch = try LeakCorpus.writeBatch { _ in true }
        let data = try DataDirectory(path: Fixture.temporaryDirectory("refuse").path)
        var options = IngestOptions()
        options.quiet = true
        options.refuseSecret = true
        let summary = try Ingestor(data: data, store: try data.openCatalogue(), options: options).ingest(batch: batch)
        let secretIDs = LeakCorpus.docs.filter { LeakCorpus.level($0) == .secret }.map(\.id)
        XCTAssertEqual(secretIDs.count, 3)
        XCTAssertEqual(summary.refusedSecret, 3)
        XCTAssertEqual(summary.documents, LeakCorpus.docs.count - 3)
        XCTAssertEqual(summary.exitCode, 1)
        XCTAssertEqual(Set(summary.skipped.filter { $0.reason.contains("Mật") }.map(\.place)), Set(secretIDs.map { "tai_lieu.csv: \($0)" }))
        let archive = try Archive(data: data)
        XCTAssertTrue(try archive.search(SearchRequestSpec(query: "Hoa Sữa", role: .secret, limit: 100)).hits.allSatisfy { !secretIDs.contains($0.id) })
        XCTAssertNil(try archive.store.document(id: "H49.64.33.1999.003.1"))
        XCTAssertEqual(try archive.search(SearchRequestSpec(query: "Lò Thị Nguyệt", role: .staff)).total, 2)

        // The command line: the JSON summary counts them, exit code 1.
        let data2 = try Fixture.temporaryDirectory("refuse-cli").path
        let run = try Fixture.hoso(["ingest", batch.path, "--data", data2, "--refuse-secret", "--json", "--workers", "1"])
        XCTAssertEqual(run.code, 1, run.err)
        let last = try XCTUnwrap(run.out.split(separator: "\n").last)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        XCTAssertEqual(json["refused_secret"] as? Int, 3)
        XCTAssertEqual(json["documents"] as? Int, LeakCorpus.docs.count - 3)
    }
}

/// A logger whose lines (message and metadata) are kept in memory, to check what the server logs.
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var text: String { lock.lock(); defer { lock.unlock() }; return lines.joined(separator: "\n") }

    var logger: Logger {
        var logger = Logger(label: "hoso-test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(level: Logger.Level, message: Logger.Message, metadata extra: Logger.Metadata?, source: String,
                 file: String, function: String, line: UInt) {
            let all = self.metadata.merging(extra ?? [:]) { $1 }
            capture.append("\(level) \(message) " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
    }
}
