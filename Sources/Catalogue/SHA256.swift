import Crypto
import Foundation

/// SHA-256 (FIPS 180-4): token hashes, scan-content hashes, OCR cache keys, reindex stamps. It wraps swift-crypto's
/// `Crypto.SHA256` (BoringSSL, with its assembly). Incremental: `update` with chunks, then `finalize`.
/// `@unchecked Sendable`: the wrapped hasher is a copy-on-write value (its context is copied before a shared one is
/// written), so copies on different threads never share a state that is written.
public struct SHA256: @unchecked Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update<D: DataProtocol>(_ data: D) { hasher.update(data: data) }

    /// The bytes at `buffer`: the reindex stamp hashes each part in place, through this.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) { hasher.update(bufferPointer: buffer) }

    /// The 32-byte digest.
    public mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }

    /// Lower-case hex SHA-256 of `data`.
    public static func hex<D: DataProtocol>(_ data: D) -> String {
        hexString(Array(Crypto.SHA256.hash(data: data)))
    }

    /// Lower-case hex SHA-256 of a string's UTF-8 bytes.
    public static func hex(utf8Of text: String) -> String { hex(Data(text.utf8)) }

    /// Lower-case hex SHA-256 of a file's content, read in 1 MiB chunks.
    public static func hex(fileAt url: URL) throws -> String {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw CatalogueError("Không đọc được tệp \(url.path)")
        }
        defer { try? handle.close() }
        var h = SHA256()
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw CatalogueError("Không đọc được tệp \(url.path): \(error.localizedDescription)") }
            if chunk.isEmpty { break }
            h.update(chunk)
        }
        return hexString(h.finalize())
    }

    /// Lower-case hex of a digest.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
