import Foundation
import VietText

/// A token typed with the Vietnamese input method switched off or set to the other method: the raw Telex
/// (`nguyeenx`, `dduwowngf`, `hoaf`) or VNI (`nguye6n4`, `va8n`, `tie61ng`) keys of one syllable.
public struct TypedKeys: Equatable, Sendable {
    public enum Method: String, Sendable { case telex, vni }

    /// The syllable the keys spell: NFC, canonical tone placement (`hòa`), in the case of the keys
    /// (`Nguyeenx` → `Nguyễn`, `DDAATS` → `ĐẤT`).
    public var syllable: String
    public var method: Method
    /// Whether the keys also read as something other than keys: a word of another language or a name
    /// (`hoaf`, `thij`, `vox`: letters a Latin-script word may have) or a code (`hung2`, `lo2`: letters then
    /// digits, like `H49`). Such a token is keys only among other Vietnamese words.
    public var alsoReadsAsWord: Bool
}

/// Recognises the Telex or VNI keys of one Vietnamese syllable, as Unikey would turn them into letters
/// with its spelling check on: marks right after their vowel or later in the syllable (`chisnh`,
/// `chinhs`; `truongwf`; `nguyen64`), one tone key, and only key sequences that spell a well-formed
/// syllable (`SyllableShape`). Plain syllables (`hung`), numbers, codes and everyday words of other
/// languages that happen to spell a syllable (`box`, `car`, `tax`, `now`) are not keys.
public enum KeystrokeDecoder {
    /// The syllable `token` spells as keys, or nil when it is not such a key sequence.
    public static func decode(_ token: String) -> TypedKeys? {
        if otherLanguages.contains(token.lowercased()) { return nil }
        return read(token)
    }

    /// `decode` without the list of words of other languages.
    static func read(_ token: String) -> TypedKeys? {
        let scalars = Array(token.unicodeScalars)
        // Two keys (`as`, `of`, `tw`) are too short to tell keys from a word; a syllable takes at most 7
        // letters and a few keys.
        guard scalars.count >= 3, scalars.count <= 14 else { return nil }
        var digits = false, upper = 0, letters = 0, firstUpper = false
        for (k, s) in scalars.enumerated() {
            let v = s.value
            if v >= 0x30 && v <= 0x39 {
                guard k > 0 else { return nil }
                digits = true
            } else if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A {
                letters += 1
                if v < 0x61 { upper += 1; if k == 0 { firstUpper = true } }
            } else {
                return nil
            }
        }
        // Lower case, one capital first, or all capitals (`nguyeenx`, `Nguyeenx`, `NGUYEENX`).
        let allUpper = upper == letters && letters > 1
        guard upper == 0 || allUpper || (upper == 1 && firstUpper) else { return nil }
        let keys = Array(token.lowercased().unicodeScalars).map { Character($0) }
        let method: TypedKeys.Method = digits ? .vni : .telex
        // A plain syllable is itself, except with `oo`: `khoong` is không (the `oo` of xoong is rare).
        if method == .telex, !String(keys).contains("oo"), SyllableShape.isWellFormed(String(keys)) {
            return nil
        }
        let spellings = method == .telex ? telexSpellings(keys) : vniSpellings(keys)
        for spelling in spellings {
            guard let syllable = toned(spelling), SyllableShape.isWellFormed(syllable) else { continue }
            let cased = allUpper ? syllable.uppercased() : firstUpper ? capitalised(syllable) : syllable
            let shape = SyllableShape.classify(token)
            let readsAsWord = shape == .foreign || shape == .identifier || shape == .abbreviation
            return TypedKeys(syllable: cased, method: method, alsoReadsAsWord: readsAsWord)
        }
        return nil
    }

