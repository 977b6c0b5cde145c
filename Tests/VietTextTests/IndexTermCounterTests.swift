import Foundation
import IndexSchema
import XCTest
@testable import VietText

/// `Analyzer.countIndexTerms` (bytes, per-thread memo, counted) against its definition `Analyzer.indexTerms`
/// (tokens, one String per occurrence): the same multiset of terms for every text. Terms are compared by
/// their UTF-8 bytes (String's == would call canonically equivalent terms equal).
final class IndexTermCounterTests: XCTestCase {
    let analyzer = Analyzer()

    static func multiset(_ terms: [String]) -> [[UInt8]: Int] {
        var out: [[UInt8]: Int] = [:]
        for t in terms { out[Array(t.utf8), default: 0] += 1 }
        return out
    }

    func counted(_ texts: [String], maxTermBytes: Int = .max) -> [[UInt8]: Int] {
        var out: [[UInt8]: Int] = [:]
        analyzer.countIndexTerms(texts, maxTermBytes: maxTermBytes) { term, n in
            XCTAssertNil(out[Array(term.utf8)], "each term handed out once: \(term)")
            out[Array(term.utf8), default: 0] += n
        }
        return out
    }

    func render(_ m: [[UInt8]: Int]) -> [String] {
        m.map { "\(String(decoding: $0.key, as: UTF8.self))×\($0.value)" }.sorted()
    }

    /// Checks one text; returns the number of term occurrences compared.
    @discardableResult
    func check(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        let expected = Self.multiset(analyzer.indexTerms(text))
        let got = counted([text])
        if got != expected {
            let e = Set(render(expected)), g = Set(render(got))
            XCTFail("\(text.debugDescription.prefix(300)): missing \(e.subtracting(g).sorted().prefix(10)), "
                    + "extra \(g.subtracting(e).sorted().prefix(10))", file: file, line: line)
        }
        return expected.values.reduce(0, +)
    }

    // MARK: Texts

