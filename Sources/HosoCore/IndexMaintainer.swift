import Catalogue
import Dispatch
import Foundation
import SearchIndex
import VietText

/// Keeps the Xapian index in step with the catalogue.
///
/// The index lives in `DIR/index-<generation>/`, one Xapian database per access level (`l1`, `l2`, `l3`,
/// see `IndexLayout`); `DIR/index.stub` (a Xapian stub database file) names the current generation.
/// Readers open the levels their role may see. `rebuild()` writes a whole new generation and then
/// switches the stub with an atomic rename, so searches keep answering from the old one during the rebuild.
public final class IndexMaintainer {
    /// Bump when the term scheme changes: every document is then reindexed. (The split into one database
    /// per access level did not change it: a generation of the older single-database layout is rebuilt by
    /// the next `update` or `rebuild` instead, see `update(documentIDs:)`.) 3: no positions, pairs only.
    public static let schemeVersion = 3

    let data: DataDirectory
    let store: CatalogueStore
    let analyzer: Analyzer
    /// Documents the last `rebuild()` found already written in a half-built generation and skipped.
    public private(set) var lastRebuildResumed = 0

    public init(data: DataDirectory, store: CatalogueStore, analyzer: Analyzer = Analyzer()) throws {
        self.data = data
        self.store = store
        self.analyzer = analyzer
    }

    /// The directory of the current index generation, creating the first one (split by level, its level
    /// databases created) when there is none.
    func currentIndexDirectory() throws -> String {
        let current = try Self.readStub(data.indexStubPath)
        if let current, case let kind = IndexLayout.kind(of: current), kind != .missing {
            // A process killed while creating the first generation may have left a level database unfinished:
            // one without its revision file was never committed, so it holds nothing and is made again.
            if kind == .split {
                var unfinished = false
                for level in IndexLayout.levels {
                    let path = IndexLayout.levelPath(current, level: level)
                    guard !FileManager.default.fileExists(atPath: path + "/iamglass") else { continue }
                    try? FileManager.default.removeItem(atPath: path)
                    unfinished = true
                }
                if unfinished { try openLevelWriters(current).close() }
            }
            return current
        }
        let path = current ?? data.url.appendingPathComponent("index-1").path
        try IndexLayout.create(path)
        try openLevelWriters(path).close()
        if current == nil { try Self.writeStub(data.indexStubPath, target: URL(fileURLWithPath: path).lastPathComponent) }
        return path
    }

    /// Updates the documents whose metadata, pages or term scheme changed since they were last indexed.
    /// Returns how many were written. Each goes into the database of its access level and out of the
    /// others'. When the current generation is a single database (written before the split by access
    /// level), the whole index is rebuilt instead, into a split generation (returns the documents written).
    @discardableResult
    public func update(documentIDs: [String], quiet: Bool = true) throws -> Int {
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
        // Catalogue reads and analysis on every core; the writes, in order, here.
        try Pipeline.run(documentIDs, transform: { [self] id -> (stamp: Int, access: Int, document: PreparedDocument)? in
            guard let (doc, stamp) = try indexable(id) else { return nil }
            if try store.documentState(id: id).indexedVersion == stamp { return nil }
            return (stamp, doc.access, try indexer.prepare(doc))
        }, consume: { id, prepared in
            defer { progress.advance() }
            guard let prepared else { return }
            try writers.replace(prepared.document, documentID: id, access: prepared.access)
            pending.append((id, prepared.stamp))
            written += 1
            if pending.count >= 200 { try flush(writers, &pending) }
        })
        try flush(writers, &pending)
        try writers.close()
        progress.finish()
        return written
    }

