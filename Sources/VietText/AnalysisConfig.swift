import Foundation

/// One line of `synonyms.txt`: abbreviations (từ viết tắt) and what they stand for.
public struct SynonymEntry: Hashable, Sendable {
    /// Normalized abbreviations: ["nđ-cp", "nđcp"].
    public var abbreviations: [String]
    /// Normalized expansions: ["nghị định chính phủ", "nghị định của chính phủ"].
    public var expansions: [String]
    public init(abbreviations: [String], expansions: [String]) {
        self.abbreviations = abbreviations.map(VietNormalizer.normalize)
        self.expansions = expansions.map { VietNormalizer.normalize($0).split(separator: " ").joined(separator: " ") }
    }
}

/// A bad line in a configuration file.
public struct AnalysisConfigError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var file: String
    public var line: Int
    /// Vietnamese message.
    public var message: String
    public var description: String { "\(file), dòng \(line): \(message)" }
    public var errorDescription: String? { description }
}

/// Analysis settings an archivist can edit without rebuilding: the abbreviation/synonym list
/// (`index-config/synonyms.txt`) and the spoken words for the terms of the records
/// (`index-config/spoken.txt`). Both are used on the query side only, so editing them needs no reindex.
public struct AnalysisConfig: Equatable, Sendable {
    public private(set) var synonyms: [SynonymEntry]
    /// Citizens' words for the terms of the records (`sổ đỏ` → `giấy chứng nhận quyền sử dụng đất`).
    public private(set) var spoken: SpokenVocabulary
    /// normalized abbreviation → entries
    private var byExact: [String: [Int]] = [:]
    /// folded abbreviation → entries
    private var byFolded: [String: [Int]] = [:]
    /// folded expansion (syllables joined by " ") → entries
    private var byExpansion: [String: [Int]] = [:]
    /// Longest expansion, in syllables.
    public private(set) var maxExpansionLength = 0

    public init(synonyms: [SynonymEntry], spoken: SpokenVocabulary = SpokenVocabulary([])) {
        self.synonyms = synonyms
        self.spoken = spoken
        for (i, e) in synonyms.enumerated() {
            for a in e.abbreviations {
                byExact[a, default: []].append(i)
                byFolded[VietNormalizer.fold(a), default: []].append(i)
            }
            for x in e.expansions {
                let words = AnalysisConfig.foldedWords(x)
                maxExpansionLength = max(maxExpansionLength, words.count)
                byExpansion[words.joined(separator: " "), default: []].append(i)
            }
        }
    }

    static func foldedWords(_ s: String) -> [String] {
        Tokenizer.tokens(s).filter(\.isPositional).map(\.folded)
    }

    /// The expansions of an abbreviation as typed. Typed with diacritics (`hđ`) it must match an
    /// abbreviation exactly; typed without (`hd`) it matches every abbreviation of that folded form.
    public func expansions(of abbreviation: String) -> [String] {
        let n = VietNormalizer.normalize(abbreviation)
        let f = VietNormalizer.fold(abbreviation)
        let ids = n != f ? (byExact[n] ?? []) : (byFolded[f] ?? [])
        var out: [String] = []
        for i in ids { for x in synonyms[i].expansions where !out.contains(x) { out.append(x) } }
        return out
    }

    /// The abbreviations whose expansion is exactly these words (compared folded):
    /// ["ủy", "ban", "nhân", "dân"] → ["ubnd"].
    public func abbreviations(ofExpansion words: [String]) -> [String] {
        let key = words.map(VietNormalizer.fold).joined(separator: " ")
        var out: [String] = []
        for i in byExpansion[key] ?? [] { for a in synonyms[i].abbreviations where !out.contains(a) { out.append(a) } }
        return out
    }

    public static func == (a: AnalysisConfig, b: AnalysisConfig) -> Bool { a.synonyms == b.synonyms && a.spoken == b.spoken }

    // MARK: Loading

