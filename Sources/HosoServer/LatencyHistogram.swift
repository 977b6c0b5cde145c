import Foundation
import Search

/// A latency histogram in Prometheus's form (cumulative buckets, sum, count): the server's request durations
/// and the searches' time in the index.
struct LatencyHistogram: Sendable {
    /// Bucket upper bounds, in seconds.
    public static let buckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]
    public private(set) var counts = [Int](repeating: 0, count: LatencyHistogram.buckets.count)
    public private(set) var sum = 0.0
    public private(set) var count = 0

    public init() {}

    public mutating func record(_ seconds: Double) {
        for (i, bound) in Self.buckets.enumerated() where seconds <= bound { counts[i] += 1 }
        sum += seconds
        count += 1
    }

    /// The exposition lines of the histogram `name`, with `labels` (`route="api_search"`) or none.
    public func exposition(name: String, labels: String = "") -> String {
        let sep = labels.isEmpty ? "" : ","
        var out = ""
        for (i, bound) in Self.buckets.enumerated() {
            out += "\(name)_bucket{\(labels)\(sep)le=\"\(bound)\"} \(counts[i])\n"
        }
        out += "\(name)_bucket{\(labels)\(sep)le=\"+Inf\"} \(count)\n"
        let braces = labels.isEmpty ? "" : "{\(labels)}"
        out += "\(name)_sum\(braces) \(sum)\n"
        out += "\(name)_count\(braces) \(count)\n"
        return out
    }
}

/// Where searches spend their time: in the index (Xapian: expansions and the match), on the result page
/// (the hits' catalogue rows and texts, pages ranked, snippets) and in the whole search. Beside the request
/// durations they tell what the server adds to the bare Xapian work, and which part of it.
final class SearchStatistics: @unchecked Sendable {
    private let lock = NSLock()
    private var index = LatencyHistogram()
    private var resultPage = LatencyHistogram()
    private var whole = LatencyHistogram()

    func record(_ timings: SearchTimings) {
        lock.lock(); defer { lock.unlock() }
        index.record(timings.index)
        resultPage.record(timings.resultPage)
        whole.record(timings.search)
    }

    public var phases: (index: LatencyHistogram, resultPage: LatencyHistogram, search: LatencyHistogram) {
        lock.lock(); defer { lock.unlock() }
        return (index, resultPage, whole)
    }
}
