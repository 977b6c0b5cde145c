import Catalogue
import DataFolder
import Foundation
import OCR
import Search

/// Why a two-layer PDF could not be made.
public enum PDFExportError: Error, CustomStringConvertible, Equatable {
    case image(String)
    case noPages
    /// Visible marks were asked for without a font to print them in.
    case noMarkFont

    public var description: String {
        switch self {
        case .image(let why): return "Ảnh trang không nhúng được vào PDF: \(why)"
        case .noPages: return "Tài liệu không có trang nào để xuất"
        case .noMarkFont: return "Không có phông chữ để in dấu bản sao"
        }
    }
}

/// One page of a two-layer PDF: the scan image and the recognised words over it.
public struct PDFPage: Sendable {
    public var image: PDFImage
    /// Scan resolution (dots per inch); fixes the printed page size.
    public var resolution: Double
    /// Recognised words, boxes in the pixel coordinates of a `sourceWidth` × `sourceHeight` image
    /// (the catalogue's page size; scaled onto the image when it differs).
    public var words: [StoredWord]
    /// Page text, used for the hidden layer only when the page has no word boxes.
    public var text: String
    public var sourceWidth: Int
    public var sourceHeight: Int
    /// Clockwise quarter turns that make the scan upright (OCR's "rotate180" → 2): the page is shown
    /// turned (/Rotate) and the hidden text is laid out in the upright page.
    public var rotation: Int
    /// Visible marks printed over the scan (a copy's `BẢN SAO`, the archive's name), placed on the
    /// upright page.
    public var marks: [PDFMark] = []

    public init(image: PDFImage, resolution: Double, words: [StoredWord], text: String = "",
                sourceWidth: Int? = nil, sourceHeight: Int? = nil, rotation: Int = 0) {
        self.rotation = ((rotation % 4) + 4) % 4
        self.image = image
        self.resolution = resolution >= 50 && resolution <= 4800 ? resolution : 300
        self.words = words
        self.text = text
        self.sourceWidth = sourceWidth.flatMap { $0 > 0 ? $0 : nil } ?? image.width
        self.sourceHeight = sourceHeight.flatMap { $0 > 0 ? $0 : nil } ?? image.height
    }

    /// Page size in points (1/72 inch).
    public var widthPoints: Double { Double(image.width) * 72 / resolution }
    public var heightPoints: Double { Double(image.height) * 72 / resolution }
}

/// Document information written into the Info dictionary and the XMP metadata (both the same).
public struct PDFMetadata: Sendable {
    public var title: String
    public var subject: String?
    public var author: String?
    public var producer = "hoso"
    public var created = Date()
    /// Permanent identifier of the file (trailer /ID and xmpMM:DocumentID).
    public var identifier = UUID()

    public init(title: String, subject: String? = nil, author: String? = nil) {
        self.title = title; self.subject = subject; self.author = author
    }
}

