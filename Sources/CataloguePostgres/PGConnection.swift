import Catalogue
import CLibPQ
import Foundation

/// One libpq connection (`PGconn`), used by one thread at a time (the pool hands it out). Statements run
/// with `PQexecParams`: every value is a bound parameter in text form, never spliced into the SQL.
final class PGConnection {
    private var conn: OpaquePointer?
    let target: PostgresURL
    /// The SQLSTATE of the last statement the server refused ("" when none): a deadlock is tried again.
    private(set) var lastState = ""

    init(_ target: PostgresURL) throws {
        self.target = target
        // client_encoding: the catalogue's text is UTF-8 whatever the server's locale.
        guard let c = PQconnectdb(target.conninfo) else {
            throw CatalogueError("Không đủ bộ nhớ để kết nối tới PostgreSQL \(target.display)")
        }
        guard PQstatus(c) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(c))
            PQfinish(c)
            throw PGError.connection(message, target: target)
        }
        conn = c
        _ = try exec("SET client_encoding = 'UTF8'")
        _ = try exec("SET TIME ZONE 'UTC'")
        // The server's notices (a table already there…) would be printed on stderr by libpq: warnings and up only.
        _ = try exec("SET client_min_messages = WARNING")
    }

    deinit { close() }

    func close() {
        if let conn { PQfinish(conn) }
        conn = nil
    }

    /// False once the server has gone away (the pool then opens a new connection).
    var isUsable: Bool { conn.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Runs one statement with `params` bound as $1, $2 … (nil is NULL); the rows it returns, in text form.
    @discardableResult
    func exec(_ sql: String, _ params: [PGValue?] = []) throws -> PGResult {
        guard let conn else { throw CatalogueError("Kết nối tới PostgreSQL \(target.display) đã đóng") }
        lastState = ""
        let texts: [[CChar]?] = params.map { $0.map { Array($0.text.utf8CString) } }
        let result: OpaquePointer? = withPointers(texts) { values in
            PQexecParams(conn, sql, Int32(params.count), nil, values, nil, nil, 0)
        }
        return try checked(result, conn)
    }

    /// Runs constant SQL of several statements (migrations); it takes no parameters, so nothing is spliced in.
    func execScript(_ sql: StaticString) throws {
        guard let conn else { throw CatalogueError("Kết nối tới PostgreSQL \(target.display) đã đóng") }
        _ = try checked(PQexec(conn, sql.description), conn)
    }

    private func checked(_ result: OpaquePointer?, _ conn: OpaquePointer) throws -> PGResult {
        guard let result else {
            throw PGError.connection(String(cString: PQerrorMessage(conn)), target: target)
        }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
                ?? String(cString: PQerrorMessage(conn))
            PQclear(result)
            lastState = state
            if PQstatus(conn) != CONNECTION_OK { throw PGError.connection(message, target: target) }
            throw PGError.statement(state: state, message: message, target: target)
        }
        return PGResult(result)
    }

    private func withPointers<R>(_ texts: [[CChar]?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafePointer<CChar>?] = []
        func next(_ i: Int) -> R {
            guard i < texts.count else { return body(pointers) }
            guard let text = texts[i] else {
                pointers.append(nil)
                return next(i + 1)
            }
            return text.withUnsafeBufferPointer { buffer in
                pointers.append(buffer.baseAddress)
                return next(i + 1)
            }
        }
        return next(0)
    }
}

/// A value bound to a statement parameter, in PostgreSQL's text input form.
struct PGValue {
    let text: String
    /// A C string ends at U+0000, which PostgreSQL's text cannot hold: removed (`StoredText`), never cut there.
    init(_ s: String) { text = StoredText.clean(s) }
    init(_ i: Int) { text = String(i) }
    /// Swift prints the shortest text that reads back as the same double; PostgreSQL reads it exactly.
    init(_ d: Double) { text = "\(d)" }
    init(_ b: Bool) { text = b ? "t" : "f" }
    /// bytea in its hex input form.
    init(bytes: Data) {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
        out.reserveCapacity(2 + bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        text = String(decoding: out, as: UTF8.self)
    }
}

/// Parameters from optional Swift values.
func pg(_ s: String?) -> PGValue? { s.map(PGValue.init) }
func pg(_ i: Int?) -> PGValue? { i.map(PGValue.init) }
func pg(_ d: Double?) -> PGValue? { d.map(PGValue.init) }

/// The rows of one statement, read by row and column number; freed when released.
final class PGResult {
    private let result: OpaquePointer
    init(_ result: OpaquePointer) { self.result = result }
    deinit { PQclear(result) }

    var count: Int { Int(PQntuples(result)) }
    /// Rows a command changed (UPDATE, DELETE, INSERT).
    var changed: Int { Int(String(cString: PQcmdTuples(result))) ?? 0 }

    func isNull(_ row: Int, _ column: Int) -> Bool { PQgetisnull(result, Int32(row), Int32(column)) == 1 }

    func bytes(_ row: Int, _ column: Int) -> [UInt8] {
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        guard let value = PQgetvalue(result, Int32(row), Int32(column)) else { return [] }
        return value.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }

    func string(_ row: Int, _ column: Int) -> String? {
        isNull(row, column) ? nil : String(decoding: bytes(row, column), as: UTF8.self)
    }

    func text(_ row: Int, _ column: Int) throws -> String {
        guard let s = string(row, column) else { throw PGError.corrupt("giá trị rỗng ở cột \(column)") }
        return s
    }

    func int(_ row: Int, _ column: Int) throws -> Int? {
        guard let s = string(row, column) else { return nil }
        guard let i = Int(s) else { throw PGError.corrupt("“\(s)” không phải số nguyên") }
        return i
    }

    func double(_ row: Int, _ column: Int) throws -> Double? {
        guard let s = string(row, column) else { return nil }
        guard let d = Double(s) else { throw PGError.corrupt("“\(s)” không phải số thực") }
        return d
    }

    func bool(_ row: Int, _ column: Int) -> Bool { string(row, column) == "t" }

    /// A bytea column, from its hex output form (`\x…`).
    func data(_ row: Int, _ column: Int) throws -> Data {
        let hex = bytes(row, column)
        guard hex.count >= 2, hex[0] == UInt8(ascii: "\\"), hex[1] == UInt8(ascii: "x"), hex.count % 2 == 0 else {
            throw PGError.corrupt("dữ liệu nhị phân không đọc được")
        }
        func nibble(_ c: UInt8) throws -> UInt8 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: throw PGError.corrupt("dữ liệu nhị phân không đọc được")
            }
        }
        var out = Data(capacity: (hex.count - 2) / 2)
        var i = 2
        while i < hex.count {
            out.append(try nibble(hex[i]) << 4 | nibble(hex[i + 1]))
            i += 2
        }
        return out
    }
}
