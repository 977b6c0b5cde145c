import Catalogue
import Foundation
import XCTest
@testable import DataFolder
@testable import Ingest
@testable import Search

/// Deliveries in the shapes contractors hand over (samples/delivery: a flat Excel sheet with its two-layer PDFs,
/// a zipped SIP_hoso), each ingested as it is and beside the same records delivered as the two CSV files.
final class DeliveryIngestTests: XCTestCase {
    static let delivery = Fixture.samples.appendingPathComponent("delivery")

    struct Ingested {
        var data: DataDirectory
        var store: any ArchiveCatalogue
        var summary: IngestSummary
    }

    /// One ingest per batch per test process.
    nonisolated(unsafe) private static var ingested: [String: Result<Ingested, Error>] = [:]
    private static let lock = NSLock()

    static func ingest(_ batch: URL, key: String? = nil) throws -> Ingested {
        lock.lock(); defer { lock.unlock() }
        let key = key ?? batch.path
        if let done = ingested[key] { return try done.get() }
        let result = Result { () throws -> Ingested in
            let data = try DataDirectory(path: Fixture.temporaryDirectory("delivery-data").path)
            let store = try data.openCatalogue()
            var options = IngestOptions()
            options.quiet = true
            let summary = try Ingestor(data: data, store: store, options: options).ingest(batch: batch)
            return Ingested(data: data, store: store, summary: summary)
        }
        ingested[key] = result
        return try result.get()
    }

