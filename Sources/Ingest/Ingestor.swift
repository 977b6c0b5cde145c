import Catalogue
import DataFolder
import Delivery
import Foundation
import IndexLifecycle
import OCR

/// One thing an ingest could not use, with its place and the reason (Vietnamese).
public struct SkippedItem: Codable, Sendable, Equatable, CustomStringConvertible {
    public var place: String
    public var reason: String
    public var description: String { "\(place): \(reason)" }
}

/// The summary of one `hoso ingest` run (the last JSON line of `--json`).
public struct IngestSummary: Codable, Sendable {
    /// Documents of the batch now in the catalogue.
    public var documents = 0
    /// Pages of those documents now in the catalogue.
    public var pages = 0
    /// Pages recognised by Tesseract in this run.
    public var recognised = 0
    /// Pages taken from an identical scan already recognised (same content hash).
    public var reused = 0
    /// Documents (re)written to the index in this run.
    public var indexed = 0
    /// Documents refused because their access level is not allowed on this deployment.
    public var refusedSecret = 0
    public var skipped: [SkippedItem] = []
    public var seconds = 0.0

    public var exitCode: Int32 { skipped.isEmpty ? 0 : 1 }

    enum CodingKeys: String, CodingKey {
        case documents, pages, recognised, reused, indexed, skipped, seconds
        case refusedSecret = "refused_secret"
    }
}

public struct IngestOptions: Sendable {
    /// Recognise PDFs that already carry a text layer anyway.
    public var reocr = false
    /// Refuse `Mật` documents (deployments that must not hold state secrets).
    public var refuseSecret = false
    /// Tesseract engines run at once (default: one per core).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    public var quiet = false
    /// Only the hồ sơ of this part of the batch (`--part i/n`: parallel ingest into shards).
    public var part: BatchPart?
    /// This worker's name in the catalogue's claims and recognition log (`--worker`; default `host:pid`).
    public var worker = IngestOptions.defaultWorker
    /// How long a claim on a document lasts unless renewed (`HOSO_CLAIM_LEASE_SECONDS`, default 120 s).
    public var lease: TimeInterval = IngestOptions.defaultLease
    public init() {}

    public static var defaultWorker: String { "\(hostName):\(getpid())" }

    /// This machine's name, as the default worker names begin.
    public static var hostName: String {
        var name = [CChar](repeating: 0, count: 256)
        return gethostname(&name, name.count - 1) == 0 ? String(cString: name) : "localhost"
    }

    public static var defaultLease: TimeInterval {
        let given = ProcessInfo.processInfo.environment["HOSO_CLAIM_LEASE_SECONDS"].flatMap(Double.init)
        return given.map { $0 > 0 && $0.isFinite ? $0 : 120 } ?? 120
    }
}

/// Imports a batch: metadata into the catalogue, every page not yet recognised through Tesseract
/// (each page committed as soon as it is done), then the changed documents into the index.
public final class Ingestor {
    let store: any ArchiveCatalogue
    let data: DataDirectory
    let options: IngestOptions

    public init(data: DataDirectory, store: any ArchiveCatalogue, options: IngestOptions = .init()) {
        self.data = data
        self.store = store
        self.options = options
    }

    struct PageJob: Sendable {
        var documentID: String
        var url: URL
        /// The scan as the operator finds it in the delivery.
        var place: String
        var number: Int
        var sourceHash: String
    }

