import Foundation

/// Runs one Tesseract engine per worker thread (default: one per core) over a stream of page jobs.
/// Pages from a PDF text layer are passed through (meanConfidence 100, preprocessing
/// ["pdf-text-layer"]). A worker's engine is made when its first page to recognise comes: loading the
/// model costs a few tenths of a second and a hundred megabytes, and a delivery with good text layers needs none.
public final class RecognitionPool {
    private let makeEngine: () throws -> TesseractEngine
    private let slots: [EngineSlot]
    /// Stack size of each worker thread (Tesseract recurses on complex pages).
    public var stackSize = 16 << 20

    public var workers: Int { slots.count }
    /// Engines made so far.
    var enginesMade: Int { slots.filter(\.made).count }

    public convenience init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, language: String = "vie",
                            options: RecognitionOptions = RecognitionOptions()) throws {
        try self.init(workers: workers, language: language, makingOptions: { options })
    }

    /// With the options made by `makingOptions` when the first engine is (once, whichever worker needs it first):
    /// options that cost something to make (the archive's syllable model) are not made for a run of text layers.
    public init(workers: Int = ProcessInfo.processInfo.activeProcessorCount, language: String = "vie",
                makingOptions: @escaping () -> RecognitionOptions) throws {
        OCRRuntime.prepare()
        let lock = NSLock()
        var made: RecognitionOptions?
        makeEngine = {
            let options: RecognitionOptions = lock.withLock {
                if let made { return made }
                let options = makingOptions()
                made = options
                return options
            }
            return try TesseractEngine(language: language, options: options)
        }
        slots = (0..<max(1, workers)).map { _ in EngineSlot() }
    }

    /// One worker's engine, made on first use and kept (a failure to make it is that page's error, tried again
    /// on the next page).
    final class EngineSlot: @unchecked Sendable {
        private var engine: TesseractEngine?
        var made: Bool { engine != nil }
        func recognize(_ content: PageContent, making make: () throws -> TesseractEngine) throws -> RecognizedPage {
            switch content {
            case .text(let text): return .transcript(text)
            case .layer(let layer): return .layer(layer)
            case .image, .layerAndImage:
                if engine == nil { engine = try make() }
                return try engine!.recognize(content)
            }
        }
    }

    /// Calls `load` (on the worker) to get the page content, recognises it, and calls `done`
    /// (serialised: never concurrently) with each result as soon as it is ready. Returns when all
    /// jobs are done. Jobs of one scan (`scan`, e.g. its path) are loaded one at a time (a PDF's document is
    /// locked while a page is read), so a worker takes the next job of a scan no other worker is reading when
    /// there is one: two workers on the pages of one file would wait for each other.
    public func run<Job>(_ jobs: [Job], scan: @escaping (Job) -> String = { _ in "" },
                         load: @escaping (Job) throws -> PageContent,
                         done: @escaping (Job, Result<RecognizedPage, Error>) -> Void) {
        guard !jobs.isEmpty else { return }
        let doneLock = NSLock()
        let queue = JobQueue(keys: jobs.map(scan))
        let group = DispatchGroup()
        let makeEngine = self.makeEngine
        for slot in slots.prefix(jobs.count) {
            group.enter()
            let thread = Thread {
                while let (index, key) = queue.take() {
                    let job = jobs[index]
                    let content = Result<PageContent, Error> { try load(job) }
                    queue.loaded(key)
                    let result = content.flatMap { c in Result { try slot.recognize(c, making: makeEngine) } }
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

    /// Hands out job indices: the next job of the first scan that no worker is loading from, else the next
    /// job of the first scan with jobs left. Jobs of one scan are taken in their order.
    final class JobQueue: @unchecked Sendable {
        private let lock = NSLock()
        /// Runs of consecutive jobs of one scan: its key, the next job, the end.
        private var runs: [(key: String, next: Int, end: Int)] = []
        /// The runs with jobs left, in order.
        private var open: [Int]
        private var loading: [String: Int] = [:]

        init(keys: [String]) {
            var start = 0
            for i in 1...keys.count where i == keys.count || keys[i] != keys[start] {
                runs.append((keys[start], start, i))
                start = i
            }
            open = Array(runs.indices)
        }

        func take() -> (Int, String)? {
            lock.lock(); defer { lock.unlock() }
            guard !open.isEmpty else { return nil }
            // Only runs being loaded are passed over, so the search ends within as many places as there are loads.
            var place = 0
            for p in open.indices.prefix(loading.count + 1) where loading[runs[open[p]].key, default: 0] == 0 {
                place = p
                break
            }
            let r = open[place]
            let index = runs[r].next
            runs[r].next += 1
            if runs[r].next == runs[r].end { open.remove(at: place) }
            loading[runs[r].key, default: 0] += 1
            return (index, runs[r].key)
        }

        func loaded(_ key: String) {
            lock.lock(); defer { lock.unlock() }
            if let n = loading[key], n > 1 { loading[key] = n - 1 } else { loading[key] = nil }
        }
    }
}
