import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import SearchIndex
import Xapian

/// What a backup (bản sao lưu) holds, written as `backup.json` beside `MANIFEST`.
public struct BackupInfo: Codable, Sendable, Equatable {
    public var created: String
    public var generation: String
    public var files: Int
    public var documents: Int
    public var pages: Int
    /// Documents in the index copy (may lag the catalogue; `hoso restore` brings it up to date).
    public var indexedDocuments: Int
}

/// The outcome of checking one backup against its MANIFEST.
public struct BackupCheck: Sendable, Equatable {
    public var destination: String
    public var checkedFiles: Int
    /// Vietnamese descriptions of what is wrong; empty when the copy is good.
    public var problems: [String]
    public var ok: Bool { problems.isEmpty }
}

/// Backup, verification and restore of a data folder (sao lưu, kiểm tra, phục hồi), safe while serving.
///
/// A backup folder holds `catalogue.sqlite` (an SQLite online-backup snapshot), the current index
/// generation `index-N/` with its level databases `l1/ l2/ l3/` (copied while hoso holds their writer locks,
/// so nothing commits during the copy), `index.stub`, `backup.json` and `MANIFEST` — `sha256sum` format (`HEX  path`), so
/// `cd DEST && sha256sum -c MANIFEST` checks it without hoso. MANIFEST is written last: a folder without
/// it is an unfinished backup.
public enum Backup {
    public static let manifestName = "MANIFEST"
    public static let infoName = "backup.json"

    /// Backs `data` up into every destination (each must be missing or empty): the first is made from the
    /// live data, the others are copied from it; every copy is verified. Returns the checks, in order.
    @discardableResult
    public static func create(data: DataDirectory, store: any ArchiveCatalogue, destinations: [URL],
                              lockWait: TimeInterval = 60) throws -> [BackupCheck] {
        guard let first = destinations.first else { throw HosoError(.usage, "Hãy cho ít nhất một thư mục đích") }
        try refuseShared(data, "sao lưu")
        let resolved = destinations.map(\.standardizedFileURL)
        guard Set(resolved.map(\.path)).count == resolved.count else {
            throw HosoError(.usage, "Các thư mục đích phải khác nhau")
        }
        for dest in resolved {
            if dest.path == data.url.path || dest.path.hasPrefix(data.url.path + "/") {
                throw HosoError(.usage, "Thư mục sao lưu \(dest.path) không được nằm trong thư mục dữ liệu")
            }
            try prepareEmpty(dest)
        }
        let needed = spaceNeeded(data)
        try requireSpace(needed, in: resolved)
        // Every destination was empty: a backup that fails leaves them empty again, so the same command can be
        // run again as it is (once there is room, the medium mounted again…).
        var writing = first.standardizedFileURL
        do {
            try snapshot(data: data, store: store, into: writing, lockWait: lockWait)
            var checks = [try verify(writing)]
            for dest in resolved.dropFirst() {
                writing = dest
                for entry in try readManifest(resolved[0]) {
                    let from = resolved[0].appendingPathComponent(entry.path), to = dest.appendingPathComponent(entry.path)
                    try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try copyFile(from, to)
                }
                try copyFile(resolved[0].appendingPathComponent(manifestName), dest.appendingPathComponent(manifestName))
                checks.append(try verify(dest))
            }
            return checks
        } catch {
            for dest in resolved { empty(dest) }
            throw DiskSpace.mapped(error, writing: "sao lưu", folder: writing.path, needed: needed,
                                   note: "các thư mục đích đã được dọn trống")
        }
    }

    /// What a backup writes into each destination: the catalogue (with what its WAL holds) and the current
    /// index generation.
    static func spaceNeeded(_ data: DataDirectory) -> Int64 {
        let generation = (try? IndexStub.read(data.indexStubPath)).flatMap { $0 }
        return DiskSpace.size(of: data.cataloguePath) + DiskSpace.size(of: data.cataloguePath + "-wal")
            + (generation.map(DiskSpace.size(of:)) ?? 0)
    }

    /// Refuses a backup before it begins when a destination's file system lacks room for the copies it
    /// would hold (destinations on one file system add up).
    static func requireSpace(_ needed: Int64, in destinations: [URL]) throws {
        var copies: [UInt64: Int64] = [:]
        for dest in destinations { copies[DiskSpace.device(of: dest.path) ?? 0, default: 0] += 1 }
        for dest in destinations {
            let n = copies[DiskSpace.device(of: dest.path) ?? 0] ?? 1
            try DiskSpace.require(needed * n, writing: "sao lưu", folder: dest.path)
        }
    }

