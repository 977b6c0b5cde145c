import Catalogue
import Delivery
import Foundation
import OCR

/// The acceptance check (nghiệm thu) of a delivery in any layout hoso reads: the records through
/// `DeliveryReader`, every scan measured by `ScanInspector`, each TT 05 requirement judged per hồ sơ, document and
/// page. Nothing is written outside a temporary folder (zip packages are unpacked there and removed).
public struct DeliveryCheck {
    public var unitPrice = 4_384
    public var inspector = ScanInspector()
    /// Called before each document is measured (progress on standard error).
    public var progress: ((String) -> Void)?
    /// Called after each document is measured, with how many of the delivery's documents are done (progress
    /// of a check that runs in the background: the pages measured so far are the sum of its results' pages).
    public var measured: ((_ document: AcceptanceReport.DocumentResult, _ done: Int, _ of: Int) -> Void)?

    public init() {}

    /// What the report says once: the limits of measuring from the files.
    public static let notes = [
        "PDF/A: kiểm tra định danh pdfaid trong XMP và lớp chữ của từng trang; tuân thủ đầy đủ chuẩn PDF/A cần công cụ kiểm định riêng (như veraPDF).",
        "Màu như bản gốc: đo được trang xám, trang dưới 24 bit; màu có đúng bản giấy hay không cần người đối chiếu.",
        "Chữ đọc được: đo điểm lớp chữ (tỷ lệ từ đúng dạng tiếng Việt) và, với --ocr, độ tin cậy nhận dạng thử của trang không có lớp chữ tốt; trang điểm thấp ghi “cần xem”, không tự loại; trang không có lớp chữ mà không nhận dạng thử thì chưa đo được.",
        "Một trang bị loại khi trang đó hoặc tài liệu của nó có lỗi; lỗi của riêng hồ sơ (siêu dữ liệu, thứ tự, tổng số) không trừ trang.",
    ]

    /// Checks the delivery at `batch`. Throws `CatalogueError` when it cannot be used at all (no such folder,
    /// nothing in it that is metadata).
    public func run(batch: URL) throws -> AcceptanceReport {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-check-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let metadata = try DeliveryReader.read(batch: batch, staging: staging, existingFile: { _ in nil })
        let root = try BatchReader.batchRoot(batch)

        var report = AcceptanceReport(batch: batch.path, files: [], deliveryFindings: [], notes: Self.notes, unitPrice: unitPrice)
        report.deliveryFindings = metadata.problems.map(Self.finding)
        var byFile: [String: [AcceptanceReport.DocumentResult]] = [:]
        let documents = metadata.documents.sorted(by: { ($0.fileID, $0.ordinal) < ($1.fileID, $1.ordinal) })
        for (done, document) in documents.enumerated() {
            let shown = display(document.path, root: root, staging: staging.path)
            progress?("\(document.id)  \(shown)")
            let result = check(document, root: root, shown: shown)
            byFile[document.fileID, default: []].append(result)
            measured?(result, done + 1, documents.count)
        }
        for file in metadata.files {
            let documents = byFile.removeValue(forKey: file.id) ?? []
            let pages = Dictionary(documents.map { ($0.ordinal, $0.pages.count) }, uniquingKeysWith: +)
            report.files.append(AcceptanceReport.FileResult(id: file.id, title: file.title, documents: documents,
                                                            findings: FileRules.check(file, pagesByOrdinal: pages)))
        }
        // Documents whose hồ sơ no row gives: the reader has reported them already; they are still measured.
        for (fileID, documents) in byFile.sorted(by: { $0.key < $1.key }) {
            report.files.append(AcceptanceReport.FileResult(id: fileID, title: "", documents: documents, findings: [
                Finding(.metadata, fileID: fileID, place: "hồ sơ \(fileID)", message: "không có dòng siêu dữ liệu của hồ sơ"),
            ]))
        }
        return report
    }

    /// One document: its scan measured, its findings, each page accepted or refused.
    func check(_ document: Document, root: String, shown: String) -> AcceptanceReport.DocumentResult {
        let url = URL(fileURLWithPath: document.path.hasPrefix("/") ? document.path : root + "/" + document.path)
        var result = AcceptanceReport.DocumentResult(id: document.id, fileID: document.fileID, ordinal: document.ordinal,
                                                     path: shown, declaredPages: document.fields[Column.pageCount].flatMap { Int($0) },
                                                     pages: [], findings: [])
        let facts: ScanFacts
        do {
            facts = try inspector.inspect(url, reportedAs: shown)
        } catch {
            // A ScanError names the file by its full path: the place already says which scan.
            let reason = (error as? ScanError).map { e in e.page.map { "trang \($0): \(e.reason)" } ?? e.reason } ?? "\(error)"
            result.findings = [Finding(.completeness, fileID: document.fileID, documentID: document.id, place: shown,
                                       message: "không đọc được tệp quét: \(reason)")]
            return result
        }
        result.findings = DocumentRules.check(document, facts: facts, path: shown)
        let refusesAll = result.findings.contains { $0.page == nil && DocumentRules.refuses($0) }
        let refusedPages = Set(result.findings.filter(DocumentRules.refuses).compactMap(\.page))
        result.pages = facts.pages.map { page in
            AcceptanceReport.PageResult(number: page.number, ppi: page.ppi, bitsPerPixel: page.bitsPerPixel,
                                        hasColour: page.measures.hasColour, layerScore: page.layer?.score,
                                        ocrConfidence: page.ocrConfidence,
                                        accepted: !refusesAll && !refusedPages.contains(page.number))
        }
        return result
    }

    /// A problem the delivery's reader reported, as a finding of the requirement it breaks.
    static func finding(_ problem: ImportProblem) -> Finding {
        let requirement: Requirement
        switch problem.column {
        case Column.ordinal?: requirement = .order
        case Column.path?: requirement = .completeness
        default: requirement = .metadata
        }
        var place = problem.file
        if let row = problem.row { place += ", dòng \(row)" }
        if let column = problem.column { place += ", cột “\(column)”" }
        return Finding(requirement, place: place, message: problem.reason)
    }

    /// A scan's path as the operator finds it: inside the batch relative to it, inside an unpacked package
    /// relative to the package.
    func display(_ path: String, root: String, staging: String) -> String {
        for prefix in [root + "/", staging + "/"] where path.hasPrefix(prefix) {
            let rest = String(path.dropFirst(prefix.count))
            if prefix == root + "/" { return rest }
            // Packages unpack to staging/<key>/…: the key is no place the operator knows.
            return rest.split(separator: "/", maxSplits: 1).last.map(String.init) ?? rest
        }
        return path
    }
}
