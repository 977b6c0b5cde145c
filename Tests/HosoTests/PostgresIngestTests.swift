import Catalogue
import DataFolder
import Foundation
import Ingest
import PostgresTestSupport
import Search
import XCTest

/// The sample batch with its catalogue on PostgreSQL: the same documents, texts and search results as with
/// the SQLite file of the shared fixture.
final class PostgresIngestTests: XCTestCase {
    func testSampleBatchOnPostgresSearchesAndReadsAsOnSQLite() throws {
        let onSQLite = try Fixture.get()
        let database = try TestPostgres.freshDatabase()
        defer { database.drop() }
        let data = try DataDirectory(path: Fixture.temporaryDirectory("pg-data").path, catalogue: database.url)
        var options = IngestOptions()
        options.quiet = true
        let summary = try Ingestor(data: data, store: try data.openCatalogue(), options: options).ingest(batch: onSQLite.batch)
        XCTAssertEqual(summary.documents, onSQLite.summary.documents)
        XCTAssertEqual(summary.pages, onSQLite.summary.pages)
        XCTAssertEqual(summary.skipped.count, onSQLite.summary.skipped.count)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data.cataloguePath), "no SQLite file beside a shared catalogue")
        XCTAssertEqual(try TestPostgres.psql(database.url, "SELECT count(*) FROM page").trimmingCharacters(in: .whitespacesAndNewlines),
                       "\(summary.pages)", "the pages are on the server")

        let sqlite = try Archive(data: onSQLite.data), postgres = try Archive(data: data)
        XCTAssertEqual(try postgres.store.allDocumentIDs(), try sqlite.store.allDocumentIDs())
        for id in try sqlite.store.allDocumentIDs() {
            XCTAssertEqual(try postgres.text(id: id, role: .secret), try sqlite.text(id: id, role: .secret), id)
            XCTAssertEqual(try postgres.store.pages(documentID: id), try sqlite.store.pages(documentID: id), id)
            XCTAssertEqual(try postgres.store.document(id: id), try sqlite.store.document(id: id), id)
        }
        for query in ["Quyết định thu hồi đất", "ủy ban nhân dân", "quyet dinh", "giải phóng mặt bằng", "tờ trình", "H49.64.33"] {
            for role in [Role.public, .staff, .secret] {
                let a = try sqlite.search(SearchRequestSpec(query: query, role: role, limit: 50))
                let b = try postgres.search(SearchRequestSpec(query: query, role: role, limit: 50))
                XCTAssertEqual(b.total, a.total, "\(query) \(role)")
                XCTAssertEqual(b.hits.map(\.id), a.hits.map(\.id), "\(query) \(role)")
                XCTAssertEqual(b.hits.map(\.pages), a.hits.map(\.pages), "\(query) \(role)")
                XCTAssertEqual(b.hits.map(\.snippet), a.hits.map(\.snippet), "\(query) \(role)")
            }
        }
        XCTAssertGreaterThan(try sqlite.search(SearchRequestSpec(query: "ủy ban nhân dân", role: .secret)).total, 0)

        // Ingesting again changes nothing and recognises nothing.
        let again = try Ingestor(data: data, store: try data.openCatalogue(), options: options).ingest(batch: onSQLite.batch)
        XCTAssertEqual(again.recognised, 0)
    }

    func testAnUnreachableCatalogueIsUnavailableWithoutThePassword() throws {
        let data = try DataDirectory(path: Fixture.temporaryDirectory("pg-down").path,
                                     catalogue: "postgresql://hoso:mật-khẩu@127.0.0.1:1/hoso")
        XCTAssertThrowsError(try data.openCatalogue()) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .unavailable, "\(error)")
            XCTAssertFalse("\(error)".contains("mật-khẩu"), "\(error)")
        }
        XCTAssertThrowsError(try DataDirectory(path: Fixture.temporaryDirectory("pg-bad").path, catalogue: "mysql://x")) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .usage, "\(error)")
        }
    }
}
