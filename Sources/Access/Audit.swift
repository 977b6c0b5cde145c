import Catalogue
import DataFolder
import Foundation

/// Who is asking: the name of their token (never the token itself), its role, and where the request
/// came from. Anonymous callers have the empty name and the `public` role.
public struct Caller: Sendable, Equatable {
    /// The token's name; "" for anonymous public access; "cli:<user>" on the command line.
    public var name: String
    public var role: Role
    /// The remote address (IP) when known, "local" on the command line, "unknown" otherwise.
    public var remote: String

    public init(name: String, role: Role, remote: String = "unknown") {
        self.name = name; self.role = role; self.remote = remote
    }

    /// Anonymous public access.
    public static func anonymous(remote: String = "unknown") -> Caller { Caller(name: "", role: .public, remote: remote) }

    /// The person at the command line (`$USER`), with the role they asked for.
    public static func commandLine(role: Role, environment: [String: String] = ProcessInfo.processInfo.environment) -> Caller {
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"] ?? "unknown"
        return Caller(name: "cli:" + user, role: role, remote: "local")
    }
}

/// What an audit line records as the action (nhật ký truy cập).
public enum AuditAction: String, Sendable, CaseIterable {
    case search
    case document
    case text
    case pageImage = "page-image"
    case pageWords = "page-words"
    /// A request refused (401) because its bearer token or cookie is unknown, revoked or malformed.
    case tokenRefused = "token-refused"
    /// A copy handed out (bản đọc, bản sao, DIP): always recorded, whatever the document's access level.
    case copy
    /// An acceptance check (nghiệm thu) of a delivery run from the staff web page: always recorded, with its totals.
    case acceptanceCheck = "acceptance-check"
}

/// The audit trail of reads: every read of a `Sử dụng có điều kiện` or `Mật` document (metadata, text,
/// page image, highlights), every search by a `staff` or `secret` caller, every copy handed out, and every
/// request refused for an unknown, revoked or malformed token. A restricted read whose line cannot be written is refused: no
/// trail, no read.
public enum AuditLog {
    /// Whether this access must be recorded.
    public static func mustRecord(_ action: AuditAction, caller: Caller, level: AccessLevel?) -> Bool {
        switch action {
        case .search: return caller.role != .public
        case .tokenRefused, .copy, .acceptanceCheck: return true
        default: return (level ?? .secret) != .open
        }
    }

    /// Who a refused-token line names: never the token, only this label and its fingerprint.
    public static let refusedTokenLabel = "(mã truy cập không hợp lệ)"

    /// A short fingerprint of a presented credential: the first 8 hex digits of its SHA-256, which cannot
    /// give the token back but tells repeated attempts with the same one apart. For a revoked token it is
    /// the start of the hash kept in the catalogue's `token` table, so an administrator can tell whose it was.
    public static func fingerprint(_ credential: String) -> String {
        String(SHA256.hex(utf8Of: credential).prefix(8))
    }

    /// The `token` field of a refused-token line: the label and the fingerprint of what was presented (the
    /// token of a `Bearer` header or cookie; the whole header for any other scheme).
    public static func refusedCaller(authorization: String) -> String {
        let header = authorization.trimmingCharacters(in: .whitespaces)
        let parts = header.split(separator: " ", maxSplits: 1)
        let presented = parts.count == 2 && parts[0].lowercased() == "bearer"
            ? String(parts[1]).trimmingCharacters(in: .whitespaces) : header
        return refusedTokenLabel + " " + fingerprint(presented)
    }

    // MARK: Export

    /// The header row of the CSV export.
    public static let csvHeader = ["thoi_gian", "ma_truy_cap", "vai_tro", "hanh_dong", "doi_tuong", "dia_chi"]

    /// The log as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line end),
    /// UTF-8 with a byte-order mark so that spreadsheets read the Vietnamese right.
    public static func csv(_ entries: [AuditEntry], timeZone: TimeZone = .current) -> Data {
        var text = "\u{FEFF}" + csvHeader.joined(separator: ",") + "\r\n"
        for e in entries {
            let row = [timestamp(e.time, timeZone: timeZone), e.token, e.role.rawValue, e.action, e.target, e.remote ?? ""]
            text += row.map(csvField).joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// One CSV field, quoted when needed. A leading `=`, `+`, `-`, `@` is prefixed with `'` so that a
    /// spreadsheet does not run a query typed by a caller as a formula.
    public static func csvField(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line per entry, tab-separated, for reading at a terminal.
    public static func lines(_ entries: [AuditEntry], timeZone: TimeZone = .current) -> [String] {
        entries.map { e in
            let who = e.token.isEmpty ? "(ẩn danh)" : e.token
            let target = e.target.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            return [timestamp(e.time, timeZone: timeZone), who, e.role.rawValue, e.action, target, e.remote ?? ""]
                .joined(separator: "\t")
        }
    }

    static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = timeZone
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    /// `YYYY-MM-DD` → the first instant of that day (`endOfDay` false) or the last (true), in `timeZone`.
    public static func day(_ text: String, endOfDay: Bool, timeZone: TimeZone = .current) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), (1...31).contains(d) else {
            throw HosoError(.usage, "Ngày \(text) không đúng dạng YYYY-MM-DD")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: y, month: m, day: d)
        guard let start = calendar.date(from: components),
              calendar.component(.day, from: start) == d, calendar.component(.month, from: start) == m else {
            throw HosoError(.usage, "Ngày \(text) không có trong lịch")
        }
        return endOfDay ? start.addingTimeInterval(86_400 - 0.001) : start
    }
}
