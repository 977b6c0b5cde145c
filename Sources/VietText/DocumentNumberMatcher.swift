// The document-number pattern of `IdentifierExtractor` (`docPattern`) matched by hand over a folded text that is
// all ASCII, without NSRegularExpression; any other text is left to the regular expression, which stays the
// definition (`IdentifierExtractor.documentNumbersByRegex`).
//
// What ICU does with the pattern on ASCII text, where `\p{L}` is [A-Za-z] and `\p{N}` and `\d` are [0-9]:
// - `(?<![\p{L}\p{N}/.])(\d{1,6})`: the number is a whole run of digits (a start inside a run has a digit before
//   it; after 6 digits of a longer run comes a digit, not `[ \t]*/`), with no letter, `/` or `.` before it.
// - The year, `(?:((?:1[89]|20)\d{2})[ \t]*/[ \t]*)?`, is taken when it is there: leaving it out would put the
//   symbol's first letter on a digit.
// - Every part of the symbol, `[A-Z][A-Za-z]{0,9}` or the spaced `[A-Z]{2,10}(?![A-Za-z])`, is a whole run of
//   letters: one ended inside a run is followed by a letter, where neither another part nor the final
//   `(?![\p{L}\p{N}])` can follow. So from each place at most one part can follow (a joiner `[-./]` and a part;
//   or spaces, `-` or `/`, spaces and 2 to 10 capitals: both end where the run of letters ends), the parts make
//   one chain, and the greedy `*` backs off along it: the symbol ends after the last part of the chain that no
//   digit follows.
// - Case-insensitive (`lenient`): every class of letters is [A-Za-z].
// - Matches are found left to right, the next search starting where the last match ended.

/// Matches `IdentifierExtractor`'s document-number pattern over a folded ASCII text.
enum DocumentNumberMatcher {
    /// The document numbers of the folded text `s` as `IdentifierExtractor.documentNumbersByRegex` finds them,
    /// in order, without repeats; nil when `s` is not all ASCII (the regular expression decides).
    static func documentNumbers(folded s: String, lenient: Bool) -> [DocumentNumber]? {
        var s = s
        return s.withUTF8 { b -> [DocumentNumber]? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            return match(b, lenient: lenient)
        }
    }

    private static func match(_ b: UnsafeBufferPointer<UInt8>, lenient: Bool) -> [DocumentNumber] {
        let n = b.count
        func isDigit(_ k: Int) -> Bool { k < n && b[k] >= 0x30 && b[k] <= 0x39 }
        func isLetter(_ k: Int) -> Bool { k < n && ((b[k] | 0x20) >= 0x61 && (b[k] | 0x20) <= 0x7A) }
        func isCapital(_ k: Int) -> Bool { lenient ? isLetter(k) : k < n && b[k] >= 0x41 && b[k] <= 0x5A }
        func isJoiner(_ k: Int) -> Bool { k < n && (b[k] == 0x2D || b[k] == 0x2E || b[k] == 0x2F) }
        func blanks(_ k: Int) -> Int {
            var k = k
            while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
            return k
        }
        func letters(_ k: Int) -> Int {
            var k = k
            while isLetter(k) { k += 1 }
            return k
        }
        /// `[A-Z][A-Za-z]{0,9}` as a whole run of letters from `k`: its end.
        func part(_ k: Int) -> Int? {
            guard isCapital(k) else { return nil }
            let e = letters(k)
            return e - k <= 10 ? e : nil
        }
        /// The part that follows the one ending at `k`: its end.
        func nextPart(_ k: Int) -> Int? {
            if isJoiner(k), let e = part(k + 1) { return e }
            let j = blanks(k)
            guard j < n, b[j] == 0x2D || b[j] == 0x2F else { return nil }
            let p = blanks(j + 1), e = letters(p)
            guard e - p >= 2, e - p <= 10, (p..<e).allSatisfy(isCapital) else { return nil }
            return e
        }
        func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }

        var out: [DocumentNumber] = []
        var i = 0
        while i < n {
            guard isDigit(i) else { i += 1; continue }
            var j = i
            while isDigit(j) { j += 1 }
            let start = i
            i = j   // a start inside the run has a digit before it
            guard j - start <= 6, start == 0 || !(isLetter(start - 1) || b[start - 1] == 0x2F || b[start - 1] == 0x2E) else { continue }
            var k = blanks(j)
            guard k < n, b[k] == 0x2F else { continue }
            k = blanks(k + 1)
            var year: Range<Int>?
            if k + 4 <= n, (b[k] == 0x31 && (b[k + 1] == 0x38 || b[k + 1] == 0x39)) || (b[k] == 0x32 && b[k + 1] == 0x30),
               isDigit(k + 2), isDigit(k + 3) {
                let y = blanks(k + 4)
                if y < n, b[y] == 0x2F {
                    year = k..<(k + 4)
                    k = blanks(y + 1)
                }
            }
            guard let first = part(k) else { continue }
            var ends = [first]
            while let e = nextPart(ends[ends.count - 1]) { ends.append(e) }
            guard let end = ends.last(where: { !isDigit($0) }) else { continue }
            // The symbol's parts are its runs of letters, its joiners the `-`, `.` or `/` between them.
            var parts: [String] = [], joiners: [String] = []
            var q = k
            while q < end {
                if isLetter(q) {
                    let e = letters(q)
                    parts.append(text(q..<e))
                    q = e
                } else {
                    if isJoiner(q) { joiners.append(text(q..<(q + 1))) }
                    q += 1
                }
            }
            let dn = DocumentNumber(number: text(start..<j), year: year.map(text), symbolParts: parts, joiners: joiners)
            if !out.contains(dn) { out.append(dn) }
            i = end
        }
        return out
    }
}
