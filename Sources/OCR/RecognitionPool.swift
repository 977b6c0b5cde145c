import Foundation

/// Runs one Tesseract engine per worker thread (default: one per core) over a stream of page jobs.
/// Pages from a PDF text layer are passed through (meanConfidence 100, preprocessing
/// ["pdf-text-layer"]).
public final class RecognitionPool {
    private let engines: [TesseractEngine]
    /// Stack size of each worker thread (Tesseract recurses on complex pages).
    public var stackSize = 16 << 20

    public var workers: Int { engines.count }

    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, language: String = "vie",
                options: RecognitionOptions = RecognitionOptions()) throws {
        OCRRuntime.prepare()
        engines = try (0..<max(1, workers)).map { _ in try TesseractEngine(language: language, options: options) }
    }

    /// Calls `load` (on the worker) to get the page content, recognises it, and calls `done`
    /// (serialised: never concurrently) with each result as soon as it is ready. Returns when all
    /// jobs are done.
    public func run<Job>(_ jobs: [Job], load: @escaping (Job) throws -> PageContent,
                         done: @escaping (Job, Result<RecognizedPage, Error>) -> Void) {
        guard !jobs.isEmpty else { return }
        let doneLock = NSLock()
        let counter = Counter()
        let group = DispatchGroup()
        for engine in engines.prefix(jobs.count) {
            group.enter()
            let thread = Thread {
                while true {
                    let index = counter.take()
                    guard index < jobs.count else { break }
                    let job = jobs[index]
                    let result = Result<RecognizedPage, Error> { try engine.recognize(try load(job)) }
                    doneLock.lock()
                    done(job, result)
                    doneLock.unlock()
                }
                group.leave()
            }
            thread.stackSize = stackSize
            thread.name = "hoso-ocr"
            thread.start()
        }
        group.wait()
    }

    /// Hands out job indices, one at a time.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        func take() -> Int { lock.lock(); defer { lock.unlock() }; next += 1; return next - 1 }
    }
}
