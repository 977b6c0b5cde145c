import Foundation
import VietText

/// What one token of an OCR text layer is, for judging the layer (`TextLayerQuality`).
public enum TokenClass: String, Sendable, CaseIterable {
    /// A well-formed Vietnamese syllable (`quyết`, `QUYẾT`, `Hòa`), or such syllables joined by a hyphen or
    /// stray punctuation (`ki-lô-gam`, `ông/bà`, `đất,ông`).
    case syllable
    /// Digits, with `.` or `,` between groups: `2017`, `1.500.000`, `92,7`.
    case number
    /// Numbers and codes joined by `/ - . _`: `12/QĐ-UBND`, `QĐ-CC`, `H49.64.33.2012.015`, `15/02/2012`;
    /// letters without marks at one end of digits: `H49`, `12A`, `m2`.
    case identifier
    /// Capitals without marks (`UBND`, `QĐ`, `GCNQSDĐ`), consonants after a capital (`TTr`, `Tp`, `ThS`),
    /// a single unmarked letter (list items `b)`, initials), units (`km`, `kg`).
    case abbreviation
    /// A Latin-script word outside Vietnamese orthography that no change of marks makes a syllable and that
    /// still reads as a word: Central Highlands names and loanwords (`Krông`, `Đắk`, `M'gar`, `H'Hen`, `Niê`,
    /// `Ea`, `internet`).
    case foreign
    /// No letter or digit: `-`, `./.`, `…`.
    case punctuation
    /// None of these: a syllable whose marks were lost or misread (`quyet`, `đât`, `Quyêt`, `thưong`), digits
    /// mixed with letters (`20ỉ0`, `2O17`), capitals with tone marks no abbreviation has (`ỌĐ`), stray letters.
    case malformed
}

/// The shape of Vietnamese syllables: onset + (medial o/u) + nucleus + coda + tone, with the spelling and
/// tone rules of the orthography, checked on letter codes without regular expressions or Foundation.
public enum SyllableShape {
    /// Whether `syllable` (NFC or NFD; lower case, capitalised or all capitals) is one syllable Vietnamese
    /// orthography allows. Old and new tone placement are both accepted (`hoà`/`hòa`, `thuý`/`thúy`).
    /// A shape check, not a dictionary: `ũ` and `gi` pass, as `ủ` and `ú` do.
    public static func isWellFormed(_ syllable: String) -> Bool {
        var s = VietNormalizer.nfc(syllable)
        return s.withUTF8 { b in
            var w = Word(), i = 0
            while i < b.count {
                let (v, length) = VietNormalizer.scalar(b, at: i)
                i += length
                let u = Units.unit(v)
                guard Units.kind(u) == Units.letter, w.append(u) else { return false }
            }
            return w.n > 0 && w.hasRegularCase && w.isSyllable(toneFree: false)
        }
    }

    /// The class of one token (`TokenClass`): surrounding punctuation is dropped (`đất,` `(ông` `“Về`), NFD
    /// is composed, and a token joined by `/ - . _` or stray punctuation is judged by its parts (any
    /// malformed part makes it malformed).
    public static func classify(_ token: String) -> TokenClass {
        var s = VietNormalizer.nfc(token)
        let units = s.withUTF8 { Units.decode($0) }
        return units.withUnsafeBufferPointer { classify($0, 0, $0.count) }
    }

