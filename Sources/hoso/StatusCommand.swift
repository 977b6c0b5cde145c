import ArgumentParser
import Catalogue
import DataFolder
import Foundation

/// `hoso status`: the progress of every ingest worker sharing the catalogue, read from it: documents and pages
/// known and done, each worker's pages, last sign of life and rate, the fleet's rate and time left, live claims.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Tiến độ nhập của mọi máy dùng chung danh mục: số trang đã xong, còn lại, theo từng máy, tốc độ, thời gian còn lại.")

    @OptionGroup var options: DataOptions
    @Option(help: "Tốc độ tính trên bấy nhiêu phút gần nhất.")
    var minutes = 10.0
    @Flag(help: "In dạng JSON.")
    var json = false

    func run() async throws {
        guard minutes > 0, minutes.isFinite else { throw HosoError(.usage, "--minutes phải là số dương") }
        let data = try options.directory()
        let store = try data.openCatalogue()
        let progress: FleetProgress
        do { progress = try store.fleetProgress(window: minutes * 60) } catch let e as CatalogueError {
            throw HosoError(.unavailable, e.message)
        }
        if json {
            print(String(decoding: try Self.json(progress, catalogue: store.location), as: UTF8.self))
        } else {
            for line in Self.lines(progress, catalogue: store.location) { print(line) }
        }
    }

    struct Report: Encodable {
        struct Worker: Encodable {
            var worker: String
            var pages: Int
            var recent_pages: Int
            var rate_per_minute: Double
            var last_seen: String
            var seconds_since_seen: Double
        }
        struct Claim: Encodable {
            var document: String
            var worker: String
            var expires_at: String
            var seconds_left: Double
        }
        var catalogue: String
        var at: String
        var documents: Int
        var documents_counted: Int
        var pages_known: Int
        var pages_done: Int
        var pages_left: Int
        var recognitions: Int
        var pages_recognised_twice: Int
        var window_seconds: Double
        var rate_per_minute: Double
        var seconds_left: Double?
        var workers: [Worker]
        var claims: [Claim]
    }

    static func json(_ p: FleetProgress, catalogue: String) throws -> Data {
        let iso = ISO8601DateFormatter()
        func round(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        let report = Report(
            catalogue: catalogue, at: iso.string(from: p.now), documents: p.documents, documents_counted: p.documentsCounted,
            pages_known: p.pagesKnown, pages_done: p.pagesDone, pages_left: p.pagesLeft, recognitions: p.recognitions,
            pages_recognised_twice: p.pagesRecognisedTwice, window_seconds: p.window, rate_per_minute: round(p.fleetRate),
            seconds_left: p.secondsLeft.map { $0.rounded() },
            workers: p.workers.map {
                .init(worker: $0.worker, pages: $0.pages, recent_pages: $0.recentPages, rate_per_minute: round(p.rate(of: $0)),
                      last_seen: iso.string(from: $0.lastSeen), seconds_since_seen: round(p.now.timeIntervalSince($0.lastSeen)))
            },
            claims: p.liveClaims.map {
                .init(document: $0.documentID, worker: $0.worker, expires_at: iso.string(from: $0.expiresAt),
                      seconds_left: round($0.expiresAt.timeIntervalSince(p.now)))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(report)
    }

    static func lines(_ p: FleetProgress, catalogue: String) -> [String] {
        var out = ["Danh mục: \(catalogue)"]
        out.append("Tài liệu: \(p.documents) (đã đếm trang \(p.documentsCounted))")
        let share = p.pagesKnown > 0 ? " (\(number(Double(p.pagesDone) * 100 / Double(p.pagesKnown), digits: 1)) %)" : ""
        out.append("Trang: \(p.pagesKnown) đã biết, \(p.pagesDone) đã xong\(share), \(p.pagesLeft) còn lại")
        out.append("Lượt nhận dạng đã ghi: \(p.recognitions); trang nhận dạng hơn một lần: \(p.pagesRecognisedTwice)")
        let window = number(p.window / 60, digits: 0)
        var rate = "Tốc độ cả nhóm: \(number(p.fleetRate, digits: 1)) trang/phút (\(window) phút gần nhất)"
        if p.pagesLeft == 0 {
            rate += "; đã xong"
        } else if let left = p.secondsLeft {
            rate += "; còn khoảng \(duration(left))"
        } else {
            rate += "; chưa ước tính được thời gian còn lại (không máy nào đang nhận dạng)"
        }
        out.append(rate)
        if p.workers.isEmpty {
            out.append("Chưa có máy nào nhận dạng trang nào.")
        } else {
            out.append("Theo máy:")
            for w in p.workers {
                out.append("  \(w.worker)\t\(w.pages) trang\t\(number(p.rate(of: w), digits: 1)) trang/phút\tlần cuối \(duration(max(0, p.now.timeIntervalSince(w.lastSeen)))) trước")
            }
        }
        out.append("Tài liệu đang được giữ: \(p.liveClaims.count)")
        for c in p.liveClaims {
            out.append("  \(c.documentID)\t\(c.worker)\thết hạn sau \(duration(max(0, c.expiresAt.timeIntervalSince(p.now))))")
        }
        return out
    }

    /// A number the Vietnamese way: a comma before the decimals.
    static func number(_ x: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", x).replacingOccurrences(of: ".", with: ",")
    }

    /// Seconds as the progress lines say them ("1 giờ 5 phút", "42 giây"), and as days and hours from a day on:
    /// a fleet's time left runs into weeks.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s < 86_400 ? ProgressReporter.duration(seconds) : "\(s / 86_400) ngày \(s % 86_400 / 3600) giờ"
    }
}
