import Foundation

/// Vietnamese normalisation (chuẩn hóa): NFC, one canonical tone placement, case folding, and
/// diacritic folding. Both the index and the query go through the same functions.
public enum VietNormalizer {
    /// The five tone marks (dấu thanh) as combining characters: huyền, sắc, ngã, hỏi, nặng.
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// NFC, canonical tone placement (old style: `hòa`, `thúy`, `khỏe` — tone on the first vowel of
    /// open `oa`/`oe`/`uy`; `qu`/`gi` are initials; closed syllables such as `hoàng`, `thuyền` keep the
    /// tone on the last vowel), lower-cased. Keeps `đ`. Typographic apostrophes become `'`.
    public static func normalize(_ s: String) -> String {
        var lowered = nfc(s).lowercased()
        if lowered.unicodeScalars.contains(where: { apostrophes.contains($0) }) {
            lowered = String(String.UnicodeScalarView(lowered.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
        }
        return canonicalToneWords(lowered)
    }

    /// NFC (Unicode canonical composition). Text made only of characters that are already composed and
    /// never combine (Latin up to U+02FF, the precomposed Vietnamese letters U+1E00–U+1EFF, common
    /// punctuation) is returned as is, without Foundation's pass over it: recognised pages almost always are.
    public static func nfc(_ s: String) -> String {
        isStableInNFC(utf8: s) ? s : s.precomposedStringWithCanonicalMapping
    }

    /// Scalars with NFC_Quick_Check = Yes and combining class 0 (no singleton, no combining mark, no
    /// Hangul): a string made only of them is NFC, since nothing in it can compose with a neighbour.
    @inline(__always) static func isStableInNFC(_ v: UInt32) -> Bool {
        v < 0x0300 || (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v)
            || v == 0x20AB
    }

    /// Every diacritic removed, `đ` → `d`, lower-cased: "Quyết định" → "quyet dinh", "ĐẤT" → "dat".
    public static func fold(_ s: String) -> String {
        fastFold(s, lower: true) ?? decomposingFold(s).lowercased()
    }

    /// Diacritics removed and `Đ` → `D`, `đ` → `d`, case kept: "QĐ-UBND" → "QD-UBND".
    public static func foldKeepingCase(_ s: String) -> String {
        fastFold(s, lower: false) ?? decomposingFold(s)
    }

    /// The definition of folding: canonical decomposition, combining marks U+0300–U+036F dropped,
    /// `đ`/`Đ` (and look-alikes) to `d`/`D`, apostrophe look-alikes to `'`.
    static func decomposingFold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x00F0: out.append("d")        // đ, and ð (a common stand-in)
            case 0x0110, 0x00D0, 0x0189: out.append("D") // Đ, Ð, Ɖ
            default: out.append(apostrophes.contains(scalar) ? "'" : scalar)
            }
        }
        return String(out)
    }

    /// `decomposingFold` (lower-cased when `lower`) without Foundation, from a table of the Latin
    /// letters, combining marks and apostrophes; nil when `s` holds anything else (the caller then
    /// takes the decomposing path, so both give the same answer for every string).
    static func fastFold(_ s: String, lower: Bool) -> String? {
        var s = s
        let table = FoldTable.shared
        return s.withUTF8 { b -> String? in
            let n = b.count
            guard n > 0, let p = b.baseAddress else { return "" }
            var failed = false
            // Each scalar's folded form is at most `maxRatio` times its UTF-8 length.
            let folded = String(unsafeUninitializedCapacity: n * table.maxRatio) { out -> Int in
                var k = 0, o = 0
                while k < n {
                    let b0 = p[k]
                    if b0 < 0x80 { out[o] = asciiFold(b0, lower: lower); o += 1; k += 1; continue }
                    let (v, len) = scalar(b, at: k)
                    var packed = table.packed(v, lower: lower)
                    guard packed != 0 else { failed = true; return 0 }
                    var count = Int(packed >> 56) - 1
                    while count > 0 { out[o] = UInt8(truncatingIfNeeded: packed); packed >>= 8; o += 1; count -= 1 }
                    k += len
                }
                return o
            }
            return failed ? nil : folded
        }
    }

    @inline(__always) static func asciiFold(_ b: UInt8, lower: Bool) -> UInt8 {
        if b == 0x60 { return 0x27 }                                  // ` → '
        if lower, b >= 0x41, b <= 0x5A { return b + 0x20 }
        return b
    }

    /// Folded UTF-8 of each non-ASCII scalar the fast path knows: Latin-1 to Latin Extended-B,
    /// combining diacritics, Latin Extended Additional (all Vietnamese letters), apostrophe look-alikes.
    /// Each entry is computed once by `decomposingFold`, so the table cannot disagree with it.
    final class FoldTable: Sendable {
        static let shared = FoldTable()
        struct Entry: Sendable { var keep: [UInt8]; var lower: [UInt8] }
        static let ranges: [ClosedRange<UInt32>] = [0x0080...0x024F, 0x0300...0x036F, 0x1E00...0x1EFF]
        private let entries: [UInt32: Entry]

        init() {
            var e: [UInt32: Entry] = [:]
            let values = Self.ranges.flatMap { Array($0) } + VietNormalizer.apostrophes.map(\.value)
            for v in values {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let keep = VietNormalizer.decomposingFold(String(Character(scalar)))
                e[v] = Entry(keep: Array(keep.utf8), lower: Array(keep.lowercased().utf8))
            }
            entries = e
            flat = Self.ranges.map { r in r.map { e[$0] } }
            // The packed forms (0: not in the table, or too long to pack: the caller takes the slow path).
            let pack = Self.pack
            var lower: [UInt64] = [], keep: [UInt64] = []
            var ratio = 1
            for v: UInt32 in 0x80..<0x2000 {
                let entry = e[v]
                lower.append(entry.map { pack($0.lower) } ?? 0)
                keep.append(entry.map { pack($0.keep) } ?? 0)
                if let entry { ratio = max(ratio, (max(entry.lower.count, entry.keep.count) + 1) / 2) }
            }
            packedLower = lower
            packedKeep = keep
            for (v, entry) in e where v >= 0x2000 { ratio = max(ratio, (max(entry.lower.count, entry.keep.count) + 2) / 3) }
            maxRatio = ratio
        }

        /// Folded UTF-8 of the scalars below U+2000, packed: bytes from the lowest, length + 1 in the top byte.
        private let packedLower: [UInt64]
        private let packedKeep: [UInt64]
        /// The largest ratio of a folded form's length to its scalar's UTF-8 length.
        let maxRatio: Int

        /// The packed folded form of non-ASCII `v` (0 when `entry(v)` is nil or long).
        @inline(__always) func packed(_ v: UInt32, lower: Bool) -> UInt64 {
            if v < 0x2000 { return (lower ? packedLower : packedKeep)[Int(v) - 0x80] }
            guard let entry = entry(v) else { return 0 }
            return Self.pack(lower ? entry.lower : entry.keep)
        }

        /// A folded form packed in one word: bytes from the lowest, length + 1 in the top byte; 0 when longer
        /// than six bytes.
        static func pack(_ bytes: [UInt8]) -> UInt64 {
            guard bytes.count <= 6 else { return 0 }
            var x = UInt64(bytes.count + 1) << 56
            for (i, byte) in bytes.enumerated() { x |= UInt64(byte) << (8 * i) }
            return x
        }

        /// The entries of the ranges, by offset: looked up for every non-ASCII letter of every page.
        private let flat: [[Entry?]]

        @inline(__always) func entry(_ v: UInt32) -> Entry? {
            for (k, r) in Self.ranges.enumerated() where r.contains(v) { return flat[k][Int(v - r.lowerBound)] }
            return entries[v]
        }
    }

    /// Whether `s` carries any Vietnamese diacritic (tone, vowel mark or `đ`).
    public static func hasDiacritics(_ s: String) -> Bool {
        fold(s) != s.lowercased()
    }

    /// Apostrophe look-alikes used in Ê Đê and other Central Highlands names (`H’Hen`, `M‘gar`).
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{02BB}", "\u{0060}", "\u{00B4}", "\u{2032}"]

    // MARK: - Tokens

    /// `(normalize(raw), fold(raw))` of one token. ASCII tokens (numbers, `UBND`, unaccented words) are
    /// lower-cased in place; the others go through a shared cache (a fonds has a few tens of thousands of
    /// distinct accented words): analysis then costs a lookup per word. Bounded; safe from many threads.
    public static func normalizedAndFolded(_ raw: Substring) -> (text: String, folded: String) {
        var ascii = true, plain = true
        for b in raw.utf8 {
            if b >= 0x80 { ascii = false; break }
            if (b >= 0x41 && b <= 0x5A) || b == 0x60 { plain = false }
        }
        if ascii {
            if plain { let s = String(raw); return (s, s) }   // already lower case: nothing to fold
            var bytes = [UInt8](raw.utf8)
            for i in bytes.indices { bytes[i] = asciiFold(bytes[i], lower: true) }
            let s = String(decoding: bytes, as: UTF8.self)
            return (s, s)
        }
        return tokenCache.value(for: UTF8Key(String(raw))) { (normalize($0.string), fold($0.string)) }
    }

    private static let tokenCache = ThreadMemo<UTF8Key, (text: String, folded: String)>(limit: 100_000)

    // MARK: - Tone placement

    static func canonicalToneWords(_ s: String) -> String {
        var result = ""
        var word = ""
        for ch in s {
            if ch.isLetter { word.append(ch) } else {
                if !word.isEmpty { result += cachedCanonicalTone(word); word = "" }
                result.append(ch)
            }
        }
        if !word.isEmpty { result += cachedCanonicalTone(word) }
        return result
    }

    /// `canonicalTone` through a shared cache: Vietnamese has a few thousand syllables, and decomposing each
    /// occurrence was a quarter of the indexing time (perf, bench/scale). Bounded; safe from many threads.
    static func cachedCanonicalTone(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        return toneCache.value(for: word, compute: canonicalTone)
    }

    private static let toneCache = ThreadMemo<String, String>(limit: 100_000)

    static let vowelBases: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    static let markedVowels: Set<Character> = ["ă", "â", "ê", "ô", "ơ", "ư"]

    /// Splits a lower-case precomposed letter into its base (keeping the vowel mark: `ệ` → `ê`) and tone.
    static func splitTone(_ ch: Character) -> (base: Character, tone: Unicode.Scalar?) {
        let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let tone = scalars.first(where: { toneMarks.contains($0) }) else { return (ch, nil) }
        let rest = String(String.UnicodeScalarView(scalars.filter { $0 != tone })).precomposedStringWithCanonicalMapping
        return (rest.first ?? ch, tone)
    }

    public static func withTone(_ base: Character, _ tone: Unicode.Scalar) -> Character {
        var v = String(base).decomposedStringWithCanonicalMapping.unicodeScalars
        v.append(tone)
        return String(v).precomposedStringWithCanonicalMapping.first ?? base
    }

    /// Puts the tone of one lower-case word where the canonical (old) style wants it. Words that are
    /// not one Vietnamese syllable (no vowel, several vowel groups, two tones) are returned unchanged.
    static func canonicalTone(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        let chars = Array(word)
        guard chars.count >= 2, chars.count <= 8 else { return word }
        var bases: [Character] = []
        var tone: Unicode.Scalar? = nil
        var toneCount = 0
        for ch in chars {
            let (b, t) = splitTone(ch)
            bases.append(b)
            if let t { tone = t; toneCount += 1 }
        }
        guard toneCount == 1, let tone else { return word }
        guard let target = tonePosition(bases) else { return word }
        var out = bases
        out[target] = withTone(bases[target], tone)
        return String(out)
    }

    /// Index of the vowel that carries the tone in the canonical style, or nil when `bases` is not a
    /// single Vietnamese syllable.
    public static func tonePosition(_ bases: [Character]) -> Int? {
        // Vowel group: the single maximal run of vowel letters.
        guard let first = bases.firstIndex(where: { vowelBases.contains($0) }) else { return nil }
        var end = first
        while end < bases.count, vowelBases.contains(bases[end]) { end += 1 }
        if bases[end...].contains(where: { vowelBases.contains($0) }) { return nil }
        if bases[..<first].contains(where: { !$0.isASCII && $0 != "đ" }) { return nil }
        var start = first
        // `qu` + vowel and `gi` + vowel: the u / i belongs to the initial.
        if start > 0, bases[start - 1] == "q", bases[start] == "u", end - start >= 2 { start += 1 }
        else if start > 0, bases[start - 1] == "g", bases[start] == "i", end - start >= 2, first == 1 { start += 1 }
        let group = Array(bases[start..<end])
        let closed = end < bases.count
        if let lastMarked = group.lastIndex(where: { markedVowels.contains($0) }) {
            return start + lastMarked
        }
        switch group.count {
        case 1: return start
        case 2: return closed ? start + 1 : start   // hòa, thúy, mùa / hoàng, toán
        case 3: return start + 1                    // ngoài, khuỷu, ngoẹo
        default: return nil
        }
    }
}

