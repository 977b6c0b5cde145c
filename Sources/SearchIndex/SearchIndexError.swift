import Foundation

/// Errors of the index layer that are not Xapian's own (messages in Vietnamese).
public enum SearchIndexError: Error, Equatable, LocalizedError {
    /// A document that cannot be indexed, with the reason.
    case invalidDocument(id: String, reason: String)
    /// A search request that cannot be run, with the reason.
    case invalidRequest(String)
    /// The index was built with another term scheme.
    case schemaMismatch(found: String, expected: String)

    public var errorDescription: String? {
        switch self {
        case let .invalidDocument(id, reason): return "Không thể lập chỉ mục tài liệu \(id): \(reason)"
        case let .invalidRequest(reason): return "Yêu cầu tìm kiếm không hợp lệ: \(reason)"
        case let .schemaMismatch(found, expected):
            return "Chỉ mục được lập theo lược đồ \(found), cần lược đồ \(expected): hãy chạy `hoso reindex`"
        }
    }
}