    /// `classify` of the decoded units `p[lo..<hi]` (`Units`).
    static func classify(_ p: UnsafeBufferPointer<UInt16>, _ lo: Int, _ hi: Int) -> TokenClass {
        @inline(__always) func isCore(_ u: UInt16) -> Bool {
            let k = Units.kind(u)
            return k == Units.letter || k == Units.digit || k == Units.mark
        }
        var a = lo, b = hi
        while a < b, !isCore(p[a]) { a += 1 }
        while b > a, !isCore(p[b - 1]) { b -= 1 }
        if a == b { return .punctuation }
        var parts = 0, malformed = false, syllables = 0, foreign = 0, numbers = 0, numericJoins = true
        var single = TokenClass.punctuation
        var start = a, k = a
        while k <= b {
            var cut = k == b
            if !cut {
                let kind = Units.kind(p[k])
                if kind == Units.apostrophe {
                    // Inside a name (`H'Hen`, `M’gar`) only between two letters.
                    cut = k == a || Units.kind(p[k - 1]) != Units.letter || Units.kind(p[k + 1]) != Units.letter
                } else {
                    cut = !isCore(p[k])
                }
                if cut, !(kind == Units.joiner && (Units.code(p[k]) == Units.dot || Units.code(p[k]) == Units.comma)) {
                    numericJoins = false
                }
            }
            if cut {
                if k > start {
                    let c = classifyPart(p, start, k)
                    parts += 1
                    single = c
                    switch c {
                    case .malformed: malformed = true
                    case .syllable: syllables += 1
                    case .foreign: foreign += 1
                    case .number: numbers += 1
                    default: break
                    }
                }
                start = k + 1
            }
            k += 1
        }
        if parts == 1 { return single }
        if malformed { return .malformed }
        if numbers == parts { return numericJoins ? .number : .identifier }
        if syllables == parts { return .syllable }
        if syllables + foreign == parts { return .foreign }
        return .identifier
    }

    /// One part without joiners: digits, a code of digits and unmarked letters, or a word.
    static func classifyPart(_ p: UnsafeBufferPointer<UInt16>, _ lo: Int, _ hi: Int) -> TokenClass {
        var letters = 0, digits = 0, runs = 0, lastKind: UInt16 = 0, plain = true
        for k in lo..<hi {
            let u = p[k], kind = Units.kind(u)
            if kind == Units.mark { return .malformed }
            if kind == Units.letter {
                letters += 1
                if !Units.isPlainLetter(u) { plain = false }
            } else if kind == Units.digit {
                digits += 1
            }
            if kind != lastKind { runs += 1; lastKind = kind }
        }
        if letters == 0 { return .number }
        if digits > 0 {
            // H49, 12A, m2, 500.000đ: unmarked letters at one end; a letter between digits is misread (2O17).
            return plain && runs == 2 ? .identifier : .malformed
        }
        var w = Word()
        for k in lo..<hi {
            let u = p[k]
            if Units.kind(u) == Units.apostrophe { w.apostropheNext = true; continue }
            guard w.append(u) else { return .malformed }
        }
        return w.classify()
    }
}

/// The letters of one word as codes (`L`), with its tone, case and apostrophes.
struct Word {
    var c = SIMD16<UInt8>()
    var n = 0
    var tone: UInt8 = 0, tonePos = -1, tones = 0
    /// Bit k: letter k is a capital; in `apostrophes`, an apostrophe comes before letter k.
    var upper: UInt32 = 0, apostrophes: UInt32 = 0, toneMask: UInt32 = 0
    var apostropheNext = false

    mutating func append(_ u: UInt16) -> Bool {
        guard n < 16 else { return false }
        c[n] = Units.code(u)
        let t = Units.tone(u)
        if t != 0 { tone = t; tonePos = n; tones += 1; toneMask |= 1 << n }
        if Units.isUpper(u) { upper |= 1 << n }
        if apostropheNext { apostrophes |= 1 << n; apostropheNext = false }
        n += 1
        return true
    }

    /// Lower case, one capital first, or all capitals.
    var hasRegularCase: Bool { upper == 0 || upper == 1 || upper == (1 << n) - 1 }

    func classify() -> TokenClass {
        if apostrophes != 0 { return readsAsForeignWord ? .foreign : .malformed }
        var vowels = 0, plain = true
        for k in 0..<n {
            if L.isVowel(c[k]) { vowels += 1 }
            if c[k] > L.z || (L.isVowel(c[k]) && !L.isPlainVowel(c[k])) { plain = false }
        }
        plain = plain && tones == 0
        if vowels == 0 {
            // UBND-like capitals, TTr, Tp, ThS; a lone letter (list items, initials); a few units.
            guard plain, n <= 8 else { return .malformed }
            if n == 1 || upper & 1 != 0 || Word.units.contains(letters) { return .abbreviation }
            return .malformed
        }
        if hasRegularCase, isSyllable(toneFree: false) { return .syllable }
        if n == 1 || !hasRegularCase { return .malformed }
        let restorable = isRestorable
        if plain, upper == (1 << n) - 1, n <= 8, !restorable { return .abbreviation }
        if restorable { return .malformed }
        return readsAsForeignWord ? .foreign : .malformed
    }

