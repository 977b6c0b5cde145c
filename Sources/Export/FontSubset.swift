import Foundation

/// A TrueType font cut down to the glyphs a file prints: every other glyph's outline emptied, glyph ids unchanged
/// (the marks' codes, widths and ToUnicode stay as they are), the tables a PDF renderer does not read for a
/// CIDFontType2 dropped (layout, kerning, device metrics, signatures; glyph names).
enum FontSubset {
    /// The tables kept: what the glyphs are drawn and measured with, hinting included, and the font's names.
    static let kept: Set<String> = ["head", "hhea", "hmtx", "maxp", "loca", "glyf", "cmap", "cvt ", "fpgm", "prep", "OS/2", "name", "post", "gasp"]

    /// The subset of `font` holding `glyphs` (glyph 0 and the components of composite glyphs added).
    static func subset(_ font: Data, keeping glyphs: Set<UInt16>) throws -> Data {
        let b = [UInt8](font)
        func u16(_ at: Int) throws -> Int {
            guard at >= 0, at + 2 <= b.count else { throw FontError("Tệp phông chữ bị cắt cụt") }
            return Int(b[at]) << 8 | Int(b[at + 1])
        }
        func u32(_ at: Int) throws -> Int { try u16(at) << 16 | u16(at + 2) }
        var tables: [String: Range<Int>] = [:]
        for i in 0..<(try u16(4)) {
            let at = 12 + 16 * i
            guard at + 16 <= b.count else { throw FontError("Bảng phông chữ hỏng") }
            let offset = try u32(at + 8), length = try u32(at + 12)
            guard offset + length <= b.count else { throw FontError("Bảng phông chữ hỏng") }
            tables[String(decoding: b[at..<(at + 4)], as: UTF8.self)] = offset..<(offset + length)
        }
        guard let head = tables["head"], let maxp = tables["maxp"], let loca = tables["loca"], let glyf = tables["glyf"],
              head.count >= 54 else {
            throw FontError("Phông chữ thiếu bảng head, maxp, loca hoặc glyf")
        }
        let count = try u16(maxp.lowerBound + 4)
        let longOffsets = try u16(head.lowerBound + 50) == 1
        func outline(_ g: Int) throws -> Range<Int> {
            let start = longOffsets ? try u32(loca.lowerBound + 4 * g) : 2 * (try u16(loca.lowerBound + 2 * g))
            let end = longOffsets ? try u32(loca.lowerBound + 4 * g + 4) : 2 * (try u16(loca.lowerBound + 2 * g + 2))
            guard start <= end, glyf.lowerBound + end <= glyf.upperBound else { throw FontError("Bảng glyf của phông chữ hỏng") }
            return (glyf.lowerBound + start)..<(glyf.lowerBound + end)
        }

        // The glyphs kept, with the components of composite glyphs (accented letters are often built of two).
        var keep = Set([0]), pending = glyphs.map(Int.init).filter { $0 < count }
        while let g = pending.popLast() {
            guard keep.insert(g).inserted || g == 0 else { continue }
            let range = try outline(g)
            guard range.count >= 10, try u16(range.lowerBound) >= 0x8000 else { continue }   // numberOfContours < 0
            var at = range.lowerBound + 10
            while at + 4 <= range.upperBound {
                let flags = try u16(at), component = try u16(at + 2)
                if component < count, !keep.contains(component) { pending.append(component) }
                at += 4 + (flags & 0x0001 != 0 ? 4 : 2)                               // ARG_1_AND_2_ARE_WORDS
                at += flags & 0x0008 != 0 ? 2 : flags & 0x0040 != 0 ? 4 : flags & 0x0080 != 0 ? 8 : 0   // the scale
                guard flags & 0x0020 != 0 else { break }                               // MORE_COMPONENTS
            }
        }

        var newGlyf: [UInt8] = [], newLoca: [UInt8] = []
        func put32(_ v: Int, _ out: inout [UInt8]) { out += [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        for g in 0..<count {
            put32(newGlyf.count, &newLoca)
            guard keep.contains(g) else { continue }
            newGlyf += b[try outline(g)]
            while newGlyf.count % 4 != 0 { newGlyf.append(0) }
        }
        put32(newGlyf.count, &newLoca)

        var out: [String: [UInt8]] = [:]
        for (tag, range) in tables where kept.contains(tag) { out[tag] = Array(b[range]) }
        out["glyf"] = newGlyf
        out["loca"] = newLoca
        out["head"]![50] = 0; out["head"]![51] = 1                                     // indexToLocFormat: long
        out["head"]!.replaceSubrange(8..<12, with: [0, 0, 0, 0])                         // checkSumAdjustment, set below
        if let post = out["post"], post.count >= 32 { out["post"] = [0, 3, 0, 0] + post[4..<32] }   // format 3: no glyph names
        return Data(assemble(out))
    }

    /// A font file from its tables: the table directory sorted by tag, each table 4-byte aligned with its checksum,
    /// and the head table's checksum adjustment.
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
            var sum: UInt32 = 0, word: UInt32 = 0, n = 0
            for byte in bytes {
                word = word << 8 | UInt32(byte); n += 1
                if n == 4 { sum &+= word; word = 0; n = 0 }
            }
            if n > 0 { sum &+= word << (8 * UInt32(4 - n)) }
            return sum
        }
        func put(_ v: UInt32, _ bytes: Int, _ out: inout [UInt8]) {
            for i in (0..<bytes).reversed() { out.append(UInt8(v >> (8 * UInt32(i)) & 0xFF)) }
        }
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var power = 1, log = 0
        while power * 2 <= tags.count { power *= 2; log += 1 }
        var file: [UInt8] = []
        put(0x0001_0000, 4, &file)
        for v in [tags.count, 16 * power, log, 16 * (tags.count - power)] { put(UInt32(v), 2, &file) }
        var offset = 12 + 16 * tags.count, body: [UInt8] = [], headAt = 0
        for tag in tags {
            let data = tables[tag]!
            file += Array(tag.utf8)
            put(checksum(data), 4, &file); put(UInt32(offset), 4, &file); put(UInt32(data.count), 4, &file)
            if tag == "head" { headAt = offset }
            body += data
            while body.count % 4 != 0 { body.append(0) }
            offset = 12 + 16 * tags.count + body.count
        }
        file += body
        let adjustment = 0xB1B0_AFBA &- checksum(file)
        for i in 0..<4 { file[headAt + 8 + i] = UInt8(adjustment >> (8 * UInt32(3 - i)) & 0xFF) }
        return file
    }
}
