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
    static let apostropheChars: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]

    @inline(__always) static func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }
    @inline(__always) static func isWordChar(_ ch: Character) -> Bool { ch.isLetter || isDigit(ch) }

    public static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var position = 0
        var idx = text.startIndex
        while idx < text.endIndex {
            guard isWordChar(text[idx]) else { idx = text.index(after: idx); continue }
            // Scan one raw run: word chars joined by joiners/apostrophes that sit between word chars.
            let start = idx
            var parts: [Range<String.Index>] = []
            var partStart = idx
            var hasJoiner = false
            var cur = idx
            while cur < text.endIndex {
                let ch = text[cur]
                if isWordChar(ch) { cur = text.index(after: cur); continue }
                let next = text.index(after: cur)
                guard next < text.endIndex, cur > partStart else { break }
                let prev = text[text.index(before: cur)], after = text[next]
                if apostropheChars.contains(ch), prev.isLetter, after.isLetter {
                    cur = next; continue // stays inside the word
                }
                if joiners.contains(ch), isWordChar(after) {
                    if ch == "." {
                        // A dot joins digit groups (1.500.000, 15.02.2012) and codes (H49.64.33).
                        guard isDigit(after), isDigit(prev) || text[partStart..<cur].contains(where: isDigit) else { break }
                    }
                    parts.append(partStart..<cur)
                    hasJoiner = true
                    cur = next
                    partStart = next
                    continue
                }
                break
            }
            parts.append(partStart..<cur)
            if hasJoiner {
                let whole = String(text[start..<cur])
                tokens.append(Token(text: VietNormalizer.normalize(whole), folded: VietNormalizer.fold(whole),
                                    position: position, range: start..<cur, kind: .compound))
            }
            for r in parts {
                // A part mixing letters and digits without joiner (H49, m2) stays one token.
                let raw = String(text[r])
                let kind: TokenKind = raw.allSatisfy(isDigit) ? .number : .word
                tokens.append(Token(text: VietNormalizer.normalize(raw), folded: VietNormalizer.fold(raw),
                                    position: position, range: r, kind: kind))
                position += 1
            }
            // Dotted digit groups read as one number, not as a compound of parts: 1.500.000.
            if hasJoiner, parts.count > 1, text[start..<cur].allSatisfy({ isDigit($0) || $0 == "." }),
               parts.dropFirst().allSatisfy({ text[$0].count == 3 }) {
                let n = parts.count
                tokens.removeLast(n)
                position -= n
                tokens[tokens.count - 1].kind = .number
                position += 1
            }
            idx = cur
        }
        return tokens
    }
}
