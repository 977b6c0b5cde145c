import Foundation
import GRDB

extension CatalogueStore {
    /// Copies the catalogue at `path` into a new database file at `copy` with SQLite's online backup, while
    /// other connections keep reading and writing it; the copy is a single file (rollback journal, no WAL).
    public static func snapshot(path: String, into copy: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        let source = try DatabaseQueue(path: path, configuration: config)
        let target = try DatabaseQueue(path: copy)
        try source.backup(to: target)
        try target.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode=DELETE") }
        try target.close()
        try source.close()
    }
}
