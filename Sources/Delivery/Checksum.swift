import Crypto
import Foundation

/// The checksums a METS or PREMIS file gives for a package's files, computed by streaming the file in
/// chunks (scans may be hundreds of MB).
enum PackageChecksum {
    enum Algorithm: String, CaseIterable, Sendable {
        case sha256 = "SHA-256", sha384 = "SHA-384", sha512 = "SHA-512", sha1 = "SHA-1", md5 = "MD5"

        /// The algorithm a METS CHECKSUMTYPE or PREMIS messageDigestAlgorithm names, however spelt:
        /// `SHA-256`, `SHA256`, `sha-256`, `SHA_256`, `MD5`; nil for one we cannot compute.
        init?(name: String) {
            let key = name.lowercased().filter { $0.isLetter || $0.isNumber }
            switch key {
            case "sha256", "sha2256": self = .sha256
            case "sha384", "sha2384": self = .sha384
            case "sha512", "sha2512": self = .sha512
            case "sha1", "sha": self = .sha1
            case "md5": self = .md5
            default: return nil
            }
        }
    }

    /// Lower-case hex digest of the file at `url`.
    static func hex(of url: URL, _ algorithm: Algorithm) throws -> String {
        switch algorithm {
        case .sha256: return try digest(url, Crypto.SHA256())
        case .sha384: return try digest(url, Crypto.SHA384())
        case .sha512: return try digest(url, Crypto.SHA512())
        case .sha1: return try digest(url, Insecure.SHA1())
        case .md5: return try digest(url, Insecure.MD5())
        }
    }

    /// Lower-case hex digest of `data`.
    static func hex(of data: Data, _ algorithm: Algorithm) -> String {
        func h<H: HashFunction>(_ hasher: H) -> String {
            var hasher = hasher
            hasher.update(data: data)
            return hexString(hasher.finalize())
        }
        switch algorithm {
        case .sha256: return h(Crypto.SHA256())
        case .sha384: return h(Crypto.SHA384())
        case .sha512: return h(Crypto.SHA512())
        case .sha1: return h(Insecure.SHA1())
        case .md5: return h(Insecure.MD5())
        }
    }

    /// Whether two written digests are the same: case and white space ignored.
    static func same(_ a: String, _ b: String) -> Bool {
        a.lowercased().filter { !$0.isWhitespace } == b.lowercased().filter { !$0.isWhitespace }
    }

    private static let chunkSize = 1 << 20

    private static func digest<H: HashFunction>(_ url: URL, _ hasher: H) throws -> String {
        var hasher = hasher
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return hexString(hasher.finalize())
    }

    private static func hexString<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