    /// Texts written by a generator script of the repository (python3), or nil when it cannot run.
    static func generated(_ script: String, _ arguments: [String], outFlag: String?, csv: Bool = true) throws -> [String]? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent(script).path]
            + (outFlag.map { [$0, out.path] } ?? [out.path]) + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        var texts: [String] = []
        if let files = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil) {
            for case let url as URL in files where url.pathExtension == "txt" || (csv && url.pathExtension == "csv") {
                if let t = try? String(contentsOf: url, encoding: .utf8) {
                    // Pages are separated by form feeds, as the ingest splits them.
                    texts += url.pathExtension == "txt" ? t.components(separatedBy: "\u{0C}") : [t]
                }
            }
        }
        return texts
    }

    /// The traps: forms where a byte scan could go wrong.
    static let traps: [String] = [
        "", " ", "\n", "\r\n", "\t \r\n  ", "\u{0C}", "a", "Đ", "1",
        // Case, tone placement, NFD.
        "Quyết định QUYẾT ĐỊNH quyết Định", "hòa hoà HOÀ Hoà thuý thúy THUỶ khoẻ khỏe", "Thuỷ lợi, UỶ BAN, uỷ ban",
        "Hoà thuận, khoẻ mạnh".decomposedStringWithCanonicalMapping,
        "Quyết định số 1605/QĐ-UBND".decomposedStringWithCanonicalMapping,
        "quye\u{0302}\u{0301}t đi\u{0323}nh", "e\u{0301}\u{0302} o\u{031B}\u{0300} a\u{0306}\u{0303}",
        // Apostrophe names.
        "H’Hen Niê, M'gar, Cư M‘gar, H`Bia, Y’Bih, Hʼ Nga, H'", "’a a’ ‘’ '' a'' a'b'c", "1'2 a'1 1'a",
        "H\u{2019}\u{0301}Hen", "H'\u{0301}Hen", "Hé'hen",
        // Compounds and joiners.
        "1605/QĐ-UBND; 43/2014/NĐ-CP, 15/02/2012, H49.64.33.2001.160, Ê-đê, NĐ-CP, TTr-TNMT",
        "a_b c–d e‑f g—h 12/ab 12./3 a./b a-.b --a a-- /a/ 1-2-3", "x -\u{301} y", "a-\u{301}b", "a\u{2013}\u{0301}b",
        "1.500.000 đồng, 12.5, 1.50.000, 1.5000, .500, 500., 1..500, 1.500.000.000, 2.500,5",
        "1.\u{301}500 1.500\u{301}.000 1\u{301}.500", "H49.64 ab.12 a1.2 1a.2 a.1", "m2 m² 10m2 H49",
        // Pair breakers, alone and with a mark after them.
        "Điều 1. Thu hồi (đất) [nhà] {ở} ! ? … • | cuối", "a.b a. b a .b a.\u{301}b a .\u{301} b a…b a … b",
        "a(\u{301}b a(b a( b a•\u{301}b a!!b", ".\u{301} a.\u{301}b", "a\r\nb", "a…b • c",
        "khiếu nại, tố cáo; đất: nhà \"quyền\" “sử” – dụng", "a\u{0C}b", "a\u{2028}b\u{2029}c",
        // Numbers and ids.
        "12345678 123456789 1234567890 12345678901 123456789012 1234567890123 12345678901234 1234567",
        "CMND 241234567, CCCD 066190001234, ĐT +84 912345678; (84) 912345678, 1.234.567.890 và 123456789,5",
        "thửa đất số 305 tờ bản đồ số 80", "Thửa đất số 0305, tờ bản đồ số 080 thuộc xã Ea Kly; tờ số 12 thửa 7",
        "thu\u{212B} 305 tờ 80", "thửa\u{301} 12", "11111111 00000000 1111111a",
        "số 0661900012345 và 12345678 và ٠١٢٣٤٥٦٧٨ và 241234567٠",
        "ngày 15/02/2012, số 43/2014/NĐ-CP; 12 / QĐ-UBND và 5/ 2020 / TT-BNV, 7/Đề án, 9/ôn, 1999/x, 2/2015/qđ",
        // Noise: other scripts, emoji, marks that are letters, ZWJ, variation selectors.
        "中华人民共和国 日本語の文 한국어 \u{1100}\u{1161}", "Привет мир, Ё ё Й й", "Ωmega ΣΑΣ ΐ", "שָׁלוֹם مرحبا",
        "😀 👨‍👩‍👧 🇻🇳 a😀b 1️⃣ ❤️", "\u{0345}abc a\u{0345}b \u{0345}", "\u{0301}abc", "\u{0301}", "\u{200D}a\u{200D}b",
        "क्षत्रिय हिन्दी", "ไทย ภาษา", "x\u{05B0}\u{0301}", "ǅǈǋ İstanbul ﬁ Ⅻ ＡＢＣ ß ẞ", "ﾊﾝｶｸ", "\u{FEFF}a b",
        "A\u{030A}ngström \u{212B} Å", "Ω \u{2126}", "a\u{0000}b", "\u{10FFFF} \u{E000}",
        // Leading zeros, mixed digits and letters.
        "05/2025/TT-BNV 0001/QĐ 00 007", "A1B2 a1 1a 2a3",
    ]

    /// Tokens around the 240-byte limit: the word, its `F` term and its pairs cross it at different lengths.
    static var longTokens: [String] {
        var out: [String] = []
        for n in [119, 120, 121, 238, 239, 240, 241, 242, 300] {
            let a = String(repeating: "a", count: n)
            out.append("\(a) đất \(a)")
            out.append("x \(a)")
            out.append("\(a) x")
            out.append(String(repeating: "đ", count: n / 2) + " đất")       // 2 bytes each, folded 1
            out.append("h'" + String(repeating: "b", count: n - 2) + " y")  // apostrophe, bare form shorter
            out.append(String(repeating: "1", count: n) + " 2")
        }
        out.append(String(repeating: "ạ", count: 100) + " a")
        return out
    }

    // MARK: Tests

    func testTheTraps() {
        var occurrences = 0
        for text in Self.traps + Self.longTokens {
            occurrences += check(text)
            occurrences += check(text.decomposedStringWithCanonicalMapping)
            occurrences += check(text.uppercased())
        }
        XCTAssertGreaterThan(occurrences, 1_000)
    }

    func testTheSamples() {
        let corpus = ReferenceAnalysisTests.corpus
        XCTAssertGreaterThan(corpus.count, 40, "the samples' transcriptions are read")
        var occurrences = 0
        for text in corpus { occurrences += check(text) }
        XCTAssertGreaterThan(occurrences, 20_000)
    }

    func testRandomTexts() {
        let texts = ReferenceAnalysisTests.randomTexts(count: 4000, seed: 29)
            + ReferenceAnalysisTests.randomTexts(count: 1000, seed: 31).map(\.decomposedStringWithCanonicalMapping)
            + ReferenceAnalysisTests.parcelTexts(count: 2000, seed: 37)
            + Self.noise(count: 3000, seed: 41)
        for text in texts { check(text) }
    }

    /// Random strings over a wider alphabet: Vietnamese, joiners, breakers, marks, other scripts, emoji.
    static func noise(count: Int, seed: UInt64) -> [String] {
        let alphabet: [String] = Array("aăâđêôơưAĐQ0123456789 \n\t/-._'’‘ʼ`´′,;:()[]{}!?…•|–‑—")
            .map(String.init)
            + ["\u{0300}", "\u{0301}", "\u{0302}", "\u{0303}", "\u{0309}", "\u{0323}", "\u{0345}", "\u{200D}", "\u{FE0F}",
               "\u{0483}", "\u{05B0}", "\u{0903}", "\u{0941}", "\u{093E}", "中", "한", "\u{1100}", "\u{1161}", "Ж", "ё",
               "😀", "🇻", "\u{212B}", "\u{2126}", "ﬁ", "İ", "ß", "٣", "\r\n", "\r", "\u{0C}", "\u{2028}", "ǅ", "Ⅻ"]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in (0..<(next() % 50)).map { _ in alphabet[next() % alphabet.count] }.joined() }
    }

    /// Realistic recognised pages: bench/scale/make_batch.py (the scale benchmark's generator).
    func testGeneratedPages() throws {
        guard let pages = try Self.generated("bench/scale/make_batch.py",
                                             ["--files", "40", "--docs", "3", "--pages", "3", "--seed", "5"],
                                             outFlag: nil) else {
            throw XCTSkip("python3 could not run bench/scale/make_batch.py")
        }
        XCTAssertGreaterThan(pages.count, 200)
        var occurrences = 0
        for page in pages { occurrences += check(page) }
        XCTAssertGreaterThan(occurrences, 100_000)
    }

    /// The relevance benchmark's corpus (bench/relevance/make_corpus.py): OCR-like noise, NFD, names.
    func testRelevanceCorpus() throws {
        guard let texts = try Self.generated("bench/relevance/make_corpus.py", [], outFlag: "--out") else {
            throw XCTSkip("python3 could not run bench/relevance/make_corpus.py")
        }
        XCTAssertGreaterThan(texts.count, 500)
        var occurrences = 0
        for text in texts { occurrences += check(text) }
        XCTAssertGreaterThan(occurrences, 100_000)
    }

    /// Several texts counted together are the union of their terms: no pair across two texts.
    func testSeveralTextsAreTheUnionOfEach() {
        let texts = ["một hai ba", "", "bốn năm", "ba", "1605/QĐ-UBND", "thửa đất số 305 tờ bản đồ số 80", "hai ba"]
        var expected: [[UInt8]: Int] = [:]
        for t in texts { expected.merge(Self.multiset(analyzer.indexTerms(t)), uniquingKeysWith: +) }
        XCTAssertEqual(counted(texts), expected)
        XCTAssertNil(counted(texts)[Array("BFba_bon".utf8)])
        XCTAssertEqual(counted(texts)[Array("BFhai_ba".utf8)], 2)
    }

    func testLongTermsAreLeftOutAtTheLimitGiven() {
        for text in Self.longTokens + Self.traps {
            let expected = Self.multiset(analyzer.indexTerms(text).filter { !$0.isEmpty && $0.utf8.count <= 240 })
            XCTAssertEqual(counted([text], maxTermBytes: 240), expected, text.debugDescription)
        }
        // The limit does bite: a 240-byte word gets its 241-byte `F` term only without it.
        let plain = String(repeating: "a", count: 240)
        XCTAssertNil(counted([plain], maxTermBytes: 240)[Array(("F" + plain).utf8)])
        XCTAssertEqual(counted([plain])[Array(("F" + plain).utf8)], 1)
    }

    /// The memo is per thread and forgotten beyond its bound; answers stay the same either way.
    func testManyThreadsAndAForgottenMemo() {
        let texts = ReferenceAnalysisTests.corpus.prefix(30) + Self.noise(count: 200, seed: 43)
        let expected = texts.map { Self.multiset(analyzer.indexTerms($0)) }
        let results = UnsafeMutableBufferPointer<[[UInt8]: Int]?>.allocate(capacity: texts.count * 4)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let all = Array(texts)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            for (i, t) in all.enumerated() {
                var out: [[UInt8]: Int] = [:]
                analyzer.countIndexTerms(t) { out[Array($0.utf8), default: 0] += $1 }
                results[k * all.count + i] = out
            }
        }
        for k in 0..<4 { for i in all.indices { XCTAssertEqual(results[k * all.count + i], expected[i]) } }

        let (words, terms) = (IndexTermState.wordLimit, IndexTermState.termLimit)
        IndexTermState.wordLimit = 50
        IndexTermState.termLimit = 200
        defer { (IndexTermState.wordLimit, IndexTermState.termLimit) = (words, terms) }
        for (i, t) in all.enumerated() { XCTAssertEqual(counted([t]), expected[i], t.debugDescription) }
        for (i, t) in all.enumerated().reversed() { XCTAssertEqual(counted([t]), expected[i], t.debugDescription) }
    }

    /// The differential check can fail: a wrong term list is told apart.
    func testTheComparisonSeesADifference() {
        let text = "Quyết định số 1605/QĐ-UBND thu hồi đất"
        var wrong = analyzer.indexTerms(text)
        wrong.removeLast()
        XCTAssertNotEqual(counted([text]), Self.multiset(wrong))
        XCTAssertNotEqual(counted([text]), Self.multiset(analyzer.indexTerms(text) + ["Fdat"]))
        XCTAssertEqual(counted([text]), Self.multiset(analyzer.indexTerms(text)))
    }
}

