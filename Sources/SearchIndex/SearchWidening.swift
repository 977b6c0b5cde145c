import Foundation
import IndexSchema
import Query
import VietText
import Xapian

/// Widening a query that finds nothing as typed: accents dropped where the index does not hold them,
/// unknown words widened to near words of the documents the role may see, real-word slips.
extension Searcher {
    /// `node` without the accented alternatives that cannot change the order but cost the most: an
    /// accented term (`đất` beside `Fdat`) held by more than half of the visible documents and by at least
    /// nine in ten of those holding its folded form. BM25 gives a term in more than half of the documents
    /// almost no weight (Xapian scales its idf into [0.5, 1), whose log is below 0.41), and nearly every
    /// document the folded term matches holds the accented one too; yet Xapian walks its posting list for
    /// every candidate (bench/scale/RESULTS.md). Matching never changes: the folded term stays. In a word, `(đất OR Fdat)`
    /// becomes `Fdat`; in a phrase, the common accented words leave the `AND_MAYBE` that ranks exact accents.
    func droppingCommonAccents(_ node: QueryNode) throws -> QueryNode {
        guard dropCommonAccents else { return node }
        var total: Int? = nil          // read only when a query holds an accented alternative
        var cache: [String: Bool] = [:]
        func common(_ accented: String) throws -> Bool {
            if let known = cache[accented] { return known }
            let all = try total ?? database.documentCount()
            total = all
            let n = try database.termFrequency(accented)
            let folded = try database.termFrequency(TermPrefix.folded + VietNormalizer.fold(accented))
            let answer = n * 2 > all && n * 10 >= folded * 9
            cache[accented] = answer
            return answer
        }
        func isAccented(_ t: String) -> Bool { t.first.map { !($0.isASCII && $0.isUppercase) } ?? false }
        func rewrite(_ node: QueryNode) throws -> QueryNode {
            switch node {
            case let .or(qs) where qs.count == 2:
                if case let .term(a, _) = qs[0], case let .term(f, _) = qs[1], isAccented(a),
                   f == TermPrefix.folded + VietNormalizer.fold(a), try common(a) {
                    return qs[1]
                }
                return .or(try qs.map(rewrite))
            case let .andMaybe(a, b):
                let left = try rewrite(a)
                var right: [QueryNode]
                if case let .and(qs) = b { right = qs } else { right = [b] }
                let plain = right.allSatisfy { if case let .term(t, _) = $0 { return isAccented(t) } else { return false } }
                guard plain else { return .andMaybe(left, try rewrite(b)) }
                right = try right.filter { if case let .term(t, _) = $0 { return !(try common(t)) } else { return true } }
                if right.isEmpty { return left }
                return .andMaybe(left, right.count == 1 ? right[0] : .and(right))
            case let .and(qs): return .and(try qs.map(rewrite))
            case let .or(qs): return .or(try qs.map(rewrite))
            case let .synonym(qs): return .synonym(try qs.map(rewrite))
            case let .scaleWeight(a, w): return .scaleWeight(try rewrite(a), w)
            case let .filter(a, b): return .filter(try rewrite(a), b)
            case let .andNot(a, b): return .andNot(try rewrite(a), b)
            default: return node
            }
        }
        return try rewrite(node)
    }

