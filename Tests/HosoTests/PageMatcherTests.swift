import VietText
import XCTest
@testable import Search

final class PageMatcherTests: XCTestCase {
    func testAccentInsensitiveMatchAndPageRanking() {
        let matcher = PageMatcher(highlightWords: ["quyet", "dinh", "thu", "hồi", "dat"])
        let pages: [(number: Int, text: String)] = [
            (1, "Độc lập - Tự do - Hạnh phúc\nKrông Pắc, ngày 15 tháng 02 năm 2012"),
            (2, "Điều 1. Thu hồi 250 m² đất của hộ ông Nguyễn Văn Hùng."),
            (3, "QUYẾT ĐỊNH về việc thu hồi đất; quyết định này có hiệu lực."),
        ]
        XCTAssertEqual(matcher.rankPages(pages), [3, 2])
    }

    /// Pages are ranked without tokenising them: the quick score must agree with the tokenised match.
    func testQuickScoreAgreesWithTheTokenisedMatch() {
        let texts = ["QUYẾT ĐỊNH về việc thu hồi đất; quyết định này có hiệu lực.", "Số: 1605/QĐ-UBND ngày 15/02/2012",
                     "bà H’Hen Niê, thôn Ea Kly", "Điều 1. Thu hồi 250 m² đất", "quyetdinh thuhoi", "đất đai, đấtđai",
                     "Quyết định thu hồi đất".decomposedStringWithCanonicalMapping, "giá 500 đồng; 500đ"]
        let queries = [["quyet", "dinh"], ["thu", "hồi", "đất"], ["1605", "qđ", "ubnd"], ["h'hen", "nie"], ["500"], ["dat", "đai"]]
        var compared = 0
        for words in queries {
            let matcher = PageMatcher(highlightWords: words)
            for text in texts {
                XCTAssertEqual(matcher.quickScore(text), matcher.match(text).score, "\(words) in \(text)")
                compared += 1
            }
        }
        XCTAssertEqual(compared, 48)
        // Known difference: a dotted number is one token, but its groups are found by the quick score.
        XCTAssertEqual(PageMatcher(highlightWords: ["500"]).quickScore("1.500.000 đồng"), 1001)
        XCTAssertEqual(PageMatcher(highlightWords: ["500"]).match("1.500.000 đồng").score, 0)
    }

    /// `match` tokenises only the stretches that can hold a query word: it must find what tokenising the
    /// whole text finds, on the samples' transcriptions and on word salad full of joiners and marks.
    func testMatchAgreesWithTokenisingTheWholeText() throws {
        var texts = try Self.sampleTexts()
        XCTAssertGreaterThan(texts.count, 10)
        texts += Self.salad(of: ["đất", "Đất", "dat", "thu", "hồi", "1605", "/", "QĐ", "-", "UBND", "1.500.000", "500", "H’Hen",
                                 "h'hen", "Niê", ".", ",", "(", "“", "”", "–", "\u{301}", "e\u{301}", "\n", "\t", "  ", "ña", "ﬁ",
                                 "đất\u{0483}", "x", "an", "ban", "Cư M’gar", "cua", "²", "İ", "Ⅻ", "ǅ", "ß", "e", "2", "i", "_",
                                 "\u{A0}", "½", "ⓐ"], count: 1500, longest: 30, seed: 29)
        let queries = [["đất"], ["thu", "hồi", "đất"], ["1605", "qđ", "ubnd"], ["h'hen", "nie"], ["500"], ["1.500.000"],
                       ["thu hoi dat"], ["ña"], ["quyết định"], ["an"], ["cu", "m'gar"], ["a"], ["e"], ["2"], ["i"], ["x"]]
        var found = 0
        for words in queries {
            let matcher = PageMatcher(highlightWords: words)
            for text in texts + texts.map(\.decomposedStringWithCanonicalMapping) {
                let fast = matcher.match(text), whole = matcher.matchByTokenising(text)
                XCTAssertEqual(fast.ranges, whole.ranges, "\(words) in \(text.debugDescription)")
                XCTAssertEqual(fast.distinctWords, whole.distinctWords)
                found += fast.occurrences
            }
        }
        XCTAssertGreaterThan(found, 2_000)
    }

