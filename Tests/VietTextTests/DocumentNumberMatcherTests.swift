import Foundation
import XCTest
@testable import VietText

/// The hand-written document-number matcher (`DocumentNumberMatcher`, what `IdentifierExtractor.documentNumbers`
/// runs on ASCII folded text) against the regular expression it replaces, which stays the definition
/// (`documentNumbersByRegex`), in running text (strict) and in queries and catalogue cells (lenient).
final class DocumentNumberMatcherTests: XCTestCase {
    /// Both ways agree on `text` in both modes; returns whether the matcher decided alone.
    @discardableResult
    func assertAgree(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
        let folded = VietNormalizer.foldKeepingCase(text)
        var decided = true
        for lenient in [false, true] {
            let definition = IdentifierExtractor.documentNumbersByRegex(folded: folded, lenient: lenient)
            XCTAssertEqual(IdentifierExtractor.documentNumbers(in: text, lenient: lenient), definition,
                           "\(lenient ? "lenient" : "strict"): \(text.debugDescription)", file: file, line: line)
            if let own = DocumentNumberMatcher.documentNumbers(folded: folded, lenient: lenient) {
                XCTAssertEqual(own, definition, "matcher, \(lenient ? "lenient" : "strict"): \(text.debugDescription)",
                               file: file, line: line)
            } else {
                decided = false
            }
        }
        return decided
    }

    /// Text, the canonical numbers found in running text, and in a query.
    static let golden: [(String, [String], [String])] = [
        ("Số: 1605/QĐ-UBND", ["1605/qd-ubnd"], ["1605/qd-ubnd"]),
        ("Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15/5/2014", ["43/2014/nd-cp"], ["43/2014/nd-cp"]),
        ("số 1605 / QĐ - UBND ngày", ["1605/qd-ubnd"], ["1605/qd-ubnd"]),
        ("Hợp đồng 123/HĐ/NN và 07/TTr.TNMT", ["123/hd/nn", "7/ttr.tnmt"], ["123/hd/nn", "7/ttr.tnmt"]),
        ("1605/qđ-ubnd", [], ["1605/qd-ubnd"]),
        ("1605/QĐ-ubnd", ["1605/qd"], ["1605/qd-ubnd"]),                   // a lower-case part ends the symbol
        ("1605/QĐ-UBND2 cấp", ["1605/qd"], ["1605/qd"]),                    // a digit after the last part: backs off
        ("1605/QĐ-UBND-TNMT3", ["1605/qd-ubnd"], ["1605/qd-ubnd"]),
        ("1605/QĐ - U", ["1605/qd"], ["1605/qd"]),                          // a spaced part has 2 letters at least
        ("1605/ABCDEFGHIJK", [], []),                                       // more than 10 letters
        ("1605/ABCDEFGHIJ", ["1605/abcdefghij"], ["1605/abcdefghij"]),
        ("1234567/QĐ-UBND", [], []),                                        // more than 6 digits
        ("A1605/QĐ", [], []), ("/1605/QĐ", [], []), (".1605/QĐ", [], []), ("-1605/QĐ", ["1605/qd"], ["1605/qd"]),
        ("43/2014 / NĐ-CP", ["43/2014/nd-cp"], ["43/2014/nd-cp"]),
        ("43/2014/", [], []), ("43/2100/NĐ", [], []), ("43/1899/NĐ", ["43/1899/nd"], ["43/1899/nd"]),
        ("43/20145/NĐ", [], []),
        ("ngày 15/02/2012", [], []), ("1/2 diện tích", [], []), ("120 m2/người", [], []),
        ("0012/QĐ", ["12/qd"], ["12/qd"]), ("000/QĐ", ["0/qd"], ["0/qd"]),
        ("1605/QĐ-UBND, 1605/QĐ-UBND; 1606/QĐ-UBND", ["1605/qd-ubnd", "1606/qd-ubnd"], ["1605/qd-ubnd", "1606/qd-ubnd"]),
        ("1605/QĐ-UBND1606/QĐ", ["1605/qd"], ["1605/qd"]),
        ("1605/QĐ-\t UBND", ["1605/qd-ubnd"], ["1605/qd-ubnd"]),
        ("1605/QĐ.  UBND", ["1605/qd"], ["1605/qd"]),                       // `.` joins only without spaces
        ("1605/QĐ/2014", ["1605/qd"], ["1605/qd"]),
    ]

