import Catalogue
import DataFolder
import Foundation

/// `index-N/CHECKSUMS`: the SHA-256, size and modification time of every file of a generation, written by a
/// rebuild before it switches to the generation. A file whose size and modification time are still those
/// recorded must still have its hash: a difference is damage (bit rot, a bad copy), not a write. Files an
/// ingest updated since (their time changed) are left to Xapian's own check.
public enum GenerationChecksums {
    public static let fileName = "CHECKSUMS"

    public struct Entry: Equatable, Sendable {
        public var hash: String
        public var size: Int64
        /// Modification time, nanoseconds since 1970.
        public var modified: Int64
        /// Relative to the generation's folder.
        public var path: String
    }

    /// Records every file of the generation at `generation` (lock files left out).
    static func write(_ generation: String) throws {
        var lines: [String] = []
        for path in files(generation) {
            let full = generation + "/" + path
            guard let (size, modified) = attributes(full) else { continue }
            lines.append("\(try SHA256.hex(fileAt: URL(fileURLWithPath: full)))  \(size)  \(modified)  \(path)")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8)
            .write(to: URL(fileURLWithPath: generation).appendingPathComponent(fileName), options: .atomic)
    }

    /// The entries of a generation's `CHECKSUMS`; nil when it has none (written by an ingest, or an older hoso).
    public static func read(_ generation: String) -> [Entry]? {
        guard let text = try? String(contentsOfFile: generation + "/" + fileName, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").compactMap { line in
            let parts = line.components(separatedBy: "  ")
            guard parts.count >= 4, let size = Int64(parts[1]), let modified = Int64(parts[2]) else { return nil }
            return Entry(hash: parts[0], size: size, modified: modified, path: parts[3...].joined(separator: "  "))
        }
    }

    /// The files of a generation, relative to it, sorted; without lock files and `CHECKSUMS` itself.
    public static func files(_ generation: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: generation) else { return [] }
        var out: [String] = []
        while let path = e.nextObject() as? String {
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard name != "flintlock", name != fileName, attributes(generation + "/" + path) != nil else { continue }
            out.append(path)
        }
        return out.sorted()
    }

    /// Size and modification time (ns) of a regular file.
    public static func attributes(_ path: String) -> (Int64, Int64)? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & mode_t(S_IFMT) == mode_t(S_IFREG) else { return nil }
        return (Int64(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
