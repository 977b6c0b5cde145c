import Foundation
import VietText

/// Corrects what Tesseract's `vie` model gets wrong in Vietnamese text, one line at a time, keeping the words'
/// number and order (each word's box stays its own):
///
/// - `Ð` (eth) read for `Đ`: `ÐK` → `ĐK`; `Œ` read for `CH`: `ŒỦ` → `CHỦ`;
/// - digits read as letters where a number must stand: after `Điều`, `Khoản`, `Chương`, `Mục`, `số` a lone
///   `L`, `l`, `I`, `|` is `1` (`Điều L.` → `Điều 1.`); inside runs of digits `l I |` are `1` and `O o` are `0`
///   (`2O17` → `2017`, `l5/02/2012` → `15/02/2012`);
/// - marks misread or dropped: a word that is not a Vietnamese syllable (`SyllableShape`) or that the archive's
///   texts never use is replaced by the known syllable with the same letters and other marks (`quyet` →
///   `quyết`, `phâm` → `phẩm`, `chê` → `chế`) that the syllable-pair model (`SyllablePairModel`) finds most
///   likely between its neighbours, or by Tesseract's own next choice for one of its symbols, or by the `m` a worn
///   typeface lets `vie` read as `n` (`năn` → `năm`), or by a letter it lost put back (`NHĨA` → `NGHĨA`), when
///   that makes a known syllable; a well-formed word (known or not) is replaced only when the replacement is seen
///   beside its neighbours at least twice, and more often than the word itself; a word the archive never writes,
///   rare in Vietnamese at large (`GeneralSyllables`) and read unsure, gives way to the syllable a mark or worn
///   letter away that is far more frequent (`rùng` → `rừng`);
///
/// - words read without the space between them are cut (`chủhộ` → `chủ hộ`, `tổdânphố5` → `tổ dân phố 5`,
///   `KT.GIÁMĐỐC` → `KT. GIÁM ĐỐC`): at a capital or a digit after a lower-case letter, at an abbreviation's period,
///   or into the syllables Vietnamese at large makes likeliest;
/// - a table's border read as `|` is dropped, and the `_` beside it (`2_|Hồ` → `2 Hồ`);
/// - punctuation that specks of a photocopy make: a lone mark read with little confidence (`‡`, `¬`, `¡`, `:`) is
///   dropped (its word becomes empty); a `.` `:` `_` `-` between two syllables is a space (`hợp.với` → `hợp với`);
///   stray marks glued before a syllable (`-hạt`, `!chủ`, `¿có`) go, and so do `.` `?` `!` `_` `-` after one when the next word
///   goes on in lower case (`theo. quy` → `theo quy`; `:` and `;` stay, lists and labels put them there, unless a
///   `:` was read unsure), and a `)` no `(` opened; the `_` of a form's line glued to a number (`5_` → `5`); a lone
///   dash whose box is no wide bar, in running text or at a line's end.
///
/// Case is kept (`QUYÊT` → `QUYẾT`, `Phâm` → `Phẩm`), so is the punctuation around a word.
public struct OCRCorrector: Sendable {
    public var model: SyllablePairModel
    /// Vietnamese at large: what a syllable the archive's texts never use is most likely to be.
    public var general: GeneralSyllables
    /// A known, well-formed word read with at least this confidence (0…100) is left alone.
    public var trustAbove: Double = 93
    /// A well-formed word the archive never writes gives way to a syllable that differs by one worn letter or mark
    /// only when that syllable is at least this many times as frequent in Vietnamese at large.
    public var generalMargin = 20.0
    /// Below this frequency in Vietnamese at large a well-formed word the archive never writes may be a misreading.
    public var rareBelow = 1e-5
    /// How much less likely each letter or mark changed makes a candidate (a noisy channel's cost per edit).
    public var editCost = 10.0

    public init(model: SyllablePairModel = .builtin, general: GeneralSyllables = .builtin) {
        self.model = model
        self.general = general
    }

