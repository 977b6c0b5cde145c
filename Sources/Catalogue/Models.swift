import Foundation

/// Hồ sơ: an archival file, identified by its Mã hồ sơ (e.g. `H49.64.33.2001.160`).
public struct ArchiveFile: Codable, Equatable, Sendable {
    /// Mã hồ sơ.
    public var id: String
    /// Tiêu đề hồ sơ.
    public var title: String
    /// Tên phông.
    public var fonds: String?
    /// Thời hạn lưu trữ (as written: "Vĩnh viễn", "01", "70 năm" …).
    public var retention: String?
    /// Chế độ sử dụng; `conditional` when the row gave none (access fails closed).
    public var access: AccessLevel
    /// Thời gian bắt đầu.
    public var startDate: ArchiveDateValue?
    /// Thời gian kết thúc.
    public var endDate: ArchiveDateValue?
    /// Every known column present in the row, by its canonical Vietnamese name ("Thời hạn lưu trữ" …).
    public var fields: [String: String]
    /// Columns the contract does not name, original header → value.
    public var extra: [String: String]

    public init(id: String, title: String, fonds: String? = nil, retention: String? = nil, access: AccessLevel = .conditional,
                startDate: ArchiveDateValue? = nil, endDate: ArchiveDateValue? = nil,
                fields: [String: String] = [:], extra: [String: String] = [:]) {
        self.id = id; self.title = title; self.fonds = fonds; self.retention = retention; self.access = access
        self.startDate = startDate; self.endDate = endDate; self.fields = fields; self.extra = extra
    }
}

/// Tài liệu / văn bản: one document of a file, identified as `<Mã hồ sơ>.<Số thứ tự>`.
public struct Document: Codable, Equatable, Sendable {
    /// `<Mã hồ sơ>.<Số thứ tự>`, e.g. `H49.64.33.2001.160.1`.
    public var id: String
    /// Mã hồ sơ of its file.
    public var fileID: String
    /// Số thứ tự inside the file, from 1.
    public var ordinal: Int
    /// Tệp: the scan, relative to the batch folder, `/`-separated.
    public var path: String
    /// Tên loại văn bản ("Quyết định", "Tờ trình" …).
    public var type: String?
    /// Số ("1605").
    public var number: String?
    /// Ký hiệu ("QĐ-UBND").
    public var symbol: String?
    /// Ngày văn bản.
    public var date: ArchiveDateValue?
    /// Cơ quan ban hành.
    public var issuer: String?
    /// Trích yếu nội dung.
    public var summary: String?
    /// Người ký.
    public var signer: String?
    /// Effective Chế độ sử dụng: the document's own, else its file's.
    public var access: AccessLevel
    /// Every known column present in the row, by its canonical Vietnamese name.
    public var fields: [String: String]
    /// Columns the contract does not name, original header → value.
    public var extra: [String: String]

    public init(fileID: String, ordinal: Int, path: String, type: String? = nil, number: String? = nil, symbol: String? = nil,
                date: ArchiveDateValue? = nil, issuer: String? = nil, summary: String? = nil, signer: String? = nil,
                access: AccessLevel, fields: [String: String] = [:], extra: [String: String] = [:]) {
        self.id = Document.id(fileID: fileID, ordinal: ordinal)
        self.fileID = fileID; self.ordinal = ordinal; self.path = path; self.type = type; self.number = number
        self.symbol = symbol; self.date = date; self.issuer = issuer; self.summary = summary; self.signer = signer
        self.access = access; self.fields = fields; self.extra = extra
    }

    /// `<Mã hồ sơ>.<Số thứ tự>`.
    public static func id(fileID: String, ordinal: Int) -> String { "\(fileID).\(ordinal)" }

