import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import Ingest
import PostgresTestSupport
import Search
import XCTest

/// `hoso merge`: the parts of `hoso ingest --part i/n` brought into one catalogue (SQLite or PostgreSQL) that,
/// once reindexed, answers and reads as a single ingest of the whole batch; conflicts refused, the rest in.
final class MergeTests: XCTestCase {
    static let queries = ["thu hồi đất", "Ea Kly", "\"tờ bản đồ số\"", "Nguyễn Văn Hùng bồi thường", "khen thưởng", "QĐ-UBND"]

    /// The whole batch ingested once, and its two parts, each with a token and audit lines of its own.
    func parts(_ name: String) throws -> (whole: DataDirectory, parts: [DataDirectory]) {
        let batch = try OpsFixture.batch(files: 14, name: name)
        let (whole, wholeSummary) = try OpsFixture.ingest(batch)
        var parts: [DataDirectory] = []
        var documents = 0
        for i in 1...2 {
            let (data, summary) = try OpsFixture.ingest(batch, part: try BatchPart(index: i, count: 2))
            XCTAssertGreaterThan(summary.documents, 0, "phần \(i) rỗng")
            documents += summary.documents
            let store = try data.openCatalogue()
            try store.addToken(hash: SHA256.hex(Data("bí mật \(i)".utf8)), name: "máy \(i)", role: .staff)
            try store.appendAudit(token: "máy \(i)", role: .staff, action: "search", target: "thu hồi đất \(i)", remote: nil)
            try store.appendAudit(token: "", role: .public, action: "document", target: "H49.\(i)", remote: "10.0.0.\(i)")
            parts.append(data)
        }
        XCTAssertEqual(documents, wholeSummary.documents)
        return (whole, parts)
    }

    func testTwoPartsMergeIntoOneThatAnswersAsTheWholeIngest() throws {
        let (whole, parts) = try parts("merge-sqlite")
        let target = try DataDirectory(path: Fixture.temporaryDirectory("merge-target").path)
        try mergeAndCompare(target: target, whole: whole, parts: parts, catalogue: [])
    }