/// A memo per thread (no lock: indexing runs one partition per core, and a shared memo's lock was taken
/// for every token): values computed once per key and thread, forgotten all at once when `limit` keys are
/// held (a bound against OCR noise, far above a fonds' vocabulary).
final class ThreadMemo<Key: Hashable, Value>: @unchecked Sendable {
    private final class Memo { var values: [Key: Value] = [:] }
    private var slot = pthread_key_t()
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
        pthread_key_create(&slot) { pointer in
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        }
    }

    private var memo: Memo {
        if let pointer = pthread_getspecific(slot) { return Unmanaged<Memo>.fromOpaque(pointer).takeUnretainedValue() }
        let memo = Memo()
        pthread_setspecific(slot, Unmanaged.passRetained(memo).toOpaque())
        return memo
    }

    func value(for key: Key, compute: (Key) -> Value) -> Value {
        let memo = self.memo
        if let hit = memo.values[key] { return hit }
        let value = compute(key)
        if memo.values.count >= limit { memo.values.removeAll(keepingCapacity: true) }
        memo.values[key] = value
        return value
    }
}

/// A string as a dictionary key hashed and compared by its UTF-8 bytes: for text already normalized (or
/// taken exactly as it came), where String's own hashing would normalize every non-ASCII key again. The
/// bytes are hashed once, when the key is made (a key kept, as `countIndexTerms` keeps each term's, is
/// hashed again for nothing but the 8 bytes of that code).
public struct UTF8Key: Hashable, Sendable {
    public let string: String
    /// FNV-1a of the UTF-8 bytes.
    public let code: UInt64
    public init(_ string: String) {
        self.string = string
        var s = string
        code = s.withUTF8 { UTF8Key.code($0.baseAddress, $0.count) }
    }
    public static func == (a: UTF8Key, b: UTF8Key) -> Bool { a.code == b.code && a.string.utf8Equals(b.string) }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    @inline(__always) static func code(_ p: UnsafePointer<UInt8>?, _ n: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        guard let p else { return h }
        for k in 0..<n { h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation's bridging when there is
    /// nothing to trim (the usual case): metadata cells are trimmed for every document indexed.
    public func trimmingWhitespace() -> String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension String {
    /// Byte equality of the UTF-8 forms (memcmp): for strings already in NFC, where String's `==` would
    /// walk canonical equivalence.
    @inline(__always)
    public func utf8Equals(_ other: String) -> Bool {
        var a = self, b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }
}
