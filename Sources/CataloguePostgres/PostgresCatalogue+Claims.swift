import Catalogue
import Foundation

/// Ingest workers' claims on documents and the recognition log on PostgreSQL. Leases are on the server's
/// clock, so the workers' machines need not agree on the time.
extension PostgresCatalogue {
    /// The server's time now (not the transaction's start), in seconds since 1970.
    static let clock = "extract(epoch FROM clock_timestamp())::double precision"

    public func claim(documentID: String, worker: String, lease: TimeInterval) throws -> Set<Int>? {
        try write { c in
            guard try Self.take(documentID, worker: worker, lease: lease, c) else { return nil }
            let r = try c.exec("SELECT number FROM page WHERE document_id = $1", [PGValue(documentID)])
            return Set(try (0..<r.count).map { try r.int($0, 0) ?? 0 })
        }
    }

    /// The claim's own statements, inside the caller's transaction: whether `worker` holds the claim now.
    private static func take(_ documentID: String, worker: String, lease: TimeInterval, _ c: PGConnection) throws -> Bool {
        let id = PGValue(documentID), me = PGValue(worker), seconds = PGValue(lease)
        // A claim row another transaction has locked (it is taking or renewing it) is passed over, not waited for.
        let held = try c.exec("""
            SELECT worker, expires_at > \(clock) FROM work_claim WHERE document_id = $1 FOR UPDATE SKIP LOCKED
            """, [id])
        if held.count > 0 {
            if try held.text(0, 0) != worker && held.bool(0, 1) { return false }
            try c.exec("""
                UPDATE work_claim SET worker = $2, renewed_at = \(clock), expires_at = \(clock) + $3::double precision
                WHERE document_id = $1
                """, [id, me, seconds])
            return true
        }
        guard try c.exec("SELECT 1 FROM document WHERE id = $1", [id]).count > 0 else {
            throw CatalogueError("Tài liệu “\(documentID)” chưa có trong danh mục")
        }
        // No row, or one locked by another claimer: inserted only when there is none (then it is ours).
        let inserted = try c.exec("""
            INSERT INTO work_claim (document_id, worker, renewed_at, expires_at)
            VALUES ($1, $2, \(clock), \(clock) + $3::double precision)
            ON CONFLICT (document_id) DO NOTHING
            """, [id, me, seconds])
        return inserted.changed == 1
    }

    public func renewClaims(worker: String, lease: TimeInterval) throws -> Set<String> {
        try write { c in
            let r = try c.exec("""
                UPDATE work_claim SET renewed_at = \(Self.clock), expires_at = \(Self.clock) + $2::double precision
                WHERE worker = $1 RETURNING document_id
                """, [PGValue(worker), PGValue(lease)])
            return Set(try (0..<r.count).map { try r.text($0, 0) })
        }
    }

    public func releaseClaim(documentID: String, worker: String) throws {
        try write { c in
            try c.exec("DELETE FROM work_claim WHERE document_id = $1 AND worker = $2", [PGValue(documentID), PGValue(worker)])
        }
    }

    public func liveClaims() throws -> [WorkClaim] {
        try read { try Self.liveClaims($0) }
    }

    static func liveClaims(_ c: PGConnection) throws -> [WorkClaim] {
        let r = try c.exec("""
            SELECT document_id, worker, renewed_at, expires_at FROM work_claim WHERE expires_at > \(clock) ORDER BY document_id
            """)
        return try (0..<r.count).map {
            WorkClaim(documentID: try r.text($0, 0), worker: try r.text($0, 1),
                      renewedAt: Date(timeIntervalSince1970: try r.double($0, 2) ?? 0),
                      expiresAt: Date(timeIntervalSince1970: try r.double($0, 3) ?? 0))
        }
    }

    public func save(page: Page, recognisedBy worker: String, releasingClaim: Bool) throws {
        try write { c in
            try Self.save(page: page, c)
            try c.exec("INSERT INTO recognition_log (document_id, page, worker, at) VALUES ($1, $2, $3, \(Self.clock))",
                       [PGValue(page.documentID), PGValue(page.number), PGValue(worker)])
            if releasingClaim {
                try c.exec("DELETE FROM work_claim WHERE document_id = $1 AND worker = $2", [PGValue(page.documentID), PGValue(worker)])
            }
        }
    }

    public func fleetProgress(window: TimeInterval) throws -> FleetProgress {
        try snapshotRead { c in
            let head = try c.exec("""
                SELECT \(Self.clock), count(*), count(page_count), coalesce(sum(page_count), 0),
                       (SELECT count(*) FROM page),
                       (SELECT count(*) FROM (SELECT 1 FROM recognition_log GROUP BY document_id, page HAVING count(*) > 1) t)
                FROM document
                """)
            let now = try head.double(0, 0) ?? Date().timeIntervalSince1970
            var workers: [String: WorkerProgress] = [:]
            let log = try c.exec("""
                SELECT worker, count(*), count(*) FILTER (WHERE at >= $1::double precision), max(at),
                       min(at) FILTER (WHERE at >= $1::double precision)
                FROM recognition_log GROUP BY worker
                """, [PGValue(now - window)])
            for i in 0..<log.count {
                let name = try log.text(i, 0)
                workers[name] = WorkerProgress(worker: name, pages: try log.int(i, 1) ?? 0, recentPages: try log.int(i, 2) ?? 0,
                                               firstRecent: try log.double(i, 4).map(Date.init(timeIntervalSince1970:)),
                                               lastSeen: Date(timeIntervalSince1970: try log.double(i, 3) ?? 0))
            }
            let claims = try Self.liveClaims(c)
            for claim in claims { CatalogueStore.seen(claim, in: &workers) }
            return FleetProgress(now: Date(timeIntervalSince1970: now), window: window, documents: try head.int(0, 1) ?? 0,
                                 documentsCounted: try head.int(0, 2) ?? 0, pagesKnown: try head.int(0, 3) ?? 0,
                                 pagesDone: try head.int(0, 4) ?? 0,
                                 recognitions: workers.values.reduce(0) { $0 + $1.pages },
                                 pagesRecognisedTwice: try head.int(0, 5) ?? 0,
                                 workers: workers.values.sorted { $0.worker < $1.worker }, liveClaims: claims)
        }
    }
}
