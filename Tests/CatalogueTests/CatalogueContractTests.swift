import XCTest
@testable import Catalogue

/// What every catalogue backend must do, run here on the SQLite file; a backend's subclass overrides
/// `makeCatalogue`, `openAgain` and `tamperWithAudit` and runs every test again on its own store.
class CatalogueContractTests: XCTestCase {
    var dir: TempDir!
    var dbPath: String { dir.url.appendingPathComponent("data/catalogue.sqlite").path }

    override func setUpWithError() throws { dir = try TempDir() }
    override func tearDown() { dir = nil }

    /// A fresh, empty catalogue for this test.
    func makeCatalogue() throws -> any ArchiveCatalogue { try CatalogueStore(path: dbPath) }
    /// Another handle on the catalogue `makeCatalogue` made, as another process would open it.
    func openAgain() throws -> any ArchiveCatalogue { try CatalogueStore(path: dbPath) }
    /// Runs `sql` on the catalogue from another process (the backend's own shell); its status and output.
    func tamperWithAudit(_ sql: String) throws -> (status: Int32, output: String) { try sqlite3(dbPath, sql) }

    static let file = ArchiveFile(
        id: "H49.64.33.2001.160", title: "Hồ sơ giải phóng mặt bằng dự án đường Hồ Chí Minh, đoạn qua huyện Krông Pắc",
        fonds: "UBND huyện Krông Pắc", retention: "Vĩnh viễn", access: .open,
        startDate: ArchiveDateValue(year: 2001, month: 2, day: 15), endDate: ArchiveDateValue(year: 2001, month: 12),
        fields: ["Mã hồ sơ": "H49.64.33.2001.160", "Thời hạn lưu trữ": "Vĩnh viễn", "Ngôn ngữ": "01"],
        extra: ["Người lập": "Y Bih Niê"])

    static func document(_ ordinal: Int, access: AccessLevel = .open) -> Document {
        Document(fileID: file.id, ordinal: ordinal, path: "scans/\(ordinal).pdf", type: "Quyết định", number: "\(1600 + ordinal)",
                 symbol: "QĐ-UBND", date: ArchiveDateValue(year: 2012, month: 2, day: 15), issuer: "UBND huyện Krông Pắc",
                 summary: "Về việc thu hồi đất của hộ bà H'Hen Niê", signer: "Nguyễn Văn An", access: access,
                 fields: ["Tên loại văn bản": "Quyết định", "Bút tích": "Có"], extra: ["Số trang gốc": "2"])
    }

    static func page(_ documentID: String, _ number: Int, confidence: Double = 91.5, hash: String? = nil) -> Page {
        Page(documentID: documentID, number: number,
             text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTrang \(number)",
             words: [StoredWord(text: "CỘNG", x: 812, y: 96, width: 120, height: 34, confidence: 96.5),
                     StoredWord(text: "HÒA", x: 940, y: 96, width: 90, height: 34, confidence: 88.25)],
             meanConfidence: confidence, preprocessing: ["grey", "deskew 0.8°"], engine: "tesseract 5.3.0 vie",
             sourceHash: hash ?? Page.sourceHash(scanHash: "scan-\(documentID)", page: number), width: 2480, height: 3508)
    }

