import Access
import Foundation
import Hummingbird
import Search

/// Resolves the caller of each request of its routes once and puts it on the context: the `Authorization`
/// header, else the `hoso_token` cookie, else anonymous `public`. A token hoso does not know is refused (401)
/// and the attempt audited (method and path, never the query string; the token's fingerprint only).
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = HosoRequestContext
    let access: AccessControl

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.caller = try access.authenticate(authorization: request.headers[.authorization] ?? Self.cookieToken(request).map { "Bearer " + $0 },
                                                 remote: context.remoteIP, request: Self.requestLine(request))
        return try await next(request, context)
    }

    /// What an audit line of a refused token records: the method and the path, without the query string.
    static func requestLine(_ request: Request) -> String {
        "\(request.method.rawValue) \(RequestLogMiddleware<HosoRequestContext>.loggedPath(request.uri.path))"
    }

    static func cookieToken(_ request: Request) -> String? {
        guard let cookie = request.headers[.cookie] else { return nil }
        for part in cookie.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == "hoso_token" { return String(kv[1]) }
        }
        return nil
    }
}
