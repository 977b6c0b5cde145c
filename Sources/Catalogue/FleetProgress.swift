import Foundation

/// A document claimed by an ingest worker: no other worker recognises its pages until the claim is released
/// or expires (`expiresAt`, on the catalogue's clock).
public struct WorkClaim: Equatable, Sendable {
    public var documentID: String
    public var worker: String
    /// When the worker last took or renewed it.
    public var renewedAt: Date
    public var expiresAt: Date

    public init(documentID: String, worker: String, renewedAt: Date, expiresAt: Date) {
        self.documentID = documentID; self.worker = worker; self.renewedAt = renewedAt; self.expiresAt = expiresAt
    }
}

/// What one worker has recognised, from the recognition log.
public struct WorkerProgress: Equatable, Sendable {
    public var worker: String
    /// Pages it recognised (or took from a text layer) and saved, ever.
    public var pages: Int
    /// Of those, the pages saved within the window asked for.
    public var recentPages: Int
    /// The first of those.
    public var firstRecent: Date?
    /// Its last saved page or claim renewal.
    public var lastSeen: Date

    public init(worker: String, pages: Int, recentPages: Int, firstRecent: Date?, lastSeen: Date) {
        self.worker = worker; self.pages = pages; self.recentPages = recentPages; self.firstRecent = firstRecent
        self.lastSeen = lastSeen
    }
}

/// The progress of every worker ingesting into one catalogue, read in one snapshot (`fleetProgress`).
public struct FleetProgress: Equatable, Sendable {
    /// The catalogue's clock when read (PostgreSQL's, shared by every machine).
    public var now: Date
    /// The window `recentPages` counts, in seconds.
    public var window: TimeInterval
    public var documents: Int
    /// Documents whose scan has been opened and its pages counted.
    public var documentsCounted: Int
    /// Pages of the counted documents.
    public var pagesKnown: Int
    /// Pages saved (recognised, from a text layer, or copied from an identical scan).
    public var pagesDone: Int
    /// Rows of the recognition log: pages recognised, counted once per recognition.
    public var recognitions: Int
    /// Pages saved by more than one recognition (a worker that lost its claim, or the scan recognised again).
    public var pagesRecognisedTwice: Int
    /// By worker name.
    public var workers: [WorkerProgress]
    /// Claims not yet expired, by document id.
    public var liveClaims: [WorkClaim]

    public init(now: Date, window: TimeInterval, documents: Int, documentsCounted: Int, pagesKnown: Int, pagesDone: Int,
                recognitions: Int, pagesRecognisedTwice: Int, workers: [WorkerProgress], liveClaims: [WorkClaim]) {
        self.now = now; self.window = window; self.documents = documents; self.documentsCounted = documentsCounted
        self.pagesKnown = pagesKnown; self.pagesDone = pagesDone; self.recognitions = recognitions
        self.pagesRecognisedTwice = pagesRecognisedTwice; self.workers = workers; self.liveClaims = liveClaims
    }

    public var pagesLeft: Int { max(0, pagesKnown - pagesDone) }

    /// Pages per minute of one worker over the window, or over the time since its first page in the window when
    /// it began later (at least a minute): a worker started two minutes ago is not taken for a fifth of its speed.
    public func rate(of worker: WorkerProgress) -> Double {
        guard window > 0, worker.recentPages > 0, let first = worker.firstRecent else { return 0 }
        let span = min(window, max(60, now.timeIntervalSince(first)))
        return Double(worker.recentPages) * 60 / span
    }

    /// Pages per minute of the whole fleet over the window.
    public var fleetRate: Double { workers.reduce(0) { $0 + rate(of: $1) } }

    /// Seconds until the pages left are done at the fleet's rate; nil when nothing is being done.
    public var secondsLeft: Double? {
        if pagesLeft == 0 { return 0 }
        return fleetRate > 0 ? Double(pagesLeft) / fleetRate * 60 : nil
    }
}
