import Foundation
import IndexSchema
import XCTest
import Xapian
@testable import SearchIndex

/// The term scheme and value slots of docs/ARCHITECTURE.md, as written by DocumentIndexer.
final class DocumentIndexerTests: XCTestCase {
    func testTermsOfTheTermScheme() throws {
        let plan = try DocumentIndexer().plan(Corpus.doc(".160.1"))
        let table: [(String, String)] = [
            ("đất", "accented syllable"), ("Fdat", "folded syllable"), ("quyền", "accented"), ("Fquyen", "folded"),
            ("krông", "ethnic place name"), ("Fkrong", "folded place name"), ("pắc", "accented"),
            ("niê", "ethnic name"), ("nguyễn", "signer"), ("đai", "extra column (its value, not its name)"),
            ("F305", "number in text"), ("BFquyen_su", "adjacent pair"), ("BFdung_dat", "adjacent pair"),
            ("N1605/qd-ubnd", "document number"),
        ]
        for (term, why) in table { XCTAssertNotNil(plan.terms[term], "\(term): \(why)") }
        XCTAssertNil(plan.terms["từ"], "extra column names are not indexed")
        XCTAssertNil(plan.terms["305"], "a word without marks has only its folded term")
        XCTAssertNil(plan.terms["Bquyền_sử"], "no accented pairs in term scheme 3")
        let filters: [String] = [
            "QH49.64.33.2001.160.1", "XFH49.64.33.2001.160", "XLquyet dinh", "XCubnd huyen krong pac",
            "XPubnd huyen krong pac", "XY2012", "XA1",
        ]
        XCTAssertEqual(plan.booleanTerms, Set(filters))
        XCTAssertEqual(plan.uniqueTerm, "QH49.64.33.2001.160.1")
    }

    func testCatalogueTermsNameWhatTheDocumentIs() throws {
        let plan = try DocumentIndexer().plan(Corpus.doc(".160.1"))
        let table: [(String, String)] = [
            ("XSN1605/qd-ubnd", "own number"), ("XSN1605/qd", "own number, short key"), ("XSD20120215", "own date"),
            ("XSY2012", "own year"), ("XSTquyet dinh", "own type"), ("XSWbih", "trích yếu word"),
            ("XSWquyet", "title word"), ("XSWnie", "trích yếu word"),
        ]
        for (t, why) in table { XCTAssertEqual(plan.terms[t], 1, "\(t): \(why)") }
        XCTAssertNil(plan.terms["XSWkrong"], "issuer words are not trích yếu words")
        XCTAssertNil(plan.terms["XSWthua"], "page words are not trích yếu words")
        // A date without its day gives no date term; apostrophe names also without it.
        var doc = Corpus.doc(".160.2")
        doc.dateSortKey = "20110300"
        doc.summary = "Về việc thu hồi đất của bà H'Hen Niê"
        let terms = DocumentIndexer.catalogueTerms(doc)
        XCTAssertFalse(terms.contains { $0.hasPrefix("XSD") })
        XCTAssertTrue(terms.contains("XSWhhen"))
        XCTAssertTrue(terms.contains("XSN325/ttr-tnmt"))
    }

    func testValuesAndData() throws {
        let plan = try DocumentIndexer().plan(Corpus.doc(".160.1"))
        let strings: [(Int, String)] = [
            (ValueSlot.documentID, "H49.64.33.2001.160.1"), (ValueSlot.date, "20120215"),
            (ValueSlot.documentType, "Quyết định"), (ValueSlot.issuer, "UBND huyện Krông Pắc"),
            (ValueSlot.fonds, "UBND huyện Krông Pắc"), (ValueSlot.retention, "01"), (ValueSlot.access, "1"),
            (ValueSlot.fileID, "H49.64.33.2001.160"),
        ]
        for (slot, expected) in strings {
            XCTAssertEqual(plan.values[slot].map { String(decoding: $0, as: UTF8.self) }, expected, "slot \(slot)")
        }
        XCTAssertEqual(try plan.values[ValueSlot.year].map(XapianSortable.unserialise), 2012)
        let data = try JSONDecoder().decode(IndexedDocumentData.self, from: plan.data)
        XCTAssertEqual(data, IndexedDocumentData(id: "H49.64.33.2001.160.1", fileID: "H49.64.33.2001.160",
                                                 title: "Quyết định về việc cấp giấy chứng nhận quyền sử dụng đất",
                                                 access: 1))
    }

    func testPagesAndFieldsDoNotPairAcrossAndCountOccurrences() throws {
        let doc = IndexableDocument(id: "A.1", fileID: "A", title: "hai ba", access: 1,
                                    pages: ["một hai ba", "", "bốn năm", "ba"])
        let plan = try DocumentIndexer().plan(doc)
        XCTAssertEqual(plan.terms["BFmot_hai"], 1)
        XCTAssertEqual(plan.terms["BFhai_ba"], 2, "once in the title, once on page 1")
        XCTAssertNil(plan.terms["BFba_bon"], "no pair across pages")
        XCTAssertNil(plan.terms["BFba_ba"], "no pair across pages")
        XCTAssertEqual(plan.terms["Fba"], 3)
        XCTAssertEqual(plan.terms["bốn"], 1)
        XCTAssertEqual(plan.terms["Fbon"], 1)
    }

    func testInvalidDocumentsAreErrorValues() throws {
        let table: [(IndexableDocument, String)] = [
            (IndexableDocument(id: "", fileID: "A", title: "x", access: 1), "thiếu mã"),
            (IndexableDocument(id: "A 1", fileID: "A", title: "x", access: 1), "khoảng trắng"),
            (IndexableDocument(id: "A.1", fileID: "A", title: "x", access: 4), "chế độ sử dụng"),
            (IndexableDocument(id: String(repeating: "A", count: 300), fileID: "A", title: "x", access: 1), "quá dài"),
        ]
        for (doc, reason) in table {
            XCTAssertThrowsError(try DocumentIndexer().plan(doc)) { error in
                guard case let .invalidDocument(_, r)? = error as? SearchIndexError else { return XCTFail("\(error)") }
                XCTAssertTrue(r.contains(reason), r)
            }
        }
    }

    func testOverlongOCRTokensAreSkipped() throws {
        let noise = String(repeating: "ư", count: 200)
        let doc = IndexableDocument(id: "A.1", fileID: "A", title: "", access: 1, pages: ["đất \(noise) đai"])
        let plan = try DocumentIndexer().plan(doc)
        XCTAssertTrue(plan.terms.keys.allSatisfy { $0.utf8.count <= DocumentIndexer.maxTermBytes })
        XCTAssertNotNil(plan.terms["đai"])
        let dir = try TempDir()
        let writer = try IndexWriter(path: dir.path("db"))
        XCTAssertNoThrow(try writer.replace(doc))
        try writer.close()
    }
}
