import Foundation

/// Character error rate and word miss rate, for comparing recognised text with the true text.
enum TextMetrics {
    /// Whitespace collapsed to single spaces, NFC.
    static func flatten(_ s: String) -> [Character] {
        Array(s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }

    /// Levenshtein distance between the flattened texts divided by the length of the truth.
    static func cer(_ recognized: String, truth: String) -> Double {
        let a = flatten(recognized), b = flatten(truth)
        guard !b.isEmpty else { return a.isEmpty ? 0 : 1 }
        var prev = Array(0...a.count), cur = Array(repeating: 0, count: a.count + 1)
        for j in 1...b.count {
            cur[0] = j
            for i in 1...max(1, a.count) where a.count > 0 {
                cur[i] = min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if a.isEmpty { cur[0] = j }
            swap(&prev, &cur)
        }
        return Double(prev[a.count]) / Double(b.count)
    }

    /// Share of the true words (order-free, with multiplicity) that the recognised text misses.
    static func wordMissRate(_ recognized: String, truth: String) -> Double {
        var have: [String: Int] = [:]
        for w in recognized.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }) {
            have[String(w), default: 0] += 1
        }
        let want = truth.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !want.isEmpty else { return 0 }
        var missed = 0
        for w in want {
            if let n = have[w], n > 0 { have[w] = n - 1 } else { missed += 1 }
        }
        return Double(missed) / Double(want.count)
    }
}
