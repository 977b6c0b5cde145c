import Catalogue
import Foundation

/// The catalogue on a PostgreSQL server, shared by every machine that names it with `--catalogue URL`:
/// the same operations and the same behaviour as the SQLite file (`CatalogueStore`).
///
/// Over libpq, PostgreSQL's own C client library, rather than an asynchronous driver: the catalogue's
/// interface is synchronous and called from worker threads, as GRDB is, and libpq is synchronous too, so
/// there is no event loop to bridge (bridging one into synchronous calls is what made such attempts hang).
/// A small pool of connections serves the threads; each connection is used by one thread at a time.
public final class PostgresCatalogue: ArchiveCatalogue, @unchecked Sendable {
    let target: PostgresURL
    public var location: String { target.display }
    public var schemaVersion: Int { PostgresSchema.latest }

    private let condition = NSCondition()
    private var idle: [PGConnection] = []
    private var open = 0
    private var closed = false
    private let maxConnections: Int

    /// Connects to `url` (`postgresql://user:password@host:port/database` or with `?host=/socket/dir`) and
    /// brings its schema up to date. An unreachable server, a refused login, a missing database or one made
    /// by a newer hoso gives a `CatalogueError` in Vietnamese, without the password.
    public init(url: String, maxConnections: Int = max(4, ProcessInfo.processInfo.activeProcessorCount + 2)) throws {
        target = try PostgresURL(url)
        self.maxConnections = maxConnections
        let first = try PGConnection(target)
        try PostgresSchema.migrate(first)
        idle = [first]
        open = 1
    }

    public func close() throws {
        condition.lock()
        closed = true
        let connections = idle
        idle = []
        open -= connections.count
        condition.unlock()
        for c in connections { c.close() }
    }

    /// Runs `body` on a connection of the pool, waiting for one when all are in use. A connection the server
    /// dropped is replaced.
    func withConnection<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        defer { checkIn(connection) }
        return try body(connection)
    }

    private func checkOut() throws -> PGConnection {
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw CatalogueError("Danh mục trên PostgreSQL \(target.display) đã đóng")
            }
            if let c = idle.popLast() {
                condition.unlock()
                if c.isUsable { return c }
                condition.lock()
                open -= 1
                continue
            }
            if open < maxConnections {
                open += 1
                condition.unlock()
                do { return try PGConnection(target) } catch {
                    condition.lock(); open -= 1; condition.signal(); condition.unlock()
                    throw error
                }
            }
            condition.wait()
        }
    }

    private func checkIn(_ connection: PGConnection) {
        condition.lock()
        if closed || !connection.isUsable {
            open -= 1
            connection.close()
        } else {
            idle.append(connection)
        }
        condition.signal()
        condition.unlock()
    }

    /// One statement outside any explicit transaction.
    func read<T>(_ body: (PGConnection) throws -> T) throws -> T { try withConnection(body) }

    /// Several statements that must see one state of the catalogue.
    func snapshotRead<T>(_ body: (PGConnection) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// One transaction: committed when `body` returns, rolled back when it throws.
    func write<T>(_ body: (PGConnection) throws -> T) throws -> T { try transaction("BEGIN", body) }

    /// Writers take row locks in whatever order their statements reach the rows, so two of them can deadlock
    /// (SQLite's single writer cannot): the server aborts one, and it is run again from the start. So is a writer
    /// refused a duplicate key (23505) when another wrote the same new row at the same moment: an insert's ON CONFLICT
    /// covers one key, and the row's other unique key (a document's file and ordinal) meets the other writer's row
    /// first; run again, the transaction finds the row there.
    private func transaction<T>(_ begin: String, _ body: (PGConnection) throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try withConnection { c in
                    try c.exec(begin)
                    do {
                        let result = try body(c)
                        try c.exec("COMMIT")
                        return result
                    } catch {
                        let state = c.lastState
                        if c.isUsable { _ = try? c.exec("ROLLBACK") }
                        if ["40P01", "40001", "23505"].contains(state) && attempt < 5 { throw Retry() }
                        throw error
                    }
                }
            } catch is Retry {
                Thread.sleep(forTimeInterval: 0.01 * Double(attempt))
            }
        }
    }

    private struct Retry: Error {}

    public func integrityProblems(full: Bool, limit: Int) throws -> [String] {
        // The server keeps its own files whole (checksums, WAL); what hoso can check is that its schema is there.
        let version = try read { try $0.exec("SELECT coalesce(max(version), 0) FROM hoso_schema").int(0, 0) ?? 0 }
        guard version == PostgresSchema.latest else {
            return ["Lược đồ danh mục ở phiên bản \(version), cần \(PostgresSchema.latest)"]
        }
        guard full else { return [] }
        let orphans = try read {
            try $0.exec("SELECT count(*) FROM page WHERE document_id NOT IN (SELECT id FROM document)").int(0, 0) ?? 0
        }
        return orphans == 0 ? [] : Array(["\(orphans) trang không thuộc tài liệu nào"].prefix(limit))
    }

    /// An `IN` list of parameters $first… for `ids`, and their values.
    static func inList(_ ids: [String], from first: Int = 1) -> (marks: String, values: [PGValue?])? {
        let distinct = Array(Set(ids))
        guard !distinct.isEmpty else { return nil }
        return (distinct.indices.map { "$\($0 + first)" }.joined(separator: ","), distinct.map { PGValue($0) })
    }

    static var now: PGValue { PGValue(Date().timeIntervalSince1970) }
}
