import Foundation

/// Why a scan (bản quét) or one of its pages cannot be used. `reason` is in Vietnamese, for the archivist.
public struct ScanError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (or folder) that was read.
    public var file: String
    /// The 1-based page, when the problem belongs to one page.
    public var page: Int?
    /// What went wrong, in Vietnamese ("Tệp rỗng (0 byte)", "PDF có mật khẩu", "Không đọc được ảnh" …).
    public var reason: String

    public init(file: String, page: Int? = nil, reason: String) {
        self.file = file
        self.page = page
        self.reason = reason
    }

    public var description: String {
        if let page { return "\(file), trang \(page): \(reason)" }
        return "\(file): \(reason)"
    }
}

/// Errors of the recognition engine itself (not of one scan).
public struct OCREngineError: Error, CustomStringConvertible, Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}
