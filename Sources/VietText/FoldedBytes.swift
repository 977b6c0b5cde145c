import Foundation

extension VietNormalizer {
    /// `Array(fold(s).utf8)` straight from the UTF-8 of `s`, without building a String: the result page
    /// folds every page of every hit to rank them. Nil when `s` holds a scalar the folding table does not
    /// know (the caller then folds the slow way; `ReferenceAnalysisTests` hold both to the same answer).
    public static func foldedUTF8(_ s: String) -> [UInt8]? {
        var composed = false
        return foldedUTF8(s, composed: &composed)
    }

    /// `foldedUTF8`, and whether `s` is NFC by the quick check of `nfc` (then `nfc(s)` is `s` itself): the
    /// result page learns both in one pass over a page. Where the folded bytes come from in `s`:
    /// `foldOrigins`.
    public static func foldedUTF8(_ s: String, composed isComposed: inout Bool) -> [UInt8]? {
        var s = s
        return s.withUTF8 { fold(utf8: $0, validating: false, composed: &isComposed) }
    }

    /// `foldedUTF8` of bytes that should be UTF-8 but were never checked (a page's text as the catalogue
    /// stores it): the result page folds every page of every hit, and making each a String first cost more than
    /// the fold (the String's validation). Nil when the bytes are not valid UTF-8 (`String(validating:)` would
    /// refuse them) or hold a scalar the table does not know.
    public static func foldedUTF8(bytes: UnsafeBufferPointer<UInt8>, composed isComposed: inout Bool) -> [UInt8]? {
        fold(utf8: bytes, validating: true, composed: &isComposed)
    }

    @inline(__always)
    private static func fold(utf8 b: UnsafeBufferPointer<UInt8>, validating: Bool, composed isComposed: inout Bool) -> [UInt8]? {
        var composed = true
        let n = b.count
        // Each scalar's folded form is at most `maxRatio` times its UTF-8 length.
        let table = FoldTable.shared
        let capacity = n * table.maxRatio + 8
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var o = 0
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    out[o] = asciiFold(c, lower: true)
                    o += 1
                    i += 1
                    continue
                }
                let v: UInt32, length: Int
                if validating {
                    guard let decoded = validScalar(b, at: i) else { complete = false; break }
                    (v, length) = decoded
                } else {
                    (v, length) = scalar(b, at: i)
                }
                if composed, !isStableInNFC(v) { composed = false }
                var packed = table.packed(v, lower: true)
                if packed != 0 {
                    for _ in 0..<(Int(packed >> 56) - 1) {
                        out[o] = UInt8(truncatingIfNeeded: packed)
                        packed >>= 8
                        o += 1
                    }
                } else {
                    // Not in the table (the caller folds the slow way), or folding to more bytes than a
                    // packed form holds.
                    guard let entry = table.entry(v), o + entry.lower.count <= capacity else {
                        complete = false
                        break
                    }
                    for byte in entry.lower {
                        out[o] = byte
                        o += 1
                    }
                }
                i += length
            }
            count = o
        }
        isComposed = composed
        return complete ? bytes : nil
    }

    /// The scalar whose UTF-8 starts at `i` (a byte of 0x80 or more) and its length, or nil where the bytes are
    /// not UTF-8: a stray continuation byte, a sequence cut short, an overlong form, a surrogate, beyond U+10FFFF.
    @inline(__always) static func validScalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int)? {
        let n = b.count
        @inline(__always) func trail(_ k: Int) -> UInt32? { k < n && b[k] & 0xC0 == 0x80 ? UInt32(b[k] & 0x3F) : nil }
        let c = b[i]
        switch c {
        case 0xC2...0xDF:
            guard let x = trail(i + 1) else { return nil }
            return (UInt32(c & 0x1F) << 6 | x, 2)
        case 0xE0...0xEF:
            guard let x = trail(i + 1), let y = trail(i + 2) else { return nil }
            let v = UInt32(c & 0x0F) << 12 | x << 6 | y
            guard v >= 0x800, v < 0xD800 || v > 0xDFFF else { return nil }
            return (v, 3)
        case 0xF0...0xF4:
            guard let x = trail(i + 1), let y = trail(i + 2), let z = trail(i + 3) else { return nil }
            let v = UInt32(c & 0x07) << 18 | x << 12 | y << 6 | z
            guard v >= 0x10000, v <= 0x10FFFF else { return nil }
            return (v, 4)
        default:
            return nil
        }
    }

    /// For positions in `foldedUTF8(s)` (ascending), the UTF-8 offset in `s` of the scalar each comes from:
    /// what `foldedWithOrigins` gives, for a few positions, without an array as long as the text. Nil when
    /// `s` holds a scalar the folding table does not know (as `foldedUTF8`).
    public static func foldOrigins(of positions: [Int], in s: String) -> [Int]? {
        guard !positions.isEmpty else { return [] }
        var s = s
        return s.withUTF8 { b -> [Int]? in
            var out: [Int] = []
            out.reserveCapacity(positions.count)
            let table = FoldTable.shared
            var next = 0            // index into positions
            var folded = 0          // folded bytes before the scalar at i
            var i = 0
            let n = b.count
            while i < n, next < positions.count {
                let c = b[i]
                let length: Int, foldedLength: Int
                if c < 0x80 {
                    length = 1; foldedLength = 1
                } else {
                    let v: UInt32
                    (v, length) = scalar(b, at: i)
                    let packed = table.packed(v, lower: true)
                    if packed != 0 {
                        foldedLength = Int(packed >> 56) - 1
                    } else {
                        guard let entry = table.entry(v) else { return nil }
                        foldedLength = entry.lower.count
                    }
                }
                folded += foldedLength
                while next < positions.count, positions[next] < folded { out.append(i); next += 1 }
                i += length
            }
            return out
        }
    }

    /// The scalar whose UTF-8 starts at `i` and its length in bytes. A String's UTF-8 is valid: the lead byte
    /// tells the length.
    @inlinable public static func scalar(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c < 0xE0 { return (UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0 { return (UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return (UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// Whether `s` is NFC by the quick check of `nfc`: only scalars that are composed and never combine.
    static func isStableInNFC(utf8 s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            var i = 0
            let n = b.count
            while i < n {
                let c = b[i]
                if c < 0xCC { i += c < 0x80 ? 1 : 2; continue }      // up to U+02FF
                let (v, length) = scalar(b, at: i)
                guard isStableInNFC(v) else { return false }
                i += length
            }
            return true
        }
    }
}
