import Foundation
import IndexSchema
import Syllables
import VietText

/// Queries as people type them at a counter: raw Telex/VNI keys read as the syllables they spell
/// (`nguyeenx` → `nguyễn`), and citizens' words searched as the terms of the records (`đền bù` →
/// `bồi thường`).
extension Compiler {
    /// Weight of the terms of the records found for a spoken phrase, relative to the words typed: a document
    /// holding the very words ranks first.
    static let spokenWeight = 0.7

    /// `toks` with each word typed as raw keys replaced by the syllable it spells (same position and range,
    /// so pairs, identifiers, abbreviations and spoken words see the syllable), and the token as typed beside
    /// it. Keys that also read as a word or a code (`hoaf`, `thij`, `hung2`) are keys only when another word
    /// of the query is Vietnamese or keys; a part of a joined form (`QD-UBND`) or an abbreviation is never keys.
    func readingKeys(_ toks: [Token], compounds: [Token]) -> (tokens: [Token], typed: [Token?]) {
        guard readsKeys else { return (toks, Array(repeating: nil, count: toks.count)) }
        var read = [TypedKeys?](repeating: nil, count: toks.count)
        for (k, t) in toks.enumerated() where t.kind == .word && config.expansions(of: t.text).isEmpty {
            guard !compounds.contains(where: { $0.range.contains(t.range.lowerBound) }) else { continue }
            read[k] = KeystrokeDecoder.decode(String(t.text))
        }
        guard read.contains(where: { $0 != nil }) else { return (toks, Array(repeating: nil, count: toks.count)) }
        func isVietnamese(_ k: Int) -> Bool {
            read[k] != nil || (toks[k].kind == .word && SyllableShape.isWellFormed(toks[k].text))
        }
        var out = toks
        var typed = [Token?](repeating: nil, count: toks.count)
        for k in toks.indices {
            guard let r = read[k] else { continue }
            if r.alsoReadsAsWord, !toks.indices.contains(where: { $0 != k && isVietnamese($0) }) { continue }
            let t = toks[k]
            let (text, folded) = VietNormalizer.normalizedAndFolded(Substring(r.syllable))
            out[k] = Token(text: text, folded: folded, position: t.position, range: t.range, kind: .word)
            typed[k] = t
        }
        return (out, typed)
    }

    /// `raw` with each abbreviation typed with the keys of its `đ` (`QDD`, `QSDDD`, `HDDND`; VNI `Qd9`) written
    /// with `đ` (`QĐ`, `QSDĐ`, `HĐND`), as Unikey would have: a known abbreviation only, inside joined forms
    /// too (`1605/QDD-UBND`). With the readings, for the result to say so.
    func readingAbbreviationKeys(_ raw: String) -> (text: String, readings: [QueryReading]) {
        guard readsKeys else { return (raw, []) }
        var out = "", readings: [QueryReading] = []
        var run = ""
        func flush() {
            defer { run = "" }
            let lower = run.lowercased()
            guard run.count >= 3, lower.contains("dd") || lower.contains("d9"), config.expansions(of: run).isEmpty,
                  let read = KeystrokeDecoder.strokeReadings(run).first(where: { !config.expansions(of: $0).isEmpty }) else {
                out += run
                return
            }
            out += read
            readings.append(QueryReading(kind: .keys, typed: run, read: [read]))
        }
        for ch in raw {
            if ch.isASCII, ch.isLetter || ch.isNumber { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return (out, readings)
    }

    /// A word read from keys: the syllable as if typed with its marks, and the keys as typed (a token that
    /// only looked like keys still finds itself).
    func keyedWordNode(_ syllable: Token, typed: Token) -> QueryNode {
        var alternatives: [QueryNode] = syllable.text == syllable.folded ? [] : [.term(syllable.text)]
        alternatives.append(.term(Compiler.foldedTerm(syllable)))
        let keys = Compiler.foldedTerm(typed)
        if !alternatives.contains(.term(keys)) { alternatives.append(.term(keys)) }
        return QueryNode.any(alternatives)
    }

    /// The catalogue boosts of the terms of the records for a spoken phrase: each of their words in a title
    /// or trích yếu (`XSWboi`, `XSWthuong`), as for words typed, so the record that is about the term ranks
    /// above one that mentions it.
    func spokenCatalogueBoosts(_ terms: [String]) -> [QueryNode] {
        var seen = Set<String>()
        return terms.flatMap { analyzer.tokens($0) }.compactMap { t in
            let term = TermPrefix.catalogueWord + t.folded
            return seen.insert(term).inserted ? .term(term, weight: Compiler.spokenWeight) : nil
        }
    }

    /// A spoken phrase as typed (`typed`: its words), or, below it, the terms of the records for it, each as a
    /// phrase with its abbreviations (`giấy chứng nhận quyền sử dụng đất` also as `GCNQSDĐ`).
    func spokenNode(typed: QueryNode, terms: [String]) -> QueryNode {
        let alternatives = terms.compactMap { term -> QueryNode? in
            guard let phrase = foldedPhrase(term) else { return nil }
            let abbreviations = config.abbreviations(ofExpansion: analyzer.tokens(term).map(\.folded))
            return abbreviations.isEmpty ? phrase : .synonym([phrase] + abbreviations.compactMap(foldedPhrase))
        }
        guard !alternatives.isEmpty else { return typed }
        return .or([typed, .scaleWeight(QueryNode.synonymOf(alternatives), Compiler.spokenWeight)])
    }
}
