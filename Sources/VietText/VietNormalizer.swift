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
        var lowered = s.precomposedStringWithCanonicalMapping.lowercased()
        if lowered.unicodeScalars.contains(where: { apostrophes.contains($0) }) {
            lowered = String(String.UnicodeScalarView(lowered.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
        }
        return canonicalToneWords(lowered)
    }

    /// Every diacritic removed, `đ` → `d`, lower-cased: "Quyết định" → "quyet dinh", "ĐẤT" → "dat".
    public static func fold(_ s: String) -> String {
        foldKeepingCase(s).lowercased()
    }

    /// Diacritics removed and `Đ` → `D`, `đ` → `d`, case kept: "QĐ-UBND" → "QD-UBND".
    public static func foldKeepingCase(_ s: String) -> String {
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

    /// Whether `s` carries any Vietnamese diacritic (tone, vowel mark or `đ`).
    public static func hasDiacritics(_ s: String) -> Bool {
        fold(s) != s.lowercased()
    }

    /// Apostrophe look-alikes used in Ê Đê and other Central Highlands names (`H’Hen`, `M‘gar`).
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{02BB}", "\u{0060}", "\u{00B4}", "\u{2032}"]

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
        toneCacheLock.lock()
        let hit = toneCache[word]
        toneCacheLock.unlock()
        if let hit { return hit }
        let result = canonicalTone(word)
        toneCacheLock.lock()
        if toneCache.count >= 100_000 { toneCache.removeAll(keepingCapacity: true) }
        toneCache[word] = result
        toneCacheLock.unlock()
        return result
    }

    private static let toneCacheLock = NSLock()
    nonisolated(unsafe) private static var toneCache: [String: String] = [:]

    static let vowelBases: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
    static let markedVowels: Set<Character> = ["ă", "â", "ê", "ô", "ơ", "ư"]

    /// Splits a lower-case precomposed letter into its base (keeping the vowel mark: `ệ` → `ê`) and tone.
    static func splitTone(_ ch: Character) -> (base: Character, tone: Unicode.Scalar?) {
        let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let tone = scalars.first(where: { toneMarks.contains($0) }) else { return (ch, nil) }
        let rest = String(String.UnicodeScalarView(scalars.filter { $0 != tone })).precomposedStringWithCanonicalMapping
        return (rest.first ?? ch, tone)
    }

    static func withTone(_ base: Character, _ tone: Unicode.Scalar) -> Character {
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
    static func tonePosition(_ bases: [Character]) -> Int? {
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