    func testGoldenCases() {
        for (text, strict, lenient) in Self.golden {
            XCTAssertEqual(IdentifierExtractor.documentNumbers(in: text).map(\.canonical), strict, text)
            XCTAssertEqual(IdentifierExtractor.documentNumbers(in: text, lenient: true).map(\.canonical), lenient, text)
            XCTAssertTrue(assertAgree(text), "decided alone: " + text)
        }
        for (text, _) in IdentifierTests.documentNumbers { assertAgree(text) }
    }

    /// Non-ASCII text after folding is the regular expression's.
    func testNonASCIIIsLeftToTheRegularExpression() {
        for text in ["1605/QĐ-UBNDß", "١٦٠٥/QĐ", "1605/QĐ–UBND", "số 1605/QĐ-UBND “trích”"] {
            XCTAssertNil(DocumentNumberMatcher.documentNumbers(folded: VietNormalizer.foldKeepingCase(text), lenient: false), text)
            assertAgree(text)
        }
    }

    /// Random texts of document numbers built piece by piece, every piece sometimes wrong (too many digits or
    /// letters, a year out of range, lower case, a digit or a foreign letter stuck on), among other words.
    static func pieces(count: Int, seed: UInt64) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        func pick(_ a: [String]) -> String { a[next() % a.count] }
        let blanks = ["", "", "", " ", "\t", "  "]
        let parts = ["QĐ", "UBND", "TTr", "NĐ", "CP", "HĐ", "X", "ABCDEFGHIJ", "ABCDEFGHIJK", "ubnd", "qđ", "Ttr", "b", "BCA",
                     "ANCTNB", "TNMT", "UBND2", "Đ", "QĐß", "ĐKĐĐ"]
        let noise = ["Số ", "số: ", "ngày ", ", ", "; ", "\n", "(", ")", "_", "m2", "ß", "é", "٣", "–", "A", "/", ".", "-",
                     "1/2", "15/02/2012", " ", "và ", "Căn cứ "]
        func number() -> String {
            var s = pick(["", "", "", "", "a", "/", ".", "-", "5"])
            s += String(repeating: "7", count: 1 + next() % 8).replacingOccurrences(of: "77", with: pick(["16", "05", "00", "43"]))
            s += pick(blanks) + pick(["/", "/", "/", "-", ""]) + pick(blanks)
            if next() % 3 == 0 { s += pick(["2014", "1999", "1899", "2100", "20145", "201"]) + pick(blanks) + pick(["/", "/", ""]) + pick(blanks) }
            s += pick(parts)
            for _ in 0..<(next() % 4) { s += pick(["-", "-", "/", ".", " - ", "- ", " /", "\t-\t", ". "]) + pick(parts) }
            return s + pick(["", "", "", " ", "2", "a", ",", "/", "ß", "-"])
        }
        return (0..<count).map { _ in (0..<(1 + next() % 5)).map { _ in next() % 2 == 0 ? number() : pick(noise) }.joined() }
    }

    func testRandomTextsAgreeWithTheRegularExpression() {
        var decided = 0, found = 0
        let texts = Self.pieces(count: 20_000, seed: 61) + ReferenceAnalysisTests.randomTexts(count: 2_000, seed: 67)
        for text in texts {
            if assertAgree(text) { decided += 1 }
            found += IdentifierExtractor.documentNumbers(in: text).count
        }
        print("document numbers: \(texts.count) random texts, \(decided) decided by the matcher, \(found) numbers")
        XCTAssertGreaterThan(found, 5_000)
        XCTAssertGreaterThan(decided, texts.count / 2, "the matcher decides most texts alone")
    }

    /// The samples' transcriptions and catalogues, and the pages of `bench/scale/make_batch.py`, line by line (as
    /// the index looks for them).
    func testSamplesAndGeneratedPagesAgreeWithTheRegularExpression() throws {
        var lines = 0, found = 0
        for text in ReferenceAnalysisTests.corpus + (try ParcelMatcherTests.generatedPages()) {
            for line in text.split(separator: "\n") {
                assertAgree(String(line))
                found += IdentifierExtractor.documentNumbers(in: String(line)).count
                lines += 1
            }
        }
        XCTAssertGreaterThan(lines, 5_000)
        XCTAssertGreaterThan(found, 500)
    }
}
