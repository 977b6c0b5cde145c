import Catalogue
import Foundation

/// A `postgresql://` (or `postgres://`) URL as libpq reads it, and the form of it shown in messages: the
/// password replaced by `***`.
public struct PostgresURL: Sendable, Equatable {
    /// What libpq is given (the URL as written).
    let conninfo: String
    /// The URL without its password, for messages and logs.
    public let display: String
    let password: String?

    public static func isPostgres(_ url: String) -> Bool {
        url.hasPrefix("postgresql://") || url.hasPrefix("postgres://")
    }

    public init(_ url: String) throws {
        guard Self.isPostgres(url) else {
            throw CatalogueError("Địa chỉ danh mục “\(Self.redact(url))” không phải postgresql://…")
        }
        conninfo = url
        password = URLComponents(string: url)?.password.flatMap { $0.removingPercentEncoding ?? $0 }
            ?? Self.queryPassword(url)
        display = Self.redact(url)
    }

    /// The URL with the password (in the user part or as `password=` in the query) replaced by `***`.
    static func redact(_ url: String) -> String {
        var out = url
        if let scheme = out.range(of: "://") {
            let rest = out[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"),
               let colon = rest[..<at].firstIndex(of: ":") {
                out.replaceSubrange(out.index(after: colon)..<at, with: "***")
            }
        }
        if let range = out.range(of: #"password=[^&]*"#, options: .regularExpression) {
            out.replaceSubrange(range, with: "password=***")
        }
        return out
    }

    private static func queryPassword(_ url: String) -> String? {
        URLComponents(string: url)?.queryItems?.first(where: { $0.name == "password" })?.value
    }

    /// `text` with every occurrence of the password hidden (libpq's messages may quote parts of the URL).
    func hidingPassword(_ text: String) -> String {
        guard let password, !password.isEmpty else { return text }
        return text.replacingOccurrences(of: password, with: "***")
    }
}

/// libpq's failures, each turned into a `CatalogueError` with a Vietnamese message naming the server
/// without its password.
enum PGError {
    /// The connection could not be made or was lost; libpq's message says why.
    static func connection(_ message: String, target: PostgresURL) -> CatalogueError {
        let raw = target.hidingPassword(message.trimmingCharacters(in: .whitespacesAndNewlines))
        let lower = raw.lowercased()
        let server = "PostgreSQL \(target.display)"
        if lower.contains("password authentication failed") || lower.contains("authentication failed")
            || lower.contains("no password supplied") || lower.contains("no pg_hba.conf entry") {
            return CatalogueError("\(server) từ chối đăng nhập: sai tên người dùng hoặc mật khẩu, hoặc máy này không được phép kết nối (\(raw)).")
        }
        if lower.contains("database") && lower.contains("does not exist") {
            return CatalogueError("Cơ sở dữ liệu trên \(server) không tồn tại; hãy tạo nó trước (createdb) (\(raw)).")
        }
        if lower.contains("role") && lower.contains("does not exist") {
            return CatalogueError("Người dùng trên \(server) không tồn tại (\(raw)).")
        }
        if lower.contains("connection refused") || lower.contains("no such file or directory")
            || lower.contains("could not connect") || lower.contains("could not translate host name")
            || lower.contains("timeout expired") || lower.contains("is the server running") {
            return CatalogueError("Không kết nối được tới \(server): máy chủ không chạy, sai địa chỉ hoặc cổng, hoặc mạng bị chặn (\(raw)).")
        }
        if lower.contains("server closed the connection") || lower.contains("terminating connection")
            || lower.contains("connection to server") || lower.contains("no connection") {
            return CatalogueError("Mất kết nối tới \(server); hãy thử lại (\(raw)).")
        }
        if lower.contains("invalid") || lower.contains("missing") || lower.contains("uri") {
            return CatalogueError("Địa chỉ danh mục \(target.display) không hợp lệ (\(raw)).")
        }
        return CatalogueError("Lỗi kết nối tới \(server): \(raw)")
    }

    /// A statement the server refused, by its SQLSTATE.
    static func statement(state: String, message: String, target: PostgresURL) -> CatalogueError {
        let raw = target.hidingPassword(message)
        let server = "PostgreSQL \(target.display)"
        switch state {
        case "40001", "40P01", "55P03":
            return CatalogueError("Danh mục trên \(server) đang bận (một tiến trình khác giữ khóa); hãy thử lại sau (\(raw)).")
        case "53100":
            return CatalogueError("Không ghi được vào danh mục trên \(server): đĩa của máy chủ đã đầy (\(raw)).")
        case "42501":
            return CatalogueError("Người dùng trên \(server) không có quyền với danh mục (\(raw)).")
        case "25006":
            return CatalogueError("Không ghi được vào danh mục trên \(server): máy chủ chỉ cho đọc (bản sao?) (\(raw)).")
        case let s where s.hasPrefix("08") || s.hasPrefix("57P"):
            return CatalogueError("Mất kết nối tới \(server); hãy thử lại (\(raw)).")
        case "22021":
            return CatalogueError("Dữ liệu không phải UTF-8 hợp lệ, danh mục trên \(server) không nhận (\(raw)).")
        default:
            return CatalogueError("Lỗi cơ sở dữ liệu \(server): \(raw)")
        }
    }

    static func corrupt(_ what: String) -> CatalogueError {
        CatalogueError("Dữ liệu trong danh mục PostgreSQL bị hỏng: \(what)")
    }
}
