import XCTest
@testable import HosoCore

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
}
