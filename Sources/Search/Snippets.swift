import Foundation
import IndexSchema
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
    public func match(_ text: String) -> Match { match(text, folded: nil) }

    /// `match` with `folded` = `VietNormalizer.foldedUTF8(text)` when the caller has it already.
    func match(_ text: String, folded given: [UInt8]?) -> Match {
        guard !wordBytes.isEmpty, let folded = given ?? VietNormalizer.foldedUTF8(text) else {
            return matchByTokenising(text)
        }
        // Where the query's words occur in the folded text, then where that is in the text.
        var positions: [Int] = []
        folded.withUnsafeBufferPointer { f in
            for w in wordBytes where w.count <= f.count {
                // Every occurrence, overlapping ones too, but not where an ASCII letter or digit is next to it. A
                // folded ASCII letter or digit comes from a letter or digit of the text (folding only takes marks
                // off letters and lowers them), next to which no token starts or ends: so no token is missed, and a
                // short word (`an`, `cu`) no longer sends most of the page's words to the tokenizer (`ban`, `cua`).
                Self.forEachOccurrence(of: w, in: f, overlapping: true, joins: {
                    ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A)
                }) { positions.append($0) }
            }
        }
        positions.sort()
        guard let origins = VietNormalizer.foldOrigins(of: positions, in: text) else { return matchByTokenising(text) }
        var utf8 = text
        let stretches: [Range<Int>] = utf8.withUTF8 { b in
            @inline(__always) func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }
            var out: [Range<Int>] = []
            for origin in origins {
                if let last = out.last, last.contains(origin) { continue }   // origins ascend
                var lo = origin, hi = origin
                while lo > 0, !isSpace(b[lo - 1]) { lo -= 1 }
                while hi < b.count, !isSpace(b[hi]) { hi += 1 }
                if let last = out.last, last.lowerBound == lo {
                    out[out.count - 1] = lo..<max(hi, last.upperBound)
                } else {
                    out.append(lo..<hi)
                }
            }
            return out
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
        quickScore(folded: VietNormalizer.foldedUTF8(text) ?? Array(VietNormalizer.fold(text).utf8))
    }

    /// `quickScore` of a text folded already (`Array(VietNormalizer.fold(text).utf8)`).
    func quickScore(folded: [UInt8]) -> Int {
        @inline(__always) func isWordByte(_ b: UInt8) -> Bool {
            b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
        }
        return folded.withUnsafeBufferPointer { f -> Int in
            var distinct = 0, occurrences = 0
            for w in wordBytes where w.count <= f.count && isWordByte(w[0]) {
                // Where the word starts a word and ends one; matches do not overlap.
                var count = 0
                Self.forEachOccurrence(of: w, in: f, overlapping: false, joins: isWordByte) { _ in count += 1 }
                if count > 0 { distinct += 1; occurrences += count }
            }
            return distinct * 1000 + occurrences
        }
    }

    /// Calls `found` with each place `word` occurs in `text` with no byte on either side that `joins` it, in
    /// order: the first byte found by C's memchr (vectorised), the rest compared. After an occurrence the search
    /// goes on from its next byte when `overlapping`, from its end otherwise.
    @inline(__always)
    static func forEachOccurrence(of word: [UInt8], in text: UnsafeBufferPointer<UInt8>, overlapping: Bool,
                                  joins: (UInt8) -> Bool, _ found: (Int) -> Void) {
        guard let base = text.baseAddress, !word.isEmpty, word.count <= text.count else { return }
        word.withUnsafeBufferPointer { w in
            let last = text.count - w.count   // the last place the word can start
            var i = 0
            while i <= last, let p = memchr(base + i, Int32(w[0]), last - i + 1) {
                let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if at == 0 || !joins(text[at - 1]), at == last || !joins(text[at + w.count]),
                   memcmp(base + at + 1, w.baseAddress! + 1, w.count - 1) == 0 {
                    found(at)
                    i = overlapping ? at + 1 : at + w.count
                } else {
                    i = at + 1
                }
            }
        }
    }

    /// Page numbers (1-based) where the query matched, best first.
    public func rankPages(_ texts: [(number: Int, text: String)]) -> [Int] {
        rank(texts).pages
    }

    /// The pages where the query matched, best first (by `quickScore`), and the best page that really
    /// matches with its `match` (for the snippet): one page tokenised per document.
    public func rank(_ texts: [(number: Int, text: String)]) -> (pages: [Int], best: (text: String, match: Match)?) {
        rank(count: texts.count, number: { texts[$0].number }, text: { texts[$0].text }) { i, composed in
            VietNormalizer.foldedUTF8(texts[i].text, composed: &composed)
        }
    }

    /// `rank` of pages as the catalogue stores them, UTF-8 bytes: each folded from its bytes, a String made
    /// only of the page matched for the snippet. Bytes that are not UTF-8 are taken as `String(decoding:)`
    /// repairs them.
    public func rank(utf8 pages: [(number: Int, utf8: [UInt8])]) -> (pages: [Int], best: (text: String, match: Match)?) {
        rank(count: pages.count, number: { pages[$0].number }, text: { String(decoding: pages[$0].utf8, as: UTF8.self) }) { i, composed in
            pages[i].utf8.withUnsafeBufferPointer { VietNormalizer.foldedUTF8(bytes: $0, composed: &composed) }
        }
    }

    /// `fold(i, &composed)`: page i's folded bytes (nil when they cannot be had so: then its `text` is folded),
    /// and whether its text is NFC already.
    private func rank(count: Int, number: (Int) -> Int, text: (Int) -> String,
                      fold: (Int, inout Bool) -> [UInt8]?) -> (pages: [Int], best: (text: String, match: Match)?) {
        var scored: [(index: Int, folded: [UInt8]?, score: Int)] = []
        for i in 0..<count {
            var composed = false
            let folded = fold(i, &composed)
            let score = quickScore(folded: folded ?? Array(VietNormalizer.fold(text(i)).utf8))
            // Kept for the match only when the page is NFC already (the match is on the composed text).
            if score > 0 { scored.append((i, composed ? folded : nil, score)) }
        }
        scored.sort { a, b in a.score != b.score ? a.score > b.score : number(a.index) < number(b.index) }
        let pages = scored.map { number($0.index) }
        for page in scored {
            // The page folded once, for its score and its match, when it is composed already (usually).
            let text = page.folded == nil ? VietNormalizer.nfc(text(page.index)) : text(page.index)
            let m = match(text, folded: page.folded)
            if m.score > 0 { return (pages, (text, m)) }
        }
        return (pages, nil)
    }

    /// A snippet of about `width` characters around the densest cluster of matches.
    /// Returns the plain text and an HTML version with the matched words in `<mark>`.
    public func snippet(_ text: String, width: Int = 220) -> (plain: String, html: String) {
        let text = VietNormalizer.nfc(text)
        return snippet(text, match: match(text), width: width)
    }

    /// The snippet of an NFC `text` whose `match` is known. Built on the UTF-8 bytes: widths count Unicode
    /// scalars (the text is NFC: a Vietnamese letter is one scalar), the escaping and the collapsing of white
    /// space go byte by byte (building a String scalar by scalar is slow).
    func snippet(_ text: String, match m: Match, width: Int = 220) -> (plain: String, html: String) {
        guard !m.ranges.isEmpty else {
            let head = Self.collapse(String(text.prefix(width)))
            return (head, Self.escape(head))
        }
        let u = text.utf8
        let ranges = m.ranges.map { u.distance(from: u.startIndex, to: $0.lowerBound)..<u.distance(from: u.startIndex, to: $0.upperBound) }
        var copy = text
        return copy.withUTF8 { b -> (plain: String, html: String) in
            @inline(__always) func isScalarStart(_ c: UInt8) -> Bool { c & 0xC0 != 0x80 }
            // Each match's place in scalars, in one pass.
            var places: [(lower: Int, upper: Int)] = []
            places.reserveCapacity(ranges.count)
            var offset = 0, ordinal = 0
            func advance(to target: Int) {
                while offset < target, offset < b.count { if isScalarStart(b[offset]) { ordinal += 1 }; offset += 1 }
            }
            for r in ranges {
                advance(to: r.lowerBound)
                let lower = ordinal
                advance(to: r.upperBound)
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
            // Byte offsets of the window's first scalar and of the one `width` scalars on.
            func byteOffset(ofScalar target: Int, from start: (byte: Int, scalar: Int)) -> Int {
                var k = start.byte, n = start.scalar
                while k < b.count {
                    if isScalarStart(b[k]) { if n == target { return k }; n += 1 }
                    k += 1
                }
                return b.count
            }
            let firstScalar = max(0, bestLower - width / 4)
            let start = byteOffset(ofScalar: firstScalar, from: (0, 0))
            let end = byteOffset(ofScalar: firstScalar + width, from: (start, firstScalar))
            var plain: [UInt8] = [], html: [UInt8] = []
            plain.reserveCapacity(end - start + 8)
            html.reserveCapacity(end - start + 64)
            if start > 0 { plain += Self.ellipsis; html += Self.ellipsis }
            let floor = plain.count
            var cursor = start
            func copy(_ lo: Int, _ hi: Int) {
                let piece = UnsafeBufferPointer(rebasing: b[lo..<hi])
                Self.appendCollapsed(piece, to: &plain, floor: floor)
                Self.appendCollapsed(piece, to: &html, floor: floor, escaping: true)
            }
            for r in ranges where r.lowerBound >= start && r.upperBound <= end && r.lowerBound >= cursor {
                copy(cursor, r.lowerBound)
                plain += b[r]
                html += Self.markOpen
                Self.appendCollapsed(UnsafeBufferPointer(rebasing: b[r]), to: &html, floor: floor, escaping: true)
                html += Self.markClose
                cursor = r.upperBound
            }
            copy(cursor, end)
            Self.trimTrailingSpace(&plain); Self.trimTrailingSpace(&html)
            if end < b.count { plain += Self.ellipsis; html += Self.ellipsis }
            return (String(decoding: plain, as: UTF8.self), String(decoding: html, as: UTF8.self))
        }
    }

    static let ellipsis = Array("…".utf8)
    static let markOpen = Array("<mark>".utf8)
    static let markClose = Array("</mark>".utf8)

    /// Runs of white space as one space, none at either end.
    static func collapse(_ s: String) -> String {
        var s = s
        var out: [UInt8] = []
        s.withUTF8 { appendCollapsed($0, to: &out, floor: 0) }
        trimTrailingSpace(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte length of the white space scalar (Unicode White_Space) starting at `i`, or 0.
    @inline(__always) static func whiteSpaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) ? 1 : 0 }
        switch c {
        case 0xC2: return i + 1 < b.count && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0     // U+0085, U+00A0
        case 0xE1: return i + 2 < b.count && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0        // U+1680
        case 0xE2:
            guard i + 2 < b.count else { return 0 }
            let x = b[i + 1], y = b[i + 2]
            if x == 0x80, y <= 0x8A || y == 0xA8 || y == 0xA9 || y == 0xAF { return 3 }         // U+2000–200A, 2028, 2029, 202F
            return x == 0x81 && y == 0x9F ? 3 : 0                                                // U+205F
        case 0xE3: return i + 2 < b.count && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0        // U+3000
        default: return 0
        }
    }

    /// Appends `piece` to `out` (HTML-escaped when `escaping`), each run of white space as one space, none
    /// where `out` holds only its first `floor` bytes; a space left at the end is taken off by `trimTrailingSpace`.
    static func appendCollapsed(_ piece: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], floor: Int,
                                escaping: Bool = false) {
        var i = 0
        while i < piece.count {
            let w = whiteSpaceLength(piece, i)
            if w > 0 {
                if out.count > floor, out.last != 0x20 { out.append(0x20) }
                i += w
                continue
            }
            let c = piece[i]
            if escaping, let entity = entity(c) { out += entity } else { out.append(c) }
            i += 1
        }
    }

    static func trimTrailingSpace(_ out: inout [UInt8]) {
        if out.last == 0x20 { out.removeLast() }
    }

    @inline(__always) static func entity(_ c: UInt8) -> [UInt8]? {
        switch c {
        case 0x26: return amp
        case 0x3C: return lt
        case 0x3E: return gt
        case 0x22: return quot
        case 0x27: return apos
        default: return nil
        }
    }

    static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8),
               quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    public static func escape(_ s: String) -> String {
        var s = s
        guard s.utf8.contains(where: { entity($0) != nil }) else { return s }
        var out: [UInt8] = []
        s.withUTF8 { b in
            out.reserveCapacity(b.count + 16)
            for c in b { if let e = entity(c) { out += e } else { out.append(c) } }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
