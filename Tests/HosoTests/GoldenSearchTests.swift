import Catalogue
import Foundation
import Search
import XCTest

/// Golden searches (`samples/golden_searches.tsv`) over the real OCR of the samples: every relevance
/// change shows up here. Columns: query, role, expected_top, expected_in_top10, expected_absent.
final class GoldenSearchTests: XCTestCase {
    func testGoldenSearches() throws {
        let archive = try Archive(data: Fixture.get().data)
        let tsv = try String(contentsOf: Fixture.samples.appendingPathComponent("golden_searches.tsv"), encoding: .utf8)
        var checked = 0
        var failures: [String] = []
        for line in tsv.split(separator: "\n").dropFirst() where !line.hasPrefix("#") {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 5, let role = Role(rawValue: cols[1]) else {
                XCTFail("bad golden line: \(line)")
                continue
            }
            let query = cols[0]
            let ids = Set(cols[3].split(separator: ",").map(String.init))
            let absent = Set(cols[4].split(separator: ",").map(String.init))
            let result = try archive.search(SearchRequestSpec(query: query, role: role, limit: 10))
            let got = result.hits.map(\.id)
            if !cols[2].isEmpty, got.first != cols[2] {
                failures.append("\(query) [\(role)]: top \(got.first ?? "∅") ≠ \(cols[2])")
            }
            let missing = ids.subtracting(got)
            if !missing.isEmpty { failures.append("\(query) [\(role)]: missing \(missing.sorted()) from \(got)") }
            let leaked = absent.intersection(got)
            if !leaked.isEmpty { failures.append("\(query) [\(role)]: must not show \(leaked.sorted())") }
            checked += 1
        }
        print("golden searches: \(checked) checked, \(failures.count) failures")
        XCTAssertGreaterThanOrEqual(checked, 30)
        XCTAssertEqual(failures, [])
    }
}
