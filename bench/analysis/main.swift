// Analysis alone, per page: `Analyzer.indexTerms` counted into a byte-keyed dictionary (what
// DocumentIndexer.plan did) against `Analyzer.countIndexTerms`. Built with VietText's sources by run.sh.
import Foundation

@main
struct AnalysisBench {
    static func main() throws {
        let args = CommandLine.arguments
        guard args.count >= 2 else { print("usage: analysis-bench DIR [rounds]"); return }
        let rounds = args.count > 2 ? Int(args[2]) ?? 3 : 3
        var pages: [String] = []
        let root = URL(fileURLWithPath: args[1])
        if let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in files where url.pathExtension == "txt" {
                pages += try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\u{0C}")
            }
        }
        let bytes = pages.reduce(0) { $0 + $1.utf8.count }
        print("\(pages.count) pages, \(bytes / max(1, pages.count)) bytes each")
        let analyzer = Analyzer()
        let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
        func time(_ name: String, _ body: () -> Int) {
            if let only, !name.contains(only) { return }
            var best = Double.infinity
            var check = 0
            for _ in 0..<rounds {
                let t0 = DispatchTime.now().uptimeNanoseconds
                check = body()
                let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                best = min(best, dt)
            }
            print(String(format: "%-28@ %8.1f µs/page  %8.0f pages/s  (%d)", name as NSString,
                         best / Double(pages.count) * 1e6, Double(pages.count) / best, check))
        }
        time("indexTerms + counting") {
            var total = 0
            for p in pages {
                var counts: [UTF8Key: Int] = [:]
                for t in analyzer.indexTerms(p) where t.utf8.count <= 240 { counts[UTF8Key(t), default: 0] += 1 }
                total += counts.count
            }
            return total
        }
        time("countIndexTerms") {
            var total = 0
            for p in pages {
                var counts: [UTF8Key: Int] = [:]
                analyzer.countIndexTerms(p, maxTermBytes: 240) { counts[UTF8Key($0), default: 0] += $1 }
                total += counts.count
            }
            return total
        }
        time("  identifierTerms alone") {
            var total = 0
            for p in pages { total += analyzer.identifierTerms(p).count }
            return total
        }
        time("  documentNumbersByLine") {
            var total = 0
            for p in pages { total += IdentifierExtractor.documentNumbersByLine(in: p).count }
            return total
        }
        time("  citizenIDs") {
            var total = 0
            for p in pages { total += IdentifierExtractor.citizenIDs(in: p).count }
            return total
        }
        time("  parcels") {
            var total = 0
            for p in pages { total += IdentifierExtractor.parcels(in: p).count }
            return total
        }
        time("  parcels, regex") {
            var total = 0
            for p in pages { total += IdentifierExtractor.parcelsByRegex(folded: VietNormalizer.fold(p)).count }
            return total
        }
        time("  fold") {
            var total = 0
            for p in pages { total += VietNormalizer.fold(p).utf8.count }
            return total
        }
        time("  fold+islands") {
            var total = 0
            for p in pages { total += IdentifierExtractor.parcelIslands(VietNormalizer.fold(p)).count }
            return total
        }
        time("  countIndexTerms, reserved") {
            var total = 0
            for p in pages {
                var counts: [UTF8Key: Int] = [:]
                counts.reserveCapacity(1024)
                analyzer.countIndexTerms(CollectionOfOne(p), maxTermBytes: 240, keys: { counts[$0, default: 0] += $1 })
                total += counts.count
            }
            return total
        }
        time("  countIndexTerms, no sink") {
            var total = 0
            for p in pages { analyzer.countIndexTerms(p, maxTermBytes: 240) { _, n in total += n } }
            return total
        }
    }
}
