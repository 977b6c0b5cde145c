import Foundation

/// Why the font of the visible marks could not be used.
public struct FontError: Error, CustomStringConvertible, Equatable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// What a PDF needs of a TrueType font to set visible text in it: the glyph of each character (cmap),
/// the advance widths (hmtx) and the metrics of its font descriptor (head, hhea, OS/2). The file is
/// embedded (FontFile2) cut down to the glyphs a copy prints (`FontSubset`): the marks are set in Identity-H
/// with glyph ids as character codes.
public struct TrueTypeFont: Sendable {
    public let data: Data
    /// The PostScript-safe name the PDF gives it (`/BaseFont`).
    public let name: String
    /// Embeds the whole file instead of the glyphs used (a copy a tool may add text to later).
    public var embedsWholeFile = false
    let unitsPerEm: Int
    let glyphsByScalar: [UInt32: UInt16]
    let advances: [UInt16]
    let ascent: Int, descent: Int, capHeight: Int
    let bbox: (Int, Int, Int, Int)

    /// Fonts tried in order when the operator names none: Times-metric serif faces shipped by Debian
    /// (`fonts-liberation2`, `fonts-liberation`) that carry every Vietnamese letter.
    public static let candidates = [
        "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    ]

    /// The font at `path`, or the first of `candidates` that exists.
    public static func load(path: String? = nil) throws -> TrueTypeFont {
        let paths = path.map { [$0] } ?? candidates
        for p in paths where FileManager.default.fileExists(atPath: p) {
            guard let data = FileManager.default.contents(atPath: p) else { throw FontError("Không đọc được phông chữ \(p)") }
            let base = URL(fileURLWithPath: p).deletingPathExtension().lastPathComponent
            return try TrueTypeFont(data: data, name: base)
        }
        throw FontError("Không có phông chữ Times (Liberation Serif) để in dấu bản sao: cài gói fonts-liberation2 "
                        + "(scripts/setup.sh) hoặc đặt HOSO_COPY_FONT là đường dẫn một tệp .ttf")
    }

    public init(data: Data, name: String) throws {
        let b = [UInt8](data)
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= b.count else { throw FontError("Tệp phông chữ bị cắt cụt") }
            return Int(b[at]) << 8 | Int(b[at + 1])
        }
        func i16(_ at: Int) throws -> Int { let v = try u16(at); return v >= 0x8000 ? v - 0x10000 : v }
        func u32(_ at: Int) throws -> Int { try u16(at) << 16 | u16(at + 2) }

        guard try [0x0001_0000, 0x7472_7565].contains(u32(0)) else { throw FontError("Không phải phông TrueType (.ttf)") }
        var tables: [String: Int] = [:]
        for i in 0..<(try u16(4)) {
            let at = 12 + 16 * i
            guard at + 16 <= b.count else { throw FontError("Bảng phông chữ hỏng") }
            tables[String(decoding: b[at..<(at + 4)], as: UTF8.self)] = try u32(at + 8)
        }
        guard let head = tables["head"], let hhea = tables["hhea"], let hmtx = tables["hmtx"],
              let maxp = tables["maxp"], let cmap = tables["cmap"], tables["glyf"] != nil else {
            throw FontError("Phông chữ thiếu bảng head, hhea, hmtx, maxp, cmap hoặc glyf")
        }
        unitsPerEm = max(try u16(head + 18), 16)
        bbox = (try i16(head + 36), try i16(head + 38), try i16(head + 40), try i16(head + 42))
        let ascender = try i16(hhea + 4)
        ascent = ascender
        descent = try i16(hhea + 6)
        var cap = ascender
        if let os2 = tables["OS/2"], try u16(os2) >= 2 { cap = try i16(os2 + 88) }
        capHeight = cap
        let glyphCount = try u16(maxp + 4)
        let metrics = max(try u16(hhea + 34), 1)
        var advances: [UInt16] = []
        advances.reserveCapacity(glyphCount)
        for g in 0..<glyphCount { advances.append(UInt16(try u16(hmtx + 4 * min(g, metrics - 1)))) }
        self.advances = advances

        // Unicode subtables: format 12 (full range) preferred over format 4 (Basic Multilingual Plane).
        var format4: Int?, format12: Int?
        for i in 0..<(try u16(cmap + 2)) {
            let platform = try u16(cmap + 4 + 8 * i), encoding = try u16(cmap + 6 + 8 * i)
            let sub = cmap + (try u32(cmap + 8 + 8 * i))
            let format = try u16(sub)
            if platform == 3 && encoding == 10 && format == 12 || platform == 0 && format == 12 { format12 = format12 ?? sub }
            if platform == 3 && encoding == 1 && format == 4 || platform == 0 && format == 4 { format4 = format4 ?? sub }
        }
        var map: [UInt32: UInt16] = [:]
        if let sub = format12 {
            for g in 0..<(try u32(sub + 12)) {
                let at = sub + 16 + 12 * g
                let start = try u32(at), end = try u32(at + 4), glyph = try u32(at + 8)
                guard end >= start, end - start < 0x11_0000 else { continue }
                for c in start...end where glyph + c - start < glyphCount { map[UInt32(c)] = UInt16(glyph + c - start) }
            }
        } else if let sub = format4 {
            let segments = try u16(sub + 6) / 2
            let ends = sub + 14, starts = ends + 2 * segments + 2
            let deltas = starts + 2 * segments, offsets = deltas + 2 * segments
            for s in 0..<segments {
                let end = try u16(ends + 2 * s), start = try u16(starts + 2 * s)
                let delta = try u16(deltas + 2 * s), rangeOffset = try u16(offsets + 2 * s)
                guard start <= end, end != 0xFFFF || start != 0xFFFF else { continue }
                for c in start...end where c != 0xFFFF {
                    var glyph: Int
                    if rangeOffset == 0 {
                        glyph = (c + delta) & 0xFFFF
                    } else {
                        glyph = try u16(offsets + 2 * s + rangeOffset + 2 * (c - start))
                        if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                    }
                    if glyph != 0 && glyph < glyphCount { map[UInt32(c)] = UInt16(glyph) }
                }
            }
        } else {
            throw FontError("Phông chữ không có bảng mã Unicode")
        }
        glyphsByScalar = map
        self.data = data
        self.name = String(String.UnicodeScalarView(name.unicodeScalars.filter {
            $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-")
        }))
    }

    /// The glyphs of a text (NFC), or the characters the font lacks.
    func glyphs(_ text: String) throws -> [UInt16] {
        var out: [UInt16] = [], missing: [String] = []
        for s in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if let g = glyphsByScalar[s.value] { out.append(g) } else { missing.append(String(s)) }
        }
        guard missing.isEmpty else { throw FontError("Phông chữ \(name) không có chữ: \(missing.joined(separator: " "))") }
        return out
    }

    /// A glyph's advance in 1/1000 of the font size (PDF glyph space).
    func width(_ glyph: UInt16) -> Double {
        Double(Int(glyph) < advances.count ? advances[Int(glyph)] : 0) * 1000 / Double(unitsPerEm)
    }

    /// A value in font units in 1/1000 of the font size.
    func scaled(_ v: Int) -> Int { Int((Double(v) * 1000 / Double(unitsPerEm)).rounded()) }
}
