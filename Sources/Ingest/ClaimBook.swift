import Catalogue
import Foundation

/// The documents one ingest worker has claimed in the catalogue, so that workers sharing it never recognise
/// the same pages: a document is claimed when the recognition pool first reaches one of its pages, its claim
/// renewed by a heartbeat while the worker lives (a worker that dies leaves it to expire), and released once
/// its pages are done.
final class ClaimBook: @unchecked Sendable {
    private enum State: Equatable { case held(saved: Set<Int>), refused }

    let store: any ArchiveCatalogue
    let worker: String
    let lease: TimeInterval
    private let lock = NSLock()
    private var states: [String: State] = [:]
    private let beat = NSCondition()
    private var stopped = false
    private var heartbeat: Thread?

    init(store: any ArchiveCatalogue, worker: String, lease: TimeInterval) {
        self.store = store
        self.worker = worker
        self.lease = lease
    }

    /// Starts the heartbeat: every third of the lease, every claim held is renewed, and those lost (expired and
    /// taken by another worker meanwhile) are given up, their pages not yet begun left to that worker.
    func start() {
        let thread = Thread { [self] in
            while true {
                beat.lock()
                if !stopped { _ = beat.wait(until: Date().addingTimeInterval(lease / 3)) }
                let stop = stopped
                beat.unlock()
                if stop { return }
                renew()
            }
        }
        thread.name = "hoso-claims"
        heartbeat = thread
        thread.start()
    }

    private func renew() {
        lock.lock()
        let before = states.filter { $0.value != .refused }.map(\.key)
        lock.unlock()
        guard !before.isEmpty, let held = try? store.renewClaims(worker: worker, lease: lease) else { return }
        lock.lock()
        for id in before where !held.contains(id) { states[id] = .refused }
        lock.unlock()
    }

    /// Frees the claims of runs of this machine that have ended (the default name `host:pid` of a run killed here)
    /// instead of waiting out their lease: for a catalogue only this machine writes (the SQLite file); on a shared
    /// one another machine may bear the same host name, and a worker restarted under its own `--worker` name takes
    /// its claims back at once anyway.
    func freeClaimsOfEndedLocalRuns() {
        guard let live = try? store.liveClaims() else { return }
        let prefix = IngestOptions.hostName + ":"
        for claim in live where claim.worker != worker && claim.worker.hasPrefix(prefix) {
            guard let pid = Int32(claim.worker.dropFirst(prefix.count)), pid > 0, kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? store.releaseClaim(documentID: claim.documentID, worker: claim.worker)
        }
    }

    /// The pages of the document already saved when this worker claimed it (by a worker that held it before),
    /// or nil when another worker holds it: claimed on the first call, the answer kept for the round
    /// (`forgetRefusals` asks again).
    func holds(_ documentID: String) throws -> Set<Int>? {
        lock.lock(); defer { lock.unlock() }
        if let state = states[documentID] {
            if case .held(let saved) = state { return saved }
            return nil
        }
        guard let saved = try store.claim(documentID: documentID, worker: worker, lease: lease) else {
            states[documentID] = .refused
            return nil
        }
        states[documentID] = .held(saved: saved)
        return saved
    }

    /// Whether this worker holds the document's claim now.
    func isHeld(_ documentID: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return states[documentID].map { $0 != .refused } ?? false
    }

    /// Gives up the claim on a document whose pages are done: `released` (the claim already deleted with its last
    /// page), else deleted here (a failure leaves the claim to expire).
    func release(_ documentID: String, released: Bool = false) {
        lock.lock(); defer { lock.unlock() }
        guard let state = states[documentID], state != .refused else { return }
        states[documentID] = nil
        if !released { try? store.releaseClaim(documentID: documentID, worker: worker) }
    }

    /// Forgets which documents were held by others, so that the next round asks for them again.
    func forgetRefusals() {
        lock.lock(); defer { lock.unlock() }
        states = states.filter { $0.value != .refused }
    }

    /// Stops the heartbeat and releases every claim still held.
    func finish() {
        beat.lock()
        stopped = true
        beat.signal()
        beat.unlock()
        lock.lock()
        let held = states.filter { $0.value != .refused }.map(\.key)
        states = [:]
        lock.unlock()
        for id in held { try? store.releaseClaim(documentID: id, worker: worker) }
    }
}

/// The load of a page whose document another worker holds: the page is left for a later round.
struct ClaimedElsewhere: Error {}

/// The load of a page another worker saved before this one claimed its document: nothing left to do.
struct SavedElsewhere: Error {}