    /// Rebuilds the whole index from the catalogue into a new generation, then switches to it atomically.
    ///
    /// The documents, in catalogue order (hồ sơ, Số thứ tự), are cut into contiguous partitions (`partitionCount`:
    /// at least `partitionsPerWorker` per worker, default one worker per core, of at most `partitionDocuments`),
    /// built `workers` at a time, each on its own thread into its own databases (`index-N+1/part-K/l1…l3`:
    /// reading the catalogue, analysis and Xapian's writer all run on every core), then merged in order by
    /// Xapian's compaction into `index-N+2`: the same documents under the same docids as one writer would give.
    ///
    /// Resumable (issue 7): the half-built generation `index-N+1/` is kept when a rebuild dies, with its
    /// partition boundaries (`index-N+1/partitions`) and its progress file `index-N+1.progress` listing the
    /// partitions done and (`id<TAB>stamp`) their documents; the next rebuild keeps the boundaries, reuses the
    /// partitions done (skipping their documents whose stamp is unchanged) and builds the others again from
    /// nothing. Each partition commits every `commitEvery` of its documents, without fsync: a partition counts
    /// as done once it is built and its files are on disk (`IndexLayout.makeDurable`).
    /// While it runs it holds the writer lock of the current generation, so an ingest cannot write there a
    /// change the new generation would miss (that ingest fails with `unavailable` and can be run again).
    @discardableResult
    public func rebuild(quiet: Bool = true, commitEvery: Int = 200, workers: Int = 0) throws -> Int {
        let keys = try store.allDocumentKeys()
        let workers = workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount
        let current = try Self.readStub(data.indexStubPath)
        let generation = (current.flatMap { Self.generationNumber($0) } ?? 0) + 1
        let name = "index-\(generation)"
        let path = data.url.appendingPathComponent(name).path
        let progressPath = path + ".progress"
        // The current generation stays readable; its writer locks keep ingests out until the switch.
        let guardWriters: [XapianWritableDatabase]?
        do {
            guardWriters = try current.map { try IndexLayout.lock($0) }
        } catch let e as XapianError where e.errorClass == "DatabaseLockError" {
            throw HosoError(.unavailable, "Chỉ mục đang được một tiến trình khác ghi (\(current ?? "")); hãy chờ tiến trình đó xong")
        }
        defer { for w in guardWriters ?? [] { try? w.close() } }
        removeStaleGenerations(keeping: [current, path].compactMap { $0 })
        // Only a half-built generation of this layout and term scheme with partitions done, every database of
        // which opens, can be resumed (not one of an older hoso: one database, levels without partitions,
        // progress recorded by commit, another scheme).
        var boundaries = PartitionBoundaries.read(generation: path)
        let recorded = boundaries == nil ? RebuildProgress() : Self.readProgress(progressPath)
        if let b = boundaries, recorded.partitions.isEmpty || !recorded.partitions.allSatisfy({ k in
            k < b.count && IndexLayout.levels.allSatisfy { level in
                (try? IndexWriter.schemaVersion(at: IndexLayout.levelPath(b.partPath(path, k), level: level))) == IndexWriter.schemaVersion
            }
        }) {
            boundaries = nil
        }
        let resuming = boundaries != nil
        if !resuming {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: progressPath)
            let parts = Self.partitionCount(documents: keys.count, workers: workers)
            let b = PartitionBoundaries(first: (1..<parts).map { k in
                let key = keys[k * keys.count / parts]
                return PartitionBoundaries.Key(fileID: key.fileID, ordinal: key.ordinal)
            })
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try b.write(generation: path)
            boundaries = b
        }
        let partition = boundaries!
        let done = resuming ? recorded.documents : [:]
        let reused = resuming ? recorded.partitions : []
        var slices = [[String]](repeating: [], count: partition.count)
        for key in keys {
            slices[partition.index(of: .init(fileID: key.fileID, ordinal: key.ordinal))].append(key.id)
        }
        var writers: [LevelWriters] = []
        defer { for w in writers { try? w.close() } } // after an error: the partitions done stay, for resuming
        for k in 0..<partition.count {
            let partPath = partition.partPath(path, k)
            if reused.contains(k) {
                // Done and on disk: changed documents are written in place, with Xapian's own syncing, so it stays
                // whole whatever happens (its new lines are recorded after the commits).
                writers.append(try openLevelWriters(partPath))
            } else {
                // Not done: what it holds was written without fsync, and may be torn if the machine stopped.
                if FileManager.default.fileExists(atPath: partPath) { try FileManager.default.removeItem(atPath: partPath) }
                try IndexLayout.create(partPath)
                // Xapian's DB_NO_SYNC: its commits are written to the page cache, not forced to disk (each forced
                // several fsyncs per level, every `commitEvery` documents). A process killed (SIGKILL, a crash)
                // loses nothing written to the page cache; a machine that stops may lose or tear any of it, which
                // is why the partition counts as done only after `IndexLayout.makeDurable` has fsynced all its
                // files, and one not done is built again from nothing. The compacted generation and the in-place
                // updates of an ingest keep Xapian's syncing.
                writers.append(try openLevelWriters(partPath, sync: false))
            }
        }
        let log = try ProgressLog(path: progressPath) // a partition's lines once it is done and on disk
        defer { log.close() }
        let progress = ProgressReporter(label: "Lập lại chỉ mục", total: keys.count, quiet: quiet)
        let indexer = DocumentIndexer(analyzer: analyzer)
        let results = PartitionResults(count: partition.count)
        let step = max(1, commitEvery)
        // `workers` threads, each taking the next partition not begun.
        let threads = max(1, min(workers, partition.count))
        DispatchQueue.concurrentPerform(iterations: threads) { [self] _ in
            while let k = results.nextPartition() {
                let w = writers[k]
                let fresh = !reused.contains(k)
                var stamps: [(String, Int)] = [], written: [(String, Int)] = [], resumed = 0, pending = 0
                let lastFile = LastFile()
                do {
                    // The catalogue read a batch of documents at a time, in the partition's order.
                    var batch: [String: (document: Document, pages: [(number: Int, text: String)])] = [:]
                    for (n, id) in slices[k].enumerated() {
                        if results.failed { return }
                        defer { progress.advance() }
                        if n % Self.readBatch == 0 {
                            batch = try store.documentsWithPages(ids: Array(slices[k][n..<min(n + Self.readBatch, slices[k].count)]))
                        }
                        guard let stored = batch[id], let (doc, stamp) = try indexable(stored, lastFile: lastFile) else { continue }
                        stamps.append((id, stamp))
                        if !fresh, done[id] == stamp { resumed += 1; continue }
                        let prepared = try indexer.prepare(doc)
                        // A fresh partition holds nothing yet; a reused one may hold the document, maybe at another
                        // access level: replaced by its id term in every level.
                        if fresh {
                            try w.add(prepared, documentID: id, access: doc.access)
                        } else {
                            try w.replace(prepared, documentID: id, access: doc.access)
                        }
                        written.append((id, stamp))
                        pending += 1
                        if pending >= step {
                            try w.commit()
                            pending = 0
                        }
                    }
                    try w.close() // done: its memory back before the next partition
                    if fresh { try IndexLayout.makeDurable(partition.partPath(path, k)) }
                    try log.append(written, done: k)
                    results.set(k, stamps: stamps, resumed: resumed)
                } catch {
                    results.fail(error)
                }
            }
        }
        if let error = results.error { throw error }
        for w in writers { try w.close() }
        writers.removeAll()
        log.close()
        progress.finish()
        lastRebuildResumed = results.resumed
        // Merged and compacted into the next generation number (full B-tree blocks: about half the size,
        // bench/scale); a crash before the switch leaves the built generation and its progress, so the next
        // run only compacts again.
        if !quiet { printError("Đang gộp và nén chỉ mục mới…") }
        let compacting = Date()
        let compactName = "index-\(generation + 1)"
        let compactPath = data.url.appendingPathComponent(compactName).path
        try? FileManager.default.removeItem(atPath: compactPath)
        // Meanwhile, on the core the compaction leaves free (its longest level runs alone at the end), the
        // catalogue's marks are written in a transaction that commits only after the switch (`SwitchGate`).
        let gate = SwitchGate()
        let marking = DispatchGroup()
        nonisolated(unsafe) var marked: Error?
        let stamps = results.stamps.map { (documentID: $0.0, version: $0.1) }
        DispatchQueue.global().async(group: marking) { [store] in
            do { try store.markIndexed(stamps, beforeCommit: gate.wait) } catch { marked = error }
        }
        do {
            try IndexLayout.compact(parts: (0..<partition.count).map { partition.partPath(path, $0) }, into: compactPath)
            try Self.writeStub(data.indexStubPath, target: compactName)
        } catch {
            gate.open(switched: false)
            marking.wait()
            throw error
        }
        gate.open(switched: true)
        if !quiet { printError("Đã chuyển sang chỉ mục mới (gộp và nén: \(ProgressReporter.duration(Date().timeIntervalSince(compacting))))") }
        try? FileManager.default.removeItem(atPath: progressPath)
        for w in guardWriters ?? [] { try w.close() }
        // The partitions and the generation searched until now removed side by side (unlinking gigabytes is the
        // kernel's work: seconds at a million pages).
        let removed = [path] + [current].compactMap { $0 }.filter { $0 != compactPath }
        DispatchQueue.concurrentPerform(iterations: removed.count) { try? FileManager.default.removeItem(atPath: removed[$0]) }
        marking.wait()
        if let marked { throw marked }
        return results.stamps.count
    }

    /// Documents a rebuild reads from the catalogue at a time.
    static let readBatch = 32

    /// Documents per partition at most (about 20,000 pages). Xapian's commits slow down as a database grows
    /// (bench/scale: from 490 to under 200 documents/s by 250,000 documents per partition; 50,000-document
    /// partitions gave 1,251 pages/s at a million pages where 5,000-document ones give 1,700–1,900 at 20,000);
    /// small partitions, merged by the compaction that ends every rebuild anyway, keep them fast.
    static let partitionDocuments = 10_000

    /// Partitions per worker at least: the threads take the next partition not begun, so with several each
    /// they finish together (with one each, the one with more pages ran alone at the end).
    static let partitionsPerWorker = 4

    /// Partitions for a rebuild: a multiple of `workers` (the threads that build them side by side), at least
    /// `partitionsPerWorker` each, of at most `partitionDocuments` documents; never more than the documents.
    static func partitionCount(documents: Int, workers: Int) -> Int {
        let w = max(1, workers)
        let rounds = (documents + w * partitionDocuments - 1) / (w * partitionDocuments)
        return max(1, min(documents, w * max(partitionsPerWorker, rounds)))
    }

    static func generationNumber(_ path: String) -> Int? {
        let last = URL(fileURLWithPath: path).lastPathComponent
        guard last.hasPrefix("index-") else { return nil }
        return Int(last.dropFirst("index-".count))
    }

    /// Removes `index-K/` folders (and progress files) that are neither current nor being built: left by a
    /// rebuild killed after its switch.
    private func removeStaleGenerations(keeping: [String]) {
        let keep = Set(keeping.map { URL(fileURLWithPath: $0).lastPathComponent })
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: data.url.path) else { return }
        for n in names where n.hasPrefix("index-") {
            let base = n.hasSuffix(".progress") ? String(n.dropLast(".progress".count)) : n
            guard Self.generationNumber(base) != nil, !keep.contains(base) else { continue }
            try? FileManager.default.removeItem(atPath: data.url.appendingPathComponent(n).path)
        }
    }

    /// The progress file of a half-built generation: `#done<TAB>K` lines, and `id<TAB>stamp` lines; a torn
    /// last line is ignored.
    static func readProgress(_ path: String) -> RebuildProgress {
        var out = RebuildProgress()
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return out }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let number = Int(parts[1]) else { continue }
            if parts[0] == RebuildProgress.doneMark {
                out.partitions.insert(number)
            } else {
                out.documents[String(parts[0])] = number
            }
        }
        return out
    }

    private func flush(_ writers: LevelWriters, _ pending: inout [(String, Int)]) throws {
        guard !pending.isEmpty else { return }
        try writers.commit()
        try store.markIndexed(pending.map { (documentID: $0.0, version: $0.1) })
        pending.removeAll()
    }

    /// `sync: false`: commits not fsynced (`XapianWritableDatabase`), for a rebuild's partitions only.
    private func openLevelWriters(_ generation: String, sync: Bool = true) throws -> LevelWriters {
        try LevelWriters(generation: generation, open: { try self.openWriter(path: $0, sync: sync) })
    }

    private func openWriter(path: String, sync: Bool) throws -> IndexWriter {
        let indexer = DocumentIndexer(analyzer: analyzer)
        do {
            return try IndexWriter(path: path, indexer: indexer, sync: sync)
        } catch let e as XapianError where e.errorClass == "DatabaseLockError" {
            throw HosoError(.unavailable, "Chỉ mục đang được một tiến trình khác ghi (\(path)); hãy chờ tiến trình đó xong")
        } catch SearchIndexError.schemaMismatch(let found, let expected) {
            throw HosoError(.unavailable, "Chỉ mục được lập theo lược đồ \(found), phiên bản này cần lược đồ \(expected): hãy chạy hoso reindex")
        }
    }

    /// The index form of a catalogue document and a stamp of everything that goes into it.
    /// `lastFile` keeps the hồ sơ read for the document before (one thread's, within one run): a rebuild
    /// reads the documents of each hồ sơ one after the other.
    func indexable(_ id: String, lastFile: LastFile? = nil) throws -> (IndexableDocument, Int)? {
        guard let stored = try store.documentWithPages(id: id) else { return nil }
        return try indexable(stored, lastFile: lastFile)
    }

    /// `indexable` of a document read already, with its pages.
    func indexable(_ stored: (document: Document, pages: [(number: Int, text: String)]),
                   lastFile: LastFile? = nil) throws -> (IndexableDocument, Int)? {
        let (d, pages) = stored
        let file: LastFile.Entry
        if let f = lastFile?.entry, f.file.id == d.fileID {
            file = f
        } else {
            guard let f = try store.file(id: d.fileID) else { return nil }
            file = LastFile.Entry(f)
            lastFile?.entry = file
        }
        var extra = file.file.extra
        for (k, v) in d.extra { extra[k] = v }
        let doc = IndexableDocument(
            id: d.id, fileID: d.fileID, title: d.title, documentType: d.type, number: d.number, symbol: d.symbol,
            dateSortKey: d.date?.sortKey, year: d.date?.year ?? file.file.startDate?.year, issuer: d.issuer,
            summary: d.summary, signer: d.signer, fileTitle: file.file.title, fonds: file.file.fonds,
            retention: file.retention, access: d.access.rawValue, extra: extra, pages: pages.map(\.text))
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
        for field in ["\(Self.schemeVersion)", doc.id, doc.fileID, doc.title, doc.documentType ?? "", doc.number ?? "",
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

    static func readStub(_ path: String) throws -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("auto ") {
            let target = String(line.dropFirst(5)).trimmingCharacters(in: .whitespaces)
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(target).path
        }
        return nil
    }

    static func writeStub(_ path: String, target: String) throws {
        let tmp = path + ".tmp"
        try Data("auto \(target)\n".utf8).write(to: URL(fileURLWithPath: tmp))
        guard rename(tmp, path) == 0 else {
            throw HosoError(.unavailable, "Không chuyển được sang chỉ mục mới (\(String(cString: strerror(errno))))")
        }
    }
}