    func testTwoPartsMergeIntoPostgreSQL() throws {
        let (whole, parts) = try parts("merge-pg")
        let database = try TestPostgres.freshDatabase()
        defer { database.drop() }
        let target = try DataDirectory(path: Fixture.temporaryDirectory("merge-pg-target").path, catalogue: database.url)
        try mergeAndCompare(target: target, whole: whole, parts: parts, catalogue: ["--catalogue", database.url])
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.cataloguePath), "không có tệp SQLite bên danh mục dùng chung")
        // The catalogue's size for monitoring is the database's, not the 0 of a missing file.
        let size = try TestPostgres.psql(database.url, "SELECT pg_database_size(current_database())")
        XCTAssertEqual(Double(try Archive(data: target).storageSizes().catalogueBytes),
                       Double(size.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, accuracy: 1_000_000)
    }

    func mergeAndCompare(target: DataDirectory, whole: DataDirectory, parts: [DataDirectory], catalogue: [String]) throws {
        let merge = ["merge"] + parts.map(\.url.path) + ["--data", target.url.path, "--json"] + catalogue
        let first = try Fixture.hoso(merge)
        XCTAssertEqual(first.code, 0, first.err)
        let report = try JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any]
        let wholeStore = try whole.openCatalogue()
        let documents = try wholeStore.allDocumentIDs()
        XCTAssertEqual(report?["needs_index"] as? Int, documents.count, first.out)
        XCTAssertTrue(first.err.contains("hoso reindex"), "phải nói rằng cần lập chỉ mục: \(first.err)")
        let reindex = try Fixture.hoso(["reindex", "--data", target.url.path] + catalogue)
        XCTAssertEqual(reindex.code, 0, reindex.err)

        // Merging the same parts again changes nothing: nothing added, no document to index again.
        let again = try Fixture.hoso(merge)
        XCTAssertEqual(again.code, 0, again.err)
        let second = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any])
        XCTAssertEqual(second["needs_index"] as? Int, 0, again.out)
        for source in second["sources"] as? [[String: Any]] ?? [] {
            for key in ["files", "documents", "documents_completed", "pages", "tokens", "audit"] {
                XCTAssertEqual(source[key] as? Int, 0, "\(key): \(again.out)")
            }
        }
        let store = try target.openCatalogue()
        for id in documents { XCTAssertNotNil(try store.documentState(id: id).indexedVersion, "\(id) phải vẫn đã lập chỉ mục") }

        // The catalogue holds what the whole ingest holds: hồ sơ, documents, pages with their boxes, state.
        XCTAssertEqual(try store.allDocumentIDs(), documents)
        XCTAssertEqual(try store.allFiles(), try wholeStore.allFiles())
        XCTAssertEqual(try store.counts().pages, try wholeStore.counts().pages)
        for id in documents {
            XCTAssertEqual(try store.document(id: id), try wholeStore.document(id: id), id)
            XCTAssertEqual(try store.pages(documentID: id), try wholeStore.pages(documentID: id), id)
            XCTAssertEqual(try store.documentState(id: id).scanHash, try wholeStore.documentState(id: id).scanHash, id)
            XCTAssertEqual(try store.documentState(id: id).pageCount, try wholeStore.documentState(id: id).pageCount, id)
        }
        // Tokens by hash with their names and roles, audit lines with their own times, each once.
        XCTAssertEqual(Set(try store.tokenRecords().map(\.name)), ["máy 1", "máy 2"])
        XCTAssertNotNil(try store.token(hash: SHA256.hex(Data("bí mật 2".utf8))))
        let lines = try store.audit(from: nil, to: nil, token: nil)
        XCTAssertEqual(lines.count, 4)
        let partLines = try parts.flatMap { try $0.openCatalogue().audit(from: nil, to: nil, token: nil) }
        XCTAssertEqual(Set(lines.map(\.time)), Set(partLines.map(\.time)))

        // Searches and texts as the whole ingest's.
        let merged = try Archive(data: target), single = try Archive(data: whole)
        for q in Self.queries {
            XCTAssertGreaterThan(try single.search(SearchRequestSpec(query: q, role: .secret, limit: 20)).total, 0, q)
            for role in [Role.public, .staff, .secret] {
                let spec = SearchRequestSpec(query: q, role: role, limit: 20)
                XCTAssertEqual(try merged.search(spec).total, try single.search(spec).total, "\(role) \(q)")
            }
            XCTAssertEqual(try OpsFixture.ids(merged, q), try OpsFixture.ids(single, q), q)
        }
        for id in documents { XCTAssertEqual(try merged.text(id: id, role: .secret), try single.text(id: id, role: .secret), id) }
    }

    /// A hồ sơ, a document, a page and a token that contradict the target are refused and reported (which
    /// record, which source, which fields); everything else goes in, and what the target held stays as it was.
    func testConflictsAreRefusedAndReportedWhileTheRestGoesIn() throws {
        let batch = try OpsFixture.batch(files: 6, name: "merge-conflict")
        let (part, _) = try OpsFixture.ingest(batch)
        let source = try part.openCatalogue()
        try source.addToken(hash: SHA256.hex(Data("nguồn".utf8)), name: "quầy", role: .staff)
        let files = try source.allFiles()
        XCTAssertGreaterThanOrEqual(files.count, 4)
        let target = try DataDirectory(path: Fixture.temporaryDirectory("merge-conflict-target").path)
        let store = try target.openCatalogue()
        // The first hồ sơ under another title; a document of the second with another summary; the first page of a
        // document of the third from another scan; the token name in use with another secret.
        var retitled = files[0]
        retitled.title = "Hồ sơ khác hẳn"
        try store.upsert(file: retitled)
        try store.upsert(file: files[1])
        var resummarised = try XCTUnwrap(try source.documents(inFile: files[1].id).first)
        resummarised.summary = "Trích yếu khác"
        try store.upsert(document: resummarised)
        try store.upsert(file: files[2])
        let rescanned = try XCTUnwrap(try source.documents(inFile: files[2].id).first)
        try store.upsert(document: rescanned)
        var otherPage = try XCTUnwrap(try source.page(documentID: rescanned.id, number: 1))
        otherPage.sourceHash = String(repeating: "0", count: 64)
        otherPage.text = "Trang quét lại"
        try store.save(page: otherPage)
        try store.addToken(hash: SHA256.hex(Data("đích".utf8)), name: "quầy", role: .staff)

        let r = try Fixture.hoso(["merge", part.url.path, "--data", target.url.path, "--json"])
        XCTAssertEqual(r.code, 1, r.err)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let refused = report["refused"] as? [[String: Any]] ?? []
        XCTAssertEqual(Set(refused.map { "\($0["kind"] ?? "") \($0["id"] ?? "")" }),
                       ["ho_so \(files[0].id)", "tai_lieu \(resummarised.id)", "tai_lieu \(rescanned.id)", "token quầy"], r.out)
        for item in refused { XCTAssertEqual(item["source"] as? String, part.cataloguePath, r.out) }
        let fields = refused.flatMap { ($0["differences"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String } }
        XCTAssertTrue(fields.contains("Tiêu đề hồ sơ"), r.out)
        XCTAssertTrue(fields.contains("Trích yếu nội dung"), r.out)
        XCTAssertTrue(fields.contains("Mã băm nguồn của trang 1"), r.out)
        XCTAssertTrue(r.err.contains("Từ chối: Hồ sơ \(files[0].id)"), r.err)
        XCTAssertTrue(r.err.contains("“Hồ sơ khác hẳn” ở đích"), r.err)

        // What the target held is as it was; every other document came in whole.
        XCTAssertEqual(try store.file(id: files[0].id), retitled)
        XCTAssertEqual(try store.documents(inFile: files[0].id), [])
        XCTAssertEqual(try store.document(id: resummarised.id), resummarised)
        XCTAssertEqual(try store.page(documentID: rescanned.id, number: 1), otherPage)
        XCTAssertEqual(try store.tokenRecords().map(\.hash), [SHA256.hex(Data("đích".utf8))])
        let held: Set<String> = [resummarised.id, rescanned.id]
        var others = 0
        for file in files.dropFirst() {
            for d in try source.documents(inFile: file.id) where !held.contains(d.id) {
                XCTAssertEqual(try store.document(id: d.id), d, d.id)
                XCTAssertEqual(try store.pages(documentID: d.id), try source.pages(documentID: d.id), d.id)
                others += 1
            }
        }
        XCTAssertGreaterThan(others, 0)
        // Again: the same refusals, nothing else changes.
        let again = try Fixture.hoso(["merge", part.url.path, "--data", target.url.path, "--json"])
        XCTAssertEqual(again.code, 1, again.err)
        let second = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any])
        XCTAssertEqual((second["refused"] as? [Any])?.count, 4, again.out)
        XCTAssertEqual(second["needs_index"] as? Int, 0, again.out)
    }

    /// A merge killed at a random moment keeps every record it finished, and run again ends with the catalogue
    /// a merge never interrupted gives.
    func testAMergeKilledHalfWayFinishesWhenRunAgain() throws {
        let batch = try OpsFixture.batch(files: 150, docs: 4, name: "merge-kill")
        let (part, _) = try OpsFixture.ingest(batch)
        let clean = try DataDirectory(path: Fixture.temporaryDirectory("merge-clean").path)
        XCTAssertEqual(try Fixture.hoso(["merge", part.url.path, "--data", clean.url.path]).code, 0)
        var interrupted = 0
        for trial in 0..<3 {
            let target = try DataDirectory(path: Fixture.temporaryDirectory("merge-killed-\(trial)").path)
            let killed = try Fixture.hoso(["merge", part.url.path, "--data", target.url.path], killAfter: 0.3 + 0.4 * Double(trial))
            if killed.code != 0 { interrupted += 1 }
            let again = try Fixture.hoso(["merge", part.url.path, "--data", target.url.path])
            XCTAssertEqual(again.code, 0, again.err)
            let a = try target.openCatalogue(), b = try clean.openCatalogue()
            XCTAssertEqual(try a.integrityProblems(full: true), [])
            XCTAssertEqual(try a.allFiles(), try b.allFiles())
            XCTAssertEqual(try a.allDocumentIDs(), try b.allDocumentIDs())
            XCTAssertEqual(try a.counts().pages, try b.counts().pages)
            for id in try b.allDocumentIDs() {
                XCTAssertEqual(try a.pageTexts(documentID: id).map(\.text), try b.pageTexts(documentID: id).map(\.text), id)
                XCTAssertEqual(try a.documentState(id: id).scanHash, try b.documentState(id: id).scanHash, id)
            }
        }
        print("MergeTests: \(interrupted) of 3 merges killed before they ended")
    }

    func testBadSourcesAreUsageErrors() throws {
        let target = try DataDirectory(path: Fixture.temporaryDirectory("merge-bad").path)
        let missing = try Fixture.hoso(["merge", "/không/có/đâu", "--data", target.url.path])
        XCTAssertEqual(missing.code, 2, missing.err)
        XCTAssertTrue(missing.err.contains("Không tìm thấy nguồn /không/có/đâu"), missing.err)
        _ = try target.openCatalogue()
        let itself = try Fixture.hoso(["merge", target.url.path, "--data", target.url.path])
        XCTAssertEqual(itself.code, 2, itself.err)
        XCTAssertTrue(itself.err.contains("chính là danh mục đích"), itself.err)
    }
}
