/// Edit distances between words as Unicode scalars: typo widening and suggestions compare folded words, OCR
/// correction compares a reading with the syllable it may have meant (in NFD, a mark is one edit).
public enum EditDistance {
    /// Levenshtein distance, stopping early once it exceeds `limit` (returns limit + 1 then).
    /// With `transpositions`, two swapped neighbours count as one edit (optimal string alignment).
    public static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int, transpositions: Bool = false) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if transpositions, i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