    /// The forms of `token` with the keys of one `đ` (Telex `dd`, VNI `d9`) read as `đ`, each place alone,
    /// then all at once, in the case typed: `QSDDD` → `QSĐD`, `QSDĐ`; `HDDND` → `HĐND`. For abbreviations,
    /// which have no vowel for `decode` to read.
    public static func strokeReadings(_ token: String) -> [String] {
        let chars = Array(token)
        let places = chars.indices.dropLast().filter { k in
            (chars[k] == "d" || chars[k] == "D") && (chars[k + 1] == "9" || chars[k + 1] == "d" || chars[k + 1] == "D")
        }
        func reading(_ at: [Int]) -> String {
            var out = "", k = 0
            while k < chars.count {
                if at.contains(k) {
                    out.append(chars[k] == "D" ? "Đ" : "đ")
                    k += 2
                } else {
                    out.append(chars[k])
                    k += 1
                }
            }
            return out
        }
        var out = places.map { reading([$0]) }
        var apart: [Int] = []
        for k in places where apart.last.map({ $0 + 1 < k }) ?? true { apart.append(k) }
        if apart.count > 1 { out.append(reading(apart)) }
        return out
    }

    /// Everyday words of other languages (mostly English: goods, places, units, what citizens say at a
    /// counter) whose letters are also the Telex keys of a syllable: `box` would be `bõ`, `car` `cả`.
    public static let otherLanguages: Set<String> = [
        "box", "car", "tax", "now", "taxi", "bus", "test", "sex", "mix", "see", "tree", "seen", "queen", "soon",
        "noon", "room", "town", "down", "dawn", "was", "has", "his", "her", "bar", "war", "per", "list", "best",
        "last", "post", "cost", "most", "must", "mist", "lose", "rose", "nose", "sofa", "maps", "tips", "tops",
        "cups", "hits", "lots", "bits", "gas", "rex", "visa", "boom", "doom", "how", "low", "row",
    ]

    // MARK: Letters

    /// One letter being typed: its base (a…z, or `đ`) and vowel mark.
    struct Letter: Equatable {
        enum Mark: Equatable { case none, circumflex, breve, horn }
        var base: Character
        var mark: Mark = .none
        var isVowel: Bool { KeystrokeDecoder.vowels.contains(base) }

        var character: Character {
            switch (base, mark) {
            case ("a", .circumflex): return "â"
            case ("a", .breve): return "ă"
            case ("e", .circumflex): return "ê"
            case ("o", .circumflex): return "ô"
            case ("o", .horn): return "ơ"
            case ("u", .horn): return "ư"
            default: return base
            }
        }
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// A spelling being read: the letters so far, the tone (`T` codes) and whether a key was used.
    struct Reading {
        var letters: [Letter] = []
        var tone: UInt8 = 0
        var usedKey = false
        var hasVowel: Bool { letters.contains(where: \.isVowel) }
        var text: String { String(letters.map(\.character)) }
    }

    /// The readings `mark` gives `r`, most likely first: one per vowel of the syllable the mark can take.
    /// `ươ` (both of `uo` horned) comes before either alone, then the last vowel before the first.
    static func marking(_ r: Reading, _ mark: Letter.Mark, pair: Bool) -> [Reading] {
        var out: [Reading] = []
        let vowels = r.letters.indices.filter { r.letters[$0].isVowel }
        func takes(_ l: Letter) -> Bool {
            guard l.mark == .none else { return false }
            switch mark {
            case .circumflex: return l.base == "a" || l.base == "e" || l.base == "o"
            case .breve: return l.base == "a"
            case .horn: return l.base == "o" || l.base == "u"
            case .none: return false
            }
        }
        if pair, mark == .horn {
            for k in vowels where k + 1 < r.letters.count && r.letters[k].base == "u" && r.letters[k + 1].base == "o"
                && r.letters[k + 1].mark == .none && r.letters[k].mark != .circumflex {
                var m = r
                m.letters[k].mark = .horn
                m.letters[k + 1].mark = .horn
                m.usedKey = true
                out.append(m)
            }
        }
        for k in vowels.reversed() where takes(r.letters[k]) {
            var m = r
            m.letters[k].mark = mark
            m.usedKey = true
            out.append(m)
        }
        return out
    }

    /// Tone keys of Telex, to `T` codes.
    static let telexTones: [Character: UInt8] = ["f": T.huyền, "s": T.sắc, "r": T.hỏi, "x": T.ngã, "j": T.nặng]

