import DataFolder
import Foundation
import Hummingbird

/// hoso's errors as HTTP answers: the caller's mistakes 4xx, an unusable data folder 503, the Vietnamese
/// message as `{"error": "…"}` JSON.
extension HosoError: HTTPResponseError {
    public var status: HTTPResponse.Status {
        switch kind {
        case .usage: return .badRequest
        case .notFound: return .notFound
        case .unavailable: return .serviceUnavailable
        case .unauthorized: return .unauthorized
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        HTTPHelpers.error(status, message)
    }
}

/// The web pages' errors as an HTML page in Vietnamese, with the error's status.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = HosoRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let e as HosoError {
            return WebController.html(WebTemplates.errorPage(e.message), status: e.status)
        }
    }
}
