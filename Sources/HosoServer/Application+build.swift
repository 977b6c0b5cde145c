import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Search

/// Where and how `hoso serve` listens.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Per-address limit on unauthenticated traffic (RateLimit.swift).
    public var rateLimit = RateLimitOptions()
    /// Body and URI size limits (RequestLimits.swift).
    public var limits = RequestLimits()
    /// The deliveries staff may check from `/nghiem-thu` (`--deliveries DIR`); nil when none was given.
    public var deliveries: DeliveriesFolder?
    public init(host: String = "127.0.0.1", port: Int = 8080, rateLimit: RateLimitOptions = RateLimitOptions()) {
        self.host = host; self.port = port; self.rateLimit = rateLimit
    }
}

/// Builds the router: the JSON API, the web pages, and the middleware around them.
public func buildRouter(archive: Archive, options: ServerOptions = ServerOptions()) -> Router<HosoRequestContext> {
    let router = Router(context: HosoRequestContext.self)
    let metrics = ServerMetrics()
    archive.timingObserver = { [searches = metrics.searches] in searches.record($0) }
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
    router.add(middleware: SecurityHeadersMiddleware())
    // Hardening (RequestLimits.swift, RateLimit.swift): no headers or query strings in logs, size limits,
    // JSON for every error, a rate limit on anonymous traffic.
    router.add(middleware: RequestLogMiddleware(level: .info))
    router.add(middleware: RequestLimitsMiddleware(limits: options.limits))
    if !options.rateLimit.isOff { router.add(middleware: RateLimitMiddleware(options: options.rateLimit, archive: archive)) }
    APIController(archive: archive).addRoutes(to: router)
    WebController(archive: archive).addRoutes(to: router)
    AcceptanceController(runs: AcceptanceRuns(folder: options.deliveries, access: archive.access, data: archive.data)).addRoutes(to: router)
    router.get("/metrics") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.exposition(archive: archive))))
    }
    return router
}

/// The whole server, ready to run (graceful stop on SIGINT/SIGTERM through ServiceLifecycle).
public func buildApplication(archive: Archive, options: ServerOptions, logger: Logger? = nil) -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "hoso")
    logger.logLevel = .info
    return Application(
        router: buildRouter(archive: archive, options: options),
        server: .http1(configuration: .init(idleTimeout: .seconds(60))),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "hoso"),
        logger: logger
    )
}

/// Security headers on every answer; a strict content security policy (nothing from outside).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
