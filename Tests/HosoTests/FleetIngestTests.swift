import Catalogue
import DataFolder
import Foundation
import Glibc
import Ingest
import PostgresTestSupport
import Search
import XCTest

/// Two `hoso ingest` processes on one PostgreSQL catalogue, each with its own data folder (two machines), one
/// killed with SIGKILL while it recognises: the other finishes the batch, every page recognised once, and its
/// answers are those of one worker alone.
final class FleetIngestTests: XCTestCase {
    /// The first `documents` documents of the sample batch (real scans, recognised by Tesseract), in a batch of
    /// their own whose scans are the samples' own.
    static func sampleSubset(documents: Int) throws -> URL {
        let source = Fixture.samples.appendingPathComponent("batch"), dir = try Fixture.temporaryDirectory("fleet-batch")
        try FileManager.default.copyItem(at: source.appendingPathComponent("ho_so.csv"), to: dir.appendingPathComponent("ho_so.csv"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("scans"), withDestinationURL: source.appendingPathComponent("scans"))
        let rows = try String(contentsOf: source.appendingPathComponent("tai_lieu.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true)
        try Data((rows.prefix(documents + 1).joined(separator: "\n") + "\n").utf8).write(to: dir.appendingPathComponent("tai_lieu.csv"))
        return dir
    }

    /// `hoso ingest` started in the background, its output in files.
    final class Worker {
        let process = Process()
        let out: URL, err: URL
        init(batch: URL, catalogue: String, name: String, lease: Double) throws {
            let data = try Fixture.temporaryDirectory("fleet-\(name)")
            self.data = try DataDirectory(path: data.path, catalogue: catalogue)
            out = data.appendingPathExtension("out")
            err = data.appendingPathExtension("err")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = Fixture.executable
            process.arguments = ["ingest", batch.path, "--data", data.path, "--catalogue", catalogue, "--worker", name,
                                 "--workers", "1", "--json"]
            var environment = ProcessInfo.processInfo.environment
            environment["HOSO_CLAIM_LEASE_SECONDS"] = "\(lease)"
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
        }
        let data: DataDirectory
        var stderr: String { (try? String(contentsOf: err, encoding: .utf8)) ?? "" }
        func summary() throws -> [String: Any] {
            let text = try String(contentsOf: out, encoding: .utf8)
            let last = try XCTUnwrap(text.split(separator: "\n").last, stderr)
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        }
    }

    static func count(_ url: String, _ sql: String) throws -> Int {
        Int(try TestPostgres.psql(url, sql).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    func testTwoWorkersOneKilledRecogniseEveryPageOnceAndAnswerAsOne() throws {
        let batch = try Self.sampleSubset(documents: 9)
        // One worker alone, on its SQLite file: the answers to match.
        let alone = try DataDirectory(path: Fixture.temporaryDirectory("fleet-alone").path)
        var options = IngestOptions()
        options.quiet = true
        let reference = try Ingestor(data: alone, store: try alone.openCatalogue(), options: options).ingest(batch: batch)
        XCTAssertGreaterThanOrEqual(reference.recognised, 12, "enough pages for a worker to die among them")
        XCTAssertEqual(reference.reused, 0)

        let database = try TestPostgres.freshDatabase()
        defer { database.drop() }
        let a = try Worker(batch: batch, catalogue: database.url, name: "máy-a", lease: 3)
        let b = try Worker(batch: batch, catalogue: database.url, name: "máy-b", lease: 3)
        defer { for w in [a, b] where w.process.isRunning { kill(w.process.processIdentifier, SIGKILL) } }
        // Killed once it has saved some pages and while pages are left.
        let deadline = Date().addingTimeInterval(120)
        var logged = 0
        while Date() < deadline, a.process.isRunning {
            logged = (try? Self.count(database.url, "SELECT count(*) FROM recognition_log WHERE worker = 'máy-a'")) ?? 0
            if logged >= 2 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(a.process.isRunning, "máy-a ended before it could be killed: \(a.stderr)")
        kill(a.process.processIdentifier, SIGKILL)
        a.process.waitUntilExit()
        XCTAssertEqual(a.process.terminationReason, .uncaughtSignal)
        let left = try Self.count(database.url, "SELECT count(*) FROM recognition_log")
        XCTAssertLessThan(left, reference.recognised, "killed halfway, pages left")

        b.process.waitUntilExit()
        XCTAssertEqual(b.process.terminationStatus, reference.exitCode, b.stderr)
        let summary = try b.summary()
        XCTAssertEqual(summary["documents"] as? Int, reference.documents)
        XCTAssertEqual(summary["pages"] as? Int, reference.pages)
        XCTAssertEqual((summary["skipped"] as? [Any])?.count, reference.skipped.count, b.stderr)

        // Every page recognised once: one line of the log per page, by either worker, none twice.
        let url = database.url
        XCTAssertEqual(try Self.count(url, "SELECT count(*) FROM page"), reference.pages)
        XCTAssertEqual(try Self.count(url, "SELECT count(*) FROM recognition_log"), reference.recognised)
        XCTAssertEqual(try Self.count(url, "SELECT count(*) FROM (SELECT DISTINCT document_id, page FROM recognition_log) t"),
                       reference.recognised)
        XCTAssertGreaterThanOrEqual(try Self.count(url, "SELECT count(*) FROM recognition_log WHERE worker = 'máy-a'"), logged)
        XCTAssertGreaterThan(try Self.count(url, "SELECT count(*) FROM recognition_log WHERE worker = 'máy-b'"), 0)
        XCTAssertEqual(try Self.count(url, """
            SELECT count(*) FROM page p WHERE NOT EXISTS
                (SELECT 1 FROM recognition_log l WHERE l.document_id = p.document_id AND l.page = p.number)
            """), 0, "every page saved was logged")
        XCTAssertEqual(try Self.count(url, "SELECT count(*) FROM work_claim WHERE expires_at > extract(epoch FROM now())"), 0)

        // The texts, and the answers of the surviving worker's index, as one worker alone gives them.
        let one = try Archive(data: alone), fleet = try Archive(data: b.data)
        XCTAssertEqual(try fleet.store.allDocumentIDs(), try one.store.allDocumentIDs())
        for id in try one.store.allDocumentIDs() {
            XCTAssertEqual(try fleet.store.pages(documentID: id), try one.store.pages(documentID: id), id)
            XCTAssertEqual(try fleet.text(id: id, role: .secret), try one.text(id: id, role: .secret), id)
        }
        XCTAssertEqual(try fleet.indexDocumentCount(), try one.indexDocumentCount())
        for query in ["Quyết định thu hồi đất", "ủy ban nhân dân", "quyet dinh", "giải phóng mặt bằng", "tờ trình", "H49.64.33"] {
            for role in [Role.public, .secret] {
                let x = try one.search(SearchRequestSpec(query: query, role: role, limit: 50))
                let y = try fleet.search(SearchRequestSpec(query: query, role: role, limit: 50))
                XCTAssertEqual(y.total, x.total, "\(query) \(role)")
                XCTAssertEqual(y.hits.map(\.id), x.hits.map(\.id), "\(query) \(role)")
                XCTAssertEqual(y.hits.map(\.pages), x.hits.map(\.pages), "\(query) \(role)")
            }
        }
        XCTAssertGreaterThan(try one.search(SearchRequestSpec(query: "ủy ban nhân dân", role: .secret)).total, 0)

        // hoso status sees the batch done, both workers' pages, nothing recognised twice.
        let (code, out, err) = try Fixture.hoso(["status", "--data", b.data.url.path, "--catalogue", url, "--json"])
        XCTAssertEqual(code, 0, err)
        let status = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual(status["pages_left"] as? Int, 0)
        XCTAssertEqual(status["pages_done"] as? Int, reference.pages)
        XCTAssertEqual(status["recognitions"] as? Int, reference.recognised)
        XCTAssertEqual(status["pages_recognised_twice"] as? Int, 0)
        let workers = try XCTUnwrap(status["workers"] as? [[String: Any]])
        XCTAssertEqual(workers.compactMap { $0["worker"] as? String }, ["máy-a", "máy-b"])
        XCTAssertEqual(workers.compactMap { $0["pages"] as? Int }.reduce(0, +), reference.recognised)

        // The killed worker run again finds nothing left to recognise, and indexes its own folder.
        let again = try Fixture.hoso(["ingest", batch.path, "--data", a.data.url.path, "--catalogue", url, "--worker", "máy-a", "--json"])
        XCTAssertEqual(again.code, reference.exitCode, again.err)
        XCTAssertTrue(again.out.contains("\"recognised\":0"), again.out)
        XCTAssertEqual(try Archive(data: a.data).indexDocumentCount(), try one.indexDocumentCount())
    }
}
