import Acceptance
import Access
import Catalogue
import DataFolder
import Foundation

/// Acceptance checks (nghiệm thu) started from the staff web pages: run one at a time on a serial queue, each
/// kept in memory with its progress and then its report, written under `DATA/nghiem-thu/<run>/` as the CSV and
/// the printable HTML, and audited (who, which delivery, the totals) once it ends.
final class AcceptanceRuns: @unchecked Sendable {
    enum State {
        /// Waiting behind another check.
        case waiting
        /// Measuring: documents done of the delivery's, pages measured so far.
        case running(documents: Int, of: Int, pages: Int)
        case done(AcceptanceReport)
        /// The delivery could not be read (or the audit line not written): the message, in Vietnamese.
        case failed(String)

        var finished: Bool {
            switch self {
            case .done, .failed: return true
            case .waiting, .running: return false
            }
        }
    }

    struct Run {
        var id: String
        var delivery: DeliveriesFolder.Entry
        var caller: Caller
        var started: Date
        var state: State
    }

    let folder: DeliveriesFolder?
    let access: AccessControl
    /// Where each report's files are written (`DATA/nghiem-thu`).
    let output: URL
    /// Finished runs kept beyond this many are forgotten, oldest first (their files stay under DATA).
    let keep = 100

    private let lock = NSLock()
    private var runs: [String: Run] = [:]
    private var order: [String] = []
    private var sequence = 0
    private let queue = DispatchQueue(label: "hoso.nghiem-thu")

    init(folder: DeliveriesFolder?, access: AccessControl, data: DataDirectory) {
        self.folder = folder
        self.access = access
        output = data.url.appendingPathComponent("nghiem-thu", isDirectory: true)
    }

    /// Queues the check of the delivery called `name`; its run id. A name that is not a delivery of the folder
    /// is not found, as an unknown one.
    func start(_ name: String, by caller: Caller) throws -> String {
        guard let folder, let (entry, url) = folder.locate(name) else {
            throw HosoError(.notFound, "Không tìm thấy lô giao nộp")
        }
        let id: String = lock.withLock {
            sequence += 1
            let stamp = DateFormatter()
            stamp.locale = Locale(identifier: "en_US_POSIX")
            stamp.dateFormat = "yyyyMMdd-HHmmss"
            let id = "\(stamp.string(from: Date()))-\(sequence)"
            runs[id] = Run(id: id, delivery: entry, caller: caller, started: Date(), state: .waiting)
            order.append(id)
            forgetOldRuns()
            return id
        }
        queue.async { self.execute(id, entry: entry, url: url) }
        return id
    }

    func run(_ id: String) -> Run? { lock.withLock { runs[id] } }

    /// The runs, newest first.
    func recent() -> [Run] { lock.withLock { order.reversed().compactMap { runs[$0] } } }

    private func update(_ id: String, _ state: State) { lock.withLock { runs[id]?.state = state } }

    private func forgetOldRuns() {
        while order.count > keep, let oldest = order.firstIndex(where: { runs[$0]?.state.finished ?? true }) {
            runs.removeValue(forKey: order.remove(at: oldest))
        }
    }

    /// One check, on the serial queue.
    private func execute(_ id: String, entry: DeliveriesFolder.Entry, url: URL) {
        guard let caller = run(id)?.caller else { return }
        update(id, .running(documents: 0, of: 0, pages: 0))
        var check = DeliveryCheck()
        var pages = 0
        check.measured = { [weak self] document, done, count in
            pages += document.pages.count
            self?.update(id, .running(documents: done, of: count, pages: pages))
        }
        let target: String
        let state: State
        do {
            var report = try Self.check(entry, at: url, with: check)
            // The report names the delivery as staff know it, never the server's folders.
            report.batch = entry.name
            target = entry.name + " | " + ReportText.totals(report).map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            state = .done(report)
        } catch {
            let message = (error as? CatalogueError)?.message.replacingOccurrences(of: url.path, with: entry.name) ?? "\(error)"
            target = entry.name + " | không đọc được lô: " + message
            state = .failed("Không đọc được lô: \(message)")
        }
        do {
            try access.record(.acceptanceCheck, target: target, by: caller, level: nil)
        } catch {
            // No trail, no report: the check is refused as every audited action is when its line cannot be written.
            update(id, .failed((error as? HosoError)?.message ?? "\(error)"))
            return
        }
        if case .done(let report) = state { write(report, id: id) }
        update(id, state)
    }

    /// The check of a folder, or of a zip package seen through a temporary folder that holds only a link to it.
    private static func check(_ entry: DeliveriesFolder.Entry, at url: URL, with check: DeliveryCheck) throws -> AcceptanceReport {
        guard entry.isPackage else { return try check.run(batch: url) }
        let holder = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-nghiem-thu-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: holder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: holder) }
        try FileManager.default.createSymbolicLink(at: holder.appendingPathComponent(entry.name), withDestinationURL: url)
        return try check.run(batch: holder)
    }

    /// The report's CSV and printable HTML under `DATA/nghiem-thu/<run>/`; the page serves them from memory, so a
    /// folder that cannot be written loses only this copy.
    private func write(_ report: AcceptanceReport, id: String) {
        let folder = output.appendingPathComponent(id, isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(ReportCSV.render(report).utf8).write(to: folder.appendingPathComponent("bao-cao.csv"))
        try? Data(ReportHTML.render(report).utf8).write(to: folder.appendingPathComponent("bien-ban.html"))
    }
}
