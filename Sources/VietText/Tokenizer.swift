import Foundation

/// One token of analysed text: a syllable, a number or an identifier.
public struct Token: Hashable, Sendable {
    public var text: String
    public var folded: String
    public var position: Int
    public var range: Range<String.Index>
}

/// Splits text into syllables and numbers. Identifiers such as `1605/QĐ-UBND` are kept whole.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        let nfc = text.precomposedStringWithCanonicalMapping
        var tokens: [Token] = []
        var start: String.Index? = nil
        var idx = nfc.startIndex
        func flush(_ end: String.Index) {
            guard let s = start else { return }
            var r = s..<end
            // Trim joiners that do not belong to the token.
            while r.lowerBound < r.upperBound, "/-.'’".contains(nfc[nfc.index(before: r.upperBound)]) {
                r = r.lowerBound..<nfc.index(before: r.upperBound)
            }
            if !r.isEmpty {
                let raw = String(nfc[r])
                tokens.append(Token(text: VietNormalizer.normalize(raw), folded: VietNormalizer.fold(raw), position: tokens.count, range: r))
            }
            start = nil
        }
        while idx < nfc.endIndex {
            let ch = nfc[idx]
            if ch.isLetter || ch.isNumber {
                if start == nil { start = idx }
            } else if start != nil, "/-.'’".contains(ch) {
                // A joiner stays inside a token only between letters/digits.
                let next = nfc.index(after: idx)
                if next < nfc.endIndex, nfc[next].isLetter || nfc[next].isNumber,
                   ch != "." || (nfc[nfc.index(before: idx)].isNumber && nfc[next].isNumber) {
                } else { flush(idx) }
            } else {
                flush(idx)
            }
            idx = nfc.index(after: idx)
        }
        flush(nfc.endIndex)
        return tokens
    }
}
