// The parcel patterns of `IdentifierExtractor` matched by hand over folded UTF-8, without NSRegularExpression.
//
// The patterns (`IdentifierExtractor.thua`, `.to` and the three built from them) stay the definition; this is
// what ICU does with them, written out:
//
// - Every optional group (`\s+dat`, `\s+so`, `\s+ban\s+do`, `\s+dia\s+chinh`, the connectors `thuoc|cua|va`
//   and `gom|va` with their `\s+`) starts, past any spaces, with a letter that what may follow the group cannot
//   match there (a later group's other first letter, `:` or a digit, the `to` or `thua` after a connector):
//   when the group is there, leaving it out leads to no match, so taking it, as the greedy `?` tries first,
//   is the only way through, and nothing is ever backtracked.
// - `\s*:?\s*` before a number: spaces, `:` and digits are disjoint, so it ends where the digits start.
// - `(\d{1,6})\b`: a shorter run of digits is followed by a digit (no boundary), so the number is the whole
//   run of digits, and a longer run does not match at all (`thửa đất số 1234567` has no parcel).
// - Each pattern's matches are found left to right, the next search starting where the last match ended;
//   the pairs are taken first, then the reversed pairs and the lone parcels that overlap nothing taken.
//
// ICU's classes are Unicode: `\s` is White_Space, `\d` is Decimal_Number, and `\b` looks at Alphabetic, marks,
// Decimal_Number and Connector_Punctuation, skipping Grapheme_Extend and format characters. White_Space is a
// fixed list of 25 characters (the tests check it against the regular expression); the others depend on the
// Unicode version, and Swift's tables are not ICU's (they disagree on recent scripts). So where the answer
// hangs on the class of another non-ASCII character (a digit of another script where a number may start or
// go on, a letter, mark or symbol just after a number or just before a match), the matcher gives up and the
// caller asks the regular expressions. Folded Vietnamese is ASCII but for punctuation, symbols and foreign
// letters, which seldom stand there: no page of bench/scale, bench/relevance or the samples needs them.