/// Holds a rebuild's catalogue marks uncommitted until the new generation is the one searched: `wait` (in the
/// marks' transaction) returns once `open(switched: true)`, and throws once `open(switched: false)`, so the
/// marks are rolled back when the switch did not happen.
final class SwitchGate: @unchecked Sendable {
    private let opened = DispatchSemaphore(value: 0)
    private var switched = false

    func open(switched: Bool) {
        self.switched = switched
        opened.signal()
    }

    func wait() throws {
        opened.wait()
        guard switched else { throw HosoError(.unavailable, "Chỉ mục mới chưa được chuyển sang: không ghi dấu đã lập chỉ mục") }
    }
}

/// The hồ sơ of the document read last by one thread.
final class LastFile {
    /// A hồ sơ and what its documents take from it, worked out once.
    struct Entry {
        let file: ArchiveFile
        /// Thời hạn lưu trữ as its code, or as written when it is none.
        let retention: String?
        init(_ file: ArchiveFile) {
            self.file = file
            retention = file.retentionCode ?? file.retention
        }
    }
    var entry: Entry?
}

/// How a rebuild cuts the catalogue into partitions built side by side: the first document (hồ sơ,
/// Số thứ tự) of every partition but the first, kept in `index-N+1/partitions` so a resumed rebuild puts
/// each document into the partition that may already hold it.
struct PartitionBoundaries: Equatable {
    /// A document's place in catalogue order: hồ sơ id (compared byte by byte, as SQLite does), then Số thứ tự.
    struct Key: Equatable, Comparable {
        var fileID: String
        var ordinal: Int
        static func == (a: Key, b: Key) -> Bool { a.fileID.utf8Equals(b.fileID) && a.ordinal == b.ordinal }
        static func < (a: Key, b: Key) -> Bool {
            if !a.fileID.utf8Equals(b.fileID) { return a.fileID.utf8.lexicographicallyPrecedes(b.fileID.utf8) }
            return a.ordinal < b.ordinal
        }
    }

