import Catalogue
import DataFolder
import Foundation

/// The folder of deliveries staff may check from the web pages (`hoso serve --deliveries DIR`): its folders and its
/// zip packages, known by name only. A name is usable only when it is one of the entries listed, so `..`, a path,
/// an absolute path or a symlink whose target lies outside the folder is no delivery.
public struct DeliveriesFolder: Sendable {
    /// One delivery: a folder (any layout `hoso check` reads) or a `.zip` package.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var isPackage: Bool
    }

    /// The folder's real path (symlinks resolved).
    public let root: String

    /// Throws a usage error when `path` is not a folder.
    public init(path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
              let real = BatchReader.realPath(path) else {
            throw HosoError(.usage, "Không tìm thấy thư mục lô giao nộp: \(path)")
        }
        root = real
    }

    /// The deliveries, by name (numbers in names compared as numbers); hidden entries left out.
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.compactMap(entry).sorted { $0.name.compare($1.name, options: [.numeric, .caseInsensitive]) == .orderedAscending }
    }

    /// The delivery called `name` and where it is, nil unless `name` is one of `entries()`.
    public func locate(_ name: String) -> (entry: Entry, url: URL)? {
        guard let found = entry(name) else { return nil }
        return (found, URL(fileURLWithPath: root + "/" + found.name, isDirectory: !found.isPackage))
    }

    /// The entry of one name read from the folder: a single path component, not hidden, whose real path is inside
    /// the folder, that is a folder or a `.zip` file.
    private func entry(_ name: String) -> Entry? {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\0"),
              let real = BatchReader.realPath(root + "/" + name), real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            return nil
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDir) else { return nil }
        if isDir.boolValue { return Entry(name: name, isPackage: false) }
        return (name as NSString).pathExtension.lowercased() == "zip" ? Entry(name: name, isPackage: true) : nil
    }
}