    /// The spellings Telex keys may stand for, most likely first (without tone placement).
    static func telexSpellings(_ keys: [Character]) -> [Reading] {
        var readings = [Reading()]
        var i = 0
        if keys.count > 2, keys[0] == "d", keys[1] == "d" {
            readings[0].letters.append(Letter(base: "đ"))
            readings[0].usedKey = true
            i = 2
            guard keys[2] != "d" else { return [] }
        }
        while i < keys.count, !readings.isEmpty {
            let c = keys[i]
            var next: [Reading] = []
            for r in readings {
                if let tone = telexTones[c], r.hasVowel {
                    // After a vowel s r x are keys: they are never a coda. A second tone key is no syllable
                    // (twice the same key gives the letter back in Unikey).
                    guard r.tone == 0 else { continue }
                    var m = r
                    m.tone = tone
                    m.usedKey = true
                    next.append(m)
                } else if c == "w" {
                    if !r.hasVowel {
                        var m = r
                        m.letters.append(Letter(base: "u", mark: .horn))   // `w` alone is ư: `tw`, `nhwngx`
                        m.usedKey = true
                        next.append(m)
                    } else {
                        let marked = marking(r, .horn, pair: true) + marking(r, .breve, pair: false)
                        next += marked
                        // No vowel to mark (`giw`: the i is gi's): ư.
                        if marked.isEmpty {
                            var m = r
                            m.letters.append(Letter(base: "u", mark: .horn))
                            m.usedKey = true
                            next.append(m)
                        }
                    }
                } else if (c == "a" || c == "e" || c == "o"), i > 0, keys[i - 1] == c, let last = r.letters.last,
                          last.base == c, last.mark == .none {
                    var m = r
                    m.letters[m.letters.count - 1].mark = .circumflex
                    m.usedKey = true
                    next.append(m)
                    // `oo` is also a nucleus of its own (xoong, boong), read after ô.
                    if c == "o" { var plain = r; plain.letters.append(Letter(base: c)); next.append(plain) }
                } else if c == "f" || c == "j" || c == "z" || c == "w" {
                    continue
                } else {
                    var m = r
                    m.letters.append(Letter(base: c))
                    next.append(m)
                }
            }
            readings = next
            i += 1
        }
        return readings.filter(\.usedKey)
    }

    /// The spellings VNI keys may stand for, most likely first (without tone placement): tones 1 sắc,
    /// 2 huyền, 3 hỏi, 4 ngã, 5 nặng; 6 circumflex, 7 horn, 8 breve, 9 `đ`; each after its letter, at once
    /// or later in the syllable.
    static func vniSpellings(_ keys: [Character]) -> [Reading] {
        var readings = [Reading()]
        let tones: [Character: UInt8] = ["1": T.sắc, "2": T.huyền, "3": T.hỏi, "4": T.ngã, "5": T.nặng]
        for c in keys {
            var next: [Reading] = []
            for r in readings {
                if let tone = tones[c] {
                    guard r.hasVowel, r.tone == 0 else { continue }
                    var m = r
                    m.tone = tone
                    m.usedKey = true
                    next.append(m)
                } else if c == "6" {
                    next += marking(r, .circumflex, pair: false)
                } else if c == "7" {
                    next += marking(r, .horn, pair: true)
                } else if c == "8" {
                    next += marking(r, .breve, pair: false)
                } else if c == "9" {
                    guard r.letters.first?.base == "d" else { continue }
                    var m = r
                    m.letters[0].base = "đ"
                    m.usedKey = true
                    next.append(m)
                } else if c.isLetter {
                    var m = r
                    m.letters.append(Letter(base: c))
                    next.append(m)
                }
            }
            readings = next
        }
        return readings.filter(\.usedKey)
    }

    /// The letters of `r` with its tone on the vowel the canonical placement wants; nil when they are not
    /// one syllable's letters.
    static func toned(_ r: Reading) -> String? {
        let bases = r.letters.map(\.character)
        guard r.tone != 0 else { return String(bases) }
        guard let at = VietNormalizer.tonePosition(bases) else { return nil }
        var out = bases
        out[at] = VietNormalizer.withTone(bases[at], toneMarks[Int(r.tone)])
        return VietNormalizer.nfc(String(out))
    }

    /// Combining tone marks by `T` code.
    static let toneMarks: [Unicode.Scalar] = ["\u{0000}", "\u{0300}", "\u{0301}", "\u{0309}", "\u{0303}", "\u{0323}"]

    static func capitalised(_ s: String) -> String {
        guard let first = s.first else { return s }
        return String(first).uppercased() + s.dropFirst()
    }
}
