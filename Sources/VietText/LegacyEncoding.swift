import Foundation

/// Pre-Unicode Vietnamese encodings (bảng mã cũ) found in born-digital files from before ~2005.
///
/// Such text usually reaches us already decoded as Latin-1 / Windows-1252 (a PDF text layer set in a
/// `.VnTime` or `VNI-Times` font), so it looks garbled: `Quy\u{D5}t \u{AE}\u{DE}nh` (TCVN3) or
/// `Quyeát ñònh` (VNI). `detect` recognises such strings conservatively and `convert` repairs them.
public enum LegacyEncoding: String, CaseIterable, Sendable {
    /// TCVN 5712:1993 VN3, "ABC" (`.VnTime`, `.VnTimeH` fonts): one byte per letter, no upper-case
    /// toned vowels (capitals come from the `…H` font, so converted text is lower case there).
    case tcvn3
    /// VNI (`VNI-Times` fonts): a base letter followed by a mark byte (`Vieät` = Việt).
    case vni

    // MARK: - Detection

    /// The legacy encoding `s` was written in, or nil when `s` is ordinary text. Real Vietnamese
    /// Unicode text (it has letters beyond Latin-1) and plain ASCII are never detected; a string is
    /// detected only when converting it turns most of its non-ASCII words into valid Vietnamese
    /// syllables that it did not contain before.
    public static func detect(_ s: String) -> LegacyEncoding? {
        var suspicious = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { continue }
            if v <= 0xFF { suspicious += 1; continue }
            // Letters beyond Latin-1 (ă đ ơ ư ạ …): real Unicode text, not a garbled legacy string.
            if scalar.properties.isAlphabetic || (0x0300...0x036F).contains(v) { return nil }
        }
        guard suspicious > 0 else { return nil }
        let before = syllableScore(s)
        var best: (LegacyEncoding, Double, Int)? = nil
        for enc in LegacyEncoding.allCases {
            let converted = convert(s, from: enc)
            guard converted != s else { continue }
            let after = syllableScore(converted)
            guard after.total > 0 else { continue }
            let ratio = Double(after.valid) / Double(after.total)
            guard after.vietOnly >= 1, ratio >= 0.6, after.valid > before.valid else { continue }
            let beforeRatio = before.total == 0 ? 0 : Double(before.valid) / Double(before.total)
            guard ratio > beforeRatio else { continue }
            if best == nil || ratio > best!.1 || (ratio == best!.1 && after.valid > best!.2) {
                best = (enc, ratio, after.valid)
            }
        }
        return best?.0
    }

    /// Counts the words of `s` that hold a non-ASCII letter (`total`), those that are valid Vietnamese
    /// syllables (`valid`) and those valid ones that use a letter only Vietnamese Unicode has (`vietOnly`).
    static func syllableScore(_ s: String) -> (total: Int, valid: Int, vietOnly: Int) {
        var total = 0, valid = 0, vietOnly = 0
        var word = ""
        func flush() {
            defer { word = "" }
            guard !word.isEmpty, !word.utf8.allSatisfy({ $0 < 0x80 }) else { return }
            total += 1
            if VietSyllable.isValid(word) {
                valid += 1
                if word.unicodeScalars.contains(where: { $0.value > 0xFF }) { vietOnly += 1 }
            }
        }
        for ch in s {
            if ch.isLetter || (ch.unicodeScalars.first.map { $0.value >= 0xA1 && $0.value <= 0xFF } ?? false) {
                word.append(ch)
            } else { flush() }
        }
        flush()
        return (total, valid, vietOnly)
    }

    // MARK: - Conversion

    /// Converts garbled legacy text (decoded as Latin-1 or Windows-1252) to Unicode NFC.
    public static func convert(_ s: String, from encoding: LegacyEncoding) -> String {
        switch encoding {
        case .tcvn3: return convertTCVN3(s)
        case .vni: return convertVNI(s)
        }
    }

    /// Encodes Unicode Vietnamese text into the legacy encoding, as it would look decoded as Latin-1.
    /// TCVN3 has no upper-case toned vowels: those are written lower case, as a `.VnTimeH` font would.
    /// Characters the encoding cannot hold are kept as they are.
    public static func encode(_ s: String, to encoding: LegacyEncoding) -> String {
        let nfc = s.precomposedStringWithCanonicalMapping
        var out = ""
        switch encoding {
        case .tcvn3:
            for ch in nfc {
                if let b = tcvn3FromUnicode[ch] { out.unicodeScalars.append(Unicode.Scalar(b)) }
                else if let lower = ch.lowercased().first, lower != ch, let b = tcvn3FromUnicode[lower] {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                } else { out.append(ch) }
            }
        case .vni:
            for ch in nfc { out += vniFromUnicode[ch] ?? String(ch) }
        }
        return out
    }

    // MARK: TCVN3 tables

    /// TCVN3 byte → Unicode letter.
    static let tcvn3Table: [UInt8: Character] = [
        0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
        0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
        0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
        0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
        0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
        0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
        0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
        0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
        0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
        0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
        0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
        0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
        0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
        0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    ]
    static let tcvn3FromUnicode: [Character: UInt8] = {
        var d: [Character: UInt8] = [:]
        for (b, c) in tcvn3Table { d[c] = b }
        return d
    }()

    /// Converts TCVN3. The encoding has no capital toned vowels (a `.VnTimeH` heading uses lower-case
    /// codes), so a word in capitals gets its toned letters in capitals too: `C\u{E9}NG` → `CỘNG`. A word
    /// whose case cannot be told (`X\u{B7}`, one capital and toned letters) follows its neighbours.
    static func convertTCVN3(_ s: String) -> String {
        enum Case { case upper, lower, unknown }
        var segments: [(text: String, isWord: Bool, kind: Case)] = []
        var word = ""
        var upperCount = 0, lower = false
        func flushWord() {
            guard !word.isEmpty else { return }
            let kind: Case = lower ? .lower : (upperCount >= 2 ? .upper : .unknown)
            segments.append((word, true, kind))
            word = ""; upperCount = 0; lower = false
        }
        for scalar in s.unicodeScalars {
            if scalar.value <= 0xFF, let c = tcvn3Table[UInt8(scalar.value)] {
                word.append(c)
                continue
            }
            let ch = Character(scalar)
            if ch.isLetter {
                if ch.isASCII { if ch.isUppercase { upperCount += 1 } else { lower = true } }
                word.unicodeScalars.append(scalar)
            } else {
                flushWord()
                segments.append((String(ch), false, .unknown))
            }
        }
        flushWord()
        // Nearest word of known case before and after each segment (two linear passes).
        var before = [Case?](repeating: nil, count: segments.count)
        var after = [Case?](repeating: nil, count: segments.count)
        var last: Case? = nil
        for i in segments.indices {
            before[i] = last
            if segments[i].isWord, segments[i].kind != .unknown { last = segments[i].kind }
        }
        last = nil
        for i in segments.indices.reversed() {
            after[i] = last
            if segments[i].isWord, segments[i].kind != .unknown { last = segments[i].kind }
        }
        var out = ""
        for i in segments.indices {
            let seg = segments[i]
            var upper = seg.kind == .upper
            if seg.isWord, seg.kind == .unknown {
                let b = before[i] ?? after[i], a = after[i] ?? before[i]
                upper = b == .upper && a == .upper
            }
            out += upper ? seg.text.uppercased() : seg.text
        }
        return out.precomposedStringWithCanonicalMapping
    }

    // MARK: VNI tables

    // Combining marks used to build letters.
    private static let grave: Unicode.Scalar = "\u{0300}", acute: Unicode.Scalar = "\u{0301}",
        tilde: Unicode.Scalar = "\u{0303}", hook: Unicode.Scalar = "\u{0309}", dot: Unicode.Scalar = "\u{0323}",
        circumflex: Unicode.Scalar = "\u{0302}", breve: Unicode.Scalar = "\u{0306}", horn: Unicode.Scalar = "\u{031B}"

    /// VNI mark byte (as its Latin-1 character, lower-case font) → combining marks it adds.
    /// Circumflex marks go on a/e/o, breve marks on a, tone marks on every vowel.
    static let vniMarks: [Character: [Unicode.Scalar]] = [
        "ù": [acute], "ø": [grave], "û": [hook], "õ": [tilde], "ï": [dot],
        "â": [circumflex], "á": [circumflex, acute], "à": [circumflex, grave], "å": [circumflex, hook],
        "ã": [circumflex, tilde], "ä": [circumflex, dot],
        "ê": [breve], "é": [breve, acute], "è": [breve, grave], "ú": [breve, hook], "ü": [breve, tilde], "ë": [breve, dot],
        "Ù": [acute], "Ø": [grave], "Û": [hook], "Õ": [tilde], "Ï": [dot],
        "Â": [circumflex], "Á": [circumflex, acute], "À": [circumflex, grave], "Å": [circumflex, hook],
        "Ã": [circumflex, tilde], "Ä": [circumflex, dot],
        "Ê": [breve], "É": [breve, acute], "È": [breve, grave], "Ú": [breve, hook], "Ü": [breve, tilde], "Ë": [breve, dot],
    ]
    /// VNI bytes that stand alone for one letter.
    static let vniSingles: [Character: Character] = [
        "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
        "ò": "ị", "Ò": "Ị", "ó": "ĩ", "Ó": "Ĩ", "æ": "ỉ", "Æ": "Ỉ", "î": "ỵ", "Î": "Ỵ",
    ]

    static func vniBase(_ ch: Character) -> Character? {
        switch ch {
        case "a", "e", "o", "u", "y", "A", "E", "O", "U", "Y": return ch
        case "ô": return "ơ"
        case "Ô": return "Ơ"
        case "ö": return "ư"
        case "Ö": return "Ư"
        default: return nil
        }
    }

    static func convertVNI(_ s: String) -> String {
        let chars = Array(s)
        var out = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            if let base = vniBase(ch), i + 1 < chars.count, let marks = vniMarks[chars[i + 1]] {
                let lower = Character(base.lowercased())
                let hasCircumflex = marks.contains(circumflex), hasBreve = marks.contains(breve)
                let fits = (!hasCircumflex || "aeo".contains(lower)) && (!hasBreve || lower == "a")
                    && (!(hasCircumflex || hasBreve) || (base != "ơ" && base != "ư" && base != "Ơ" && base != "Ư"))
                if fits {
                    var scalars = String(base).decomposedStringWithCanonicalMapping.unicodeScalars
                    scalars.append(contentsOf: marks)
                    out += String(scalars).precomposedStringWithCanonicalMapping
                    i += 2
                    continue
                }
            }
            if let single = vniSingles[ch] { out.append(single) } else { out.append(ch) }
            i += 1
        }
        return out.precomposedStringWithCanonicalMapping
    }

    /// Unicode letter → VNI string (Latin-1 characters).
    static let vniFromUnicode: [Character: String] = {
        var d: [Character: String] = [:]
        for (byte, letter) in vniSingles { d[letter] = String(byte) }
        let bases: [Character] = ["a", "e", "o", "u", "y", "ơ", "ư", "A", "E", "O", "U", "Y", "Ơ", "Ư"]
        for base in bases {
            let upper = base.isUppercase
            let written: String = vniFromUnicodeBase(base)
            for (mark, marks) in vniMarks where mark.isUppercase == upper {
                var scalars = String(base).decomposedStringWithCanonicalMapping.unicodeScalars
                scalars.append(contentsOf: marks)
                let composed = String(scalars).precomposedStringWithCanonicalMapping
                guard composed.count == 1, let letter = composed.first, d[letter] == nil else { continue }
                let lower = Character(base.lowercased())
                if marks.contains(circumflex), !"aeo".contains(lower) { continue }
                if marks.contains(breve), lower != "a" { continue }
                d[letter] = written + String(mark)
            }
        }
        // i and y with tones: i has single bytes (and ì í are themselves); ỳ ý ỷ ỹ are y + mark.
        d["ì"] = "ì"; d["í"] = "í"; d["Ì"] = "Ì"; d["Í"] = "Í"
        return d
    }()

    private static func vniFromUnicodeBase(_ base: Character) -> String {
        switch base {
        case "ơ": return "ô"
        case "ư": return "ö"
        case "Ơ": return "Ô"
        case "Ư": return "Ö"
        default: return String(base)
        }
    }
}

