import Catalogue
import Foundation
import XCTest
@testable import DataFolder
@testable import IndexLifecycle
@testable import Operations
import IndexSchema
import Xapian

/// `hoso verify --data DIR` lays the index beside the catalogue (issue 21): a document missing from the index, one
/// the catalogue does not know, one in two access levels are each found; a shard built with `reindex --part` is
/// compared with its own part only.
final class IndexCatalogueCheckTests: XCTestCase {
    func levelPath(_ data: DataDirectory, _ level: Int) throws -> String {
        IndexLayout.levelPath(try XCTUnwrap(try IndexStub.read(data.indexStubPath)), level: level)
    }

    /// The level database that holds `id`.
    func level(of id: String, _ data: DataDirectory) throws -> Int {
        for level in IndexLayout.levels where try XapianDatabase(path: try levelPath(data, level)).termExists(TermPrefix.documentID + id) {
            return level
        }
        throw XCTSkip("\(id) is in no level")
    }

    func compare(_ data: DataDirectory) throws -> IndexCatalogueComparison {
        let store = try data.openCatalogue()
        defer { try? store.close() }
        return try XCTUnwrap(try DataFolderVerifier.compareIndex(data, store: store))
    }

    func testAWholeFolderAgreesWithItsCatalogue() throws {
        let data = try OpsFixture.reindexed("icc-good")
        let c = try compare(data)
        let documents = try data.openCatalogue().allDocumentIDs().count
        XCTAssertEqual(c.indexed, documents)
        XCTAssertEqual(c, IndexCatalogueComparison(indexed: documents))
        let r = try Fixture.hoso(["verify", "--data", data.url.path])
        XCTAssertEqual(r.code, 0, r.out + r.err)
        XCTAssertTrue(r.err.contains("chỉ mục so với danh mục: \(documents) tài liệu trong chỉ mục"), r.err)
    }

    /// Each disagreement written into the index by hand is found and named, table-driven.
    func testEachDisagreementIsFound() throws {
        let cases: [(name: String, change: (DataDirectory, String) throws -> Void, found: (IndexCatalogueComparison) -> [String],
                     message: String)] = [
            ("một tài liệu bị xóa khỏi chỉ mục", { data, id in
                let db = try XapianWritableDatabase(path: try self.levelPath(data, try self.level(of: id, data)), mode: .open)
                try db.delete(uniqueTerm: TermPrefix.documentID + id)
                try db.commit()
            }, \.missing, "chỉ mục này không có"),
            ("một tài liệu lạ trong chỉ mục", { data, _ in
                let db = try XapianWritableDatabase(path: try self.levelPath(data, 1), mode: .open)
                let doc = try XapianDocument()
                try doc.addBooleanTerm(TermPrefix.documentID + "H99.99.99.2099.999.1")
                _ = try db.replace(uniqueTerm: TermPrefix.documentID + "H99.99.99.2099.999.1", document: doc)
                try db.commit()
            }, \.notInCatalogue, "không có trong danh mục"),
            ("một tài liệu ở hai mức truy cập", { data, id in
                let other = try self.level(of: id, data) == 1 ? 2 : 1
                let db = try XapianWritableDatabase(path: try self.levelPath(data, other), mode: .open)
                let doc = try XapianDocument()
                try doc.addBooleanTerm(TermPrefix.documentID + id)
                _ = try db.replace(uniqueTerm: TermPrefix.documentID + id, document: doc)
                try db.commit()
            }, \.inSeveralLevels, "nhiều mức truy cập"),
        ]
        for c in cases {
            let data = try OpsFixture.reindexed("icc")
            let id = try XCTUnwrap(try data.openCatalogue().allDocumentIDs().first)
            try c.change(data, id)
            let found = c.found(try compare(data))
            XCTAssertEqual(found.count, 1, "\(c.name): \(found)")
            let r = try Fixture.hoso(["verify", "--data", data.url.path])
            XCTAssertEqual(r.code, 1, "\(c.name): \(r.out)")
            XCTAssertTrue(r.out.contains("HỎNG") && r.out.contains(c.message), "\(c.name): \(r.out)")
        }
    }

    /// A shard keeps the part it was built for; the documents of the other parts are not counted as missing.
    func testAPartShardIsComparedWithItsPart() throws {
        let data = try OpsFixture.reindexed("icc-part")
        let r = try Fixture.hoso(["reindex", "--data", data.url.path, "--part", "1/2"])
        XCTAssertEqual(r.code, 0, r.err)
        let c = try compare(data)
        XCTAssertEqual(c.part, try BatchPart(index: 1, count: 2))
        let keys = try data.openCatalogue().allDocumentKeys()
        XCTAssertEqual(c.indexed, keys.filter { c.part!.contains(fileID: $0.fileID) }.count)
        XCTAssertGreaterThan(c.indexed, 0)
        XCTAssertLessThan(c.indexed, keys.count)
        XCTAssertEqual(c.missing, [])
        let v = try Fixture.hoso(["verify", "--data", data.url.path])
        XCTAssertEqual(v.code, 0, v.out + v.err)
        XCTAssertTrue(v.err.contains("phần 1/2 của danh mục"), v.err)
    }
}
