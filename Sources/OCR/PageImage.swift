import CTesseract
import Foundation

/// One page image (ảnh trang) owned by Swift: wraps a Leptonica `PIX*`, destroyed in `deinit`.
/// Not shared between threads while one of them changes it; recognition only reads it.
public final class PageImage {
    /// Leptonica image; owned (one reference) by this object.
    let pix: UnsafeMutablePointer<PIX>

    /// Width in pixels.
    public var width: Int { Int(pixGetWidth(pix)) }
    /// Height in pixels.
    public var height: Int { Int(pixGetHeight(pix)) }
    /// Scan resolution in dots per inch; 0 when the file does not say.
    public var resolution: Int {
        get { Int(pixGetXRes(pix)) }
        set { pixSetResolution(pix, l_int32(newValue), l_int32(newValue)) }
    }
    /// Bits per pixel (1, 2, 4, 8, 16 or 32).
    public var depth: Int { Int(pixGetDepth(pix)) }

    /// Where this image lies on its page, when it is only part of it (a page rendered without its blank
    /// margins): word boxes are given on the whole page.
    public struct Window: Equatable, Sendable {
        public var x: Int, y: Int, pageWidth: Int, pageHeight: Int
    }
    public var window: Window?
    /// How the image was made from its source, recorded with the recognition (e.g. ["render:220", "crop:…"]).
    public var origin: [String] = []
    /// The page's layout when the reader has measured it already (on a cheap rendering).
    public var layout: PageLayout?

    /// Takes ownership of `pix`.
    init(taking pix: UnsafeMutablePointer<PIX>) {
        self.pix = pix
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&p)
    }

    /// Reads a single-image file (PNG, JPEG, TIFF page, BMP, JPEG 2000, WebP, PNM …) with Leptonica.
    /// The header is read first: images above `maxPixels` are refused before anything is decoded.
    /// - Parameter tiffPage: 1-based page inside a TIFF.
    public convenience init(contentsOf url: URL, maxPixels: Int = 80_000_000, tiffPage: Int? = nil,
                            reportedAs file: String? = nil, page: Int? = nil) throws {
        let name = file ?? url.path
        try LeptonicaSetup.once()
        try ScanFile.checkNotEmpty(url, file: name, page: page)
        var w: l_int32 = 0, h: l_int32 = 0, bps: l_int32 = 0, spp: l_int32 = 0, cmap: l_int32 = 0
        var format: l_int32 = 0, res: l_int32 = 0
        let headerOK: Bool
        if let tiffPage {
            headerOK = readHeaderTiff(url.path, l_int32(tiffPage - 1), &w, &h, &bps, &spp, &res, &cmap, &format) == 0
        } else {
            headerOK = pixReadHeader(url.path, &format, &w, &h, &bps, &spp, &cmap) == 0
        }
        guard headerOK, w > 0, h > 0 else {
            throw ScanError(file: name, page: page, reason: "Không đọc được ảnh (tệp hỏng hoặc không phải ảnh)")
        }
        try ScanFile.checkPixels(width: Int(w), height: Int(h), max: maxPixels, file: name, page: page)
        let loaded: UnsafeMutablePointer<PIX>?
        if let tiffPage {
            loaded = pixReadTiff(url.path, l_int32(tiffPage - 1))
        } else {
            loaded = pixRead(url.path)
        }
        guard let pix = loaded else {
            throw ScanError(file: name, page: page, reason: "Không đọc được ảnh (tệp hỏng hoặc bị cắt cụt)")
        }
        self.init(taking: pix)
    }

    /// The part of the image inside `box` (same resolution), or nil when Leptonica cannot cut it.
    func cropped(_ box: PageLayout.Box) -> PageImage? {
        guard let b = boxCreate(l_int32(box.x0), l_int32(box.y0), l_int32(box.width), l_int32(box.height)) else { return nil }
        var bp: UnsafeMutablePointer<BOX>? = b
        defer { boxDestroy(&bp) }
        guard let p = pixClipRectangle(pix, b, nil) else { return nil }
        let image = PageImage(taking: p)
        image.resolution = resolution
        return image
    }

    /// Writes the image as PNG (lossless; for page-image export and debugging).
    public func writePNG(to url: URL) throws {
        if pixWrite(url.path, pix, l_int32(IFF_PNG)) != 0 {
            throw OCREngineError(reason: "Không ghi được ảnh \(url.path)")
        }
    }

    /// Writes the image as JPEG (for page images served to readers). 1-bit images are written as
    /// 8-bit grey (JPEG has no 1-bit form).
    public func writeJPEG(to url: URL, quality: Int = 80) throws {
        var source = self
        if depth < 8 || pixGetColormap(pix) != nil {
            guard let p = pixConvertTo8(pix, 0) else { throw OCREngineError(reason: "Không ghi được ảnh \(url.path)") }
            source = PageImage(taking: p)
        } else if depth == 16, let p = pixConvert16To8(pix, l_int32(L_MS_BYTE)) {
            source = PageImage(taking: p)
        }
        if pixWriteJpeg(url.path, source.pix, l_int32(min(max(quality, 1), 100)), 0) != 0 {
            throw OCREngineError(reason: "Không ghi được ảnh \(url.path)")
        }
    }
}

/// Leptonica is quiet: every failure is reported as a ScanError value instead of stderr noise.
enum LeptonicaSetup {
    private static let done: Void = {
        _ = setMsgSeverity(l_int32(L_SEVERITY_NONE))
    }()
    static func once() throws { _ = done }
}

/// Checks shared by every reader.
enum ScanFile {
    static func checkNotEmpty(_ url: URL, file: String, page: Int? = nil) throws {
        let attrs: [FileAttributeKey: Any]
        do {
            attrs = try FileManager.default.attributesOfItem(atPath: url.path)
        } catch {
            throw ScanError(file: file, page: page, reason: "Không tìm thấy tệp")
        }
        if let size = attrs[.size] as? NSNumber, size.intValue == 0 {
            throw ScanError(file: file, page: page, reason: "Tệp rỗng (0 byte)")
        }
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ScanError(file: file, page: page, reason: "Không có quyền đọc tệp")
        }
    }

    static func checkPixels(width: Int, height: Int, max: Int, file: String, page: Int?) throws {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > max {
            throw ScanError(file: file, page: page,
                            reason: "Ảnh quá lớn: \(width) × \(height) điểm ảnh, vượt giới hạn \(max) điểm ảnh")
        }
    }
}
