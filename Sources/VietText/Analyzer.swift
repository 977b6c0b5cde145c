import Foundation
import IndexSchema

/// Text analysis for indexing (phân tích văn bản): turns a body of text into Xapian terms, following
/// the term scheme. Abbreviations are NOT expanded here: expansion happens on the query side, so the
/// archivist's synonym list can change without a reindex.
///
/// Term scheme 3 holds no positions: adjacency lives in the `BF` pair terms, so a phrase is the
/// conjunction of its pairs. Positions were two thirds of the index (position table and its keys) for
/// nothing a pair does not answer (bench/scale/RESULTS.md).
public struct Analyzer: Sendable {
    public let config: AnalysisConfig
    /// Xapian refuses terms longer than 245 bytes; longer tokens are skipped.
    public static let maxTermBytes = 240

    public init(config: AnalysisConfig = .builtin) {
        self.config = config
    }

    /// Every term for a body of text, repeated as often as it occurs (the count is the term's wdf):
    /// per syllable/number its `F` folded term, and its accented term when that differs from the folded
    /// form (`đất` and `Fdat`; `ubnd` and `1605` only as `Fubnd`, `F1605`); for apostrophe names also the
    /// folded form without the apostrophe (`Fh'hen` and `Fhhen`); per adjacent pair (not across
    /// `. , ; : ! ? ( )` and the like) a `BF` term; per identifier found (`IdentifierExtractor`) its `N`,
    /// `I`, `T`/`TT` terms; `IV` neighbours of long digit runs.
    public func indexTerms(_ text: String) -> [String] {
        let toks = tokens(text)
        var terms: [String] = []
        terms.reserveCapacity(toks.count * 3)
        var previous: Token? = nil
        for tok in toks {
            if tok.text.utf8.count <= Analyzer.maxTermBytes {
                // Both NFC: equal bytes is equal text (String's == walks canonical equivalence).
                if !tok.text.utf8Equals(tok.folded) { terms.append(tok.text) }
                terms.append(TermPrefix.folded + tok.folded)
                // Apostrophe names also without it, for a clerk who types `hhen` or `mgar`.
                if tok.folded.utf8.contains(0x27) {
                    let bare = tok.folded.replacingOccurrences(of: "'", with: "")
                    if !bare.isEmpty { terms.append(TermPrefix.folded + bare) }
                }
            }
            if let prev = previous, Analyzer.pairs(prev, tok, in: text) {
                let pair = Analyzer.pairTerm(prev.folded, tok.folded)
                if pair.utf8.count <= Analyzer.maxTermBytes { terms.append(pair) }
            }
            previous = tok
        }
        terms.append(contentsOf: identifierTerms(text))
        terms.append(contentsOf: digitVariantTerms(toks))
        return terms
    }

    /// The `BF` term of two adjacent folded words: `BFquyen_su`.
    public static func pairTerm(_ a: String, _ b: String) -> String {
        TermPrefix.foldedPair + a + "_" + b
    }

    /// The `N`, `I`, `T`, `TT` terms of the identifiers in `text`.
    public func identifierTerms(_ text: String) -> [String] {
        let ids = IdentifierExtractor.extractForIndex(text)
        var terms: [String] = []
        for d in ids.documentNumbers { for k in d.keys { terms.append(TermPrefix.documentNumber + k) } }
        for c in ids.citizenIDs { terms.append(TermPrefix.citizenID + c.digits) }
        for p in ids.parcels {
            if p.sheet != nil { terms.append(TermPrefix.parcel + p.key) }
            terms.append(TermPrefix.parcelAlone + p.parcel)
        }
        return terms.filter { $0.utf8.count <= Analyzer.maxTermBytes }
    }

    /// Digit runs that get `IV` deletion-neighbour terms: long enough to be an id (CMND 9, CCCD 12,
    /// or one digit more or less), short enough not to be a table of figures.
    public static let digitVariantLengths = 8...13