/// Matches the parcel patterns over the folded UTF-8 of a text.
struct ParcelMatcher {
    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    /// Set when an answer depends on the Unicode class of a non-ASCII character other than a space.
    private var unsure = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        b = bytes
        n = bytes.count
    }

    private struct Match {
        var start: Int, end: Int
        var parcel: Range<Int>
        var sheet: Range<Int>?
    }

    /// The parcels, as `IdentifierExtractor.parcelsInWholeText` finds them: in order of first appearance,
    /// without repeats. Nil when the regular expressions must decide.
    mutating func parcels() -> [Parcel]? {
        // Where a match can start: `thua` and `to`, not just after an ASCII letter, digit or `_` (no `\b` there).
        var thuas: [Int] = [], tos: [Int] = []
        var i = 0
        while i + 1 < n {
            if b[i] == 0x74, i == 0 || !Self.isASCIIWord(b[i - 1]) {
                if b[i + 1] == 0x6F { tos.append(i) } else if has(i, Self.thua) { thuas.append(i) }
            }
            i += 1
        }
        guard !thuas.isEmpty else { return [] }   // every pattern holds a `thua`
        let pairs = all(thuas) { $0.pair($1) }
        let reversed = tos.isEmpty ? [] : all(tos) { $0.reversedPair($1) }
        let alone = all(thuas) { $0.thuaPart($1) }
        guard !unsure else { return nil }

        var found: [(Int, Parcel)] = []
        var covered: [Range<Int>] = []
        func overlaps(_ m: Match) -> Bool { covered.contains { $0.lowerBound < m.end && m.start < $0.upperBound } }
        for m in pairs {
            found.append((m.start, Parcel(parcel: string(m.parcel), sheet: m.sheet.map(string))))
            covered.append(m.start..<m.end)
        }
        for m in reversed where !overlaps(m) {
            found.append((m.start, Parcel(parcel: string(m.parcel), sheet: m.sheet.map(string))))
            covered.append(m.start..<m.end)
        }
        for m in alone where !overlaps(m) {
            found.append((m.start, Parcel(parcel: string(m.parcel))))
        }
        var out: [Parcel] = []
        for (_, p) in found.sorted(by: { $0.0 < $1.0 }) where !out.contains(p) { out.append(p) }
        return out
    }

    /// The matches of one pattern, as NSRegularExpression lists them: tried at each start in turn, from
    /// where the last match ended. Stops early once unsure.
    private mutating func all(_ starts: [Int], _ attempt: (inout ParcelMatcher, Int) -> Match?) -> [Match] {
        var out: [Match] = []
        var from = 0
        for i in starts where i >= from {
            // The `\b` before the match is checked last: only a match that is otherwise there can make it unsure.
            if let m = attempt(&self, i), boundary(before: i) {
                out.append(m)
                from = m.end
            }
            if unsure { return [] }
        }
        return out
    }

    // MARK: The patterns

    private static let thua = Array("thua".utf8), to = Array("to".utf8)
    private static let dat = Array("dat".utf8), so = Array("so".utf8), ban = Array("ban".utf8), doWord = Array("do".utf8)
    private static let dia = Array("dia".utf8), chinh = Array("chinh".utf8)
    private static let thuoc = Array("thuoc".utf8), cua = Array("cua".utf8), va = Array("va".utf8), gom = Array("gom".utf8)

    /// `thua(?:\s+dat)?(?:\s+so)?\s*:?\s*(\d{1,6})\b` at `i` (the `\b` before it is the caller's).
    private mutating func thuaPart(_ i: Int) -> Match? {
        guard has(i, Self.thua) else { return nil }
        var k = i + 4
        k = optional(k, Self.dat)
        k = optional(k, Self.so)
        guard let digits = number(k, maxDigits: 6) else { return nil }
        return Match(start: i, end: digits.upperBound, parcel: digits, sheet: nil)
    }

    /// `to(?:\s+ban\s+do)?(?:\s+dia\s+chinh)?(?:\s+so)?\s*:?\s*(\d{1,5})\b` at `i`: the sheet's digits in `parcel`.
    private mutating func toPart(_ i: Int) -> Match? {
        guard has(i, Self.to) else { return nil }
        var k = i + 2
        k = optional(k, Self.ban, Self.doWord)
        k = optional(k, Self.dia, Self.chinh)
        k = optional(k, Self.so)
        guard let digits = number(k, maxDigits: 5) else { return nil }
        return Match(start: i, end: digits.upperBound, parcel: digits, sheet: nil)
    }

    /// `thua… \s*[,;]?\s*(?:(?:thuoc|cua|va)\s+)? \bto…`
    private mutating func pair(_ i: Int) -> Match? {
        guard let first = thuaPart(i) else { return nil }
        let k = connector(separator(first.end), Self.thuoc, Self.cua, Self.va)
        guard let second = toPart(k), boundary(before: k) else { return nil }
        return Match(start: i, end: second.end, parcel: first.parcel, sheet: second.parcel)
    }

    /// `to… \s*[,;]?\s*(?:(?:gom|va)\s+)? \bthua…`
    private mutating func reversedPair(_ i: Int) -> Match? {
        guard let first = toPart(i) else { return nil }
        let k = connector(separator(first.end), Self.gom, Self.va)
        guard let second = thuaPart(k), boundary(before: k) else { return nil }
        return Match(start: i, end: second.end, parcel: second.parcel, sheet: first.parcel)
    }

    /// `(?:\s+w1\s+w2…)?` at `k`: past the group when it is there, else `k`.
    private func optional(_ k: Int, _ words: [UInt8]...) -> Int {
        var p = k
        for w in words {
            let q = skipSpaces(p)
            guard q > p, has(q, w) else { return k }
            p = q + w.count
        }
        return p
    }

    /// `\s*[,;]?\s*` at `k`.
    private func separator(_ k: Int) -> Int {
        var p = skipSpaces(k)
        if p < n, b[p] == 0x2C || b[p] == 0x3B { p = skipSpaces(p + 1) }
        return p
    }

    /// `(?:(?:w1|w2…)\s+)?` at `k`. None of the words starts like the pattern after it (`to`, `thua`).
    private func connector(_ k: Int, _ words: [UInt8]...) -> Int {
        for w in words where has(k, w) {
            let q = skipSpaces(k + w.count)
            return q > k + w.count ? q : k
        }
        return k
    }

    /// `\s*:?\s*(\d{1,maxDigits})\b` at `k`: the digits.
    private mutating func number(_ k: Int, maxDigits: Int) -> Range<Int>? {
        var p = skipSpaces(k)
        if p < n, b[p] == 0x3A { p = skipSpaces(p + 1) }
        var e = p
        while e < n, b[e] >= 0x30, b[e] <= 0x39 { e += 1 }
        // Too long: every shorter run is followed by a digit, so no `\b` after it.
        if e - p > maxDigits { return nil }
        // What stands after the ASCII digits decides (`\b`, or one more `\d`).
        if e < n, b[e] >= 0x80 {
            // A space ends the number and makes the `\b`. Anything else may be a digit (then the number goes
            // on), a letter or a mark (no `\b`): its Unicode class decides.
            guard Self.isSpace(scalar(e)) else { unsure = true; return nil }
        } else if e < n, Self.isASCIIWord(b[e]) {
            return nil
        }
        return e > p ? p..<e : nil
    }

    // MARK: Classes

    /// `\b` at `i`, where the character at `i` is an ASCII letter: whether the one before it is not a word
    /// character. Unsure when it is non-ASCII and not a space (a letter, a mark — skipped by `\b` —, a symbol).
    private mutating func boundary(before i: Int) -> Bool {
        guard i > 0 else { return true }
        let c = b[i - 1]
        if c < 0x80 { return !Self.isASCIIWord(c) }
        var p = i - 1
        while b[p] & 0xC0 == 0x80 { p -= 1 }
        if Self.isSpace(VietNormalizer.scalar(b, at: p).value) { return true }
        unsure = true
        return false
    }

    /// ICU's `\w` among ASCII characters: letters, digits, `_`.
    @inline(__always) private static func isASCIIWord(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
    }

    /// ICU's `\s`: White_Space, 25 characters (`ParcelMatcherTests` checks them against NSRegularExpression).
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    private func skipSpaces(_ k: Int) -> Int {
        var p = k
        while p < n {
            let c = b[p]
            if c == 0x20 || (c >= 0x09 && c <= 0x0D) { p += 1; continue }
            guard c >= 0x80 else { break }
            let (v, length) = VietNormalizer.scalar(b, at: p)
            guard Self.isSpace(v) else { break }
            p += length
        }
        return p
    }

    @inline(__always) private func scalar(_ k: Int) -> UInt32 { VietNormalizer.scalar(b, at: k).value }

    @inline(__always) private func has(_ k: Int, _ w: [UInt8]) -> Bool {
        guard k + w.count <= n else { return false }
        for j in 0..<w.count where b[k + j] != w[j] { return false }
        return true
    }

    private func string(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }
}
