import Foundation

/// Free space on the file system holding a folder, and the failures a full disk gives, as one Vietnamese
/// `HosoError(.unavailable, …)` that names the folder, what was being written, the space left and, when it
/// is known, the space needed.
///
/// A full disk shows up differently at each layer: SQLite's `SQLITE_FULL` (the catalogue's "đĩa đã đầy"),
/// Xapian's `DatabaseError` carrying strerror(ENOSPC), Foundation's `fileWriteOutOfSpace` or a POSIX
/// ENOSPC/EDQUOT. `isFull` recognises all of them, wrapped or not.
public enum DiskSpace {
    /// Bytes an unprivileged writer may still use on the file system of `path` (or of its nearest existing
    /// parent); nil when it cannot be told.
    public static func available(at path: String) -> Int64? {
        var url = URL(fileURLWithPath: path)
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" { url.deleteLastPathComponent() }
        var info = statvfs()
        guard statvfs(url.path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// New files (inodes) the file system of `path` may still hold; nil when it cannot be told or has no limit.
    static func filesAvailable(at path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0, info.f_files > 0 else { return nil }
        return UInt64(info.f_favail)
    }

    /// True when `error` (or an error it wraps) says the disk or the quota is full.
    public static func isFull(_ error: Error) -> Bool {
        if isDescribed(error) { return true }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, ns.code == Int(ENOSPC) || ns.code == Int(EDQUOT) { return true }
        if ns.domain == NSCocoaErrorDomain, ns.code == CocoaError.fileWriteOutOfSpace.rawValue { return true }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error, isFull(underlying) { return true }
        let text = String(describing: error)
        return fullSignatures.contains { text.contains($0) }
    }

    /// An I/O error that does not say why (SQLite's `SQLITE_IOERR` when it cannot grow its `-shm` file): a
    /// full disk when the folder's file system has less than `lowSpace` left.
    static func isIOError(_ error: Error) -> Bool {
        let text = String(describing: error)
        return text.contains("disk I/O error") || text.contains("Lỗi đọc/ghi đĩa")
    }

    static let lowSpace: Int64 = 1 << 20

    /// Texts that only a full disk gives: the C library's, and the catalogue's for SQLITE_FULL.
    static let fullSignatures = [String(cString: strerror(ENOSPC)), String(cString: strerror(EDQUOT)), "đĩa đã đầy",
                                 "database or disk is full"]

    /// The error of a full disk while `writing` (a Vietnamese phrase: "ghi trang vào danh mục") into `folder`.
    public static func fullError(writing: String, folder: String, needed: Int64? = nil, note: String? = nil) -> HosoError {
        var text = "\(prefix) không đủ chỗ trống để \(writing) trong \(folder)"
        var parts: [String] = []
        if let free = available(at: folder) { parts.append("còn trống \(format(free))") }
        if filesAvailable(at: folder) == 0 { parts.append("không còn chỗ cho tệp mới") }
        if let needed { parts.append("cần khoảng \(format(needed))") }
        if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
        text += ". Dữ liệu đã có vẫn nguyên vẹn"
        if let note { text += "; \(note)" }
        text += ". Hãy giải phóng chỗ trống rồi chạy lại lệnh."
        return HosoError(.unavailable, text)
    }

    /// `error` as the error of a full disk when it is one, unchanged otherwise.
    public static func mapped(_ error: Error, writing: String, folder: String, needed: Int64? = nil, note: String? = nil) -> Error {
        guard isFull(error) || (isIOError(error) && (available(at: folder) ?? .max) < lowSpace), !isDescribed(error) else { return error }
        return fullError(writing: writing, folder: folder, needed: needed, note: note)
    }

    /// Runs `body`, turning a full disk into `fullError`.
    public static func mapping<T>(writing: String, folder: String, needed: Int64? = nil, note: String? = nil,
                                  _ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw mapped(error, writing: writing, folder: folder, needed: needed, note: note)
        }
    }

    /// Refuses, before anything is written, a step that needs `needed` bytes in `folder` when fewer are free.
    public static func require(_ needed: Int64, writing: String, folder: String) throws {
        guard let free = available(at: folder), free < needed else { return }
        throw fullError(writing: writing, folder: folder, needed: needed, note: "chưa ghi gì (kiểm tra trước khi chạy)")
    }

    /// The device of the file system holding `path` (or its nearest existing parent).
    public static func device(of path: String) -> UInt64? {
        var url = URL(fileURLWithPath: path)
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" { url.deleteLastPathComponent() }
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return UInt64(info.st_dev)
    }

    /// Bytes under `path` (a file or a folder, recursively; what the files hold, not their blocks).
    public static func size(of path: String) -> Int64 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        guard info.st_mode & mode_t(S_IFMT) == mode_t(S_IFDIR) else { return Int64(info.st_size) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.reduce(0) { $0 + size(of: path + "/" + $1) }
    }

    /// An error `fullError` made already: kept as it is by every later mapping (the first says best where).
    public static func isDescribed(_ error: Error) -> Bool {
        (error as? HosoError).map { $0.kind == .unavailable && $0.message.hasPrefix(prefix) } ?? false
    }

    static let prefix = "Đĩa đầy:"

    /// "512 KB", "12,3 MB", "1,5 GB": Vietnamese decimal comma.
    public static func format(_ bytes: Int64) -> String {
        let units = ["byte", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        if unit == 0 { return "\(bytes) byte" }
        let text = value >= 100 ? String(format: "%.0f", value) : String(format: "%.1f", value)
        return text.replacingOccurrences(of: ".", with: ",") + " " + units[unit]
    }
}
