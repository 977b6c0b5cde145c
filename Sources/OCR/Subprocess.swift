import Foundation

/// Runs an external tool (poppler-utils) with a timeout; never hangs, never throws on the tool's own
/// failure (the exit status and standard error are returned).
struct Subprocess {
    struct Output {
        var status: Int32
        var stdout: Data
        var stderr: String
        var timedOut: Bool
        /// The signal that ended the tool (a crash: SIGSEGV, SIGABRT …), nil when it exited.
        var signal: Int32? = nil
    }

    /// Finds `name` on PATH (then in /usr/bin, /usr/local/bin).
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        for dir in dirs where !dir.isEmpty {
            let candidate = (dir as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `tool args`, waiting at most `timeout` seconds; a tool still running then is killed.
    static func run(_ tool: String, _ args: [String], timeout: TimeInterval, environment: [String: String] = [:]) throws -> Output {
        guard let path = tool.hasPrefix("/") ? tool : locate(tool) else {
            throw OCREngineError(reason: "Thiếu công cụ \(tool) (cài gói poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        env.merge(environment) { $1 }
        process.environment = env
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()

        // Drain both pipes concurrently so a chatty tool cannot block on a full pipe.
        let group = DispatchGroup()
        let outBox = DataBox(), errBox = DataBox()
        for (pipe, box) in [(outPipe, outBox), (errPipe, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        group.wait()
        return Output(status: process.terminationStatus, stdout: outBox.get(),
                      stderr: String(decoding: errBox.get(), as: UTF8.self), timedOut: timedOut,
                      signal: process.terminationReason == .uncaughtSignal && !timedOut ? process.terminationStatus : nil)
    }

    /// A pipe's bytes, filled by its reader thread.
    private final class DataBox: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    }
}