/// A minimal model of a Vietnamese syllable (âm tiết): initial + vowel group + final, with the tone.
/// Used to score candidate decodings and to validate words; not a dictionary.
enum VietSyllable {
    // Besides the standard initials, the clusters and final `k` of Central Highlands names (Krông, Đắk).
    static let initials: [String] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "kr", "dr", "đr", "bl", "pl", "hr",
                                     "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
    static let finals: Set<String> = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "k"]
    static let groups: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "ya", "oo",
        "oai", "oay", "oeo", "uây", "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "iêu", "yêu", "uai", "uay",
    ]

    static func isValid(_ word: String) -> Bool {
        let lower = word.precomposedStringWithCanonicalMapping.lowercased()
        var bases: [Character] = []
        var tone: Unicode.Scalar? = nil
        for ch in lower {
            let (b, t) = VietNormalizer.splitTone(ch)
            if t != nil { if tone != nil { return false }; tone = t }
            bases.append(b)
        }
        var s = String(bases)
        var initial = ""
        for ini in initials where s.hasPrefix(ini) {
            let rest = s.dropFirst(ini.count)
            if ini == "gi" || ini == "qu" {
                guard let next = rest.first, VietNormalizer.vowelBases.contains(next) else { continue }
            }
            initial = ini; s = String(rest); break
        }
        _ = initial
        let chars = Array(s)
        var end = 0
        while end < chars.count, VietNormalizer.vowelBases.contains(chars[end]) { end += 1 }
        let group = String(chars[..<end]), final = String(chars[end...])
        guard !group.isEmpty, groups.contains(group), finals.contains(final) else { return false }
        if ["c", "ch", "p", "t", "k"].contains(final) {
            guard let tone, tone == "\u{0301}" || tone == "\u{0323}" else { return false }
        }
        return true
    }
}
