import Foundation
import XCTest
@testable import VietText

/// The hand-written parcel matcher (`ParcelMatcher`, what `IdentifierExtractor.parcels(in:)` runs) against the
/// regular expressions it replaces, which stay the definition: `parcelsInWholeText` (the patterns over the
/// whole folded text) and `parcelsByRegex` (over the islands, the fallback).
final class ParcelMatcherTests: XCTestCase {
    /// The matcher alone: nil when it leaves the answer to the regular expressions.
    static func matched(_ text: String) -> [Parcel]? {
        var s = VietNormalizer.fold(text)
        return s.withUTF8 { b -> [Parcel]? in
            var matcher = ParcelMatcher(b)
            return matcher.parcels()
        }
    }

    /// Every way of finding the parcels of `text` agrees; returns the matcher's own answer (nil: unsure).
    @discardableResult
    func assertAgree(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Parcel]? {
        let definition = IdentifierExtractor.parcelsInWholeText(text)
        XCTAssertEqual(IdentifierExtractor.parcels(in: text), definition, text.debugDescription, file: file, line: line)
        XCTAssertEqual(IdentifierExtractor.parcelsByRegex(folded: VietNormalizer.fold(text)), definition,
                       "islands: " + text.debugDescription, file: file, line: line)
        let own = Self.matched(text)
        if let own { XCTAssertEqual(own, definition, "matcher: " + text.debugDescription, file: file, line: line) }
        return own
    }

    /// Text, expected parcel keys, and whether the matcher decides alone (false: a character whose Unicode class
    /// it does not know stands where it matters, and the regular expressions answer).
    static let golden: [(String, [String], Bool)] = [
        ("thửa đất số 305, tờ bản đồ số 80", ["305/80"], true),
        ("Thửa số 12 tờ bản đồ địa chính số 7", ["12/7"], true),
        ("tờ bản đồ số 80 thửa 305", ["305/80"], true),
        ("tờ bản đồ số 80, thửa đất số 305", ["305/80"], true),
        ("thửa 305 thuộc tờ 80", ["305/80"], true),
        ("thửa 305 của tờ 80", ["305/80"], true),
        ("thửa 305 và tờ 80", ["305/80"], true),
        ("tờ 80 gồm thửa 305", ["305/80"], true),
        ("tờ 80 và thửa 305", ["305/80"], true),
        ("thửa 305 gồm tờ 80", ["305"], true),                  // `gồm` only joins the reversed order
        ("tờ 80 thuộc thửa 305", ["305"], true),                // and `thuộc` only the usual one
        ("thửa đất số 1234567", [], true),                      // 7 digits: `\d{1,6}\b` matches no part of them
        ("thửa đất số 123456", ["123456"], true),
        ("thửa 12 tờ 123456", ["12"], true),                    // a 6-digit sheet: no pair, the parcel alone
        ("thửa 12 tờ 12345", ["12/12345"], true),
        ("tờ 123456 thửa 12", ["12"], true),
        ("thửa đất số 1234567, tờ bản đồ số 80", [], true),
        ("thửa đất số 305, tờ bản đồ số 80".decomposedStringWithCanonicalMapping, ["305/80"], true),
        ("THỬA ĐẤT SỐ 305, TỜ BẢN ĐỒ SỐ 80", ["305/80"], true),
        ("thua dat so 305, to ban do so 80", ["305/80"], true),
        ("thửa\tđất  số\n305 ,\ttờ   bản\nđồ số:80", ["305/80"], true),
        ("thửa đất số: 305; tờ bản đồ số: 80", ["305/80"], true),
        ("thửa đất số : 305 ; tờ bản đồ địa chính số : 80", ["305/80"], true),
        ("thửa\r\nđất\u{0B}số\u{0C}305", ["305"], true),
        ("thửa\u{1C}305", [], true),                            // U+001C is not `\s`
        ("thửa\u{00A0}đất\u{00A0}số\u{00A0}305,\u{00A0}tờ\u{00A0}bản\u{00A0}đồ\u{00A0}số\u{00A0}80", ["305/80"], true),
        ("thửa\u{202F}305\u{3000}tờ\u{2028}80\u{0085}", ["305/80"], true),
        ("thửa đất số ٣٠٥, tờ bản đồ số ٨٠", ["٣٠٥/٨٠"], false), // `\d` is any decimal digit
        ("thửa 30٥", ["30٥"], false),
        ("thửa 305\u{0483}", [], false),                       // a mark after the digits: no `\b`
        ("thửa 305\u{0903}, tờ 80", [], false),
        ("thửa 305, tờ 80\u{05B0}", ["305"], false),
        ("thửa 305\u{0301}", ["305"], true),                   // folded away
        ("“thửa 305”", ["305"], false),
        ("thửa 305 – tờ 80", ["305"], true),
        ("thửa 305, tờ 80.", ["305/80"], true),
        ("(thửa 305)", ["305"], true),
        ("thửa305 tờ80", ["305/80"], true),
        ("thửa 305tờ 80", [], true),                            // no `\b` between 305 and tờ
        ("thửa 305,tờ 80", ["305/80"], true),
        ("thửa 305,, tờ 80", ["305"], true),                    // one separator at most
        ("sothửa 305", [], true),
        ("thửa_1", [], true),
        ("thửa đất5", ["5"], true),
        ("thửa đấtx 305", [], true),
        ("thửa : : 305", [], true),
        ("thửa 305 tờ bản 80", ["305"], true),
        ("thửa 305 tờ bản đồ địa 80", ["305"], true),
        ("thửa 305 tờ số số 80", ["305"], true),
        ("thưa ông", [], true),
        ("thửa 0305, tờ 080", ["305/80"], true),
        ("thửa 305 tờ 80; thửa 305 tờ 80", ["305/80"], true),
        ("thửa đất số 12 và thửa đất số 13 thuộc tờ bản đồ số 7", ["12", "13/7"], true),
        ("tờ 1 thửa 2 tờ 3 thửa 4", ["2/3", "4"], true),          // reversed pairs overlapping the pair are dropped
        ("tờ 1 thửa 2, tờ 3", ["2/3"], true),
        ("tờ bản đồ số 7 gồm thửa 12, 13", ["12/7"], true),
        ("thửa 305 tờ bản đồ địa chính số 7 thửa 306 tờ 8", ["305/7", "306/8"], true),
        ("x\u{00AD}thửa 5", [], false),                         // `\b` skips a format character
        ("x\u{0483}thửa 5", [], false),                         // and a mark
        ("ß thửa 5 ñ", ["5"], true),
        ("ßthửa 5", [], false),
    ]

