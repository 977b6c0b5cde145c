import Catalogue
import DataFolder
import Foundation
import OCR

/// The recognition phase of an ingest, shared with the other workers of the catalogue: a document's pages are
/// recognised only under this worker's claim on it; the pages of documents other workers held are looked at
/// again in later rounds, until each is saved (by anyone) or tried here.
extension Ingestor {
    /// Recognises `jobs` and saves each page at once, logged as this worker's. Returns the pages recognised and
    /// the pages that could not be (each with its place and reason); throws a full disk's error.
    func recognise(_ jobs: [PageJob], reader: MarkedPageSource, folder: String) throws -> (Int, [SkippedItem]) {
        let worker = options.worker
        let claims = ClaimBook(store: store, worker: worker, lease: options.lease)
        if !data.sharesCatalogue { claims.freeClaimsOfEndedLocalRuns() }
        claims.start()
        defer { claims.finish() }
        let progress = ProgressReporter(label: "Nhận dạng", total: jobs.count, quiet: options.quiet)
        let store = self.store
        let pool = try RecognitionPool(workers: max(1, options.workers), makingOptions: { ArchiveSyllables.options(from: store) })
        // While others hold every document left, look again this often: a dead worker's claim expires in a lease.
        let poll = min(2, max(0.1, options.lease / 10))
        var recognised = 0
        var failures: [SkippedItem] = []
        // Once a page cannot be saved for want of space, the pages left are not recognised (their work
        // would be lost): the run ends with the full disk's error, every page saved before it kept.
        let full = FullDisk()
        var pending = jobs
        var waited = false
        while !pending.isEmpty {
            var left: [String: Int] = [:]
            for job in pending { left[job.documentID, default: 0] += 1 }
            var deferred: [PageJob] = []
            var tried = 0
            pool.run(pending, scan: { $0.url.path }, load: { job in
                if full.error != nil { throw full }
                let claim: Set<Int>?
                do { claim = try claims.holds(job.documentID) } catch {
                    // A claim that cannot be written for want of space stops the run as a page's save would.
                    let mapped = DiskSpace.mapped(error, writing: "nhận tài liệu \(job.documentID) trong danh mục", folder: folder)
                    if DiskSpace.isDescribed(mapped) { full.record(mapped); throw full }
                    throw error
                }
                guard let saved = claim else { throw ClaimedElsewhere() }
                if saved.contains(job.number) { throw SavedElsewhere() }
                return try reader.page(job.number, of: job.url)
            }, done: { job, result in
                // The document's last page of the round: its claim is given up with it.
                let last = left[job.documentID, default: 1] == 1
                var released = false
                defer {
                    left[job.documentID, default: 1] -= 1
                    if last { claims.release(job.documentID, released: released) }
                }
                switch result {
                case .failure(let error) where error is ClaimedElsewhere:
                    deferred.append(job)
                    return
                case .failure(let error) where error is SavedElsewhere:
                    progress.advance()
                    return
                case .success(let page):
                    do {
                        let releasing = last && claims.isHeld(job.documentID)
                        try self.store.save(page: Page(recognized: page, documentID: job.documentID, number: job.number,
                                                       sourceHash: job.sourceHash),
                                            recognisedBy: worker, releasingClaim: releasing)
                        released = releasing
                        recognised += 1
                    } catch {
                        let mapped = DiskSpace.mapped(error, writing: "ghi trang \(job.number) của \(job.documentID) vào danh mục",
                                                      folder: folder)
                        if DiskSpace.isDescribed(mapped) { full.record(mapped); break }
                        failures.append(SkippedItem(place: "\(job.documentID) trang \(job.number) (\(job.place))", reason: Self.reason(error)))
                    }
                case .failure(let error) where error is FullDisk:
                    break
                case .failure(let error):
                    failures.append(SkippedItem(place: "\(job.documentID) trang \(job.number) (\(job.place))", reason: Self.reason(error)))
                }
                tried += 1
                progress.advance()
            })
            if let error = full.error { throw error }
            // The pages of documents others held: those still not saved are tried again once their claim is free.
            var saved: [String: Set<Int>] = [:]
            pending = []
            for job in deferred {
                if saved[job.documentID] == nil { saved[job.documentID] = try store.pageNumbers(documentID: job.documentID) }
                if saved[job.documentID]!.contains(job.number) { progress.advance() } else { pending.append(job) }
            }
            guard !pending.isEmpty else { break }
            if tried == 0 {
                if !waited && !options.quiet {
                    printError("Đang chờ máy khác nhận dạng xong \(Set(pending.map(\.documentID)).count) tài liệu đã được nhận trước…")
                }
                waited = true
                Thread.sleep(forTimeInterval: poll)
            }
            claims.forgetRefusals()
        }
        progress.finish()
        return (recognised, failures)
    }
}
