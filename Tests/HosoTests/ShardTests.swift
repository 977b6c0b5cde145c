import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import Ingest
import Search
import SearchIndex
import XCTest
import Xapian

final class ShardTests: XCTestCase {
    func testBatchPartParsing() throws {
        let good: [(String, Int, Int)] = [("1/3", 1, 3), ("3/3", 3, 3), (" 2 / 5 ", 2, 5), ("1/1", 1, 1)]
        for (text, i, n) in good {
            let p = try BatchPart(parsing: text)
            XCTAssertEqual([p.index, p.count], [i, n], text)
        }
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "", "1/3/4"] {
            XCTAssertThrowsError(try BatchPart(parsing: bad), bad) { error in
                XCTAssertEqual((error as? HosoError)?.kind, .usage, bad)
                XCTAssertTrue((error as? HosoError)?.message.contains("i/n") == true, "\(error)")
            }
        }
    }

    /// Every hồ sơ falls in exactly one part, the same on every run (FNV-1a, NFC), and parts are balanced.
    func testPartsAreDisjointStableAndBalanced() throws {
        let ids = (0..<3000).map { "H49.64.33.\(2000 + $0 % 25).\(String(format: "%04d", $0))" }
        let parts = try (1...3).map { try BatchPart(index: $0, count: 3) }
        var sizes = [0, 0, 0]
        for id in ids {
            let owners = parts.filter { $0.contains(fileID: id) }
            XCTAssertEqual(owners.count, 1, id)
            sizes[(owners.first?.index ?? 1) - 1] += 1
        }
        XCTAssertTrue(sizes.allSatisfy { $0 > 800 && $0 < 1200 }, "\(sizes)")
        // Fixed values: a machine with another build must split the same way.
        XCTAssertEqual(BatchPart.stableHash(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(BatchPart.stableHash("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(BatchPart.stableHash("Hòa An"), BatchPart.stableHash("Ho\u{0300}a An"), "NFC và NFD phải như nhau")
    }

    func testShardAddressParsing() throws {
        let good: [(String, String, Int)] = [("127.0.0.1:33333", "127.0.0.1", 33333), ("máy-1.local:8000", "máy-1.local", 8000),
                                             ("[::1]:9000", "::1", 9000)]
        for (text, host, port) in good {
            let s = try IndexSources.shard(parsing: text)
            XCTAssertEqual(s.host, host, text)
            XCTAssertEqual(s.port, port, text)
        }
        for bad in ["127.0.0.1", ":80", "host:0", "host:70000", "host:abc", ""] {
            XCTAssertThrowsError(try IndexSources.shard(parsing: bad), bad)
            XCTAssertThrowsError(try IndexSources.shard(parsingWithLevel: bad), bad)
        }
        // `L=host:port`: a shard holding one access level only.
        let leveled: [(String, Int?, String, Int)] = [("1=10.0.0.5:33333", 1, "10.0.0.5", 33333), ("3=[::1]:9000", 3, "::1", 9000),
                                                       (" 2 = máy-1.local:8000", 2, "máy-1.local", 8000), ("10.0.0.5:1", nil, "10.0.0.5", 1)]
        for (text, level, host, port) in leveled {
            let s = try IndexSources.shard(parsingWithLevel: text)
            XCTAssertEqual(s.level, level, text)
            XCTAssertEqual([s.address.host, String(s.address.port)], [host, String(port)], text)
        }
        for bad in ["0=h:1", "4=h:1", "x=h:1", "=h:1", "1=h", "1=:80"] {
            XCTAssertThrowsError(try IndexSources.shard(parsingWithLevel: bad), bad) { error in
                XCTAssertEqual((error as? HosoError)?.kind, .usage, bad)
            }
        }
        // Which sources a role searches: level shards by level, every other shard by every role.
        var sources = IndexSources()
        for text in ["1=a:1", "2=b:2", "3=c:3", "1=d:4"] { sources.add(try IndexSources.shard(parsingWithLevel: text)) }
        XCTAssertTrue(sources.separatesLevels)
        XCTAssertEqual(sources.databases(visibleLevels: [1]).shards.map(\.host), ["a", "d"])
        XCTAssertEqual(sources.databases(visibleLevels: [1, 2]).shards.map(\.host), ["a", "d", "b"])
        sources.add(try IndexSources.shard(parsingWithLevel: "e:5"))
        XCTAssertFalse(sources.separatesLevels)
        XCTAssertEqual(sources.databases(visibleLevels: [1]).shards.map(\.host), ["e", "a", "d"])
    }

    /// A batch split 3 ways by `--part`, each part built into its own shard, served by `xapian-tcpsrv` on
    /// loopback — one server per part and access level (`--shard L=host:port`), and one per part for the
    /// whole generation (`--shard host:port`, through its `XAPIANDB` stub): the same hits in the same order,
    /// with the same scores, as the single data folder; and the same through the three shards opened locally.
    /// Level shards give every role the statistics of its own levels (as the data folder does), so they
    /// match for `public` too; whole-generation shards mix the levels, so they match only for `secret`.
    func testThreeRemoteShardsAnswerLikeOneDatabase() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/xapian-tcpsrv") else {
            throw XCTSkip("không có xapian-tcpsrv")
        }
        let batch = try OpsFixture.batch(files: 30, name: "shard")
        let (full, fullSummary) = try OpsFixture.ingest(batch)
        var shardPaths: [String] = []
        var partDocuments = 0
        for i in 1...3 {
            let (data, summary) = try OpsFixture.ingest(batch, part: try BatchPart(index: i, count: 3))
            XCTAssertGreaterThan(summary.documents, 0, "phần \(i) rỗng")
            partDocuments += summary.documents
            shardPaths.append(data.url.appendingPathComponent(try stubTarget(data)).path)
        }
        XCTAssertEqual(partDocuments, fullSummary.documents)

        var servers: [Process] = []
        defer { for s in servers where s.isRunning { kill(s.processIdentifier, SIGKILL); s.waitUntilExit() } }
        func serve(_ path: String) throws -> ShardAddress {
            let port = try Fixture.freePort()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/xapian-tcpsrv")
            p.arguments = ["--interface", "127.0.0.1", "--port", String(port), path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            servers.append(p)
            return ShardAddress(host: "127.0.0.1", port: port, timeoutMilliseconds: 5000)
        }
        var whole: [ShardAddress] = []
        var byLevel = IndexSources()
        for path in shardPaths {
            whole.append(try serve(path))
            for level in IndexLayout.levels {
                byLevel.levelShards[level, default: []].append(try serve(IndexLayout.levelPath(path, level: level)))
            }
        }
        try waitUntilListening(whole + byLevel.levelShards.values.flatMap { $0 })

        let single = try Archive(data: full)
        let remote = try Archive(data: full)
        remote.indexSources = IndexSources(shards: whole)
        let remoteByLevel = try Archive(data: full)
        remoteByLevel.indexSources = byLevel
        let local = try Archive(data: full)
        local.indexSources = IndexSources(paths: shardPaths)
        XCTAssertNil(remoteByLevel.indexLayoutWarning())
        XCTAssertNil(local.indexLayoutWarning())
        XCTAssertNotNil(remote.indexLayoutWarning(), "mảnh chứa mọi mức truy cập phải được cảnh báo")
        for archive in [remote, remoteByLevel, local] {
            XCTAssertEqual(try archive.indexDocumentCount(), fullSummary.documents)
        }

        let queries = ["thu hồi đất", "Ea Kly", "\"tờ bản đồ số\"", "Nguyễn Văn Hùng bồi thường", "khen thưởng", "xây dựng trường học"]
        var publicDiffers = 0
        for role in [Role.public, .staff, .secret] {
            for q in queries {
                let spec = SearchRequestSpec(query: q, role: role, limit: 10)
                let expected = try single.search(spec)
                XCTAssertGreaterThan(expected.total, 0, q)
                var compared = [("từ xa theo mức", remoteByLevel), ("cục bộ", local)]
                if role == .secret { compared.append(("từ xa", remote)) }
                for (name, archive) in compared {
                    let got = try archive.search(spec)
                    XCTAssertEqual(got.total, expected.total, "\(name) \(role) \(q)")
                    // Same scores in the same order; the same ids in the same order above the last score (hits
                    // tied with the 10th may be cut differently: ties follow each database's docids).
                    XCTAssertEqual(got.hits.map { rounded($0.score) }, expected.hits.map { rounded($0.score) }, "\(name) \(role) \(q)")
                    let cut = expected.hits.last.map { rounded($0.score) } ?? 0
                    XCTAssertEqual(ranked(got.hits).filter { rounded(score(got, $0)) > cut },
                                   ranked(expected.hits).filter { rounded(score(expected, $0)) > cut }, "\(name) \(role) \(q)")
                }
                if role == .public, try remote.search(spec).hits.map({ rounded($0.score) }) != expected.hits.map({ rounded($0.score) }) {
                    publicDiffers += 1
                }
            }
        }
        // Shards holding every level give public callers scores computed with the restricted documents too:
        // the reason for level shards (and the proof that the comparison above can tell the two apart).
        XCTAssertGreaterThan(publicDiffers, 0, "điểm số công khai qua mảnh chứa mọi mức phải khác")
        // A shard that goes away is an `unavailable` error, never a crash or a partial silent answer.
        kill(servers[0].processIdentifier, SIGKILL)
        servers[0].waitUntilExit()
        let fresh = try Archive(data: full)
        fresh.indexSources = IndexSources(shards: whole)
        XCTAssertThrowsError(try fresh.search(SearchRequestSpec(query: "thu hồi đất", role: .secret, limit: 10))) { error in
            XCTAssertEqual((error as? HosoError)?.kind, .unavailable, "\(error)")
        }
    }

    private func rounded(_ x: Double) -> Double { (x * 100).rounded() }
    private func score(_ r: SearchResult, _ id: String) -> Double { r.hits.first { $0.id == id }?.score ?? 0 }

    /// Hits by score (rounded: shards may differ in the last digits), ties by id.
    private func ranked(_ hits: [Search.SearchHit]) -> [String] {
        hits.sorted { ($0.score * 100).rounded() != ($1.score * 100).rounded() ? $0.score > $1.score : $0.id < $1.id }.map(\.id)
    }

    private func stubTarget(_ data: DataDirectory) throws -> String {
        let text = try String(contentsOfFile: data.indexStubPath, encoding: .utf8)
        return String(text.split(separator: "\n")[0].dropFirst("auto ".count))
    }

    private func waitUntilListening(_ addresses: [ShardAddress]) throws {
        let deadline = Date().addingTimeInterval(15)
        while true {
            do {
                _ = try Searcher(shards: addresses).documentCount()
                return
            } catch {
                if Date() > deadline { throw error }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }
}
