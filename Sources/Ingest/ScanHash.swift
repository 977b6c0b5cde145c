import Catalogue
import DataFolder
import Foundation

/// The content hash of a scan: the key under which its recognised pages are kept and reused.
public enum ScanHash {
    /// Hash of a scan on disk: the file's bytes, streamed; for a folder of page images, every image file's
    /// name and bytes in file-name order.
    public static func of(_ url: URL) throws -> String {
        var hasher = SHA256()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw HosoError(.usage, "Không tìm thấy tệp \(url.path)")
        }
        let files: [URL]
        if isDir.boolValue {
            files = try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
                .filter { !$0.lastPathComponent.hasPrefix(".") }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } else {
            files = [url]
        }
        for file in files {
            if isDir.boolValue { hasher.update(Data(file.lastPathComponent.utf8)) }
            do {
                try hasher.update(fileAt: file.path)
            } catch let error as CatalogueError {
                throw HosoError(.usage, error.message)
            }
        }
        return SHA256.hexString(hasher.finalize())
    }
}
