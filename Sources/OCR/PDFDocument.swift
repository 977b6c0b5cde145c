import CPoppler
import CTesseract
import Foundation
import VietText

/// One open PDF, read through poppler's library (`CPoppler`): page count, sizes, fonts, the text layer's
/// words with their boxes, and pages rendered to images. One handle per file, pages streamed from it; calls
/// are serialised by a lock (poppler's document is not thread-safe).
public final class PDFDocument: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = NSLock()
    /// The path reported in errors.
    public let file: String
    public let pageCount: Int

    /// A word of the text layer and its box in points from the page's top-left corner.
    public struct Word: Equatable, Sendable {
        public var text: String
        public var x: Double, y: Double, width: Double, height: Double
    }

    /// Opens the PDF at `url`; throws ScanError (password, damaged, no pages).
    public init(url: URL, reportedAs file: String? = nil) throws {
        let name = file ?? url.path
        self.file = name
        try ScanFile.checkNotEmpty(url, file: name)
        var error: UnsafeMutablePointer<CChar>?
        guard let h = hoso_pdf_open(url.path, &error) else {
            let message = Self.take(error)
            throw ScanError(file: name, reason: message == "locked" ? "PDF có mật khẩu" : "PDF hỏng, không đọc được")
        }
        handle = h
        // The claimed count is checked against the pages that load: a PDF claiming millions of pages would
        // become millions of jobs, and a page tree listing itself claims pages it does not have.
        let claimed = Int(hoso_pdf_page_count(h))
        guard claimed > 0 else {
            hoso_pdf_close(h)
            throw ScanError(file: name, reason: "PDF hỏng hoặc không có trang nào")
        }
        guard claimed <= Self.maxPages else {
            hoso_pdf_close(h)
            throw ScanError(file: name, reason: "PDF khai báo \(claimed) trang, vượt giới hạn \(Self.maxPages) trang một tệp (tệp hỏng hoặc cần tách ra)")
        }
        let loadable = Int(hoso_pdf_loadable_pages(h, Int32(claimed)))
        guard loadable == claimed else {
            hoso_pdf_close(h)
            throw ScanError(file: name, reason: "PDF khai báo \(claimed) trang nhưng chỉ đọc được \(max(0, loadable)) trang (cây trang hỏng)")
        }
        pageCount = claimed
    }

    private let listingLock = NSLock()
    private var listing: [PDFImageInfo]??

    /// The images every page draws, listed by `list` the first time they are asked for and kept (one `pdfimages
    /// -list` a file, not a page); nil when `list` could not read them. A `list` that throws (a tool run too long)
    /// throws for the page that asked, and is not run again: the other pages are read without the list.
    func images(listedBy list: () throws -> [PDFImageInfo]?) rethrows -> [PDFImageInfo]? {
        listingLock.lock(); defer { listingLock.unlock() }
        if let listing { return listing }
        listing = .some(nil)
        let found = try list()
        listing = .some(found)
        return found
    }

    /// Pages one PDF may have: far above any hồ sơ's document, far below what a forged page count claims.
    public static let maxPages = 10_000

    deinit { hoso_pdf_close(handle) }

    /// The size of page `number` (1-based) in points, as displayed.
    public func pageSize(_ number: Int) throws -> (width: Double, height: Double) {
        try checkRange(number)
        lock.lock(); defer { lock.unlock() }
        var w = 0.0, h = 0.0
        var error: UnsafeMutablePointer<CChar>?
        guard hoso_pdf_page_size(handle, Int32(number - 1), &w, &h, &error) == 0 else {
            throw ScanError(file: file, page: number, reason: "Trang PDF hỏng: \(Self.take(error))")
        }
        return (w, h)
    }

    /// The document's XMP metadata packet (where PDF/A declares itself, `pdfaid:part`); "" when it has none.
    public func metadata() throws -> String {
        lock.lock(); defer { lock.unlock() }
        var error: UnsafeMutablePointer<CChar>?
        guard let xmp = hoso_pdf_metadata(handle, &error) else {
            throw ScanError(file: file, reason: "Không đọc được siêu dữ liệu XMP: \(Self.take(error))")
        }
        defer { hoso_pdf_free(xmp) }
        return String(decoding: UnsafeRawBufferPointer(start: xmp, count: strlen(xmp)), as: UTF8.self)
    }

    /// The errors poppler reported while opening and reading the document so far (its warnings left out).
    public func errors() -> [String] {
        lock.lock(); defer { lock.unlock() }
        guard let text = hoso_pdf_complaints(handle) else { return [] }
        defer { hoso_pdf_free(text) }
        return String(cString: text).split(separator: "\n").map(String.init)
            .filter { $0.range(of: "error", options: .caseInsensitive) != nil }
    }

    /// The base names of the fonts the page uses (subset prefixes like `ABCDEF+` removed).
    public func fonts(_ number: Int) throws -> [String] {
        try checkRange(number)
        lock.lock(); defer { lock.unlock() }
        var error: UnsafeMutablePointer<CChar>?
        guard let list = hoso_pdf_page_fonts(handle, Int32(number - 1), &error) else {
            throw ScanError(file: file, page: number, reason: "Trang PDF hỏng: \(Self.take(error))")
        }
        defer { hoso_pdf_free(list) }
        return String(cString: list).split(separator: "\n").map { name in
            String(name.split(separator: "+", maxSplits: 1).last ?? name)
        }
    }

    /// The words of the page's text layer in reading order, NFC.
    public func words(_ number: Int) throws -> [Word] {
        try checkRange(number)
        lock.lock(); defer { lock.unlock() }
        var text: UnsafeMutablePointer<CChar>?
        var boxes: UnsafeMutablePointer<Double>?
        var count: Int32 = 0
        var error: UnsafeMutablePointer<CChar>?
        guard hoso_pdf_page_words(handle, Int32(number - 1), &text, &boxes, &count, &error) == 0, let text, let boxes else {
            throw ScanError(file: file, page: number, reason: "Không đọc được lớp chữ của trang: \(Self.take(error))")
        }
        defer { hoso_pdf_free(text); hoso_pdf_free(boxes) }
        let strings = String(decoding: UnsafeRawBufferPointer(start: text, count: strlen(text)), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        var words: [Word] = []
        words.reserveCapacity(Int(count))
        for i in 0..<min(Int(count), strings.count) {
            let b = boxes + 4 * i
            words.append(Word(text: VietNormalizer.nfc(String(strings[i])),
                              x: b[0], y: b[1], width: b[2], height: b[3]))
        }
        return words
    }

    /// Page `number` rendered at `dpi`, 8-bit grey or 32-bit colour (or, with `redOnly`, colour kept as its 8-bit red
    /// channel: what recognition reads), refused above `maxPixels`; only `region` (pixels at `dpi`) when given.
    public func render(_ number: Int, dpi: Double, gray: Bool, maxPixels: Int, region: PageLayout.Box? = nil,
                       redOnly: Bool = false) throws -> PageImage {
        try checkRange(number)
        let size = try pageSize(number)
        let w = Int((size.width / 72 * dpi).rounded(.up)), h = Int((size.height / 72 * dpi).rounded(.up))
        try ScanFile.checkPixels(width: region?.width ?? w, height: region?.height ?? h, max: maxPixels, file: file, page: number)
        try LeptonicaSetup.once()
        lock.lock(); defer { lock.unlock() }
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0, stride: Int32 = 0
        var error: UnsafeMutablePointer<CChar>?
        let r = region ?? PageLayout.Box(x0: 0, y0: 0, x1: 0, y1: 0)
        guard hoso_pdf_render_region(handle, Int32(number - 1), dpi, gray ? 1 : 0, Int32(r.x0), Int32(r.y0), Int32(r.width),
                                     Int32(r.height), maxPixels, &pixels, &width, &height, &stride, &error) == 0,
              let pixels else {
            let reason = Self.take(error)
            throw ScanError(file: file, page: number,
                            reason: reason == "too many pixels" ? "Trang quá lớn để dựng ảnh ở \(Int(dpi)) dpi" : "Không dựng được ảnh trang: \(reason)")
        }
        defer { hoso_pdf_free(pixels) }
        guard let image = PageImage(pixels: pixels, width: Int(width), height: Int(height), stride: Int(stride), gray: gray,
                                    redOnly: redOnly) else {
            throw ScanError(file: file, page: number, reason: "Không đủ bộ nhớ để dựng ảnh trang")
        }
        image.resolution = Int(dpi.rounded())
        if let region {
            image.window = PageImage.Window(x: region.x0, y: region.y0, pageWidth: w, pageHeight: h)
        }
        return image
    }

    /// A mixed-raster page's foreground (PDFForeground), or nil when the page draws no image with transparent pixels.
    /// Throws ScanError on a rotated page, a page above `maxPixels` at the foreground's resolution, or damage.
    public func foreground(_ number: Int, maxPixels: Int) throws -> PDFForeground? {
        try checkRange(number)
        try LeptonicaSetup.once()
        lock.lock(); defer { lock.unlock() }
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0, stride: Int32 = 0, layers: Int32 = 0
        var ppi = 0.0, backgroundInk = 0.0
        var error: UnsafeMutablePointer<CChar>?
        guard hoso_pdf_page_foreground(handle, Int32(number - 1), maxPixels, &pixels, &width, &height, &stride, &ppi,
                                       &layers, &backgroundInk, &error) == 0 else {
            throw ScanError(file: file, page: number, reason: "Không tách được lớp chữ của trang: \(Self.take(error))")
        }
        guard let pixels else { return nil }
        defer { hoso_pdf_free(pixels) }
        guard let image = PageImage(bits: pixels, width: Int(width), height: Int(height), stride: Int(stride)) else {
            throw ScanError(file: file, page: number, reason: "Không đủ bộ nhớ để dựng ảnh trang")
        }
        image.resolution = Int(ppi.rounded())
        return PDFForeground(image: image, layers: Int(layers), backgroundInk: backgroundInk)
    }

    private func checkRange(_ number: Int) throws {
        guard number >= 1, number <= pageCount else {
            throw ScanError(file: file, page: number, reason: "Không có trang \(number) (tệp có \(pageCount) trang)")
        }
    }

    private static func take(_ error: UnsafeMutablePointer<CChar>?) -> String {
        guard let error else { return "lỗi không rõ" }
        defer { hoso_pdf_free(error) }
        return String(cString: error)
    }
}

