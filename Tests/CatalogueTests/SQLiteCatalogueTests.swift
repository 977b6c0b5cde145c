import XCTest
@testable import Catalogue

/// What only the SQLite file does: WAL mode, its locks, a damaged or unreachable file.
final class SQLiteCatalogueTests: XCTestCase {
    var dir: TempDir!
    var dbPath: String { dir.url.appendingPathComponent("data/catalogue.sqlite").path }

    override func setUpWithError() throws { dir = try TempDir() }
    override func tearDown() { dir = nil }

    func testWALModeAndSchema() throws {
        let store = try CatalogueStore(path: dbPath)
        try store.upsert(file: CatalogueContractTests.file)
        XCTAssertEqual(try sqlite3(dbPath, "PRAGMA journal_mode;").output.trimmingCharacters(in: .whitespacesAndNewlines), "wal")
        let tables = try sqlite3(dbPath, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;").output
        for t in ["audit", "document", "file", "page", "token", "work_claim", "recognition_log"] { XCTAssertTrue(tables.contains(t), t) }
        let migrations = try sqlite3(dbPath, "SELECT count(*) FROM grdb_migrations;").output
        XCTAssertEqual(migrations.trimmingCharacters(in: .whitespacesAndNewlines), "\(CatalogueStore.schemaVersion)")
    }

    func testLockedDatabaseGivesAClearError() throws {
        let store = try CatalogueStore(path: dbPath)
        try store.upsert(file: CatalogueContractTests.file)
        // Another process holds the write lock.
        let holder = try LockHolder(path: dbPath, sql: "BEGIN IMMEDIATE;")
        defer { holder.release() }
        let second = try CatalogueStore(path: dbPath, busyTimeout: 0.3)
        XCTAssertEqual(try second.file(id: CatalogueContractTests.file.id)?.id, CatalogueContractTests.file.id, "readers are not blocked (WAL)")
        let start = Date()
        XCTAssertThrowsError(try second.upsert(document: CatalogueContractTests.document(1))) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("khóa"), message)
        }
        let waited = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(waited, 0.25, "waits for the busy timeout before giving up")
        XCTAssertLessThan(waited, 3, "gives up after the busy timeout")
    }

    func testLockedNewDatabaseCannotBeOpened() throws {
        try FileManager.default.createDirectory(atPath: (dbPath as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let holder = try LockHolder(path: dbPath, sql: "CREATE TABLE x (a); BEGIN EXCLUSIVE; INSERT INTO x VALUES (1);")
        defer { holder.release() }
        XCTAssertThrowsError(try CatalogueStore(path: dbPath, busyTimeout: 0.3)) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("khóa"), message)
        }
    }

    func testCorruptDatabaseGivesAClearError() throws {
        try dir.write("data/catalogue.sqlite", String(repeating: "Đây không phải cơ sở dữ liệu. ", count: 200))
        XCTAssertThrowsError(try CatalogueStore(path: dbPath)) { error in
            let message = (error as? CatalogueError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("hỏng"), message)
        }
    }

    func testUnwritableFolderGivesAClearError() throws {
        XCTAssertThrowsError(try CatalogueStore(path: "/proc/hoso-không-thể/catalogue.sqlite")) { error in
            XCTAssertTrue(error is CatalogueError, "\(error)")
        }
    }
}
