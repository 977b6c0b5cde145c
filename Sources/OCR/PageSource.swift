import Foundation
import OCR
import VietText

/// Every kind of scan a batch may hold, page by page: the OCR module's readers (PDF, TIFF, PNG, JPEG,
/// folders of images), plus plain `.txt` transcriptions of born-digital documents (pages separated by a
/// form feed), whose legacy TCVN3/VNI text is converted to Unicode.
public struct PageSource: @unchecked Sendable {
    let reader: ScanReader

    public init(reocr: Bool = false) { reader = ScanReader(reocr: reocr) }

    public static func isText(_ url: URL) -> Bool { url.pathExtension.lowercased() == "txt" }

    public func pageCount(of url: URL) throws -> Int {
        Self.isText(url) ? try Self.textPages(url).count : try reader.pageCount(of: url)
    }

    public func page(_ number: Int, of url: URL) throws -> PageContent {
        guard Self.isText(url) else { return try reader.page(number, of: url) }
        let pages = try Self.textPages(url)
        guard pages.indices.contains(number - 1) else {
            throw ScanError(file: url.path, page: number, reason: "Không có trang \(number)")
        }
        return .text(pages[number - 1])
    }

    /// The pages of a `.txt` transcription, read and converted once for its page count and all its pages
    /// (an ingest asks for each page on its own).
    static func textPages(_ url: URL) throws -> [String] {
        // Keyed by path, size and modification time: a file rewritten since is read again.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let key = "\(url.path)\u{0}\(attributes?[.size] ?? "")\u{0}\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        if let pages = textCache.pages(key) { return pages }
        let pages = try readTextPages(url)
        textCache.keep(key, pages)
        return pages
    }

    static let textCache = TextPagesCache()

    static func readTextPages(_ url: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScanError(file: url.path, page: nil, reason: "Không đọc được tệp")
        }
        guard let raw = String(validating: data, as: UTF8.self) else {
            throw ScanError(file: url.path, page: nil, reason: "Tệp văn bản không phải UTF-8")
        }
        var text = VietNormalizer.nfc(raw)
        if let legacy = LegacyEncoding.detect(text) { text = LegacyEncoding.convert(text, from: legacy) }
        let pages = text.utf8.split(separator: 0x0C, omittingEmptySubsequences: false).map { String(Substring($0)) }
        return pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true && pages.count > 1
            ? Array(pages.dropLast()) : pages
    }

    /// The resolution PDF pages are rendered at for the viewer: A4 at 1240 × 1754 pixels, sharp on a screen.
    public static let screenResolution = 150.0

    /// The page image for the viewer. A PDF page is rendered in colour by poppler whatever it is made of (one
    /// image, several images of a mixed-raster scan, vector text, masks); other scans are read as they are.
    /// Text transcriptions have no image.
    static func image(page: Int, of url: URL) throws -> PageImage {
        if ScanReader.isPDF(url) { return try ScanReader.renderPDFPage(page, of: url, dpi: screenResolution) }
        guard case .image(let scan) = try ScanReader().page(page, of: url) else {
            throw ScanError(file: url.path, page: page, reason: "Trang không có ảnh")
        }
        return scan
    }

    /// The page image as PNG, kept in `cache` under `key` (the page's source hash: a changed scan has another).
    public static func image(page: Int, of url: URL, cache: URL, key: String) throws -> Data {
        let file = cache.appendingPathComponent("\(key).png")
        if let data = try? Data(contentsOf: file), !data.isEmpty { return data }
        // Written beside and renamed into place: a reader never sees half a file.
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let tmp = cache.appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try image(page: page, of: url).writePNG(to: tmp)
        let data = try Data(contentsOf: tmp)
        _ = rename(tmp.path, file.path)
        return data
    }
}

/// The last few `.txt` transcriptions read, by file key: one ingest reads each file once.
final class TextPagesCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(path: String, pages: [String])] = []
    static let capacity = 16

    func pages(_ path: String) -> [String]? {
        lock.lock(); defer { lock.unlock() }
        return entries.first { $0.path == path }?.pages
    }

    func keep(_ path: String, _ pages: [String]) {
        lock.lock(); defer { lock.unlock() }
        entries.removeAll { $0.path == path }
        entries.append((path, pages))
        if entries.count > Self.capacity { entries.removeFirst() }
    }
}
