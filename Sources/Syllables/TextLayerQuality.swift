import Foundation
import VietText

/// How good a page's OCR text layer is, judged without reference text: the share of its words
/// (whitespace-separated tokens with a letter or digit) that are not malformed by `SyllableShape.classify`
/// — well-formed syllables, numbers, identifiers, abbreviations, names and loanwords all count as good.
public struct TextLayerQuality: Sendable, Equatable {
    /// Tokens with a letter or a digit.
    public var words: Int
    /// Of those, tokens `SyllableShape.classify` calls `.malformed`.
    public var malformed: Int
    /// Share of `words` not malformed, 0…1; 0 for a layer without words.
    public var score: Double

    public init(words: Int, malformed: Int) {
        self.words = words
        self.malformed = malformed
        score = words == 0 ? 0 : Double(words - malformed) / Double(words)
    }

    /// Below this score a layer is poor: more than three words in a hundred are no Vietnamese syllable,
    /// number, code, abbreviation or name. The shape check sees only part of OCR damage (a tone dropped from
    /// an open syllable, `đinh` for `định`, `Sổ` for `Số` stay well-formed): about one damaged word in four is
    /// malformed, so 0.97 flags a page with roughly an eighth of its words damaged. Clean text scores 0.99 and
    /// more, as does Tesseract's layer of a good scan.
    public static let poorBelow = 0.97

    /// A layer judged poor needs at least this many malformed words, so that a page of a few words (a cover,
    /// a stamp, a signature block) is never condemned by one bad token.
    public static let minimumMalformed = 2

    /// Whether the page should be recognised again: no words at all (nothing to keep), or a score below
    /// `poorBelow` with at least `minimumMalformed` malformed words.
    public var isPoor: Bool { words == 0 || (malformed >= Self.minimumMalformed && score < Self.poorBelow) }

    /// The quality of `text` (NFC or not), its words split at whitespace.
    public static func measure(_ text: String) -> TextLayerQuality {
        var s = VietNormalizer.nfc(text)
        let units = s.withUTF8 { Units.decode($0) }
        return units.withUnsafeBufferPointer { p in
            var words = 0, malformed = 0, k = 0
            let n = p.count
            while k < n {
                while k < n, Units.kind(p[k]) == Units.space { k += 1 }
                let start = k
                while k < n, Units.kind(p[k]) != Units.space { k += 1 }
                guard k > start else { continue }
                switch SyllableShape.classify(p, start, k) {
                case .punctuation: break
                case .malformed: words += 1; malformed += 1
                default: words += 1
                }
            }
            return TextLayerQuality(words: words, malformed: malformed)
        }
    }

    /// The quality of a layer given as its words (a PDF text layer's word boxes).
    public static func measure(words list: [String]) -> TextLayerQuality {
        var words = 0, malformed = 0
        for word in list {
            switch SyllableShape.classify(word) {
            case .punctuation: break
            case .malformed: words += 1; malformed += 1
            default: words += 1
            }
        }
        return TextLayerQuality(words: words, malformed: malformed)
    }
}

/// Each Unicode scalar as the checks see it, 16 bits: kind (bits 10–12), capital (9), tone (6–8, `T`), letter
/// code (0–5, `L`; for a joiner which one). A table answers every scalar below U+2100 (Latin, the
/// precomposed Vietnamese letters, general punctuation), built once from the scalars' decompositions.
enum Units {
    static let other: UInt16 = 0, letter: UInt16 = 1, digit: UInt16 = 2, apostrophe: UInt16 = 3, joiner: UInt16 = 4
    static let mark: UInt16 = 5, space: UInt16 = 6
    static let slash: UInt8 = 1, hyphen: UInt8 = 2, dot: UInt8 = 3, comma: UInt8 = 4, underscore: UInt8 = 5