    var letters: String { String((0..<n).map { L.names[Int(c[$0])] }) }
    static let units: Set<String> = ["km", "kg", "cm", "mm", "dm", "ml", "kw", "kwh", "mw", "kv", "tr"]

    /// Whether the letters make one syllable; `toneFree` leaves out the tone's rules (coda, position).
    func isSyllable(toneFree: Bool) -> Bool {
        guard n > 0, tones <= 1 else { return false }
        let c0 = c[0], c1 = n > 1 ? c[1] : 0, c2 = n > 2 ? c[2] : 0
        var onset = O.none, length = 0
        if !L.isVowel(c0) {
            length = 1
            switch c0 {
            case L.n:
                if c1 == L.g { (onset, length) = c2 == L.h ? (O.ngh, 3) : (O.ng, 2) }
                else if c1 == L.h { (onset, length) = (O.nh, 2) } else { onset = O.n }
            case L.c: if c1 == L.h { (onset, length) = (O.ch, 2) } else { onset = O.c }
            case L.g:
                if c1 == L.h { (onset, length) = (O.gh, 2) }
                else if c1 == L.i {
                    // gi + vowel (gia, giữ, giường), or gi whose i is the rhyme's own (gì, gìn, giếng).
                    if n > 2, L.isVowel(c2), c2 != L.i, c2 != L.y, rhyme(O.gi, 2, toneFree) { return true }
                    return (n == 2 || !L.isVowel(c2) || c2 == L.ê) && rhyme(O.gi, 1, toneFree)
                } else { onset = O.g }
            case L.k: if c1 == L.h { (onset, length) = (O.kh, 2) } else { onset = O.k }
            case L.p: if c1 == L.h { (onset, length) = (O.ph, 2) } else { onset = O.p }
            case L.t:
                if c1 == L.h { (onset, length) = (O.th, 2) }
                else if c1 == L.r { (onset, length) = (O.tr, 2) } else { onset = O.t }
            default:
                onset = O.single[Int(c0)]                      // b d đ h l m q r s v x
                guard onset != O.none else { return false }
            }
        }
        return length < n && rhyme(onset, length, toneFree)
    }

    /// The letters from `s` as coda (c ch m n ng nh p t, or i y o u), optional medial o/u, and nucleus.
    func rhyme(_ onset: UInt8, _ s: Int, _ toneFree: Bool) -> Bool {
        let m = n - s
        var codaLength = min(2, m - 1)
        while codaLength >= 0 {
            defer { codaLength -= 1 }
            let coda = codaLength == 0 ? K.none : Word.coda(c[n - codaLength], codaLength == 2 ? c[n - 1] : 0)
            let end = n - codaLength
            guard coda != K.invalid, end - s <= 3 else { continue }
            guard (s..<end).allSatisfy({ L.isVowel(c[$0]) }) else { continue }
            if nucleus(onset, 0, s, end, coda, toneFree) { return true }
            if end - s >= 2, c[s] == L.o || c[s] == L.u, nucleus(onset, c[s], s + 1, end, coda, toneFree) { return true }
        }
        return false
    }

    static func coda(_ a: UInt8, _ b: UInt8) -> UInt8 {
        if b != 0 {
            if b == L.h { return a == L.c ? K.ch : a == L.n ? K.nh : K.invalid }
            return a == L.n && b == L.g ? K.ng : K.invalid
        }
        switch a {
        case L.c: return K.c
        case L.m: return K.m
        case L.n: return K.n
        case L.p: return K.p
        case L.t: return K.t
        case L.i: return K.i
        case L.y: return K.y
        case L.o: return K.o
        case L.u: return K.u
        default: return K.invalid
        }
    }

