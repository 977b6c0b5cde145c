import Foundation
import IndexSchema
import Query
import VietText
import Xapian

/// Words no document the role may see holds (`photo`, `giùm` added to a query): they do not sink it.
extension Searcher {
    /// `node` with the word clauses of its top AND group that no visible document matches as typed no longer
    /// required: the group is answered on its other clauses, `AND_MAYBE(AND(others), unknown words)`, the
    /// unknown words (widened to near words when there are some, into `expansions`) only ranking. Their folded
    /// words are added to `leftOut`. Not spared: a slip, whose near word stands next to a typed neighbour in a
    /// visible document (`Nguypễn Văn`: `nguyen_van`), which stays required as its near words; a group made
    /// only of unknown words; clauses that are not plain words (phrases, identifiers, abbreviations, spoken
    /// phrases).
    func sparingUnknownWords(_ node: QueryNode, access: XapianQuery, expansions: inout [String: [String]],
                             leftOut: inout [String]) throws -> QueryNode {
        let pairs = Set(node.terms.filter { $0.hasPrefix(TermPrefix.foldedPair) })
        return try sparing(node, pairs: pairs, access: access, expansions: &expansions, leftOut: &leftOut)
    }

    private func sparing(_ node: QueryNode, pairs: Set<String>, access: XapianQuery, expansions: inout [String: [String]],
                         leftOut: inout [String]) throws -> QueryNode {
        func spare(_ q: QueryNode) throws -> QueryNode {
            try sparing(q, pairs: pairs, access: access, expansions: &expansions, leftOut: &leftOut)
        }
        switch node {
        case let .andNot(a, b): return .andNot(try spare(a), b)
        case let .filter(a, b): return .filter(try spare(a), b)
        case let .andMaybe(a, b): return .andMaybe(try spare(a), b)
        case let .or(qs):
            // `a b OR c d`: each group on its own; a word's own alternatives are no group.
            return .or(try qs.map { q in
                switch q {
                case .and, .andMaybe, .filter, .andNot: return try spare(q)
                default: return q
                }
            })
        case let .and(qs) where qs.count >= 2:
            let unknown = try qs.map { q -> [String]? in
                guard let words = try unknownWords(q, access: access) else { return nil }
                return try words.contains(where: { try isSlipInContext($0, pairs: pairs, access: access) }) ? nil : words
            }
            guard unknown.contains(where: { $0 != nil }), unknown.contains(where: { $0 == nil }) else { return node }
            var known: [QueryNode] = [], spared: [QueryNode] = []
            for (q, words) in zip(qs, unknown) {
                if let words {
                    for w in words where !leftOut.contains(w) { leftOut.append(w) }
                    spared.append(try expandingUnknown(q, access: access, into: &expansions))
                } else {
                    known.append(q)
                }
            }
            return .andMaybe(known.count == 1 ? known[0] : .and(known), spared.count == 1 ? spared[0] : .or(spared))
        default:
            return node
        }
    }

    /// The folded words of a plain word clause (`Fphoto`, `OR(giùm, Fgium)`) that no visible document holds,
    /// or nil: a clause of another kind, or one a visible document matches.
    func unknownWords(_ node: QueryNode, access: XapianQuery) throws -> [String]? {
        var terms: [String] = []
        switch node {
        case let .term(t, _): terms = [t]
        case let .or(qs):
            for q in qs {
                guard case let .term(t, _) = q else { return nil }
                terms.append(t)
            }
        default: return nil
        }
        var words: [String] = []
        for t in terms {
            if Self.isFoldedWordTerm(t) {
                guard try !visibleMatch(t, access: access) else { return nil }
                words.append(String(t.dropFirst(TermPrefix.folded.count)))
            } else if let first = t.unicodeScalars.first, first.isASCII, first.properties.isUppercase {
                return nil   // a prefixed term (an identifier, a catalogue term): not a word
            }
        }
        return words.isEmpty ? nil : words
    }

    /// Whether a near word one edit from the unknown folded `word` (one letter slipped, or two swapped) stands
    /// next to one of its typed neighbours (the query's pairs holding `word`) in a visible document: then it
    /// is a slip of that word. Words two edits away (`photo`, `phó`) are too far to tell from another word.
    func isSlipInContext(_ word: String, pairs: Set<String>, access: XapianQuery) throws -> Bool {
        let typed = Array(word.unicodeScalars)
        let near = try nearWords(word, access: access).filter {
            EditDistance.levenshtein(Array($0.unicodeScalars), typed, limit: 1, transpositions: true) <= 1
        }
        guard !near.isEmpty else { return false }
        for p in pairs {
            let parts = p.dropFirst(TermPrefix.foldedPair.count).split(separator: "_", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            // A name with an apostrophe (`H'eZn`) is queried bare but paired as written: kept as a slip.
            for part in parts where part.contains("'") && part.replacingOccurrences(of: "'", with: "") == word { return true }
            for n in near {
                if parts[0] == word, try visibleMatch(TermPrefix.foldedPair + n + "_" + parts[1], access: access) { return true }
                if parts[1] == word, try visibleMatch(TermPrefix.foldedPair + parts[0] + "_" + n, access: access) { return true }
            }
        }
        return false
    }

    /// An `F` term of one word (`Fdat`), not a pair (`BFdat_dai`).
    static func isFoldedWordTerm(_ t: String) -> Bool {
        t.hasPrefix(TermPrefix.folded) && !t.hasPrefix(TermPrefix.foldedPair)
    }
}
