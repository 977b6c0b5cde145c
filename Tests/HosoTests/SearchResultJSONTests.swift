import Catalogue
import Foundation
import SearchIndex
import XCTest
@testable import Search

/// `SearchResult.jsonBytes` writes the search result's JSON directly: byte for byte what `JSONEncoder.hoso`
/// (the definition) writes, on real results and on strings made to need every escape.
final class SearchResultJSONTests: XCTestCase {
    func assertSameAsEncoder(_ result: SearchResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let direct = String(decoding: result.jsonBytes(), as: UTF8.self)
        let encoded = String(decoding: try JSONEncoder.hoso.encode(result), as: UTF8.self)
        XCTAssertEqual(direct, encoded, what, file: file, line: line)
    }

    func testRealResultsAsTheEncoderWritesThem() throws {
        let archive = try Archive(data: Fixture.get().data)
        let queries = ["thu hoi dat", "quyết định thu hồi đất", "1605/QĐ-UBND", "thửa đất số 305 tờ bản đồ số 80",
                       "khieu nai", "bổ nhiệm", "\"tiếp công dân\"", "quyet dinh thu hoi datt", "xyzzy không có",
                       "nâng lương năm 2012", "nguyeenx vawn hungf photo", "den bu giai toa ea kly", "Nguypễn Văn Hùng"]
        for query in queries {
            for facets in [false, true] {
                for role in [Role.public, .secret] {
                    let result = try archive.search(SearchRequestSpec(query: query, role: role, facets: facets))
                    try assertSameAsEncoder(result, "\(query) facets=\(facets) role=\(role)")
                }
            }
        }
        // A search with filters only (no query words): every hit's snippet from its summary.
        let filtered = try archive.search(SearchRequestSpec(query: "", filters: SearchFilters(yearFrom: 2000), facets: true))
        XCTAssertGreaterThan(filtered.hits.count, 0)
        try assertSameAsEncoder(filtered, "filters only")
    }

    func testEveryEscapeAndNumberAsTheEncoderWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["Quyết định", "thu hồi đất", "\"", "\\", "/", "</mark>", "<mark>", "&amp;", "'", "\u{7F}",
                      "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "Đắk Lắk", "Ê-đê: H’Hen Niê", "1605/QĐ-UBND", "…",
                      "e\u{0301}", " ", "\u{A0}"] + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        func text() -> String {
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        }
        func maybe() -> String? { Bool.random(using: &generator) ? text() : nil }
        let scores: [Double] = [0, 1, 0.57, 0.001, 0.1, 0.999, 12.345, 100, 1e-7, 0.3, 2.5e10]
        for round in 0..<300 {
            let hits = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                SearchHit(id: text(), file: text(), title: text(), pages: (0..<Int.random(in: 0...3, using: &generator)).map { $0 * 7 },
                          snippet: text(), score: scores.randomElement(using: &generator)!, snippetHTML: text(),
                          type: maybe(), number: maybe(), date: maybe(), issuer: maybe())
            }
            var facets: [String: [FacetValue]]? = nil
            if Bool.random(using: &generator) {
                facets = [:]
                for key in ["type", "year", "issuer", "fonds", "retention"] where Bool.random(using: &generator) {
                    facets?[key] = (0..<Int.random(in: 0...3, using: &generator)).map { FacetValue(value: text(), count: $0 * 1000 + 1) }
                }
            }
            var result = SearchResult(total: Int.random(in: 0...2_000_000, using: &generator), hits: hits,
                                      suggestion: maybe(), relaxed: Bool.random(using: &generator), facets: facets)
            func some<T>(_ make: () -> T) -> [T]? {
                Bool.random(using: &generator) ? (0..<Int.random(in: 1...3, using: &generator)).map { _ in make() } : nil
            }
            result.decoded = some { DecodedWord(typed: text(), read: text()) }
            result.expanded = some { ExpandedWords(typed: text(), to: (0..<Int.random(in: 0...2, using: &generator)).map { _ in text() },
                                                   by: Bool.random(using: &generator) ? "spoken" : "spelling") }
            result.leftOut = some { text() }
            try assertSameAsEncoder(result, "round \(round)")
        }
    }
}
