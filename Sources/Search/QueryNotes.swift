import Catalogue
import Foundation
import Query
import SearchIndex
import VietText

/// What a search says of its query: words read from raw keys, words also searched as others, words left out,
/// and the suggestion "Có phải bạn muốn tìm: …". Built only from the query, the lists an archivist edits and
/// the documents the role may see.
extension Archive {
    /// The typed form of a folded word of the searcher (`gium` → `giùm`): the query's word that folds to it.
    func typedWord(_ folded: String, _ parsed: ParsedQuery) -> String {
        parsed.textWords.first { VietNormalizer.fold($0).replacingOccurrences(of: "'", with: "") == folded } ?? folded
    }

    /// The result's `decoded`, `expanded` and `left_out`.
    func notes(_ parsed: ParsedQuery, _ response: SearchResponse) -> (decoded: [DecodedWord], expanded: [ExpandedWords], leftOut: [String]) {
        var decoded: [DecodedWord] = [], expanded: [ExpandedWords] = []
        for r in parsed.readings {
            switch r.kind {
            case .keys: decoded += r.read.map { DecodedWord(typed: r.typed, read: $0) }
            case .spoken: expanded.append(ExpandedWords(typed: r.typed, to: r.read, by: "spoken"))
            }
        }
        // Widened words in the order typed; their near words are words of documents the role may see.
        let widened = response.expansions.keys.sorted { a, b in
            let ia = parsed.textWords.firstIndex { VietNormalizer.fold($0) == a } ?? Int.max
            let ib = parsed.textWords.firstIndex { VietNormalizer.fold($0) == b } ?? Int.max
            return ia != ib ? ia < ib : a < b
        }
        for w in widened { expanded.append(ExpandedWords(typed: typedWord(w, parsed), to: response.expansions[w] ?? [], by: "spelling")) }
        return (decoded, expanded, response.leftOut.map { typedWord($0, parsed) })
    }

    /// "Có phải bạn muốn tìm: …": the query with its words read from keys as their syllables, each word the
    /// searcher widened (or, when nothing was found, that no document the role may see holds) replaced by the
    /// nearest word those documents hold, chosen with its typed neighbours, and the words it left out dropped;
    /// capitalised as the hits' titles write it (`Nguyễn Văn Hùng`). Offered only when it says more than the
    /// words left out and finds more than the words as typed. Never a word found only in what the role may
    /// not see.
    func suggestion(_ parsed: ParsedQuery, query: String, response: SearchResponse, relaxed: Bool, searcher: Searcher,
                    role: Role) throws -> String? {
        let typed = parsed.textWords
        guard !typed.isEmpty, typed.count <= 12 else { return nil }
        let levels = role.visibleLevels.map(\.rawValue)
        let widened = response.expansions
        let leftOut = Set(response.leftOut)
        var changed = parsed.readings.contains { $0.kind == .keys }
        // The words of a spoken phrase are the archivist's vocabulary, never respelt.
        let spoken = Set(parsed.readings.filter { $0.kind == .spoken }.flatMap { $0.typed.split(separator: " ").map(String.init) })
        var words: [String] = []
        for (i, word) in typed.enumerated() {
            let folded = VietNormalizer.fold(word)
            guard !spoken.contains(word) else { words.append(word); continue }
            if leftOut.contains(folded.replacingOccurrences(of: "'", with: "")) { continue }
            var unknown = widened[folded] != nil
            if !unknown, widened.isEmpty, leftOut.isEmpty, response.total == 0 || relaxed, word.count >= 2,
               !word.allSatisfy(\.isNumber), let alone = try? parser.parse(word) {
                unknown = try count(alone.node, searcher, levels) == 0
            }
            guard unknown else { words.append(word); continue }
            let best = try searcher.termSuggestions(for: word, visibleLevels: levels, limit: 1,
                                                    previous: i > 0 ? typed[i - 1] : nil,
                                                    next: i + 1 < typed.count ? typed[i + 1] : nil).first
                ?? widened[folded]?.first
            guard let best, VietNormalizer.fold(best) != folded else { words.append(word); continue }
            words.append(best)
            changed = true
        }
        guard changed, !words.isEmpty else { return nil }
        let suggested = Self.casedLike(words, titles: response.hits.map(\.title)).joined(separator: " ")
        // It must find more than the words as typed (keys taken as letters, nothing widened or left out).
        guard let asTyped = try? literalParser.parse(query), let proposed = try? parser.parse(suggested) else { return nil }
        guard try count(proposed.node, searcher, levels) > (try count(asTyped.node, searcher, levels)) else { return nil }
        return suggested
    }

    /// Documents the role may see that match `node` strictly (no word widened or left out).
    private func count(_ node: QueryNode, _ searcher: Searcher, _ levels: [Int]) throws -> Int {
        var check = SearchRequest(query: node, visibleLevels: levels, limit: 0)
        check.expandUnknownWords = false
        return try searcher.search(check).total
    }

    /// `words` (normalized, lower case) capitalised where a title writes the same word inside a sentence with a
    /// capital first and the rest in lower case (a name: `Nguyễn`, `Hùng`); other words as they are.
    static func casedLike(_ words: [String], titles: [String]) -> [String] {
        var capitalised = Set<String>()
        for title in titles {
            for t in Tokenizer.tokens(title) where t.kind == .word {
                let raw = String(title[t.range])
                guard let first = raw.first, first.isUppercase, raw.dropFirst().allSatisfy({ !$0.isUppercase }) else { continue }
                // A sentence's first word is capitalised for being first.
                let before = title[..<t.range.lowerBound].last(where: { !$0.isWhitespace })
                guard let before, !".:;!?(".contains(before) else { continue }
                capitalised.insert(t.text)
            }
        }
        return words.map { w in
            guard capitalised.contains(w), let first = w.first else { return w }
            return String(first).uppercased() + w.dropFirst()
        }
    }
}