    /// The nucleus `c[s..<end]` after `medial` (0: none), with the onset's spelling and the tone's rules.
    func nucleus(_ onset: UInt8, _ medial: UInt8, _ s: Int, _ end: Int, _ coda: UInt8, _ toneFree: Bool) -> Bool {
        let nuc: Int
        if end - s == 1 { nuc = Int(c[s]) - 1 } else if end - s == 2 { nuc = N.pair(c[s], c[s + 1]) } else { return false }
        guard nuc >= 0 else { return false }
        let codas: UInt16
        if medial == 0 {
            guard onset != O.q else { return false }       // q is written only as qu
            codas = N.plain[nuc]
        } else if onset == O.q {
            guard medial == L.u else { return false }
            codas = N.afterQu[nuc]
        } else {
            guard O.takesMedial & (1 << UInt32(onset)) != 0 else { return false }
            codas = medial == L.o ? N.afterO[nuc] : N.afterU[nuc]
        }
        guard codas & (1 << UInt16(coda)) != 0 else { return false }
        // k gh ngh only before i e ê (k also y); c g ng never there.
        let first = medial != 0 ? medial : c[s]
        let front = first == L.i || first == L.e || first == L.ê || first == L.y
        switch onset {
        case O.k: guard front else { return false }
        case O.gh, O.ngh: guard front, first != L.y else { return false }
        case O.c, O.g, O.ng: guard !front else { return false }
        default: break
        }
        if medial == 0 {
            if nuc == N.iê, onset == O.none { return false }          // written yê: yên, yêu
            if nuc == N.yê, onset != O.none { return false }          // written iê: tiên, kiếp
            if nuc == N.y, O.bareY & (1 << UInt32(onset)) == 0 { return false }
        }
        if toneFree { return true }
        // Stops (p t c ch) take only sắc and nặng.
        if coda == K.c || coda == K.ch || coda == K.p || coda == K.t, tone != T.sắc, tone != T.nặng { return false }
        guard tones != 0 else { return true }
        if tonePos == s + N.toneOffset[nuc] || (nuc == N.oo && tonePos == s) { return true }
        // Old style: the tone on the medial of open oa, oe, uy (hòa, khỏe, thúy).
        return medial != 0 && onset != O.q && coda == K.none && (nuc == N.a || nuc == N.e || nuc == N.y) && tonePos == s - 1
    }

    /// Whether some change of vowel marks and tone makes the letters a syllable (`quyet`, `đât`, `thưong`):
    /// the token is then a damaged Vietnamese syllable rather than a foreign word.
    var isRestorable: Bool {
        var positions: [Int] = []
        for k in 0..<n where L.isVowel(c[k]) { positions.append(k) }
        guard !positions.isEmpty, positions.count <= 3 else { return false }
        var w = self
        w.tones = 0; w.tone = 0; w.tonePos = -1
        func search(_ i: Int) -> Bool {
            if i == positions.count { return w.isSyllable(toneFree: true) }
            for v in L.markVariants(c[positions[i]]) {
                w.c[positions[i]] = v
                if search(i + 1) { return true }
            }
            return false
        }
        return search(0)
    }

