import Foundation
import GRDB

/// API tokens (hashed) and the append-only audit log.
extension CatalogueStore {
    // MARK: - Tokens

    /// Stores a token by the hex SHA-256 of its secret (the secret itself is never stored). The name must
    /// not be in use by another active token.
    public func addToken(hash: String, name: String, role: Role) throws {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw CatalogueError("Tên token không được để trống") }
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM token WHERE name = ? AND revoked = 0)", arguments: [name]) == true {
                throw CatalogueError("Đã có token đang dùng tên “\(name)”")
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM token WHERE hash = ?)", arguments: [hash]) == true {
                throw CatalogueError("Token này đã được tạo trước đó")
            }
            try db.execute(sql: "INSERT INTO token (hash, name, role, created, revoked) VALUES (?, ?, ?, ?, 0)",
                           arguments: [hash, name, role.rawValue, Date().timeIntervalSince1970])
        }
    }

    /// The token stored under this hash, revoked or not; nil when unknown.
    public func token(hash: String) throws -> (name: String, role: Role, revoked: Bool)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT name, role, revoked FROM token WHERE hash = ?", arguments: [hash]) else { return nil }
            return (try row.decode(forColumn: "name"), try Self.role(try row.decode(forColumn: "role")), try row.decode(Int.self, forColumn: "revoked") != 0)
        }
    }

    /// Every token ever created, oldest first.
    public func listTokens() throws -> [(name: String, role: Role, created: Date, revoked: Bool)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, created, revoked FROM token ORDER BY created, rowid").map {
                (name: try $0.decode(forColumn: "name"), role: try Self.role(try $0.decode(forColumn: "role")),
                 created: Date(timeIntervalSince1970: try $0.decode(forColumn: "created")),
                 revoked: try $0.decode(Int.self, forColumn: "revoked") != 0)
            }
        }
    }

    /// Revokes the active token with this name. False when there is none.
    @discardableResult
    public func revokeToken(name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "UPDATE token SET revoked = 1 WHERE name = ? AND revoked = 0", arguments: [name])
            return db.changesCount > 0
        }
    }

    // MARK: - Audit (append-only)

    /// Appends one line to the audit log. `token` is the token's name ("" for anonymous), never its secret.
    public func appendAudit(token: String, role: Role, action: String, target: String, remote: String?) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO audit (time, token, role, action, target, remote) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [Date().timeIntervalSince1970, token, role.rawValue, action, target, remote])
        }
    }

    /// Audit lines from `from` to `to` (both inclusive, either open), optionally of one token, oldest first.
    public func audit(from: Date?, to: Date?, token: String?) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        if let from { conditions.append("time >= ?"); arguments.append(from.timeIntervalSince1970) }
        if let to { conditions.append("time <= ?"); arguments.append(to.timeIntervalSince1970) }
        if let token { conditions.append("token = ?"); arguments.append(token) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = "SELECT * FROM audit \(whereClause) ORDER BY time, id"
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                AuditEntry(id: try $0.decode(forColumn: "id"), time: Date(timeIntervalSince1970: try $0.decode(forColumn: "time")),
                           token: try $0.decode(forColumn: "token"), role: try Self.role(try $0.decode(forColumn: "role")),
                           action: try $0.decode(forColumn: "action"), target: try $0.decode(forColumn: "target"),
                           remote: try $0.decode(forColumn: "remote"))
            }
        }
    }
}