    /// `node` with each unknown `F` word term replaced by `SCALE(SYN(near words), expansionWeight)`.
    func expandingUnknown(_ node: QueryNode, access: XapianQuery, into expansions: inout [String: [String]]) throws -> QueryNode {
        switch node {
        case let .term(t, weight):
            guard t.hasPrefix(TermPrefix.folded), !t.hasPrefix(TermPrefix.foldedPair) else { return node }
            let word = String(t.dropFirst(TermPrefix.folded.count))
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= 3, scalars.contains(where: { ("a"..."z").contains($0) }) else { return node }
            if let slips = slipWidenings[word] {
                // A real word typed for another (`Lanh` for `Linh`): kept, its neighbour-consistent near
                // words added at a lower weight.
                expansions[word] = slips
                return .or([node, .scaleWeight(.synonym(slips.map { .term(TermPrefix.folded + $0) }), expansionWeight * weight)])
            }
            guard try !visibleMatch(t, access: access) else { return node }
            let near = try nearWords(word, access: access)
            guard !near.isEmpty else { return node }
            expansions[word] = near
            let syn = QueryNode.synonym(near.map { .term(TermPrefix.folded + $0) })
            return .scaleWeight(syn, expansionWeight * weight)
        case let .and(qs): return .and(try qs.map { try expandingUnknown($0, access: access, into: &expansions) })
        case let .or(qs):
            // A word's alternative found as typed (the syllable raw keys spell, `nguyễn` beside `Fnguyeenx`)
            // leaves its unknown sibling terms as they are: the word is known.
            let found = try qs.contains { q in
                guard case let .term(t, _) = q, Self.isFoldedWordTerm(t) else { return false }
                return try visibleMatch(t, access: access)
            }
            return .or(try qs.map { q in
                if found, case .term = q { return q }
                return try expandingUnknown(q, access: access, into: &expansions)
            })
        case let .synonym(qs): return .synonym(try qs.map { try expandingUnknown($0, access: access, into: &expansions) })
        case let .andMaybe(a, b):
            // The boosts after the words, so pairs can follow their words' expansions.
            let left = try expandingUnknown(a, access: access, into: &expansions)
            return .andMaybe(left, expansions.isEmpty ? b : try expandingPairs(b, expansions))
        case let .andNot(a, b): return .andNot(try expandingUnknown(a, access: access, into: &expansions), b)
        case let .filter(a, b): return .filter(try expandingUnknown(a, access: access, into: &expansions), b)
        case let .scaleWeight(a, w): return .scaleWeight(try expandingUnknown(a, access: access, into: &expansions), w)
        case .valueRange, .matchAll, .matchNothing: return node
        }
    }

    /// Folded pair terms (`BFcog_dinh`) of widened words, replaced by the pairs of their expansions
    /// that the index holds (`BFcong_dinh`): among the near words, those next to the typed neighbour.
    func expandingPairs(_ node: QueryNode, _ expansions: [String: [String]]) throws -> QueryNode {
        switch node {
        case let .term(t, weight):
            guard t.hasPrefix(TermPrefix.foldedPair) else { return node }
            let parts = t.dropFirst(TermPrefix.foldedPair.count).split(separator: "_", maxSplits: 1).map(String.init)
            guard parts.count == 2, expansions[parts[0]] != nil || expansions[parts[1]] != nil else { return node }
            var found: [QueryNode] = []
            for a in [parts[0]] + (expansions[parts[0]] ?? []) {
                for b in [parts[1]] + (expansions[parts[1]] ?? []) {
                    let pair = TermPrefix.foldedPair + a + "_" + b
                    if try database.termFrequency(pair) > 0 { found.append(.term(pair)) }
                }
            }
            return found.isEmpty ? node : .scaleWeight(.synonym(found), expansionWeight * weight)
        case let .or(qs): return .or(try qs.map { try expandingPairs($0, expansions) })
        case let .and(qs): return .and(try qs.map { try expandingPairs($0, expansions) })
        case let .synonym(qs): return .synonym(try qs.map { try expandingPairs($0, expansions) })
        case let .scaleWeight(a, w): return .scaleWeight(try expandingPairs(a, expansions), w)
        default: return node
        }
    }

    /// Whether no document of the databases has an access level outside `visibleLevels`: no `XA` term of
    /// another level has any posting (every document has its one `XA` term). True for every role over the
    /// per-level databases it opens (the public searcher opens `l1` only); then the words' checks need no
    /// filtered enquire each (one per typed word). Read once per revision (two lookups; a round trip each to
    /// a remote shard).
    func holdsNoHiddenLevel(_ visibleLevels: [Int]) throws -> Bool {
        let hidden = Set(1...3).subtracting(visibleLevels).sorted()
        if hidden.isEmpty { return true }
        if let known = noHiddenLevel[hidden] { return known }
        var none = true
        for level in hidden where try database.termFrequency(TermPrefix.access + String(level)) > 0 { none = false }
        noHiddenLevel[hidden] = none
        return none
    }

