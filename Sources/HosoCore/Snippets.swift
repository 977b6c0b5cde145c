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

    /// The tokens of `text` whose folded form is a query word. Only the stretches between white space
    /// that hold a query word's folded form somewhere are tokenised (a token never spans white space, and
    /// the tokenizer looks no further than the stretch it is in): the same answer as tokenising the whole
    /// text (`matchByTokenising`, checked by the tests), a fraction of the work.
    public func match(_ text: String) -> Match {
        guard !wordBytes.isEmpty, let (folded, origins) = VietNormalizer.foldedWithOrigins(text) else {
            return matchByTokenising(text)
        }
        var utf8 = text
        let stretches: [Range<Int>] = utf8.withUTF8 { b in
            @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
            var starts = Set<Int>()
            var out: [Range<Int>] = []
            for w in wordBytes where w.count <= folded.count {
                let first = w[0]
                var i = 0
                while i <= folded.count - w.count {
                    defer { i += 1 }
                    guard folded[i] == first else { continue }
                    var k = 1
                    while k < w.count, folded[i + k] == w[k] { k += 1 }
                    guard k == w.count else { continue }
                    var lo = Int(origins[i]), hi = lo
                    while lo > 0, !isSpace(b[lo - 1]) { lo -= 1 }
                    guard starts.insert(lo).inserted else { continue }
                    while hi < b.count, !isSpace(b[hi]) { hi += 1 }
                    out.append(lo..<hi)
                }
            }
            return out.sorted { $0.lowerBound < $1.lowerBound }
        }
        var found = Set<String>()
        var ranges: [Range<String.Index>] = []
        let u = text.utf8
        for stretch in stretches {
            let piece = String(text[u.index(u.startIndex, offsetBy: stretch.lowerBound)..<u.index(u.startIndex, offsetBy: stretch.upperBound)])
            for token in Self.analyzer.tokens(piece) where words.contains(token.folded) {
                let a = piece.utf8.distance(from: piece.startIndex, to: token.range.lowerBound)
                let z = piece.utf8.distance(from: piece.startIndex, to: token.range.upperBound)
                found.insert(token.folded)
                ranges.append(u.index(u.startIndex, offsetBy: stretch.lowerBound + a)..<u.index(u.startIndex, offsetBy: stretch.lowerBound + z))
            }
        }
        return Match(distinctWords: found.count, occurrences: ranges.count, ranges: ranges)
    }

    /// `match` by its definition: every token of the text.
    func matchByTokenising(_ text: String) -> Match {
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
        guard !m.ranges.isEmpty else {
            let head = Self.collapse(String(text.prefix(width)))
            return (head, Self.escape(head))
        }
        // Widths count Unicode scalars (the text is NFC: a Vietnamese letter is one scalar), the ranges'
        // places found in one pass.
        let scalars = text.unicodeScalars
        var places: [(lower: Int, upper: Int)] = []
        places.reserveCapacity(m.ranges.count)
        var cursorIndex = scalars.startIndex, ordinal = 0
        for r in m.ranges {
            while cursorIndex < r.lowerBound, cursorIndex < scalars.endIndex { scalars.formIndex(after: &cursorIndex); ordinal += 1 }
            let lower = ordinal
            while cursorIndex < r.upperBound, cursorIndex < scalars.endIndex { scalars.formIndex(after: &cursorIndex); ordinal += 1 }
            places.append((lower, ordinal))
        }
        // Densest window: the match whose following `width` scalars hold the most matches.
        var bestLower = places[0].lower, bestCount = 0
        var j = 0
        for i in places.indices {
            j = max(j, i)
            while j < places.count, places[j].upper <= places[i].lower + width { j += 1 }
            if j - i > bestCount { bestCount = j - i; bestLower = places[i].lower }
        }
        let start = scalars.index(scalars.startIndex, offsetBy: max(0, bestLower - width / 4))
        let end = scalars.index(start, offsetBy: width, limitedBy: scalars.endIndex) ?? scalars.endIndex
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

    /// Runs of white space as one space, none at either end.
    static func collapse(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false, any = false
        for c in s.unicodeScalars {
            let v = c.value
            if v == 0x20 || (v >= 0x09 && v <= 0x0D) || (v >= 0x80 && c.properties.isWhitespace) {
                space = any
                continue
            }
            if space { out.append(" "); space = false }
            out.append(c)
            any = true
        }
        return String(out)
    }

    public static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default: out.append(c)
            }
        }
        return String(out)
    }
}
