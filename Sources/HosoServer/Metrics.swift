import Catalogue
import Foundation
import Hummingbird
import Search

/// Prometheus metrics at `/metrics` (text exposition format 0.0.4): requests and latencies per route and
/// status class, and the size of the index and the catalogue. Kept in-process, no dependency.
final class ServerMetrics: @unchecked Sendable {
    struct Key: Hashable { var route: String; var status: String }

    private let lock = NSLock()
    private var requests: [Key: Int] = [:]
    private var latency: [String: LatencyHistogram] = [:]
    /// Where searches spent their time, told by the archive after each search.
    let searches = SearchStatistics()

    /// The route family of a path, never the path itself: ids and queries stay out of the metrics.
    static func route(_ path: String) -> String {
        if path == "/api/search" { return "api_search" }
        if path.hasPrefix("/api/documents/") {
            if path.hasSuffix("/image") { return "api_page_image" }
            if path.hasSuffix("/words") { return "api_page_words" }
            if path.hasSuffix("/text") { return "api_text" }
            return "api_document"
        }
        if path == "/" { return "web_search" }
        if path.hasPrefix("/tai-lieu/") { return "web_viewer" }
        if ["/healthz", "/metrics", "/openapi.yaml", "/tra-cuu", "/dang-nhap"].contains(path) {
            return String(path.dropFirst()).replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")
        }
        return path.hasPrefix("/static/") ? "static" : "other"
    }

    func record(path: String, status: Int, seconds: Double) {
        let route = Self.route(path)
        lock.lock(); defer { lock.unlock() }
        requests[Key(route: route, status: "\(status / 100)xx"), default: 0] += 1
        latency[route, default: LatencyHistogram()].record(seconds)
    }

    func exposition(archive: Archive) -> String {
        lock.lock()
        let requests = self.requests, latency = self.latency
        lock.unlock()
        var out = "# HELP hoso_http_requests_total HTTP requests answered, by route and status class.\n"
        out += "# TYPE hoso_http_requests_total counter\n"
        for (key, n) in requests.sorted(by: { ($0.key.route, $0.key.status) < ($1.key.route, $1.key.status) }) {
            out += "hoso_http_requests_total{route=\"\(key.route)\",status=\"\(key.status)\"} \(n)\n"
        }
        out += "# HELP hoso_http_request_duration_seconds Time to answer, by route.\n"
        out += "# TYPE hoso_http_request_duration_seconds histogram\n"
        for (route, h) in latency.sorted(by: { $0.key < $1.key }) {
            out += h.exposition(name: "hoso_http_request_duration_seconds", labels: "route=\"\(route)\"")
        }
        out += "# HELP hoso_search_index_duration_seconds Time searches spent in the index (Xapian: widening unknown words, the match).\n"
        out += "# TYPE hoso_search_index_duration_seconds histogram\n"
        let phases = searches.phases
        out += phases.index.exposition(name: "hoso_search_index_duration_seconds")
        out += "# HELP hoso_search_result_page_duration_seconds Time searches spent on the result page (the hits' catalogue rows and page texts, pages ranked, snippets).\n"
        out += "# TYPE hoso_search_result_page_duration_seconds histogram\n"
        out += phases.resultPage.exposition(name: "hoso_search_result_page_duration_seconds")
        out += "# HELP hoso_search_duration_seconds Time of whole searches (parsing, index, suggestions, result page), without HTTP and JSON.\n"
        out += "# TYPE hoso_search_duration_seconds histogram\n"
        out += phases.search.exposition(name: "hoso_search_duration_seconds")
        let sizes = archive.storageSizes()
        out += "# HELP hoso_index_documents Documents in the index.\n# TYPE hoso_index_documents gauge\n"
        out += "hoso_index_documents \(sizes.indexDocuments)\n"
        out += "# HELP hoso_index_bytes Bytes of the current index generation on disk.\n# TYPE hoso_index_bytes gauge\n"
        out += "hoso_index_bytes \(sizes.indexBytes)\n"
        out += "# HELP hoso_catalogue_bytes Bytes of the catalogue (SQLite, with its WAL).\n# TYPE hoso_catalogue_bytes gauge\n"
        out += "hoso_catalogue_bytes \(sizes.catalogueBytes)\n"
        if let fleet = fleet.read(archive.store) { out += Self.exposition(fleet) }
        return out
    }

