import Foundation

/// One line of `spoken.txt`: the words citizens use (lời nói thường ngày: `sổ đỏ`, `đền bù`) for a term
/// of the records (`giấy chứng nhận quyền sử dụng đất`, `bồi thường`).
public struct SpokenEntry: Hashable, Sendable {
    /// Normalized spoken phrases, single-spaced: ["sổ đỏ", "sổ hồng"].
    public var phrases: [String]
    /// Normalized terms of the records: ["giấy chứng nhận quyền sử dụng đất", "quyền sở hữu nhà ở"].
    public var terms: [String]
    public init(phrases: [String], terms: [String]) {
        func clean(_ s: String) -> String { VietNormalizer.normalize(s).split(separator: " ").joined(separator: " ") }
        self.phrases = phrases.map(clean)
        self.terms = terms.map(clean)
    }
}

/// The spoken words of `spoken.txt`, looked up by the words of a query.
public struct SpokenVocabulary: Equatable, Sendable {
    public private(set) var entries: [SpokenEntry]
    /// Folded phrase (syllables joined by " ") → (entry, the phrase's normalized words).
    private var byFolded: [String: [(entry: Int, words: [String])]] = [:]
    /// Longest spoken phrase, in syllables.
    public private(set) var maxLength = 0

    public init(_ entries: [SpokenEntry]) {
        self.entries = entries
        for (i, e) in entries.enumerated() {
            for p in e.phrases {
                let toks = Tokenizer.tokens(p).filter(\.isPositional)
                guard !toks.isEmpty else { continue }
                maxLength = max(maxLength, toks.count)
                byFolded[toks.map(\.folded).joined(separator: " "), default: []].append((i, toks.map(\.text)))
            }
        }
    }

    public static func == (a: SpokenVocabulary, b: SpokenVocabulary) -> Bool { a.entries == b.entries }

    /// The terms of the records for the spoken phrase made of exactly these typed words (normalized, as
    /// `Token.text`): a word typed without marks matches any marks (`den bu` is `đền bù`), a word typed with
    /// marks must match them (`sơ đồ` is not `sổ đỏ`). Empty when no entry has the phrase.
    public func terms(forTyped words: [String]) -> [String] {
        let folded = words.map(VietNormalizer.fold)
        var out: [String] = []
        for candidate in byFolded[folded.joined(separator: " ")] ?? [] {
            let agrees = zip(words, zip(folded, candidate.words)).allSatisfy { typed, pair in
                typed == pair.0 || typed == pair.1
            }
            guard agrees else { continue }
            for t in entries[candidate.entry].terms where !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// Parses the `spoken.txt` format (see the header of that file).
    public static func parse(_ text: String, file: String) throws -> SpokenVocabulary {
        var entries: [SpokenEntry] = []
        try ConfigLines.forEach(text, file: file, example: "đền bù = bồi thường") { lineNo, phrases, terms in
            for p in phrases {
                guard p.contains(where: \.isLetter) else {
                    throw AnalysisConfigError(file: file, line: lineNo, message: "thiếu lời nói bên trái dấu \"=\" (hoặc giữa hai dấu \",\")")
                }
                guard p.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }) else {
                    throw AnalysisConfigError(file: file, line: lineNo,
                        message: "lời nói \"\(p)\" chỉ được gồm chữ, khoảng trắng, \"-\" hoặc \"'\"")
                }
            }
            guard terms.allSatisfy({ $0.contains(where: \.isLetter) }) else {
                throw AnalysisConfigError(file: file, line: lineNo, message: "thiếu thuật ngữ bên phải dấu \"=\" (hoặc giữa hai dấu \"|\")")
            }
            entries.append(SpokenEntry(phrases: phrases, terms: terms))
        }
        return SpokenVocabulary(entries)
    }

    /// The list compiled into the program: the same content as `index-config/spoken.txt`.
    public static let builtin: SpokenVocabulary = (try? parse(builtinSpokenText, file: "spoken.txt (builtin)")) ?? SpokenVocabulary([])
}
