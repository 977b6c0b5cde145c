import Foundation

/// Value slots of a document (see docs/ARCHITECTURE.md, "Values").
public enum ValueSlot {
    /// Document id (mã tài liệu), e.g. `H49.64.33.2001.160.1`.
    public static let documentID = 0
    /// Date `YYYYMMDD` (ngày văn bản), missing parts `00`; sorts as a string.
    public static let date = 1
    /// Year, `sortable_serialise`d (decode with `XapianSortable.unserialise`).
    public static let year = 2
    /// Document type (tên loại văn bản), as written.
    public static let documentType = 3
    /// Issuing body (cơ quan ban hành), as written.
    public static let issuer = 4
    /// Fonds (tên phông), as written.
    public static let fonds = 5
    /// Retention code (thời hạn lưu trữ), e.g. `01`.
    public static let retention = 6
    /// Access level (chế độ sử dụng) `1`, `2` or `3`.
    public static let access = 7
    /// File id (mã hồ sơ).
    public static let fileID = 8

    public static let all = [documentID, date, year, documentType, issuer, fonds, retention, access, fileID]
}

/// Term prefixes of the term scheme (docs/ARCHITECTURE.md, "Term scheme").
public enum IndexPrefix {
    public static let folded = "F"
    public static let pair = "B"
    public static let foldedPair = "BF"
    public static let number = "N"
    public static let uniqueID = "Q"
    public static let fileID = "XF"
    public static let documentType = "XL"
    public static let issuer = "XC"
    public static let fonds = "XP"
    public static let year = "XY"
    public static let access = "XA"
}

/// Keys of the index's user metadata.
public enum IndexMetadataKey {
    /// The version of the term scheme the index was built with.
    public static let schemaVersion = "hoso.schema"
}

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