    /// `s` without white space (and `/` when `slash`) at either end, nil when nothing is left; Foundation's
    /// trimming only when there is something to trim (every hit of a result page shows its Số/ký hiệu).
    static func trimmed(_ s: String, slash: Bool) -> String? {
        // CharacterSet.whitespaces: general category Zs and the tab.
        func trimmable(_ c: Unicode.Scalar) -> Bool { (slash && c == "/") || c == "\t" || c.properties.generalCategory == .spaceSeparator }
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return nil }
        if !trimmable(first), !trimmable(last) { return s }
        let set = slash ? CharacterSet.whitespaces.union(CharacterSet(charactersIn: "/")) : CharacterSet.whitespaces
        return s.trimmingCharacters(in: set).nonEmpty
    }

    /// `s.trimmingCharacters(in: set)`, Foundation's trimming only when an end is in `set` (a reindex makes
    /// the title of every document).
    static func trimming(_ s: String, _ set: CharacterSet) -> String {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
              set.contains(first) || set.contains(last) else { return s }
        return s.trimmingCharacters(in: set)
    }

    /// Số/ký hiệu as written on the document: "1605/QĐ-UBND"; the number alone, the symbol alone, or nil.
    /// A number that already carries its symbol ("1605/QĐ-UBND" in the Số column) is kept as it is.
    public var numberSymbol: String? {
        let n = number.flatMap { Self.trimmed($0, slash: false) }
        let s = symbol.flatMap { Self.trimmed($0, slash: true) }
        switch (n, s) {
        case let (n?, s?):
            if n.utf8.contains(0x2F), n.contains("/"), n.uppercased().hasSuffix(s.uppercased()) { return n }
            return n.hasSuffix("/") ? n + s : n + "/" + s
        case let (n?, nil): return n
        case let (nil, s?): return s
        default: return nil
        }
    }

    /// A title for lists and hits: "Quyết định số 1605/QĐ-UBND: Về việc …", built from the type, the
    /// number/symbol and the summary, with whatever of them is present; "Tài liệu <id>" when none is.
    public var title: String {
        var head = type.map { Self.trimming($0, .whitespaces) }?.nonEmpty ?? ""
        if let ns = numberSymbol {
            head = head.isEmpty ? "Số \(ns)" : "\(head) số \(ns)"
        }
        let body = summary.map { Self.trimming($0, .whitespacesAndNewlines) }?.nonEmpty
        switch (head.isEmpty, body) {
        case (false, let b?): return "\(head): \(b)"
        case (false, nil): return head
        case (true, let b?): return b
        case (true, nil): return "Tài liệu \(id)"
        }
    }
}

/// One recognised word and its box on the page image, in pixels from the top-left corner.
public struct StoredWord: Codable, Equatable, Sendable {
    public var text: String
    public var x: Int, y: Int, width: Int, height: Int
    /// 0–100, as Tesseract reports it.
    public var confidence: Double

    public init(text: String, x: Int, y: Int, width: Int, height: Int, confidence: Double) {
        self.text = text; self.x = x; self.y = y; self.width = width; self.height = height; self.confidence = confidence
    }
}

/// Trang: the recognised text of one page of a document.
public struct Page: Codable, Equatable, Sendable {
    public var documentID: String
    /// From 1.
    public var number: Int
    public var text: String
    public var words: [StoredWord]
    /// Mean word confidence, 0–100.
    public var meanConfidence: Double
    /// The preprocessing steps applied, in order ("grey", "deskew 1.2°" …).
    public var preprocessing: [String]
    /// The engine that produced the text ("tesseract 5.3.0 vie", "pdf text layer" …).
    public var engine: String
    /// SHA-256 of the scan file's content and the page number (see `Page.sourceHash(scanHash:page:)`):
    /// the OCR cache key.
    public var sourceHash: String
    /// Page image size in pixels (the boxes' coordinates).
    public var width: Int
    public var height: Int
    /// Where the text came from: hoso's recognition, the PDF's own text layer, or a transcription.
    public var textSource: PageTextSource
    /// The score of the PDF's own text layer (share of well-formed words, 0…1), when the page had one.
    public var layerScore: Double?
    /// The text as the engine recognised it, when hoso's Vietnamese correction changed it (`text` is the corrected
    /// one, which is indexed).
    public var recognizedText: String?