    /// One recognised word: its text, Tesseract's confidence (0…100), per symbol (a letter with its marks) the
    /// alternatives Tesseract weighed, best first, and its box's size in pixels (0 when not known).
    public struct Word: Sendable {
        public var text: String
        public var confidence: Double
        public var choices: [[String]]
        public var width: Int
        public var height: Int
        public init(text: String, confidence: Double = 0, choices: [[String]] = [], width: Int = 0, height: Int = 0) {
            self.text = text; self.confidence = confidence; self.choices = choices
            self.width = width; self.height = height
        }
    }

    static let numberWords: Set<String> = ["điều", "khoản", "chương", "mục", "số", "phần", "tờ", "thửa", "lần", "khóa", "khoá"]

    /// The corrected texts of a line's words (as many as given, in order; an empty text is a word to drop).
    public func correct(line words: [Word]) -> [String] {
        // `Ð` (eth, U+00D0) is read for `Đ` (U+0110): Vietnamese has no eth.
        let texts = words.indices.map { i in
            Self.isSpeckDash(words[i], between: i > 0 ? words[i - 1].text : nil, and: i + 1 < words.count ? words[i + 1].text : nil) ? "" :
                Self.ligatureFixed(VietNormalizer.nfc(words[i].text).replacingOccurrences(of: "Ð", with: "Đ").replacingOccurrences(of: "ð", with: "đ"))
        }
        // Specks read as lone letters go before the punctuation is weighed (`gốc. ị`: the period ends a sentence).
        var out = texts
        for i in out.indices where isSpeckLetter(out[i], confidence: words[i].confidence, after: i > 0 ? out[i - 1] : nil) { out[i] = "" }
        out = Self.punctuationFixed(out, confidences: words.map(\.confidence))
        for i in out.indices {
            let (lead, core, trail) = SyllablePairModel.core(of: out[i])
            guard !core.isEmpty else { continue }
            if isSpeckLetter(out[i], confidence: words[i].confidence, after: i > 0 ? out[i - 1] : nil) { out[i] = ""; continue }
            if let parts = labelSplit(String(core)) ?? gluedSplit(String(core)) { out[i] = lead + parts + trail; continue }
            // The square metre's `²`, which `vie` reads as `?`: after an area (`320,0 m?`) or in a heading (`(m?)`).
            if core == "m", trail.hasPrefix("?"), lead == "(" || (i > 0 && out[i - 1].last?.isNumber == true) {
                out[i] = lead + "m²" + trail.dropFirst()
                continue
            }
            var fixed = String(core)
            let previousKey = i > 0 ? SyllablePairModel.contextKey(out[i - 1]) : nil
            if let n = Self.digitsFixed(fixed, afterNumberWord: previousKey.map { Self.numberWords.contains($0) } ?? false) {
                fixed = n
            } else if !core.contains(where: \.isNumber) {
                let nextKey = i + 1 < out.count ? SyllablePairModel.contextKey(out[i + 1]) : nil
                fixed = marksFixed(fixed, word: words[i], previous: previousKey, next: nextKey)
            }
            if fixed != core { out[i] = lead + fixed + trail }
        }
        return isSpeckLine(out, words) ? out.map { _ in "" } : out
    }

    /// A lone dash after a word, with a lower-case word or the line's end after it, whose box is not half as wide
    /// again as it is tall: a speck or a stroke, since a dash is a short wide bar however the page was scaled (and
    /// Vietnamese never hyphenates a line's last syllable). Before a capital (`Độc lập - Tự do`) and as a line's
    /// bullet it stays: Tesseract's box of a real dash there is often a tall one.
    static func isSpeckDash(_ word: Word, between previous: String?, and next: String?) -> Bool {
        guard word.width > 0, word.height > 0, ["-", "–", "—"].contains(word.text),
              let previous, let last = previous.last, last.isLetter || ",.;".contains(last),
              next == nil || next?.first?.isLowercase == true else { return false }
        return 2 * word.width < 3 * word.height
    }