    /// Whether the letters read as a Latin-script word: each apostrophe-separated piece in regular case and
    /// made of onset clusters (`kr`, `ml`, `dr` …), vowel groups of at most three letters with at most one tone,
    /// and single-consonant (or ch nh ng) endings; `đ` only first; a bare consonant only before an apostrophe.
    var readsAsForeignWord: Bool {
        guard n >= 2 else { return false }
        var k = 0, markedGroups = 0
        while k < n {
            var e = k + 1
            while e < n, apostrophes & (1 << e) == 0 { e += 1 }
            let mask: UInt32 = ((1 << (e - k)) - 1) << k, caps = upper & mask
            guard caps == 0 || caps == mask || caps == 1 << k else { return false }
            var i = k, run = 0, sawVowel = false
            while i < e {
                let isVowel = L.isVowel(c[i])
                var j = i
                var groupTones = 0
                while j < e, L.isVowel(c[j]) == isVowel {
                    if c[j] > L.z || (c[j] == L.đ && j != k) { return false }
                    if j >= i + 2, c[j] == c[j - 1], c[j] == c[j - 2] { return false }
                    if toneMask & (1 << j) != 0 { groupTones += 1 }
                    j += 1
                }
                run = j - i
                if isVowel {
                    guard run <= 3, groupTones <= 1 else { return false }
                    // Misread Vietnamese, not names: a doubled vowel (gii), c ng before i e ê y, gh ngh elsewhere
                    // (cy, ngiy), an iê with no onset (iếp).
                    if run > 1, c[i] == c[i + 1], c[i] != L.o, c[i] != L.e { return false }
                    if i > k {
                        let front = c[i] == L.i || c[i] == L.e || c[i] == L.ê || c[i] == L.y
                        let onset = i - k == 1 ? [c[k]] : Array((k..<i).map { c[$0] })
                        if front, onset == [L.c] || onset == [L.n, L.g] { return false }
                        if !front || c[i] == L.y, onset == [L.g, L.h] || onset == [L.n, L.g, L.h] { return false }
                    } else if run > 1, c[i] == L.i, c[i + 1] == L.ê { return false }
                    if groupTones > 0 || (i..<j).contains(where: { !L.isPlainVowel(c[$0]) }) { markedGroups += 1 }
                    // A group with ă â ê ô ơ ư is one Vietnamese writes (`TRƯỦNG` is a misread TRƯỞNG).
                    if run > 1, (i..<j).contains(where: { !L.isPlainVowel(c[$0]) }) {
                        let packed = (i..<j).reduce(0) { $0 << 8 | UInt32(c[$1]) }
                        guard (j == e ? N.vowelSequences : N.vowelsBeforeConsonant).contains(packed) else { return false }
                    }
                    sawVowel = true
                } else {
                    guard groupTones == 0 else { return false }
                    if i == k {
                        if run == 2 { guard Word.onsetClusters.contains(UInt16(c[i]) << 8 | UInt16(c[i + 1])) else { return false } }
                        if run == 3 { guard c[i] == L.n, c[i + 1] == L.g, c[i + 2] == L.h else { return false } }
                        guard run <= 3 else { return false }
                    } else if j == e {
                        guard run == 1 ? c[i] != L.q : run == 2 && Word.coda(c[i], c[i + 1]) != K.invalid else { return false }
                    } else {
                        guard run <= 3 else { return false }
                    }
                }
                i = j
            }
            guard sawVowel || (e - k == 1 && e < n) else { return false }
            k = e
        }
        // Two marked vowel groups are Vietnamese syllables run together (CỘNGHÒA, đềnghị), not a name.
        return markedGroups <= 1
    }

    /// Two-consonant onsets of names and loanwords besides Vietnamese ch gh kh ng nh ph th tr.
    static let onsetClusters: Set<UInt16> = {
        func pair(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }
        var s: Set<UInt16> = [pair(L.c, L.h), pair(L.g, L.h), pair(L.k, L.h), pair(L.n, L.g), pair(L.n, L.h),
                              pair(L.p, L.h), pair(L.t, L.h), pair(L.t, L.r)]
        for a in [L.b, L.d, L.g, L.k, L.p, L.f] { s.insert(pair(a, L.r)); s.insert(pair(a, L.l)) }
        for b in [L.b, L.d, L.l, L.m, L.n, L.p, L.s, L.t] { s.insert(pair(L.k, b)) }
        for b in [L.l, L.n, L.r] { s.insert(pair(L.m, b)) }
        for b in [L.l, L.m, L.n, L.r] { s.insert(pair(L.h, b)) }
        for b in [L.k, L.m, L.n, L.p, L.t] { s.insert(pair(L.s, b)) }
        return s
    }()
}

/// Letter codes: the twelve vowels first (a ă â e ê i o ô ơ u ư y, in the order of `N`'s single nuclei),
/// then the consonants, then letters Vietnamese does not use (f j w z) and any other letter.
enum L {
    static let a: UInt8 = 1, ă: UInt8 = 2, â: UInt8 = 3, e: UInt8 = 4, ê: UInt8 = 5, i: UInt8 = 6, o: UInt8 = 7
    static let ô: UInt8 = 8, ơ: UInt8 = 9, u: UInt8 = 10, ư: UInt8 = 11, y: UInt8 = 12
    static let b: UInt8 = 13, c: UInt8 = 14, d: UInt8 = 15, đ: UInt8 = 16, g: UInt8 = 17, h: UInt8 = 18, k: UInt8 = 19
    static let l: UInt8 = 20, m: UInt8 = 21, n: UInt8 = 22, p: UInt8 = 23, q: UInt8 = 24, r: UInt8 = 25, s: UInt8 = 26
    static let t: UInt8 = 27, v: UInt8 = 28, x: UInt8 = 29, f: UInt8 = 30, j: UInt8 = 31, w: UInt8 = 32, z: UInt8 = 33
    static let other: UInt8 = 34
    static let names: [Character] = Array("?aăâeêioôơuưybcdđghklmnpqrstvxfjwz?")

