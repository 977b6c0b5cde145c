import Foundation
import VietText

/// Finds where a query matched inside a document's pages, accent-insensitively, and cuts the snippet.
public struct PageMatcher: Sendable {
    /// Folded words of the query (`quyet`, `dinh`, …).
    public let words: Set<String>
    /// Words and numbers only: compound tokens (`1605/QĐ-UBND`) overlap their parts.
    static let analyzer = Analyzer()

    public init(highlightWords: [String]) {
        var set = Set<String>()
        for word in highlightWords {
            for token in Self.analyzer.tokens(word) { set.insert(token.folded) }
            set.insert(VietNormalizer.fold(word))
        }
        words = set.filter { !$0.isEmpty }
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

    /// Page numbers (1-based) where the query matched, best first.
    public func rankPages(_ texts: [(number: Int, text: String)]) -> [Int] {
        rankedMatches(texts).map(\.number)
    }

    /// The pages where the query matched with their matches, best first (the first one's match serves
    /// its snippet: each page is tokenised once).
    public func rankedMatches(_ texts: [(number: Int, text: String)]) -> [(number: Int, text: String, match: Match)] {
        var scored: [(number: Int, text: String, match: Match)] = []
        for page in texts {
            let text = VietNormalizer.nfc(page.text)
            let m = match(text)
            if m.score > 0 { scored.append((page.number, text, m)) }
        }
        scored.sort { a, b in a.match.score != b.match.score ? a.match.score > b.match.score : a.number < b.number }
        return scored
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
