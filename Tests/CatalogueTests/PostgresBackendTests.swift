import Catalogue
@testable import CataloguePostgres
import PostgresTestSupport
import XCTest

/// What only the PostgreSQL backend does: its schema migrations, its connection errors, bound parameters.
final class PostgresBackendTests: XCTestCase {
    var database: TestPostgres.Database!

    override func setUpWithError() throws { database = try TestPostgres.freshDatabase() }
    override func tearDown() { database?.drop(); database = nil }

    func testMigrationsAreVersionedAndRunOnceWhenWorkersStartTogether() throws {
        let opened = ErrorBox()
        let url = database.url
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do { _ = try PostgresCatalogue(url: url) } catch { opened.add(error) }
        }
        XCTAssertEqual(opened.all.count, 0, "\(opened.all)")
        XCTAssertEqual(try TestPostgres.psql(url, "SELECT string_agg(version::text, ',' ORDER BY version) FROM hoso_schema")
            .trimmingCharacters(in: .whitespacesAndNewlines), "1,2,3,4")
        XCTAssertEqual(PostgresSchema.latest, CatalogueStore.schemaVersion, "each backend's schema at the same version")
        let store = try PostgresCatalogue(url: url)
        XCTAssertEqual(store.schemaVersion, 4)
        XCTAssertEqual(try store.integrityProblems(full: true), [])
    }

    /// Two workers recording the same new document at the same moment (a shared delivery): both succeed. The
    /// second insert meets the first on the (file, ordinal) key, which its ON CONFLICT (id) does not cover; the
    /// server refuses it as a duplicate, and the transaction run again finds the row there.
    func testWorkersRecordingOneDocumentTogetherBothSucceed() throws {
        let url = database.url
        let stores = [try PostgresCatalogue(url: url), try PostgresCatalogue(url: url)]
        let file = ArchiveFile(id: "H49.64.33.2012.015", title: "Hồ sơ thu hồi đất xã Ea Kao", access: .open)
        try stores[0].upsert(file: file)
        let failed = ErrorBox()
        for ordinal in 1...30 {
            let document = Document(fileID: file.id, ordinal: ordinal, path: "scans/\(ordinal).pdf", type: "Quyết định",
                                    summary: "Về việc thu hồi đất của hộ ông Y Bih Niê", access: .open)
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                do { try stores[k].upsert(document: document) } catch { failed.add(error) }
            }
        }
        XCTAssertEqual(failed.all.map { "\($0)" }, [])
        XCTAssertEqual(try TestPostgres.psql(url, "SELECT count(*) FROM document").trimmingCharacters(in: .whitespacesAndNewlines), "30")
    }

    func testADatabaseOfANewerHosoIsRefused() throws {
        _ = try PostgresCatalogue(url: database.url)
        try TestPostgres.psql(database.url, "INSERT INTO hoso_schema (version) VALUES (99)")
        XCTAssertThrowsError(try PostgresCatalogue(url: database.url)) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("phiên bản hoso mới hơn"), message)
        }
    }

    func testValuesAreBoundNotSpliced() throws {
        let store = try PostgresCatalogue(url: database.url)
        let hostile = "H49'); DROP TABLE document; --"
        let file = ArchiveFile(id: hostile, title: "Tiêu đề có dấu ' và \" và \\ và $1", access: .open,
                               fields: ["Ghi chú": "'; DELETE FROM file; --"], extra: ["$2": "\u{1F4DC} cuộn giấy"])
        XCTAssertTrue(try store.upsert(file: file))
        XCTAssertEqual(try store.file(id: hostile), file)
        XCTAssertEqual(try store.allFiles(), [file])
        XCTAssertEqual(try store.counts().files, 1)
        XCTAssertEqual(try store.audit(from: nil, to: nil, token: "' OR '1'='1").count, 0)
    }

    func testUnreachableServerGivesAClearErrorWithoutThePassword() throws {
        // Nothing listens on port 1 of this machine.
        XCTAssertThrowsError(try PostgresCatalogue(url: "postgresql://lưu_trữ:mật-khẩu-bí@127.0.0.1:1/hoso")) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("Không kết nối được"), message)
            XCTAssertFalse(message.contains("mật-khẩu-bí"), message)
            XCTAssertTrue(message.contains("***"), message)
        }
    }

    func testWrongPasswordGivesAClearErrorWithoutThePassword() throws {
        let port = try XCTUnwrap(database.port, "the test server's port")
        let url = "postgresql://postgres:sai-mat-khau@127.0.0.1:\(port)/\(database.name)"
        XCTAssertThrowsError(try PostgresCatalogue(url: url)) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("từ chối đăng nhập"), message)
            XCTAssertFalse(message.contains("sai-mat-khau"), message)
        }
        // The right password over TCP works.
        XCTAssertNoThrow(try PostgresCatalogue(url: "postgresql://postgres:hoso-test@127.0.0.1:\(port)/\(database.name)"))
    }

    func testMissingDatabaseGivesAClearError() throws {
        var parts = try XCTUnwrap(URLComponents(string: database.url))
        parts.path = "/khong_co_csdl_nay"
        XCTAssertThrowsError(try PostgresCatalogue(url: try XCTUnwrap(parts.string))) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("không tồn tại"), message)
        }
    }

    func testPasswordsAreHiddenInTheURLShown() throws {
        XCTAssertEqual(try PostgresURL("postgresql://an:bí-mật@db.lưu-trữ.vn:5432/hoso").display,
                       "postgresql://an:***@db.lưu-trữ.vn:5432/hoso")
        XCTAssertEqual(try PostgresURL("postgresql://db/hoso?user=an&password=bí-mật&sslmode=require").display,
                       "postgresql://db/hoso?user=an&password=***&sslmode=require")
        XCTAssertEqual(try PostgresURL("postgres://an@db/hoso").display, "postgres://an@db/hoso")
        XCTAssertThrowsError(try PostgresURL("mysql://an:bí-mật@db/hoso")) { error in
            XCTAssertFalse("\(error)".contains("bí-mật"), "\(error)")
        }
    }
}
