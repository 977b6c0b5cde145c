import CTesseract
import Foundation
import Syllables
import VietText

/// What one page of a scan (bản quét) holds: an image to recognise, a transcription's text, or the text layer
/// that a born-digital or already-OCRed ("hai lớp") PDF carries.
public enum PageContent {
    case image(PageImage)
    case text(String)
    /// A PDF text layer good enough to keep.
    case layer(TextLayerPage)
    /// A poor PDF text layer with the page's image: recognised again, the better text kept.
    case layerAndImage(TextLayerPage, PageImage)
}

/// A PDF page's own text layer: its text as printed, its words with boxes in pixels of the page at
/// `resolution` dpi, and the layer's measured quality.
public struct TextLayerPage: Sendable {
    /// The resolution the boxes are given at: the one pages without a usable image are recognised at.
    public static let resolution = 300
    public var text: String
    public var words: [RecognizedWord]
    public var width: Int
    public var height: Int
    public var quality: TextLayerQuality

    public init(text: String, words: [RecognizedWord], width: Int, height: Int, quality: TextLayerQuality) {
        self.text = text; self.words = words; self.width = width; self.height = height; self.quality = quality
    }
}

/// When a PDF's own text layer is kept and when the page is recognised again.
public struct TextLayerPolicy: Sendable {
    /// A layer scoring below this (share of words not malformed) is recognised again…
    public var poorBelow = TextLayerQuality.poorBelow
    /// …when it has at least this many malformed words (one bad token never condemns a short page).
    public var minimumMalformed = TextLayerQuality.minimumMalformed
    public init() {}

    public func isPoor(_ quality: TextLayerQuality) -> Bool {
        quality.score < poorBelow && quality.malformed >= minimumMalformed
    }
}

/// How PDF pages that are not one image are rendered for recognition: measured at `measureResolution`, then
/// rendered at the resolution that makes their median glyph `glyphHeight` pixels tall (within `resolutions`),
/// without their blank margins; or, with `glyphHeight` nil, whole at ScanReader's `renderResolution`.
/// (Rendering once at 200 dpi and keeping it when near the wanted resolution was measured slower: Tesseract's time
/// grows with the pixels more than the measuring rendering costs.)
public struct PageSizing: Sendable {
    public var glyphHeight: Double? = OCRSwitches.isOn("sizing") ? OCRSwitches.glyphHeight ?? 20 : nil
    /// The same for a mixed-raster page read from its stencils (ForegroundPage), measured there at their own 300 ppi:
    /// its glyphs come out at their true height, where the 100 dpi rendering that 20 px was chosen on measures them
    /// taller. On the 200 bench pages, 16 / 17 / 18 / 20 / 22 px read at CER 2.13 / 2.15 / 2.08 / 2.59 / 2.68 %.
    public var stencilGlyphHeight: Double? = OCRSwitches.isOn("sizing") ? OCRSwitches.glyphHeight ?? 18 : nil
    public var resolutions = 150...400
    public var measureResolution = 100
    public var marginMillimetres = 4.0
    public init() {}
}

/// Reads scans page by page: PDF (image-only or with a text layer), TIFF (one or many pages), PNG,
/// JPEG (and the other formats Leptonica reads), or a folder of page images in file-name order.
///
/// PDF pages are read through poppler's library: a page that carries a good text layer comes back as
/// `.layer` (unless `reocr`), a poor one with its image for recognition; otherwise the page's one embedded
/// image is extracted at its own resolution with `pdfimages`, or the page is rendered at 300 dpi.
/// Only the requested page is held in memory; temporary files are removed before returning.
public struct ScanReader {
    /// Images with more pixels are refused (ScanError) before they are decoded.
    public var maxPixels: Int
    /// Ignore PDF text layers and recognise every page again.
    public var reocr: Bool
    /// Seconds a poppler tool may run for one call.
    public var toolTimeout: TimeInterval = 120
    /// Rendering resolution for PDF pages that are not a single image.
    public var renderResolution = TextLayerPage.resolution
    /// When a PDF page's text layer is kept.
    public var layerPolicy = TextLayerPolicy()
    /// The resolution PDF pages are rendered at for recognition.
    public var sizing = PageSizing()