/// PDF hai lớp (two-layer PDF, Thông tư 05/2025/TT-BNV): each page is the scan image with an invisible
/// text layer (render mode 3) placed on the recognised words, so the file can be searched and its text
/// copied while it looks exactly like the scan. Written as PDF/A-2b: embedded glyphless font with a
/// ToUnicode map, sRGB output intent, XMP metadata equal to the Info dictionary, document ID, no encryption.
public enum PDFExport {
    /// The whole file; `markFont` prints the pages' visible marks (required when a page has any).
    public static func build(pages: [PDFPage], metadata: PDFMetadata, markFont: TrueTypeFont? = nil) throws -> Data {
        guard !pages.isEmpty else { throw PDFExportError.noPages }
        let marked = pages.contains { !$0.marks.isEmpty }
        guard !marked || markFont != nil else { throw PDFExportError.noMarkFont }
        var layout = markFont.map(PDFMarkLayout.init)
        var w = PDFWriter()
        let catalog = w.reserve(), pagesID = w.reserve(), info = w.reserve(), metadataID = w.reserve()
        let intent = w.reserve(), icc = w.reserve()
        let font = w.reserve(), cidFont = w.reserve(), descriptor = w.reserve(), fontFile = w.reserve()
        let toUnicode = w.reserve(), cidMap = w.reserve()
        let markFontID = marked ? w.reserve() : 0
        let fonts = marked ? "/F0 \(font) 0 R /F1 \(markFontID) 0 R" : "/F0 \(font) 0 R"

        var pageIDs: [Int] = []
        var maxCode = 0x7F
        for page in pages {
            let pageID = w.reserve(), content = w.reserve(), imageID = w.reserve()
            pageIDs.append(pageID)
            let (stream, highest) = try contentStream(page, marks: &layout)
            maxCode = max(maxCode, highest)
            w.stream(imageID, "/Type /XObject /Subtype /Image /Width \(page.image.width) /Height \(page.image.height) "
                     + page.image.entries, page.image.data)
            w.flateStream(content, "", stream)
            let size = "[0 0 \(PDFSyntax.number(page.widthPoints)) \(PDFSyntax.number(page.heightPoints))]"
            let rotate = page.rotation == 0 ? "" : "/Rotate \(page.rotation * 90) "
            w.object(pageID, "<< /Type /Page /Parent \(pagesID) 0 R /MediaBox \(size) \(rotate)/Contents \(content) 0 R "
                     + "/Resources << /XObject << /Im0 \(imageID) 0 R >> /Font << \(fonts) >> >> >>")
        }
        w.object(pagesID, "<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pageIDs.count) >>")

        // The hidden-text font.
        w.object(font, "<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
                 + "/DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        w.object(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont "
                 + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                 + "/FontDescriptor \(descriptor) 0 R /DW \(Int(PDFResources.glyphWidth)) /CIDToGIDMap \(cidMap) 0 R >>")
        w.object(descriptor, "<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 0 500 1000] "
                 + "/ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 /FontFile2 \(fontFile) 0 R >>")
        w.flateStream(fontFile, "/Length1 \(PDFResources.glyphlessFont.count)", PDFResources.glyphlessFont)
        w.flateStream(toUnicode, "", PDFResources.toUnicodeCMap)
        w.flateStream(cidMap, "", PDFResources.cidToGIDMap(maxCode: maxCode))
        if marked, let layout { layout.write(&w, font: markFontID) }

        // PDF/A: output intent, metadata, Info (equal to the metadata).
        w.flateStream(icc, "/N 3", PDFResources.sRGBProfile)
        w.object(intent, "<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
                 + "/RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile \(icc) 0 R >>")
        let dates = PDFSyntax.dates(metadata.created)
        let uuid = metadata.identifier.uuidString.lowercased()
        let xmp = PDFResources.xmp(title: metadata.title, subject: metadata.subject, author: metadata.author,
                                   producer: metadata.producer, created: dates.xmp, documentID: uuid)
        w.stream(metadataID, "/Type /Metadata /Subtype /XML", xmp)
        var infoBody = "<< /Title \(PDFSyntax.textString(metadata.title)) /Producer \(PDFSyntax.textString(metadata.producer)) "
            + "/Creator \(PDFSyntax.textString(metadata.producer)) /CreationDate (\(dates.info)) /ModDate (\(dates.info))"
        if let s = metadata.subject, !s.isEmpty { infoBody += " /Subject \(PDFSyntax.textString(s))" }
        if let a = metadata.author, !a.isEmpty { infoBody += " /Author \(PDFSyntax.textString(a))" }
        w.object(info, infoBody + " >>")
        w.object(catalog, "<< /Type /Catalog /Pages \(pagesID) 0 R /Metadata \(metadataID) 0 R "
                 + "/OutputIntents [\(intent) 0 R] /Lang (vi) /ViewerPreferences << /DisplayDocTitle true >> >>")

        let idBytes = withUnsafeBytes(of: metadata.identifier.uuid) { Data($0) }
        return w.finish(root: catalog, info: info, documentID: idBytes)
    }

