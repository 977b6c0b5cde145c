import Catalogue
import Foundation
import Query
import XCTest
@testable import SearchIndex

/// Catalogue `Document` + `ArchiveFile` + page texts → IndexableDocument → searchable.
final class CatalogueMappingTests: XCTestCase {
    func testCatalogueDocumentIsIndexedAndFound() throws {
        let file = ArchiveFile(id: "H49.64.33.2001.160", title: "Hồ sơ giao đất tái định cư xã Ea Kly",
                               fonds: "UBND huyện Krông Pắc", retention: "Vĩnh viễn", access: .open,
                               extra: ["Người lập": "Lê Thị Hòa"])
        let doc = Document(fileID: file.id, ordinal: 1, path: "H49.64.33.2001.160.1.pdf", type: "Quyết định",
                           number: "1605", symbol: "QĐ-UBND", date: ArchiveDateValue(year: 2012, month: 2, day: 15),
                           issuer: "UBND huyện Krông Pắc", summary: "Về việc giao đất tái định cư",
                           signer: "Y Bih Niê", access: .secret,
                           fields: ["Từ khóa": "tái định cư", "Số": "1605"], extra: ["Hộp số": "12"])
        let indexable = IndexableDocument(document: doc, file: file, pages: ["Trang một.", "Trang hai."])
        XCTAssertEqual(indexable.id, "H49.64.33.2001.160.1")
        XCTAssertEqual(indexable.title, "Quyết định số 1605/QĐ-UBND: Về việc giao đất tái định cư")
        XCTAssertEqual(indexable.dateSortKey, "20120215")
        XCTAssertEqual(indexable.year, 2012)
        XCTAssertEqual(indexable.retention, "01")
        XCTAssertEqual(indexable.access, 3)
        XCTAssertEqual(indexable.extra, ["Từ khóa": "tái định cư", "tài liệu: Hộp số": "12", "hồ sơ: Người lập": "Lê Thị Hòa"])

        let plan = try DocumentIndexer().plan(indexable)
        XCTAssertNotNil(plan.terms["N1605/qd-ubnd"])
        XCTAssertTrue(plan.booleanTerms.isSuperset(of: ["XA3", "XY2012", "XPubnd huyen krong pac"]))
        XCTAssertNotNil(plan.terms["hòa"], "file extra columns are searchable")

        let dir = try TempDir()
        try buildIndex(dir.path("db"), [indexable])
        let searcher = try Searcher(databasePaths: [dir.path("db")])
        let table: [(Role, Int)] = [(.public, 0), (.staff, 0), (.secret, 1)]
        for (role, total) in table {
            let r = try searcher.search(SearchRequest(query: .term("Fhoa"), role: role,
                                                      filters: SearchFilters(retention: ["01"])))
            XCTAssertEqual(r.total, total, "\(role)")
        }
    }
}
