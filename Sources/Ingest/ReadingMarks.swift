import Foundation
import OCR

/// The PDFs an ingest is reading in process (through poppler's library), marked in `DATA/reading/` while it
/// reads them: a crash or a hang inside the library stops the whole process, and the marks it leaves tell the
/// next run which files were open then. Those are read first in a child process under a time limit
/// (`PDFProbe`, the same reading code): a file that stops the child again is skipped with its reason, one that
/// reads (open beside the culprit, or the run was killed for another cause) goes on as usual. So an ingest
/// never dies twice on the same file, and a run killed by the operator loses no file.
///
/// A mark is one line `pid<TAB>verdict<TAB>size:mtime<TAB>path`; the verdict (empty while unread) is the reason
/// the file is skipped, kept for the runs after as long as the file is unchanged.
///
/// A watchdog turns a hang into that stop: a call into poppler running past `hangSeconds` ends the run (every
/// page saved so far kept; exit 1) with the file named.
public final class ReadingMarks: @unchecked Sendable {
    let folder: URL
    /// Seconds one in-process read may take before the run is stopped (`HOSO_POPPLER_HANG_SECONDS`).
    let hangSeconds: TimeInterval
    /// Seconds the child reading a suspect file may take (`HOSO_PDF_PROBE_SECONDS`).
    let probeSeconds: TimeInterval
    private let lock = NSLock()
    /// Paths left marked by a run that stopped: the mark's file, and what reading them in a child found (nil:
    /// not read yet).
    private var suspects: [String: (mark: URL, verdict: String?)] = [:]
    /// Reads under way, by path: how many, and when the oldest began.
    private var active: [String: (count: Int, since: [UInt64: Date])] = [:]
    private var nextToken: UInt64 = 0
    /// Files read to the end of a call and not since, whose marks are still on disk (oldest first): a file's pages
    /// are read one call after another, and its mark is written once, not once a page. A run that stops with
    /// some left has the next one read those few in a child first, which finds them fine.
    private var idle: [String] = []
    static let idleKept = 8
    private var watchdog: DispatchSourceTimer?