    var first: [Key]
    var count: Int { first.count + 1 }
    static let fileName = "partitions"

    /// The partition of a document: how many boundaries it is at or after.
    func index(of key: Key) -> Int {
        var lo = 0, hi = first.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if first[mid] <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func partPath(_ generation: String, _ k: Int) -> String {
        URL(fileURLWithPath: generation).appendingPathComponent("part-\(k + 1)").path
    }

    /// The boundaries of a half-built generation, nil when it has none (not begun, or an older layout).
    static func read(generation: String) -> PartitionBoundaries? {
        let url = URL(fileURLWithPath: generation).appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8), text.hasPrefix("hoso-partitions 1\n") else { return nil }
        var keys: [Key] = []
        for line in text.split(separator: "\n").dropFirst() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, let ordinal = Int(parts[1]) else { return nil }
            keys.append(Key(fileID: String(parts[0]), ordinal: ordinal))
        }
        return PartitionBoundaries(first: keys)
    }

    /// Written (atomically) before any partition database.
    func write(generation: String) throws {
        let text = "hoso-partitions 1\n" + first.map { "\($0.fileID)\t\($0.ordinal)\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: generation).appendingPathComponent(Self.fileName), options: .atomic)
    }
}

/// What the partitions of a rebuild give back: the stamps of their documents (in catalogue order once
/// all are in), the documents skipped as already built, the first error.
final class PartitionResults: @unchecked Sendable {
    private let lock = NSLock()
    private var perPartition: [[(String, Int)]]
    private var skipped = 0
    private var firstError: Error?