    /// A line of the hidden text: words that follow each other on one baseline.
    struct Line {
        var words: [StoredWord]
        var top: Int { words.map(\.y).min() ?? 0 }
        var bottom: Int { words.map { $0.y + $0.height }.max() ?? 0 }
    }

    /// Groups words, in reading order, into lines: a new line starts when the next word is not to the
    /// right of the previous one or does not share at least half its height with the line.
    static func lines(_ words: [StoredWord]) -> [Line] {
        var out: [Line] = []
        for word in words where !word.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            if var line = out.last, let last = line.words.last, word.x >= last.x + last.width / 2 {
                let overlap = min(line.bottom, word.y + word.height) - max(line.top, word.y)
                if overlap * 2 >= min(word.height, line.bottom - line.top) {
                    line.words.append(word)
                    out[out.count - 1] = line
                    continue
                }
            }
            out.append(Line(words: [word]))
        }
        return out
    }

    /// The page's content stream (image, hidden text, then the visible marks, laid out by `marks`) and the
    /// highest character code of the hidden text.
    static func contentStream(_ page: PDFPage, marks: inout PDFMarkLayout?) throws -> (Data, Int) {
        let pw = page.widthPoints, ph = page.heightPoints
        var s = "q \(PDFSyntax.number(pw)) 0 0 \(PDFSyntax.number(ph)) 0 0 cm /Im0 Do Q\n"
        var highest = 0
        // The text is laid out in the upright page (the scan turned by `rotation` quarter turns
        // clockwise, as OCR read it); a matrix maps that frame back onto the page as stored.
        let q = page.rotation
        let W = page.sourceWidth, H = page.sourceHeight
        let sx = q % 2 == 1 ? pw / Double(H) : pw / Double(W)   // upright pixel → point, along u
        let sy = q % 2 == 1 ? ph / Double(W) : ph / Double(H)   // along v
        let fh = q % 2 == 1 ? pw : ph   // upright page height
        switch q {
        case 1: s += "q 0 1 -1 0 \(PDFSyntax.number(pw)) 0 cm\n"
        case 2: s += "q -1 0 0 -1 \(PDFSyntax.number(pw)) \(PDFSyntax.number(ph)) cm\n"
        case 3: s += "q 0 -1 1 0 0 \(PDFSyntax.number(ph)) cm\n"
        default: s += "q\n"
        }
        s += "BT 3 Tr\n"
        // Word boxes (original image pixels) → the upright image.
        let words = page.words.map { w -> StoredWord in
            var u = w
            switch q {
            case 1: u.x = H - w.y - w.height; u.y = w.x; u.width = w.height; u.height = w.width
            case 2: u.x = W - w.x - w.width; u.y = H - w.y - w.height
            case 3: u.x = w.y; u.y = W - w.x - w.width; u.width = w.height; u.height = w.width
            default: break
            }
            return u
        }
        /// `width`: the span of the text's glyphs; with `trailingSpace`, the span of the glyphs and the space
        /// after them, so that the space fills the gap up to the next word and never overlaps it.
        func show(_ text: String, x: Double, baseline: Double, size: Double, width: Double?, trailingSpace: Bool) {
            let codes = PDFResources.codes(text)
            guard !codes.isEmpty, size > 0 else { return }
            let all = trailingSpace ? codes + [0x20] : codes
            var scale = 100.0
            if let width, width > 0 {
                scale = 100 * width / (Double(all.count) * PDFResources.glyphWidth / 1000 * size)
                scale = min(max(scale, 1), 10_000)
            }
            highest = max(highest, Int(all.max() ?? 0))
            var bytes = Data()
            for c in all { bytes.append(UInt8(c >> 8)); bytes.append(UInt8(c & 0xFF)) }
            s += "/F0 \(PDFSyntax.number(size)) Tf \(PDFSyntax.number(scale)) Tz "
                + "1 0 0 1 \(PDFSyntax.number(x)) \(PDFSyntax.number(baseline)) Tm <\(PDFSyntax.hex(bytes))> Tj\n"
        }
        let lines = lines(words)
        if !lines.isEmpty {
            for line in lines {
                let size = max(Double(line.bottom - line.top) * sy, 1)
                let baseline = fh - Double(line.bottom) * sy
                for (i, word) in line.words.enumerated() {
                    // Up to the next word's start: the space then lies before it, never over it. When
                    // the boxes touch or overlap (italics), the word's glyphs shrink a little to make room,
                    // so that text extraction still sees two words.
                    let next = i + 1 < line.words.count ? line.words[i + 1] : nil
                    let spaced = next.map { $0.x > word.x } ?? false
                    let span = spaced ? Double((next?.x ?? 0) - word.x) : Double(word.width)
                    show(word.text, x: Double(word.x) * sx, baseline: baseline, size: size,
                         width: span * sx, trailingSpace: spaced)
                }
            }
        } else {
            // No word boxes (a text-layer page): the text in lines from the top, still hidden.
            let textLines = page.text.split(whereSeparator: \.isNewline).map(String.init)
            let step = min(12, (fh - 72) / Double(max(textLines.count, 1)))
            for (i, line) in textLines.enumerated() where step > 0 {
                show(line, x: 36, baseline: fh - 36 - step * Double(i + 1), size: step * 0.8, width: nil, trailingSpace: false)
            }
        }
        s += "ET\n"
        if !page.marks.isEmpty, var layout = marks {
            s += try layout.operators(page.marks, width: q % 2 == 1 ? ph : pw, height: fh)
            marks = layout
        }
        s += "Q\n"
        return (Data(s.utf8), highest)
    }
}

