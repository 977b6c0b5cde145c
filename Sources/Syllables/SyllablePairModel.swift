import Foundation
import VietText

/// How often each syllable (âm tiết) and each pair of adjacent syllables occur in a body of text: the archive's own
/// texts by default (`builtin`, from samples/make_syllable_counts.py), or any text given to `learn`. Keys are lower
/// case NFC with punctuation at either end removed; every word with a digit counts as `number`.
public struct SyllablePairModel: Sendable {
    public private(set) var syllables: [String: Int] = [:]
    public private(set) var pairs: [String: Int] = [:]
    public private(set) var total = 0
    /// Known syllables by their skeleton (`VietNormalizer.fold`: no marks, `đ` as `d`): the words OCR may have
    /// meant when it read a mark wrong or dropped it.
    private var bySkeleton: [String: [String]] = [:]

    public init() {}

    /// The model of the archive's own texts.
    public static let builtin: SyllablePairModel = {
        var m = SyllablePairModel()
        for (key, n) in counts(builtinSyllables) {
            m.syllables[key, default: 0] += n
            m.total += n
        }
        for (key, n) in counts(builtinPairs) { m.pairs[key.replacingOccurrences(of: "_", with: " "), default: 0] += n }
        m.reindex()
        return m
    }()

    /// Adds the syllables and pairs of `text` (lines are separate: no pair spans a line break).
    public mutating func learn(_ text: String) { learn([text]) }

    /// Adds the syllables and pairs of each of `texts`, indexing the vocabulary once at the end.
    public mutating func learn<S: Sequence>(_ texts: S) where S.Element == String {
        for text in texts {
            for line in text.split(whereSeparator: \.isNewline) {
                var previous: String?
                for raw in line.split(whereSeparator: \.isWhitespace) {
                    guard let key = Self.contextKey(raw) else { previous = nil; continue }
                    syllables[key, default: 0] += 1
                    total += 1
                    if let p = previous { pairs[p + " " + key, default: 0] += 1 }
                    previous = key
                }
            }
        }
        reindex()
    }

    /// The model's key for a word: lower case NFC without the punctuation at its ends; nil for a word with no
    /// letter or with a digit.
    public static func key<S: StringProtocol>(_ word: S) -> String? {
        let core = String(Self.core(of: String(word)).core)
        guard !core.isEmpty, core.contains(where: \.isLetter), !core.contains(where: \.isNumber) else { return nil }
        return VietNormalizer.nfc(core).lowercased()
    }

    /// What stands for every number (a word with a digit: `2012`, `15/02/2012`, `1605/QĐ-UBND`) among the pairs:
    /// `năm 2012` is learned as `năm #`, so that `năn 1988` can be told from `năm 1988`.
    public static let number = "#"

    /// `key(word)`, or `number` for a word with a digit; nil for a word of punctuation only.
    public static func contextKey<S: StringProtocol>(_ word: S) -> String? {
        if let key = key(word) { return key }
        return word.contains(where: \.isNumber) ? number : nil
    }

    /// `word` split into the punctuation before it, its core and the punctuation after it.
    public static func core(of word: String) -> (lead: Substring, core: Substring, trail: Substring) {
        guard let first = word.firstIndex(where: isWordCharacter), let last = word.lastIndex(where: isWordCharacter) else {
            return (word[...], word[word.endIndex...], word[word.endIndex...])
        }
        return (word[..<first], word[first...last], word[word.index(after: last)...])
    }

    /// A letter or digit of a word. Not a spacing modifier such as `ˆ` (U+02C6), a letter to Unicode, which `vie`
    /// reads for a speck above a line and Vietnamese never writes.
    public static func isWordCharacter(_ c: Character) -> Bool {
        c.isNumber || (c.isLetter && c.unicodeScalars.first?.properties.generalCategory != .modifierLetter)
    }

    public func count(_ syllable: String) -> Int { syllables[syllable] ?? 0 }
    public func count(_ first: String, _ second: String) -> Int { pairs[first + " " + second] ?? 0 }

    /// The known syllables that differ from `key` only in their marks (tone, vowel marks, `đ`).
    public func siblings(of key: String) -> [String] { bySkeleton[Self.skeleton(key)] ?? [] }

    static func skeleton(_ key: String) -> String { VietNormalizer.fold(key) }

    /// Log-probability of `key` between `previous` and `next` (either may be nil): the syllable's own frequency
    /// and, interpolated with it, how often it follows `previous` and precedes `next`.
    public func score(_ key: String, previous: String?, next: String?) -> Double {
        let v = Double(max(syllables.count, 1))
        let unigram = (Double(count(key)) + 0.1) / (Double(total) + 0.1 * v)
        var s = log(unigram)
        if let p = previous {
            let np = Double(count(p))
            s += log((Double(count(p, key)) + 2 * unigram) / (np + 2)) - log(unigram)
        }
        if let n = next {
            let nk = Double(count(key))
            let un = (Double(count(n)) + 0.1) / (Double(total) + 0.1 * v)
            s += log((Double(count(key, n)) + 2 * un) / (nk + 2)) - log(un)
        }
        return s
    }

    /// `key:count` entries separated by white space.
    private static func counts(_ list: String) -> [(String, Int)] {
        list.split(whereSeparator: \.isWhitespace).compactMap { entry in
            guard let colon = entry.lastIndex(of: ":"), let n = Int(entry[entry.index(after: colon)...]) else { return nil }
            return (String(entry[..<colon]), n)
        }
    }

    private mutating func reindex() {
        var index: [String: [String]] = [:]
        for key in syllables.keys { index[Self.skeleton(key), default: []].append(key) }
        for k in index.keys { index[k]?.sort() }
        bySkeleton = index
    }
}
