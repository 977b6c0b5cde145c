import Foundation
import GRDB

/// Ingest workers' claims on documents and the recognition log, in the SQLite file: SQLite has one writer at a
/// time, so each claim is a write transaction taken up front (`BEGIN IMMEDIATE`), and no claim is ever being
/// taken by another transaction while one is read.
extension CatalogueStore {
    public func claim(documentID: String, worker: String, lease: TimeInterval) throws -> Set<Int>? {
        try write { db in
            let now = Date().timeIntervalSince1970
            if let row = try Row.fetchOne(db, sql: "SELECT worker, expiresAt FROM work_claim WHERE documentID = ?",
                                          arguments: [documentID]) {
                let holder: String = row["worker"], expires: Double = row["expiresAt"]
                if holder != worker && expires > now { return nil }
            }
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE id = ?)", arguments: [documentID]) == true else {
                throw CatalogueError("Tài liệu “\(documentID)” chưa có trong danh mục")
            }
            try db.execute(sql: """
                INSERT INTO work_claim (documentID, worker, renewedAt, expiresAt) VALUES (?, ?, ?, ?)
                ON CONFLICT(documentID) DO UPDATE SET worker = excluded.worker, renewedAt = excluded.renewedAt,
                    expiresAt = excluded.expiresAt
                """, arguments: [documentID, worker, now, now + lease])
            return Set(try Int.fetchAll(db, sql: "SELECT number FROM page WHERE documentID = ?", arguments: [documentID]))
        }
    }

    public func renewClaims(worker: String, lease: TimeInterval) throws -> Set<String> {
        try write { db in
            let now = Date().timeIntervalSince1970
            try db.execute(sql: "UPDATE work_claim SET renewedAt = ?, expiresAt = ? WHERE worker = ?", arguments: [now, now + lease, worker])
            return Set(try String.fetchAll(db, sql: "SELECT documentID FROM work_claim WHERE worker = ?", arguments: [worker]))
        }
    }

    public func releaseClaim(documentID: String, worker: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM work_claim WHERE documentID = ? AND worker = ?", arguments: [documentID, worker])
        }
    }

    public func liveClaims() throws -> [WorkClaim] {
        try read { try Self.liveClaims(db: $0, now: Date().timeIntervalSince1970) }
    }

    static func liveClaims(db: Database, now: Double) throws -> [WorkClaim] {
        try Row.fetchAll(db, sql: """
            SELECT documentID, worker, renewedAt, expiresAt FROM work_claim WHERE expiresAt > ? ORDER BY documentID
            """, arguments: [now]).map {
            WorkClaim(documentID: $0["documentID"], worker: $0["worker"],
                      renewedAt: Date(timeIntervalSince1970: $0["renewedAt"]), expiresAt: Date(timeIntervalSince1970: $0["expiresAt"]))
        }
    }

    public func save(page: Page, recognisedBy worker: String, releasingClaim: Bool) throws {
        try write { db in
            try Self.save(page: page, db: db)
            try db.execute(sql: "INSERT INTO recognition_log (documentID, page, worker, at) VALUES (?, ?, ?, ?)",
                           arguments: [page.documentID, page.number, worker, Date().timeIntervalSince1970])
            if releasingClaim {
                try db.execute(sql: "DELETE FROM work_claim WHERE documentID = ? AND worker = ?", arguments: [page.documentID, worker])
            }
        }
    }

    public func fleetProgress(window: TimeInterval) throws -> FleetProgress {
        try read { db in
            let now = Date().timeIntervalSince1970
            let documents = try Row.fetchOne(db, sql: """
                SELECT count(*), count(pageCount), coalesce(sum(pageCount), 0) FROM document
                """)!
            let pagesDone = try Int.fetchOne(db, sql: "SELECT count(*) FROM page") ?? 0
            let twice = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT 1 FROM recognition_log GROUP BY documentID, page HAVING count(*) > 1)
                """) ?? 0
            var workers: [String: WorkerProgress] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT worker, count(*), sum(at >= ?1), max(at), min(CASE WHEN at >= ?1 THEN at END)
                FROM recognition_log GROUP BY worker
                """, arguments: [now - window]) {
                let name: String = row[0]
                let first: Double? = row[4]
                workers[name] = WorkerProgress(worker: name, pages: row[1], recentPages: row[2],
                                               firstRecent: first.map(Date.init(timeIntervalSince1970:)),
                                               lastSeen: Date(timeIntervalSince1970: row[3]))
            }
            let claims = try Self.liveClaims(db: db, now: now)
            for claim in claims { Self.seen(claim, in: &workers) }
            return FleetProgress(now: Date(timeIntervalSince1970: now), window: window, documents: documents[0],
                                 documentsCounted: documents[1], pagesKnown: documents[2], pagesDone: pagesDone,
                                 recognitions: workers.values.reduce(0) { $0 + $1.pages }, pagesRecognisedTwice: twice,
                                 workers: workers.values.sorted { $0.worker < $1.worker }, liveClaims: claims)
        }
    }

    /// A live claim's renewal as the worker's last sign of life (a worker with claims but no page yet is listed).
    package static func seen(_ claim: WorkClaim, in workers: inout [String: WorkerProgress]) {
        var w = workers[claim.worker]
            ?? WorkerProgress(worker: claim.worker, pages: 0, recentPages: 0, firstRecent: nil, lastSeen: claim.renewedAt)
        w.lastSeen = max(w.lastSeen, claim.renewedAt)
        workers[claim.worker] = w
    }
}