    /// A speck read as a lone `i` with a mark (`ị`, `ì`: the commonest insertions on worn and photocopied pages, a
    /// dot or a tick over a stroke), unsure and no word the archive writes. Other lone marked vowels are words
    /// (`ở`, `ý`, `ô tô`, `ô nhiễm`) and stay.
    func isSpeckVowel(_ core: String, confidence: Double) -> Bool {
        guard core.count == 1, confidence < trustAbove else { return false }
        return VietNormalizer.fold(core).lowercased() == "i" && core.lowercased() != "i" && model.count(core.lowercased()) == 0
    }

    /// A speck read as a lone letter, with its punctuation: a marked `i` (`isSpeckVowel`) or a consonant (`isSpeckConsonant`).
    func isSpeckLetter(_ word: String, confidence: Double, after previous: String?) -> Bool {
        let core = SyllablePairModel.core(of: word).core
        return !core.isEmpty && (isSpeckVowel(String(core), confidence: confidence)
            || isSpeckConsonant(word, confidence: confidence, after: previous))
    }

    /// A speck read as a lone lower-case consonant (`h`, `l`, `t`: a stroke of toner), unsure, with no punctuation:
    /// no Vietnamese word is one consonant. `m` and `x` are (a unit, a form's tick), and so is any letter after a
    /// number (`500 đ`, `8 h`).
    func isSpeckConsonant(_ word: String, confidence: Double, after previous: String?) -> Bool {
        guard word.count == 1, let c = word.first, Self.loneConsonants.contains(c), confidence < trustAbove else { return false }
        return previous?.last?.isNumber != true
    }

    static let loneConsonants: Set<Character> = Set("bcdđfghjklnpqrstvwz")

    /// A line of nothing but specks (`h`, `§ k`, `}`, `ñ`, `Ũ`: a photocopy's toner between the lines): marks, single
    /// letters that are no Vietnamese word, and single marked vowels read with little confidence (a plain `a` may be
    /// a list's item). A digit (a page's number) or any longer word makes it a line of text.
    func isSpeckLine(_ texts: [String], _ words: [Word]) -> Bool {
        var any = false
        for (text, word) in zip(texts, words) where !text.isEmpty {
            any = true
            let core = SyllablePairModel.core(of: text).core
            if core.isEmpty { continue }
            guard core.count == 1, let c = core.first, c.isLetter else { return false }
            let plain = VietNormalizer.fold(String(c)).lowercased() == c.lowercased()
            if Self.isVowel(c), plain || word.confidence >= Self.speckVowelBelow { return false }
        }
        return any
    }

    /// A lone marked vowel alone on its line read with less confidence than this is a speck.
    static let speckVowelBelow = 50.0

    /// A vowel letter, with or without its marks (`ư`, `Ế`).
    static func isVowel(_ c: Character) -> Bool { "aeiouy".contains(VietNormalizer.fold(String(c)).lowercased()) }

    /// Two words read without the space between them (narrow table cells): split where a lower-case letter meets a
    /// capital (`KhuÊban`, `EaMdróh`) or a digit (`phố5`, `tổdânphố5`), or, for a word that is no syllable, between
    /// two syllables the archive writes side by side (`Đấtvườn`), else into two or three syllables common in
    /// Vietnamese at large or written by the archive (`chủhộ`, `ĐẮKNÔNG`, `ởmà`: `syllableSplit`). Nil when the word
    /// is a syllable, an abbreviation or a name.
    func gluedSplit(_ core: String) -> String? {
        guard core.count >= 3, !SyllableShape.isWellFormed(core), model.count(core.lowercased()) == 0 else { return nil }
        let letters = Array(core)
        for i in 2..<letters.count {
            let a = letters[i - 1], b = letters[i]
            let left = String(letters[..<i]), right = String(letters[i...])
            guard a.isLetter, a.isLowercase, letters[..<i].allSatisfy(\.isLetter) else { continue }
            if b.isUppercase, i + 1 < letters.count, letters[i + 1].isLowercase, SyllableShape.classify(left) != .malformed {
                return left + " " + (gluedSplit(right) ?? right)   // `buônEaMdróh`: three words
            }
            if b.isNumber, right.allSatisfy(\.isNumber) {
                if SyllableShape.isWellFormed(left) { return left + " " + right }
                if let words = syllableSplit(left) { return words + " " + right }
            }
        }
        guard core.allSatisfy(\.isLetter) else { return nil }
        var best: (split: String, count: Int)?
        for i in 2..<max(2, letters.count - 1) {
            let left = String(letters[..<i]), right = String(letters[i...])
            guard SyllableShape.isWellFormed(left), SyllableShape.isWellFormed(right) else { continue }
            let n = model.count(left.lowercased(), right.lowercased())
            if n > (best?.count ?? 0) { best = (left + " " + right, n) }
        }
        return best?.split ?? syllableSplit(core)
    }