    func testGoldenCases() {
        for (text, expected, decided) in Self.golden {
            XCTAssertEqual(IdentifierExtractor.parcelsInWholeText(text).map(\.key), expected, "definition: " + text.debugDescription)
            XCTAssertEqual(IdentifierExtractor.parcels(in: text).map(\.key), expected, text.debugDescription)
            let own = assertAgree(text)
            XCTAssertEqual(own != nil, decided, "decided alone: " + text.debugDescription)
        }
    }

    /// Word salad of the patterns' vocabulary, with the characters whose classes matter: Unicode spaces, digits
    /// of other scripts, marks, format characters, letters and punctuation that folding keeps.
    static func salad(count: Int, seed: UInt64) -> [String] {
        let words = ["thửa", "Thửa", "THỬA", "thua", "đất", "ĐẤT", "dat", "số", "Số", "so", "tờ", "Tờ", "TỜ", "to", "bản", "đồ",
                     "bản đồ", "địa", "chính", "địa chính", "thuộc", "của", "và", "gồm", "va", "xã", "x", "a", "_", "tom",
                     "thuan", "sothua", "tờ80", "thửa305", "305", "80", "7", "0", "0045", "12345", "123456", "1234567",
                     "٣٠٥", "۸۰", "3٠", "१२", "²", "m²", ":", ",", ";", ".", "(", ")", "-", "–", "“", "”", "…", "/",
                     "\u{A0}", "\u{202F}", "\u{3000}", "\u{2028}", "\u{85}", "\u{1680}", "\t", "\n", "\r\n", "  ",
                     "\u{0B}", "\u{1C}", "\u{301}", "\u{0483}", "\u{05B0}", "\u{0903}", "\u{200D}", "\u{200B}", "\u{AD}",
                     "\u{FEFF}", "ñ", "ß", "ø", "Ω", "é", "😀"]
        let glue = ["", " ", " ", " ", " ", "\u{A0}", ", ", "\t"]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            var s = ""
            for k in 0..<(1 + next() % 24) {
                if k > 0 { s += glue[next() % glue.count] }
                s += words[next() % words.count]
            }
            return next() % 8 == 0 ? s.decomposedStringWithCanonicalMapping : s
        }
    }

    /// Phrases as parcels are written, with a slip or two: most of them hold a parcel, and most are decided by
    /// the matcher alone.
    static func phrases(count: Int, seed: UInt64) -> [String] {
        let parcel = ["thửa", "thửa đất", "thửa số", "thửa đất số", "Thửa đất số", "THỬA ĐẤT SỐ", "thửa đất số:", "thửa:"]
        let sheet = ["tờ", "tờ số", "tờ bản đồ", "tờ bản đồ số", "tờ bản đồ địa chính số", "Tờ bản đồ số:", "TỜ BẢN ĐỒ SỐ"]
        let numbers = ["5", "80", "305", "0305", "1415", "12345", "123456", "1234567", "٣٠٥"]
        let between = [", ", " ", "; ", " , ", ",", " thuộc ", " của ", " và ", " gồm ", "\n", ",\u{A0}", " – ", ",, "]
        let around = ["", "", "", " ", "(", ")", ".", "“", "”", "x", "\u{0483}", "\u{AD}", "ß", "\n"]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func pick(_ a: [String]) -> String { a[next() % a.count] }
        return (0..<count).map { _ in
            var s = ""
            for _ in 0..<(1 + next() % 3) {
                let p = pick(parcel) + (next() % 5 == 0 ? "" : " ") + pick(numbers)
                let t = pick(sheet) + (next() % 5 == 0 ? "" : " ") + pick(numbers)
                switch next() % 4 {
                case 0: s += pick(around) + p + pick(around)
                case 1: s += pick(around) + t + pick(between) + p + pick(around)
                default: s += pick(around) + p + pick(between) + t + pick(around)
                }
                s += next() % 3 == 0 ? ". Diện tích 120 m², " : " "
            }
            return next() % 10 == 0 ? s.decomposedStringWithCanonicalMapping : s
        }
    }

    func testRandomTextsAgreeWithTheRegularExpressions() {
        var found = 0, decided = 0, texts = 0
        let all = Self.salad(count: 3000, seed: 41) + Self.phrases(count: 3000, seed: 43)
            + ReferenceAnalysisTests.parcelTexts(count: 1000, seed: 47) + ReferenceAnalysisTests.randomTexts(count: 500, seed: 53)
        for text in all {
            if assertAgree(text) != nil { decided += 1 }
            found += IdentifierExtractor.parcelsInWholeText(text).count
            texts += 1
        }
        XCTAssertGreaterThan(found, 4_000)
        XCTAssertGreaterThan(decided, texts / 2, "the matcher decides most texts alone")
        print("parcels: \(texts) random texts, \(decided) decided by the matcher, \(found) parcels")
    }

    /// The samples' transcriptions (NFC and NFD): all decided by the matcher, with the regular expressions' answers.
    func testSamplesAgreeWithTheRegularExpressions() {
        var found = 0
        for text in ReferenceAnalysisTests.corpus {
            XCTAssertNotNil(assertAgree(text), "decided alone: " + text.prefix(200).debugDescription)
            found += IdentifierExtractor.parcels(in: text).count
        }
        XCTAssertGreaterThan(found, 20)
    }

    /// Pages made by `bench/scale/make_batch.py` (the scale benchmark's and crash test's pages), when python3 runs.
    func testGeneratedPagesAgreeWithTheRegularExpressions() throws {
        let pages = try Self.generatedPages()
        XCTAssertGreaterThan(pages.count, 300)
        var found = 0
        for page in pages {
            XCTAssertNotNil(assertAgree(page), "decided alone: " + page.prefix(200).debugDescription)
            found += IdentifierExtractor.parcels(in: page).count
        }
        XCTAssertGreaterThan(found, pages.count)
    }

    /// Pages made by `bench/scale/make_batch.py` (skips the test when python3 cannot make them).
    static func generatedPages() throws -> [String] {
        guard let pages = try IndexTermCounterTests.generated("bench/scale/make_batch.py",
                                                              ["--files", "60", "--docs", "4", "--pages", "3", "--seed", "11"],
                                                              outFlag: nil, csv: false) else {
            throw XCTSkip("python3 could not run bench/scale/make_batch.py")
        }
        return pages
    }

    /// What the matcher assumes of ICU: `\s` is exactly its 25 White_Space characters (every one of the Basic
    /// Multilingual Plane checked; the other planes have none), each of them a `\b` after a letter.
    func testSpacesAreTheRegularExpressionsSpaces() throws {
        let space = try NSRegularExpression(pattern: "^\\s$")
        let boundary = try NSRegularExpression(pattern: "a\\b")
        func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
            re.firstMatch(in: s, range: NSRange(location: 0, length: (s as NSString).length)) != nil
        }
        var spaces = 0
        for v in UInt32(0)...0xFFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            let s = String(String.UnicodeScalarView([c]))
            let isSpace = matches(space, s)
            XCTAssertEqual(ParcelMatcher.isSpace(v), isSpace, String(v, radix: 16))
            if isSpace {
                spaces += 1
                XCTAssertTrue(matches(boundary, "a" + s), String(v, radix: 16))
            }
        }
        XCTAssertEqual(spaces, 25)
    }
}