    @inline(__always) static func kind(_ u: UInt16) -> UInt16 { u >> 10 }
    @inline(__always) static func code(_ u: UInt16) -> UInt8 { UInt8(truncatingIfNeeded: u & 0x3F) }
    @inline(__always) static func tone(_ u: UInt16) -> UInt8 { UInt8(truncatingIfNeeded: (u >> 6) & 7) }
    @inline(__always) static func isUpper(_ u: UInt16) -> Bool { u & 0x200 != 0 }
    /// A letter of the unmarked Latin alphabet or đ, without tone: what abbreviations and codes are made of.
    @inline(__always) static func isPlainLetter(_ u: UInt16) -> Bool {
        let c = code(u)
        return tone(u) == 0 && c <= L.z && (!L.isVowel(c) || L.isPlainVowel(c))
    }

    static let table: [UInt16] = (0..<0x2100).map { make(UInt32($0)) }

    @inline(__always) static func unit(_ v: UInt32) -> UInt16 { v < 0x2100 ? table[Int(v)] : make(v) }

    /// The units of UTF-8 text, one per scalar.
    static func decode(_ b: UnsafeBufferPointer<UInt8>) -> [UInt16] {
        var out: [UInt16] = []
        out.reserveCapacity(b.count)
        table.withUnsafeBufferPointer { t in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c < 0x80 { out.append(t[Int(c)]); i += 1; continue }
                let (v, length) = VietNormalizer.scalar(b, at: i)
                i += length
                out.append(v < 0x2100 ? t[Int(v)] : make(v))
            }
        }
        return out
    }

    static func make(_ v: UInt32) -> UInt16 {
        func unit(_ kind: UInt16, _ code: UInt8 = 0, tone: UInt8 = 0, upper: Bool = false) -> UInt16 {
            kind << 10 | (upper ? 0x200 : 0) | UInt16(tone) << 6 | UInt16(code)
        }
        guard let s = Unicode.Scalar(v) else { return other }
        switch v {
        case 0x30...0x39, 0xB2, 0xB3, 0xB9: return unit(digit)               // and ² ³ ¹ (m²)
        case 0x27, 0x60, 0xB4, 0x2BB, 0x2BC, 0x2018, 0x2019, 0x2032: return unit(apostrophe)
        case 0x2F: return unit(joiner, slash)
        case 0x2D, 0x2010, 0x2011, 0x2013: return unit(joiner, hyphen)
        case 0x2E: return unit(joiner, dot)
        case 0x2C: return unit(joiner, comma)
        case 0x5F: return unit(joiner, underscore)
        case 0x300...0x36F: return unit(mark)
        case 0x200B, 0xFEFF: return unit(space)
        case 0x111, 0xF0: return unit(letter, L.đ)                            // đ, and ð standing in for it
        case 0x110, 0xD0, 0x189: return unit(letter, L.đ, upper: true)
        default: break
        }
        if s.properties.isWhitespace { return unit(space) }
        guard s.properties.isAlphabetic else { return s.properties.isGraphemeExtend ? unit(mark) : other }
        let scalars = Array(String(s).decomposedStringWithCanonicalMapping.unicodeScalars)
        let base = scalars[0].value | 0x20
        let upper = s.properties.isUppercase
        guard scalars[0].isASCII, base >= 0x61, base <= 0x7A else { return unit(letter, L.other, upper: upper) }
        var code = UInt8(L.names.firstIndex(of: Character(Unicode.Scalar(base)!))!)
        var tone: UInt8 = 0
        for m in scalars.dropFirst() {
            switch (m.value, code) {
            case (0x302, L.a): code = L.â
            case (0x302, L.e): code = L.ê
            case (0x302, L.o): code = L.ô
            case (0x306, L.a): code = L.ă
            case (0x31B, L.o): code = L.ơ
            case (0x31B, L.u): code = L.ư
            case (0x300, _) where tone == 0: tone = T.huyền
            case (0x301, _) where tone == 0: tone = T.sắc
            case (0x309, _) where tone == 0: tone = T.hỏi
            case (0x303, _) where tone == 0: tone = T.ngã
            case (0x323, _) where tone == 0: tone = T.nặng
            default: return unit(letter, L.other, upper: upper)
            }
        }
        return unit(letter, code, tone: tone, upper: upper)
    }
}
