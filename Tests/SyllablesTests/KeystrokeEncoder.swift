import Foundation
@testable import Syllables
import VietText

/// The keys a person types for a syllable with Telex or VNI, in the orders people type them: the oracle of
/// `KeystrokeDecoderTests` (written from the input methods' key tables, independently of the decoder).
enum KeystrokeEncoder {
    enum Order: CaseIterable {
        /// Marks right after their vowel, tone key last: `nguyeenx`, `dduwowngf`, `nguye6n4`, `d9u7o7ng2`.
        case toneLast
        /// Marks right after their vowel, tone key right after the vowels, before the final consonants:
        /// `chisnh`, `tie61ng`, `nguyeexn`.
        case toneAfterVowels
        /// Tone key right after the vowel that carries it: `hofa`, `thusy`, `kho3e`.
        case toneOnItsVowel
        /// The short forms: Telex `w` alone for ư and `uow` for ươ; VNI one `7` for ươ (`uo7`).
        case shortForms
        /// Marks deferred to the end of the syllable, then the tone: Telex horn and breve as one `w`
        /// (`truongwf`, `hoacwj`), VNI every digit last (`nguyen64`, `duong972`).
        case marksLast
    }

    struct Parts {
        /// Letters without tone, marks kept: ["n","g","u","y","ê","n"].
        var letters: [Character]
        var tone: UInt8
        var tonePosition: Int
    }

    /// Splits a lower-case syllable into its letters (vowel marks kept) and its tone.
    static func parts(_ syllable: String) -> Parts {
        var letters: [Character] = [], tone: UInt8 = 0, position = -1
        let marks: [Unicode.Scalar: UInt8] = ["\u{0300}": 1, "\u{0301}": 2, "\u{0309}": 3, "\u{0303}": 4, "\u{0323}": 5]
        for ch in VietNormalizer.nfc(syllable).lowercased() {
            let scalars = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars
            var kept = String.UnicodeScalarView()
            for s in scalars {
                if let t = marks[s] { tone = t; position = letters.count } else { kept.append(s) }
            }
            letters.append(String(kept).precomposedStringWithCanonicalMapping.first!)
        }
        return Parts(letters: letters, tone: tone, tonePosition: position)
    }

    static let vowels: Set<Character> = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]

    static let telexLetters: [Character: String] = ["â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"]
    static let telexToneKeys: [UInt8: String] = [1: "f", 2: "s", 3: "r", 4: "x", 5: "j"]
    static let vniLetters: [Character: String] = ["â": "a6", "ă": "a8", "ê": "e6", "ô": "o6", "ơ": "o7", "ư": "u7", "đ": "d9"]
    static let vniToneKeys: [UInt8: String] = [1: "2", 2: "1", 3: "3", 4: "4", 5: "5"]
    static let plain: [Character: Character] = ["â": "a", "ă": "a", "ê": "e", "ô": "o", "ơ": "o", "ư": "u", "đ": "d"]

    /// Telex keys of `syllable` in `order`; nil when the order does not apply (no mark to defer, no short form).
    static func telex(_ syllable: String, _ order: Order) -> String? {
        let p = parts(syllable)
        let lastVowel = p.letters.lastIndex(where: { vowels.contains($0) }) ?? p.letters.count - 1
        let tone = p.tone == 0 ? "" : telexToneKeys[p.tone]!
        var out = ""
        switch order {
        case .toneLast, .toneAfterVowels, .toneOnItsVowel:
            for (k, l) in p.letters.enumerated() {
                out += telexLetters[l] ?? String(l)
                if order == .toneAfterVowels, k == lastVowel { out += tone }
                if order == .toneOnItsVowel, k == p.tonePosition { out += tone }
            }
            if order == .toneLast { out += tone }
            if order != .toneLast, p.tone == 0 { return nil }
        case .shortForms:
            let s = String(p.letters)
            guard s.contains("ư") else { return nil }
            var letters = s.replacingOccurrences(of: "ươ", with: "uow")
            // `w` alone after a consonant (`tw`, `nhwngx`, `ngwowif` is `uow` already).
            letters = letters.replacingOccurrences(of: "ư", with: "w")
            for l in letters { out += telexLetters[l] ?? String(l) }
            out += tone
        case .marksLast:
            let s = String(p.letters)
            let horned = s.filter { $0 == "ư" || $0 == "ơ" || $0 == "ă" }
            guard !horned.isEmpty, horned.count == 1 || s.contains("ươ") else { return nil }
            for l in p.letters {
                if l == "ư" || l == "ơ" || l == "ă" { out.append(plain[l]!) } else { out += telexLetters[l] ?? String(l) }
            }
            out += "w" + tone
        }
        return out
    }

    /// VNI keys of `syllable` in `order`; nil when the order does not apply.
    static func vni(_ syllable: String, _ order: Order) -> String? {
        let p = parts(syllable)
        let lastVowel = p.letters.lastIndex(where: { vowels.contains($0) }) ?? p.letters.count - 1
        let tone = p.tone == 0 ? "" : vniToneKeys[p.tone]!
        var out = ""
        switch order {
        case .toneLast, .toneAfterVowels, .toneOnItsVowel:
            for (k, l) in p.letters.enumerated() {
                out += vniLetters[l] ?? String(l)
                if order == .toneAfterVowels, k == lastVowel { out += tone }
                if order == .toneOnItsVowel, k == p.tonePosition { out += tone }
            }
            if order == .toneLast { out += tone }
            if order != .toneLast, p.tone == 0 { return nil }
        case .shortForms:
            let s = String(p.letters)
            guard s.contains("ươ") else { return nil }
            for l in s.replacingOccurrences(of: "ươ", with: "uo7") { out += vniLetters[l] ?? String(l) }
            out += tone
        case .marksLast:
            var digits = ""
            for (k, l) in p.letters.enumerated() {
                // ươ takes one 7 for both letters.
                let pairedHorn = l == "ơ" && k > 0 && p.letters[k - 1] == "ư"
                if let d = vniLetters[l] {
                    out.append(plain[l]!)
                    if !pairedHorn { digits.append(d.last!) }
                } else {
                    out.append(l)
                }
            }
            guard !digits.isEmpty else { return nil }
            out += digits + tone
        }
        // A VNI sequence is digits among letters; without a mark or tone the syllable is typed as itself.
        return out.contains(where: \.isNumber) ? out : nil
    }
}