    @inline(__always) static func isVowel(_ c: UInt8) -> Bool { c >= 1 && c <= 12 }
    @inline(__always) static func isPlainVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i || c == o || c == u || c == y }

    /// The vowels a mark change turns `v` into (a ă â, e ê, o ô ơ, u ư).
    static func markVariants(_ v: UInt8) -> [UInt8] {
        switch v {
        case a, ă, â: return [a, ă, â]
        case e, ê: return [e, ê]
        case o, ô, ơ: return [o, ô, ơ]
        case u, ư: return [u, ư]
        default: return [v]
        }
    }
}

/// Onsets (phụ âm đầu).
enum O {
    static let none: UInt8 = 0, b: UInt8 = 1, c: UInt8 = 2, ch: UInt8 = 3, d: UInt8 = 4, đ: UInt8 = 5, g: UInt8 = 6
    static let gh: UInt8 = 7, gi: UInt8 = 8, h: UInt8 = 9, k: UInt8 = 10, kh: UInt8 = 11, l: UInt8 = 12, m: UInt8 = 13
    static let n: UInt8 = 14, ng: UInt8 = 15, ngh: UInt8 = 16, nh: UInt8 = 17, p: UInt8 = 18, ph: UInt8 = 19, q: UInt8 = 20
    static let r: UInt8 = 21, s: UInt8 = 22, t: UInt8 = 23, th: UInt8 = 24, tr: UInt8 = 25, v: UInt8 = 26, x: UInt8 = 27

    /// The one-letter onsets by letter code (none: not an onset by itself).
    static let single: [UInt8] = (0...Int(L.other)).map { code in
        [(L.b, b), (L.d, d), (L.đ, đ), (L.h, h), (L.l, l), (L.m, m), (L.q, q), (L.r, r), (L.s, s), (L.v, v), (L.x, x)]
            .first { Int($0.0) == code }?.1 ?? none
    }
    static func set(_ onsets: [UInt8]) -> UInt32 { onsets.reduce(0) { $0 | 1 << UInt32($1) } }
    /// Onsets a medial o/u may follow: not the labials (b m p ph v), nor c k gh ngh (qu is written instead) or gi.
    static let takesMedial: UInt32 = ~set([b, m, p, ph, v, c, k, gh, ngh, gi, q])
    /// Onsets before a bare y (ý, hy, kỳ, lý, mỹ, sỹ, tỷ, vỹ, thy); elsewhere i is written.
    static let bareY: UInt32 = set([none, h, k, l, m, n, s, t, v, th])
}

/// Codas (âm cuối): none, the consonants, the semivowels.
enum K {
    static let none: UInt8 = 0, c: UInt8 = 1, ch: UInt8 = 2, m: UInt8 = 3, n: UInt8 = 4, ng: UInt8 = 5, nh: UInt8 = 6
    static let p: UInt8 = 7, t: UInt8 = 8, i: UInt8 = 9, y: UInt8 = 10, o: UInt8 = 11, u: UInt8 = 12, invalid: UInt8 = 255
    static let names = ["-", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u"]

    /// The codas named in `list` ("-" for none) as a bit set.
    static func mask(_ list: String) -> UInt16 {
        list.split(separator: " ").reduce(0) { $0 | 1 << UInt16(names.firstIndex(of: String($1))!) }
    }
}

/// Tones as the letter table records them.
enum T { static let huyền: UInt8 = 1, sắc: UInt8 = 2, hỏi: UInt8 = 3, ngã: UInt8 = 4, nặng: UInt8 = 5 }

/// Nuclei (âm chính) — the twelve vowels, then ia iê ya yê ua uô ưa ươ oo — and the codas each takes.
enum N {
    static let a = 0, e = 3, y = 11, iê = 13, yê = 15, oo = 20
    static let pairs: [(UInt8, UInt8)] = [(L.i, L.a), (L.i, L.ê), (L.y, L.a), (L.y, L.ê), (L.u, L.a), (L.u, L.ô),
                                          (L.ư, L.a), (L.ư, L.ơ), (L.o, L.o)]
    @inline(__always) static func pair(_ x: UInt8, _ y: UInt8) -> Int {
        for (k, p) in pairs.enumerated() where p.0 == x && p.1 == y { return 12 + k }
        return -1
    }