    func testFilesAndDocumentsRoundTrip() throws {
        let store = try makeCatalogue()
        XCTAssertTrue(try store.upsert(file: Self.file))
        XCTAssertFalse(try store.upsert(file: Self.file), "unchanged")
        XCTAssertEqual(try store.file(id: Self.file.id), Self.file)
        XCTAssertNil(try store.file(id: "H49.không.có"))

        let documents = [Self.document(2, access: .secret), Self.document(1), Self.document(10, access: .conditional)]
        for d in documents { XCTAssertTrue(try store.upsert(document: d)) }
        XCTAssertFalse(try store.upsert(document: documents[0]))
        XCTAssertEqual(try store.document(id: "H49.64.33.2001.160.2"), documents[0])
        XCTAssertEqual(try store.documents(inFile: Self.file.id).map(\.ordinal), [1, 2, 10])
        XCTAssertEqual(try store.allDocumentIDs(), ["H49.64.33.2001.160.1", "H49.64.33.2001.160.2", "H49.64.33.2001.160.10"])
        XCTAssertEqual(try store.documents(ids: ["H49.64.33.2001.160.10", "x", "H49.64.33.2001.160.1"]).map(\.ordinal), [10, 1])
        // A result page's rows: every typed column the same, fields and extra left empty; pages in order.
        var withoutCells = documents[0]
        withoutCells.fields = [:]
        withoutCells.extra = [:]
        XCTAssertFalse(documents[0].fields.isEmpty)
        try store.save(page: Self.page("H49.64.33.2001.160.2", 2))
        try store.save(page: Self.page("H49.64.33.2001.160.2", 1))
        let rows = try store.resultRows(documentIDs: ["H49.64.33.2001.160.2", "x", "H49.64.33.2001.160.1", "H49.64.33.2001.160.2"])
        XCTAssertEqual(Set(rows.keys), ["H49.64.33.2001.160.2", "H49.64.33.2001.160.1"])
        XCTAssertEqual(rows["H49.64.33.2001.160.2"]?.document, withoutCells)
        XCTAssertEqual(rows["H49.64.33.2001.160.2"]?.pages.map(\.number), [1, 2])
        XCTAssertEqual(rows["H49.64.33.2001.160.2"]?.pages.first?.utf8, Array(Self.page("H49.64.33.2001.160.2", 1).text.utf8))
        XCTAssertEqual(rows["H49.64.33.2001.160.1"]?.pages.count, 0)
        // A rebuild's batch read: each document as read alone, with its pages in order; unknown ids absent.
        let batch = try store.documentsWithPages(ids: ["H49.64.33.2001.160.2", "x", "H49.64.33.2001.160.1", "H49.64.33.2001.160.2"])
        XCTAssertEqual(Set(batch.keys), ["H49.64.33.2001.160.2", "H49.64.33.2001.160.1"])
        for (id, read) in batch {
            let alone = try XCTUnwrap(try store.documentWithPages(id: id))
            XCTAssertEqual(read.document, alone.document)
            XCTAssertEqual(read.pages.map(\.number), alone.pages.map(\.number))
            XCTAssertEqual(read.pages.map(\.text), alone.pages.map(\.text))
        }
        XCTAssertEqual(batch["H49.64.33.2001.160.2"]?.pages.map(\.number), [1, 2])
        XCTAssertEqual(batch["H49.64.33.2001.160.2"]?.document, documents[0])
        XCTAssertTrue(try store.documentsWithPages(ids: []).isEmpty)
        XCTAssertNil(try store.document(id: "H49.64.33.2001.160.3"))
        XCTAssertEqual(try store.allFiles(), [Self.file])

        // A document whose file is not stored.
        var orphan = Self.document(1); orphan = Document(fileID: "H00", ordinal: 1, path: "a.pdf", access: .open)
        XCTAssertThrowsError(try store.upsert(document: orphan)) { error in
            XCTAssertTrue((error as? CatalogueError)?.message.contains("H00") == true, "\(error)")
        }
        // A document whose id does not match its file and ordinal.
        var wrong = Self.document(4); wrong.id = "H49.khác.4"
        XCTAssertThrowsError(try store.upsert(document: wrong))

        // Optional fields absent round-trip as nil.
        let bare = Document(fileID: Self.file.id, ordinal: 20, path: "b.tif", access: .conditional)
        try store.upsert(document: bare)
        XCTAssertEqual(try store.document(id: bare.id), bare)
    }

