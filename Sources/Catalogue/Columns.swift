import Foundation
import VietText

/// The column names of a batch's CSV files (TT 05/2025), and how a header is matched to them:
/// ignoring case, diacritics, spaces, underscores and punctuation (`Mã hồ sơ` = `MA HO SO` = `ma_ho_so`).
public enum Column {
    // ho_so.csv
    public static let fileID = "Mã hồ sơ"
    public static let fileTitle = "Tiêu đề hồ sơ"
    public static let retention = "Thời hạn lưu trữ"
    public static let access = "Chế độ sử dụng"
    public static let language = "Ngôn ngữ"
    public static let startDate = "Thời gian bắt đầu"
    public static let endDate = "Thời gian kết thúc"
    public static let documentCount = "Tổng số tài liệu"
    public static let sheetCount = "Số lượng tờ"
    public static let pageCount = "Số lượng trang"
    public static let physicalState = "Tình trạng vật lý"
    public static let reliability = "Mức độ tin cậy"
    public static let infoSymbol = "Ký hiệu thông tin"
    public static let keywords = "Từ khóa"
    public static let paperFileID = "Mã hồ sơ gốc giấy"
    public static let fonds = "Tên phông"
    public static let note = "Ghi chú"
    // tai_lieu.csv
    public static let ordinal = "Số thứ tự"
    public static let path = "Tệp"
    public static let type = "Tên loại văn bản"
    public static let number = "Số"
    public static let symbol = "Ký hiệu"
    public static let date = "Ngày văn bản"
    public static let issuer = "Cơ quan ban hành"
    public static let summary = "Trích yếu nội dung"
    public static let signer = "Người ký"
    public static let autograph = "Bút tích"

    /// Every column of ho_so.csv the contract names, required first.
    public static let fileColumns = [fileID, fileTitle, retention, access, language, startDate, endDate, documentCount,
                                     sheetCount, pageCount, physicalState, reliability, infoSymbol, keywords,
                                     paperFileID, fonds, note]
    public static let fileRequired = [fileID, fileTitle]

    /// Every column of tai_lieu.csv the contract names, required first.
    public static let documentColumns = [fileID, ordinal, path, type, number, symbol, date, issuer, summary, signer,
                                         language, pageCount, infoSymbol, keywords, access, reliability, autograph,
                                         physicalState, note]
    public static let documentRequired = [fileID, ordinal, path]

    /// Other names seen for the same columns, alias → canonical name.
    public static let aliases: [String: String] = [
        "Thời hạn bảo quản": retention,
        "Tiêu đề": fileTitle,
        "Phông": fonds,
        "Phông lưu trữ": fonds,
        "STT": ordinal,
        "Số TT": ordinal,
        "Tệp tin": path,
        "Đường dẫn tệp": path,
        "Loại văn bản": type,
        "Ngày ban hành": date,
        "Ngày tháng văn bản": date,
        "Ngày tháng năm văn bản": date,
        "Trích yếu": summary,
        "Tác giả văn bản": issuer,
        "Tên cơ quan tổ chức ban hành văn bản": issuer,
        "Từ khoá": keywords,
    ]

    /// The matching key of a header: folded, letters and digits only. "Mã hồ sơ" → "mahoso".
    public static func key(_ header: String) -> String {
        let folded = VietNormalizer.fold(header.precomposedStringWithCanonicalMapping)
        return String(folded.unicodeScalars.compactMap { sc -> Character? in
            if sc == "\u{00F0}" || sc == "\u{00D0}" { return "d" } // Ð used for Đ in some exports
            return CharacterSet.alphanumerics.contains(sc) ? Character(sc) : nil
        })
    }

    /// The canonical name of `header` among `known` (its own name or an alias), or nil for an extra column.
    public static func canonical(_ header: String, among known: [String]) -> String? {
        let k = key(header)
        guard !k.isEmpty else { return nil }
        if let name = known.first(where: { key($0) == k }) { return name }
        if let (_, name) = aliases.first(where: { key($0.key) == k }), known.contains(name) { return name }
        return nil
    }
}
