import Catalogue
import DataFolder
import Dispatch
import Foundation
import SearchIndex
import Xapian

extension IndexMaintainer {
    /// Rebuilds the whole index from the catalogue into a new generation, then switches to it atomically.
    ///
    /// The documents, in catalogue order (hồ sơ, Số thứ tự), are cut into contiguous partitions (`partitionCount`:
    /// at least `partitionsPerWorker` per worker, default one worker per core, of at most `partitionDocuments`),
    /// built `workers` at a time, each on its own thread into its own databases (`index-N+1/part-K/l1…l3`:
    /// reading the catalogue, analysis and Xapian's writer all run on every core), then merged in order by
    /// Xapian's compaction into `index-N+2`: the same documents under the same docids as one writer would give.
    ///
    /// Resumable: the half-built generation `index-N+1/` is kept when a rebuild dies, with its
    /// partition boundaries (`index-N+1/partitions`) and its progress file `index-N+1.progress` listing the
    /// partitions done and (`id<TAB>stamp`) their documents; the next rebuild keeps the boundaries, reuses the
    /// partitions done (skipping their documents whose stamp is unchanged) and builds the others again from
    /// nothing. Each partition commits every `commitEvery` of its documents, without fsync: a partition counts
    /// as done once it is built and its files are on disk (`IndexLayout.makeDurable`).
    /// While it runs it holds the writer lock of the current generation, so an ingest cannot write there a
    /// change the new generation would miss (that ingest fails with `unavailable` and can be run again).
    /// With a `selection` (`--part i/n`), the new generation holds only the documents of its hồ sơ.
    @discardableResult
    public func rebuild(quiet: Bool = true, commitEvery: Int = 200, workers: Int = 0, selection: DocumentSelection? = nil) throws -> Int {
        let workers = workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount
        let current = try IndexStub.read(data.indexStubPath)
        // The current generation stays readable; its writer locks keep ingests out until the switch.
        let guardWriters: [XapianWritableDatabase]?
        do {
            guardWriters = try current.map { try IndexLayout.lock($0) }
        } catch let e as XapianError where e.errorClass == "DatabaseLockError" {
            throw HosoError(.unavailable, "Chỉ mục đang được một tiến trình khác ghi (\(current ?? "")); hãy chờ tiến trình đó xong")
        } catch let e as XapianError {
            // A damaged generation cannot be locked, nor written by anyone: it is rebuilt from the catalogue.
            if !quiet { printError("Chỉ mục hiện hành \(current ?? "") không mở được (\(e.message)): lập lại từ danh mục.") }
            guardWriters = nil
        }
        defer { for w in guardWriters ?? [] { try? w.close() } }
        let halfBuilt = data.url.appendingPathComponent("index-\((current.flatMap { IndexStub.generationNumber($0) } ?? 0) + 1)").path
        let needed = Self.spaceNeeded(current: current, halfBuilt: halfBuilt)
        if let needed, checksSpaceFirst { try DiskSpace.require(needed, writing: "lập lại chỉ mục", folder: data.url.path) }
        return try DiskSpace.mapping(writing: "lập lại chỉ mục", folder: data.url.path, needed: needed,
                                     note: "thế hệ đang dựng \(URL(fileURLWithPath: halfBuilt).lastPathComponent) được giữ để lần chạy sau tiếp tục") {
            let plan = try planRebuild(current: current, workers: workers, selection: selection ?? .all)
            let results = try buildPartitions(plan, quiet: quiet, commitEvery: commitEvery, workers: workers)
            lastRebuildResumed = results.resumed
            try compactAndSwitch(plan, results, current: current, guardWriters: guardWriters ?? [], quiet: quiet)
            return results.stamps.count
        }
    }

    /// The free space a rebuild needs beside the current generation, nil when there is none to tell by: the
    /// partitions (about `partitionsSpaceFactor` times the current generation, less what a half-built one
    /// holds already) and their compacted copy (about the current generation) are on disk together.
    static func spaceNeeded(current: String?, halfBuilt: String) -> Int64? {
        guard let current, case let size = DiskSpace.size(of: current), size > 0 else { return nil }
        let partitions = max(0, Int64(Double(size) * partitionsSpaceFactor) - DiskSpace.size(of: halfBuilt))
        return partitions + size
    }

    /// The partitions of a rebuild over the size of the generation they replace (measured: `FaultTests`).
    static let partitionsSpaceFactor = 1.5

    /// What a rebuild writes: the half-built generation `index-N+1` (fresh, or kept from a rebuild that died),
    /// its partitions and the documents of each, and what the partitions done already hold.
    struct RebuildPlan {
        var generation: Int
        var path: String
        var progressPath: String
        var partition: PartitionBoundaries
        /// The document ids of each partition, in catalogue order.
        var slices: [[String]]
        /// Partitions done and on disk, reused; their documents' stamps.
        var reused: Set<Int>
        var done: [String: Int]
        var documents: Int
    }