    /// A word read with a `.` or `:` and no space before the next (`KT.GIÁMĐỐC`, `Số:79/UBND`, `NHÂN.DÂN`), when the
    /// left part is a word the archive writes at least twice and the right part a syllable, a word the archive
    /// writes, words glued (`gluedSplit`), or a number after a word numbers follow. An abbreviation's period and a
    /// label's colon before a number stay, with the space put back (`KT. GIÁM ĐỐC`, `Số: 79/UBND`); between two
    /// syllables the mark is a speck and becomes the space (`NHÂN DÂN`, `PHÓ CHỦ`). `TP.HCM` stays.
    func labelSplit(_ core: String) -> String? {
        guard let j = core.firstIndex(where: { $0 == "." || $0 == ":" }) else { return nil }
        let left = String(core[..<j]), right = String(core[core.index(after: j)...]), mark = core[j]
        guard (1...4).contains(left.count), left.allSatisfy(\.isLetter), let first = right.first,
              model.count(left.lowercased()) >= 2 else { return nil }
        if first.isNumber {
            guard Self.numberWords.contains(left.lowercased()) else { return nil }
            return left + (mark == ":" ? ": " : " ") + right
        }
        let label = SyllableShape.isWellFormed(left) ? left + " " : left + String(mark) + " "
        guard first.isLetter, right.allSatisfy(\.isLetter) else { return nil }
        if SyllableShape.isWellFormed(right) || model.count(right.lowercased()) >= 2 { return label + right }
        return gluedSplit(right).map { label + $0 }
    }

    /// Letters that are no syllable cut into the two or three syllables most likely in Vietnamese at large (their
    /// frequencies multiplied), each a well-formed syllable listed there at `rareBelow` or more, or a word the archive
    /// writes at least twice (`Đắk`, `Niê`, `Krông`), and cased as one word each (`Đất lúa`, `ĐẮK NÔNG`); nil when no
    /// cut makes such words.
    func syllableSplit(_ core: String) -> String? {
        let letters = Array(core)
        guard letters.count >= 3, letters.count <= 24, letters.allSatisfy(\.isLetter) else { return nil }
        func weight(_ piece: ArraySlice<Character>) -> Double? {
            let word = String(piece)
            guard piece.dropFirst().allSatisfy(\.isLowercase) || piece.allSatisfy(\.isUppercase) else { return nil }
            // A letter alone only when it is a common word by itself (`ở`, `ý`), not a name's `Y` or a stray `e`.
            if piece.count == 1 { return general.frequency(word) >= 1e-3 ? general.frequency(word) : nil }
            let f = SyllableShape.isWellFormed(word) ? general.frequency(word) : 0
            if f >= rareBelow { return f }
            return model.count(word.lowercased()) >= 2 ? rareBelow : nil
        }
        let allUpper = letters.allSatisfy(\.isUppercase)
        let vowel = letters.map(Self.isVowel)
        var best: (words: [String], score: Double)?
        func consider(_ cuts: [Int]) {
            var words: [String] = [], score = 1.0, start = 0
            for end in cuts + [letters.count] {
                let piece = letters[start..<end]
                // Every word has a vowel (`Kt` of the name `Ktla` is none), and no cut falls between two vowels: those
                // are one syllable misread (`Tuơi` for `Tươi`, `ngưồn` for `nguồn`), not two.
                guard vowel[start..<end].contains(true), start == 0 || !(vowel[start - 1] && vowel[start]) else { return }
                // After the first word, lower case unless the whole was written in capitals.
                if start > 0, !allUpper, piece.first?.isUppercase == true { return }
                guard let w = weight(piece) else { return }
                words.append(String(piece)); score *= w; start = end
            }
            if score > (best?.score ?? 0) { best = (words, score) }
        }
        for i in 1..<letters.count {
            consider([i])
            for j in (i + 1)..<max(i + 1, letters.count) { consider([i, j]) }
        }
        return best.map { $0.words.joined(separator: " ") }
    }

