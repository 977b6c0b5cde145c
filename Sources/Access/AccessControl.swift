import Catalogue
import DataFolder
import Foundation

/// Who is asking: the caller of a request from its bearer token, refused tokens and audited accesses
/// recorded in the catalogue's audit log.
public struct AccessControl: Sendable {
    let store: any ArchiveCatalogue

    public init(store: any ArchiveCatalogue) { self.store = store }

    /// The caller of a request: no header is anonymous `public`; a token hoso does not know is refused (401).
    public func caller(authorization: String?, remote: String? = nil) throws -> Caller {
        let remote = remote.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        guard let header = authorization?.trimmingCharacters(in: .whitespaces), !header.isEmpty else {
            return .anonymous(remote: remote)
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let found = try TokenService(store: store).resolve(String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw HosoError(.unauthorized, "Mã truy cập không hợp lệ")
        }
        return Caller(name: found.name, role: found.role, remote: remote)
    }

    /// The caller of a request, like `caller(authorization:remote:)`, and when the token is refused (401)
    /// one audit line: when, from where (`remote`), what (`request`: method and path, never the query
    /// string) and who — `AuditLog.refusedTokenLabel` and the token's fingerprint, never the token. The
    /// request is refused whether or not the line could be written.
    public func authenticate(authorization: String?, remote: String?, request: String) throws -> Caller {
        do {
            return try caller(authorization: authorization, remote: remote)
        } catch let e as HosoError where e.kind == .unauthorized {
            recordRefusedToken(authorization: authorization ?? "", remote: remote, request: request)
            throw e
        }
    }

    /// Appends the audit line of a refused token (see `authenticate`); a failure to write it is ignored.
    public func recordRefusedToken(authorization: String, remote: String?, request: String) {
        let remote = remote.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        let target = String(request.prefix(300).map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? "?" : $0 })
        try? store.appendAudit(token: AuditLog.refusedCaller(authorization: authorization), role: .public,
                               action: AuditAction.tokenRefused.rawValue, target: target, remote: remote)
    }

    /// Appends one audit line when this access must be recorded. Fails closed: when the line cannot be
    /// written, the read is refused.
    public func record(_ action: AuditAction, target: String, by caller: Caller, level: AccessLevel?) throws {
        guard AuditLog.mustRecord(action, caller: caller, level: level) else { return }
        do {
            try store.appendAudit(token: caller.name, role: caller.role, action: action.rawValue,
                                  target: String(target.prefix(2000)), remote: caller.remote)
        } catch {
            throw HosoError(.unavailable, "Không ghi được nhật ký truy cập; yêu cầu bị từ chối")
        }
    }

    /// The role of a request: no header is `public`; a token hoso does not know is refused (401).
    public func role(authorization: String?) throws -> Role {
        try caller(authorization: authorization).role
    }
}
