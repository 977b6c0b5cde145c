// Stand-in until VietText's SyllableShape and TextLayerQuality land.
public enum SyllableShape {
    public enum TokenClass { case syllable, malformed }
    public static func classify(_ token: String) -> TokenClass { token.isEmpty ? .malformed : .syllable }
}
public struct TextLayerQuality: Sendable, Equatable {
    public var words: Int
    public var malformed: Int
    public var score: Double
    public static let poorBelow = 0.85
    public static func measure(words: [String]) -> TextLayerQuality {
        let bad = words.filter { SyllableShape.classify($0) == .malformed }.count
        return TextLayerQuality(words: words.count, malformed: bad, score: words.isEmpty ? 0 : 1 - Double(bad) / Double(words.count))
    }
    public static func measure(_ text: String) -> TextLayerQuality {
        measure(words: text.split(whereSeparator: { $0.isWhitespace }).map(String.init))
    }
}
