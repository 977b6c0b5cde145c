import Foundation

/// The index's schema, written once: the term prefixes the analysis writes and the queries ask for, the value
/// slots, the metadata keys and the scheme's version (docs/ARCHITECTURE.md, "Term scheme" and "Values").
public enum IndexSchema {
    /// Bump when the term scheme changes: every document is then reindexed. 3: no positions, pairs only.
    public static let version = 3
}

/// Xapian term prefixes (see docs/ARCHITECTURE.md, "Term scheme").
public enum TermPrefix {
    /// Accented syllable, only when it differs from its folded form: no prefix (`đất`).
    public static let accented = ""
    /// Folded syllable (`Fdat`).
    public static let folded = "F"
    /// Folded adjacent pair (`BFquyen_su`).
    public static let foldedPair = "BF"
    /// Document number, folded canonical form and shorter keys (`N1605/qd-ubnd`, `N1605/qd`).
    public static let documentNumber = "N"
    /// Citizen id, CMND or CCCD (`I079123456789`).
    public static let citizenID = "I"
    /// Parcel with its map sheet (`T305/80`).
    public static let parcel = "T"
    /// Parcel number alone (`TT305`).
    public static let parcelAlone = "TT"
    /// Unique document id (`QH49.64.33.2001.160.1`).
    public static let documentID = "Q"
    /// File id, Mã hồ sơ (`XFH49.64.33.2001.160`).
    public static let fileID = "XF"
    /// Document type, Tên loại văn bản, folded (`XLquyet dinh`).
    public static let documentType = "XL"
    /// Issuing body, Cơ quan ban hành, folded (`XCubnd huyen krong pac`).
    public static let issuingBody = "XC"
    /// Phông (fonds) name, folded.
    public static let fonds = "XP"
    /// Year (`XY2012`).
    public static let year = "XY"
    /// Access level 1/2/3 (`XA1`).
    public static let access = "XA"
    /// One-digit-deletion neighbours of a long digit run (8–13 digits) and the run itself (`IV24061235`):
    /// a typed number still finds an OCR'd run with one digit more, less or misread (symmetric delete).
    public static let digitVariant = "IV"
    /// Catalogue (sổ) terms, weighted, for ranking a document's own metadata above mere mentions:
    /// its own document number (keys as for `N`): `XSN1605/qd-ubnd`.
    public static let catalogueNumber = "XSN"
    /// Its own date from the catalogue, `YYYYMMDD`: `XSD20050213`.
    public static let catalogueDate = "XSD"
    /// Its own year: `XSY2005`.
    public static let catalogueYear = "XSY"
    /// Its type, folded: `XSTquyet dinh`.
    public static let catalogueType = "XST"
    /// A folded syllable of its title, type or trích yếu: `XSWhung`.
    public static let catalogueWord = "XSW"
}

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

/// Keys of the index's user metadata.
public enum IndexMetadataKey {
    /// The version of the term scheme the index was built with.
    public static let schemaVersion = "hoso.schema"
}
