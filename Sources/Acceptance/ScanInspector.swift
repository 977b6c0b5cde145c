import Foundation
import OCR
import Syllables
import VietText

/// What one delivered scan is, measured from its file: the format, the PDF/A identification, and every page.
public struct ScanFacts: Sendable {
    public enum Format: String, Sendable { case pdf, tiff, image, folder }

    /// What one page is.
    public struct Page: Sendable {
        public var number: Int
        /// Size in points (1/72 inch), when known (a PDF page, or an image whose resolution the file gives).
        public var widthPoints: Double?, heightPoints: Double?
        /// Resolution of the page's scan: the highest of its images (a mixed-raster page's print layer), nil
        /// when it has no image or the file does not say.
        public var ppi: Int?
        /// Bits per pixel of its deepest image: 24 colour, 8 grey, 1 bilevel.
        public var bitsPerPixel: Int
        public var measures: PageMeasures
        /// Words of its text layer, and their quality; nil when the page has no text layer.
        public var layer: TextLayerQuality?
        /// Tesseract's mean word confidence (0–100) when the page was recognised to judge it (no good layer).
        public var ocrConfidence: Double?
    }

    public var format: Format
    /// `pdfaid:part` and `pdfaid:conformance` of the XMP metadata, when the file declares them.
    public var pdfaPart: String?, pdfaConformance: String?
    public var pages: [Page]
}

/// Measures a delivered scan with poppler (through `OCR.PDFDocument` and `pdfimages`) and Leptonica; every page is
/// rendered small once. With an engine, the pages without a good text layer are recognised to measure Tesseract's
/// confidence in them.
public final class ScanInspector {
    /// Resolution pages are rendered at for measuring (enough for blankness, colour and a fingerprint).
    public var measureDPI = 40.0
    public var reader = ScanReader()
    /// Recognises the pages that have no good text layer (opt-in: seconds a page).
    public var engine: TesseractEngine?

    public init(engine: TesseractEngine? = nil) {
        self.engine = engine
        reader.reocr = true
    }

    public func inspect(_ url: URL, reportedAs name: String) throws -> ScanFacts {
        if ScanReader.isPDF(url) { return try inspectPDF(url, name) }
        var isDir: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
        let count = try reader.pageCount(of: url)
        var pages: [ScanFacts.Page] = []
        for n in 1...max(count, 1) {
            guard case .image(let image) = try reader.page(n, of: url) else { continue }
            let dpi = image.resolution
            let points = { (px: Int) in dpi > 0 ? Double(px) / Double(dpi) * 72 : nil }
            let measures = PageMeasures(try image.sample(maxWidth: 400))
            pages.append(ScanFacts.Page(number: n, widthPoints: points(image.width), heightPoints: points(image.height),
                                        ppi: dpi > 0 ? dpi : nil, bitsPerPixel: image.depth == 32 ? 24 : image.depth,
                                        measures: measures, layer: nil,
                                        ocrConfidence: measures.isBlank ? nil : try engine?.recognize(image).meanConfidence))
        }
        let format: ScanFacts.Format = isDir.boolValue ? .folder
            : ["tif", "tiff"].contains(url.pathExtension.lowercased()) ? .tiff : .image
        return ScanFacts(format: format, pages: pages)
    }

    func inspectPDF(_ url: URL, _ name: String) throws -> ScanFacts {
        let document = try PDFDocument(url: url, reportedAs: name)
        let xmp = try document.metadata()
        let images = try reader.images(of: url)
        var pages: [ScanFacts.Page] = []
        for n in 1...document.pageCount {
            let size = try document.pageSize(n)
            let drawn = images.filter { $0.page == n && ($0.kind == .image || $0.kind == .stencil) }
            let pictures = drawn.filter { $0.kind == .image }
            let bits = pictures.map { $0.colour == "index" ? 8 : $0.bitsPerPixel }.max() ?? (drawn.isEmpty ? 0 : 1)
            let rendered = try document.render(n, dpi: measureDPI, gray: false, maxPixels: 20_000_000)
            let measures = PageMeasures(try rendered.sample(maxWidth: 400)), layer = try textLayer(n, of: document)
            var confidence: Double?
            if let engine, !measures.isBlank, layer?.isPoor ?? true, case .image(let image) = try reader.page(n, of: url) {
                confidence = try engine.recognize(image).meanConfidence
            }
            pages.append(ScanFacts.Page(number: n, widthPoints: size.width, heightPoints: size.height,
                                        ppi: drawn.map(\.ppi).max(), bitsPerPixel: bits, measures: measures,
                                        layer: layer, ocrConfidence: confidence))
        }
        return ScanFacts(format: .pdf, pdfaPart: Self.xmpValue("part", in: xmp),
                         pdfaConformance: Self.xmpValue("conformance", in: xmp), pages: pages)
    }

    /// The quality of the page's text layer, nil when it has none (no font, or fewer than 3 letters).
    func textLayer(_ n: Int, of document: PDFDocument) throws -> TextLayerQuality? {
        guard !(try document.fonts(n)).isEmpty else { return nil }
        let words = try document.words(n).map(\.text)
        let letters = words.joined().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.count
        guard letters >= 3 else { return nil }
        return TextLayerQuality.measure(words: words)
    }

    /// A `pdfaid` property of an XMP packet, written as an attribute (`pdfaid:part="2"`) or an element
    /// (`<pdfaid:part>2</pdfaid:part>`).
    static func xmpValue(_ property: String, in xmp: String) -> String? {
        for (open, close) in [("pdfaid:\(property)=\"", "\""), ("pdfaid:\(property)='", "'"),
                              ("<pdfaid:\(property)>", "</pdfaid:\(property)>")] {
            guard let start = xmp.range(of: open), let end = xmp.range(of: close, range: start.upperBound..<xmp.endIndex)
            else { continue }
            let value = xmp[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { return value }
        }
        return nil
    }
}
