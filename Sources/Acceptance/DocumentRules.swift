import Catalogue
import Delivery
import Foundation
import VietText

/// The TT 05 requirements of one delivered document (tài liệu) and its pages, judged from its metadata and the
/// facts measured of its scan.
enum DocumentRules {
    /// The mandatory metadata of a document (TT 05/2025 Phụ lục: the fields every văn bản carries; Số and Ký hiệu
    /// are not, since a biên bản or a đơn may have none).
    static let mandatory = [Column.type, Column.date, Column.issuer, Column.summary, Column.language, Column.pageCount,
                            Column.reliability]
    /// Least resolution of administrative documents, and of maps and drawings.
    static let administrativeDPI = 200, drawingDPI = 300
    /// Tesseract's mean confidence below which a page's text may not be legible (as `hoso review`'s default).
    static let legibleConfidence = 70.0
    /// Rounding in a PDF's placement (199.9 ppi is 200).
    static let ppiTolerance = 2
    /// A4 in points, and how much larger a page may be and still be priced as A4 (scanner margins).
    static let a4Points = (width: 595.3, height: 841.9), a4Slack = 1.1

    /// Whether the document is a map or a drawing (300 dpi), from its type or kind of record.
    static func isDrawing(_ document: Document) -> Bool {
        let said = [document.type, document.fields[Column.type], document.extra["Loại tài liệu"]].compactMap { $0 }
        return said.contains { cell in
            let folded = VietNormalizer.fold(cell)
            return ["ban do", "ban ve", "so do"].contains { folded.hasPrefix($0) || folded.contains(" " + $0) }
        }
    }

