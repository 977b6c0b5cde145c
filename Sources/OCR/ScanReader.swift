import CTesseract
import Foundation

/// What one page of a scan (bản quét) holds: an image to recognise, or the text layer that a
/// born-digital or already-OCRed ("hai lớp") PDF carries.
public enum PageContent {
    case image(PageImage)
    case text(String)
}

/// Reads scans page by page: PDF (image-only or with a text layer), TIFF (one or many pages), PNG,
/// JPEG (and the other formats Leptonica reads), or a folder of page images in file-name order.
///
/// PDF pages: a page that carries a text layer comes back as `.text` (unless `reocr`); otherwise the
/// page's one embedded image is extracted at its own resolution with `pdfimages`, or, when the page is
/// not one image, the page is rendered with `pdftoppm -r 300`. Needs poppler-utils on PATH.
/// Only the requested page is held in memory; temporary files are removed before returning.
public struct ScanReader {
    /// Images with more pixels are refused (ScanError) before they are decoded.
    public var maxPixels: Int
    /// Ignore PDF text layers and recognise every page again.
    public var reocr: Bool
    /// Seconds a poppler tool may run for one call.
    public var toolTimeout: TimeInterval = 120
    /// Rendering resolution for PDF pages that are not a single image.
    public var renderResolution = 300

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
        case .pdf: return try pdfInfo(url).pages
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

    func kind(of url: URL) throws -> Kind {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
            throw ScanError(file: url.path, reason: "Không tìm thấy tệp")
        }
        if isDir.boolValue { return .folder }
        try ScanFile.checkNotEmpty(url, file: url.path)
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ScanError(file: url.path, reason: "Không có quyền đọc tệp")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        let bytes = [UInt8](head)
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || bytes.starts(with: [0x49, 0x49, 0x2B, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2B]) {
            return .tiff
        }
        if let range = head.range(of: Data("%PDF-".utf8)), range.lowerBound < 1024 { return .pdf }
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

    func tiffPageCount(_ url: URL) throws -> Int {
        try LeptonicaSetup.once()
        guard let fp = fopen(url.path, "rb") else {
            throw ScanError(file: url.path, reason: "Không có quyền đọc tệp")
        }
        defer { fclose(fp) }
        var n: l_int32 = 0
        guard tiffGetCount(fp, &n) == 0, n > 0 else {
            throw ScanError(file: url.path, reason: "Không đọc được ảnh TIFF (tệp hỏng)")
        }
        return Int(n)
    }

    // MARK: - PDF

    struct PDFInfo { var pages: Int; var pageSize: (width: Double, height: Double)? }