    func testBatchUpsertIsOneTransaction() throws {
        let store = try makeCatalogue()
        let changed = try store.upsert(files: [Self.file], documents: [Self.document(1), Self.document(2)])
        XCTAssertEqual(changed.files, 1); XCTAssertEqual(changed.documents, 2)
        let again = try store.upsert(files: [Self.file], documents: [Self.document(1), Self.document(2)])
        XCTAssertEqual(again.files, 0); XCTAssertEqual(again.documents, 0)
        // A bad document rolls back the whole call.
        var other = Self.file; other.id = "H49.64.33.2012.7"
        let orphan = Document(fileID: "H00", ordinal: 1, path: "a.pdf", access: .open)
        XCTAssertThrowsError(try store.upsert(files: [other], documents: [Self.document(3), orphan]))
        XCTAssertNil(try store.file(id: other.id))
        XCTAssertNil(try store.document(id: Self.document(3).id))
        XCTAssertEqual(try store.counts().documents, 2)
    }

    func testPagesWordsAndOCRCache() throws {
        let store = try makeCatalogue()
        try store.upsert(files: [Self.file], documents: [Self.document(1), Self.document(2)])
        let id = Self.document(1).id
        let p2 = Self.page(id, 2), p1 = Self.page(id, 1, confidence: 42.0)
        try store.save(page: p2)
        try store.save(page: p1)
        XCTAssertEqual(try store.page(documentID: id, number: 2), p2)
        XCTAssertEqual(try store.pages(documentID: id), [p1, p2])
        XCTAssertEqual(try store.pageNumbers(documentID: id), [1, 2])
        XCTAssertEqual(try store.pageTexts(documentID: id).map(\.number), [1, 2])
        XCTAssertEqual(try store.pageTexts(documentID: id).map(\.text), [p1.text, p2.text])
        XCTAssertEqual(try store.pages(documentID: Self.document(2).id), [])
        XCTAssertNil(try store.page(documentID: id, number: 3))

        // Replacing a page.
        var better = p1; better.text = "Quyết định về việc thu hồi đất"; better.meanConfidence = 90
        try store.save(page: better)
        XCTAssertEqual(try store.page(documentID: id, number: 1), better)
        XCTAssertEqual(try store.counts().pages, 2)

        // OCR cache: the same scan content under another document is found by hash.
        XCTAssertEqual(try store.page(sourceHash: p2.sourceHash), p2)
        XCTAssertNil(try store.page(sourceHash: "không-có"))

        // A page of a document not in the catalogue, and page 0.
        XCTAssertThrowsError(try store.save(page: Self.page("H00.1", 1)))
        XCTAssertThrowsError(try store.save(page: Self.page(id, 0)))
    }

    func testIngestAndIndexState() throws {
        let store = try makeCatalogue()
        try store.upsert(files: [Self.file], documents: [Self.document(1), Self.document(2)])
        let a = Self.document(1).id, b = Self.document(2).id
        XCTAssertTrue(try store.documentState(id: a) == (nil, nil, nil))
        XCTAssertTrue(try store.documentState(id: "không có") == (nil, nil, nil))

        try store.setPageCount(documentID: a, count: 3, scanHash: "h1")
        for n in 1...3 { try store.save(page: Self.page(a, n)) }
        XCTAssertTrue(try store.documentState(id: a) == (3, "h1", nil))
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [a, b])