/// What a mixed-raster page draws over its background: its stencils and masked images composed at their own
/// resolution (1 bit a pixel: where they ink dark in the red channel), how many there were, and the share of dark pixels
/// left in the background (which would be text the foreground does not carry).
public struct PDFForeground {
    public var image: PageImage
    public var layers: Int
    public var backgroundInk: Double
}

extension PageImage {
    /// A 1-bit Leptonica image (1 = ink) from rows of bits, most significant first, `stride` bytes apart.
    convenience init?(bits: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int) {
        guard width > 0, height > 0, let pix = pixCreate(l_int32(width), l_int32(height), 1) else { return nil }
        Self.copyRows(bits, rowBytes: min(Int(pixGetWpl(pix)) * 4, stride), stride: stride, height: height, into: pix)
        self.init(taking: pix)
    }

    /// A Leptonica image from rows of 8-bit grey or 24-bit RGB bytes (poppler's rendering); with `redOnly`, RGB rows
    /// become an 8-bit image of their red bytes (a quarter of the memory, and no 32-bit image to split later).
    convenience init?(pixels: UnsafePointer<UInt8>, width: Int, height: Int, stride: Int, gray: Bool, redOnly: Bool = false) {
        let eight = gray || redOnly
        guard width > 0, height > 0, let pix = pixCreate(l_int32(width), l_int32(height), eight ? 8 : 32) else { return nil }
        if gray {
            Self.copyRows(pixels, rowBytes: width, stride: stride, height: height, into: pix)
            self.init(taking: pix)
            return
        }
        let wpl = Int(pixGetWpl(pix))
        let data = pixGetData(pix)!
        for y in 0..<height {
            let row = pixels + y * stride
            let line = data + y * wpl
            if redOnly {
                let bytes = UnsafeMutableRawPointer(line).assumingMemoryBound(to: UInt8.self)
                for x in 0..<width { bytes[x] = row[3 * x] }
            } else {
                for x in 0..<width {
                    let p = row + 3 * x
                    line[x] = UInt32(p[0]) << 24 | UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | 0xFF
                }
            }
        }
        if redOnly { pixEndianByteSwap(pix) }
        self.init(taking: pix)
    }

    /// Copies `height` rows of `rowBytes` bytes, `stride` apart, into `pix` in memory order and swaps them once:
    /// Leptonica keeps bytes big-endian within each 32-bit word.
    private static func copyRows(_ rows: UnsafePointer<UInt8>, rowBytes: Int, stride: Int, height: Int,
                                 into pix: UnsafeMutablePointer<PIX>) {
        let bytes = Int(pixGetWpl(pix)) * 4
        let data = UnsafeMutableRawPointer(pixGetData(pix)!)
        for y in 0..<height { (data + y * bytes).copyMemory(from: rows + y * stride, byteCount: rowBytes) }
        pixEndianByteSwap(pix)
    }
}
