import Foundation

/// A document number (số, ký hiệu văn bản): `1605/QĐ-UBND`, `43/2014/NĐ-CP`, `325/TTr-TNMT`.
public struct DocumentNumber: Hashable, Sendable, CustomStringConvertible {
    /// The number without leading zeros: "1605", "43".
    public var number: String
    /// The year of the `number/year/symbol` form, if present: "2014".
    public var year: String?
    /// The symbol parts, folded lower case: ["qd", "ubnd"], ["nd", "cp"].
    public var symbolParts: [String]
    /// The joiners between symbol parts ("-", "/" or "."), `symbolParts.count - 1` of them.
    public var joiners: [String]

    public init(number: String, year: String? = nil, symbolParts: [String], joiners: [String]? = nil) {
        let trimmed = number.drop(while: { $0 == "0" })
        self.number = trimmed.isEmpty ? "0" : String(trimmed)
        self.year = year
        self.symbolParts = symbolParts.map { VietNormalizer.fold($0) }
        self.joiners = joiners ?? Array(repeating: "-", count: max(0, symbolParts.count - 1))
    }

    /// The document number of a catalogue row, from its `Số` and `Ký hiệu` cells: ("1605", "QĐ-UBND"),
    /// ("43", "2014/NĐ-CP"), ("05/2025", "TT-BNV"), or everything in one cell ("1605/QĐ-UBND", nil).
    /// Nil when the cells do not make a `number/symbol` (a number without symbol, free text).
    /// Index `keys` (as `N` terms) so the metadata meets the query side.
    public static func fromCatalogue(number: String?, symbol: String?) -> DocumentNumber? {
        let parts = [number, symbol].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { return nil }
        let joined = parts.joined(separator: "/")
        let found = IdentifierExtractor.documentNumbers(in: joined, lenient: true)
        guard found.count == 1 else { return nil }
        return found[0]
    }

    /// The symbol (ký hiệu), folded: "qd-ubnd".
    public var symbol: String {
        var s = symbolParts.first ?? ""
        for (i, part) in symbolParts.dropFirst().enumerated() { s += (i < joiners.count ? joiners[i] : "-") + part }
        return s
    }

    /// Canonical folded form: "1605/qd-ubnd", "43/2014/nd-cp".
    public var canonical: String {
        [number, year, symbol].compactMap { $0 }.joined(separator: "/")
    }
    public var description: String { canonical }

    /// Every key indexed as an `N` term: the canonical form, and the shorter forms a clerk may type:
    /// number + type symbol ("1605/qd", for `qd 1605`) and, for the year form, "43/2014/nd" and "43/nd".
    public var keys: [String] {
        var out = [canonical]
        if let first = symbolParts.first {
            if let year { out.append("\(number)/\(year)/\(first)") }
            out.append("\(number)/\(first)")
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }
}

/// A citizen identity number: CMND (chứng minh nhân dân, 9 digits) or CCCD (căn cước công dân, 12).
public struct CitizenID: Hashable, Sendable {
    public enum Kind: String, Sendable { case cmnd, cccd }
    public var digits: String
    public var kind: Kind { digits.count == 12 ? .cccd : .cmnd }
    /// Nil unless `digits` is 9 digits, or 12 digits starting with 0 (province code).
    public init?(_ digits: String) {
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              digits.count == 9 || (digits.count == 12 && digits.hasPrefix("0")) else { return nil }
        self.digits = digits
    }
}

/// A land parcel (thửa đất) and its map sheet (tờ bản đồ).
public struct Parcel: Hashable, Sendable {
    /// Parcel number (số thửa), without leading zeros.
    public var parcel: String
    /// Map sheet number (số tờ bản đồ), when given.
    public var sheet: String?
    public init(parcel: String, sheet: String? = nil) {
        self.parcel = Parcel.trimZeros(parcel)
        self.sheet = sheet.map(Parcel.trimZeros)
    }
    static func trimZeros(_ s: String) -> String {
        let t = s.drop(while: { $0 == "0" })
        return t.isEmpty ? "0" : String(t)
    }
    /// "305/80" (or "305" without a sheet).
    public var key: String { sheet.map { "\(parcel)/\($0)" } ?? parcel }
}

/// Everything `IdentifierExtractor` finds in a text, each list in order of first appearance, without
/// repeats.
public struct Identifiers: Hashable, Sendable {
    public var documentNumbers: [DocumentNumber] = []
    public var citizenIDs: [CitizenID] = []
    public var parcels: [Parcel] = []
    public var dates: [ArchiveDate] = []
    public init() {}
}

/// Finds identifiers in running text (OCR text or a query): document numbers, citizen ids, parcels
/// and dates. Works on folded text, so `QĐ`/`QD`, `thửa`/`thua` are alike.
public enum IdentifierExtractor {
    public static func extract(_ text: String) -> Identifiers {
        var ids = extractForIndex(text)
        ids.dates = dates(in: text)
        return ids
    }

