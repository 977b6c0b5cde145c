import Foundation
import IndexSchema
import Query
import VietText
import Xapian

/// "Có phải bạn muốn tìm": spelling suggestions from the words of the documents the role may see.
extension Searcher {
    /// Spelling suggestions for one word, from the words of the documents the role may see: index
    /// words whose folded form is within edit distance 2 (1 for words of 4 letters or fewer) of the
    /// folded word (two swapped letters count as one edit), closest first, then most frequent among
    /// visible documents. A word found only in documents the
    /// role may not see is never suggested. The word itself (same accents) is not suggested.
    ///
    /// `previous` / `next`: the typed neighbours of the word, when known. Among candidates at the same
    /// distance, those that stand next to a neighbour in a visible document (an existing `BF` pair:
    /// "văn hunng" → "hùng" rather than "hưng" when only "Văn Hùng" occurs) come first.
    public func termSuggestions(for word: String, visibleLevels: [Int], limit: Int = 5,
                                previous: String? = nil, next: String? = nil) throws -> [String] {
        let normalized = VietNormalizer.normalize(word.trimmingCharacters(in: .whitespacesAndNewlines))
        let folded = Array(VietNormalizer.fold(normalized).unicodeScalars)
        guard !folded.isEmpty, limit > 0,
              let access = try Self.filterQuery(visibleLevels: visibleLevels, filters: SearchFilters())
        else { return [] }
        let maxDistance = folded.count <= 4 ? 1 : 2
        return try lockedFresh {
            try retryingOnModification {
                // The words: unprefixed terms (words with diacritics) and `F` terms (every word folded; a
                // word without diacritics has only this one). `term` is what to count, `word` what to show.
                var candidates: [(word: String, term: String, distance: Int, frequency: Int)] = []
                var accentedFolds = Set<String>()
                let vocabulary = try currentVocabulary()
                let lengths = (folded.count - maxDistance)...(folded.count + maxDistance)
                for entry in vocabulary.accented(lengths: lengths) + vocabulary.folded(lengths: lengths) where entry.word != normalized {
                    let d = EditDistance.levenshtein(entry.foldedScalars, folded, limit: maxDistance, transpositions: true)
                    guard d <= maxDistance else { continue }
                    if !entry.isFolded { accentedFolds.insert(String(String.UnicodeScalarView(entry.foldedScalars))) }
                    candidates.append((entry.word, entry.term, d, entry.frequency))
                }
                // A folded word stands for itself only when no accented word folds to it.
                candidates.removeAll { $0.term.hasPrefix(TermPrefix.folded) && accentedFolds.contains($0.word) }
                // Closest and most common (over all documents) first; only these are counted per role.
                candidates.sort { a, b in
                    a.distance != b.distance ? a.distance < b.distance
                        : a.frequency != b.frequency ? a.frequency > b.frequency : a.word < b.word
                }
                candidates = Array(candidates.prefix(Self.maxSuggestionCandidates))
                guard !candidates.isEmpty else { return [] }
                let all = try database.documentCount()
                func neighbour(_ w: String?) -> String? {
                    guard let w else { return nil }
                    let n = VietNormalizer.normalize(w.trimmingCharacters(in: .whitespacesAndNewlines))
                    return n.isEmpty || n.contains(where: \.isWhitespace) ? nil : n
                }
                let before = neighbour(previous), after = neighbour(next)
                // Next to the neighbour as typed (a `BF` pair), and with the neighbour's marks as typed.
                func paired(_ word: String) throws -> Bool {
                    let sides = [before.map { (a: $0, b: word, other: $0) }, after.map { (a: word, b: $0, other: $0) }]
                    for (a, b, other) in sides.compactMap({ $0 }) {
                        let pair = Analyzer.pairTerm(VietNormalizer.fold(a), VietNormalizer.fold(b))
                        var query = try XapianQuery(term: pair)
                        if other != VietNormalizer.fold(other) { query = try XapianQuery(.and, [query, try XapianQuery(term: other)]) }
                        if try visibleMatch(query, access: access) { return true }
                    }
                    return false
                }
                let typed = Array(normalized.unicodeScalars)
                seesEverything = false
                var ranked: [(term: String, distance: Int, visible: Int, paired: Bool, marks: Int)] = []
                for c in candidates {
                    let enquire = try XapianEnquire(database: database)
                    try enquire.setQuery(try XapianQuery(.filter, [try XapianQuery(term: c.term), access]))
                    try enquire.setBoolWeighting()
                    // Exact up to a thousand documents (a candidate is kept only when one visible document
                    // holds it), estimated beyond: the count only orders common words.
                    let set = try enquire.matches(offset: 0, limit: 0, checkAtLeast: min(all, 1000))
                    if set.lowerBound > 0 {
                        let marks = EditDistance.levenshtein(Array(c.word.unicodeScalars), typed, limit: 4)
                        ranked.append((c.word, c.distance, set.estimated, try paired(c.word), marks))
                    }
                }
                // Closest first (a one-letter slip over a common word two edits away), then most frequent.
                ranked.sort { a, b in
                    if a.distance != b.distance { return a.distance < b.distance }
                    if a.paired != b.paired { return a.paired }
                    if a.marks != b.marks { return a.marks < b.marks }   // closer with the marks as typed
                    if a.visible != b.visible { return a.visible > b.visible }
                    return a.term < b.term
                }
                return ranked.prefix(limit).map { $0.term }
            }
        }
    }