    /// Every finding of `document`, whose scan measured as `facts`, shown to the operator as `path`.
    static func check(_ document: Document, facts: ScanFacts, path: String) -> [Finding] {
        var out: [Finding] = []
        let docPlace = "tài liệu \(document.id) (\(path))"
        func note(_ r: Requirement, _ kind: Finding.Kind, _ page: Int?, _ message: String) {
            out.append(Finding(r, kind, fileID: document.fileID, documentID: document.id, page: page,
                               place: page.map { "\(path), trang \($0)" } ?? docPlace, message: message))
        }
        func add(_ r: Requirement, page: Int? = nil, _ message: String) { note(r, .finding, page, message) }
        func review(_ r: Requirement, page: Int? = nil, _ message: String) { note(r, .review, page, message) }

        // Metadata and page count.
        let missing = mandatory.filter { (document.fields[$0] ?? "").isEmpty }
        if !missing.isEmpty { add(.metadata, "thiếu trường bắt buộc: " + missing.joined(separator: ", ")) }
        if let cell = document.fields[Column.pageCount] {
            if let declared = Int(cell.trimmingCharacters(in: .whitespaces)) {
                if declared != facts.pages.count {
                    add(.completeness, "Số lượng trang ghi \(declared), tệp có \(facts.pages.count) trang")
                }
            } else {
                add(.metadata, "Số lượng trang “\(cell)” không phải số")
            }
        }

        // The file's name and format.
        let name = (path as NSString).lastPathComponent
        if !namedAsDocument(name, document, isFolder: facts.format == .folder) {
            add(.naming, "tên tệp “\(name)” không theo <Mã hồ sơ>.<Số thứ tự> (cần “\(document.id)\(facts.format == .folder ? "" : ".pdf")”)")
        }
        switch facts.format {
        case .pdf:
            if let part = facts.pdfaPart {
                if !["1", "2", "3", "4"].contains(part) { add(.pdfa, "XMP ghi pdfaid:part “\(part)”, không phải PDF/A") }
            } else {
                add(.pdfa, "PDF không phải PDF/A: siêu dữ liệu XMP không có định danh pdfaid:part")
            }
        case .tiff, .image, .folder:
            add(.pdfa, "tệp quét dạng \(facts.format == .folder ? "thư mục ảnh" : facts.format == .tiff ? "TIFF" : "ảnh"), không phải PDF/A hai lớp")
        }

        // Pages.
        let required = isDrawing(document) ? drawingDPI : administrativeDPI
        let colourPages = facts.pages.filter { $0.bitsPerPixel >= 24 && $0.measures.hasColour }
        var previous: ScanFacts.Page?
        for page in facts.pages {
            let n = page.number
            defer { previous = page }
            // A blank page is refused as blank; its resolution, colour and layer say nothing more.
            if page.measures.isBlank {
                add(.blank, page: n, "trang trắng (mực \(VietnameseNumber.decimal(page.measures.inkShare * 100, places: 3))% diện tích)")
                continue
            }
            if let ppi = page.ppi {
                if ppi + ppiTolerance < required {
                    add(.resolution, page: n, "\(ppi) dpi, dưới \(required) dpi" + (required == drawingDPI ? " (bản đồ, bản vẽ)" : ""))
                }
            } else {
                review(.resolution, page: n, "trang không có ảnh quét hoặc tệp không ghi độ phân giải: không đo được dpi")
            }
            if facts.format == .pdf, page.layer == nil {
                add(.pdfa, page: n, "trang không có lớp chữ (PDF chỉ có ảnh, không phải hai lớp)")
            }
            let recognised = page.ocrConfidence.map { "; nhận dạng thử: độ tin cậy \(Int($0.rounded()))/100" } ?? ""
            if let layer = page.layer, layer.isPoor, (page.ocrConfidence ?? 0) < legibleConfidence {
                review(.legibility, page: n, "lớp chữ kém: \(layer.malformed)/\(layer.words) từ không đúng dạng tiếng Việt "
                    + "(điểm \(VietnameseNumber.decimal(layer.score, places: 3)))\(recognised); cần người xem trang có đọc được không")
            } else if page.layer == nil, let confidence = page.ocrConfidence, confidence < legibleConfidence {
                review(.legibility, page: n, "nhận dạng thử: độ tin cậy \(Int(confidence.rounded()))/100, dưới \(Int(legibleConfidence)); "
                    + "chữ có thể mờ, cần người xem trang có đọc được không")
            }
            if !colourPages.isEmpty, !colourPages.contains(where: { $0.number == n }) {
                add(.colour, page: n, page.bitsPerPixel < 24 ? "trang \(page.bitsPerPixel) bit (xám/đen trắng) trong tệp màu"
                    : "trang xám (không có màu) trong tệp màu")
            }
            if let previous, !previous.measures.isBlank {
                let s = page.measures.similarity(to: previous.measures)
                if s >= PageMeasures.doubledFrom {
                    add(.doubled, page: n, "trùng hoặc gần trùng trang \(previous.number) (tương quan \(VietnameseNumber.decimal(Double(s))))")
                }
            }
            if let w = page.widthPoints, let h = page.heightPoints,
               min(w, h) > a4Points.width * a4Slack || max(w, h) > a4Points.height * a4Slack {
                review(.completeness, page: n, String(format: "khổ %.0f × %.0f mm, lớn hơn A4: tính tiền theo khổ cần người xem",
                                                            w / 72 * 25.4, h / 72 * 25.4))
            }
        }
        if colourPages.isEmpty, facts.pages.contains(where: { !$0.measures.isBlank }) {
            let deepest = facts.pages.map(\.bitsPerPixel).max() ?? 0
            if deepest < 24 {
                add(.colour, "tệp quét \(deepest) bit (xám hoặc đen trắng), không phải màu 24 bit")
            } else {
                review(.colour, "ảnh 24 bit nhưng không trang nào có màu: cần người xem bản gốc có màu không")
            }
        }
        return out
    }

    /// `H49.64.33.2012.015.3.pdf` (or `.003`, or a folder `H49.64.33.2012.015.3`) for document 3 of that hồ sơ.
    static func namedAsDocument(_ name: String, _ document: Document, isFolder: Bool) -> Bool {
        guard let parsed = ScanFileName.parse(name, isFolder: isFolder) else { return false }
        return parsed.ordinal == document.ordinal
            && parsed.fileID.lowercased() == document.fileID.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// Whether a finding refuses its page (or, without a page, every page of its document).
    static func refuses(_ finding: Finding) -> Bool { finding.kind == .finding }
}