        try store.markIndexed(documentID: a, version: 1)
        XCTAssertTrue(try store.documentState(id: a) == (3, "h1", 1))
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [b])
        XCTAssertEqual(try store.documentsNeedingIndex(version: 2), [a, b], "a new index version reindexes everything")
        XCTAssertThrowsError(try store.markIndexed(documentID: "không có", version: 1))
        // Many in one transaction: the missing one skipped, the others marked.
        XCTAssertEqual(try store.markIndexed([(documentID: a, version: 7), (documentID: "không có", version: 7)]), 1)
        XCTAssertEqual(try store.documentsNeedingIndex(version: 7).contains(a), false)
        // Held for the switch: rolled back when the last step throws, committed when it returns, and not
        // seen by a reader before it does.
        struct NotSwitched: Error {}
        XCTAssertThrowsError(try store.markIndexed([(documentID: a, version: 8), (documentID: b, version: 8)],
                                                   beforeCommit: { throw NotSwitched() }))
        XCTAssertEqual(try store.documentsNeedingIndex(version: 8), [a, b])
        let reader = try openAgain() // another process, as the server is
        XCTAssertEqual(try store.markIndexed([(documentID: a, version: 8), (documentID: b, version: 8)], beforeCommit: {
            XCTAssertEqual(try reader.documentsNeedingIndex(version: 8), [a, b], "uncommitted marks are not read")
        }), 2)
        XCTAssertEqual(try reader.documentsNeedingIndex(version: 8), [])
        var ran = false
        XCTAssertEqual(try store.markIndexed([], beforeCommit: { ran = true }), 0)
        XCTAssertTrue(ran)
        try store.markIndexed(documentID: a, version: 1)

        // Unchanged metadata keeps the index state; changed metadata clears it.
        try store.upsert(document: Self.document(1))
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [b])
        var changed = Self.document(1); changed.summary = "Về việc bồi thường, hỗ trợ tái định cư"
        try store.upsert(document: changed)
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [a, b])
        XCTAssertEqual(try store.pageNumbers(documentID: a), [1, 2, 3], "pages survive a metadata change")

        // A changed file marks all its documents.
        try store.markIndexed(documentID: a, version: 1); try store.markIndexed(documentID: b, version: 1)
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [])
        var file = Self.file; file.access = .secret
        try store.upsert(file: file)
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [a, b])

        // A saved page needs indexing.
        try store.markIndexed(documentID: a, version: 1)
        try store.save(page: Self.page(a, 2))
        XCTAssertEqual(try store.documentState(id: a).indexedVersion, nil)

        // Same scan, fewer pages: the extra pages go.
        try store.markIndexed(documentID: a, version: 1)
        try store.setPageCount(documentID: a, count: 2, scanHash: "h1")
        XCTAssertEqual(try store.pageNumbers(documentID: a), [1, 2])
        XCTAssertEqual(try store.documentState(id: a).indexedVersion, nil)

        // Same scan, same count: nothing changes.
        try store.markIndexed(documentID: a, version: 1)
        try store.setPageCount(documentID: a, count: 2, scanHash: "h1")
        XCTAssertTrue(try store.documentState(id: a) == (2, "h1", 1))

        // A new scan: every old page is stale.
        try store.setPageCount(documentID: a, count: 5, scanHash: "h2")
        XCTAssertEqual(try store.pageNumbers(documentID: a), [])
        XCTAssertTrue(try store.documentState(id: a) == (5, "h2", nil))
        XCTAssertThrowsError(try store.setPageCount(documentID: "không có", count: 1, scanHash: "x"))

        try store.clearIndexedState()
        XCTAssertEqual(try store.documentsNeedingIndex(version: 1), [a, b])

        // An index stamp takes the whole 64 bits (the indexing scheme's stamps are hashes).
        let stamp = 95_586_699_930_721_307
        try store.markIndexed(documentID: a, version: stamp)
        XCTAssertEqual(try store.documentState(id: a).indexedVersion, stamp)
        XCTAssertEqual(try store.documentsNeedingIndex(version: stamp), [b])
    }

    /// Each page keeps where its text came from and its layer's score; a kept poor layer is listed for review.
    func testTextSourceAndLayerScoreAreKeptAndPoorLayersReviewed() throws {
        let store = try makeCatalogue()
        try store.upsert(files: [Self.file], documents: [Self.document(1)])
        let id = Self.document(1).id
        var good = Self.page(id, 1, confidence: 99)
        good.textSource = .layer; good.layerScore = 0.99
        var poor = Self.page(id, 2, confidence: 87.5)
        poor.textSource = .layer; poor.layerScore = 0.875
        var recognised = Self.page(id, 3, confidence: 92)
        recognised.textSource = .ocr; recognised.layerScore = 0.61
        for page in [good, poor, recognised] { try store.save(page: page) }
        XCTAssertEqual(try store.pages(documentID: id).map(\.textSource), [.layer, .layer, .ocr])
        XCTAssertEqual(try store.pages(documentID: id).map(\.layerScore), [0.99, 0.875, 0.61])
        let review = try store.lowConfidencePages(below: 70, limit: 10)
        XCTAssertEqual(review.map(\.number), [2], "the kept poor layer, not the good one nor the page recognised instead")
        XCTAssertEqual(review.first?.layerScore, 0.875)
    }

    /// The texts the correction learns the archive's words from: titles, trích yếu, kept good layers and
    /// transcriptions, the last saved first; never recognised pages nor poor layers.
    func testOwnTextsAreWhatPeopleWrote() throws {
        let store = try makeCatalogue()
        try store.upsert(files: [Self.file], documents: [Self.document(1), Self.document(2)])
        let id = Self.document(1).id
        var layer = Self.page(id, 1)
        layer.text = "Thu hồi đất của hộ bà H'Hen Niê tại buôn Ea Kly"
        layer.textSource = .layer; layer.layerScore = 0.99
        var poor = Self.page(id, 2)
        poor.text = "Thu hôi đât cua hô"
        poor.textSource = .layer; poor.layerScore = 0.8
        var recognised = Self.page(id, 3)
        recognised.text = "Thu hồi đât tại buôn Ea Klv"
        var transcript = Self.page(Self.document(2).id, 1)
        transcript.text = "Biên bản tiếp công dân"
        transcript.textSource = .transcript
        for page in [layer, poor, recognised, transcript] { try store.save(page: page) }
        let texts = try store.ownTexts(pageLimit: 10, metadataLimit: 10, layerScoreAtLeast: 0.97)
        XCTAssertEqual(texts.filter { $0 == Self.file.title }.count, 1)
        XCTAssertEqual(texts.filter { $0 == "Về việc thu hồi đất của hộ bà H'Hen Niê" }.count, 2, "each document's trích yếu")
        XCTAssertEqual(Set(texts).subtracting([Self.file.title, "Về việc thu hồi đất của hộ bà H'Hen Niê"]),
                       [layer.text, transcript.text])
        XCTAssertEqual(try store.ownTexts(pageLimit: 1, metadataLimit: 0, layerScoreAtLeast: 0.97), [transcript.text],
                       "the last saved first")
    }

    /// A page keeps the text as recognised beside the corrected one; saving it again replaces both.
    func testRecognizedTextIsKeptBesideTheCorrection() throws {
        let store = try makeCatalogue()
        try store.upsert(files: [Self.file], documents: [Self.document(1)])
        let id = Self.document(1).id
        var corrected = Self.page(id, 1, confidence: 91)
        corrected.text = "Điều 1. Quyết định này có hiệu lực"
        corrected.recognizedText = "Điều L. Quyêt định này có hiệu lực"
        try store.save(page: corrected)
        try store.save(page: Self.page(id, 2, confidence: 95))
        let pages = try store.pages(documentID: id)
        XCTAssertEqual(pages.map(\.text).first, "Điều 1. Quyết định này có hiệu lực")
        XCTAssertEqual(pages.map(\.recognizedText), ["Điều L. Quyêt định này có hiệu lực", nil], "nil: nothing was corrected")
        corrected.recognizedText = nil
        try store.save(page: corrected)
        XCTAssertNil(try store.page(documentID: id, number: 1)?.recognizedText)
    }

    func testLowConfidenceAndCounts() throws {
        let store = try makeCatalogue()
        XCTAssertTrue(try store.counts() == (0, 0, 0))
        try store.upsert(files: [Self.file], documents: [Self.document(1), Self.document(2)])
        let a = Self.document(1).id, b = Self.document(2).id
        try store.save(page: Self.page(a, 1, confidence: 95))
        try store.save(page: Self.page(a, 2, confidence: 40))
        try store.save(page: Self.page(b, 1, confidence: 55.5))
        try store.save(page: Self.page(b, 2, confidence: 12))
        let low = try store.lowConfidencePages(below: 60, limit: 10)
        XCTAssertEqual(low.map(\.documentID), [b, a, b])
        XCTAssertEqual(low.map(\.number), [2, 2, 1])
        XCTAssertEqual(low.map(\.confidence), [12, 40, 55.5])
        XCTAssertEqual(try store.lowConfidencePages(below: 60, limit: 1).count, 1)
        XCTAssertEqual(try store.lowConfidencePages(below: 10, limit: 10).count, 0)
        XCTAssertTrue(try store.counts() == (1, 2, 4))
    }

    func testTokens() throws {
        let store = try makeCatalogue()
        let h1 = SHA256.hex(Data("bí-mật-1".utf8)), h2 = SHA256.hex(Data("bí-mật-2".utf8)), h3 = SHA256.hex(Data("bí-mật-3".utf8))
        try store.addToken(hash: h1, name: "phòng lưu trữ", role: .staff)
        try store.addToken(hash: h2, name: "lãnh đạo", role: .secret)
        XCTAssertTrue(try store.token(hash: h1)! == ("phòng lưu trữ", .staff, false))
        XCTAssertNil(try store.token(hash: h3))
        XCTAssertThrowsError(try store.addToken(hash: h3, name: "phòng lưu trữ", role: .public)) { error in
            XCTAssertTrue((error as? CatalogueError)?.message.contains("phòng lưu trữ") == true)
        }
        XCTAssertThrowsError(try store.addToken(hash: h1, name: "khác", role: .public))
        XCTAssertThrowsError(try store.addToken(hash: h3, name: "  ", role: .public))

        XCTAssertTrue(try store.revokeToken(name: "phòng lưu trữ"))
        XCTAssertFalse(try store.revokeToken(name: "phòng lưu trữ"))
        XCTAssertFalse(try store.revokeToken(name: "không có"))
        XCTAssertTrue(try store.token(hash: h1)! == ("phòng lưu trữ", .staff, true))
        // The name is free again once revoked.
        try store.addToken(hash: h3, name: "phòng lưu trữ", role: .public)

        let list = try store.listTokens()
        XCTAssertEqual(list.map(\.name), ["phòng lưu trữ", "lãnh đạo", "phòng lưu trữ"])
        XCTAssertEqual(list.map(\.role), [.staff, .secret, .public])
        XCTAssertEqual(list.map(\.revoked), [true, false, false])
        XCTAssertLessThan(abs(list[0].created.timeIntervalSinceNow), 60)
    }

    func testAuditIsAppendOnlyAndFiltered() throws {
        let store = try makeCatalogue()
        let before = Date()
        try store.appendAudit(token: "", role: .public, action: "search", target: "quyền sử dụng đất", remote: "10.0.0.7")
        try store.appendAudit(token: "lãnh đạo", role: .secret, action: "document", target: "H49.64.33.2001.160.2", remote: nil)
        Thread.sleep(forTimeInterval: 0.05)
        let middle = Date()
        Thread.sleep(forTimeInterval: 0.05)
        try store.appendAudit(token: "lãnh đạo", role: .secret, action: "page-image", target: "H49.64.33.2001.160.2/1", remote: "::1")

        let all = try store.audit(from: nil, to: nil, token: nil)
        XCTAssertEqual(all.map(\.action), ["search", "document", "page-image"])
        XCTAssertEqual(all[0].target, "quyền sử dụng đất")
        XCTAssertEqual(all[0].remote, "10.0.0.7")
        XCTAssertEqual(all[1].remote, nil)
        XCTAssertEqual(all[1].role, .secret)
        XCTAssertEqual(Set(all.map(\.id)).count, 3)
        XCTAssertGreaterThanOrEqual(all[0].time.timeIntervalSince1970, before.timeIntervalSince1970 - 0.001)
        XCTAssertEqual(try store.audit(from: nil, to: nil, token: "lãnh đạo").map(\.action), ["document", "page-image"])
        XCTAssertEqual(try store.audit(from: middle, to: nil, token: nil).map(\.action), ["page-image"])
        XCTAssertEqual(try store.audit(from: nil, to: middle, token: nil).map(\.action), ["search", "document"])
        XCTAssertEqual(try store.audit(from: middle, to: nil, token: "").map(\.action), [])

        // Another process cannot rewrite history either: the triggers refuse it.
        let update = try tamperWithAudit("UPDATE audit SET action = 'xoá dấu vết';")
        XCTAssertNotEqual(update.status, 0)
        XCTAssertTrue(update.output.contains("append-only"), update.output)
        let delete = try tamperWithAudit("DELETE FROM audit;")
        XCTAssertNotEqual(delete.status, 0)
        XCTAssertEqual(try store.audit(from: nil, to: nil, token: nil).map(\.action), ["search", "document", "page-image"])
    }

    func testReopenAfterClose() throws {
        do {
            let store = try makeCatalogue()
            try store.upsert(files: [Self.file], documents: [Self.document(1)])
            try store.save(page: Self.page(Self.document(1).id, 1))
            try store.addToken(hash: "abc", name: "kiểm thử", role: .staff)
            try store.close()
            XCTAssertThrowsError(try store.counts(), "a closed store fails cleanly")
        }
        let reopened = try openAgain()
        XCTAssertEqual(try reopened.file(id: Self.file.id), Self.file)
        XCTAssertEqual(try reopened.document(id: Self.document(1).id), Self.document(1))
        XCTAssertEqual(try reopened.pages(documentID: Self.document(1).id), [Self.page(Self.document(1).id, 1)])
        XCTAssertEqual(try reopened.token(hash: "abc")?.name, "kiểm thử")
        XCTAssertEqual(reopened.schemaVersion, CatalogueStore.schemaVersion)
        XCTAssertEqual(try reopened.integrityProblems(full: true), [])
    }

    func testTwoStoresOnOneFile() throws {
        let one = try makeCatalogue()
        let two = try openAgain()
        try one.upsert(files: [Self.file], documents: (1...4).map { Self.document($0) })
        XCTAssertEqual(try two.allDocumentIDs().count, 4)
        // Both write pages at once, from many threads.
        let ids = (1...4).map { Self.document($0).id }
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            let store = i % 2 == 0 ? one : two
            do { try store.save(page: Self.page(ids[i % 4], i / 4 + 1)) } catch { errors.add(error) }
        }
        XCTAssertEqual(errors.all.count, 0, "\(errors.all)")
        XCTAssertEqual(try one.counts().pages, 40)
        XCTAssertEqual(try two.counts().pages, 40)
        XCTAssertEqual(try two.pageNumbers(documentID: ids[0]), Set(1...10))
    }
}

// MARK: - Helpers

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ e: Error) { lock.lock(); errors.append(e); lock.unlock() }
    var all: [Error] { lock.lock(); defer { lock.unlock() }; return errors }
}

/// Runs the sqlite3 command-line shell (a separate process) on `path`.
func sqlite3(_ path: String, _ sql: String) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    p.arguments = [path, sql]
    let pipe = Pipe()
    p.standardOutput = pipe; p.standardError = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A sqlite3 process that runs `sql` (taking a lock) and holds it until released.
final class LockHolder {
    let process = Process()
    let input = Pipe()
    let output = Pipe()

    init(path: String, sql: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [path]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data("\(sql)\nSELECT 'đã khóa';\n".utf8))
        // Wait until the lock is taken.
        var seen = ""
        while !seen.contains("đã khóa") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw CatalogueError("sqlite3 đã dừng: \(seen)") }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    func release() {
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
