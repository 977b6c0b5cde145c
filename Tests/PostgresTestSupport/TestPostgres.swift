import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server the tests of this process use: the one `HOSO_TEST_POSTGRES` names, or a private one
/// started by `scripts/postgres-for-tests.sh` on first use and stopped when the process exits. Each test takes a
/// fresh database on it. When no server can be had, the test fails with the reason; it never skips.
public enum TestPostgres {
    /// A database made for one test, dropped (even with connections still open) by `drop()`.
    public struct Database {
        public let name: String
        public let url: String
        /// The server's TCP port on 127.0.0.1 (the script's server takes password `hoso-test` there).
        public let port: String?
        public func drop() { _ = try? TestPostgres.psql(TestPostgres.server(), "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var started: Result<String, Error>?
    /// The URL of the server this process started, for the exit handler.
    nonisolated(unsafe) private static var ownServer: String?

    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/postgres-for-tests.sh").path
    public static let psqlPath = "/usr/lib/postgresql/15/bin/psql"

    /// The server's URL (its `postgres` database), starting it when this process has none yet.
    public static func server() throws -> String {
        lock.lock()
        defer { lock.unlock() }
        if let started { return try started.get() }
        let result = Result<String, Error> {
            if let given = ProcessInfo.processInfo.environment["HOSO_TEST_POSTGRES"], !given.isEmpty { return given }
            let (status, out, err) = try run("/bin/bash", [script, "start"])
            let url = out.trimmingCharacters(in: .whitespacesAndNewlines)
            guard status == 0, url.hasPrefix("postgresql://") else {
                throw TestPostgresError("PostgreSQL cho kiểm thử không khởi động được (\(script) start, mã \(status)): \(err)\(out)")
            }
            ownServer = url
            atexit { if let url = TestPostgres.ownServer { _ = try? TestPostgres.run("/bin/bash", [TestPostgres.script, "stop", url]) } }
            return url
        }
        started = result
        return try result.get()
    }

    /// A new empty database for one test.
    public static func freshDatabase() throws -> Database {
        let server = try server()
        let name = "hoso_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try psql(server, "CREATE DATABASE \(name)")
        guard var parts = URLComponents(string: server) else { throw TestPostgresError("URL không đọc được: \(server)") }
        parts.path = "/" + name
        let port = parts.port.map(String.init) ?? parts.queryItems?.first(where: { $0.name == "port" })?.value
        return Database(name: name, url: parts.string ?? server, port: port)
    }

    /// Runs `sql` with psql (a separate process) on `url`; throws with psql's output when it fails.
    @discardableResult
    public static func psql(_ url: String, _ sql: String) throws -> String {
        let (status, out, err) = try run(psqlPath, [url, "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard status == 0 else { throw TestPostgresError("psql: \(err)\(out)") }
        return out
    }

    /// psql's status and output, failing or not.
    public static func psqlStatus(_ url: String, _ sql: String) throws -> (status: Int32, output: String) {
        let (status, out, err) = try run(psqlPath, [url, "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql])
        return (status, out + err)
    }

    /// Runs a program to its end with stdin from /dev/null, its output into files; its status, stdout and
    /// stderr. posix_spawn and waitpid rather than Foundation's Process, whose wait missed the end of the
    /// script that starts the server (its child left a zombie unnoticed).
    static func run(_ program: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-pg-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("out").path, errPath = folder.appendingPathComponent("err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw TestPostgresError("Không chạy được \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TestPostgresError("waitpid \(program): \(String(cString: strerror(errno)))") }
        }
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (exited, out, err)
    }
}

public struct TestPostgresError: Error, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}