    /// Removes what a failed backup wrote into a destination (which `prepareEmpty` found empty).
    static func empty(_ dest: URL) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: dest.path)) ?? [] where name != "lost+found" {
            try? FileManager.default.removeItem(at: dest.appendingPathComponent(name))
        }
    }

    /// Checks every file of the MANIFEST (size and SHA-256) and that nothing is missing.
    public static func verify(_ dest: URL) throws -> BackupCheck {
        let dest = dest.standardizedFileURL
        var problems: [String] = []
        let entries = try readManifest(dest)
        for entry in entries {
            let url = dest.appendingPathComponent(entry.path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                problems.append("Thiếu tệp \(entry.path)")
                continue
            }
            let digest: String
            do { digest = try SHA256.hex(fileAt: url) } catch {
                problems.append("Không đọc được \(entry.path)")
                continue
            }
            if digest != entry.hash { problems.append("Tệp \(entry.path) bị thay đổi hoặc hỏng (SHA-256 không khớp)") }
        }
        for required in ["catalogue.sqlite", "index.stub", infoName] where !entries.contains(where: { $0.path == required }) {
            problems.append("MANIFEST không có \(required)")
        }
        return BackupCheck(destination: dest.path, checkedFiles: entries.count, problems: problems)
    }

    /// Restores a verified backup into an empty data folder, then indexes whatever the catalogue holds that
    /// the index copy had not caught up with. Returns the number of documents brought up to date.
    @discardableResult
    public static func restore(from backup: URL, into data: DataDirectory) throws -> Int {
        try refuseShared(data, "phục hồi")
        let backup = backup.standardizedFileURL
        let check = try verify(backup)
        guard check.ok else {
            throw HosoError(.usage, "Bản sao lưu \(backup.path) không toàn vẹn: " + check.problems.prefix(5).joined(separator: "; "))
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: data.url.path)) ?? []
        guard existing.filter({ !$0.hasPrefix(".") }).isEmpty else {
            throw HosoError(.usage, "Thư mục dữ liệu \(data.url.path) phải trống để phục hồi")
        }
        let entries = try readManifest(backup)
        return try DiskSpace.mapping(writing: "phục hồi bản sao lưu", folder: data.url.path,
                                     needed: entries.reduce(0) { $0 + DiskSpace.size(of: backup.appendingPathComponent($1.path).path) }) {
            try copy(entries, from: backup, into: data)
        }
    }

    /// Copies a verified backup's files into an empty data folder and brings the index up to date.
    private static func copy(_ entries: [ManifestEntry], from backup: URL, into data: DataDirectory) throws -> Int {
        // The index first, the stub and the catalogue last: an interrupted restore leaves no catalogue, so it
        // is never mistaken for a working data folder.
        for entry in entries.sorted(by: { rank($0.path) < rank($1.path) }) where entry.path != infoName {
            let to = data.url.appendingPathComponent(entry.path)
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try copyFile(backup.appendingPathComponent(entry.path), to)
        }
        let store = try data.openCatalogue()
        return try IndexMaintainer(data: data, store: store).update(documentIDs: try store.allDocumentIDs())
    }

    /// A catalogue on PostgreSQL is the server's to back up (pg_dump, a replica): a folder backup would miss it.
    static func refuseShared(_ data: DataDirectory, _ what: String) throws {
        guard data.sharesCatalogue else { return }
        throw HosoError(.usage, "Danh mục nằm trên PostgreSQL (\(data.catalogueLocation)): hoso \(what) chỉ làm với danh mục SQLite trong --data; hãy \(what) danh mục bằng pg_dump/pg_restore hoặc bản sao của máy chủ (docs/OPERATIONS.md), còn chỉ mục lập lại bằng hoso reindex.")
    }

    private static func rank(_ path: String) -> Int {
        path == "catalogue.sqlite" ? 2 : path == "index.stub" ? 1 : 0
    }

    // MARK: Snapshot

    static func snapshot(data: DataDirectory, store: any ArchiveCatalogue, into dest: URL, lockWait: TimeInterval) throws {
        guard data.hasCatalogue else { throw HosoError(.unavailable, "Thư mục \(data.url.path) chưa có danh mục") }
        guard let generation = try IndexStub.read(data.indexStubPath),
              FileManager.default.fileExists(atPath: generation) else {
            throw HosoError(.unavailable, "Chưa có chỉ mục trong \(data.url.path); hãy chạy hoso ingest trước")
        }
        // Hold the writer locks of the current generation (every level's database): no commit, and no "đã lập
        // chỉ mục" mark in the catalogue (those follow a commit, under the same locks) while the two are copied.
        let writers = try lockIndex(generation, wait: lockWait)
        defer { for w in writers { try? w.close() } }
        let name = URL(fileURLWithPath: generation).lastPathComponent
        let indexedDocuments = try writers.reduce(0) { $0 + (try $1.documentCount()) }

        let catalogueCopy = dest.appendingPathComponent("catalogue.sqlite")
        do {
            try CatalogueStore.snapshot(path: data.cataloguePath, into: catalogueCopy.path)
        } catch {
            throw HosoError(.unavailable, "Không sao lưu được danh mục: \(error)")
        }
        let indexDir = dest.appendingPathComponent(name)
        // Every file of the generation: its level databases `l1/ l2/ l3/` and their `XAPIANDB` stub (or the one
        // database of the older layout), without the lock files.
        for file in try relativeFiles(URL(fileURLWithPath: generation)) where URL(fileURLWithPath: file).lastPathComponent != "flintlock" {
            let to = indexDir.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try copyFile(URL(fileURLWithPath: generation).appendingPathComponent(file), to)
        }
        try Data("auto \(name)\n".utf8).write(to: dest.appendingPathComponent("index.stub"))
        for w in writers { try w.close() }

        let copied = try CatalogueStore(path: catalogueCopy.path)
        let counts = try copied.counts()
        try copied.close()
        // GRDB may leave -wal/-shm beside the copy; they are not part of the backup.
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: catalogueCopy.path + suffix) }
        let info = BackupInfo(created: ISO8601DateFormatter().string(from: Date()), generation: name,
                              files: counts.files, documents: counts.documents, pages: counts.pages,
                              indexedDocuments: indexedDocuments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(info).write(to: dest.appendingPathComponent(infoName))
        try writeManifest(dest)
    }

    /// Opens the index writers of a generation to hold their locks, retrying while an ingest or reindex
    /// holds one of them.
    static func lockIndex(_ path: String, wait: TimeInterval) throws -> [XapianWritableDatabase] {
        let deadline = Date().addingTimeInterval(wait)
        while true {
            do {
                return try IndexLayout.lock(path)
            } catch let e as XapianError where e.errorClass == "DatabaseLockError" {
                if Date() > deadline {
                    throw HosoError(.unavailable, "Chỉ mục đang được ghi quá lâu (\(path)); hãy thử sao lưu lại sau")
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
    }

    // MARK: Manifest

    public struct ManifestEntry: Sendable, Equatable {
        public var hash: String
        public var path: String
    }

    static func writeManifest(_ dest: URL) throws {
        var lines: [String] = []
        for path in try relativeFiles(dest) where path != manifestName {
            lines.append("\(try SHA256.hex(fileAt: dest.appendingPathComponent(path)))  \(path)")
        }
        let tmp = dest.appendingPathComponent(manifestName + ".tmp")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: tmp)
        let handle = try FileHandle(forWritingTo: tmp)
        try handle.synchronize()
        try handle.close()
        guard rename(tmp.path, dest.appendingPathComponent(manifestName).path) == 0 else {
            throw HosoError(.unavailable, "Không ghi được MANIFEST trong \(dest.path)")
        }
    }

    public static func readManifest(_ dest: URL) throws -> [ManifestEntry] {
        let url = dest.appendingPathComponent(manifestName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw HosoError(.usage, "\(dest.path) không phải bản sao lưu hoàn chỉnh của hoso (không có MANIFEST)")
        }
        var out: [ManifestEntry] = []
        for (n, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit) else {
                throw HosoError(.usage, "MANIFEST dòng \(n + 1) sai định dạng")
            }
            let path = parts[1].hasPrefix(" ") ? String(parts[1].dropFirst()) : String(parts[1])
            guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw HosoError(.usage, "MANIFEST dòng \(n + 1) có đường dẫn không hợp lệ")
            }
            out.append(ManifestEntry(hash: String(parts[0]).lowercased(), path: path))
        }
        return out
    }

    static func relativeFiles(_ root: URL) throws -> [String] {
        guard let e = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let path = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(path)
            }
        }
        return out.sorted()
    }

    static func prepareEmpty(_ dest: URL) throws {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: dest.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw HosoError(.usage, "\(dest.path) không phải là thư mục") }
            let items = try FileManager.default.contentsOfDirectory(atPath: dest.path).filter { $0 != "lost+found" }
            guard items.isEmpty else { throw HosoError(.usage, "Thư mục sao lưu \(dest.path) phải trống") }
        } else {
            do { try FileManager.default.createDirectory(at: dest, withIntermediateDirectories: true) } catch {
                throw HosoError(.usage, "Không tạo được thư mục sao lưu \(dest.path): \(error.localizedDescription)")
            }
        }
    }

    /// Copies a file and syncs it to its medium.
    static func copyFile(_ from: URL, _ to: URL) throws {
        try? FileManager.default.removeItem(at: to)
        do { try FileManager.default.copyItem(at: from, to: to) } catch {
            if DiskSpace.isFull(error) { throw error }   // described by the caller, which knows the space needed
            throw HosoError(.unavailable, "Không chép được \(from.path) sang \(to.path): \(error.localizedDescription)")
        }
        if let h = FileHandle(forUpdatingAtPath: to.path) { try? h.synchronize(); try? h.close() }
    }
}