    /// `pdfinfo` (optionally for one page): page count, encryption, page size in points.
    func pdfInfo(_ url: URL, page: Int? = nil) throws -> PDFInfo {
        var args: [String] = []
        if let page { args += ["-f", "\(page)", "-l", "\(page)"] }
        let out = try tool("pdfinfo", args + [url.path], url, page)
        if out.status != 0 {
            throw ScanError(file: url.path, page: page, reason: Self.pdfReason(out.stderr))
        }
        let text = String(decoding: out.stdout, as: UTF8.self)
        var pages: Int?
        var size: (Double, Double)?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Pages:") {
                pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
            } else if line.hasPrefix("Page"), line.contains("size:") {
                // "Page size:      595.276 x 841.89 pts (A4)", or with -f/-l "Page    1 size: 595 x 842 pts"
                if let r = line.range(of: "size:") {
                    let parts = line[r.upperBound...].split(separator: " ")
                    if parts.count >= 3, let w = Double(parts[0]), let h = Double(parts[2]) { size = (w, h) }
                }
            }
        }
        guard let pages, pages > 0 else {
            throw ScanError(file: url.path, page: page, reason: "PDF hỏng hoặc không có trang nào")
        }
        return PDFInfo(pages: pages, pageSize: size)
    }

    static func pdfReason(_ stderr: String) -> String {
        let s = stderr.lowercased()
        if s.contains("password") { return "PDF có mật khẩu" }
        if s.contains("may not be a pdf") || s.contains("couldn't find trailer") || s.contains("syntax error")
            || s.contains("couldn't read xref") || s.contains("damaged") {
            return "PDF hỏng, không đọc được"
        }
        return "PDF hỏng, không đọc được"
    }

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

    func pdfPage(_ number: Int, of url: URL) throws -> PageContent {
        let info = try pdfInfo(url)
        try checkRange(number, info.pages, url)
        if !reocr, let text = try pdfTextLayer(number, of: url) {
            return .text(text)
        }
        let pageInfo = try pdfInfo(url, page: number)
        let tmp = FileManager.default.temporaryDirectory
            .appendingPathComponent("hoso-ocr-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        } catch {
            throw ScanError(file: url.path, page: number, reason: "Không tạo được thư mục tạm")
        }
        defer { try? FileManager.default.removeItem(at: tmp) }

        if let image = try pdfSingleImage(number, of: url, pageSize: pageInfo.pageSize) {
            let out = try tool("pdfimages", ["-f", "\(number)", "-l", "\(number)", "-j", "-png", url.path,
                                             tmp.appendingPathComponent("img").path], url, number)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path))?.sorted() ?? []
            if out.status == 0, let first = files.first {
                let page = try PageImage(contentsOf: tmp.appendingPathComponent(first), maxPixels: maxPixels,
                                         reportedAs: url.path, page: number)
                page.resolution = image.ppi
                return .image(page)
            }
            // Fall through to rendering (e.g. JBIG2 or an encoding pdfimages cannot write).
            for f in files { try? FileManager.default.removeItem(at: tmp.appendingPathComponent(f)) }
        }

        let dpi = renderResolution
        if let size = pageInfo.pageSize {
            let w = Int((size.width / 72 * Double(dpi)).rounded(.up)), h = Int((size.height / 72 * Double(dpi)).rounded(.up))
            try ScanFile.checkPixels(width: w, height: h, max: maxPixels, file: url.path, page: number)
        }
        let base = tmp.appendingPathComponent("page")
        let out = try tool("pdftoppm", ["-f", "\(number)", "-l", "\(number)", "-r", "\(dpi)", "-gray", "-png",
                                        "-singlefile", url.path, base.path], url, number)
        let png = base.appendingPathExtension("png")
        guard out.status == 0, FileManager.default.fileExists(atPath: png.path) else {
            throw ScanError(file: url.path, page: number, reason: Self.pdfReason(out.stderr))
        }
        let page = try PageImage(contentsOf: png, maxPixels: maxPixels, reportedAs: url.path, page: number)
        page.resolution = dpi
        return .image(page)
    }

    struct EmbeddedImage { var width: Int; var height: Int; var ppi: Int }

    /// The page's image when the page is exactly one raster image covering (nearly) the whole page.
    func pdfSingleImage(_ number: Int, of url: URL, pageSize: (width: Double, height: Double)?) throws -> EmbeddedImage? {
        let out = try tool("pdfimages", ["-f", "\(number)", "-l", "\(number)", "-list", url.path], url, number)
        guard out.status == 0 else { return nil }
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        var images: [EmbeddedImage] = []
        for line in String(decoding: out.stdout, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 14, Int(f[0]) == number else { continue }
            guard f[2] == "image" else { continue }   // smask / mask / stencil rows are not pages
            guard let w = Int(f[3]), let h = Int(f[4]), let xppi = Int(f[12]), let yppi = Int(f[13]) else { continue }
            images.append(EmbeddedImage(width: w, height: h, ppi: max(xppi, yppi)))
        }
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

    /// The page's text layer, or nil when the page has none worth keeping (no text, or text set in a
    /// legacy Vietnamese font encoding — TCVN3 `.Vn…` or VNI — which would be garbled: those pages are
    /// recognised again).
    func pdfTextLayer(_ number: Int, of url: URL) throws -> String? {
        let fonts = try tool("pdffonts", ["-f", "\(number)", "-l", "\(number)", url.path], url, number)
        guard fonts.status == 0 else {
            throw ScanError(file: url.path, page: number, reason: Self.pdfReason(fonts.stderr))
        }
        let fontLines = String(decoding: fonts.stdout, as: UTF8.self).split(separator: "\n").dropFirst(2)
        if fontLines.isEmpty { return nil }
        for line in fontLines {
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            let bare = name.split(separator: "+").last.map(String.init) ?? name
            if bare.hasPrefix(".Vn") || bare.uppercased().hasPrefix("VNI") { return nil }
        }
        let out = try tool("pdftotext", ["-layout", "-enc", "UTF-8", "-f", "\(number)", "-l", "\(number)", url.path, "-"],
                           url, number)
        guard out.status == 0 else {
            throw ScanError(file: url.path, page: number, reason: Self.pdfReason(out.stderr))
        }
        let raw = String(decoding: out.stdout, as: UTF8.self).precomposedStringWithCanonicalMapping
        let text = ReadingOrder.arrangeLayoutText(raw)
        let letters = text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.count
        return letters >= 3 ? text : nil
    }
}
