import Access
import Catalogue
import DataFolder
import Foundation
import FoundationNetworking
import Glibc
import XCTest
#if canImport(FoundationNetworking)
#endif
#if canImport(Glibc)
#endif

/// The web pages in a real browser: `hoso serve` on loopback, headless Chromium (Debian's package) drives
/// search → results → viewer, and takes screenshots of the search page, the viewer, the counter lookup and the
/// staff viewer's "Cấp bản sao" into `.build/screenshots/`.
final class BrowserTests: XCTestCase {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static func fetch(_ url: String) -> (Int, String)? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (Int, String)?
        URLSession.shared.dataTask(with: URL(string: url)!) { data, response, _ in
            if let http = response as? HTTPURLResponse { answer = (http.statusCode, String(decoding: data ?? Data(), as: UTF8.self)) }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 10)
        return answer
    }

    func browser(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try XCTUnwrap(Self.chromium))
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(Fixture.temporaryRoot.path)/chromium",
                             "--lang=vi", "--window-size=1280,1400", "--virtual-time-budget=5000"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// `hoso serve` on `data`, answering /healthz, and its address.
    func serve(_ data: DataDirectory) throws -> (Process, String) {
        let port = try Fixture.freePort()
        let server = Process()
        server.executableURL = Fixture.executable
        server.arguments = ["serve", "--data", data.url.path, "--port", String(port)]
        server.standardError = FileHandle.nullDevice
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        let base = "http://127.0.0.1:\(port)"
        var healthy = false
        for _ in 0..<100 where !healthy {
            healthy = Self.fetch(base + "/healthz")?.0 == 200
            if !healthy { usleep(100_000) }
        }
        XCTAssertTrue(healthy, "hoso serve answers /healthz")
        return (server, base)
    }

    func screenshots() throws -> URL {
        let shots = Fixture.repository.appendingPathComponent(".build/screenshots")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        return shots
    }

    /// A contractor's two-layer PDF (mixed-raster image under its own text layer) in the viewer: the page image
    /// rendered, the matched words of the layer boxed on it.
    func testTwoLayerDeliveryPageInChromium() throws {
        guard Self.chromium != nil else {
            throw XCTSkip("Chromium is not installed (scripts/test.sh installs it)")
        }
        let delivered = try DeliveryIngestTests.ingest(DeliveryIngestTests.delivery.appendingPathComponent("xlsx"))
        let (server, base) = try serve(delivered.data)
        defer { server.terminate(); server.waitUntilExit() }
        let id = "000.00.64.H49.12.2016.K4.01.01.3"
        XCTAssertEqual(try delivered.store.page(documentID: id, number: 1)?.textSource, .layer)
        let url = base + "/tai-lieu/\(id)?q=boi+thuong+ho+tro"
        let viewer = try browser(["--dump-dom", url])
        XCTAssertTrue(viewer.contains("class=\"box\""), "matched words of the text layer are boxed")
        XCTAssertTrue(viewer.contains("/api/documents/\(id)/pages/1/image"))
        XCTAssertEqual(Self.fetch(base + "/api/documents/\(id)/pages/1/image")?.0, 200)
        let path = try screenshots().appendingPathComponent("4-ban-hai-lop.png").path
        _ = try browser(["--screenshot=\(path)", url])
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 20_000, "a real screenshot")
        print("screenshot: \(path)")
    }

    /// The viewer as the reading room's staff sees it: the "Cấp bản sao" form beside the page, and the copy
    /// it posts. Headless Chromium takes no request header and the login cookie is SameSite=Strict and kept for
    /// the session only, so the page is fetched with the staff token and shown from a file whose `<base>` is
    /// the server (its styles and the page image load from there).
    func testCopyFormInChromium() throws {
        guard Self.chromium != nil else {
            throw XCTSkip("Chromium is not installed (scripts/test.sh installs it)")
        }
        let built = try Fixture.get()
        let token = try TokenService(store: built.data.openCatalogue()).create(role: .staff, name: "phòng đọc trình duyệt \(UUID().uuidString.prefix(6))")
        let (server, base) = try serve(built.data)
        defer { server.terminate(); server.waitUntilExit() }
        let id = "H49.64.33.2012.015.2"
        func send(_ path: String, method: String = "GET", body: String? = nil) -> (Int, Data, [AnyHashable: Any]) {
            var request = URLRequest(url: URL(string: base + path)!)
            request.httpMethod = method
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            if let body {
                request.httpBody = Data(body.utf8)
                request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            }
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var answer: (Int, Data, [AnyHashable: Any]) = (0, Data(), [:])
            URLSession.shared.dataTask(with: request) { data, response, _ in
                if let http = response as? HTTPURLResponse { answer = (http.statusCode, data ?? Data(), http.allHeaderFields) }
                done.signal()
            }.resume()
            _ = done.wait(timeout: .now() + 60)
            return answer
        }
        let (status, page, _) = send("/tai-lieu/\(id)")
        XCTAssertEqual(status, 200)
        let html = String(decoding: page, as: UTF8.self).replacingOccurrences(of: "<head>", with: "<head><base href=\"\(base)/\">")
        let file = try Fixture.temporaryDirectory("browser-copy").appendingPathComponent("xem-tai-lieu-staff.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
        let dom = try browser(["--dump-dom", file.absoluteString])
        XCTAssertTrue(dom.contains("Cấp bản sao"), "the staff viewer offers copies")
        XCTAssertTrue(dom.contains("value=\"ban-doc\"") && dom.contains("value=\"dip\""))
        XCTAssertFalse(try browser(["--dump-dom", base + "/tai-lieu/\(id)"]).contains("Cấp bản sao"), "not for the public")
        let path = try screenshots().appendingPathComponent("5-cap-ban-sao.png").path
        _ = try browser(["--screenshot=\(path)", file.absoluteString])
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 20_000, "a real screenshot")
        print("screenshot: \(path)")

        // The form's post: a bản đọc comes back inline, a PDF.
        let (copyStatus, pdf, headers) = send("/tai-lieu/\(id)/ban-sao", method: "POST",
                                              body: "loai=ban-doc&ho_ten=Nguy%E1%BB%85n+V%C4%83n+H%C3%B9ng")
        XCTAssertEqual(copyStatus, 200)
        XCTAssertTrue(pdf.starts(with: Data("%PDF-".utf8)))
        XCTAssertEqual((headers["Content-Disposition"] as? String)?.hasPrefix("inline"), true)
    }

    func testSearchResultsAndViewerInChromium() throws {
        guard Self.chromium != nil else {
            throw XCTSkip("Chromium is not installed (scripts/test.sh installs it)")
        }
        let (server, base) = try serve(Fixture.get().data)
        defer { server.terminate(); server.waitUntilExit() }
        let shots = try screenshots()

        // 1. The search page, a clerk typing without diacritics.
        let searchURL = base + "/?q=nguyen+van+hung+thua+305"
        let results = try browser(["--dump-dom", searchURL])
        XCTAssertTrue(results.contains("tài liệu"), results)
        let link = try XCTUnwrap(results.range(of: "href=\"/tai-lieu/[^\"]+\"", options: .regularExpression).map {
            String(results[$0].dropFirst(6).dropLast()).replacingOccurrences(of: "&amp;", with: "&")
        })
        XCTAssertTrue(link.hasPrefix("/tai-lieu/H49.64.33.2012.015.2"), link)
        _ = try browser(["--screenshot=\(shots.appendingPathComponent("1-tim-kiem.png").path)", searchURL])

        // 2. The first result opens in the viewer: page image, boxes on the matched words, the text beside it.
        let viewer = try browser(["--dump-dom", base + link])
        XCTAssertTrue(viewer.contains("class=\"box\""), "matched words are boxed")
        XCTAssertTrue(viewer.contains("1605/QĐ-UBND"))
        XCTAssertTrue(viewer.contains("Mã hồ sơ"))
        _ = try browser(["--screenshot=\(shots.appendingPathComponent("2-xem-tai-lieu.png").path)", base + link])

        // 3. The counter's quick lookup.
        let lookup = try browser(["--dump-dom", base + "/tra-cuu"])
        XCTAssertTrue(lookup.contains("Thửa đất số"))
        _ = try browser(["--screenshot=\(shots.appendingPathComponent("3-tra-cuu-nhanh.png").path)", base + "/tra-cuu"])
        let land = try browser(["--dump-dom", base + "/?mau=dat&ten=nguyen+van+hung&thua=305&tobando=80"])
        XCTAssertTrue(land.contains("/tai-lieu/H49.64.33.2012.015.2"))

        for name in ["1-tim-kiem.png", "2-xem-tai-lieu.png", "3-tra-cuu-nhanh.png"] {
            let path = shots.appendingPathComponent(name).path
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 20_000, "\(name) is a real screenshot")
            print("screenshot: \(path)")
        }
    }
}