    /// At most so many candidate words are counted among visible documents per suggestion.
    static let maxSuggestionCandidates = 200
}

/// The words of an index, read once per revision of the database: the folded words (`F` terms that start
/// with a letter) and the accented words (unprefixed terms), with their document frequencies, grouped by
/// length. Typo widening and suggestions scan it in memory instead of walking Xapian's term list for every
/// search with an unknown word (bench/server/RESULTS.md).
final class Vocabulary {
    struct Entry {
        /// The word as shown: `hùng`, `hung`.
        let word: String
        /// The index term: `hùng`, `Fhung`.
        let term: String
        let frequency: Int
        let isFolded: Bool
        /// The word's scalars, and those of its folded form.
        let scalars: [Unicode.Scalar]
        let foldedScalars: [Unicode.Scalar]
    }
    private var foldedByLength: [Int: [Entry]] = [:]
    private var accentedByLength: [Int: [Entry]] = [:]

    init(_ database: XapianDatabase) throws {
        try database.visitTerms { term, frequency in
            guard let first = term.unicodeScalars.first else { return .next }
            if term.hasPrefix(TermPrefix.folded) {
                guard let letter = term.unicodeScalars.dropFirst().first else { return .next }
                // Numbers are not words to widen to: jump over `F0`…`F9`.
                if ("0"..."9").contains(letter) { return .skip(to: TermPrefix.folded + "a") }
                let word = String(term.dropFirst(TermPrefix.folded.count))
                let scalars = Array(word.unicodeScalars)
                foldedByLength[scalars.count, default: []].append(
                    Entry(word: word, term: term, frequency: frequency, isFolded: true, scalars: scalars, foldedScalars: scalars))
                return .next
            }
            // Other prefixed terms (ASCII capitals): to the `F` terms, then past every prefix.
            if ("A"..."Z").contains(first) { return .skip(to: term < TermPrefix.folded ? TermPrefix.folded : "[") }
            let scalars = Array(term.unicodeScalars)
            accentedByLength[scalars.count, default: []].append(
                Entry(word: term, term: term, frequency: frequency, isFolded: false, scalars: scalars,
                      foldedScalars: Array(VietNormalizer.fold(term).unicodeScalars)))
            return .next
        }
    }

    func folded(lengths: ClosedRange<Int>) -> [Entry] { lengths.flatMap { foldedByLength[$0] ?? [] } }
    func accented(lengths: ClosedRange<Int>) -> [Entry] { lengths.flatMap { accentedByLength[$0] ?? [] } }
}
