import Dispatch
import Foundation

/// Runs `transform` over `items` on every core, ahead of `consume`, which sees the results one by one
/// in the order of `items` on the calling thread. Indexing uses it so that reading the catalogue and
/// analysing text (most of the work, and safe in parallel) keep the one Xapian writer busy.
///
/// Work goes in chunks of `chunkSize`: while `consume` takes chunk k, chunk k+1 is computed. An error of
/// `transform` is thrown when `consume` reaches its item; an error of `consume` stops the run.
public enum OrderedParallelMap {
    public static func run<Item: Sendable, Output>(
        _ items: [Item], chunkSize: Int = 64,
        transform: @escaping @Sendable (Item) throws -> Output,
        consume: (Item, Output) throws -> Void
    ) throws {
        guard !items.isEmpty else { return }
        let size = max(1, chunkSize)
        let starts = Array(stride(from: 0, to: items.count, by: size))
        @Sendable func compute(_ chunk: Int) -> ChunkResults<Output> {
            let lower = starts[chunk], upper = min(lower + size, items.count)
            let results = ChunkResults<Output>(count: upper - lower)
            DispatchQueue.concurrentPerform(iterations: upper - lower) { i in
                results.set(i, Result { try transform(items[lower + i]) })
            }
            return results
        }
        let queue = DispatchQueue(label: "hoso.ordered-parallel-map")
        var current = compute(0)
        for chunk in starts.indices {
            let next = NextChunk<Output>()
            let group = DispatchGroup()
            if chunk + 1 < starts.count {
                queue.async(group: group) { next.results = compute(chunk + 1) }
            }
            defer { group.wait() }
            for (offset, result) in current.all.enumerated() {
                try consume(items[starts[chunk] + offset], try result.get())
            }
            group.wait()
            if let results = next.results { current = results }
        }
    }
}

/// The chunk computed in the background, read after its group is waited for.
final class NextChunk<Output>: @unchecked Sendable {
    var results: ChunkResults<Output>?
}

/// Results of one chunk, each slot written by exactly one worker before the chunk is read.
final class ChunkResults<Output>: @unchecked Sendable {
    private var slots: [Result<Output, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ result: Result<Output, Error>) {
        lock.lock()
        slots[i] = result
        lock.unlock()
    }

    var all: [Result<Output, Error>] {
        lock.lock(); defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// `DispatchQueue.concurrentPerform` for work that can fail: every iteration runs; the first error (by
/// iteration) is thrown after all have ended.
public func concurrentlyPerform(iterations: Int, _ body: (Int) throws -> Void) throws {
    var failures = [Error?](repeating: nil, count: iterations)
    failures.withUnsafeMutableBufferPointer { failed in
        let errors = failed
        DispatchQueue.concurrentPerform(iterations: iterations) { k in
            do { try body(k) } catch { errors[k] = error }
        }
    }
    if let error = failures.lazy.compactMap({ $0 }).first { throw error }
}
