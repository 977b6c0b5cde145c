import Catalogue
import Foundation
import ZIPFoundation

/// Unpacks a package's zip once under `staging/<sha256 of the zip>/`, safely: entries with an absolute
/// path, a `..` part or a link are refused, and so are zips whose sizes look like a zip bomb. A marker written
/// last says the folder is complete; a folder without it (a crash half-way) is unpacked again.
enum PackageUnpacker {
    struct Limits: Sendable {
        /// Total uncompressed bytes of all entries.
        var totalBytes: UInt64 = 50 << 30
        /// Uncompressed ÷ compressed, for the whole zip and for every entry larger than `ratioFloor`.
        var ratio: UInt64 = 1000
        /// Entries smaller than this are not held to `ratio` (a small run of blanks compresses very well).
        var ratioFloor: UInt64 = 1 << 20
        var entries: Int = 200_000
    }

    /// The marker written last in a complete staging folder.
    static let marker = ".hoso-unpacked"

    /// The folder in a zip that holds METS.xml: "" for the zip's root, "<top>/" for its single top folder;
    /// nil when neither holds it. Reads only the central directory.
    static func packagePrefix(_ zip: URL) -> String? {
        do {
            let archive = try Archive(url: zip, accessMode: .read, pathEncoding: nil)
            return packagePrefix(paths: archive.map { $0.path })
        } catch {
            return nil
        }
    }

    static func packagePrefix<S: Sequence>(paths: S) -> String? where S.Element == String {
        var tops = Set<String>()
        var rootHasMETS = false
        var metsUnder = Set<String>()
        for raw in paths {
            let parts = raw.replacingOccurrences(of: "\\", with: "/").split(separator: "/").map(String.init)
            guard let first = parts.first else { continue }
            if parts.count == 1, isMETS(first) { rootHasMETS = true }
            if parts.count == 2, isMETS(parts[1]) { metsUnder.insert(first) }
            if parts.count > 1 || raw.hasSuffix("/") { tops.insert(first) } else { tops.insert("") }
        }
        if rootHasMETS { return "" }
        if tops.count == 1, let top = tops.first, metsUnder.contains(top) { return top + "/" }
        return nil
    }

    static func isMETS(_ name: String) -> Bool { name.lowercased() == "mets.xml" }

