import Foundation

/// Vietnamese normalisation: NFC, one canonical tone placement, case folding, and diacritic folding.
public enum VietNormalizer {
    /// Tone marks (combining) that can sit on a Vietnamese vowel.
    static let toneMarks: Set<Unicode.Scalar> = ["\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}", "\u{0323}"]

    /// NFC, canonical tone placement (old style: `hòa`, `thúy`, `khỏe`), lower-cased. Keeps `đ`.
    public static func normalize(_ s: String) -> String {
        let lowered = s.precomposedStringWithCanonicalMapping.lowercased()
        return canonicalToneWords(lowered).precomposedStringWithCanonicalMapping
    }

    /// `normalize`, then every diacritic removed and `đ` → `d`: "Quyết định" → "quyet dinh".
    public static func fold(_ s: String) -> String {
        let decomposed = s.lowercased().decomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111, 0x0110: out.append("d")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Moves a tone mark from the second to the first vowel of open `oa`, `oe`, `uy` syllables
    /// (`hoà` → `hòa`, `thuý` → `thúy`), word by word. `qu` + vowel keeps its tone where it is.
    static func canonicalToneWords(_ s: String) -> String {
        var result = ""
        var word = ""
        for ch in s {
            if ch.isLetter { word.append(ch) } else {
                result += canonicalTone(word); word = ""; result.append(ch)
            }
        }
        result += canonicalTone(word)
        return result
    }

    static func canonicalTone(_ word: String) -> String {
        guard word.count >= 2 && word.count <= 7 else { return word }
        let scalars = Array(word.decomposedStringWithCanonicalMapping.unicodeScalars)
        // Find base letters with their marks.
        var letters: [(base: Unicode.Scalar, marks: [Unicode.Scalar])] = []
        for sc in scalars {
            if sc.value >= 0x0300 && sc.value <= 0x036F, !letters.isEmpty { letters[letters.count - 1].marks.append(sc) } else { letters.append((sc, [])) }
        }
        let bases = letters.map { Character($0.base) }
        for i in 0..<(letters.count - 1) {
            let pair = String([bases[i], bases[i + 1]])
            guard pair == "oa" || pair == "oe" || pair == "uy" else { continue }
            guard i + 2 == letters.count else { return word } // closed syllable: tone stays on the second vowel
            if pair == "uy", i > 0, bases[i - 1] == "q" { return word }
            guard let tone = letters[i + 1].marks.first(where: { toneMarks.contains($0) }),
                  !letters[i].marks.contains(where: { toneMarks.contains($0) }),
                  letters[i + 1].marks.count == 1 else { return word }
            letters[i + 1].marks.removeAll { $0 == tone }
            letters[i].marks.append(tone)
            var out = String.UnicodeScalarView()
            for l in letters { out.append(l.base); out.append(contentsOf: l.marks) }
            return String(out).precomposedStringWithCanonicalMapping
        }
        return word
    }
}
