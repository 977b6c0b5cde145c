import Foundation
import HosoCore
import HTTPTypes
import Hummingbird
import Logging

/// Where and how `hoso serve` listens.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public init(host: String = "127.0.0.1", port: Int = 8080) { self.host = host; self.port = port }
}

/// Builds the router: the JSON API, the web pages, and the middleware around them.
public func buildRouter(archive: Archive) -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    APIController(archive: archive).addRoutes(to: router)
    WebController(archive: archive).addRoutes(to: router)
    return router
}

/// The whole server, ready to run (graceful stop on SIGINT/SIGTERM through ServiceLifecycle).
public func buildApplication(archive: Archive, options: ServerOptions, logger: Logger? = nil) -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "hoso")
    logger.logLevel = .info
    return Application(
        router: buildRouter(archive: archive),
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