    /// The ingest fleet's progress, read from the catalogue at most once a minute.
    let fleet = FleetGauges()

    static func exposition(_ p: FleetProgress) -> String {
        func gauge(_ name: String, _ help: String, _ values: [(labels: String, value: String)]) -> String {
            var out = "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for v in values { out += "\(name)\(v.labels.isEmpty ? "" : "{\(v.labels)}") \(v.value)\n" }
            return out
        }
        func label(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
        }
        var out = gauge("hoso_documents", "Documents in the catalogue.", [("", "\(p.documents)")])
        out += gauge("hoso_pages_known", "Pages of the documents whose scans were counted.", [("", "\(p.pagesKnown)")])
        out += gauge("hoso_pages_done", "Pages saved in the catalogue.", [("", "\(p.pagesDone)")])
        out += gauge("hoso_pages_left", "Pages counted but not yet saved.", [("", "\(p.pagesLeft)")])
        out += gauge("hoso_recognitions", "Pages recognised, from the recognition log (one line per recognition).", [("", "\(p.recognitions)")])
        out += gauge("hoso_pages_recognised_twice", "Pages recognised more than once.", [("", "\(p.pagesRecognisedTwice)")])
        out += gauge("hoso_fleet_pages_per_minute", "Pages recognised per minute by every worker, over the last \(Int(p.window / 60)) minutes.",
                     [("", "\(p.fleetRate)")])
        out += gauge("hoso_fleet_seconds_left", "Estimated seconds until the pages left are done (-1: no worker is recognising).",
                     [("", "\(p.secondsLeft.map { "\($0.rounded())" } ?? "-1")")])
        out += gauge("hoso_live_claims", "Documents claimed by a worker, claim not expired.", [("", "\(p.liveClaims.count)")])
        out += gauge("hoso_worker_pages", "Pages recognised by each worker.",
                     p.workers.map { ("worker=\"\(label($0.worker))\"", "\($0.pages)") })
        out += gauge("hoso_worker_pages_per_minute", "Pages recognised per minute by each worker over the window.",
                     p.workers.map { ("worker=\"\(label($0.worker))\"", "\(p.rate(of: $0))") })
        out += gauge("hoso_worker_last_seen_seconds", "Unix time of each worker's last saved page or claim renewal.",
                     p.workers.map { ("worker=\"\(label($0.worker))\"", "\($0.lastSeen.timeIntervalSince1970.rounded())") })
        return out
    }
}

/// The last fleet progress read, kept `maxAge` seconds: scrapes every few seconds cost the catalogue one read
/// (counts over every page and log line) at most that often. A failed read shows no fleet gauges.
final class FleetGauges: @unchecked Sendable {
    private let lock = NSLock()
    private var last: (at: Date, progress: FleetProgress?)?
    let maxAge: TimeInterval = 60

    func read(_ store: any ArchiveCatalogue) -> FleetProgress? {
        lock.lock(); defer { lock.unlock() }
        if let last, Date().timeIntervalSince(last.at) < maxAge { return last.progress }
        let progress = try? store.fleetProgress(window: 600)
        last = (Date(), progress)
        return progress
    }
}

/// Times every request and counts it in `ServerMetrics` (in-process, exposed at `/metrics`).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        do {
            let response = try await next(request, context)
            metrics.record(path: request.uri.path, status: response.status.code, seconds: seconds())
            return response
        } catch {
            let status = (error as? HTTPResponseError)?.status.code ?? 500
            metrics.record(path: request.uri.path, status: status, seconds: seconds())
            throw error
        }
    }
}