    private var taken = 0

    init(count: Int) { perPartition = Array(repeating: [], count: count) }

    /// The next partition to build, nil when all are taken or a partition failed.
    func nextPartition() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard firstError == nil, taken < perPartition.count else { return nil }
        taken += 1
        return taken - 1
    }

    func set(_ k: Int, stamps: [(String, Int)], resumed: Int) {
        lock.lock(); defer { lock.unlock() }
        perPartition[k] = stamps
        skipped += resumed
    }

    func fail(_ error: Error) {
        lock.lock(); defer { lock.unlock() }
        if firstError == nil { firstError = error }
    }

    var failed: Bool { lock.lock(); defer { lock.unlock() }; return firstError != nil }
    var error: Error? { lock.lock(); defer { lock.unlock() }; return firstError }
    var stamps: [(String, Int)] { lock.lock(); defer { lock.unlock() }; return perPartition.flatMap { $0 } }
    var resumed: Int { lock.lock(); defer { lock.unlock() }; return skipped }
}

/// What the progress file of a half-built generation records: the partitions done and the stamps of their
/// documents. A document line counts only in a partition done: it may be the line of a partition whose
/// `#done` line a stopped machine lost, and which is built again from nothing.
struct RebuildProgress {
    static let doneMark = "#done"   // `#` never starts a document id
    var documents: [String: Int] = [:]
    var partitions: Set<Int> = []
}

/// The append-only progress file of a rebuild: each partition's lines, written (and synced) once it is done,
/// by any partition's thread.
final class ProgressLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()
    private var closed = false

    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let h = FileHandle(forWritingAtPath: path) else {
            throw HosoError(.unavailable, "Không ghi được tệp tiến độ \(path)")
        }
        handle = h
        handle.seekToEndOfFile()
    }

    /// Records partition `k` as done, with the documents written into it (`id`, stamp): only once its files
    /// are on disk.
    func append(_ entries: [(String, Int)], done k: Int) throws {
        lock.lock(); defer { lock.unlock() }
        // A line torn by a crash is dropped on reading; start on a fresh line to keep the next ones whole. The
        // `#done` line last: without it the documents' lines do not count.
        let text = "\n" + entries.map { "\($0.0)\t\($0.1)\n" }.joined() + "\(RebuildProgress.doneMark)\t\(k)\n"
        try handle.write(contentsOf: Data(text.utf8))
        try handle.synchronize()
    }

    func close() {
        lock.lock(); defer { lock.unlock() }
        if !closed { try? handle.close() }
        closed = true
    }
}
