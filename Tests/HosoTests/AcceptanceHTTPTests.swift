import Acceptance
import Access
import Catalogue
import DataFolder
import Foundation
import HosoServer
import Hummingbird
import HummingbirdTesting
import Search
import XCTest

/// The acceptance check in the staff web pages, through the real router: staff only, deliveries by name only, the
/// check run in the background and its report the one `hoso check` gives (the Acceptance module's own result on the
/// same folder), the CSV and the printable biên bản, each run audited.
final class AcceptanceHTTPTests: XCTestCase {
    /// A deliveries folder holding copies of the two sample deliveries (`sach`, `loi`), a link leading out of it,
    /// a link to one of its own deliveries, and a file that is no delivery.
    static func deliveries() throws -> URL {
        let root = try Fixture.temporaryDirectory("giao-nop")
        for name in ["sach", "loi"] {
            try FileManager.default.copyItem(at: CheckCommandTests.check.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        let outside = try Fixture.temporaryDirectory("ngoai")
        try FileManager.default.copyItem(at: CheckCommandTests.check.appendingPathComponent("sach"), to: outside.appendingPathComponent("sach"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("ra-ngoai"), withDestinationURL: outside.appendingPathComponent("sach"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("lo-sach").path, withDestinationPath: "sach")
        try Data("không phải lô".utf8).write(to: root.appendingPathComponent("ghi-chu.txt"))
        try FileManager.default.copyItem(at: package, to: root.appendingPathComponent(package.lastPathComponent))
        return root
    }

    /// A TT 05 information package as a zip.
    static let package = Fixture.samples.appendingPathComponent("delivery/sip/SIP_hoso_H54.55.12.2018.027.zip")

    /// The router on an empty data folder (a check needs no catalogue), serving `deliveries`; a staff token.
    static func app(deliveries: URL?) throws -> (some ApplicationProtocol, Archive, String) {
        let data = try DataDirectory(path: Fixture.temporaryDirectory("data-nghiem-thu").path)
        let archive = try Archive(data: data)
        var options = ServerOptions()
        options.deliveries = try deliveries.map { try DeliveriesFolder(path: $0.path) }
        let token = try TokenService(store: archive.store).create(role: .staff, name: "tổ nghiệm thu \(UUID().uuidString.prefix(6))")
        return (Application(router: buildRouter(archive: archive, options: options)), archive, token)
    }

    static func form(_ name: String) -> ByteBuffer {
        ByteBuffer(string: "lo=" + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
    }

    static func staff(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/x-www-form-urlencoded"]
    }

    /// What `hoso check` reports on the delivery, named as the page names it.
    static func expected(_ folder: URL) throws -> AcceptanceReport {
        var report = try DeliveryCheck().run(batch: folder)
        report.batch = folder.lastPathComponent
        return report
    }

    /// Starts the check of `name` and waits for its page to stop refreshing; the run's path and every status line seen.
    static func check(_ name: String, client: some TestClientProtocol, token: String) async throws -> (path: String, page: String, seen: [String]) {
        let location = try await client.execute(uri: "/nghiem-thu", method: .post, headers: staff(token), body: form(name)) { response in
            XCTAssertEqual(response.status, .seeOther)
            return try XCTUnwrap(response.headers[.location])
        }
        var seen: [String] = []
        for _ in 0..<600 {
            let page = try await client.execute(uri: location, method: .get, headers: staff(token)) { String(buffer: $0.body) }
            if let line = page.range(of: "<p class=\"progress\"[^\n]*", options: .regularExpression) { seen.append(String(page[line])) }
            if !page.contains("http-equiv=\"refresh\"") { return (location, page, seen) }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        XCTFail("the check of \(name) did not end")
        return (location, "", seen)
    }

    func testPublicIsRefusedAndAWrongTokenIsUnauthorized() async throws {
        let (app, _, _) = try Self.app(deliveries: Self.deliveries())
        try await app.test(.router) { client in
            for (uri, method) in [("/nghiem-thu", HTTPRequest.Method.get), ("/nghiem-thu", .post), ("/nghiem-thu/1/bao-cao.csv", .get)] {
                try await client.execute(uri: uri, method: method, headers: [.contentType: "application/x-www-form-urlencoded"],
                                         body: Self.form("sach")) { response in
                    XCTAssertEqual(response.status, .forbidden, uri)
                    XCTAssertTrue(String(buffer: response.body).contains("được nghiệm thu lô số hóa"), uri)
                    XCTAssertFalse(String(buffer: response.body).contains("sach"), "the public learns nothing of the deliveries")
                }
            }
            try await client.execute(uri: "/nghiem-thu", method: .get, headers: [.authorization: "Bearer hoso_khong_co"]) { response in
                XCTAssertEqual(response.status, .unauthorized)
            }
        }
    }

    func testOnlyTheFolderDeliveriesAreListedAndAPathEscapeIsNotFound() async throws {
        let (app, _, token) = try Self.app(deliveries: Self.deliveries())
        try await app.test(.router) { client in
            try await client.execute(uri: "/nghiem-thu", method: .get, headers: Self.staff(token)) { response in
                XCTAssertEqual(response.status, .ok)
                let page = String(buffer: response.body)
                for name in ["sach", "loi", "lo-sach"] { XCTAssertTrue(page.contains("name=\"lo\" value=\"\(name)\""), name) }
                for name in ["ra-ngoai", "ghi-chu.txt"] { XCTAssertFalse(page.contains(name), name) }
            }
            let escapes = ["../sach", "..", ".", "", "/etc", "/tmp", "sach/../loi", "loi/..", "ra-ngoai", "ghi-chu.txt", "khong-co",
                           CheckCommandTests.check.appendingPathComponent("sach").path]
            for name in escapes {
                try await client.execute(uri: "/nghiem-thu", method: .post, headers: Self.staff(token), body: Self.form(name)) { response in
                    XCTAssertEqual(response.status, .notFound, name)
                    XCTAssertTrue(String(buffer: response.body).contains("Không tìm thấy lô giao nộp"), name)
                }
            }
            for uri in ["/nghiem-thu/khong-co", "/nghiem-thu/..%2F..%2Fetc", "/nghiem-thu/1/bao-cao.csv"] {
                try await client.execute(uri: uri, method: .get, headers: Self.staff(token)) { response in
                    XCTAssertEqual(response.status, .notFound, uri)
                }
            }
        }
    }

    func testWithoutADeliveriesFolderThePageSaysSo() async throws {
        let (app, _, token) = try Self.app(deliveries: nil)
        try await app.test(.router) { client in
            try await client.execute(uri: "/nghiem-thu", method: .get, headers: Self.staff(token)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(String(buffer: response.body).contains("--deliveries"))
            }
            try await client.execute(uri: "/nghiem-thu", method: .post, headers: Self.staff(token), body: Self.form("sach")) { response in
                XCTAssertEqual(response.status, .notFound)
            }
        }
    }

    func testTheCleanDeliveryReportsNoFindingAndItsAmount() async throws {
        let folder = try Self.deliveries()
        let expected = try Self.expected(folder.appendingPathComponent("sach"))
        XCTAssertTrue(expected.findings.isEmpty)
        XCTAssertEqual(expected.pages, 6)
        XCTAssertEqual(expected.amount, 26_304)
        let (app, archive, token) = try Self.app(deliveries: folder)
        try await app.test(.router) { client in
            let (path, page, seen) = try await Self.check("sach", client: client, token: token)
            print("seen: \(seen)")
            XCTAssertTrue(page.contains(ReportHTML.content(expected)), "the report of hoso check, whole")
            XCTAssertTrue(page.contains("Tổng số trang: <b>6</b>"), page)
            XCTAssertTrue(page.contains("Thành tiền: <b>26.304 đồng</b>"), page)
            XCTAssertTrue(page.contains("Số lỗi: <b>0</b>"), page)
            XCTAssertTrue(page.contains("href=\"\(path)/bao-cao.csv\"") && page.contains("href=\"\(path)/bien-ban.html\""))
            XCTAssertTrue(seen.contains { $0.contains("đang kiểm tra") } || seen.count == 1, "progress shown while it runs: \(seen)")
            try await client.execute(uri: path + "/bien-ban.html", method: .get, headers: Self.staff(token)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(String(buffer: response.body), ReportHTML.render(expected))
            }
            try await client.execute(uri: "/nghiem-thu", method: .get, headers: Self.staff(token)) { response in
                XCTAssertTrue(String(buffer: response.body).contains("xong: 6/6 trang đạt, 0 lỗi"))
            }
        }
        let lines = try archive.store.audit(from: nil, to: nil, token: nil).filter { $0.action == AuditAction.acceptanceCheck.rawValue }
        XCTAssertEqual(lines.count, 1)
        XCTAssertEqual(lines.first?.role, .staff)
        XCTAssertTrue(lines.first?.token.hasPrefix("tổ nghiệm thu") ?? false)
        XCTAssertEqual(lines.first?.target.hasPrefix("sach | Số hồ sơ: 1; Số tài liệu: 3; Tổng số trang: 6;"), true, lines.first?.target ?? "")
        XCTAssertTrue(lines.first?.target.contains("Thành tiền: 26.304 đồng") ?? false)
    }

    func testTheFaultyDeliveryGivesTheFindingsOfHosoCheckAndItsCSV() async throws {
        let folder = try Self.deliveries()
        let expected = try Self.expected(folder.appendingPathComponent("loi"))
        XCTAssertEqual(expected.findings.count, 12)
        let (app, archive, token) = try Self.app(deliveries: folder)
        try await app.test(.router) { client in
            let (path, page, _) = try await Self.check("loi", client: client, token: token)
            XCTAssertTrue(page.contains(ReportHTML.content(expected)), "the report of hoso check, whole")
            XCTAssertTrue(page.contains("<h2>Lỗi (12)</h2>"), page)
            XCTAssertTrue(page.contains("150 dpi, dưới 200 dpi"), page)
            XCTAssertTrue(page.contains("Trang nghiệm thu đạt: <b>5</b>"), page)
            try await client.execute(uri: path + "/bao-cao.csv", method: .get, headers: Self.staff(token)) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.headers[.contentType], "text/csv; charset=utf-8")
                XCTAssertEqual(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"nghiem-thu-"), true)
                let bytes = Data(response.body.readableBytesView)
                XCTAssertEqual([UInt8](bytes.prefix(3)), [0xEF, 0xBB, 0xBF])
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), ReportCSV.render(expected))
            }
            // The files kept under DATA are the ones served.
            let id = String(path.dropFirst("/nghiem-thu/".count))
            let kept = archive.data.url.appendingPathComponent("nghiem-thu/\(id)/bao-cao.csv")
            XCTAssertEqual(try Data(contentsOf: kept), Data(ReportCSV.render(expected).utf8))
        }
    }

    /// A folder that is no delivery: the page says why, naming the folder as staff know it, and the run is audited.
    func testAnUnreadableDeliveryIsReportedWithoutTheServerPath() async throws {
        let folder = try Self.deliveries()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("trong"), withIntermediateDirectories: false)
        let (app, archive, token) = try Self.app(deliveries: folder)
        try await app.test(.router) { client in
            let (path, page, _) = try await Self.check("trong", client: client, token: token)
            XCTAssertTrue(page.contains("Không đọc được lô: Lô tài liệu trong không có ho_so.csv"), page)
            XCTAssertFalse(page.contains(folder.path), "no server path")
            try await client.execute(uri: path + "/bao-cao.csv", method: .get, headers: Self.staff(token)) { response in
                XCTAssertEqual(response.status, .notFound)
            }
        }
        let lines = try archive.store.audit(from: nil, to: nil, token: nil).filter { $0.action == AuditAction.acceptanceCheck.rawValue }
        XCTAssertEqual(lines.map(\.target).first?.hasPrefix("trong | không đọc được lô: "), true)
    }