    /// A slip that makes another real word (`Diệu Lanh` for `Diệu Linh`, `Hoàng Tin` for `Hoàng Tiến`):
    /// for each typed folded pair `a_b` that no document holds while both words exist, the words `s`
    /// one edit from `b` such that a visible document holds the pair `a_s` (a prefix scan of `BFa_`,
    /// never the whole vocabulary). At most 3 per word, most frequent pair first.
    func realWordSlips(_ node: QueryNode, access: XapianQuery) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        func isWord(_ w: String) -> Bool {
            !w.isEmpty && w.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "'" }
        }
        for t in Set(node.terms) where t.hasPrefix(TermPrefix.foldedPair) {
            let parts = t.dropFirst(TermPrefix.foldedPair.count).split(separator: "_", maxSplits: 1).map(String.init)
            guard parts.count == 2, isWord(parts[0]), isWord(parts[1]), parts[1].count >= 3, out[parts[1]] == nil,
                  try database.termFrequency(t) == 0,
                  try database.termFrequency(TermPrefix.folded + parts[0]) > 0,
                  try database.termFrequency(TermPrefix.folded + parts[1]) > 0 else { continue }
            let typed = Array(parts[1].unicodeScalars)
            let prefix = TermPrefix.foldedPair + parts[0] + "_"
            var found: [(word: String, frequency: Int)] = []
            try database.visitTerms(prefix: prefix) { term, frequency in
                let s = String(term.dropFirst(prefix.count))
                if !s.contains("_"), EditDistance.levenshtein(Array(s.unicodeScalars), typed, limit: 1, transpositions: true) == 1 {
                    found.append((s, frequency))
                }
                return .next
            }
            found.sort { $0.frequency != $1.frequency ? $0.frequency > $1.frequency : $0.word < $1.word }
            var near: [String] = []
            for c in found where near.count < 3 {
                if try visibleMatch(prefix + c.word, access: access) { near.append(c.word) }
            }
            if !near.isEmpty { out[parts[1]] = near }
        }
        return out
    }

    /// Whether a document the filter lets through holds `term`.
    func visibleMatch(_ term: String, access: XapianQuery) throws -> Bool {
        guard try database.termFrequency(term) > 0 else { return false }
        if seesEverything { return true }
        return try visibleMatch(try XapianQuery(term: term), access: access)
    }

    /// Whether a document the filter lets through matches `query`.
    func visibleMatch(_ query: XapianQuery, access: XapianQuery) throws -> Bool {
        let enquire = try XapianEnquire(database: database)
        try enquire.setQuery(try XapianQuery(.filter, [query, access]))
        try enquire.setBoolWeighting()
        return try enquire.matches(offset: 0, limit: 1, checkAtLeast: 1).matches.count > 0
    }

    /// `nearWords` of a folded word, found once per search.
    func nearWords(_ word: String, access: XapianQuery) throws -> [String] {
        if let known = nearWordsFound[word] { return known }
        let near = try nearWords(Array(word.unicodeScalars), access: access)
        nearWordsFound[word] = near
        return near
    }

    /// Folded index words within edit distance 1 (words of 4 letters or fewer) or 2 of `word`
    /// (transpositions count 1) that a document the filter lets through holds; only those at the
    /// smallest such distance, most frequent first. A word only in hidden documents is never used.
    func nearWords(_ word: [Unicode.Scalar], access: XapianQuery) throws -> [String] {
        let maxDistance = word.count <= 4 ? 1 : 2
        var found: [(term: String, distance: Int, frequency: Int)] = []
        for entry in try currentVocabulary().folded(lengths: (word.count - maxDistance)...(word.count + maxDistance)) {
            let d = EditDistance.levenshtein(entry.scalars, word, limit: maxDistance, transpositions: true)
            if d <= maxDistance { found.append((entry.word, d, entry.frequency)) }
        }
        found.sort { a, b in
            a.distance != b.distance ? a.distance < b.distance
                : a.frequency != b.frequency ? a.frequency > b.frequency : a.term < b.term
        }
        var out: [String] = []
        var best: Int? = nil
        for c in found.prefix(Self.maxSuggestionCandidates) {
            if let best, c.distance > best { break }
            guard try visibleMatch(TermPrefix.folded + c.term, access: access) else { continue }
            best = c.distance
            out.append(c.term)
            if out.count >= maxExpansions { break }
        }
        return out
    }
}