/// Options of the two-layer export.
public struct PDFExportOptions: Sendable {
    /// JPEG quality of re-encoded grey and colour page images.
    public var jpegQuality = 85
    /// Fixed creation time (for reproducible files); now when nil.
    public var created: Date?
    public init() {}
}

extension Archive {
    /// Xuất PDF hai lớp: the two-layer PDF/A-2b of a document the role may see, built from its scan and
    /// the catalogue's words. An unknown id and a document the role may not see answer alike (`notFound`).
    public func exportPDF(id: String, role: Role, options: PDFExportOptions = PDFExportOptions()) throws -> Data {
        let (document, pages) = try pdfPages(id: id, role: role, options: options)
        var metadata = PDFMetadata(title: document.title, subject: document.summary, author: document.issuer)
        metadata.producer = "hoso (PDF hai lớp)"
        if let created = options.created { metadata.created = created }
        return try PDFExport.build(pages: pages, metadata: metadata)
    }

    /// The pages of a document the role may see, as two-layer PDF pages (scan image, catalogue words).
    func pdfPages(id: String, role: Role, options: PDFExportOptions) throws -> (Document, [PDFPage]) {
        let document = try visibleDocument(id, role: role)
        let pages = try store.pages(documentID: id)
        guard !pages.isEmpty else { throw HosoError(.notFound, "Tài liệu \(id) chưa có trang nào được nhận dạng") }
        let url = URL(fileURLWithPath: document.path)
        if PageSource.isText(url) {
            throw HosoError(.unavailable, "Tài liệu \(id) là bản chữ (không có ảnh trang), không xuất được PDF hai lớp")
        }
        let reader = ScanReader(reocr: true)
        var out: [PDFPage] = []
        for page in pages {
            let image: PageImage
            do {
                guard case .image(let img) = try reader.page(page.number, of: url) else {
                    throw ScanError(file: url.path, page: page.number, reason: "Trang không có ảnh")
                }
                image = img
            } catch {
                throw HosoError(.unavailable, "Không đọc được ảnh trang \(page.number) của tài liệu \(id): \(error)")
            }
            let encoded: PDFImage
            do {
                encoded = try Self.pdfImage(image, scan: url, page: page.number, quality: options.jpegQuality)
            } catch {
                throw HosoError(.unavailable, "Trang \(page.number) của tài liệu \(id): \(error)")
            }
            // "rotate90" / "rotate180" / "rotate270": clockwise turns OCR applied to read the page.
            let turn = page.preprocessing.compactMap { $0.hasPrefix("rotate") ? Int($0.dropFirst(6)) : nil }.first ?? 0
            out.append(PDFPage(image: encoded, resolution: Double(image.resolution), words: page.words, text: page.text,
                               sourceWidth: page.width, sourceHeight: page.height, rotation: turn / 90))
        }
        return (document, out)
    }