    public func ingest(batch: URL) throws -> IngestSummary {
        let started = Date()
        var summary = IngestSummary()
        let batch = batch.standardizedFileURL
        var metadata: BatchMetadata
        do {
            metadata = try DeliveryReader.read(batch: batch, staging: data.deliveries, existingFile: { try self.store.file(id: $0) })
        } catch let error as CatalogueError {
            throw HosoError(.usage, error.message)
        }
        summary.skipped += metadata.problems.map { SkippedItem(place: Self.place($0), reason: $0.reason) }
        if let part = options.part { // this machine's share of the batch
            metadata.files = metadata.files.filter { part.contains(fileID: $0.id) }
            metadata.documents = metadata.documents.filter { part.contains(fileID: $0.fileID) }
        }

        // 1. Metadata. A document goes in only once its scan has been opened.
        let folder = data.url.path
        try DiskSpace.mapping(writing: "ghi siêu dữ liệu hồ sơ vào danh mục", folder: folder) {
            try store.upsert(files: metadata.files, documents: [])
        }
        // PDFs are read in process under marks: one that stops the process is read in a child next time.
        let reader = MarkedPageSource(source: PageSource(reocr: options.reocr),
                                      marks: ReadingMarks(folder: data.url.appendingPathComponent("reading", isDirectory: true)),
                                      reocr: options.reocr)
        var jobs: [PageJob] = []
        var accepted: [Document] = []
        // Relative to the batch; absolute for the files an information package was unpacked to.
        @Sendable func located(_ document: Document) -> URL {
            (document.path.hasPrefix("/") ? URL(fileURLWithPath: document.path)
                                          : batch.appendingPathComponent(document.path)).standardizedFileURL
        }
        // Each scan's hash and page count (counted only when the catalogue does not know it for that hash), on
        // every core ahead of the catalogue's writes, which are made one by one below.
        let refuseSecret = options.refuseSecret, catalogue = store
        try OrderedParallelMap.run(metadata.documents, transform: { document -> Result<(hash: String, pageCount: Int), Error>? in
            if refuseSecret && document.access == .secret { return nil }
            let url = located(document)
            return Result {
                let hash = try ScanHash.of(url)
                let state = try catalogue.documentState(id: document.id)
                if state.scanHash == hash, let known = state.pageCount { return (hash, known) }
                let count = try reader.pageCount(of: url)
                guard count > 0 else { throw ScanError(file: url.path, page: nil, reason: "Tệp không có trang nào") }
                return (hash, count)
            }
        }, consume: { original, survey in
            var document = original
            guard let survey else {
                summary.refusedSecret += 1
                summary.skipped.append(SkippedItem(place: "tai_lieu.csv: \(document.id)",
                    reason: "Tài liệu Mật không được lưu trên máy này (--refuse-secret)"))
                return
            }
            let url = located(document)
            document.path = url.path
            let scanHash: String
            let pageCount: Int
            do {
                (scanHash, pageCount) = try survey.get()
                try store.upsert(document: document)
                try store.setPageCount(documentID: document.id, count: pageCount, scanHash: scanHash)
            } catch {
                // A full disk is no fault of the scan: the run stops, to be run again once there is room.
                let mapped = DiskSpace.mapped(error, writing: "ghi tài liệu \(document.id) vào danh mục", folder: folder)
                if DiskSpace.isDescribed(mapped) { throw mapped }
                summary.skipped.append(SkippedItem(place: "\(document.id) (\(Self.relative(url, to: batch)))",
                                                   reason: Self.reason(error)))
                return
            }
            accepted.append(document)
            for number in 1...pageCount {
                let sourceHash = Page.sourceHash(scanHash: scanHash, page: number)
                if let existing = try store.page(documentID: document.id, number: number), existing.sourceHash == sourceHash {
                    continue
                }
                if var copy = try store.page(sourceHash: sourceHash) {
                    copy.documentID = document.id
                    copy.number = number
                    try DiskSpace.mapping(writing: "ghi trang \(number) của \(document.id) vào danh mục", folder: folder) {
                        try store.save(page: copy)
                    }
                    summary.reused += 1
                    continue
                }
                jobs.append(PageJob(documentID: document.id, url: url, place: Self.relative(url, to: batch), number: number,
                                    sourceHash: sourceHash))
            }
        })

        // 2. Recognition, one engine per core; each page committed at once, under this worker's claim.
        if !jobs.isEmpty {
            let (recognised, failures) = try recognise(jobs, reader: reader, folder: folder)
            summary.recognised = recognised
            summary.skipped += failures
        }

        reader.marks.clearIdle()

        // A document none of whose pages could be read stays out of the index (and is retried next run).
        accepted = try accepted.filter { !(try store.pageNumbers(documentID: $0.id)).isEmpty }

        // 3. Index what changed.
        let indexer = try IndexMaintainer(data: data, store: store)
        summary.indexed = try indexer.update(documentIDs: accepted.map(\.id), quiet: options.quiet,
                                             checkLocalIndex: data.sharesCatalogue)

        for document in accepted {
            summary.documents += 1
            summary.pages += try store.pageNumbers(documentID: document.id).count
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    static func place(_ problem: ImportProblem) -> String {
        var place = problem.file
        if let row = problem.row { place += ", dòng \(row)" }
        if let column = problem.column { place += ", cột \(column)" }
        return place
    }

    static func relative(_ url: URL, to base: URL) -> String {
        let path = url.path, root = base.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case let e as ScanError: return e.reason
        case let e as HosoError: return e.message
        case let e as CatalogueError: return e.message
        default: return String(describing: error)
        }
    }
}

/// The first full-disk error of a recognition run, shared with its workers (also thrown by them, in place of
/// loading a page, once it is set).
final class FullDisk: Error, @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return first }
    func record(_ error: Error) { lock.lock(); if first == nil { first = error }; lock.unlock() }
}

extension Page {
    /// A catalogue page from what Tesseract (or a PDF text layer) gave.
    init(recognized page: RecognizedPage, documentID: String, number: Int, sourceHash: String) {
        self.init(documentID: documentID, number: number, text: page.text,
                  words: page.words.map { StoredWord(text: $0.text, x: $0.x, y: $0.y, width: $0.width,
                                                     height: $0.height, confidence: $0.confidence) },
                  meanConfidence: page.meanConfidence, preprocessing: page.preprocessing, engine: page.engine,
                  sourceHash: sourceHash, width: page.width, height: page.height,
                  textSource: PageTextSource(rawValue: page.source.rawValue) ?? .ocr, layerScore: page.layerScore,
                  recognizedText: page.recognizedText)
    }
}
