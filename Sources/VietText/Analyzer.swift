import Foundation

/// Xapian term prefixes (see docs/ARCHITECTURE.md, "Term scheme").
public enum TermPrefix {
    /// Accented syllable: no prefix (`đất`).
    public static let accented = ""
    /// Folded syllable (`Fdat`).
    public static let folded = "F"
    /// Accented adjacent pair (`Bquyền_sử`).
    public static let pair = "B"
    /// Folded adjacent pair (`BFquyen_su`).
    public static let foldedPair = "BF"
    /// Document number, folded canonical form and shorter keys (`N1605/qd-ubnd`, `N1605/qd`).
    public static let documentNumber = "N"
    /// Citizen id, CMND or CCCD (`I079123456789`).
    public static let citizenID = "I"
    /// Parcel with its map sheet (`T305/80`).
    public static let parcel = "T"
    /// Parcel number alone (`TT305`).
    public static let parcelAlone = "TT"
    /// Unique document id (`QH49.64.33.2001.160.1`).
    public static let documentID = "Q"
    /// File id, Mã hồ sơ (`XFH49.64.33.2001.160`).
    public static let fileID = "XF"
    /// Document type, Tên loại văn bản, folded (`XLquyet dinh`).
    public static let documentType = "XL"
    /// Issuing body, Cơ quan ban hành, folded (`XCubnd huyen krong pac`).
    public static let issuingBody = "XC"
    /// Phông (fonds) name, folded.
    public static let fonds = "XP"
    /// Year (`XY2012`).
    public static let year = "XY"
    /// Access level 1/2/3 (`XA1`).
    public static let access = "XA"
    /// One-digit-deletion neighbours of a long digit run (8–13 digits) and the run itself (`IV24061235`):
    /// a typed number still finds an OCR'd run with one digit more, less or misread (symmetric delete).
    public static let digitVariant = "IV"
    /// Catalogue (sổ) terms, weighted, for ranking a document's own metadata above mere mentions:
    /// its own document number (keys as for `N`): `XSN1605/qd-ubnd`.
    public static let catalogueNumber = "XSN"
    /// Its own date from the catalogue, `YYYYMMDD`: `XSD20050213`.
    public static let catalogueDate = "XSD"
    /// Its own year: `XSY2005`.
    public static let catalogueYear = "XSY"
    /// Its type, folded: `XSTquyet dinh`.
    public static let catalogueType = "XST"
    /// A folded syllable of its title, type or trích yếu: `XSWhung`.
    public static let catalogueWord = "XSW"
}

/// One term to index; `position` is nil for terms without positions (pairs, identifiers).
public struct IndexTerm: Hashable, Sendable, CustomStringConvertible {
    public var term: String
    public var position: Int?
    public init(term: String, position: Int? = nil) {
        self.term = term
        self.position = position
    }
    public var description: String { position.map { "\(term)@\($0)" } ?? term }
}

/// Text analysis for indexing (phân tích văn bản): turns a body of text into Xapian terms, following
/// the term scheme. Abbreviations are NOT expanded here: expansion happens on the query side, so the
/// archivist's synonym list can change without a reindex.
public struct Analyzer: Sendable {
    public let config: AnalysisConfig
    /// Xapian refuses terms longer than 245 bytes; longer tokens are skipped.
    public static let maxTermBytes = 240

    public init(config: AnalysisConfig = .builtin) {
        self.config = config
    }

    /// Every term for a body of text, with positions starting at `startPosition`:
    /// per syllable/number the accented term and the `F` folded term at the same position (for
    /// apostrophe names also the folded form without the apostrophe: `Fh'hen` and `Fhhen`); per
    /// adjacent pair (not across `. , ; : ! ? ( )` and the like) a `B` and a `BF` term; per identifier
    /// found (`IdentifierExtractor`) its `N`, `I`, `T`/`TT` terms, without positions.
    public func indexTerms(_ text: String, startPosition: Int) -> [IndexTerm] {
        analyze(text, startPosition: startPosition).terms
    }

