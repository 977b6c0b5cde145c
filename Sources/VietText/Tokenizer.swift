import Foundation

/// What a token is.
public enum TokenKind: String, Hashable, Sendable {
    /// A syllable or word of letters, apostrophe names included (`h'hen`, `m'gar`).
    case word
    /// A run of digits, with `.` between digit groups (`1.500.000`).
    case number
    /// A joined form kept whole (`1605/qđ-ubnd`, `15/02/2012`, `nđ-cp`, `h49.64.33.2001.160`). Its
    /// parts follow it as ordinary `word`/`number` tokens; it shares the position of its first part.
    case compound
}

/// One token of analysed text: a syllable, a number or an identifier.
public struct Token: Hashable, Sendable {
    /// Normalized text (`VietNormalizer.normalize`): "quyết", "1605/qđ-ubnd".
    public var text: String
    /// Folded text (`VietNormalizer.fold`): "quyet", "1605/qd-ubnd".
    public var folded: String
    /// 0-based token position. Every `word`/`number` token has its own position, in order; a
    /// `compound` token has the position of its first part.
    public var position: Int
    /// Range in the string given to the tokenizer (valid on that very string, NFC or not).
    public var range: Range<String.Index>
    public var kind: TokenKind

    public init(text: String, folded: String, position: Int, range: Range<String.Index>, kind: TokenKind = .word) {
        self.text = text
        self.folded = folded
        self.position = position
        self.range = range
        self.kind = kind
    }

    /// True for tokens that own a position (words and numbers, not compounds).
    public var isPositional: Bool { kind != .compound }
}

/// Splits text into syllables and numbers (tách từ theo âm tiết).
///
/// Position scheme: every syllable or number takes the next position. A joined form such as
/// `1605/QĐ-UBND` yields first a `compound` token holding the whole (normalized `1605/qđ-ubnd`) at
/// the position of its first part, then its parts `1605`, `qđ`, `ubnd` at consecutive positions, so a
/// phrase query "1605 qđ ubnd" matches the identifier inside running text. Joiners are `/`, `-`, `.`
/// (only between digits, or between a letter-digit code like `H49.64`), `_`, and between letters the
/// apostrophe (`H'Hen`, `M’gar`, which stay one word). Ranges are indices of the input string.
public enum Tokenizer {
    static let joiners: Set<Character> = ["/", "-", ".", "_", "\u{2013}", "\u{2011}"]


    // The scan works on Unicode scalars (Character by Character was most of the indexing time): a
    // character is its base scalar and the combining marks after it, which never split a token.

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 0x30 && v <= 0x39 }

    /// Whether the character starting with scalar `v` is a letter (Character.isLetter: its first scalar
    /// is Alphabetic), with the Latin blocks answered without the property tables.
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        if v >= 0xC0 && v <= 0x24F { return v != 0xD7 && v != 0xF7 }
        if v >= 0x1E00 && v <= 0x1EFF { return true }
        return Unicode.Scalar(v)?.properties.isAlphabetic ?? false
    }

    @inline(__always) static func isWordStart(_ v: UInt32) -> Bool { isDigit(v) || isLetter(v) }

    /// A scalar that extends the character before it (combining marks, joiners inside a grapheme).
    @inline(__always) static func isExtender(_ v: UInt32) -> Bool {
        if v < 0x300 { return false }
        if v <= 0x36F { return true }
        // Precomposed Vietnamese letters and common punctuation: never marks (no table lookup).
        if (0x1E00...0x1EFF).contains(v) || (0x2010...0x205F).contains(v) { return false }
        return Unicode.Scalar(v)?.properties.isGraphemeExtend ?? false
    }

    @inline(__always) static func isJoiner(_ v: UInt32) -> Bool {
        v == 0x2F || v == 0x2D || v == 0x2E || v == 0x5F || v == 0x2013 || v == 0x2011
    }

    @inline(__always) static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x2BC || v == 0x60
    }

    public static func tokens(_ text: String) -> [Token] {
        let view = text.unicodeScalars
        // Scalar values and their indices, so the scan can look back and ahead by character.
        var values: [UInt32] = []
        var indices: [String.Index] = []
        values.reserveCapacity(text.utf8.count)
        indices.reserveCapacity(text.utf8.count + 1)
        var i = view.startIndex
        while i < view.endIndex {
            values.append(view[i].value)
            indices.append(i)
            i = view.index(after: i)
        }
        indices.append(view.endIndex)
        let n = values.count

        /// The index after the character starting at `k` (its base and combining marks).
        func nextChar(_ k: Int) -> Int {
            var j = k + 1
            while j < n, isExtender(values[j]) { j += 1 }
            return j
        }
        /// The first scalar of the character ending just before `k`.
        func baseBefore(_ k: Int) -> UInt32 {
            var j = k - 1
            while j > 0, isExtender(values[j]) { j -= 1 }
            return values[j]
        }
        func range(_ a: Int, _ b: Int) -> Range<String.Index> { indices[a]..<indices[b] }
        func hasDigit(_ a: Int, _ b: Int) -> Bool { (a..<b).contains { isDigit(values[$0]) } }

        var tokens: [Token] = []
        tokens.reserveCapacity(n / 4)
        var position = 0
        var idx = 0
        while idx < n {
            guard isWordStart(values[idx]) else { idx = nextChar(idx); continue }
            // Scan one raw run: word chars joined by joiners/apostrophes that sit between word chars.
            let start = idx
            var parts: [(Int, Int)] = []
            var partStart = idx
            var hasJoiner = false
            var cur = idx
            while cur < n {
                let v = values[cur]
                if isWordStart(v) { cur = nextChar(cur); continue }
                let next = nextChar(cur)
                guard next < n, cur > partStart else { break }
                let prev = baseBefore(cur), after = values[next]
                if isApostrophe(v), isLetter(prev), isLetter(after) {
                    cur = next; continue // stays inside the word
                }
                if isJoiner(v), isWordStart(after) {
                    if v == 0x2E {
                        // A dot joins digit groups (1.500.000, 15.02.2012) and codes (H49.64.33).
                        guard isDigit(after), isDigit(prev) || hasDigit(partStart, cur) else { break }
                    }
                    parts.append((partStart, cur))
                    hasJoiner = true
                    cur = next
                    partStart = next
                    continue
                }
                break
            }
            parts.append((partStart, cur))
            if hasJoiner {
                let forms = VietNormalizer.normalizedAndFolded(text[range(start, cur)])
                tokens.append(Token(text: forms.text, folded: forms.folded, position: position,
                                    range: range(start, cur), kind: .compound))
            }
            for (a, b) in parts {
                // A part mixing letters and digits without joiner (H49, m2) stays one token.
                let kind: TokenKind = (a..<b).allSatisfy({ isDigit(values[$0]) }) ? .number : .word
                let forms = VietNormalizer.normalizedAndFolded(text[range(a, b)])
                tokens.append(Token(text: forms.text, folded: forms.folded, position: position,
                                    range: range(a, b), kind: kind))
                position += 1
            }
            // Dotted digit groups read as one number, not as a compound of parts: 1.500.000.
            if hasJoiner, parts.count > 1, (start..<cur).allSatisfy({ isDigit(values[$0]) || values[$0] == 0x2E }),
               parts.dropFirst().allSatisfy({ $0.1 - $0.0 == 3 }) {
                let count = parts.count
                tokens.removeLast(count)
                position -= count
                tokens[tokens.count - 1].kind = .number
                position += 1
            }
            idx = cur
        }
        return tokens
    }
}