    public init(maxPixels: Int = 80_000_000, reocr: Bool = false) {
        self.maxPixels = maxPixels
        self.reocr = reocr
    }

    /// Image file extensions taken from a folder of page images.
    public static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "tif", "tiff", "bmp", "jp2", "j2k", "webp", "gif", "pnm", "pgm", "ppm", "pbm"]

    enum Kind { case pdf, tiff, image, folder }

    /// Number of pages in the scan. Throws ScanError.
    public func pageCount(of url: URL) throws -> Int {
        switch try kind(of: url) {
        case .folder: return try folderPages(url).count
        case .image: return 1
        case .tiff: return try tiffPageCount(url)
        case .pdf: return try pdf(url).pageCount
        }
    }

    /// Page `number` (1-based) of the scan. Throws ScanError.
    public func page(_ number: Int, of url: URL) throws -> PageContent {
        let kind = try kind(of: url)
        let count: Int
        switch kind {
        case .folder:
            let pages = try folderPages(url)
            try checkRange(number, pages.count, url)
            let file = pages[number - 1]
            let inner = try self.kind(of: file)
            switch inner {
            case .image, .tiff:
                return .image(try PageImage(contentsOf: file, maxPixels: maxPixels, tiffPage: inner == .tiff ? 1 : nil,
                                            reportedAs: file.path))
            default:
                throw ScanError(file: file.path, reason: "Không phải tệp ảnh")
            }
        case .image:
            try checkRange(number, 1, url)
            return .image(try PageImage(contentsOf: url, maxPixels: maxPixels, reportedAs: url.path))
        case .tiff:
            count = try tiffPageCount(url)
            try checkRange(number, count, url)
            return .image(try PageImage(contentsOf: url, maxPixels: maxPixels, tiffPage: number,
                                        reportedAs: url.path, page: number))
        case .pdf:
            return try pdfPage(number, of: url)
        }
    }

    // MARK: - Kinds

    /// What the file is, from one `stat` and its first 1,024 bytes (asked twice for every page an ingest reads,
    /// so through the system calls rather than FileManager and FileHandle).
    func kind(of url: URL) throws -> Kind {
        let path = url.path
        var info = stat()
        guard stat(path, &info) == 0 else { throw ScanError(file: path, reason: "Không tìm thấy tệp") }
        if info.st_mode & S_IFMT == S_IFDIR { return .folder }
        if info.st_size == 0 { throw ScanError(file: path, reason: "Tệp rỗng (0 byte)") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ScanError(file: path, reason: "Không có quyền đọc tệp") }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 1024)
        let n = head.withUnsafeMutableBytes { read(fd, $0.baseAddress, 1024) }
        let bytes = head.prefix(max(0, n))
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || bytes.starts(with: [0x49, 0x49, 0x2B, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2B]) {
            return .tiff
        }
        let pdf: [UInt8] = Array("%PDF-".utf8)
        if bytes.count >= pdf.count, (0...(bytes.count - pdf.count)).contains(where: { bytes[$0..<($0 + pdf.count)].elementsEqual(pdf) }) {
            return .pdf
        }
        return .image
    }

    func checkRange(_ number: Int, _ count: Int, _ url: URL) throws {
        guard number >= 1, number <= count else {
            throw ScanError(file: url.path, page: number, reason: "Không có trang \(number) (tệp có \(count) trang)")
        }
    }

    /// Page images of a folder, in file-name order (numbers compared as numbers: 2 before 10).
    func folderPages(_ url: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            throw ScanError(file: url.path, reason: "Không đọc được thư mục")
        }
        let pages = names
            .filter { !$0.hasPrefix(".") && Self.imageExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted { $0.compare($1, options: [.numeric, .caseInsensitive]) == .orderedAscending }
            .map { url.appendingPathComponent($0) }
        if pages.isEmpty { throw ScanError(file: url.path, reason: "Thư mục không có ảnh trang nào") }
        return pages
    }

    /// The TIFF's pages, its IFD chain walked with a loop guard first (TIFFPages), then confirmed by Leptonica.
    func tiffPageCount(_ url: URL) throws -> Int {
        let walked = try TIFFPages.count(url, file: url.path)
        try LeptonicaSetup.once()
        guard let fp = fopen(url.path, "rb") else {
            throw ScanError(file: url.path, reason: "Không có quyền đọc tệp")
        }
        defer { fclose(fp) }
        var n: l_int32 = 0
        guard tiffGetCount(fp, &n) == 0, n > 0 else {
            throw ScanError(file: url.path, reason: "Không đọc được ảnh TIFF (tệp hỏng)")
        }
        return min(walked, Int(n))
    }

    // MARK: - PDF

    /// Whether `url` is a PDF, by its first bytes.
    public static func isPDF(_ url: URL) -> Bool {
        (try? ScanReader().kind(of: url)) == .pdf
    }

    /// Page `number` of the PDF at `url` rendered in colour at `dpi` (for the viewer).
    public static func renderPDFPage(_ number: Int, of url: URL, dpi: Double, maxPixels: Int = 80_000_000) throws -> PageImage {
        try PDFDocumentCache.shared.document(url).render(number, dpi: dpi, gray: false, maxPixels: maxPixels)
    }

    /// The open document for `url`, from a small cache: an ingest reads a file's pages one after another.
    func pdf(_ url: URL) throws -> PDFDocument {
        try PDFDocumentCache.shared.document(url)
    }

    func pdfPage(_ number: Int, of url: URL) throws -> PageContent {
        let document = try pdf(url)
        try checkRange(number, document.pageCount, url)
        if !reocr, let layer = try textLayer(number, of: document) {
            if !layerPolicy.isPoor(layer.quality) { return .layer(layer) }
            return .layerAndImage(layer, try pdfImage(number, of: url, document: document))
        }
        let image = try pdfImage(number, of: url, document: document)
        // A page that comes out blank from a file poppler reported errors in (a loop of objects, a garbled stream
        // it gave up on) was not read: refused rather than kept as an empty page.
        if image.layout?.isBlank == true, let damage = document.errors().first {
            throw ScanError(file: url.path, page: number,
                            reason: "PDF hỏng, trang trống vì không đọc được nội dung (poppler: \(damage.prefix(200)))")
        }
        return .image(image)
    }

    /// The page as an image for recognition: its one embedded image at its own resolution (`pdfimages`), or
    /// the page rendered (in colour) at the resolution its text wants (mixed-raster pages, vector text, masks).
    func pdfImage(_ number: Int, of url: URL, document: PDFDocument) throws -> PageImage {
        let pageSize = try document.pageSize(number)
        let onPage = try document.images { try listImages(url, pages: nil) }?.filter { $0.page == number }
        if let onPage, let image = try pdfSingleImage(number, images: onPage, of: url, pageSize: pageSize) {
            let tmp = FileManager.default.temporaryDirectory
                .appendingPathComponent("hoso-ocr-\(UUID().uuidString)", isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
            } catch {
                throw ScanError(file: url.path, page: number, reason: "Không tạo được thư mục tạm")
            }
            defer { try? FileManager.default.removeItem(at: tmp) }
            let out = try tool("pdfimages", ["-f", "\(number)", "-l", "\(number)", "-j", "-png", url.path,
                                             tmp.appendingPathComponent("img").path], url, number)
            // An image stream poppler could not decode (JBIG2, JPEG 2000, JPEG or Flate data cut short or garbled)
            // comes out blank or as noise: the page is refused rather than recognised as empty.
            if let damage = Self.imageDecodeError(out.stderr) {
                throw ScanError(file: url.path, page: number, reason: "Ảnh của trang bị hỏng, không giải mã được (poppler: \(damage))")
            }
            let files = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path))?.sorted() ?? []
            if out.status == 0, let first = files.first {
                let page = try PageImage(contentsOf: tmp.appendingPathComponent(first), maxPixels: maxPixels,
                                         reportedAs: url.path, page: number)
                page.resolution = image.ppi
                return page
            }
            // Otherwise rendered (e.g. JBIG2 or an encoding pdfimages cannot write).
        }
        if let onPage, let image = try foregroundSized(number, of: document, images: onPage) { return image }
        return try renderSized(number, of: document)
    }

    /// The page rendered for recognition: measured on a cheap rendering first (PageLayout), then a blank page is
    /// passed on as it is, and any other rendered at the resolution its glyphs want, without its blank margins.
    /// Kept as its red channel, as the engine reads colour (a quarter of the memory of the colour image): the red seals
    /// and stamps of a mixed-raster page's background turn white while black print and blue handwriting stay dark.
    func renderSized(_ number: Int, of document: PDFDocument) throws -> PageImage {
        guard let target = sizing.glyphHeight else {
            return try document.render(number, dpi: Double(renderResolution), gray: false, maxPixels: maxPixels)
        }
        let low = try document.render(number, dpi: Double(sizing.measureResolution), gray: false, maxPixels: maxPixels,
                                      redOnly: true)
        let layout = PageLayout.measure(low)
        if layout.isBlank {
            low.layout = layout
            low.origin = ["render:\(sizing.measureResolution)", "grey:red"]
            return low
        }
        let dpi = layout.resolution(forGlyphHeight: target, within: sizing.resolutions, fallback: renderResolution)
        let box = layout.contentBox(marginMillimetres: sizing.marginMillimetres, atResolution: dpi)
        let image = try document.render(number, dpi: Double(dpi), gray: false, maxPixels: maxPixels, region: box, redOnly: true)
        image.origin = ["render:\(dpi)"] + (box.map { ["crop:\($0.x0),\($0.y0),\($0.width),\($0.height)"] } ?? []) + ["grey:red"]
        return image
    }

    /// The page's text layer with its words, or nil when it has none worth keeping: no text, or text set in a
    /// legacy Vietnamese font encoding (TCVN3 `.Vn…` or VNI), which comes out garbled (those pages are recognised).
    /// The text is made from the words and their boxes, in rows as printed and with side-by-side columns read
    /// one after the other, as recognised pages are: one pass of poppler's text extraction per page.
    /// A legacy encoding is told from the text itself (`LegacyEncoding.detect`), not from the page's font names:
    /// scanning a page's fonts loads every font a second time, 40 % of poppler's work on a text-layer page.
    func textLayer(_ number: Int, of document: PDFDocument) throws -> TextLayerPage? {
        let found = try document.words(number)
        guard Self.hasLetters(found, atLeast: 3) else { return nil }
        let size = try document.pageSize(number)
        let scale = Double(TextLayerPage.resolution) / 72
        let placed = found.map { w in
            RecognizedWord(text: w.text, x: Int((w.x * scale).rounded()), y: Int((w.y * scale).rounded()),
                           width: max(1, Int((w.width * scale).rounded())), height: max(1, Int((w.height * scale).rounded())),
                           confidence: SyllableShape.classify(w.text) == .malformed ? 0 : 100)
        }
        let boxes = placed.map { ReadingOrder.Box(x0: $0.x, y0: $0.y, x1: $0.x + $0.width, y1: $0.y + $0.height) }
        let rows = ReadingOrder.rows(boxes)
        let pieces = ReadingOrder.arrange(rows.map { $0.map { boxes[$0] } }, columnGap: { h in max(3 * h, 12) },
                                          confirmedGap: { h in max(h * 6 / 5, 10) }, lineSlack: { h in 2 * h + 4 })
        let lines = pieces.map { p in p.items.map { rows[p.line][$0] } }
        let text = lines.map { $0.map { placed[$0].text }.joined(separator: " ") }.joined(separator: "\n")
        if LegacyEncoding.detect(text) != nil { return nil }
        let words = lines.flatMap { $0.map { placed[$0] } }
        return TextLayerPage(text: text, words: words, width: Int((size.width * scale).rounded()),
                             height: Int((size.height * scale).rounded()), quality: TextLayerQuality.measure(words: words.map(\.text)))
    }

    /// Whether the words hold at least `count` letters or digits (a layer of a few stray marks is no text).
    static func hasLetters(_ words: [PDFDocument.Word], atLeast count: Int) -> Bool {
        var seen = 0
        for word in words {
            for scalar in word.text.unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                seen += 1
                if seen >= count { return true }
            }
        }
        return false
    }

    /// Runs a poppler command-line tool with a time limit; a failure to start or a time-out is a ScanError.
    func tool(_ name: String, _ args: [String], _ url: URL, _ page: Int?) throws -> Subprocess.Output {
        let out: Subprocess.Output
        do {
            out = try Subprocess.run(name, args, timeout: toolTimeout)
        } catch let error as OCREngineError {
            throw ScanError(file: url.path, page: page, reason: error.reason)
        } catch {
            throw ScanError(file: url.path, page: page, reason: "Không chạy được \(name): \(error)")
        }
        if out.timedOut {
            throw ScanError(file: url.path, page: page,
                            reason: "\(name) chạy quá \(Int(toolTimeout)) giây, đã dừng (PDF hỏng hoặc quá phức tạp)")
        }
        return out
    }

    /// The first error poppler printed while decoding an image stream, nil when there is none.
    static func imageDecodeError(_ stderr: String) -> String? {
        let decoders = ["JBIG2", "JPX", "JPEG", "DCT", "Flate", "Unexpected EOF", "stream"]
        return stderr.split(separator: "\n").first { line in
            line.hasPrefix("Syntax Error") && decoders.contains { line.range(of: $0, options: .caseInsensitive) != nil }
        }.map { String($0.prefix(200)) }
    }

    struct EmbeddedImage { var width: Int; var height: Int; var ppi: Int }

    /// The page's image when the page is exactly one raster image covering (nearly) the whole page.
    func pdfSingleImage(_ number: Int, images listed: [PDFImageInfo], of url: URL,
                        pageSize: (width: Double, height: Double)?) throws -> EmbeddedImage? {
        // A stencil is an image mask: the foreground of a mixed-raster page, drawn over its background.
        if listed.contains(where: { $0.kind == .stencil }) { return nil }
        // smask / mask rows belong to the image before them
        let images = listed.filter { $0.kind == .image }
            .map { EmbeddedImage(width: $0.width, height: $0.height, ppi: $0.ppi) }
        guard images.count == 1, let image = images.first else { return nil }
        try ScanFile.checkPixels(width: image.width, height: image.height, max: maxPixels, file: url.path, page: number)
        guard image.ppi >= 72 else { return nil }
        if let size = pageSize {
            // The image's printed size must cover ≥ 90 % of the page in both directions (either way round).
            let iw = Double(image.width) / Double(image.ppi) * 72, ih = Double(image.height) / Double(image.ppi) * 72
            let covers = { (a: Double, b: Double) in a >= 0.9 * size.width && b >= 0.9 * size.height }
            guard covers(iw, ih) || covers(ih, iw) else { return nil }
        }
        return image
    }
}

/// The last few PDFs opened, by path, size and modification time: an ingest reads a file's pages one after
/// another, and the viewer asks for one page after another of the same file.
final class PDFDocumentCache: @unchecked Sendable {
    static let shared = PDFDocumentCache()
    private let lock = NSLock()
    private var entries: [(key: String, document: PDFDocument)] = []
    static let capacity = 8

    func document(_ url: URL) throws -> PDFDocument {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        let stamp = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let key = "\(url.path)\u{0}\(attributes?[.size] ?? "")\u{0}\(stamp)"
        lock.lock()
        if let i = entries.firstIndex(where: { $0.key == key }) {
            let entry = entries.remove(at: i)
            entries.append(entry)
            lock.unlock()
            return entry.document
        }
        lock.unlock()
        let document = try PDFDocument(url: url)
        lock.lock(); defer { lock.unlock() }
        entries.removeAll { $0.key == key }
        entries.append((key, document))
        if entries.count > Self.capacity { entries.removeFirst() }
        return document
    }
}
