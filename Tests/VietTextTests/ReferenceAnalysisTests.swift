import Foundation
import IndexSchema
import XCTest
@testable import VietText

/// The fast tokenizer and folding (Unicode scalars, tables, caches) against their plain definitions:
/// Character by Character and Foundation's canonical decomposition, as hoso first wrote them. Any text
/// on which the two disagree is a bug in the fast path.
final class ReferenceAnalysisTests: XCTestCase {
    /// Folding by definition: NFD, marks U+0300–U+036F dropped, đ → d, apostrophe look-alikes → '.
    static func referenceFold(_ s: String, lower: Bool) -> String {
        let folded = VietNormalizer.decomposingFold(s)
        return lower ? folded.lowercased() : folded
    }

    /// The tokenizer as first written, Character by Character.
    static func referenceTokens(_ text: String) -> [Token] {
        let joiners: Set<Character> = ["/", "-", ".", "_", "\u{2013}", "\u{2011}"]
        let apostropheChars: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]
        func isDigit(_ ch: Character) -> Bool { ch.isASCII && ch.isNumber }
        func isWordChar(_ ch: Character) -> Bool { ch.isLetter || isDigit(ch) }
        var tokens: [Token] = []
        var position = 0
        var idx = text.startIndex
        while idx < text.endIndex {
            guard isWordChar(text[idx]) else { idx = text.index(after: idx); continue }
            let start = idx
            var parts: [Range<String.Index>] = []
            var partStart = idx
            var hasJoiner = false
            var cur = idx
            while cur < text.endIndex {
                let ch = text[cur]
                if isWordChar(ch) { cur = text.index(after: cur); continue }
                let next = text.index(after: cur)
                guard next < text.endIndex, cur > partStart else { break }
                let prev = text[text.index(before: cur)], after = text[next]
                if apostropheChars.contains(ch), prev.isLetter, after.isLetter { cur = next; continue }
                if joiners.contains(ch), isWordChar(after) {
                    if ch == "." {
                        guard isDigit(after), isDigit(prev) || text[partStart..<cur].contains(where: isDigit) else { break }
                    }
                    parts.append(partStart..<cur)
                    hasJoiner = true
                    cur = next
                    partStart = next
                    continue
                }
                break
            }
            parts.append(partStart..<cur)
            if hasJoiner {
                let whole = String(text[start..<cur])
                tokens.append(Token(text: VietNormalizer.normalize(whole), folded: referenceFold(whole, lower: true),
                                    position: position, range: start..<cur, kind: .compound))
            }
            for r in parts {
                let raw = String(text[r])
                let kind: TokenKind = raw.allSatisfy(isDigit) ? .number : .word
                tokens.append(Token(text: VietNormalizer.normalize(raw), folded: referenceFold(raw, lower: true),
                                    position: position, range: r, kind: kind))
                position += 1
            }
            if hasJoiner, parts.count > 1, text[start..<cur].allSatisfy({ isDigit($0) || $0 == "." }),
               parts.dropFirst().allSatisfy({ text[$0].count == 3 }) {
                let n = parts.count
                tokens.removeLast(n)
                position -= n
                tokens[tokens.count - 1].kind = .number
                position += 1
            }
            idx = cur
        }
        return tokens
    }

    /// Every recognised-text transcription of the samples, NFC and NFD.
    static var corpus: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        var texts: [String] = []
        if let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in files where url.pathExtension == "txt" || url.pathExtension == "csv" {
                if let t = try? String(contentsOf: url, encoding: .utf8) { texts.append(t) }
            }
        }
        return texts + texts.map(\.decomposedStringWithCanonicalMapping)
    }

    /// Random strings over the characters archival text is made of, seeded.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let alphabet = Array("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯQWZJFáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵÁÀẢÃẠẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰÝ0123456789")
            + Array("  \n\t/-._'’‘ʼ`,.;:()\"“”…–‑—+°²½ßñçøÅ")
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            String((0..<(next() % 60)).map { _ in alphabet[next() % alphabet.count] })
        }
    }

    func render(_ toks: [Token], in text: String) -> [String] {
        toks.map { "\($0.text)|\($0.folded)|\($0.position)|\($0.kind)|\(String(text[$0.range]))" }
    }

    func testTokenizerAgreesWithTheCharacterByCharacterDefinition() {
        let texts = Self.corpus + Self.randomTexts(count: 3000, seed: 7)
            + Self.randomTexts(count: 500, seed: 11).map(\.decomposedStringWithCanonicalMapping)
        XCTAssertGreaterThan(Self.corpus.count, 40, "the samples' transcriptions are read")
        var checked = 0
        for text in texts {
            let fast = render(Tokenizer.tokens(text), in: text)
            let reference = render(Self.referenceTokens(text), in: text)
            XCTAssertEqual(fast, reference, text.debugDescription)
            checked += fast.count
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// Whether two tokens make a `BF` pair, as first written: Character by Character over the gap.
    static func referencePairs(_ a: Token, _ b: Token, in text: String) -> Bool {
        guard b.position == a.position + 1, a.range.upperBound <= b.range.lowerBound else { return false }
        let gap = text[a.range.upperBound..<b.range.lowerBound]
        if gap.count == 1, let g = gap.first, Tokenizer.joiners.contains(g) { return true }
        return !gap.contains(where: { Analyzer.pairBreakers.contains($0) })
    }

    func testPairsAgreeWithTheCharacterDefinition() {
        let texts = Self.corpus + Self.randomTexts(count: 3000, seed: 17)
            + ["Điều 1. Thu hồi", "thửa 15.02 và (tờ) số", ".\u{301} a.\u{301}b", "a\r\nb", "a…b • c", "x -\u{301} y"]
        var pairs = 0
        for text in texts {
            let toks = Analyzer().tokens(text)
            for k in toks.indices.dropLast() {
                let fast = Analyzer.pairs(toks[k], toks[k + 1], in: text)
                XCTAssertEqual(fast, Self.referencePairs(toks[k], toks[k + 1], in: text), text.debugDescription)
                if fast { pairs += 1 }
            }
        }
        XCTAssertGreaterThan(pairs, 5_000)
    }

    /// Word salad of the parcel patterns' words, numbers and separators: texts where parcels are found.
    static func parcelTexts(count: Int, seed: UInt64) -> [String] {
        let words = ["thửa", "Thửa", "đất", "số", "tờ", "bản", "đồ", "địa", "chính", "thuộc", "của", "và", "gồm", "xã",
                     "305", "80", "12", "0045", "1234567", "٣٠٥", ":", ",", ";", ".", "(", "-", "/", "\n", "\t", "  ",
                     "thua", "to", "sothua", "thửa_1", "ñ", "thửa\u{301}", "x", "\u{05B0}", "\u{0903}", "x\u{0483}"]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % 40)).map { _ in words[next() % words.count] }.joined(separator: next() % 4 == 0 ? "" : " ")
        }
    }

    func testParcelsAgreeWithTheWholeTextPatterns() {
        var found = 0
        // `\b` looks past format characters as past marks: no parcel after `x\u{AD}`.
        let traps = ["x\u{00AD}thửa 5", "x\u{200B}thửa 5 tờ 6", "x\u{00AD}\u{0483}tờ 7 thửa 8", "x\u{FEFF}thửa 9", "(\u{00AD}thửa 5"]
        for text in traps + Self.corpus + Self.parcelTexts(count: 8000, seed: 19) + Self.randomTexts(count: 1000, seed: 23) {
            let fast = IdentifierExtractor.parcels(in: text)
            XCTAssertEqual(fast, IdentifierExtractor.parcelsInWholeText(text), text.debugDescription)
            found += fast.count
        }
        XCTAssertGreaterThan(found, 1_000)
    }

    func testFoldAgreesWithTheDecomposingDefinition() {
        let texts = Self.corpus + Self.randomTexts(count: 3000, seed: 3)
            + ["ǅǈǋ", "İstanbul", "Ωmega ΣΑΣ", "한국어", "e\u{0301}\u{0327}", "x\u{05B0}\u{0301}", "ﬁ", "Ⅻ", "ＡＢＣ"]
        for text in texts {
            XCTAssertEqual(VietNormalizer.fold(text), Self.referenceFold(text, lower: true), text.debugDescription)
            XCTAssertEqual(VietNormalizer.foldKeepingCase(text), Self.referenceFold(text, lower: false), text.debugDescription)
        }
    }

    /// The byte-level fold (`foldedUTF8`) against `fold`: same bytes, or nil exactly where the table does not
    /// know a scalar; `foldOrigins` gives for each folded byte the offset of the scalar it comes from.
    func testFoldedBytesAgreeWithFold() {
        let texts = Self.corpus + Self.randomTexts(count: 3000, seed: 5)
            + ["ǅǈǋ", "İstanbul", "한국어 đất", "e\u{0301}\u{0327}", "ﬁ", "𝐀 đất 😀", "H’Hen ‘M`gar", "", "ĐẤT ĐAI"]
        var unknown = 0
        for text in texts {
            let folded = Array(VietNormalizer.fold(text).utf8)
            guard let fast = VietNormalizer.foldedUTF8(text) else {
                unknown += 1
                XCTAssertNil(VietNormalizer.foldOrigins(of: [Int.max], in: text))   // it meets the unknown scalar
                XCTAssertTrue(text.unicodeScalars.contains { $0.value >= 0x80 && VietNormalizer.FoldTable.shared.entry($0.value) == nil })
                continue
            }
            XCTAssertEqual(fast, folded, text.debugDescription)
            var composed = false
            XCTAssertEqual(VietNormalizer.foldedUTF8(text, composed: &composed), folded)
            XCTAssertEqual(composed, VietNormalizer.isStableInNFC(utf8: text), text.debugDescription)
            var expected: [Int] = []
            var offset = 0
            for scalar in text.unicodeScalars {
                let n = Array(VietNormalizer.fold(String(scalar)).utf8).count
                expected += Array(repeating: offset, count: n)
                offset += String(scalar).utf8.count
            }
            XCTAssertEqual(expected.count, folded.count)
            // Every position, and a few, mapped back: the offsets of their scalars.
            XCTAssertEqual(VietNormalizer.foldOrigins(of: Array(folded.indices), in: text), expected, text.debugDescription)
            let positions = stride(from: 0, to: folded.count, by: 7).map { $0 }
            XCTAssertEqual(VietNormalizer.foldOrigins(of: positions, in: text), positions.map { expected[$0] }, text.debugDescription)
        }
        XCTAssertGreaterThan(unknown, 2)
        // Every scalar alone: the packed table and the byte-level NFC check against their definitions.
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let text = String(scalar)
            let known = v < 0x80 || VietNormalizer.FoldTable.shared.entry(v) != nil
            XCTAssertEqual(VietNormalizer.foldedUTF8(text + "Đ"), known ? Array(VietNormalizer.fold(text + "Đ").utf8) : nil, "U+\(String(v, radix: 16))")
            XCTAssertEqual(VietNormalizer.isStableInNFC(utf8: "a" + text), VietNormalizer.isStableInNFC(v), "U+\(String(v, radix: 16))")
        }
    }

    /// The fold of unchecked bytes (`foldedUTF8(bytes:)`, a page as the catalogue stores it): the fold of the
    /// String they make when they are UTF-8, nil when they are not; on valid texts and on bytes spoiled in every
    /// way UTF-8 can be (cut sequences, stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF).
    func testFoldOfUncheckedBytesIsTheFoldOfTheirStringOrNil() {
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let spoilers: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xE1, 0xBA], [0xE0, 0x80, 0x80],
                                   [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80],
                                   [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xF0, 0x9F, 0x98]]
        var samples: [[UInt8]] = []
        for text in Self.corpus + Self.randomTexts(count: 2000, seed: 13) + ["", "😀 đất", "Ⅻ", "e\u{0301}"] {
            var bytes = Array(text.utf8)
            samples.append(bytes)
            guard !bytes.isEmpty else { continue }
            bytes.insert(contentsOf: spoilers[next(spoilers.count)], at: next(bytes.count + 1))
            samples.append(bytes)
            samples.append(Array(text.utf8.prefix(next(bytes.count + 1))))   // cut anywhere, inside a scalar too
        }
        samples += (0..<2000).map { _ in (0..<next(12)).map { _ in UInt8(truncatingIfNeeded: next(256)) } }
        var invalid = 0, valid = 0
        for bytes in samples {
            var composed = false
            let fast = bytes.withUnsafeBufferPointer { VietNormalizer.foldedUTF8(bytes: $0, composed: &composed) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                XCTAssertNil(fast, bytes.description)
                invalid += 1
                continue
            }
            var expectedComposed = false
            XCTAssertEqual(fast, VietNormalizer.foldedUTF8(text, composed: &expectedComposed), text.debugDescription)
            if fast != nil { XCTAssertEqual(composed, expectedComposed, text.debugDescription); valid += 1 }
        }
        XCTAssertGreaterThan(invalid, 1000)
        XCTAssertGreaterThan(valid, 2000)
    }

    /// Citizen ids as first written: `\\d+` runs of 9 or 12, checked around.
    static func referenceCitizenIDs(_ text: String) -> [CitizenID] {
        let ns = text as NSString
        var out: [CitizenID] = []
        let re = try! NSRegularExpression(pattern: "\\d+")
        for m in re.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let r = m.range
            guard r.length == 9 || r.length == 12 else { continue }
            let before = ns.substring(to: r.location), after = ns.substring(from: r.location + r.length)
            if let p = before.last, ".,".contains(p), before.dropLast().last?.isNumber == true { continue }
            if let a = after.first, ".,".contains(a), after.dropFirst().first?.isNumber == true { continue }
            var b = before
            while let l = b.last, l == " " || l == "-" || l == "." || l == ")" { b.removeLast() }
            if b.hasSuffix("+") || b.hasSuffix("+84") || b.hasSuffix("(+84") || b.hasSuffix("(84") { continue }
            if let id = CitizenID(ns.substring(with: r)), !out.contains(id) { out.append(id) }
        }
        return out
    }

    func testNFCAgreesWithFoundation() {
        let texts = Self.corpus + Self.randomTexts(count: 3000, seed: 13)
            + ["A\u{030A}ngström \u{212B}", "\u{2000}\u{2001}", "한국어 \u{1100}\u{1161}", "e\u{0301}", "Ω \u{2126}", "“Quyết” – định…"]
        for text in texts {
            XCTAssertEqual(VietNormalizer.nfc(text), text.precomposedStringWithCanonicalMapping, text.debugDescription)
            // Equal as strings is canonical equivalence: compare the scalars too.
            XCTAssertEqual(Array(VietNormalizer.nfc(text).unicodeScalars), Array(text.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }

    func testIdentifiersForTheIndexAgreeWithTheWholeTextDefinitions() {
        let ids = ["CMND 241234567, CCCD 066190001234", "ĐT +84 912345678; (84) 912345678", "1.234.567.890 và 123456789,5",
                   "số 0661900012345 và 12345678 và ٠١٢٣٤٥٦٧٨ và 241234567٠", "2412345678\n241234567",
                   "ngày 15/02/2012, số 43/2014/NĐ-CP; 12 / QĐ-UBND và 5/ 2020 / TT-BNV, 7/Đề án, 9/ôn, 1999/x, 2/2015/qđ"]
        for text in Self.corpus + ids + Self.randomTexts(count: 2000, seed: 5) {
            let fast = IdentifierExtractor.extractForIndex(text)
            XCTAssertEqual(fast.documentNumbers, IdentifierExtractor.documentNumbers(in: text), text.debugDescription)
            XCTAssertEqual(fast.citizenIDs, Self.referenceCitizenIDs(text), text.debugDescription)
        }
        XCTAssertEqual(IdentifierExtractor.citizenIDs(in: ids[0]).map(\.digits), ["241234567", "066190001234"])
    }
}
