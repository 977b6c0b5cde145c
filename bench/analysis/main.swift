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
        /// `time` of `count(page)` summed over the pages.
        func perPage(_ name: String, _ count: (String) -> Int) {
            time(name) { pages.reduce(0) { $0 + count($1) } }
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
        perPage("  identifierTerms alone") { analyzer.identifierTerms($0).count }
        perPage("  documentNumbersByLine") { IdentifierExtractor.documentNumbersByLine(in: $0).count }
        perPage("  citizenIDs") { IdentifierExtractor.citizenIDs(in: $0).count }
        perPage("  parcels") { IdentifierExtractor.parcels(in: $0).count }
        perPage("  parcels, regex") { IdentifierExtractor.parcelsByRegex(folded: VietNormalizer.fold($0)).count }
        perPage("  fold") { VietNormalizer.fold($0).utf8.count }
        perPage("  fold+islands") { IdentifierExtractor.parcelIslands(VietNormalizer.fold($0)).count }
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