    /// `indexTerms` plus the first position after the text (to place the next page after a gap).
    public func analyze(_ text: String, startPosition: Int) -> (terms: [IndexTerm], nextPosition: Int) {
        let toks = tokens(text)
        var terms: [IndexTerm] = []
        terms.reserveCapacity(toks.count * 4)
        var previous: Token? = nil
        for tok in toks {
            let pos = startPosition + tok.position
            if tok.text.utf8.count <= Analyzer.maxTermBytes {
                terms.append(IndexTerm(term: tok.text, position: pos))
                terms.append(IndexTerm(term: TermPrefix.folded + tok.folded, position: pos))
                // Apostrophe names also without it, for a clerk who types `hhen` or `mgar`.
                if tok.folded.contains("'") {
                    let bare = tok.folded.replacingOccurrences(of: "'", with: "")
                    if !bare.isEmpty { terms.append(IndexTerm(term: TermPrefix.folded + bare, position: pos)) }
                }
            }
            if let prev = previous, Analyzer.pairs(prev, tok, in: text) {
                let accented = TermPrefix.pair + prev.text + "_" + tok.text
                let folded = TermPrefix.foldedPair + prev.folded + "_" + tok.folded
                if accented.utf8.count <= Analyzer.maxTermBytes {
                    terms.append(IndexTerm(term: accented))
                    terms.append(IndexTerm(term: folded))
                }
            }
            previous = tok
        }
        terms.append(contentsOf: identifierTerms(text))
        terms.append(contentsOf: digitVariantTerms(toks))
        let next = startPosition + (toks.last.map { $0.position + 1 } ?? 0)
        return (terms, next)
    }

    /// The `N`, `I`, `T`, `TT` terms of the identifiers in `text`.
    public func identifierTerms(_ text: String) -> [IndexTerm] {
        let ids = IdentifierExtractor.extract(text)
        var terms: [IndexTerm] = []
        for d in ids.documentNumbers { for k in d.keys { terms.append(IndexTerm(term: TermPrefix.documentNumber + k)) } }
        for c in ids.citizenIDs { terms.append(IndexTerm(term: TermPrefix.citizenID + c.digits)) }
        for p in ids.parcels {
            if p.sheet != nil { terms.append(IndexTerm(term: TermPrefix.parcel + p.key)) }
            terms.append(IndexTerm(term: TermPrefix.parcelAlone + p.parcel))
        }
        return terms.filter { $0.term.utf8.count <= Analyzer.maxTermBytes }
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
    func digitVariantTerms(_ toks: [Token]) -> [IndexTerm] {
        var out: [IndexTerm] = []
        for t in toks where t.kind == .number && Analyzer.digitVariantLengths.contains(t.folded.count)
            && t.folded.allSatisfy({ $0.isASCII && $0.isNumber }) {
            out.append(contentsOf: Analyzer.digitVariants(t.folded).map { IndexTerm(term: $0) })
        }
        return out
    }

    /// The positional tokens (syllables and numbers) of `text`, with ranges into `text`: for
    /// snippets and accent-insensitive highlighting (compare `Token.folded` with
    /// `ParsedQuery.highlightWords`). Positions start at 0, as in `indexTerms(text, startPosition: 0)`.
    public func tokens(_ text: String) -> [Token] {
        Tokenizer.tokens(text).filter(\.isPositional)
    }

    /// Characters that end a phrase: no adjacent pair is made across them.
    static let pairBreakers: Set<Character> = [".", ",", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}",
                                               "\"", "“", "”", "…", "|", "•", "–", "—"]

    /// Whether two consecutive positional tokens of `text` make an adjacent pair (`B`/`BF` term).
    public static func pairs(_ a: Token, _ b: Token, in text: String) -> Bool {
        guard b.position == a.position + 1, a.range.upperBound <= b.range.lowerBound else { return false }
        let gap = text[a.range.upperBound..<b.range.lowerBound]
        if gap.count == 1, let g = gap.first, Tokenizer.joiners.contains(g) { return true } // inside an identifier
        return !gap.contains(where: { pairBreakers.contains($0) })
    }

    /// A metadata field value as `XL`/`XC`/`XP` terms want it: folded, single-spaced, trimmed:
    /// "UBND huyện  Krông Pắc" → "ubnd huyen krong pac".
    public static func fieldValue(_ s: String) -> String {
        VietNormalizer.fold(s.precomposedStringWithCanonicalMapping)
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