    /// What the index keeps of a page (document numbers, citizen ids, parcels; no dates — the index
    /// holds dates as words and pairs). The same answers as `extract`, with cheap tests first: a page
    /// without `thua` has no parcel, and document numbers are only looked for on the lines that hold a
    /// digit and a `/` (the pattern never crosses a line).
    public static func extractForIndex(_ text: String) -> Identifiers {
        var ids = Identifiers()
        ids.documentNumbers = documentNumbersByLine(in: text)
        ids.citizenIDs = citizenIDs(in: text)
        ids.parcels = parcels(in: text)
        return ids
    }

    static func documentNumbersByLine(in text: String) -> [DocumentNumber] {
        var text = text
        return text.withUTF8 { documentNumbersByLine(bytes: $0) }
    }

    /// The document numbers of each candidate line, per thread: the lines that cite a number are often the
    /// same boilerplate in every document of a fonds (`Căn cứ Nghị định số 43/2014/NĐ-CP ngày …`).
    private static let lineMemo = ThreadMemo<UTF8Key, [DocumentNumber]>(limit: 20_000)

    private static func documentNumbersByLine(bytes: UnsafeBufferPointer<UInt8>) -> [DocumentNumber] {
        var out: [DocumentNumber] = []
        let bytes = bytes
        var start = 0
        while start < bytes.count {
            var end = start
            var candidate = false
            while end < bytes.count, bytes[end] != 0x0A {
                // A digit, maybe spaces or tabs, `/`, then what a symbol starts with: where a number can
                // start (a date's `15/02/2012` is not one).
                if bytes[end] == 0x2F, !candidate {
                    var k = end - 1
                    while k >= start, bytes[k] == 0x20 || bytes[k] == 0x09 { k -= 1 }
                    if k >= start, bytes[k] >= 0x30, bytes[k] <= 0x39, symbolMayFollow(bytes, end + 1) { candidate = true }
                }
                end += 1
            }
            if candidate {
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let found = lineMemo.value(for: UTF8Key(line)) { documentNumbers(in: $0.string) }
                for dn in found where !out.contains(dn) { out.append(dn) }
            }
            start = end + 1
        }
        return out
    }

    /// Whether a document number's symbol can start at byte `k` (just after its first `/`): spaces or
    /// tabs, maybe a year `19xx`/`20xx` and another `/`, then a capital letter or any non-ASCII letter (one
    /// that folds to a capital, `Đ`, `Ô`…). A cheap superset of what the pattern accepts there.
    static func symbolMayFollow(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var k = start
        func skipBlanks() { while k < b.count, b[k] == 0x20 || b[k] == 0x09 { k += 1 } }
        func capitalOrWide() -> Bool { k < b.count && ((b[k] >= 0x41 && b[k] <= 0x5A) || b[k] >= 0x80) }
        skipBlanks()
        if capitalOrWide() { return true }
        var digits = 0
        while k < b.count, b[k] >= 0x30, b[k] <= 0x39 { k += 1; digits += 1 }
        guard digits == 4 else { return false }
        skipBlanks()
        guard k < b.count, b[k] == 0x2F else { return false }
        k += 1
        skipBlanks()
        return capitalOrWide()
    }

