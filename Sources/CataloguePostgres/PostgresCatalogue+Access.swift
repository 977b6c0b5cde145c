import Catalogue
import Foundation

/// API tokens (hashed) and the append-only audit log on PostgreSQL (its triggers refuse UPDATE, DELETE and
/// TRUNCATE of `audit`, whoever connects).
extension PostgresCatalogue {
    public func addToken(hash: String, name: String, role: Role) throws {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw CatalogueError("Tên token không được để trống") }
        try write { c in
            if try c.exec("SELECT 1 FROM token WHERE name = $1 AND NOT revoked", [PGValue(name)]).count > 0 {
                throw CatalogueError("Đã có token đang dùng tên “\(name)”")
            }
            if try c.exec("SELECT 1 FROM token WHERE hash = $1", [PGValue(hash)]).count > 0 {
                throw CatalogueError("Token này đã được tạo trước đó")
            }
            try c.exec("INSERT INTO token (hash, name, role, created, revoked) VALUES ($1, $2, $3, $4, false)",
                       [PGValue(hash), PGValue(name), PGValue(role.rawValue), Self.now])
        }
    }

    public func token(hash: String) throws -> (name: String, role: Role, revoked: Bool)? {
        try read { c in
            let r = try c.exec("SELECT name, role, revoked FROM token WHERE hash = $1", [PGValue(hash)])
            guard r.count > 0 else { return nil }
            return (try r.text(0, 0), try CatalogueStore.role(try r.text(0, 1)), r.bool(0, 2))
        }
    }

    public func listTokens() throws -> [(name: String, role: Role, created: Date, revoked: Bool)] {
        try read { c in
            let r = try c.exec("SELECT name, role, created, revoked FROM token ORDER BY created, seq")
            return try (0..<r.count).map {
                (name: try r.text($0, 0), role: try CatalogueStore.role(try r.text($0, 1)),
                 created: Date(timeIntervalSince1970: try r.double($0, 2) ?? 0), revoked: r.bool($0, 3))
            }
        }
    }

    @discardableResult
    public func revokeToken(name: String) throws -> Bool {
        try write { c in
            try c.exec("UPDATE token SET revoked = true WHERE name = $1 AND NOT revoked", [PGValue(name)]).changed > 0
        }
    }

    public func appendAudit(token: String, role: Role, action: String, target: String, remote: String?) throws {
        try write { c in
            try c.exec("INSERT INTO audit (time, token, role, action, target, remote) VALUES ($1, $2, $3, $4, $5, $6)",
                       [Self.now, PGValue(token), PGValue(role.rawValue), PGValue(action), PGValue(target), pg(remote)])
        }
    }

    public func audit(from: Date?, to: Date?, token: String?) throws -> [AuditEntry] {
        var conditions: [String] = []
        var values: [PGValue?] = []
        if let from { values.append(PGValue(from.timeIntervalSince1970)); conditions.append("time >= $\(values.count)") }
        if let to { values.append(PGValue(to.timeIntervalSince1970)); conditions.append("time <= $\(values.count)") }
        if let token { values.append(PGValue(token)); conditions.append("token = $\(values.count)") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { c in
            let r = try c.exec("SELECT id, time, token, role, action, target, remote FROM audit \(whereClause) ORDER BY time, id", values)
            return try (0..<r.count).map {
                AuditEntry(id: Int64(try r.int($0, 0) ?? 0), time: Date(timeIntervalSince1970: try r.double($0, 1) ?? 0),
                           token: try r.text($0, 2), role: try CatalogueStore.role(try r.text($0, 3)),
                           action: try r.text($0, 4), target: try r.text($0, 5), remote: r.string($0, 6))
            }
        }
    }
}
