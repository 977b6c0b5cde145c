import Foundation

/// A scan's name as TT 05/2025 gives it, `<Mã hồ sơ>.<số thứ tự>`: a file with a scan's extension
/// (`H49.64.33.2012.015.003.pdf`) or a folder of page images without one, in a path written with `/` or
/// Windows's `\`. The one reading of such names for workbooks, orphan scans and the acceptance check.
public struct ScanFileName: Equatable, Sendable {
    /// Mã hồ sơ, NFC, as written (its case kept).
    public let fileID: String
    /// Số thứ tự of the document in its hồ sơ (`003` → 3).
    public let ordinal: Int

    static let scanExtensions: Set<String> = ["pdf", "tif", "tiff", "png", "jpg", "jpeg"]

    /// The name's document id, or nil when it does not end in an ordinal after at least one part of a Mã hồ sơ.
    /// A folder's name is read whole: `….3.pdf` as a folder ends in `pdf`, not in an ordinal.
    public static func parse(_ path: String, isFolder: Bool = false) -> ScanFileName? {
        let parts = self.parts(path, isFolder: isFolder)
        guard parts.count >= 2, let ordinal = ordinal(parts.last!), !parts.dropLast().contains(where: \.isEmpty) else {
            return nil
        }
        return ScanFileName(fileID: parts.dropLast().joined(separator: "."), ordinal: ordinal)
    }

    /// The number a scan's name ends with, with or without a Mã hồ sơ before it (`….003.pdf`, `003.pdf` → 3).
    public static func ordinal(_ path: String, isFolder: Bool = false) -> Int? {
        parts(path, isFolder: isFolder).last.flatMap(ordinal)
    }

    /// The last component of a path written with `/` or `\`.
    public static func lastComponent(_ path: String) -> String {
        path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? path
    }

    /// The dot-separated parts of the name, NFC, without a scan's extension.
    static func parts(_ path: String, isFolder: Bool) -> [Substring] {
        var name = lastComponent(path).precomposedStringWithCanonicalMapping
        if !isFolder, let dot = name.lastIndex(of: "."), scanExtensions.contains(name[name.index(after: dot)...].lowercased()) {
            name = String(name[..<dot])
        }
        return Substring(name).split(separator: ".", omittingEmptySubsequences: false)
    }

    /// 1 to 9 ASCII digits, not all zero.
    static func ordinal(_ part: Substring) -> Int? {
        guard !part.isEmpty, part.count <= 9, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(part), n > 0 else {
            return nil
        }
        return n
    }
}
