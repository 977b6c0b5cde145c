import Foundation

/// The compact binary form of a page's words, stored in one blob: a format byte (1), a varint count,
/// then per word a varint UTF-8 length and the bytes, four zig-zag varints (x, y, width, height), and the
/// confidence as 8 little-endian bytes (IEEE 754 double, so it round-trips exactly).
package enum WordCodec {
    static let format: UInt8 = 1

    package static func encode(_ words: [StoredWord]) -> Data {
        var out: [UInt8] = [format]
        out.reserveCapacity(1 + words.count * 20)
        putVarint(UInt64(words.count), &out)
        for w in words {
            let text = Array(w.text.utf8)
            putVarint(UInt64(text.count), &out)
            out += text
            for v in [w.x, w.y, w.width, w.height] { putVarint(zigzag(Int64(v)), &out) }
            let bits = w.confidence.bitPattern
            for i in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        }
        return Data(out)
    }

    package static func decode(_ data: Data) throws -> [StoredWord] {
        let b = [UInt8](data)
        var i = 0
        let damaged = CatalogueError("Dữ liệu vị trí chữ của trang bị hỏng")
        guard b.first == format else { throw damaged }
        i = 1
        func varint() throws -> UInt64 {
            var result: UInt64 = 0, shift: UInt64 = 0
            while true {
                guard i < b.count, shift < 64 else { throw damaged }
                let byte = b[i]; i += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
        }
        let count = try varint()
        guard count <= UInt64(b.count) else { throw damaged }
        var words: [StoredWord] = []
        words.reserveCapacity(Int(count))
        for _ in 0..<count {
            let length = try varint()
            guard length <= UInt64(b.count - i) else { throw damaged }
            guard let text = String(bytes: b[i..<(i + Int(length))], encoding: .utf8) else { throw damaged }
            i += Int(length)
            var box: [Int] = []
            for _ in 0..<4 {
                let v = unzigzag(try varint())
                guard let n = Int(exactly: v) else { throw damaged }
                box.append(n)
            }
            guard b.count - i >= 8 else { throw damaged }
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= UInt64(b[i + k]) << (UInt64(k) * 8) }
            i += 8
            words.append(StoredWord(text: text, x: box[0], y: box[1], width: box[2], height: box[3], confidence: Double(bitPattern: bits)))
        }
        guard i == b.count else { throw damaged }
        return words
    }

    private static func putVarint(_ value: UInt64, _ out: inout [UInt8]) {
        var v = value
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
    }
    private static func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
    private static func unzigzag(_ v: UInt64) -> Int64 { Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1) }
}