    /// Pages ranked from their stored bytes (`rank(utf8:)`, the result page) as their Strings are ranked: the
    /// same pages in the same order, the same best page and match; bytes that are not UTF-8 as
    /// `String(decoding:)` repairs them.
    func testRankingFromBytesAgreesWithRankingStrings() throws {
        let texts = try Self.sampleTexts()
            + Self.salad(of: ["đất", "Đất", "dat", "thu", "hồi", "QĐ", "UBND", "500", "H’Hen", "\u{301}", "e\u{301}", "\n", " ",
                              "ña", "x", "quyết", "định"], count: 600, longest: 25, seed: 37)
        var state: UInt64 = 41
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let spoilers: [[UInt8]] = [[0x80], [0xC3], [0xE1, 0xBA], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xFF]]
        var compared = 0, matched = 0
        for words in [["đất"], ["thu", "hồi", "đất"], ["quyet", "dinh"], ["h'hen"], ["500"]] {
            let matcher = PageMatcher(highlightWords: words)
            for k in stride(from: 0, to: texts.count - 3, by: 3) {
                var pages = (0..<3).map { (number: $0 + 1, utf8: Array(texts[k + $0].utf8)) }
                if k % 2 == 1, !pages[1].utf8.isEmpty {   // spoil one page's bytes
                    pages[1].utf8.insert(contentsOf: spoilers[next(spoilers.count)], at: next(pages[1].utf8.count))
                }
                let fromBytes = matcher.rank(utf8: pages)
                let fromStrings = matcher.rank(pages.map { (number: $0.number, text: String(decoding: $0.utf8, as: UTF8.self)) })
                XCTAssertEqual(fromBytes.pages, fromStrings.pages, "\(words) \(k)")
                XCTAssertEqual(fromBytes.best?.text, fromStrings.best?.text, "\(words) \(k)")
                XCTAssertEqual(fromBytes.best?.match.ranges, fromStrings.best?.match.ranges, "\(words) \(k)")
                compared += 1
                if fromBytes.best != nil { matched += 1 }
            }
        }
        XCTAssertGreaterThan(compared, 500)
        XCTAssertGreaterThan(matched, 100)
    }

    /// The quick score from word starts against its scan of every byte, on the same texts.
    func testQuickScoreAgreesWithItsByteScan() throws {
        let texts = ["", "đất", "x đất", "đấtđất đất", "1.500.000 500 500.", "h'hen h’hen nie", "a", "aa a", "a a", "ña"]
            + (try Self.sampleTexts())
            + Self.salad(of: ["đất", "Đất", "dat", "thu", "hồi", "1605", "/", "QĐ", "-", "UBND", "1.500.000", "500", "H’Hen", "h'hen",
                              "Niê", ".", ",", "a", "A", "\u{301}", "e\u{301}", "\n", " ", "ña", "đất\u{0483}", "x"],
                         count: 800, longest: 20, seed: 31)
        var nonZero = 0
        for words in [["đất"], ["thu", "hồi", "đất"], ["1605", "qđ", "ubnd"], ["h'hen", "nie"], ["500"], ["quyết định"], ["a"]] {
            let matcher = PageMatcher(highlightWords: words)
            for text in texts {
                let folded = Array(VietNormalizer.fold(text).utf8)
                var distinct = 0, occurrences = 0
                func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
                for w in matcher.wordBytes where w.count <= folded.count {
                    var n = 0, i = 0
                    while i <= folded.count - w.count {
                        if Array(folded[i..<(i + w.count)]) == w, i == 0 || !isWordByte(folded[i - 1]),
                           i + w.count == folded.count || !isWordByte(folded[i + w.count]) { n += 1; i += w.count; continue }
                        i += 1
                    }
                    if n > 0 { distinct += 1; occurrences += n }
                }
                XCTAssertEqual(matcher.quickScore(text), distinct * 1000 + occurrences, "\(words) in \(text.prefix(80))")
                if occurrences > 0 { nonZero += 1 }
            }
        }
        XCTAssertGreaterThan(nonZero, 30)
    }

    func testSnippetHighlightsOriginalWordsAndEscapesHTML() {
        let matcher = PageMatcher(highlightWords: ["thu hoi dat"])
        let (plain, html) = matcher.snippet("Về việc <thu hồi> đất của hộ bà Trần Thị Hoa & con")
        XCTAssertTrue(plain.contains("thu hồi"), plain)
        XCTAssertEqual(html, "Về việc &lt;<mark>thu</mark> <mark>hồi</mark>&gt; <mark>đất</mark> của hộ bà Trần Thị Hoa &amp; con")
    }

    func testDecomposedTextIsMatchedAsComposed() {
        let nfd = "Quyết định thu hồi đất".decomposedStringWithCanonicalMapping
        let matcher = PageMatcher(highlightWords: ["đất"])
        XCTAssertEqual(matcher.match(nfd).occurrences, 1)
        XCTAssertTrue(matcher.snippet(nfd).html.contains("<mark>đất</mark>"))
    }

    func testSnippetOfTextWithoutMatchIsItsBeginning() {
        let matcher = PageMatcher(highlightWords: ["khiếu"])
        XCTAssertEqual(matcher.snippet("Biên bản   tiếp\ncông dân", width: 100).plain, "Biên bản tiếp công dân")
    }

    func testLongTextSnippetIsCutAroundTheMatch() {
        let filler = String(repeating: "căn cứ luật đất đai ", count: 40)
        let text = filler + "hộ bà H'Hen Niê " + filler
        let s = PageMatcher(highlightWords: ["h'hen", "nie"]).snippet(text, width: 120)
        XCTAssertTrue(s.plain.hasPrefix("…") && s.plain.hasSuffix("…"), s.plain)
        XCTAssertTrue(s.html.contains("<mark>H&#39;Hen</mark> <mark>Niê</mark>"), s.html)
        XCTAssertLessThanOrEqual(s.plain.count, 125)
    }
    /// The snippet built on bytes against its definition on Strings (scalar widths, escaping, white space
    /// collapsed), over the samples' pages and word salad full of marks, entities and odd white space.
    func testSnippetAgreesWithItsStringDefinition() throws {
        let texts = try Self.sampleTexts() + Self.salad(
            of: ["đất", "Đất", "dat", "thu", "hồi", "1605/QĐ-UBND", "<b>", "&", "\"", "'", "H’Hen", "\u{00A0}", "\u{3000}", "\u{2028}",
                 "\u{0085}", "\u{1680}", "\u{202F}", "\u{205F}", "\u{2009}", "\u{200B}", "\n\n", "\t", "   ", "😀", "e\u{301}", "…",
                 "ﬁ", "x"], count: 800, longest: 120, seed: 41)
        var compared = 0
        for words in [["đất"], ["thu", "hồi", "đất"], ["1605", "qđ", "ubnd"], ["h'hen"], ["x"], ["zzz"]] {
            let matcher = PageMatcher(highlightWords: words)
            for text in texts {
                let nfc = VietNormalizer.nfc(text)
                let m = matcher.match(nfc)
                for width in [40, 220] {
                    let fast = matcher.snippet(nfc, match: m, width: width)
                    let reference = Self.referenceSnippet(nfc, match: m, width: width)
                    XCTAssertEqual(fast.plain, reference.plain, text.debugDescription)
                    XCTAssertEqual(fast.html, reference.html, text.debugDescription)
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 9_000)
    }

    /// White space as the snippet sees it: exactly the scalars with Unicode's White_Space property.
    func testWhiteSpaceBytesAreUnicodeWhiteSpace() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            var s = String(scalar)
            let length = s.withUTF8 { PageMatcher.whiteSpaceLength($0, 0) }
            XCTAssertEqual(length > 0, scalar.properties.isWhitespace, String(v, radix: 16))
            if length > 0 { XCTAssertEqual(length, s.utf8.count) }
        }
    }

    /// The samples' transcriptions (`samples/**/*.txt`).
    static func sampleTexts() throws -> [String] {
        let root = Fixture.repository.appendingPathComponent("samples")
        var texts: [String] = []
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
        where url.pathExtension == "txt" {
            texts.append(try String(contentsOf: url, encoding: .utf8))
        }
        return texts
    }

    /// `count` texts of up to `longest` pieces drawn from `pieces`, joined with or without spaces; the same
    /// for the same seed.
    static func salad(of pieces: [String], count: Int, longest: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            (0..<(next() % longest)).map { _ in pieces[next() % pieces.count] }.joined(separator: next() % 3 == 0 ? "" : " ")
        }
    }

    /// The snippet as first written, String by String.
    static func referenceSnippet(_ text: String, match m: PageMatcher.Match, width: Int) -> (plain: String, html: String) {
        func collapse(_ s: String) -> String {
            var out = String.UnicodeScalarView()
            var space = false, any = false
            for c in s.unicodeScalars {
                if c.properties.isWhitespace { space = any; continue }
                if space { out.append(" "); space = false }
                out.append(c)
                any = true
            }
            return String(out)
        }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
        }
        guard !m.ranges.isEmpty else {
            let head = collapse(String(text.prefix(width)))
            return (head, escape(head))
        }
        let scalars = text.unicodeScalars
        let places = m.ranges.map { (lower: scalars.distance(from: scalars.startIndex, to: $0.lowerBound),
                                     upper: scalars.distance(from: scalars.startIndex, to: $0.upperBound)) }
        var bestLower = places[0].lower, bestCount = 0
        for i in places.indices {
            let count = places[i...].prefix { $0.upper <= places[i].lower + width }.count
            if count > bestCount { bestCount = count; bestLower = places[i].lower }
        }
        let start = scalars.index(scalars.startIndex, offsetBy: max(0, bestLower - width / 4))
        let end = scalars.index(start, offsetBy: width, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var plain = "", html = ""
        var cursor = start
        for r in m.ranges where r.lowerBound >= start && r.upperBound <= end && r.lowerBound >= cursor {
            plain += String(text[cursor..<r.lowerBound]) + String(text[r])
            html += escape(String(text[cursor..<r.lowerBound])) + "<mark>" + escape(String(text[r])) + "</mark>"
            cursor = r.upperBound
        }
        plain += String(text[cursor..<end]); html += escape(String(text[cursor..<end]))
        let prefix = start > text.startIndex ? "…" : "", suffix = end < text.endIndex ? "…" : ""
        return (prefix + collapse(plain) + suffix, prefix + collapse(html) + suffix)
    }
}
