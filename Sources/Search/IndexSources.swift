import DataFolder
import Foundation
import IndexLifecycle
import SearchIndex
import Xapian

/// Where `hoso serve` searches when not in the data folder's own index: local index databases
/// (`--index PATH`, repeatable: a replica, another machine's shard copied here) and remote shards served by
/// `xapian-tcpsrv` (`--shard host:port`, repeatable), all searched as one database.
///
/// Per-role statistics need one database per access level: a local path that is a split index
/// generation (a folder holding `l1`, `l2`, `l3`, or a stub naming one, like `DIR/index.stub`) gives each
/// role only its levels; a remote shard given as `--shard L=host:port` holds level L only and is searched
/// only by the roles that may see L. Any other source holds every level and is searched by every role
/// (the `XA` filter still applies; scores then use statistics of all levels: `separatesLevels` is false).
public struct IndexSources: Sendable, Equatable {
    public var paths: [String]
    /// Shards holding every access level.
    public var shards: [ShardAddress]
    /// Shards holding one access level only, by level (1, 2, 3).
    public var levelShards: [Int: [ShardAddress]]

    public init(paths: [String] = [], shards: [ShardAddress] = [], levelShards: [Int: [ShardAddress]] = [:]) {
        self.paths = paths
        self.shards = shards
        self.levelShards = levelShards
    }

    public var isEmpty: Bool { paths.isEmpty && shards.isEmpty && levelShards.values.allSatisfy(\.isEmpty) }

    /// True when every source holds one access level only (split generations, level shards).
    public var separatesLevels: Bool {
        shards.isEmpty && paths.allSatisfy { IndexLayout.splitGeneration(at: $0) != nil }
    }

    /// The local databases and remote shards a role that may see `visibleLevels` searches.
    public func databases(visibleLevels: [Int]) -> (paths: [String], shards: [ShardAddress]) {
        var local: [String] = []
        for p in paths {
            if let generation = IndexLayout.splitGeneration(at: p) {
                local += IndexLayout.databases(generation, visibleLevels: visibleLevels)
            } else {
                local.append(p)
            }
        }
        let remote = shards + IndexLayout.levels.filter(visibleLevels.contains).flatMap { levelShards[$0] ?? [] }
        return (local, remote)
    }

    /// Adds a shard parsed by `shard(parsingWithLevel:)`.
    public mutating func add(_ shard: (level: Int?, address: ShardAddress)) {
        if let level = shard.level { levelShards[level, default: []].append(shard.address) } else { shards.append(shard.address) }
    }

    /// Parses `host:port` (or `[v6]:port`).
    public static func shard(parsing text: String, timeoutMilliseconds: Int = 10_000) throws -> ShardAddress {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let colon = t.lastIndex(of: ":"), let port = Int(t[t.index(after: colon)...]), (1...65535).contains(port) else {
            throw HosoError(.usage, "Mảnh chỉ mục phải có dạng máy:cổng, ví dụ 10.0.0.5:33333 (nhận được “\(text)”)")
        }
        var host = String(t[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw HosoError(.usage, "Thiếu tên máy trong “\(text)”") }
        return ShardAddress(host: host, port: port, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// Parses `host:port` (a shard holding every level) or `L=host:port` (a shard holding access level L
    /// only: 1 Công khai, 2 Sử dụng có điều kiện, 3 Mật).
    public static func shard(parsingWithLevel text: String, timeoutMilliseconds: Int = 10_000) throws -> (level: Int?, address: ShardAddress) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let eq = t.firstIndex(of: "="), !t[..<eq].contains(":") else {
            return (nil, try shard(parsing: t, timeoutMilliseconds: timeoutMilliseconds))
        }
        guard let level = Int(t[..<eq].trimmingCharacters(in: .whitespaces)), IndexLayout.levels.contains(level) else {
            throw HosoError(.usage, "Mức truy cập của mảnh chỉ mục phải là 1, 2 hoặc 3, ví dụ 1=10.0.0.5:33333 (nhận được “\(text)”)")
        }
        return (level, try shard(parsing: String(t[t.index(after: eq)...]), timeoutMilliseconds: timeoutMilliseconds))
    }
}

extension Archive {
    /// Documents in the index being searched (all shards together): equals the catalogue's indexed
    /// documents when nothing is duplicated or lost.
    public func indexDocumentCount() throws -> Int {
        do { return try withSearcher { try $0.documentCount() } } catch let e as HosoError { throw e } catch {
            throw HosoError(.unavailable, "Không đọc được chỉ mục: \(error)")
        }
    }
}
