import Foundation
import VietText

/// Chế độ sử dụng: who may see a record (TT 05/2025 codes 01, 02, 03).
public enum AccessLevel: Int, Codable, Sendable, Comparable, CaseIterable {
    /// 01 Công khai.
    case open = 1
    /// 02 Sử dụng có điều kiện.
    case conditional = 2
    /// 03 Mật.
    case secret = 3

    public static func < (a: AccessLevel, b: AccessLevel) -> Bool { a.rawValue < b.rawValue }

    /// The Vietnamese label: "Công khai", "Sử dụng có điều kiện", "Mật".
    public var label: String {
        switch self {
        case .open: return "Công khai"
        case .conditional: return "Sử dụng có điều kiện"
        case .secret: return "Mật"
        }
    }

    /// The two-digit TT 05/2025 code: "01", "02", "03".
    public var code: String { "0\(rawValue)" }

    /// Parses a "Chế độ sử dụng" cell: the label ("Công khai", "cong khai", "SỬ DỤNG CÓ ĐIỀU KIỆN", "Mật"),
    /// the code ("01", "1", "02", "03"), or both ("01 - Công khai", "01. Công khai"), ignoring case,
    /// diacritics and spacing. Anything else (including an empty cell) is nil: the caller decides.
    public static func parse(_ cell: String) -> AccessLevel? {
        let words = VietNormalizer.fold(cell.precomposedStringWithCanonicalMapping)
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map(String.init)
        guard !words.isEmpty else { return nil }
        let text = words.joined(separator: " ")
        if let level = byLabel[text] { return level }
        // A label followed by its code: "Công khai (01)".
        if words.count > 1, let last = words.last, last.count <= 2, let code = Int(last),
           byLabel[words.dropLast().joined(separator: " ")] == AccessLevel(rawValue: code) {
            return AccessLevel(rawValue: code)
        }
        // A code, optionally followed by the matching label.
        guard let code = Int(words[0]), let level = AccessLevel(rawValue: code), words[0].count <= 2 else { return nil }
        if words.count == 1 { return level }
        let rest = words.dropFirst().joined(separator: " ")
        return byLabel[rest] == level ? level : nil
    }

    private static let byLabel: [String: AccessLevel] = [
        "cong khai": .open,
        "su dung co dieu kien": .conditional,
        "co dieu kien": .conditional,
        "han che": .conditional,
        "mat": .secret,
    ]
}

/// Who is asking (see CONTRACT "Roles"): `public` sees Công khai; `staff` also sees Sử dụng có điều kiện;
/// `secret` sees everything, Mật included.
public enum Role: String, Codable, Sendable, CaseIterable {
    case `public`, staff, secret

    /// The most restricted level this role may see.
    public var highestLevel: AccessLevel {
        switch self {
        case .public: return .open
        case .staff: return .conditional
        case .secret: return .secret
        }
    }

    public func canSee(_ level: AccessLevel) -> Bool { level <= highestLevel }

    /// The levels this role may see, least restricted first.
    public var visibleLevels: [AccessLevel] { AccessLevel.allCases.filter(canSee) }
}