    public init(documentID: String, number: Int, text: String, words: [StoredWord] = [], meanConfidence: Double,
                preprocessing: [String] = [], engine: String, sourceHash: String, width: Int, height: Int,
                textSource: PageTextSource = .ocr, layerScore: Double? = nil, recognizedText: String? = nil) {
        self.documentID = documentID; self.number = number; self.text = text; self.words = words
        self.meanConfidence = meanConfidence; self.preprocessing = preprocessing; self.engine = engine
        self.sourceHash = sourceHash; self.width = width; self.height = height
        self.textSource = textSource; self.layerScore = layerScore; self.recognizedText = recognizedText
    }

    /// The OCR cache key of page `page` of a scan whose content hashes to `scanHash` (hex SHA-256):
    /// SHA-256 of "<scanHash>#<page>", hex.
    public static func sourceHash(scanHash: String, page: Int) -> String {
        SHA256.hex(Data("\(scanHash)#\(page)".utf8))
    }
}

/// Where a page's text came from.
public enum PageTextSource: String, Codable, Sendable {
    /// Recognised by hoso (Tesseract).
    case ocr
    /// The PDF's own text layer (the contractor's OCR, or a born-digital PDF's text).
    case layer
    /// A plain-text transcription.
    case transcript
}

/// A row or a scan that could not be used, with its place and the reason (in Vietnamese).
public struct ImportProblem: Codable, Equatable, Sendable, CustomStringConvertible {
    /// "ho_so.csv", "tai_lieu.csv", or a scan path relative to the batch.
    public var file: String
    /// 1-based line number in the CSV file (the header is line 1); for a record spanning lines, its first.
    public var row: Int?
    /// The column concerned, by its canonical name when it is a known column.
    public var column: String?
    /// Why, in Vietnamese.
    public var reason: String

    public init(file: String, row: Int? = nil, column: String? = nil, reason: String) {
        self.file = file; self.row = row; self.column = column; self.reason = reason
    }

    /// "tai_lieu.csv, dòng 5, cột “Ngày văn bản”: …".
    public var description: String {
        var place = file
        if let row { place += ", dòng \(row)" }
        if let column { place += ", cột “\(column)”" }
        return "\(place): \(reason)"
    }
}

/// What a batch's two CSV files hold: the good rows, and a problem for every row left out.
public struct BatchMetadata: Sendable {
    public var files: [ArchiveFile]
    public var documents: [Document]
    public var problems: [ImportProblem]

    public init(files: [ArchiveFile] = [], documents: [Document] = [], problems: [ImportProblem] = []) {
        self.files = files; self.documents = documents; self.problems = problems
    }
}

/// A failure of the catalogue or an unusable batch, with a Vietnamese message for the user.
public struct CatalogueError: Error, CustomStringConvertible, LocalizedError, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public init(message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}

/// One line of the audit log (nhật ký truy cập). Append-only.
public struct AuditEntry: Codable, Equatable, Sendable {
    public var id: Int64
    public var time: Date
    /// The token's name (never the token itself); "" for anonymous public access; for a refused token
    /// (`token-refused`) a fixed label and the first 8 hex digits of the token's SHA-256.
    public var token: String
    public var role: Role
    /// What was done: "search", "document", "page-image", "token-refused" …
    public var action: String
    /// On what: a query, a document id …
    public var target: String
    /// The remote address, when known.
    public var remote: String?

    package init(id: Int64, time: Date, token: String, role: Role, action: String, target: String, remote: String?) {
        self.id = id; self.time = time; self.token = token; self.role = role
        self.action = action; self.target = target; self.remote = remote
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
