import Foundation
import GRDB
import GRDBSQLite

extension CatalogueStore {
    /// SQLite's own check of the catalogue file: `PRAGMA quick_check` (every page and record well formed; fast)
    /// or `PRAGMA integrity_check` (also every index against its table). The problems SQLite reports, at most
    /// `limit`; empty when the file is whole.
    public func integrityProblems(full: Bool, limit: Int) throws -> [String] {
        let pragma = full ? "integrity_check" : "quick_check"
        let rows = try read { try String.fetchAll($0, sql: "PRAGMA \(pragma)(\(limit))") }
        return rows == ["ok"] ? [] : rows
    }
}

extension CatalogueStore {
    /// Keeps the `-wal` and `-shm` files when the last connection closes (SQLite's PERSIST_WAL): a catalogue
    /// then still opens on a disk that has filled meanwhile (a new `-shm` needs 32 KB the disk may not have).
    static func keepWALFiles(_ db: Database) {
        var persist: Int32 = 1
        _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
    }
}
