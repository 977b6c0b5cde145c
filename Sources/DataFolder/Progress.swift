import Foundation

/// Progress on standard error: a bar on a terminal, a plain line every few seconds otherwise.
public final class ProgressReporter: @unchecked Sendable {
    private let label: String
    private let total: Int
    private var done = 0
    private let start = Date()
    private var lastPrint = Date.distantPast
    private let isTerminal: Bool
    private let quiet: Bool
    private let lock = NSLock()

    public init(label: String, total: Int, quiet: Bool = false) {
        self.label = label
        self.total = total
        self.quiet = quiet
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    public func advance(by n: Int = 1) {
        lock.lock(); defer { lock.unlock() }
        done += n
        let now = Date()
        let interval = isTerminal ? 0.2 : 5
        guard !quiet, now.timeIntervalSince(lastPrint) >= interval || done == total else { return }
        lastPrint = now
        write(line(now: now), final: false)
    }

    public func finish() {
        lock.lock(); defer { lock.unlock() }
        guard !quiet, total > 0 else { return }
        write(line(now: Date()), final: true)
    }

    private func line(now: Date) -> String {
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        let rateText = String(format: "%.2f", rate)
        let eta = Self.duration(left)
        if isTerminal {
            let width = 30
            let filled = total > 0 ? min(width, width * done / total) : width
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            return "\(label) \(bar) \(done)/\(total) · \(rateText)/giây · còn \(eta)"
        }
        return "\(label): \(done)/\(total), \(rateText)/giây, còn \(eta)"
    }

    private func write(_ text: String, final: Bool) {
        let out = isTerminal ? "\r\u{1B}[K" + text + (final ? "\n" : "") : text + "\n"
        FileHandle.standardError.write(Data(out.utf8))
    }

    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s >= 3600 { return "\(s / 3600) giờ \(s % 3600 / 60) phút" }
        if s >= 60 { return "\(s / 60) phút \(s % 60) giây" }
        return "\(s) giây"
    }
}

/// Prints one line to standard error.
public func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
