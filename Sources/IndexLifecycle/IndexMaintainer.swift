import Catalogue
import DataFolder
import Dispatch
import Foundation
import IndexSchema
import SearchIndex
import VietText
import Xapian

/// Keeps the Xapian index in step with the catalogue.
///
/// The index lives in `DIR/index-<generation>/`, one Xapian database per access level (`l1`, `l2`, `l3`,
/// see `IndexLayout`); `DIR/index.stub` (a Xapian stub database file) names the current generation.
/// Readers open the levels their role may see. `rebuild()` writes a whole new generation and then
/// switches the stub with an atomic rename, so searches keep answering from the old one during the rebuild.
public final class IndexMaintainer {
    let data: DataDirectory
    let store: any ArchiveCatalogue
    let analyzer: Analyzer
    /// Documents the last `rebuild()` found already written in a half-built generation and skipped.
    public internal(set) var lastRebuildResumed = 0
    /// A rebuild first checks that the disk has room for it (`spaceNeeded`); off only to test a disk that
    /// fills during the rebuild.
    var checksSpaceFirst = true

    public init(data: DataDirectory, store: any ArchiveCatalogue, analyzer: Analyzer = Analyzer()) throws {
        self.data = data
        self.store = store
        self.analyzer = analyzer
    }

    /// The directory of the current index generation, creating the first one (split by level, its level
    /// databases created) when there is none.
    func currentIndexDirectory() throws -> String {
        let current = try IndexStub.read(data.indexStubPath)
        if let current, case let kind = IndexLayout.kind(of: current), kind != .missing {
            // A process killed while creating the first generation may have left a level database unfinished:
            // one without its revision file and with empty tables was never committed, so it is made again.
            // One whose tables hold data lost its revision file later: damaged, and only a rebuild restores it.
            if kind == .split {
                var unfinished = false
                for level in IndexLayout.levels {
                    let path = IndexLayout.levelPath(current, level: level)
                    guard !FileManager.default.fileExists(atPath: path + "/iamglass") else { continue }
                    guard !Self.holdsData(path) else {
                        throw HosoError(.unavailable, "Chỉ mục cấp \(level) (\(path)) hỏng: thiếu tệp iamglass nhưng các bảng có dữ liệu. "
                            + "Chạy hoso reindex --data \(data.url.path) để dựng lại chỉ mục từ danh mục")
                    }
                    try? FileManager.default.removeItem(atPath: path)
                    unfinished = true
                }
                if unfinished { try openLevelWriters(current).close() }
            }
            return current
        }
        let path = current ?? data.url.appendingPathComponent("index-1").path
        // No stub yet: the first generation was never named, so it holds nothing; a process killed while
        // creating it may have left a level database torn (tables without a revision file): made again.
        if current == nil { try? FileManager.default.removeItem(atPath: path) }
        try IndexLayout.create(path)
        try openLevelWriters(path).close()
        if current == nil { try IndexStub.write(data.indexStubPath, target: URL(fileURLWithPath: path).lastPathComponent) }
        return path
    }

    /// Whether a database folder has a table file with bytes in it (a torn creation leaves them empty).
    static func holdsData(_ path: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.contains { name in
            name.hasSuffix(".glass")
                && ((try? FileManager.default.attributesOfItem(atPath: path + "/" + name)[.size] as? Int) ?? 0) > 0
        }
    }

    /// Updates the documents whose metadata, pages or term scheme changed since they were last indexed.
    /// Returns how many were written. Each goes into the database of its access level and out of the
    /// others'. When the current generation is a single database (written before the split by access
    /// level), the whole index is rebuilt instead, into a split generation (returns the documents written).
    ///
    /// `checkLocalIndex`: the catalogue is shared by workers that each keep their own index, so a document the
    /// catalogue records as indexed (by another worker, in its folder) is written too when this index lacks it.
    @discardableResult
    public func update(documentIDs: [String], quiet: Bool = true, checkLocalIndex: Bool = false) throws -> Int {
        try DiskSpace.mapping(writing: "cập nhật chỉ mục", folder: data.url.path,
                              note: "tài liệu chưa kịp lập chỉ mục sẽ được lập ở lần chạy sau") {
            try updateIndex(documentIDs: documentIDs, quiet: quiet, checkLocalIndex: checkLocalIndex)
        }
    }