    /// Unpacks `zip` (when not already) and returns the package's root folder inside the staging folder.
    static func unpack(zip: URL, staging: URL, limits: Limits = Limits()) -> Result<URL, CatalogueError> {
        let fm = FileManager.default
        let hash: String
        do { hash = try PackageChecksum.hex(of: zip, .sha256) } catch {
            return .failure(CatalogueError("không đọc được tệp zip: \(error.localizedDescription)"))
        }
        let archive: Archive
        do { archive = try Archive(url: zip, accessMode: .read) } catch {
            return .failure(CatalogueError("tệp zip bị hỏng hoặc không phải zip (\(error))"))
        }
        let entries = Array(archive)
        guard let prefix = packagePrefix(paths: entries.map(\.path)) else {
            return .failure(CatalogueError("tệp zip không có METS.xml ở gốc (hay trong thư mục gốc duy nhất): không phải gói thông tin TT 05/2025"))
        }

        // Every entry checked before anything is written.
        var planned: [(entry: Entry, parts: [String])] = []
        var total: UInt64 = 0, compressed: UInt64 = 0
        guard entries.count <= limits.entries else {
            return .failure(CatalogueError("tệp zip có \(entries.count) mục, quá giới hạn \(limits.entries)"))
        }
        for entry in entries {
            let path = entry.path
            if entry.type == .symlink {
                return .failure(CatalogueError("tệp zip chứa liên kết “\(path)”: không giải nén gói có liên kết"))
            }
            guard let parts = safeParts(path) else {
                return .failure(CatalogueError("tệp zip chứa mục “\(path)” trỏ ra ngoài thư mục giải nén (đường dẫn tuyệt đối hoặc có “..”): gói bị từ chối"))
            }
            if parts.isEmpty || parts == [marker] { continue }
            total += entry.uncompressedSize
            compressed += entry.compressedSize
            if entry.type == .file, entry.uncompressedSize > limits.ratioFloor,
               entry.uncompressedSize / max(entry.compressedSize, 1) > limits.ratio {
                return .failure(CatalogueError("mục “\(path)” trong tệp zip nén quá \(limits.ratio):1 (nghi là bom zip): gói bị từ chối"))
            }
            planned.append((entry, parts))
        }
        if total > limits.totalBytes {
            return .failure(CatalogueError("tệp zip giải nén ra \(total) byte, quá giới hạn \(limits.totalBytes) byte: gói bị từ chối"))
        }
        if total > limits.ratioFloor, total / max(compressed, 1) > limits.ratio {
            return .failure(CatalogueError("tệp zip nén quá \(limits.ratio):1 (nghi là bom zip): gói bị từ chối"))
        }

        let folder = staging.appendingPathComponent(hash, isDirectory: true)
        let root = prefix.isEmpty ? folder : folder.appendingPathComponent(String(prefix.dropLast()), isDirectory: true)
        if isComplete(folder, planned: planned) { return .success(root) }

        // A folder left half-way (no marker, or files missing) is unpacked again from scratch.
        do {
            if fm.fileExists(atPath: folder.path) { try fm.removeItem(at: folder) }
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(CatalogueError("không tạo được thư mục giải nén \(folder.path): \(error.localizedDescription)"))
        }
        var written: UInt64 = 0
        for (entry, parts) in planned {
            let target = parts.reduce(folder) { $0.appendingPathComponent($1) }
            do {
                if entry.type == .directory {
                    try fm.createDirectory(at: target, withIntermediateDirectories: true)
                    continue
                }
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard !fm.fileExists(atPath: target.path) else {
                    return .failure(CatalogueError("tệp zip có hai mục cùng tên “\(entry.path)”: gói bị từ chối"))
                }
                guard fm.createFile(atPath: target.path, contents: nil) else {
                    return .failure(CatalogueError("không ghi được \(target.path)"))
                }
                let handle = try FileHandle(forWritingTo: target)
                defer { try? handle.close() }
                var entryBytes: UInt64 = 0
                let crc = try archive.extract(entry, skipCRC32: false) { chunk in
                    entryBytes += UInt64(chunk.count)
                    written += UInt64(chunk.count)
                    // The central directory may lie about sizes: count what really comes out.
                    if entryBytes > entry.uncompressedSize || written > limits.totalBytes {
                        throw CatalogueError("mục “\(entry.path)” giải nén ra nhiều hơn kích thước ghi trong zip: gói bị từ chối")
                    }
                    try handle.write(contentsOf: chunk)
                }
                if crc != entry.checksum {
                    return .failure(CatalogueError("mục “\(entry.path)” trong tệp zip bị hỏng (sai CRC-32)"))
                }
            } catch let error as CatalogueError {
                return .failure(error)
            } catch {
                return .failure(CatalogueError("tệp zip bị hỏng: không giải nén được “\(entry.path)” (\(error))"))
            }
        }
        do {
            try Data("\(planned.count)\n".utf8).write(to: folder.appendingPathComponent(marker), options: .atomic)
        } catch {
            return .failure(CatalogueError("không ghi được dấu hoàn tất trong \(folder.path): \(error.localizedDescription)"))
        }
        return .success(root)
    }

    /// Whether `folder` holds a complete earlier unpacking: the marker and every file at its size.
    private static func isComplete(_ folder: URL, planned: [(entry: Entry, parts: [String])]) -> Bool {
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.appendingPathComponent(marker).path) else { return false }
        for (entry, parts) in planned where entry.type == .file {
            let path = parts.reduce(folder) { $0.appendingPathComponent($1) }.path
            guard let attrs = try? fm.attributesOfItem(atPath: path),
                  (attrs[.type] as? FileAttributeType) == .typeRegular,
                  (attrs[.size] as? NSNumber)?.uint64Value == entry.uncompressedSize else { return false }
        }
        return true
    }

    /// The parts of an entry's path, or nil when it is absolute, names a drive, or has a `..` part.
    static func safeParts(_ path: String) -> [String]? {
        let p = path.replacingOccurrences(of: "\\", with: "/")
        if p.hasPrefix("/") || p.hasPrefix("~") || p.contains("\0") { return nil }
        if p.count >= 2, p.first?.isLetter == true, p.dropFirst().first == ":" { return nil }
        var parts: [String] = []
        for part in p.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return nil }
            parts.append(String(part))
        }
        return parts
    }
}