    public init(folder: URL) {
        self.folder = folder
        let env = ProcessInfo.processInfo.environment
        hangSeconds = env["HOSO_POPPLER_HANG_SECONDS"].flatMap(TimeInterval.init) ?? 300
        probeSeconds = env["HOSO_PDF_PROBE_SECONDS"].flatMap(TimeInterval.init) ?? 600
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".mark") {
            let file = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let fields = text.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let pid = Int32(fields[0]) else { continue }
            let verdict = String(fields[1]), path = String(fields[3]).trimmingCharacters(in: .newlines)
            // A read under way in another ingest still running on this folder is its business; a verdict is final.
            if verdict.isEmpty, pid != getpid(), Self.isRunningIngest(pid) { continue }
            // A file replaced since (another size or time) is read afresh.
            if !fields[2].isEmpty, fields[2] != Self.stamp(path) {
                try? FileManager.default.removeItem(at: file)
                continue
            }
            suspects[path] = (file, verdict.isEmpty ? nil : verdict)
        }
    }

    deinit {
        watchdog?.cancel()
        clearIdle()
    }

    /// Removes the marks of the files not being read (at the end of a run's reads).
    public func clearIdle() {
        lock.lock(); defer { lock.unlock() }
        for path in idle { try? FileManager.default.removeItem(at: markFile(path)) }
        idle = []
    }

    /// The marks' file for `path`.
    private func markFile(_ path: String) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in path.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return folder.appendingPathComponent(String(repeating: "0", count: 16 - hex.count) + hex + ".mark")
    }

    /// Whether `pid` is a live process of this same program (not a later one given the number again).
    static func isRunningIngest(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let mine = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")) == mine
    }

    /// The file's size and modification time, as a mark records them.
    static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// Writes the mark beside its place and renames it there (a reader never sees half a mark); a mark is written
    /// for every file an ingest opens, so through the system calls.
    private func writeMark(_ path: String, verdict: String) {
        let text = "\(getpid())\t\(verdict)\t\(Self.stamp(path))\t\(path)\n"
        let file = markFile(path).path, tmp = file + ".tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { unlink(tmp); return }
        _ = rename(tmp, file)
    }

    /// Runs `body`, an in-process read of the PDF at `url`, marked while it runs and watched for a hang. A file
    /// left marked by a run that stopped is first read in a child process; when that child crashes, hangs or
    /// finds it unusable, the file is skipped (ScanError) and stays marked with that reason.
    public func reading<T>(_ url: URL, reocr: Bool, _ body: () throws -> T) throws -> T {
        let path = url.path
        try checkSuspect(url, reocr: reocr)
        let token = enter(path)
        defer { leave(path, token) }
        return try body()
    }

    private func checkSuspect(_ url: URL, reocr: Bool) throws {
        let path = url.path
        lock.lock()
        guard let known = suspects[path] else { lock.unlock(); return }
        lock.unlock()
        if let verdict = known.verdict { throw ScanError(file: path, reason: verdict) }
        let stopped = "Tệp đã làm dừng tiến trình ở lần đọc trước"
        let verdict: String?
        switch try PDFProbe.probe(url, reocr: reocr, timeout: probeSeconds) {
        case .readable: verdict = nil
        case .unusable(let reason): verdict = reason
        case .crashed(let signal): verdict = "\(stopped); đọc lại trong tiến trình con, tiến trình con cũng dừng đột ngột (tín hiệu \(signal)): PDF hỏng, bỏ qua"
        case .timedOut: verdict = "\(stopped); đọc lại trong tiến trình con quá \(Int(probeSeconds)) giây, đã dừng: PDF hỏng hoặc quá phức tạp, bỏ qua"
        }
        lock.lock()
        if known.mark != markFile(path) { try? FileManager.default.removeItem(at: known.mark) }
        if let verdict {
            suspects[path] = (markFile(path), verdict)
            writeMark(path, verdict: verdict)
        } else {
            suspects[path] = nil
            if active[path] == nil {
                try? FileManager.default.removeItem(at: markFile(path))
                idle.removeAll { $0 == path }
            }
        }
        lock.unlock()
        if let verdict { throw ScanError(file: path, reason: verdict) }
    }

    private func enter(_ path: String) -> UInt64 {
        lock.lock(); defer { lock.unlock() }
        nextToken += 1
        var entry = active[path] ?? (0, [:])
        if entry.count == 0 {
            if let i = idle.firstIndex(of: path) { idle.remove(at: i) } else { writeMark(path, verdict: "") }
        }
        entry.count += 1
        entry.since[nextToken] = Date()
        active[path] = entry
        startWatchdog()
        return nextToken
    }

    private func leave(_ path: String, _ token: UInt64) {
        lock.lock(); defer { lock.unlock() }
        guard var entry = active[path] else { return }
        entry.count -= 1
        entry.since[token] = nil
        if entry.count <= 0 {
            active[path] = nil
            idle.append(path)
            if idle.count > Self.idleKept { unlink(markFile(idle.removeFirst()).path) }
        } else {
            active[path] = entry
        }
    }

    /// Checks the reads under way once a second (caller holds `lock`).
    private func startWatchdog() {
        guard watchdog == nil else { return }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
        timer.schedule(deadline: .now() + 1, repeating: 1)
        timer.setEventHandler { [weak self] in self?.checkHang() }
        watchdog = timer
        timer.resume()
    }

    private func checkHang() {
        lock.lock()
        let now = Date()
        let stuck = active.first { $0.value.since.values.contains { now.timeIntervalSince($0) > hangSeconds } }?.key
        lock.unlock()
        guard let stuck else { return }
        // The thread inside poppler cannot be stopped: the process ends, its mark left for the next run.
        let message = "Bỏ qua: \(stuck): poppler không trả lời sau \(Int(hangSeconds)) giây; dừng lần nhập này (các trang đã nhận dạng được giữ). "
            + "Hãy chạy lại hoso ingest: tệp này sẽ được đọc thử trong tiến trình con trước.\n"
        FileHandle.standardError.write(Data(message.utf8))
        _exit(1)
    }
}

/// The ingest's page source with every PDF read under `ReadingMarks`.
struct MarkedPageSource: @unchecked Sendable {
    let source: PageSource
    let marks: ReadingMarks
    let reocr: Bool

    func pageCount(of url: URL) throws -> Int {
        guard ScanReader.isPDF(url) else { return try source.pageCount(of: url) }
        return try marks.reading(url, reocr: reocr) { try source.pageCount(of: url) }
    }

    func page(_ number: Int, of url: URL) throws -> PageContent {
        guard ScanReader.isPDF(url) else { return try source.page(number, of: url) }
        return try marks.reading(url, reocr: reocr) { try source.page(number, of: url) }
    }
}
