import Access
import Foundation
import FoundationNetworking
import Glibc
import XCTest
#if canImport(FoundationNetworking)
#endif
#if canImport(Glibc)
#endif

/// The acceptance check in a real browser: `hoso serve` with `HOSO_DELIVERIES`, the staff page listing the deliveries,
/// a check started, its report shown; screenshots `6-nghiem-thu.png`, `7-nghiem-thu-dang-kiem-tra.png` and
/// `8-bien-ban-nghiem-thu.png` in `.build/screenshots/` beside the others. As for the copy form, the pages are
/// fetched with the staff token and shown from a file whose `<base>` is the server.
extension BrowserTests {
    func testAcceptanceCheckInChromium() throws {
        guard Self.chromium != nil else {
            throw XCTSkip("Chromium is not installed (scripts/test.sh installs it)")
        }
        let data = try Fixture.get().data   // a server that answers /healthz; a check reads none of it
        let token = try TokenService(store: data.openCatalogue()).create(role: .staff, name: "tổ nghiệm thu trình duyệt")
        setenv("HOSO_DELIVERIES", try AcceptanceHTTPTests.deliveries().path, 1)
        defer { unsetenv("HOSO_DELIVERIES") }
        let (server, base) = try serve(data)
        defer { server.terminate(); server.waitUntilExit() }

        func send(_ path: String, body: String? = nil) -> (Int, String, String) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let body {
                request.httpMethod = "POST"
                request.httpBody = Data(body.utf8)
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var answer = (0, "", "")
            URLSession.shared.dataTask(with: request) { data, response, _ in
                if let http = response as? HTTPURLResponse {
                    answer = (http.statusCode, String(decoding: data ?? Data(), as: UTF8.self),
                              http.value(forHTTPHeaderField: "Location") ?? http.url?.path ?? "")
                }
                done.signal()
            }.resume()
            _ = done.wait(timeout: .now() + 30)
            return answer
        }
        /// The page as staff get it, in Chromium: its DOM, and its screenshot under `name`. A running check's page
        /// is shown as it was fetched: without its refresh, which would keep headless Chromium loading it.
        func show(_ html: String, _ name: String) throws -> String {
            let file = try Fixture.temporaryDirectory("browser-nghiem-thu").appendingPathComponent("trang.html")
            try html.replacingOccurrences(of: "<head>", with: "<head><base href=\"\(base)/\">")
                .replacingOccurrences(of: "<meta http-equiv=\"refresh\" content=\"2\">", with: "")
                .write(to: file, atomically: true, encoding: .utf8)
            let dom = try browser(["--dump-dom", file.absoluteString])
            let path = try screenshots().appendingPathComponent(name).path
            _ = try browser(["--screenshot=\(path)", file.absoluteString])
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 20_000, "\(name) is a real screenshot")
            print("screenshot: \(path)")
            return dom
        }

        XCTAssertEqual(BrowserTests.fetch(base + "/nghiem-thu")?.0, 403, "not for the public")
        let (status, list, _) = send("/nghiem-thu")
        XCTAssertEqual(status, 200)
        let listed = try show(list, "6-nghiem-thu.png")
        XCTAssertTrue(listed.contains("Nghiệm thu lô số hóa") && listed.contains("value=\"loi\"") && listed.contains("Kiểm tra"), listed)

        // The button's post; the redirect names the run, whose page is fetched again with the token.
        let (_, _, runPath) = send("/nghiem-thu", body: "lo=loi")
        XCTAssertTrue(runPath.hasPrefix("/nghiem-thu/") && runPath.count > "/nghiem-thu/".count, runPath)
        // The page while the check runs, once it has measured a document (or, on a fast machine, as it ended).
        var started = send(runPath).1
        for _ in 0..<100 where started.contains("http-equiv=\"refresh\"") && !started.contains("trang đã đo") {
            usleep(50_000)
            started = send(runPath).1
        }
        let running = try show(started, "7-nghiem-thu-dang-kiem-tra.png")
        XCTAssertTrue(running.contains("Nghiệm thu lô loi"), running)

        var report = started
        for _ in 0..<300 where report.contains("http-equiv=\"refresh\"") {
            usleep(200_000)
            report = send(runPath).1
        }
        let shown = try show(report, "8-bien-ban-nghiem-thu.png")
        XCTAssertTrue(shown.contains("BIÊN BẢN NGHIỆM THU KẾT QUẢ SỐ HÓA TÀI LIỆU"), shown)
        XCTAssertTrue(shown.contains("Tải báo cáo CSV") && shown.contains("Trang nghiệm thu đạt: <b>5</b>"), shown)
        let (csvStatus, csv, _) = send(runPath + "/bao-cao.csv")
        XCTAssertEqual(csvStatus, 200)
        XCTAssertTrue(csv.contains(",,,Thành tiền,21920,"), csv)   // 5 pages × 4.384
    }
}
