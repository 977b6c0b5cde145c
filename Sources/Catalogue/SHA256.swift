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

    /// Lower-case hex SHA-256 of a file's content.
    public static func hex(fileAt url: URL) throws -> String {
        var h = SHA256()
        try h.update(fileAt: url.path)
        return hexString(h.finalize())
    }

    /// Adds the bytes of the file at `path`, read into one 256 KiB buffer (a `FileHandle` read makes a new `Data`
    /// for every chunk: a fresh allocation and its page faults for each scan an ingest hashes).
    public mutating func update(fileAt path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CatalogueError("Không đọc được tệp \(path)") }
        defer { close(fd) }
        let size = 1 << 18
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer.baseAddress, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw CatalogueError("Không đọc được tệp \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { return }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
    }

    /// Lower-case hex of a digest.
    public static func hexString(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](); out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
