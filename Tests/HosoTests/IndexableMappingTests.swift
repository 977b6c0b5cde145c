import Catalogue
import Foundation
import SearchIndex
import XCTest

/// Catalogue `Document` + `ArchiveFile` + page texts → the IndexableDocument every ingest and rebuild writes →
/// searchable by the roles that may see it.
final class IndexableMappingTests: XCTestCase {
    func testCatalogueDocumentIsIndexedAndFound() throws {
        let file = ArchiveFile(id: "H49.64.33.2001.160", title: "Hồ sơ giao đất tái định cư xã Ea Kly",
                               fonds: "UBND huyện Krông Pắc", retention: "Vĩnh viễn", access: .open,
                               startDate: ArchiveDateValue(year: 2011), extra: ["Người lập": "Lê Thị Hòa", "Hộp số": "9"])
        let doc = Document(fileID: file.id, ordinal: 1, path: "H49.64.33.2001.160.1.pdf", type: "Quyết định",
                           number: "1605", symbol: "QĐ-UBND", date: ArchiveDateValue(year: 2012, month: 2, day: 15),
                           issuer: "UBND huyện Krông Pắc", summary: "Về việc giao đất tái định cư",
                           signer: "Y Bih Niê", access: .secret,
                           fields: ["Từ khóa": "tái định cư", "Số": "1605"], extra: ["Hộp số": "12"])
        let indexable = IndexableDocument(document: doc, file: file, pages: ["Trang một.", "Trang hai."])
        XCTAssertEqual(indexable.id, "H49.64.33.2001.160.1")
        XCTAssertEqual(indexable.title, "Quyết định số 1605/QĐ-UBND: Về việc giao đất tái định cư")
        XCTAssertEqual(indexable.fileTitle, "Hồ sơ giao đất tái định cư xã Ea Kly")
        XCTAssertEqual(indexable.dateSortKey, "20120215")
        XCTAssertEqual(indexable.year, 2012)
        XCTAssertEqual(indexable.retention, "01", "a retention written by its name is indexed as its TT 05 code")
        XCTAssertEqual(indexable.access, 3)
        XCTAssertEqual(indexable.extra, ["Người lập": "Lê Thị Hòa", "Hộp số": "12"], "the document's extra columns win")
        XCTAssertEqual(indexable.pages, ["Trang một.", "Trang hai."])

        var undated = doc
        undated.date = nil
        XCTAssertEqual(IndexableDocument(document: undated, file: file, pages: []).year, 2011, "the hồ sơ's year")

        let plan = try DocumentIndexer().plan(indexable)
        XCTAssertNotNil(plan.terms["N1605/qd-ubnd"])
        XCTAssertTrue(plan.booleanTerms.isSuperset(of: ["XA3", "XY2012", "XPubnd huyen krong pac"]))
        XCTAssertNotNil(plan.terms["hòa"], "the hồ sơ's extra columns are searchable")

        let dir = try Fixture.temporaryDirectory("mapping")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("db").path
        let writer = try IndexWriter(path: path)
        try writer.replace(indexable)
        try writer.close()
        let searcher = try Searcher(databasePaths: [path])
        let table: [(Role, Int)] = [(.public, 0), (.staff, 0), (.secret, 1)]
        for (role, total) in table {
            let r = try searcher.search(SearchRequest(query: .term("Fhoa"), visibleLevels: role.visibleLevels.map(\.rawValue),
                                                      filters: SearchFilters(retention: ["01"])))
            XCTAssertEqual(r.total, total, "\(role)")
        }
    }
}
