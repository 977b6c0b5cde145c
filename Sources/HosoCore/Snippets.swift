import Foundation
import VietText

/// Finds where a query matched inside a document's pages, accent-insensitively, and cuts the snippet.
public struct PageMatcher: Sendable {
    /// Folded words of the query (`quyet`, `dinh`, …).
    public let words: Set<String>
    /// Words and numbers only: compound tokens (`1605/QĐ-UBND`) overlap their parts.
    static let analyzer = Analyzer()

    /// The UTF-8 of `words`, for `quickScore`.
    let wordBytes: [[UInt8]]

    public init(highlightWords: [String]) {
        var set = Set<String>()
        for word in highlightWords {
            for token in Self.analyzer.tokens(word) { set.insert(token.folded) }
            set.insert(VietNormalizer.fold(word))
        }
        words = set.filter { !$0.isEmpty }
        wordBytes = words.sorted().map { Array($0.utf8) }
    }

    /// A match of the query inside one text: the token ranges that matched.
    public struct Match: Sendable {
        public var distinctWords: Int
        public var occurrences: Int
        public var ranges: [Range<String.Index>]
        public var score: Int { distinctWords * 1000 + occurrences }
    }

    public func match(_ text: String) -> Match {
        var found = Set<String>()
        var ranges: [Range<String.Index>] = []
        for token in Self.analyzer.tokens(text) where words.contains(token.folded) {
            found.insert(token.folded)
            ranges.append(token.range)
        }
        return Match(distinctWords: found.count, occurrences: ranges.count, ranges: ranges)
    }

    /// `match(text).score` without tokenising: the query's folded words found in the folded text between
    /// neighbours that are not letters or digits (a token's folded form is exactly such a stretch of the
    /// folded text; the groups of a dotted number `1.500.000`, one token, are also found). Ranks a
    /// document's pages; only the best one is tokenised, for its snippet.
    public func quickScore(_ text: String) -> Int {
        let folded = Array(VietNormalizer.fold(text).utf8)
        @inline(__always) func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
        }
        var distinct = 0, occurrences = 0
        for w in wordBytes where w.count <= folded.count {
            var n = 0
            var i = 0
            let first = w[0]
            while i <= folded.count - w.count {
                if folded[i] == first, i == 0 || !isWordByte(folded[i - 1]),
                   i + w.count == folded.count || !isWordByte(folded[i + w.count]) {
                    var k = 1
                    while k < w.count, folded[i + k] == w[k] { k += 1 }
                    if k == w.count { n += 1; i += w.count; continue }
                }
                i += 1
            }
            if n > 0 { distinct += 1; occurrences += n }
        }
        return distinct * 1000 + occurrences
    }

    /// Page numbers (1-based) where the query matched, best first.
    public func rankPages(_ texts: [(number: Int, text: String)]) -> [Int] {
        rank(texts).pages
    }

    /// The pages where the query matched, best first (by `quickScore`), and the best page that really
    /// matches with its `match` (for the snippet): one page tokenised per document.
    public func rank(_ texts: [(number: Int, text: String)]) -> (pages: [Int], best: (text: String, match: Match)?) {
        var scored: [(number: Int, text: String, score: Int)] = []
        for page in texts {
            let score = quickScore(page.text)
            if score > 0 { scored.append((page.number, page.text, score)) }
        }
        scored.sort { a, b in a.score != b.score ? a.score > b.score : a.number < b.number }
        for page in scored {
            let text = VietNormalizer.nfc(page.text)
            let m = match(text)
            if m.score > 0 { return (scored.map(\.number), (text, m)) }
        }
        return (scored.map(\.number), nil)
    }

    /// A snippet of about `width` characters around the densest cluster of matches.
    /// Returns the plain text and an HTML version with the matched words in `<mark>`.
    public func snippet(_ text: String, width: Int = 220) -> (plain: String, html: String) {
        let text = VietNormalizer.nfc(text)
        return snippet(text, match: match(text), width: width)
    }

    /// The snippet of an NFC `text` whose `match` is known.
    func snippet(_ text: String, match m: Match, width: Int = 220) -> (plain: String, html: String) {
        guard let first = m.ranges.first else {
            let head = Self.collapse(String(text.prefix(width)))
            return (head, Self.escape(head))
        }
        // Densest window: the start whose following `width` characters hold the most matches.
        var bestStart = first.lowerBound
        var bestCount = 0
        for (i, r) in m.ranges.enumerated() {
            let limit = text.index(r.lowerBound, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
            let count = m.ranges[i...].prefix { $0.upperBound <= limit }.count
            if count > bestCount { bestCount = count; bestStart = r.lowerBound }
        }
        let start = text.index(bestStart, offsetBy: -width / 4, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(start, offsetBy: width, limitedBy: text.endIndex) ?? text.endIndex
        var plain = "", html = ""
        var cursor = start
        for r in m.ranges where r.lowerBound >= start && r.upperBound <= end && r.lowerBound >= cursor {
            let before = String(text[cursor..<r.lowerBound])
            plain += before; html += Self.escape(before)
            let word = String(text[r])
            plain += word; html += "<mark>" + Self.escape(word) + "</mark>"
            cursor = r.upperBound
        }
        let tail = String(text[cursor..<end])
        plain += tail; html += Self.escape(tail)
        let prefix = start > text.startIndex ? "…" : ""
        let suffix = end < text.endIndex ? "…" : ""
        return (prefix + Self.collapse(plain) + suffix, prefix + Self.collapse(html) + suffix)
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