    /// The lists compiled into the program: the same content as `index-config/synonyms.txt` and `spoken.txt`.
    public static let builtin = AnalysisConfig(
        synonyms: ((try? parse(builtinSynonymsText, file: "synonyms.txt (builtin)")) ?? AnalysisConfig(synonyms: [])).synonyms,
        spoken: .builtin)

    /// Reads `synonyms.txt` and `spoken.txt` from `directory`. A nil directory gives `builtin`; a file
    /// the directory lacks gives that builtin list. A file replaces its builtin list entirely. Throws
    /// `AnalysisConfigError` (file and line) on a malformed line, or when a file cannot be read.
    public static func load(directory: URL?) throws -> AnalysisConfig {
        guard let directory else { return .builtin }
        let synonyms = try readText(directory.appendingPathComponent("synonyms.txt")).map { try parse($0.text, file: $0.path).synonyms }
        let spoken = try readText(directory.appendingPathComponent("spoken.txt")).map { try SpokenVocabulary.parse($0.text, file: $0.path) }
        return AnalysisConfig(synonyms: synonyms ?? builtin.synonyms, spoken: spoken ?? builtin.spoken)
    }

    /// The UTF-8 text of a configuration file, nil when there is none.
    static func readText(_ url: URL) throws -> (text: String, path: String)? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let s = String(data: data, encoding: .utf8) else {
                throw AnalysisConfigError(file: url.path, line: 0, message: "tệp không phải UTF-8")
            }
            text = s
        } catch let e as AnalysisConfigError {
            throw e
        } catch {
            throw AnalysisConfigError(file: url.path, line: 0, message: "không đọc được tệp (\(error.localizedDescription))")
        }
        return (text, url.path)
    }

    /// Parses the `synonyms.txt` format (see the header of that file).
    public static func parse(_ text: String, file: String) throws -> AnalysisConfig {
        var entries: [SynonymEntry] = []
        try ConfigLines.forEach(text, file: file, example: "ubnd = ủy ban nhân dân") { lineNo, abbrevs, expansions in
            guard abbrevs.allSatisfy({ !$0.isEmpty }) else {
                throw AnalysisConfigError(file: file, line: lineNo, message: "thiếu từ viết tắt bên trái dấu \"=\"")
            }
            for a in abbrevs {
                guard a.allSatisfy({ $0.isLetter || ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "/" }),
                      a.contains(where: \.isLetter) else {
                    throw AnalysisConfigError(file: file, line: lineNo,
                        message: "từ viết tắt \"\(a)\" chỉ được gồm chữ, số, \"-\" hoặc \"/\", không có khoảng trắng")
                }
            }
            guard expansions.allSatisfy({ $0.contains(where: \.isLetter) }) else {
                throw AnalysisConfigError(file: file, line: lineNo, message: "thiếu cụm từ đầy đủ bên phải dấu \"=\" (hoặc giữa hai dấu \"|\")")
            }
            entries.append(SynonymEntry(abbreviations: abbrevs, expansions: expansions))
        }
        return AnalysisConfig(synonyms: entries)
    }
}

/// The lines of an `index-config/` file (`synonyms.txt`, `spoken.txt`): `left, … = right | …`, with `#`
/// comments, blank lines and a byte-order mark skipped; each line's two sides split and trimmed, in order.
enum ConfigLines {
    /// Calls `body` with each line's number, its comma-separated left side and its `|`-separated right side;
    /// a line without exactly one `=` is refused with `example` as the right form.
    static func forEach(_ text: String, file: String, example: String,
                        _ body: (_ line: Int, _ left: [String], _ right: [String]) throws -> Void) throws {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let sides = trimmed.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                throw AnalysisConfigError(file: file, line: n + 1, message: sides.count < 2
                    ? "thiếu dấu \"=\" (dạng đúng: \(example))"
                    : "chỉ được có một dấu \"=\" trên một dòng")
            }
            func items(_ side: Substring, _ separator: Character) -> [String] {
                side.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            }
            try body(n + 1, items(sides[0], ","), items(sides[1], "|"))
        }
    }
}
