import Foundation

/// A requirement of Thông tư 05/2025/TT-BNV that the acceptance (nghiệm thu) of a digitised delivery checks.
public enum Requirement: String, CaseIterable, Sendable, Codable {
    /// Every page digitised: the pages delivered match `Số lượng trang` / `Số lượng tờ`, every document delivered.
    case completeness = "du-trang"
    /// Colour as the original, 24 bits: no grey page in a colour file.
    case colour = "mau"
    /// 200 dpi for administrative documents, 300 for maps and drawings.
    case resolution = "do-phan-giai"
    /// PDF/A with two layers: the image and a text layer.
    case pdfa = "pdfa-hai-lop"
    /// File named `<Mã hồ sơ>.<số thứ tự>`.
    case naming = "ten-tep"
    /// Documents in order (`Số thứ tự`), no gap, no duplicate.
    case order = "thu-tu"
    /// The mandatory metadata of the hồ sơ and of the document.
    case metadata = "sieu-du-lieu"
    /// No blank page.
    case blank = "trang-trang"
    /// No page scanned twice.
    case doubled = "trang-trung"
    /// Legible text.
    case legibility = "chu-doc-duoc"

    /// The requirement as the report's column heads it.
    public var title: String {
        switch self {
        case .completeness: return "Đủ trang"
        case .colour: return "Màu 24 bit"
        case .resolution: return "Độ phân giải"
        case .pdfa: return "PDF/A hai lớp"
        case .naming: return "Tên tệp"
        case .order: return "Thứ tự"
        case .metadata: return "Siêu dữ liệu"
        case .blank: return "Không trang trắng"
        case .doubled: return "Không trang trùng"
        case .legibility: return "Chữ đọc được"
        }
    }

    /// What TT 05 asks, in a sentence, for the report's legend.
    public var rule: String {
        switch self {
        case .completeness: return "Số hóa đủ 100% trang; số trang khớp Số lượng trang, Số lượng tờ của hồ sơ và tài liệu; đủ tài liệu theo Tổng số tài liệu"
        case .colour: return "Màu như bản gốc, 24 bit; không có trang xám trong tệp màu"
        case .resolution: return "Tối thiểu 200 dpi với tài liệu hành chính, 300 dpi với bản đồ, bản vẽ"
        case .pdfa: return "Định dạng PDF/A (định danh pdfaid trong XMP), hai lớp: ảnh quét và lớp chữ"
        case .naming: return "Tên tệp <Mã hồ sơ>.<Số thứ tự>"
        case .order: return "Tài liệu theo Số thứ tự, không thiếu số, không trùng số"
        case .metadata: return "Đủ các trường siêu dữ liệu bắt buộc của hồ sơ và tài liệu"
        case .blank: return "Không có trang trắng"
        case .doubled: return "Không có trang quét hai lần (trang liền nhau trùng hoặc gần trùng)"
        case .legibility: return "Chữ rõ, đọc được (điểm lớp chữ; trang chữ kém cần người xem)"
        }
    }

    /// The requirements checked for each document, in the report's column order.
    public static let documentColumns: [Requirement] = [.completeness, .colour, .resolution, .pdfa, .naming, .metadata,
                                                        .blank, .doubled, .legibility]
    /// The requirements checked for each hồ sơ.
    public static let fileColumns: [Requirement] = [.completeness, .order, .metadata]
}

/// A requirement not met (lỗi), or a point a person must look at (cần xem), with its place.
public struct Finding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Not met: refuses the page (or the document's pages) it names; exit code 1.
        case finding
        /// Measured but not decidable from the files: for a person to look at; refuses nothing.
        case review
    }

    public var requirement: Requirement
    public var kind: Kind
    /// Mã hồ sơ, when the finding belongs to a hồ sơ or one of its documents.
    public var fileID: String?
    /// The document id, when it belongs to a document.
    public var documentID: String?
    /// The 1-based page, when it belongs to one page.
    public var page: Int?
    /// Where to look, as an operator finds it: a scan's path and page, a metadata file's row and column.
    public var place: String
    /// What is wrong, in Vietnamese, with the measured value.
    public var message: String

    public init(_ requirement: Requirement, _ kind: Kind = .finding, fileID: String? = nil, documentID: String? = nil,
                page: Int? = nil, place: String, message: String) {
        self.requirement = requirement; self.kind = kind; self.fileID = fileID; self.documentID = documentID
        self.page = page; self.place = place; self.message = message
    }

    /// "place: message".
    public var line: String { "\(place): \(message)" }
}