    /// The `IV` terms of one digit run: the run itself and each form with one digit deleted.
    /// A run and a typed number share a term when they are equal, differ by one inserted or
    /// dropped digit, or by one misread digit.
    public static func digitVariants(_ digits: String) -> [String] {
        let chars = Array(digits)
        guard chars.count >= 7, chars.count <= 14, chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
        var out: [String] = [TermPrefix.digitVariant + digits]
        for i in chars.indices {
            var c = chars
            c.remove(at: i)
            let t = TermPrefix.digitVariant + String(c)
            if !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// `IV` terms of the long digit runs among `toks` (dots/spaces inside an id are not joined here).
    func digitVariantTerms(_ toks: [Token]) -> [String] {
        var out: [String] = []
        for t in toks where t.kind == .number && Analyzer.digitVariantLengths.contains(t.folded.count)
            && t.folded.allSatisfy({ $0.isASCII && $0.isNumber }) {
            out.append(contentsOf: Analyzer.digitVariants(t.folded))
        }
        return out
    }

    /// The positional tokens (syllables and numbers) of `text`, with ranges into `text`: for
    /// snippets and accent-insensitive highlighting (compare `Token.folded` with
    /// `ParsedQuery.highlightWords`). Positions start at 0.
    public func tokens(_ text: String) -> [Token] {
        Tokenizer.tokens(text).filter(\.isPositional)
    }

    /// Characters that end a sentence or open an aside: no adjacent pair is made across them. Commas,
    /// colons, quotes and dashes do not break a pair: a phrase is searched as the conjunction of its pairs,
    /// and "khiếu nại tố cáo" must find "khiếu nại, tố cáo" as a positional phrase did.
    static let pairBreakers: Set<Character> = [".", "!", "?", "(", ")", "[", "]", "{", "}", "…", "|", "•"]

    /// Whether two consecutive positional tokens of `text` make an adjacent pair (`BF` term).
    public static func pairs(_ a: Token, _ b: Token, in text: String) -> Bool {
        guard b.position == a.position + 1, a.range.upperBound <= b.range.lowerBound else { return false }
        // Scalar by scalar (a Character walk was a tenth of indexing). A breaker followed by a combining
        // mark is another character, not a breaker; the gap of an identifier is one joiner.
        let gap = text.unicodeScalars[a.range.upperBound..<b.range.lowerBound]
        var i = gap.startIndex
        guard i < gap.endIndex else { return true }
        if gap.index(after: i) == gap.endIndex, Tokenizer.isJoiner(gap[i].value) { return true }
        while i < gap.endIndex {
            let v = gap[i].value
            let next = gap.index(after: i)
            if pairBreakerScalars.contains(v), next == gap.endIndex || !Tokenizer.isExtender(gap[next].value) { return false }
            i = next
        }
        return true
    }

    static let pairBreakerScalars: Set<UInt32> = Set(pairBreakers.map { $0.unicodeScalars.first!.value })

    /// A metadata field value as `XL`/`XC`/`XP` terms want it: folded, single-spaced, trimmed:
    /// "UBND huyện  Krông Pắc" → "ubnd huyen krong pac".
    public static func fieldValue(_ s: String) -> String {
        fieldValues.value(for: UTF8Key(s)) { foldedSingleSpaced($0.string.precomposedStringWithCanonicalMapping) }
    }

    /// `fold(s)` split at white space and joined by single spaces.
    public static func foldedSingleSpaced(_ s: String) -> String {
        VietNormalizer.fold(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `foldedSingleSpaced(s)`, remembered per thread: a metadata value comes back with every document that
    /// carries it (the issuer, the fonds, the type of each of a fonds' documents).
    public static func foldedSingleSpacedMemo(_ s: String) -> String {
        foldedValues.value(for: UTF8Key(s)) { foldedSingleSpaced($0.string) }
    }

    private static let fieldValues = ThreadMemo<UTF8Key, String>(limit: 10_000)
    private static let foldedValues = ThreadMemo<UTF8Key, String>(limit: 10_000)
}