    /// A zip package is checked as `hoso check` checks a folder holding it.
    func testAZipPackageIsCheckedAsHosoCheckChecksItsFolder() async throws {
        let holder = try Fixture.temporaryDirectory("goi")
        try FileManager.default.copyItem(at: Self.package, to: holder.appendingPathComponent(Self.package.lastPathComponent))
        var expected = try DeliveryCheck().run(batch: holder)
        expected.batch = Self.package.lastPathComponent
        XCTAssertGreaterThan(expected.pages, 0)
        let (app, _, token) = try Self.app(deliveries: Self.deliveries())
        try await app.test(.router) { client in
            try await client.execute(uri: "/nghiem-thu", method: .get, headers: Self.staff(token)) { response in
                XCTAssertTrue(String(buffer: response.body).contains("<td>\(Self.package.lastPathComponent)</td><td>gói .zip</td>"))
            }
            let (_, page, _) = try await Self.check(Self.package.lastPathComponent, client: client, token: token)
            XCTAssertTrue(page.contains(ReportHTML.content(expected)), page)
            XCTAssertFalse(page.contains(FileManager.default.temporaryDirectory.path), "no server path in the report")
        }
    }

    /// Two checks started together run one after the other: while the first is unfinished the second waits.
    func testChecksRunOneAtATime() async throws {
        let (app, _, token) = try Self.app(deliveries: Self.deliveries())
        try await app.test(.router) { client in
            var locations: [String] = []
            for name in ["loi", "sach"] {
                try await client.execute(uri: "/nghiem-thu", method: .post, headers: Self.staff(token), body: Self.form(name)) { response in
                    locations.append(response.headers[.location] ?? "")
                }
            }
            let second = try await client.execute(uri: locations[1], method: .get, headers: Self.staff(token)) { String(buffer: $0.body) }
            let first = try await client.execute(uri: locations[0], method: .get, headers: Self.staff(token)) { String(buffer: $0.body) }
            XCTAssertTrue(first.contains("http-equiv=\"refresh\""), "the faulty delivery takes longer than two requests")
            XCTAssertTrue(second.contains("đang chờ đến lượt"), second)
            let (_, done, _) = try await Self.check("sach", client: client, token: token)
            XCTAssertTrue(done.contains("Đã kiểm tra xong"))
        }
    }
}
