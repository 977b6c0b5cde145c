import Foundation

/// A PDF read whole through the ingest's own reading code (every page as `ScanReader.page` gives it, without
/// recognition) in a child process under a time limit: what poppler does to a file that once stopped the
/// process reading it in process (a crash or a hang inside the library) then costs only that child.
public enum PDFProbe {
    /// The child's environment variable: the file to read (its presence makes `runIfChild` take over).
    static let fileVariable = "HOSO_PDF_PROBE_FILE"
    static let reocrVariable = "HOSO_PDF_PROBE_REOCR"
    /// Exit status of a child that read the file and found it unusable (its reason on standard output).
    static let unusable: Int32 = 3

    /// The program run as the child: `hoso` (whose `main` calls `runIfChild` first), this very executable or,
    /// in another (a test runner), the `hoso` beside it.
    nonisolated(unsafe) public static var executable: String = {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let url = URL(fileURLWithPath: me)
        return url.lastPathComponent == "hoso" ? me : url.deletingLastPathComponent().appendingPathComponent("hoso").path
    }()

    /// What the child found.
    public enum Outcome: Equatable, Sendable {
        /// Every page read.
        case readable
        /// Read to the end, and unusable for this reason (a ScanError's, Vietnamese).
        case unusable(String)
        /// The child was killed by this signal (a crash in a library), or ran past the time limit.
        case crashed(Int32)
        case timedOut
    }

    /// Reads the PDF at `url` in a child process, waiting at most `timeout` seconds.
    public static func probe(_ url: URL, reocr: Bool, timeout: TimeInterval) throws -> Outcome {
        let out: Subprocess.Output
        do {
            out = try Subprocess.run(executable, [], timeout: timeout,
                                     environment: [fileVariable: url.path, reocrVariable: reocr ? "1" : "0",
                                                   // A crash ends the child at once, without a backtrace.
                                                   "SWIFT_BACKTRACE": "enable=no"])
        } catch {
            throw ScanError(file: url.path, reason: "Không chạy được tiến trình con để đọc thử tệp: \(error)")
        }
        if out.timedOut { return .timedOut }
        if let signal = out.signal { return .crashed(signal) }
        if out.status == 0 { return .readable }
        let reason = String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if out.status == unusable, !reason.isEmpty { return .unusable(reason) }
        return .crashed(out.status)
    }

    /// Call first in `main`: in a child started by `probe`, reads the file, prints what was wrong with it and
    /// exits; returns at once in any other process.
    public static func runIfChild() {
        let env = ProcessInfo.processInfo.environment
        guard let path = env[fileVariable], !path.isEmpty else { return }
        let url = URL(fileURLWithPath: path)
        let reader = ScanReader(reocr: env[reocrVariable] == "1")
        do {
            let count = try reader.pageCount(of: url)
            for number in 1...max(1, count) { _ = try reader.page(number, of: url) }
            exit(0)
        } catch let error as ScanError {
            print(error.page.map { "Trang \($0): \(error.reason)" } ?? error.reason)
        } catch {
            print("\(error)")
        }
        fflush(stdout)
        exit(unusable)
    }
}
