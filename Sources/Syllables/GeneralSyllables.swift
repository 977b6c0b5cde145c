import Foundation
import VietText

/// How often each syllable occurs in Vietnamese at large (`builtin`: wordfreq's Vietnamese list, see
/// GeneralSyllableFrequencies.swift): the prior that tells a rare reading (`phạn`, `rùng`, `tiển`) from the common
/// syllable a worn letter or mark hid, which an archive's own texts are too few to know. Keys are canonical
/// (`VietNormalizer.normalize`: lower case, one tone placement); only well-formed syllables are kept.
public struct GeneralSyllables: Sendable {
    private var frequencies: [String: Double] = [:]
    /// The listed syllables by skeleton (`VietNormalizer.fold`), most frequent first.
    private var bySkeleton: [String: [String]] = [:]

    /// The frequency given a well-formed syllable the list leaves out (the list stops at 10⁻⁶).
    public static let unlisted = 1e-7

    /// Vietnamese at large, from wordfreq.
    public static let builtin: GeneralSyllables = {
        let entries = builtinList.split(whereSeparator: \.isWhitespace).compactMap { entry -> (String, Double)? in
            guard let colon = entry.lastIndex(of: ":"), let cb = Double(entry[entry.index(after: colon)...]) else { return nil }
            return (String(entry[..<colon]), pow(10, -cb / 100))
        }
        return GeneralSyllables(entries)
    }()

    /// No syllable known: every syllable `unlisted`.
    public init() {}

    /// Syllables with their frequencies (0…1); words that are not well-formed syllables are left out, and the
    /// frequencies of one syllable written in either tone placement are added.
    public init<S: Sequence>(_ entries: S) where S.Element == (String, Double) {
        for (word, f) in entries where SyllableShape.isWellFormed(word) {
            frequencies[VietNormalizer.normalize(word), default: 0] += f
        }
        for key in frequencies.keys { bySkeleton[VietNormalizer.fold(key), default: []].append(key) }
        for k in bySkeleton.keys { bySkeleton[k]?.sort { (frequencies[$0]!, $1) > (frequencies[$1]!, $0) } }
    }

    public var count: Int { frequencies.count }

    /// The frequency of `syllable` (any case, either tone placement); `unlisted` for one the list leaves out.
    public func frequency(_ syllable: String) -> Double { frequencies[VietNormalizer.normalize(syllable)] ?? Self.unlisted }

    public func isListed(_ syllable: String) -> Bool { frequencies[VietNormalizer.normalize(syllable)] != nil }

    /// The listed syllables that differ from `syllable` only in their marks, most frequent first (canonical keys).
    public func siblings(of syllable: String) -> [String] { bySkeleton[VietNormalizer.fold(syllable)] ?? [] }
}