    /// Whether the UTF-8 of `s` holds the ASCII `word` (a cheap test before a regular expression).
    static func containsASCII(_ s: String, _ word: String) -> Bool {
        let w = Array(word.utf8)
        var text = s
        return text.withUTF8 { b -> Bool in
            guard let first = w.first, b.count >= w.count else { return false }
            var i = 0
            while i <= b.count - w.count {
                if b[i] == first {
                    var k = 1
                    while k < w.count, b[i + k] == w[k] { k += 1 }
                    if k == w.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    // MARK: Document numbers

    private static func regex(_ pattern: String, _ options: NSRegularExpression.Options = []) -> NSRegularExpression? {
        // The patterns are constants of this file; a bad one is a programming error that the tests catch.
        try? NSRegularExpression(pattern: pattern, options: options)
    }

    /// Whether every pattern of the extractor compiled (checked by the tests).
    static var patternsCompiled: Bool {
        [docRegexStrict, docRegexLenient, symbolSplit, parcelPair, parcelPairReversed, parcelAlone,
         dateFull, dateSlash, dateDash, dateMonth, dateYear].allSatisfy { $0 != nil }
    }

    private static let docPart = "[A-Z][A-Za-z]{0,9}"
    private static let docPattern =
        "(?<![\\p{L}\\p{N}/.])(\\d{1,6})[ \\t]*/[ \\t]*(?:((?:1[89]|20)\\d{2})[ \\t]*/[ \\t]*)?"
        + "(\(docPart)(?:(?:[-./]\(docPart))|(?:[ \\t]*[-/][ \\t]*[A-Z]{2,10}(?![A-Za-z])))*)(?![\\p{L}\\p{N}])"
    private static let docRegexStrict = regex(docPattern)
    private static let docRegexLenient = regex(docPattern, [.caseInsensitive])
    private static let symbolSplit = regex("[ \\t]*([-./])[ \\t]*")

    /// Document numbers in `text`. In running text (`lenient: false`) each symbol part must start
    /// with a capital, as printed (`QĐ-UBND`, `TTr`); a query (`lenient: true`) may be all lower case.
    /// Spaces around `/` and `-` are tolerated: `1605 / QĐ - UBND`.
    /// Matched by hand on an ASCII folded text (`DocumentNumberMatcher`), by the regular expression otherwise.
    public static func documentNumbers(in text: String, lenient: Bool = false) -> [DocumentNumber] {
        let s = VietNormalizer.foldKeepingCase(text)
        return DocumentNumberMatcher.documentNumbers(folded: s, lenient: lenient) ?? documentNumbersByRegex(folded: s, lenient: lenient)
    }

    /// The document numbers of the folded text `s` by the regular expression: the definition.
    static func documentNumbersByRegex(folded s: String, lenient: Bool) -> [DocumentNumber] {
        let ns = s as NSString
        var out: [DocumentNumber] = []
        let re = lenient ? docRegexLenient : docRegexStrict
        for m in re.all(in: s, range: NSRange(location: 0, length: ns.length)) {
            let number = ns.substring(with: m.range(at: 1))
            let year = m.range(at: 2).location == NSNotFound ? nil : ns.substring(with: m.range(at: 2))
            let symbol = ns.substring(with: m.range(at: 3))
            var parts: [String] = [], joiners: [String] = []
            var last = 0
            let sym = symbol as NSString
            for j in symbolSplit.all(in: symbol, range: NSRange(location: 0, length: sym.length)) {
                parts.append(sym.substring(with: NSRange(location: last, length: j.range.location - last)))
                joiners.append(sym.substring(with: j.range(at: 1)))
                last = j.range.location + j.range.length
            }
            parts.append(sym.substring(from: last))
            let dn = DocumentNumber(number: number, year: year, symbolParts: parts, joiners: joiners)
            if !out.contains(dn) { out.append(dn) }
        }
        return out
    }

    // MARK: Citizen ids

    /// 9-digit CMND and 12-digit CCCD numbers standing alone: not part of a longer digit run or of a
    /// dotted number (`1.500.000.000`), not a phone number written after `+` / `+84`.
    public static func citizenIDs(in text: String) -> [CitizenID] {
        var out: [CitizenID] = []
        var text = text   // native UTF-8: its bytes are read directly, and its indices are made from offsets
        @inline(__always) func isDecimal(_ v: UInt32) -> Bool {
            if v < 0x80 { return v >= 0x30 && v <= 0x39 }
            // No decimal digit before U+0660 nor among the Vietnamese letters: no property lookup for them.
            if v < 0x660 || (v >= 0x1E00 && v <= 0x1EFF) { return false }
            return Unicode.Scalar(v)?.properties.numericType == .decimal
        }
        // The runs of 9 or 12 ASCII digits among the maximal runs of decimal digits (as `\d+` finds them):
        // byte offsets, from the UTF-8 scanned scalar by scalar.
        var runs: [(Int, Int)] = []
        text.withUTF8 { b in
            let n = b.count
            @inline(__always) func decode(_ k: Int) -> (UInt32, Int) { VietNormalizer.scalar(b, at: k) }
            var k = 0
            while k < n {
                if b[k] < 0x80, b[k] < 0x30 || b[k] > 0x39 { k += 1; continue }   // ASCII, not a digit
                var (v, len) = decode(k)
                guard isDecimal(v) else { k += len; continue }
                let start = k
                var count = 0, ascii = true
                while true {
                    if v >= 0x80 { ascii = false }
                    count += 1
                    k += len
                    guard k < n else { break }
                    (v, len) = decode(k)
                    guard isDecimal(v) else { break }
                }
                if ascii, count == 9 || count == 12 { runs.append((start, k)) }
            }
        }
        for (a, e) in runs {
            let start = text.utf8.index(text.utf8.startIndex, offsetBy: a)
            let i = text.utf8.index(text.utf8.startIndex, offsetBy: e)
            let before = text[..<start], after = text[i...]
            // Part of a dotted or comma number: 1.234.567.890 or 123456789,5
            if let p = before.last, ".,".contains(p), before.dropLast().last?.isNumber == true { continue }
            if let a = after.first, ".,".contains(a), after.dropFirst().first?.isNumber == true { continue }
            var b = before
            while let l = b.last, l == " " || l == "-" || l == "." || l == ")" { b.removeLast() }
            if b.hasSuffix("+") || b.hasSuffix("+84") || b.hasSuffix("(+84") || b.hasSuffix("(84") { continue }
            if let id = CitizenID(String(text[start..<i])), !out.contains(id) { out.append(id) }
        }
        return out
    }

    // MARK: Parcels

    private static let thua = "\\bthua(?:\\s+dat)?(?:\\s+so)?\\s*:?\\s*(\\d{1,6})\\b"
    private static let to = "\\bto(?:\\s+ban\\s+do)?(?:\\s+dia\\s+chinh)?(?:\\s+so)?\\s*:?\\s*(\\d{1,5})\\b"
    private static let parcelPair = regex(thua + "\\s*[,;]?\\s*(?:(?:thuoc|cua|va)\\s+)?" + to)
    private static let parcelPairReversed = regex(to + "\\s*[,;]?\\s*(?:(?:gom|va)\\s+)?" + thua)
    private static let parcelAlone = regex(thua)

    /// Parcels: `thửa đất số 305, tờ bản đồ số 80`, `thửa số 305 tờ số 80`, `thửa 305 tờ 80`, the
    /// reverse order `tờ bản đồ số 80 thửa 305`, and a parcel without its sheet (`thửa đất số 305`).
    ///
    /// The patterns are matched by hand on the folded bytes (`ParcelMatcher`); where the answer hangs on the
    /// Unicode class of a character other than a space (a digit of another script, a letter or mark beside a
    /// number), on the regular expressions (`parcelsByRegex`). Both give the answers of `parcelsInWholeText`
    /// (checked by the tests). The regular expressions were about 4 % of a reindex (bench/analysis: 35 µs a
    /// page with them, 12 µs with the matcher, 5 of which fold the page).
    public static func parcels(in text: String) -> [Parcel] {
        var s = VietNormalizer.fold(text)
        guard containsASCII(s, "thua") else { return [] } // every pattern holds the word
        if let found = s.withUTF8({ b -> [Parcel]? in
            var matcher = ParcelMatcher(b)
            return matcher.parcels()
        }) { return found }
        return parcelsByRegex(folded: s)
    }

    /// The parcels of folded `s` by the regular expressions. The patterns run only on the stretches of text
    /// that can hold a match (see `parcelIslands`), not on the whole page: the same answers as
    /// `parcelsInWholeText` (checked by the tests), a fraction of the work.
    static func parcelsByRegex(folded s: String) -> [Parcel] {
        guard containsASCII(s, "thua") else { return [] } // every pattern holds the word
        guard thuaMayPrecedeANumber(s) else { return [] }
        var found: [(Int, Parcel)] = []
        for (offset, island) in parcelIslands(s) {
            found += parcelMatches(island).map { ($0.0 + offset, $0.1) }
        }
        var out: [Parcel] = []
        for (_, p) in found.sorted(by: { $0.0 < $1.0 }) where !out.contains(p) { out.append(p) }
        return out
    }

    /// Whether some `thua` in folded `s` is followed by what the `thua` pattern allows before its number
    /// (`\s`, `dat`, `so`, `:`) and then a digit: every pattern (the pair, the reversed pair, the parcel alone)
    /// ends or starts with that pattern, so without it nothing matches. A superset: any non-ASCII character
    /// (Unicode white space or digit) answers yes.
    static func thuaMayPrecedeANumber(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b -> Bool in
            let n = b.count
            var i = 0
            while i + 4 < n {
                if b[i] == 0x74, b[i + 1] == 0x68, b[i + 2] == 0x75, b[i + 3] == 0x61 {
                    var k = i + 4
                    while k < n {
                        let c = b[k]
                        if c >= 0x80 || (c >= 0x30 && c <= 0x39) { return true }
                        let skipped = (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x3A
                            || c == 0x64 || c == 0x61 || c == 0x74 || c == 0x73 || c == 0x6F
                        guard skipped else { break }
                        k += 1
                    }
                }
                i += 1
            }
            return false
        }
    }

    /// The parcels of folded `s` by running the patterns over all of it: the definition `parcels(in:)`
    /// must agree with.
    static func parcelsInWholeText(_ text: String) -> [Parcel] {
        let s = VietNormalizer.fold(text)
        guard containsASCII(s, "thua") else { return [] }
        var out: [Parcel] = []
        for (_, p) in parcelMatches(s).sorted(by: { $0.0 < $1.0 }) where !out.contains(p) { out.append(p) }
        return out
    }

    /// Matches of the three patterns in `s` (UTF-16 offsets): pairs first, then reversed pairs and lone
    /// parcels outside them.
    private static func parcelMatches(_ s: String) -> [(Int, Parcel)] {
        let ns = s as NSString
        let all = NSRange(location: 0, length: ns.length)
        var found: [(Int, Parcel)] = []
        var covered: [NSRange] = []
        for m in parcelPair.all(in: s, range: all) {
            found.append((m.range.location, Parcel(parcel: ns.substring(with: m.range(at: 1)), sheet: ns.substring(with: m.range(at: 2)))))
            covered.append(m.range)
        }
        for m in parcelPairReversed.all(in: s, range: all) where !overlaps(m.range, covered) {
            found.append((m.range.location, Parcel(parcel: ns.substring(with: m.range(at: 2)), sheet: ns.substring(with: m.range(at: 1)))))
            covered.append(m.range)
        }
        for m in parcelAlone.all(in: s, range: all) where !overlaps(m.range, covered) {
            found.append((m.range.location, Parcel(parcel: ns.substring(with: m.range(at: 1)))))
        }
        return found
    }

    /// The stretches of folded text a parcel match can lie in, with their UTF-16 offsets: maximal runs of
    /// the characters the patterns are made of (`a`–`z`, decimal digits, white space, `:`, `,`, `;`), each
    /// with one more character on either side, so `\b` sees what it sees in the whole text. No match
    /// crosses another character, so the matches of the stretches are those of the whole text. Only the
    /// runs holding `thua` and a digit (every match does) are returned.
    static func parcelIslands(_ s: String) -> [(Int, String)] {
        var text = s
        return text.withUTF8 { b -> [(Int, String)] in
            let n = b.count
            @inline(__always) func scalar(_ k: Int) -> (UInt32, Int) { VietNormalizer.scalar(b, at: k) }
            @inline(__always) func inPattern(_ v: UInt32) -> Bool {
                if v >= 0x61 && v <= 0x7A { return true }
                if v == 0x3A || v == 0x2C || v == 0x3B || v == 0x20 || (v >= 0x30 && v <= 0x39) { return true }
                if v < 0x80 { return v >= 0x09 && v <= 0x0D }
                guard let c = Unicode.Scalar(v) else { return false }
                return c.properties.isWhitespace || c.properties.numericType == .decimal
            }
            // What `\b` looks past: ICU skips Grapheme_Extend and format characters (`U+00AD`, `U+200B`…), not only
            // marks. Every mark is taken too: an island reaching further back than `\b` looks changes nothing, one
            // stopping short of it does.
            @inline(__always) func isMark(_ v: UInt32) -> Bool {
                guard v >= 0xAD, let c = Unicode.Scalar(v) else { return false }
                switch c.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark, .format: return true
                default: return c.properties.isGraphemeExtend
                }
            }
            var out: [(Int, String)] = []
            var k = 0, utf16 = 0
            var previous = -1, previous16 = 0   // byte and UTF-16 offsets of the scalar before the island
            while k < n {
                let (v, len) = scalar(k)
                guard inPattern(v) else {
                    previous = k; previous16 = utf16
                    utf16 += v >= 0x10000 ? 2 : 1
                    k += len
                    continue
                }
                // One island: a maximal run, kept only when it holds `thua` (every pattern does).
                let start = k, start16 = utf16
                var state = 0, holdsThua = false, holdsDigit = false
                while k < n {
                    let (w, l) = scalar(k)
                    guard inPattern(w) else { break }
                    if !holdsDigit, (w >= 0x30 && w <= 0x39) || w >= 0x80 { holdsDigit = true } // \d, or maybe
                    if !holdsThua {
                        switch (state, w) {
                        case (_, 0x74): state = 1
                        case (1, 0x68): state = 2
                        case (2, 0x75): state = 3
                        case (3, 0x61): holdsThua = true
                        default: state = 0
                        }
                    }
                    utf16 += w >= 0x10000 ? 2 : 1
                    k += l
                }
                if holdsThua, holdsDigit {
                    // `\b` skips combining marks: take in the marks on either side and the character past them.
                    var lo = start, lo16 = start16
                    if previous >= 0 {
                        lo = previous; lo16 = previous16
                        while lo > 0, isMark(scalar(lo).0) {
                            var p = lo - 1
                            while p > 0, b[p] & 0xC0 == 0x80 { p -= 1 }
                            lo16 -= scalar(p).0 >= 0x10000 ? 2 : 1
                            lo = p
                        }
                    }
                    var hi = k
                    while hi < n {
                        let (w, l) = scalar(hi)
                        hi += l
                        if !isMark(w) { break }
                    }
                    // Every match starts at a `to` or `thua` and ends with digits: the island is cut to run from
                    // the character before its first `to`/`thua` to the character after its last digit (any
                    // non-ASCII character of an island may be one), which `\b` sees as in the whole text. No
                    // mark lies inside an island, so those characters are whole.
                    var first = start
                    while first + 1 < k {
                        if b[first] == 0x74, b[first + 1] == 0x6F
                            || (first + 3 < k && b[first + 1] == 0x68 && b[first + 2] == 0x75 && b[first + 3] == 0x61) { break }
                        first += 1
                    }
                    if first > start, first + 1 < k {
                        var p = first - 1
                        while b[p] & 0xC0 == 0x80 { p -= 1 }
                        var units = 0
                        for q in start..<p where b[q] & 0xC0 != 0x80 { units += b[q] >= 0xF0 ? 2 : 1 }
                        lo = p
                        lo16 = start16 + units
                    }
                    var lastDigitEnd = -1
                    var q = start
                    while q < k {
                        let (w, l) = scalar(q)
                        q += l
                        if w >= 0x80 || (w >= 0x30 && w <= 0x39) { lastDigitEnd = q }
                    }
                    // No digit after the first `to`/`thua`: nothing can match.
                    if lastDigitEnd > first {
                        if lastDigitEnd < k { hi = lastDigitEnd + scalar(lastDigitEnd).1 }
                        out.append((lo16, String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)))
                    }
                }
            }
            return out
        }
    }

    private static func overlaps(_ r: NSRange, _ list: [NSRange]) -> Bool {
        list.contains { NSIntersectionRange($0, r).length > 0 }
    }

    // MARK: Dates

    private static let dateFull = regex("\\bngay\\s+(\\d{1,2})\\s+thang\\s+(\\d{1,2})\\s+nam\\s+(\\d{4})(?!\\d)")
    private static let dateSlash = regex("(?<![\\d/.-])(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4})(?![\\d/])")
    private static let dateDash = regex("(?<![\\d/.-])(\\d{1,2})([.-])(\\d{1,2})\\2(\\d{4})(?![\\d]|[.-]\\d)")
    private static let dateMonth = regex("\\bthang\\s+(\\d{1,2})\\s*(?:/|-|\\.|\\bnam\\b)\\s*(\\d{4})(?!\\d)")
    private static let dateYear = regex("\\bnam\\s+(\\d{4})(?!\\d)")

    /// Dates: `ngày 15 tháng 02 năm 2012`, `15/02/2012`, `15/2/2012`, `15-02-2012`, `15.02.2012`,
    /// `tháng 02/2012`, `tháng 2 năm 2012`, `năm 2012`. Impossible dates (31/02/2012) are skipped.
    public static func dates(in text: String) -> [ArchiveDate] {
        let s = VietNormalizer.fold(text)
        let ns = s as NSString
        let all = NSRange(location: 0, length: ns.length)
        var found: [(Int, ArchiveDate)] = []
        var covered: [NSRange] = []
        func int(_ m: NSTextCheckingResult, _ i: Int) -> Int { Int(ns.substring(with: m.range(at: i))) ?? 0 }
        func add(_ m: NSTextCheckingResult, _ d: ArchiveDate?) {
            covered.append(m.range)
            if let d { found.append((m.range.location, d)) }
        }
        for m in dateFull.all(in: s, range: all) {
            add(m, ArchiveDate(year: int(m, 3), month: int(m, 2), day: int(m, 1)))
        }
        for m in dateSlash.all(in: s, range: all) where !overlaps(m.range, covered) {
            add(m, ArchiveDate(year: int(m, 3), month: int(m, 2), day: int(m, 1)))
        }
        for m in dateDash.all(in: s, range: all) where !overlaps(m.range, covered) {
            add(m, ArchiveDate(year: int(m, 4), month: int(m, 3), day: int(m, 1)))
        }
        for m in dateMonth.all(in: s, range: all) where !overlaps(m.range, covered) {
            add(m, ArchiveDate(year: int(m, 2), month: int(m, 1)))
        }
        for m in dateYear.all(in: s, range: all) where !overlaps(m.range, covered) {
            add(m, ArchiveDate(year: int(m, 1)))
        }
        var out: [ArchiveDate] = []
        for (_, d) in found.sorted(by: { $0.0 < $1.0 }) where !out.contains(d) { out.append(d) }
        return out
    }
}

extension Optional where Wrapped == NSRegularExpression {
    func all(in s: String, range: NSRange) -> [NSTextCheckingResult] {
        self?.matches(in: s, range: range) ?? []
    }
}