    /// `Œ` read for `CH` (`ŒỦ` → `CHỦ`): Vietnamese has no `œ`; the word is mended when that makes a syllable.
    static func ligatureFixed(_ text: String) -> String {
        guard text.contains(where: { $0 == "Œ" || $0 == "œ" }) else { return text }
        let mended = text.replacingOccurrences(of: "Œ", with: "CH").replacingOccurrences(of: "œ", with: "ch")
        let core = String(SyllablePairModel.core(of: mended).core)
        return SyllableShape.isWellFormed(core) ? mended : text
    }

    /// The line's text corrected (words separated by single spaces), every word taken as read with `confidence`.
    public func correct(line text: String, confidence: Double = 0) -> String {
        correct(line: text.split(whereSeparator: \.isWhitespace).map { Word(text: String($0), confidence: confidence) })
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    // MARK: - Punctuation

    static let junk: Set<Character> = ["¡", "¿", "‡", "†", "¬", "+", "\\", "_", "`", "'", "~", "*", "|", ":", ";", ".", ",", "\"", "“", "”", "ˆ", "°", "=", "›", "‹", "„", "!", "?", "^"]
    static let neverAlone: Set<Character> = [".", "ˆ", "`", "'", "¡", "¿", "„", "‡", "†", "~", "^"]
    static let neverLead: Set<Character> = ["¿", "¡", "!", "`", "¬", "|", "\\", "^", "ˆ", ":", ";", "_", "„"]
    static let gluedBefore: Set<Character> = ["¿", "¡", "-", "_", "!", "`", "¬", "~", "*", "+", "|", "\\", "'", "^", "ˆ", ":", ";", "."]
    static let gluedAfter: Set<Character> = [".", "?", "!", "_", "-", "`", "'", "¬", "~", "^"]
    static let joiners: Set<Character> = [".", ":", "_", "-", ";"]
    /// Below this confidence a `:` glued after a syllable, with a lower-case word next, is a speck.
    static let unsureColonBelow = 85.0

    static func punctuationFixed(_ words: [String], confidences: [Double]) -> [String] {
        var out = words
        for i in out.indices {
            // A table's border read as `|`: never text.
            var w = out[i]
            if w.contains("|") {
                w = w.split(separator: "|").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "_")) }
                    .filter { !$0.isEmpty }.joined(separator: " ")
                out[i] = w
                if w.isEmpty { continue }
            }
            let confidence = i < confidences.count ? confidences[i] : 0
            // A lone mark read with little confidence: a speck.
            if !w.contains(where: SyllablePairModel.isWordCharacter) {
                if w == "-" ? confidence < 60 : (w.allSatisfy { junk.contains($0) } && confidence < 80) { out[i] = "" }
                // Marks that never stand alone in a document's text, however crisply a speck shows them.
                if w.count <= 2, w.allSatisfy({ neverAlone.contains($0) }) { out[i] = "" }
                continue
            }
            var (lead, core, trail) = SyllablePairModel.core(of: w)
            // A number written on a form's dotted or ruled line takes the line's `_` with it (`5_`, `_128`).
            if core.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "/" }) {
                out[i] = String(lead.drop { $0 == "_" } + core + trail.drop { $0 == "_" })
                continue
            }
            // Joined through a speck: two syllables with a mark between them and no space.
            if let j = core.firstIndex(where: { joiners.contains($0) }) {
                let a = core[..<j], b = core[core.index(after: j)...]
                if SyllableShape.isWellFormed(String(a)), SyllableShape.isWellFormed(String(b)),
                   b.first?.isLowercase == true || a.last?.isLowercase == true {
                    core = Substring(a + " " + b)
                }
            }
            let isSyllable = core.split(separator: " ").allSatisfy { SyllableShape.isWellFormed(String($0)) }
            guard isSyllable else { out[i] = String(lead + core + trail); continue }
            if core.first?.isLowercase == true { lead = Substring(lead.drop { gluedBefore.contains($0) }) }
            // Before a capital too, the marks no word starts with (a list's `-`, `+`, `*` and quotes may).
            if core.first?.isUppercase == true { lead = Substring(lead.drop { neverLead.contains($0) }) }
            let next = out[(i + 1)...].first { !$0.isEmpty }
            if let n = next, n.first(where: \.isLetter)?.isLowercase == true, n.first?.isLetter == true {
                trail = Substring(trail.drop { gluedAfter.contains($0) })
                // A label's `:` (`Địa chỉ: thôn 3`) is read sure; one read unsure is a speck. (Not so `,`: as many
                // real commas as specks are read unsure.)
                if trail == ":", confidence < unsureColonBelow { trail = "" }
            }
            if trail.hasPrefix(")") || trail.hasPrefix(",)") {
                let before = out[..<i].joined(separator: " ") + lead
                if !before.contains("(") { trail = Substring(trail.replacingOccurrences(of: ")", with: "")) }
            }
            out[i] = String(lead + core + trail)
        }
        return out
    }

    /// Whether `correct` may use Tesseract's alternatives for this word (fetching them costs a little): not for a
    /// known, well-formed word read with confidence.
    public func wantsChoices(text: String, confidence: Double) -> Bool {
        guard confidence >= trustAbove else { return true }
        guard let key = SyllablePairModel.key(text) else { return false }
        return model.count(key) == 0 || !SyllableShape.isWellFormed(String(SyllablePairModel.core(of: text).core))
    }

    // MARK: - Digits

    static func digitsFixed(_ core: String, afterNumberWord: Bool) -> String? {
        if afterNumberWord, ["L", "l", "I", "|", "i"].contains(core) { return "1" }
        // Pieces between separators of dates and numbers: 15/02/2012, 1.500, 12,5.
        var changed = false
        let pieces = core.split(omittingEmptySubsequences: false) { "/.,-".contains($0) }
        var result = ""
        var rest = Substring(core)
        for piece in pieces {
            rest = rest.dropFirst(piece.count)
            let digits = piece.filter(\.isNumber).count
            let look = piece.filter { "lI|Oo".contains($0) }.count
            if digits >= 1, look >= 1, digits + look == piece.count, digits >= look {
                result += piece.map { "lI|".contains($0) ? "1" : ("Oo".contains($0) ? "0" : String($0)) }.joined()
                changed = true
            } else {
                result += piece
            }
            if let sep = rest.first { result.append(sep); rest = rest.dropFirst() }
        }
        return changed ? result : nil
    }

    // MARK: - Marks

    func marksFixed(_ core: String, word: Word, previous: String?, next: String?) -> String {
        // A number beside a capitalised word says nothing of it: a table's names (`Vũ 305`, `Thắng 12`) are not the
        // `vụ`, `tháng` that numbers follow in running text.
        let capitalised = core.first?.isUppercase == true
        let previous = capitalised && previous == SyllablePairModel.number ? nil : previous
        let next = capitalised && next == SyllablePairModel.number ? nil : next
        let key = core.lowercased()
        let wellFormed = SyllableShape.isWellFormed(core)
        let known = model.count(key) > 0
        if known, wellFormed, word.confidence >= trustAbove { return core }
        // The names of the Highlands lose their apostrophe (`HLinh` for `H'Linh`, `Mgar` for `M'gar`): put back when
        // the archive writes the name so, twice at least.
        if !wellFormed, !known, let named = Self.apostropheName(core), model.count(named.lowercased()) >= 2 { return named }
        if !wellFormed, SyllableShape.classify(core) != .malformed {   // names, abbreviations
            // …or capitals that lost their vowel (`VIỆT NM`): an abbreviation the archive never writes, mended only on
            // the evidence of its neighbours, seen three times at least.
            if !known, core.count <= 3, core.allSatisfy(\.isUppercase) {
                let beside = { (k: String) in self.seenBeside(k, previous: previous, next: next) }
                if let best = Self.lostLetter(key).filter({ SyllableShape.isWellFormed($0) && model.count($0) > 0 })
                    .max(by: { (beside($0), $1) < (beside($1), $0) }), beside(best) >= 3 {
                    return Self.cased(best, like: core)
                }
            }
            return core
        }
        var candidates = Set(model.siblings(of: key))
        let alternatives = Self.symbolAlternatives(word).map { $0.lowercased() } + Self.wornLetters(key)
        for k in alternatives where model.count(k) > 0 { candidates.insert(k) }
        for k in Self.lostLetter(key) where model.count(k) > 0 { candidates.insert(k) }
        // Vietnamese at large speaks for a word the archive never writes: its siblings, and the alternatives it lists.
        var generalCandidates: [String] = []
        if !known {
            generalCandidates = general.siblings(of: key) + alternatives.filter { general.isListed($0) }
        }
        // Not the word itself in either tone placement. The archive's words that are no syllable (`UBND`, `Lắk`) stay
        // candidates for a reading that is none either (`ÙBND`, `Läk`), weighed by `generalChoice` only.
        let canonical = VietNormalizer.normalize(key)
        candidates = candidates.filter { VietNormalizer.normalize($0) != canonical }
        generalCandidates = generalCandidates.filter { VietNormalizer.normalize($0) != canonical && SyllableShape.isWellFormed($0) }
        guard !candidates.isEmpty || !generalCandidates.isEmpty else { return core }
        let own = model.score(key, previous: previous, next: next)
        var best: (key: String, score: Double)?
        for c in candidates.sorted() where SyllableShape.isWellFormed(c) {
            let s = model.score(c, previous: previous, next: next)
            if s > (best?.score ?? -.infinity) { best = (c, s) }
        }
        if let best, best.score > own {
            if !wellFormed { return Self.cased(best.key, like: core) }
            // A real syllable is only replaced on the evidence of its neighbours, seen twice at least: a pair seen once
            // in a small model turned `mười lăm` into `mươi lăm` and `ngay tại` into `ngày tại`.
            let beside = seenBeside(best.key, previous: previous, next: next)
            if beside > seenBeside(key, previous: previous, next: next), beside >= 2 { return Self.cased(best.key, like: core) }
        }
        guard !known, !wellFormed || word.confidence < trustAbove else { return core }
        return generalChoice(core, key: key, wellFormed: wellFormed, own: own, among: candidates.union(generalCandidates),
                             previous: previous, next: next) ?? core
    }

    /// How often the archive writes `key` after `previous` and before `next`, the two pairs added.
    func seenBeside(_ key: String, previous: String?, next: String?) -> Int {
        (previous.map { model.count($0, key) } ?? 0) + (next.map { model.count(key, $0) } ?? 0)
    }

    /// For a word the archive never writes, the candidate likeliest by Vietnamese at large and the archive's pairs,
    /// each letter or mark changed costing a factor `editCost` (`phạn` is `phạm`, one worn letter, not `phần`): any
    /// candidate for a word that is no syllable; for a syllable rare in Vietnamese (below `rareBelow`), one
    /// `generalMargin` times as frequent, in lower case or capitals (a capitalised syllable may be a name: `Lân`).
    /// `own` is the archive model's score of the word as read.
    func generalChoice(_ core: String, key: String, wellFormed: Bool, own: Double, among candidates: Set<String>,
                       previous: String?, next: String?) -> String? {
        let letters = core.filter(\.isLetter)
        let capitalised = letters.first?.isUppercase == true && !(letters.count > 1 && letters.allSatisfy(\.isUppercase))
        let ownFrequency = general.frequency(key)
        if wellFormed, capitalised || ownFrequency >= rareBelow { return nil }
        let read = Array(key.decomposedStringWithCanonicalMapping.unicodeScalars)
        var best: (key: String, score: Double)?
        for c in candidates.sorted() {
            let frequency = general.frequency(c)
            guard !wellFormed || frequency >= generalMargin * ownFrequency else { continue }
            let edits = EditDistance.levenshtein(read, Array(c.decomposedStringWithCanonicalMapping.unicodeScalars), limit: 4)
            let s = model.score(c, previous: previous, next: next) + log(frequency) - Double(edits) * log(editCost)
            if s > (best?.score ?? -.infinity) { best = (c, s) }
        }
        guard let best else { return nil }
        if wellFormed, best.score <= own + log(ownFrequency) { return nil }
        return Self.cased(best.key, like: core)
    }

    /// `word` with an apostrophe after its first letter when that letter is one a Highlands name puts it after and a
    /// consonant follows (`HLinh` → `H'Linh`, `Mgar` → `M'gar`); nil otherwise.
    static func apostropheName(_ word: String) -> String? {
        guard word.count > 2, let first = word.first, "HhMmYyKkNn".contains(first) else { return nil }
        let second = word[word.index(after: word.startIndex)]
        guard second.isLetter, !"aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".contains(VietNormalizer.fold(String(second)).first ?? second) else {
            return nil
        }
        return String(first) + "'" + word.dropFirst()
    }

    /// The syllables a worn or thin typeface makes `vie` read as `key`: an `m` that lost a leg is read `n`, at a
    /// syllable's end (`năn` for `năm`, `kiển` for `kiểm`) or start (`nười` for `mười`); the marks stay as read.
    static func wornLetters(_ key: String) -> [String] {
        var out: [String] = []
        if key.count > 1, key.hasSuffix("n") { out.append(String(key.dropLast()) + "m") }
        if key.count > 1, key.hasPrefix("n"), !key.hasPrefix("ng"), !key.hasPrefix("nh") { out.append("m" + key.dropFirst()) }
        return out
    }

    /// `key` with one letter put back where a worn typeface lost it (`na` → `nam`, `nhĩa` → `nghĩa`, `hó` → `phó`).
    static func lostLetter(_ key: String) -> [String] {
        let letters = Array(key)
        guard letters.count >= 2, letters.count <= 6 else { return [] }
        var out: [String] = []
        for i in 0...letters.count {
            for c in "abcdđeghiklmnopqrstuvxy" {
                var w = letters
                w.insert(c, at: i)
                out.append(String(w))
            }
        }
        return out
    }

    /// The words made by taking Tesseract's second (or later) choice for one symbol of `word`.
    static func symbolAlternatives(_ word: Word) -> [String] {
        let best = word.choices.map { $0.first ?? "" }
        guard best.joined() == VietNormalizer.nfc(word.text) || best.joined() == word.text else { return [] }
        var out: [String] = []
        for (i, alts) in word.choices.enumerated() {
            for alt in alts.dropFirst() where !alt.isEmpty {
                var parts = best
                parts[i] = alt
                out.append(VietNormalizer.nfc(parts.joined()))
            }
        }
        return out
    }

    /// `key` (lower case) in the case pattern of `model`: all capitals, capitalised or lower case.
    static func cased(_ key: String, like model: String) -> String {
        let letters = model.filter(\.isLetter)
        if letters.count > 1, letters.allSatisfy(\.isUppercase) { return key.uppercased() }
        if let f = letters.first, f.isUppercase { return key.prefix(1).uppercased() + key.dropFirst() }
        return key
    }
}
