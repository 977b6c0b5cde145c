import Foundation
import Hummingbird
import Search

/// How much unauthenticated traffic one address may send (`hoso serve --rate-limit N`).
public struct RateLimitOptions: Sendable, Equatable {
    /// Requests per second refilled into each address's bucket; 0 turns the limit off.
    public var rate: Double
    /// How many requests an address may send at once before it is slowed down.
    public var burst: Double

    public init(rate: Double = 20, burst: Double? = nil) {
        self.rate = max(0, rate)
        self.burst = max(1, burst ?? rate * 2)
    }

    public static let off = RateLimitOptions(rate: 0, burst: 1)
    public var isOff: Bool { rate <= 0 }
}

/// One token bucket per remote address. Thread-safe; forgets full (idle) buckets when it holds too many.
final class TokenBuckets: @unchecked Sendable {
    let options: RateLimitOptions
    let clock: @Sendable () -> TimeInterval
    private var buckets: [String: (tokens: Double, updated: TimeInterval)] = [:]
    private let lock = NSLock()
    /// Above so many addresses, buckets that have refilled completely are dropped.
    let maxTracked: Int

    init(_ options: RateLimitOptions, maxTracked: Int = 10_000,
         clock: @escaping @Sendable () -> TimeInterval = { ProcessInfo.processInfo.systemUptime }) {
        self.options = options
        self.clock = clock
        self.maxTracked = maxTracked
    }

    /// Takes one token for `key`: nil when the request may go on, else the seconds until it may.
    func take(_ key: String) -> TimeInterval? {
        lock.lock(); defer { lock.unlock() }
        let now = clock()
        var bucket = buckets[key] ?? (options.burst, now)
        bucket.tokens = min(options.burst, bucket.tokens + max(0, now - bucket.updated) * options.rate)
        bucket.updated = now
        defer {
            buckets[key] = bucket
            if buckets.count > maxTracked { prune(now) }
        }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            return nil
        }
        return (1 - bucket.tokens) / options.rate
    }

    private func prune(_ now: TimeInterval) {
        buckets = buckets.filter { min(options.burst, $0.value.tokens + (now - $0.value.updated) * options.rate) < options.burst }
        if buckets.count > maxTracked { buckets.removeAll() }
    }

    var trackedCount: Int { lock.lock(); defer { lock.unlock() }; return buckets.count }
}

/// A per-address token-bucket limit on public (unauthenticated) traffic: 429 with `Retry-After` and a
/// JSON error when an address sends faster than allowed. Requests with a valid token (header or cookie)
/// are not limited; a wrong token counts like no token.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = HosoRequestContext
    let buckets: TokenBuckets
    let archive: Archive

    init(options: RateLimitOptions, archive: Archive, clock: (@Sendable () -> TimeInterval)? = nil) {
        buckets = clock.map { TokenBuckets(options, clock: $0) } ?? TokenBuckets(options)
        self.archive = archive
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if hasValidToken(request) { return try await next(request, context) }
        guard let wait = buckets.take(context.remoteIP) else { return try await next(request, context) }
        var response = HTTPHelpers.error(.tooManyRequests, "Quá nhiều yêu cầu từ địa chỉ này; hãy thử lại sau ít giây")
        response.headers[.retryAfter] = String(max(1, Int(wait.rounded(.up))))
        return response
    }

    private func hasValidToken(_ request: Request) -> Bool {
        let header = request.headers[.authorization] ?? AuthenticationMiddleware.cookieToken(request).map { "Bearer " + $0 }
        guard let header, let caller = try? archive.access.caller(authorization: header) else { return false }
        return !caller.name.isEmpty
    }
}