    /// Phase 1, plan or resume: the generation to build and its partitions. Only a half-built generation of
    /// this layout and term scheme with partitions done, every database of which opens, is resumed (not one of
    /// an older hoso: one database, levels without partitions, progress recorded by commit, another scheme).
    func planRebuild(current: String?, workers: Int, selection: DocumentSelection = .all) throws -> RebuildPlan {
        var keys = try store.allDocumentKeys()
        if selection.label != DocumentSelection.all.label { keys = keys.filter { selection.contains($0.fileID) } }
        let generation = (current.flatMap { IndexStub.generationNumber($0) } ?? 0) + 1
        let path = data.url.appendingPathComponent("index-\(generation)").path
        let progressPath = path + ".progress"
        // The generation the current one replaced stays until this rebuild switches: served if the current breaks.
        let previous = current.flatMap { ServedGeneration.olderGenerations(data, than: $0).first }
        removeStaleGenerations(keeping: [current, path, previous].compactMap { $0 })
        var boundaries = PartitionBoundaries.read(generation: path)
        let recorded = boundaries == nil ? RebuildProgress() : Self.readProgress(progressPath)
        // A half-built generation of another selection holds other documents: begun again.
        if let b = boundaries, DocumentSelection.read(generation: path) != selection.label || recorded.partitions.isEmpty
            || !recorded.partitions.allSatisfy({ k in
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
            if selection.label != DocumentSelection.all.label { try selection.write(generation: path) }
            boundaries = b
        }
        let partition = boundaries!
        var slices = [[String]](repeating: [], count: partition.count)
        for key in keys {
            slices[partition.index(of: .init(fileID: key.fileID, ordinal: key.ordinal))].append(key.id)
        }
        return RebuildPlan(generation: generation, path: path, progressPath: progressPath, partition: partition,
                           slices: slices, reused: resuming ? recorded.partitions : [],
                           done: resuming ? recorded.documents : [:], documents: keys.count)
    }

    /// Phase 2, build the partitions: `workers` threads, each taking the next partition not begun, each
    /// partition recorded in the progress file once it is built and on disk.
    func buildPartitions(_ plan: RebuildPlan, quiet: Bool, commitEvery: Int, workers: Int) throws -> PartitionResults {
        var writers: [LevelWriters] = []
        defer { for w in writers { try? w.close() } } // after an error: the partitions done stay, for resuming
        for k in 0..<plan.partition.count {
            let partPath = plan.partition.partPath(plan.path, k)
            if plan.reused.contains(k) {
                // Done and on disk: changed documents are written in place, with Xapian's own syncing, so it stays
                // whole whatever happens (its new lines are recorded after the commits).
                writers.append(try openLevelWriters(partPath))
            } else {
                // Not done: what it holds was written without fsync, and may be torn if the machine stopped.
                if FileManager.default.fileExists(atPath: partPath) { try FileManager.default.removeItem(atPath: partPath) }
                try IndexLayout.create(partPath)
                // Xapian's DB_NO_SYNC: commits go to the page cache, not forced to disk. A killed process loses
                // nothing written there; a machine that stops may lose or tear any of it, which is why a partition
                // counts as done only after `IndexLayout.makeDurable` has fsynced all its files, and one not done
                // is built again from nothing. The compacted generation and an ingest's updates keep Xapian's syncing.
                writers.append(try openLevelWriters(partPath, sync: false))
            }
        }
        let log = try ProgressLog(path: plan.progressPath) // a partition's lines once it is done and on disk
        defer { log.close() }
        let progress = ProgressReporter(label: "Lập lại chỉ mục", total: plan.documents, quiet: quiet)
        let indexer = DocumentIndexer(analyzer: analyzer)
        let results = PartitionResults(count: plan.partition.count)
        let step = max(1, commitEvery)
        let threads = max(1, min(workers, plan.partition.count))
        DispatchQueue.concurrentPerform(iterations: threads) { [self] _ in
            while let k = results.nextPartition() {
                let w = writers[k]
                let fresh = !plan.reused.contains(k)
                let slice = plan.slices[k]
                var stamps: [(String, Int)] = [], written: [(String, Int)] = [], resumed = 0, pending = 0
                let lastFile = LastFileCache()
                do {
                    // The catalogue read a batch of documents at a time, in the partition's order.
                    var batch: [String: (document: Document, pages: [(number: Int, text: String)])] = [:]
                    for (n, id) in slice.enumerated() {
                        if results.failed { return }
                        defer { progress.advance() }
                        if n % Self.readBatch == 0 {
                            batch = try store.documentsWithPages(ids: Array(slice[n..<min(n + Self.readBatch, slice.count)]))
                        }
                        guard let stored = batch[id], let (doc, stamp) = try indexable(stored, lastFile: lastFile) else { continue }
                        stamps.append((id, stamp))
                        if !fresh, plan.done[id] == stamp { resumed += 1; continue }
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
                    if fresh { try IndexLayout.makeDurable(plan.partition.partPath(plan.path, k)) }
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
        return results
    }

    /// Phases 3 and 4, compact and switch, mark: the partitions merged in order by Xapian's compaction into
    /// `index-N+2` (full B-tree blocks: about half the size) and the stub switched to it, while the
    /// catalogue's marks are written, on the core the compaction leaves free, in a transaction that commits
    /// only after the switch (`SwitchGate`). A crash before the switch leaves the built generation and its
    /// progress, so the next run only compacts again.
    func compactAndSwitch(_ plan: RebuildPlan, _ results: PartitionResults, current: String?,
                          guardWriters: [XapianWritableDatabase], quiet: Bool) throws {
        if !quiet { printError("Đang gộp và nén chỉ mục mới…") }
        let compacting = Date()
        let compactName = "index-\(plan.generation + 1)"
        let compactPath = data.url.appendingPathComponent(compactName).path
        try? FileManager.default.removeItem(atPath: compactPath)
        let gate = SwitchGate()
        let marking = DispatchGroup()
        nonisolated(unsafe) var marked: Error?
        let stamps = results.stamps.map { (documentID: $0.0, version: $0.1) }
        DispatchQueue.global().async(group: marking) { [store] in
            do { try store.markIndexed(stamps, beforeCommit: gate.wait) } catch { marked = error }
        }
        do {
            try IndexLayout.compact(parts: (0..<plan.partition.count).map { plan.partition.partPath(plan.path, $0) }, into: compactPath)
            // The generation served keeps the part it holds, for `hoso verify` to compare with the catalogue.
            let selection = DocumentSelection.read(generation: plan.path)
            if selection != DocumentSelection.all.label { try DocumentSelection.write(label: selection, generation: compactPath) }
            try GenerationChecksums.write(compactPath)
            try IndexStub.write(data.indexStubPath, target: compactName)
        } catch {
            gate.open(switched: false)
            marking.wait()
            // A compaction cut short holds nothing to keep, and may hold what the disk lacks.
            try? FileManager.default.removeItem(atPath: compactPath)
            throw error
        }
        gate.open(switched: true)
        if !quiet { printError("Đã chuyển sang chỉ mục mới (gộp và nén: \(ProgressReporter.duration(Date().timeIntervalSince(compacting))))") }
        try? FileManager.default.removeItem(atPath: plan.progressPath)
        for w in guardWriters { try w.close() }
        // The partitions and the older generations removed side by side (unlinking gigabytes is the kernel's work:
        // seconds at a million pages), but for the newest one that still reads (the one searched until now, unless
        // it was damaged), kept to be served should the new one be damaged, until the next switch.
        let older = current.map { [$0] + ServedGeneration.olderGenerations(data, than: $0) } ?? []
        let kept = older.first { ServedGeneration.problem($0) == nil }
        let removed = [plan.path] + older.filter { $0 != compactPath && $0 != kept }
        DispatchQueue.concurrentPerform(iterations: removed.count) { try? FileManager.default.removeItem(atPath: removed[$0]) }
        marking.wait()
        if let marked { throw marked }
    }

    /// Documents a rebuild reads from the catalogue at a time.
    static let readBatch = 32

    /// Documents per partition at most (about 20,000 pages). Xapian's commits slow down as a database grows
    /// (bench/scale/RESULTS.md); small partitions, merged by the compaction that ends every rebuild anyway,
    /// keep them fast.
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

    /// Removes `index-K/` folders (and progress files) that are neither current nor being built: left by a
    /// rebuild killed after its switch.
    private func removeStaleGenerations(keeping: [String]) {
        let keep = Set(keeping.map { URL(fileURLWithPath: $0).lastPathComponent })
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: data.url.path) else { return }
        for n in names where n.hasPrefix("index-") {
            let base = n.hasSuffix(".progress") ? String(n.dropLast(".progress".count)) : n
            guard IndexStub.generationNumber(base) != nil, !keep.contains(base) else { continue }
            try? FileManager.default.removeItem(atPath: data.url.appendingPathComponent(n).path)
        }
    }

    /// The progress file of a half-built generation: `#done<TAB>K` lines, and `id<TAB>stamp` lines; a torn
    /// last line is ignored.
    static func readProgress(_ path: String) -> RebuildProgress {
        var out = RebuildProgress()
        guard var text = try? String(contentsOfFile: path, encoding: .utf8) else { return out }
        // A last line without its newline was cut short (a crash, a full disk): `#done\t1` may be `#done\t12`.
        if !text.hasSuffix("\n") { text = String(text[..<(text.lastIndex(of: "\n") ?? text.startIndex)]) }
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
}
