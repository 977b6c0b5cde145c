import Foundation
import OCR
import VietText

/// Every kind of scan a batch may hold, page by page: the OCR module's readers (PDF, TIFF, PNG, JPEG,
/// folders of images), plus plain `.txt` transcriptions of born-digital documents (pages separated by a
/// form feed), whose legacy TCVN3/VNI text is converted to Unicode.
public struct PageSource: @unchecked Sendable {
    let reader: ScanReader

    public init(reocr: Bool = false) { reader = ScanReader(reocr: reocr) }

    static func isText(_ url: URL) -> Bool { url.pathExtension.lowercased() == "txt" }

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

    static func textPages(_ url: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScanError(file: url.path, page: nil, reason: "Không đọc được tệp")
        }
        guard let raw = String(data: data, encoding: .utf8) else {
            throw ScanError(file: url.path, page: nil, reason: "Tệp văn bản không phải UTF-8")
        }
        var text = raw.precomposedStringWithCanonicalMapping
        if let legacy = LegacyEncoding.detect(text) { text = LegacyEncoding.convert(text, from: legacy) }
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        return pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true && pages.count > 1
            ? Array(pages.dropLast()) : pages
    }

    /// The page image as PNG (for the viewer). Text transcriptions have no image.
    public static func image(page: Int, of url: URL) throws -> Data {
        guard case .image(let image) = try ScanReader().page(page, of: url) else {
            throw ScanError(file: url.path, page: page, reason: "Trang không có ảnh")
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: tmp) }
        try image.writePNG(to: tmp)
        return try Data(contentsOf: tmp)
    }
}