    /// Writes the two-layer PDF of one document to `url` (atomically).
    public func exportPDF(id: String, role: Role, to url: URL, options: PDFExportOptions = PDFExportOptions()) throws {
        let data = try exportPDF(id: id, role: role, options: options)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw HosoError(.usage, "Không ghi được tệp \(url.path)")
        }
    }

    /// The documents the role may see, of one file (hồ sơ) or of the whole archive, in id order.
    /// An unknown file and a file with nothing the role may see answer alike (`notFound`).
    public func exportableDocumentIDs(role: Role, fileID: String? = nil) throws -> [String] {
        if let fileID {
            let visible = try store.documents(inFile: fileID).filter { role.canSee($0.access) }.map(\.id)
            guard !visible.isEmpty else { throw HosoError(.notFound, "Không tìm thấy hồ sơ \(fileID)") }
            return visible
        }
        let ids = try store.allDocumentIDs()
        return try store.documents(ids: ids).filter { role.canSee($0.access) }.map(\.id)
    }

    /// The original JPEG bytes when the scan is itself a JPEG of this size (no second compression);
    /// otherwise the decoded image, encoded again.
    static func pdfImage(_ image: PageImage, scan: URL, page: Int, quality: Int) throws -> PDFImage {
        if page == 1, ["jpg", "jpeg"].contains(scan.pathExtension.lowercased()),
           let data = try? Data(contentsOf: scan), let jpeg = try? PDFImage.jpeg(data),
           jpeg.width == image.width, jpeg.height == image.height {
            return jpeg
        }
        if scan.pathExtension.lowercased() == "pdf",
           let jpeg = originalJPEG(pdf: scan, page: page), jpeg.width == image.width, jpeg.height == image.height {
            return jpeg
        }
        return try PDFImage.encode(image, jpegQuality: quality)
    }

    /// The JPEG stream of a PDF page that is exactly one JPEG image, as it is (`pdfimages -j`);
    /// nil for anything else (the page is then encoded again from the decoded image).
    static func originalJPEG(pdf: URL, page: Int) -> PDFImage? {
        guard let listing = runTool("pdfimages", ["-f", "\(page)", "-l", "\(page)", "-list", pdf.path]) else { return nil }
        let rows = String(decoding: listing, as: UTF8.self).split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true) }
            .filter { $0.count >= 9 && Int($0[0]) == page }
        guard rows.count == 1, rows[0][2] == "image", rows[0][8] == "jpeg" else { return nil }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-pdfj-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: tmp) }
        guard runTool("pdfimages", ["-f", "\(page)", "-l", "\(page)", "-j", pdf.path, tmp.appendingPathComponent("img").path]) != nil,
              let name = (try? FileManager.default.contentsOfDirectory(atPath: tmp.path))?.sorted().first,
              name.hasSuffix(".jpg"), let data = try? Data(contentsOf: tmp.appendingPathComponent(name)) else { return nil }
        return try? PDFImage.jpeg(data)
    }

    /// Runs a poppler tool; its standard output, or nil when it cannot run or fails.
    static func runTool(_ name: String, _ arguments: [String]) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }
}
