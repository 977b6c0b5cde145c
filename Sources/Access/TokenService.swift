import Catalogue
import DataFolder
import Foundation

/// API tokens: random and long, shown once, stored only as SHA-256 hashes, each with a role and a name.
public struct TokenService {
    let store: any ArchiveCatalogue

    public init(store: any ArchiveCatalogue) { self.store = store }

    /// Creates a token and returns it; only its hash is kept.
    public func create(role: Role, name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else { throw HosoError(.usage, "Tên mã truy cập không hợp lệ") }
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let token = "hoso_" + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        try store.addToken(hash: SHA256.hex(utf8Of: token), name: name, role: role)
        return token
    }

    /// The role and name of a token, or nil when hoso does not know it (or it was revoked). The token is
    /// looked up by its SHA-256: how long a comparison takes tells nothing about the token itself.
    public func resolve(_ token: String) throws -> (name: String, role: Role)? {
        guard token.count <= 200 else { return nil }
        let hash = SHA256.hex(utf8Of: token)
        guard let found = try store.token(hash: hash), !found.revoked else { return nil }
        return (found.name, found.role)
    }
}