/// `Analyzer.foldedWords` (the counting scan listing word ids) against the tokenizer.
final class FoldedWordsTests: XCTestCase {
    func testFoldedWordsAreTheWordTokensFolded() throws {
        let texts = IndexTermCounterTests.traps + IndexTermCounterTests.longTokens + ReferenceAnalysisTests.corpus
            + ReferenceAnalysisTests.randomTexts(count: 2000, seed: 53) + IndexTermCounterTests.noise(count: 2000, seed: 59)
        var words = 0
        for text in texts {
            let expected = Tokenizer.tokens(text).filter { $0.isPositional && $0.kind == .word }.map(\.folded)
            let got = Analyzer.foldedWords(text)
            XCTAssertEqual(got.map { Array($0.utf8) }, expected.map { Array($0.utf8) }, text.debugDescription)
            words += got.count
            // Counting in between leaves both answers alone.
            if words % 7 == 0 { _ = Analyzer().countIndexTerms(text) { _, _ in } }
        }
        XCTAssertGreaterThan(words, 30_000)
        XCTAssertEqual(Analyzer.foldedWords("Quyết định 1605/QĐ-UBND, 1.500.000 đồng, H’Hen 12a"),
                       ["quyet", "dinh", "qd", "ubnd", "dong", "h'hen", "12a"])
    }
}
