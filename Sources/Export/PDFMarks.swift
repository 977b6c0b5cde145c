import Foundation

/// A visible line of text printed on a page of a copy (dấu bản sao), black, upright, in the marks' font.
public struct PDFMark: Sendable, Equatable {
    public enum Place: Sendable, Equatable {
        /// Top right of the page: `BẢN SAO` on the first page of a bản sao.
        case topRight
        /// Bottom centre: the archive's name on every page.
        case bottomCentre
    }

    public var text: String
    public var place: Place
    /// Font size in points.
    public var size: Double

    public init(_ text: String, at place: Place, size: Double = 10) {
        self.text = text.precomposedStringWithCanonicalMapping
        self.place = place
        self.size = size
    }

    /// Distance of a mark from the page's edges, in points (1 cm).
    static let margin = 28.35
}

/// The marks of a file: their operators on each page and the font objects they share.
struct PDFMarkLayout {
    let font: TrueTypeFont
    /// Every glyph used, with the character it stands for (ToUnicode).
    private(set) var used: [UInt16: UInt32] = [:]

    init(font: TrueTypeFont) { self.font = font }

    /// The operators that print `marks` on a page `width` × `height` points (the upright page), as
    /// text in render mode 0, filled black (DeviceRGB under the sRGB output intent).
    mutating func operators(_ marks: [PDFMark], width: Double, height: Double) throws -> String {
        var s = ""
        for mark in marks where !mark.text.isEmpty {
            let glyphs = try font.glyphs(mark.text)
            for (g, scalar) in zip(glyphs, mark.text.unicodeScalars) { used[g] = scalar.value }
            let advance = glyphs.reduce(0) { $0 + font.width($1) } * mark.size / 1000
            let ascent = Double(font.scaled(font.ascent)) * mark.size / 1000
            let descent = Double(-font.scaled(font.descent)) * mark.size / 1000
            let x: Double, baseline: Double
            switch mark.place {
            case .topRight:
                x = width - PDFMark.margin - advance
                baseline = height - PDFMark.margin - ascent
            case .bottomCentre:
                x = (width - advance) / 2
                baseline = PDFMark.margin + descent
            }
            var bytes = Data()
            for g in glyphs { bytes.append(UInt8(g >> 8)); bytes.append(UInt8(g & 0xFF)) }
            s += "BT 0 Tr 0 0 0 rg /F1 \(PDFSyntax.number(mark.size)) Tf 100 Tz "
                + "1 0 0 1 \(PDFSyntax.number(x)) \(PDFSyntax.number(baseline)) Tm <\(PDFSyntax.hex(bytes))> Tj ET\n"
        }
        return s
    }

    /// Writes the font (`/F1`): a Type 0 font over the embedded TrueType file cut down to the glyphs used
    /// (`FontSubset`; the whole file when asked or when it cannot be cut), glyph ids as codes (Identity-H, CIDToGIDMap
    /// Identity), the widths of the glyphs used, a ToUnicode map for them.
    func write(_ w: inout PDFWriter, font fontID: Int) {
        let cidFont = w.reserve(), descriptor = w.reserve(), file = w.reserve(), toUnicode = w.reserve()
        let subset = font.embedsWholeFile ? nil : try? FontSubset.subset(font.data, keeping: Set(used.keys))
        let base = font.name.isEmpty ? "MarkFont" : font.name
        let name = subset == nil ? base : subsetTag() + "+" + base
        let embedded = subset ?? font.data
        w.object(fontID, "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
                 + "/DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        let widths = used.keys.sorted().map { "\($0) [\(PDFSyntax.number(font.width($0)))]" }.joined(separator: " ")
        w.object(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
                 + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                 + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W [\(widths)] /CIDToGIDMap /Identity >>")
        let (x0, y0, x1, y1) = font.bbox
        w.object(descriptor, "<< /Type /FontDescriptor /FontName /\(name) /Flags 34 "
                 + "/FontBBox [\(font.scaled(x0)) \(font.scaled(y0)) \(font.scaled(x1)) \(font.scaled(y1))] "
                 + "/ItalicAngle 0 /Ascent \(font.scaled(font.ascent)) /Descent \(font.scaled(font.descent)) "
                 + "/CapHeight \(font.scaled(font.capHeight)) /StemV 80 /FontFile2 \(file) 0 R >>")
        w.flateStream(file, "/Length1 \(embedded.count)", embedded)
        w.flateStream(toUnicode, "", toUnicodeCMap())
    }

    /// The six capital letters a subset font's name begins with (PDF 32000 9.6.4), from the glyphs it holds.
    func subsetTag() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for g in used.keys.sorted() { hash = (hash ^ UInt64(g)) &* 0x100_0000_01b3 }
        return String((0..<6).map { i in Character(Unicode.Scalar(UInt8(65 + (hash >> (8 * UInt64(i))) % 26))) })
    }

    /// ToUnicode: each glyph used to its character (UTF-16BE).
    func toUnicodeCMap() -> Data {
        var entries: [String] = []
        for (glyph, scalar) in used.sorted(by: { $0.key < $1.key }) {
            guard let u = Unicode.Scalar(scalar) else { continue }
            let units = String(Character(u)).utf16.map { String(format: "%04X", $0) }.joined()
            entries.append(String(format: "<%04X> <", glyph) + units + ">")
        }
        return PDFResources.toUnicode(entries, kind: "bfchar")
    }
}