    static func table(_ entries: [String: String]) -> [UInt16] {
        let names = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ia", "iê", "ya", "yê", "ua", "uô", "ưa", "ươ", "oo"]
        return names.map { entries[$0].map(K.mask) ?? 0 }
    }

    /// Without a medial. ă â never open; ia ua ưa only open, iê yê uô ươ only closed; ch nh after a ê i;
    /// c ng not after ê i (eng, ec: xẻng, kẻng, leng keng); oo only in xoong, boong, moóc, soóc.
    static let plain = table([
        "a": "- c ch i m n ng nh o p t u y", "ă": "c m n ng p t", "â": "c m n ng p t u y",
        "e": "- c m n ng o p t", "ê": "- ch m n nh p t u", "i": "- ch m n nh p t u",
        "o": "- c i m n ng p t", "ô": "- c i m n ng p t", "ơ": "- i m n p t",
        "u": "- c i m n ng p t", "ư": "- c i ng t u", "y": "-",
        "ia": "-", "iê": "c m n ng p t u", "yê": "m n ng t u", "ua": "-", "uô": "c i m n ng t", "ưa": "-",
        "ươ": "c i m n ng p t u", "oo": "c ng",
    ])
    /// After medial o: oa (hoa, hoạch, ngoài, xoay, ngoạm, oạp), oă (hoặc, xoăn, hoẵng), oe (khoẻ, hoen, ngoèo, khoét).
    static let afterO = table(["a": "- c ch i m n ng nh o p t y", "ă": "c m n ng t", "e": "- n o t"])
    /// After medial u: uâ (xuân, thuật, khuâng, khuấy), uê (huế, khuếch, huênh), uy (huy, huých, huỳnh, huýt,
    /// khuỷu), uơ (huơ, thuở), uya (khuya), uyê (chuyện, tuyết).
    static let afterU = table(["â": "n ng t y", "ê": "- ch nh", "y": "- ch nh t u", "ơ": "-", "ya": "-", "yê": "n t"])
    /// After qu, whose u is the medial: also qua, quắc, que, quên, quết, quều, quốc, and the old quí, quít.
    static let afterQu = table([
        "a": "- c ch i n ng nh o t u y", "ă": "c m n ng p t", "â": "n ng t y", "e": "- n o t",
        "ê": "- ch nh n t u", "i": "- t", "y": "- ch nh t u", "ơ": "-", "ô": "c", "yê": "n t",
    ])
    /// The vowels of every rhyme packed a letter code a byte: `vowelsBeforeConsonant` those of rhymes with a
    /// consonant coda or none (`oa`, `iê`, `uyê`), `vowelSequences` also those ending in a semivowel (`oai`, `ươu`).
    static let (vowelsBeforeConsonant, vowelSequences): (Set<UInt32>, Set<UInt32>) = {
        let nuclei: [[UInt8]] = (1...12).map { [UInt8($0)] } + pairs.map { [$0.0, $0.1] }
        var before: Set<UInt32> = [], all: Set<UInt32> = []
        for (medial, codas) in [(0, plain), (L.o, afterO), (L.u, afterU), (L.u, afterQu)] {
            for (k, nucleus) in nuclei.enumerated() where codas[k] != 0 {
                let vowels = ([UInt8(medial)] + nucleus).reduce(0) { $1 == 0 ? $0 : $0 << 8 | UInt32($1) }
                before.insert(vowels)
                all.insert(vowels)
                for (coda, letter) in [(K.i, L.i), (K.y, L.y), (K.o, L.o), (K.u, L.u)] where codas[k] & 1 << UInt16(coda) != 0 {
                    all.insert(vowels << 8 | UInt32(letter))
                }
            }
        }
        return (before, all)
    }()
    /// Where the tone goes in each nucleus: the first letter, or the second of iê yê uô ươ (and oo).
    static let toneOffset: [Int] = (0..<21).map { [13, 15, 17, 19, 20].contains($0) ? 1 : 0 }
}