    /// The CSV twin of a delivery: its `ho_so.csv` and `tai_lieu.csv` (samples/delivery/twins/<shape>) beside a
    /// copy of each scan the delivery's own ingest found, by file name.
    static func twin(of shape: String, delivered: Ingested) throws -> URL {
        let batch = try Fixture.temporaryDirectory("twin-\(shape)")
        let source = delivery.appendingPathComponent("twins/\(shape)")
        for name in [BatchReader.fileCSV, BatchReader.documentCSV] {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: batch.appendingPathComponent(name))
        }
        for document in try delivered.store.allDocuments() {
            let scan = URL(fileURLWithPath: document.path)
            let copy = batch.appendingPathComponent(scan.lastPathComponent)
            if !FileManager.default.fileExists(atPath: copy.path) { try FileManager.default.copyItem(at: scan, to: copy) }
        }
        return batch
    }

    static func shapes() -> [(shape: String, batch: URL)] {
        [("xlsx", delivery.appendingPathComponent("xlsx")), ("sip", delivery.appendingPathComponent("sip"))]
    }

    /// Every metadata value that does not name where the scan lies.
    static func comparable(_ d: Document) -> Document {
        var d = d
        d.path = ""
        d.fields[Column.path] = nil
        return d
    }

    func testEachDeliveryIngestsWithNothingSkipped() throws {
        for (shape, batch) in Self.shapes() {
            let delivered = try Self.ingest(batch)
            XCTAssertEqual(delivered.summary.skipped, [], shape)
            XCTAssertGreaterThan(delivered.summary.documents, 2, shape)
            XCTAssertEqual(delivered.summary.pages, try delivered.store.allDocuments().reduce(0) {
                $0 + (try delivered.store.pageNumbers(documentID: $1.id)).count
            }, shape)
        }
    }

    func testADeliveryAndItsCSVTwinGiveTheSameRecordsTextsAndSearchResults() throws {
        for (shape, batch) in Self.shapes() {
            let delivered = try Self.ingest(batch)
            let twin = try Self.ingest(try Self.twin(of: shape, delivered: delivered), key: "twin-\(shape)")
            XCTAssertEqual(twin.summary.skipped, [], shape)
            let ours = try delivered.store.allDocuments(), theirs = try twin.store.allDocuments()
            XCTAssertEqual(ours.map(\.id), theirs.map(\.id), shape)
            for (a, b) in zip(ours.map(Self.comparable), theirs.map(Self.comparable)) {
                XCTAssertEqual(a, b, "\(shape) \(a.id): \(Self.differences(a, b))")
            }
            for fileID in Set(ours.map(\.fileID)) {
                let a = try delivered.store.file(id: fileID), b = try twin.store.file(id: fileID)
                XCTAssertEqual(a, b, "\(shape) \(fileID): \(Self.differences(a, b))")
            }
            for document in ours {
                XCTAssertEqual(try delivered.store.pageTexts(documentID: document.id).map(\.text),
                               try twin.store.pageTexts(documentID: document.id).map(\.text), document.id)
            }
            let a = try Archive(data: delivered.data), b = try Archive(data: twin.data)
            var queries = ["thu hoi dat", "quyết định", "giấy chứng nhận quyền sử dụng đất", "khiếu nại", "nâng lương"]
            queries += ours.compactMap(\.summary).map { String($0.split(separator: " ").prefix(4).joined(separator: " ")) }
            for query in queries {
                let x = try a.search(SearchRequestSpec(query: query, role: .secret, limit: 50))
                let y = try b.search(SearchRequestSpec(query: query, role: .secret, limit: 50))
                XCTAssertEqual(x.hits.map(\.id), y.hits.map(\.id), "\(shape): \(query)")
                XCTAssertEqual(x.hits.map(\.pages), y.hits.map(\.pages), "\(shape): \(query)")
            }
        }
    }

    /// Every page of every sample scan (the CSV batch's and the deliveries', mixed-raster PDFs included) is served
    /// as an image.
    func testEveryDeliveredPageIsServedAsAnImage() throws {
        var batches: [(name: String, data: DataDirectory, store: any ArchiveCatalogue)] = try Self.shapes().map {
            let delivered = try Self.ingest($0.batch)
            return ($0.shape, delivered.data, delivered.store)
        }
        let samples = try Fixture.get()
        batches.append(("samples/batch", samples.data, try samples.data.openCatalogue()))
        for (shape, data, store) in batches {
            let archive = try Archive(data: data)
            for document in try store.allDocuments() {
                for page in try store.pageNumbers(documentID: document.id).sorted() {
                    let png = try archive.pageImage(id: document.id, page: page, role: .secret)
                    XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(shape) \(document.id) \(page)")
                }
            }
        }
    }

    /// Good layers are kept with their word boxes; poor ones are recognised again and the text kept is closer to
    /// the truth than the layer was.
    func testPoorLayersAreRecognisedAgainAndGoodOnesKept() throws {
        var layerErrors = 0.0, keptErrors = 0.0, poorPages = 0
        for (shape, batch) in Self.shapes() {
            let delivered = try Self.ingest(batch)
            for (documentFolder, page, quality) in try Self.layerQualities() {
                guard let id = Self.documentID(documentFolder),
                      let stored = try delivered.store.page(documentID: id, number: page) else { continue }
                switch quality {
                case "good":
                    XCTAssertEqual(stored.textSource, .layer, "\(shape) \(id) \(page): a good layer is not recognised again")
                    let layerWords = try String(contentsOf: Self.delivery.appendingPathComponent("layer/\(documentFolder)/\(page).txt"),
                                                encoding: .utf8).split(whereSeparator: \.isWhitespace).count
                    XCTAssertEqual(stored.words.count, layerWords, "\(id) \(page): the layer's words keep their boxes")
                    XCTAssertTrue(stored.words.allSatisfy { $0.x + $0.width <= stored.width && $0.y + $0.height <= stored.height })
                case "poor":
                    poorPages += 1
                    XCTAssertNotNil(stored.layerScore, "\(id) \(page)")
                    let truth = try String(contentsOf: Self.delivery.appendingPathComponent("truth/\(documentFolder)/\(page).txt"), encoding: .utf8)
                    let layer = try String(contentsOf: Self.delivery.appendingPathComponent("layer/\(documentFolder)/\(page).txt"), encoding: .utf8)
                    layerErrors += Fixture.characterErrorRate(layer, truth: truth)
                    keptErrors += Fixture.characterErrorRate(stored.text, truth: truth)
                case "none":
                    XCTAssertEqual(stored.textSource, .ocr, "\(id) \(page): a page without a layer is recognised")
                default: break
                }
            }
        }
        XCTAssertGreaterThan(poorPages, 0)
        XCTAssertLessThan(keptErrors, layerErrors, "the text kept is better than the poor layers")
    }

    /// The properties (and field and extra keys) in which two records differ, for a readable failure.
    static func differences<T>(_ a: T, _ b: T) -> String {
        var out: [String] = []
        let left = Mirror(reflecting: a), right = Mirror(reflecting: b)
        for (l, r) in zip(left.children, right.children) {
            let x = String(describing: l.value), y = String(describing: r.value)
            if x == y { continue }
            if let p = l.value as? [String: String], let q = r.value as? [String: String] {
                for key in Set(p.keys).union(q.keys).sorted() where p[key] != q[key] {
                    out.append("\(l.label ?? "")[\(key)]: \(p[key] ?? "nil") ≠ \(q[key] ?? "nil")")
                }
            } else {
                out.append("\(l.label ?? ""): \(x) ≠ \(y)")
            }
        }
        return out.joined(separator: "; ")
    }

    /// A delivery with a corrupt zip, an old-format workbook and a scan no row names: each is reported with its
    /// place, the scan named by a document id goes in under that id, and every good document goes in.
    func testBadPartsOfADeliveryAreReportedAndLoseNothing() throws {
        let batch = try Fixture.temporaryDirectory("bad-delivery")
        let xlsx = Self.delivery.appendingPathComponent("xlsx")
        for name in try FileManager.default.contentsOfDirectory(atPath: xlsx.path) {
            try FileManager.default.copyItem(at: xlsx.appendingPathComponent(name), to: batch.appendingPathComponent(name))
        }
        try Data("PK\u{03}\u{04} không phải tệp zip".utf8).write(to: batch.appendingPathComponent("SIP_hoso_hong.zip"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
            .write(to: batch.appendingPathComponent("muc_luc_cu.xls"))
        let good = try Self.ingest(xlsx)
        let someScan = URL(fileURLWithPath: try XCTUnwrap(try good.store.allDocuments().first).path)
        try FileManager.default.createDirectory(at: batch.appendingPathComponent("bo_sung"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: someScan, to: batch.appendingPathComponent("bo_sung/H49.64.33.2016.099.1.pdf"))

        let result = try Self.ingest(batch)
        XCTAssertEqual(result.summary.exitCode, 1)
        let places = result.summary.skipped.map(\.place)
        XCTAssertTrue(places.contains { $0.hasPrefix("SIP_hoso_hong.zip") }, "\(result.summary.skipped)")
        XCTAssertTrue(places.contains { $0.hasPrefix("muc_luc_cu.xls") }, "\(result.summary.skipped)")
        let orphan = try XCTUnwrap(result.summary.skipped.first { $0.place.hasPrefix("bo_sung/H49.64.33.2016.099.1.pdf") })
        XCTAssertTrue(orphan.reason.contains("thiếu siêu dữ liệu"), orphan.reason)
        XCTAssertTrue(result.summary.skipped.allSatisfy { !$0.reason.isEmpty })
        // Nothing delivered is lost: the good documents and the scan without a row.
        let ids = Set(try result.store.allDocuments().map(\.id))
        XCTAssertTrue(Set(try good.store.allDocuments().map(\.id)).isSubset(of: ids))
        XCTAssertTrue(ids.contains("H49.64.33.2016.099.1"))
        let made = try XCTUnwrap(try result.store.file(id: "H49.64.33.2016.099"))
        XCTAssertEqual(made.access, .conditional, "a hồ sơ known only from a file name fails closed")
        XCTAssertFalse(try result.store.pageNumbers(documentID: "H49.64.33.2016.099.1").isEmpty)
    }

    /// samples/delivery/layers.tsv: document folder, page, layer quality.
    static func layerQualities() throws -> [(String, Int, String)] {
        let text = try String(contentsOf: delivery.appendingPathComponent("layers.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = lines.removeFirst()
        guard let d = header.firstIndex(of: "document_id"), let p = header.firstIndex(of: "page"),
              let q = header.firstIndex(of: "layer") else { return [] }
        return lines.compactMap { row in
            guard row.count > max(d, p, q), let page = Int(row[p]) else { return nil }
            return (row[d], page, row[q])
        }
    }

    /// A truth folder named by the scan's file name (`….01.01.001`) → the document id (`….01.01.1`).
    static func documentID(_ folder: String) -> String? {
        guard let dot = folder.lastIndex(of: "."), let ordinal = Int(folder[folder.index(after: dot)...]) else { return nil }
        return Document.id(fileID: String(folder[..<dot]), ordinal: ordinal)
    }
}

extension ArchiveCatalogue {
    /// Every document, by id.
    func allDocuments() throws -> [Document] {
        try documents(ids: try allDocumentKeys().map(\.id)).sorted { $0.id < $1.id }
    }
}
