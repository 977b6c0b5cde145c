import Catalogue
import Foundation
import HosoCore
import Hummingbird

/// The web pages, in Vietnamese, server-rendered, with nothing loaded from outside:
/// `/` search, `/tai-lieu/{id}` the document viewer, `/tra-cuu` quick lookup forms for counters,
/// `/dang-nhap` to give a token (kept in an HttpOnly cookie).
struct WebController {
    let archive: Archive

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/", use: searchPage)
        router.get("/tai-lieu/{id}", use: viewer)
        router.get("/tra-cuu", use: lookupPage)
        router.get("/dang-nhap", use: loginPage)
        router.post("/dang-nhap", use: login)
        router.get("/static/hoso.css") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/css; charset=utf-8"
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: WebTemplates.css)))
        }
    }

    static func html(_ body: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// The role of a browser: its cookie token, else public. A wrong cookie shows the login page.
    static func role(_ request: Request, archive: Archive) throws -> Role {
        try archive.role(authorization: request.headers[.authorization] ?? cookieToken(request).map { "Bearer " + $0 })
    }

    static func cookieToken(_ request: Request) -> String? {
        guard let cookie = request.headers[.cookie] else { return nil }
        for part in cookie.split(separator: ";") {
            let kv = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == "hoso_token" { return String(kv[1]) }
        }
        return nil
    }

    @Sendable func searchPage(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let params = SearchParameters.formValues(request.uri.query ?? "")
        do {
            let role = try Self.role(request, archive: archive)
            var spec = try SearchParameters.spec(from: request, role: role)
            spec.facets = true
            let result: SearchResult? = spec.query.isEmpty && spec.filters.isEmpty ? nil : try await archive.searchAsync(spec)
            return Self.html(WebTemplates.searchPage(spec: spec, result: result, role: role, error: nil))
        } catch let e as HosoError {
            let spec = SearchRequestSpec(query: params["q"] ?? "")
            return Self.html(WebTemplates.searchPage(spec: spec, result: nil, role: .public, error: e.message),
                             status: HTTPHelpers.status(for: e))
        }
    }

    @Sendable func viewer(_ request: Request, context: BasicRequestContext) async throws -> Response {
        do {
            let role = try Self.role(request, archive: archive)
            let id = try HTTPHelpers.documentID(context)
            let view = try archive.document(id: id, role: role)
            let pageCount = max(view.pages.count, 1)
            let form = SearchParameters.formValues(request.uri.query ?? "")
            let raw = form["trang"].flatMap { Int($0) } ?? 1
            let page = min(max(raw, 1), pageCount)
            let query = form["q"] ?? ""
            let highlights = view.pages.isEmpty ? nil : try archive.pageHighlights(id: id, page: page, query: query, role: role)
            let texts = try archive.text(id: id, role: role)
            let text = page <= texts.count ? texts[page - 1] : ""
            return Self.html(WebTemplates.viewer(view: view, page: page, query: query, highlights: highlights, text: text))
        } catch let e as HosoError {
            return Self.html(WebTemplates.errorPage(e.message), status: HTTPHelpers.status(for: e))
        }
    }

    @Sendable func lookupPage(_ request: Request, context: BasicRequestContext) async throws -> Response {
        Self.html(WebTemplates.lookupPage())
    }

    @Sendable func loginPage(_ request: Request, context: BasicRequestContext) async throws -> Response {
        Self.html(WebTemplates.loginPage(error: nil))
    }

    @Sendable func login(_ request: Request, context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 4096)
        let form = String(buffer: body)
        var token = ""
        for pair in form.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2, kv[0] == "token" {
                token = String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
        }
        token = token.trimmingCharacters(in: .whitespaces)
        if token.isEmpty {
            var headers = HTTPFields()
            headers[.setCookie] = "hoso_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
            headers[.location] = "/"
            return Response(status: .seeOther, headers: headers)
        }
        guard (try? archive.role(authorization: "Bearer " + token)) != nil,
              token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            return Self.html(WebTemplates.loginPage(error: "Mã truy cập không đúng"), status: .unauthorized)
        }
        var headers = HTTPFields()
        headers[.setCookie] = "hoso_token=\(token); Path=/; HttpOnly; SameSite=Strict"
        headers[.location] = "/"
        return Response(status: .seeOther, headers: headers)
    }
}
