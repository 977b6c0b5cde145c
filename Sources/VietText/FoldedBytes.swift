import Foundation

extension VietNormalizer {
    /// `Array(fold(s).utf8)` straight from the UTF-8 of `s`, without building a String: the result page
    /// folds every page of every hit to rank them. Nil when `s` holds a scalar the folding table does not
    /// know (the caller then folds the slow way; `ReferenceAnalysisTests` hold both to the same answer).
    public static func foldedUTF8(_ s: String) -> [UInt8]? {
        foldUTF8(s, origins: false)?.bytes
    }

    /// The lower-cased folded UTF-8 of `s` (as `fold`) with, for each of its bytes, the UTF-8 offset in `s`
    /// of the scalar it comes from: to find in the original text what was found in the folded one. Nil when
    /// `s` holds a scalar the folding table does not know (the caller then takes a slower path).
    public static func foldedWithOrigins(_ s: String) -> (bytes: [UInt8], origins: [Int32])? {
        foldUTF8(s, origins: true)
    }

    private static func foldUTF8(_ s: String, origins wantOrigins: Bool) -> (bytes: [UInt8], origins: [Int32])? {
        var s = s
        return s.withUTF8 { b -> (bytes: [UInt8], origins: [Int32])? in
            var bytes: [UInt8] = []
            var origins: [Int32] = []
            bytes.reserveCapacity(b.count)
            if wantOrigins { origins.reserveCapacity(b.count) }
            let table = FoldTable.shared
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    bytes.append(asciiFold(c, lower: true))
                    if wantOrigins { origins.append(Int32(i)) }
                    i += 1
                    continue
                }
                // A String's UTF-8 is valid: the lead byte tells the length.
                let v: UInt32, length: Int
                if c < 0xE0 {
                    v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F); length = 2
                } else if c < 0xF0 {
                    v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F); length = 3
                } else {
                    v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
                        | UInt32(b[i + 3] & 0x3F); length = 4
                }
                guard let entry = table.entry(v) else { return nil }
                bytes.append(contentsOf: entry.lower)
                if wantOrigins { for _ in entry.lower { origins.append(Int32(i)) } }
                i += length
            }
            return (bytes, origins)
        }
    }
}