    private func updateIndex(documentIDs: [String], quiet: Bool, checkLocalIndex: Bool) throws -> Int {
        let generation = try currentIndexDirectory()
        guard IndexLayout.kind(of: generation) == .split else {
            if !quiet {
                printError("Chỉ mục hiện hành là một cơ sở dữ liệu chung cho mọi mức truy cập (bản cũ): lập lại chỉ mục theo từng mức truy cập.")
            }
            return try rebuild(quiet: quiet)
        }
        let writers = try openLevelWriters(generation)
        var pending: [(String, Int)] = []
        var written = 0
        let progress = ProgressReporter(label: "Lập chỉ mục", total: documentIDs.count, quiet: quiet)
        let indexer = DocumentIndexer(analyzer: analyzer)
        // Catalogue reads and analysis on every core; the writes, in order, here. A document the catalogue records
        // as indexed is analysed (here, in order) only when this folder's index lacks it: a re-run over a shared
        // catalogue finds most of them held.
        try OrderedParallelMap.run(documentIDs, transform: { [self] id -> (stamp: Int, access: Int, document: IndexableDocument, prepared: PreparedDocument?)? in
            guard let (doc, stamp) = try indexable(id) else { return nil }
            let marked = try store.documentState(id: id).indexedVersion == stamp
            if marked && !checkLocalIndex { return nil }
            return (stamp, doc.access, doc, marked ? nil : try indexer.prepare(doc))
        }, consume: { id, found in
            defer { progress.advance() }
            guard let found else { return }
            let prepared: PreparedDocument
            if let ready = found.prepared {
                prepared = ready
            } else {
                if try writers.holds(documentID: id, access: found.access) { return }
                prepared = try indexer.prepare(found.document)
            }
            try writers.replace(prepared, documentID: id, access: found.access)
            pending.append((id, found.stamp))
            written += 1
            if pending.count >= 200 { try flush(writers, &pending) }
        })
        try flush(writers, &pending)
        try writers.close()
        progress.finish()
        return written
    }

    func flush(_ writers: LevelWriters, _ pending: inout [(String, Int)]) throws {
        guard !pending.isEmpty else { return }
        try writers.commit()
        try store.markIndexed(pending.map { (documentID: $0.0, version: $0.1) })
        pending.removeAll()
    }

    /// `sync: false`: commits not fsynced (`XapianWritableDatabase`), for a rebuild's partitions only.
    func openLevelWriters(_ generation: String, sync: Bool = true) throws -> LevelWriters {
        try LevelWriters(generation: generation, open: { try self.openWriter(path: $0, sync: sync) })
    }

    func openWriter(path: String, sync: Bool) throws -> IndexWriter {
        let indexer = DocumentIndexer(analyzer: analyzer)
        do {
            return try IndexWriter(path: path, indexer: indexer, sync: sync)
        } catch let e as XapianError where e.errorClass == "DatabaseLockError" {
            throw HosoError(.unavailable, "Chỉ mục đang được một tiến trình khác ghi (\(path)); hãy chờ tiến trình đó xong")
        } catch let e as XapianError where ["DatabaseCorruptError", "DatabaseOpeningError", "DatabaseVersionError"].contains(e.errorClass) {
            throw HosoError(.unavailable, "Chỉ mục \(path) bị hỏng hoặc không mở được (\(e.message)): hãy chạy hoso reindex để lập lại từ danh mục")
        } catch SearchIndexError.schemaMismatch(let found, let expected) {
            throw HosoError(.unavailable, "Chỉ mục được lập theo lược đồ \(found), phiên bản này cần lược đồ \(expected): hãy chạy hoso reindex")
        }
    }

    /// The index form of a catalogue document and a stamp of everything that goes into it.
    /// `lastFile` keeps the hồ sơ read for the document before (one thread's, within one run): a rebuild
    /// reads the documents of each hồ sơ one after the other.
    func indexable(_ id: String, lastFile: LastFileCache? = nil) throws -> (IndexableDocument, Int)? {
        guard let stored = try store.documentWithPages(id: id) else { return nil }
        return try indexable(stored, lastFile: lastFile)
    }

    /// `indexable` of a document read already, with its pages.
    func indexable(_ stored: (document: Document, pages: [(number: Int, text: String)]),
                   lastFile: LastFileCache? = nil) throws -> (IndexableDocument, Int)? {
        let (d, pages) = stored
        let file: LastFileCache.Entry
        if let f = lastFile?.entry, f.file.id == d.fileID {
            file = f
        } else {
            guard let f = try store.file(id: d.fileID) else { return nil }
            file = LastFileCache.Entry(f)
            lastFile?.entry = file
        }
        let doc = IndexableDocument(document: d, file: file.file, retention: file.retention, pages: pages.map(\.text))
        return (doc, Self.stamp(doc))
    }

    /// A stamp of everything that goes into a document's index entry, the same in every run: the first 60 bits
    /// of the SHA-256 of its fields, extra columns (`name=value`, by name) and pages joined by U+001F.
    static func stamp(_ doc: IndexableDocument) -> Int {
        // Hashed part by part, as their bytes joined would be (the pages are most of them: not copied again).
        var hasher = SHA256()
        var first = true
        func part(_ text: String) {
            if !first { hasher.update(Self.stampSeparator) }
            first = false
            var text = text
            text.withUTF8 { hasher.update(UnsafeRawBufferPointer($0)) }
        }
        for field in ["\(IndexSchema.version)", doc.id, doc.fileID, doc.title, doc.documentType ?? "", doc.number ?? "",
                      doc.symbol ?? "", doc.dateSortKey ?? "", doc.year.map(String.init) ?? "", doc.issuer ?? "",
                      doc.summary ?? "", doc.signer ?? "", doc.fileTitle ?? "", doc.fonds ?? "", doc.retention ?? "",
                      "\(doc.access)"] {
            part(field)
        }
        for (name, value) in doc.extra.sorted(by: { $0.key < $1.key }) { part("\(name)=\(value)") }
        for page in doc.pages { part(page) }
        let digest = SHA256.hexString(hasher.finalize())
        return Int(UInt64(digest.prefix(15), radix: 16) ?? 0)
    }

    private static let stampSeparator: [UInt8] = [0x1F]


}

