import Access
import Catalogue
import DataFolder
import Foundation
import Hummingbird
import Search

/// The web pages, in Vietnamese, server-rendered, with nothing loaded from outside:
/// `/` search, `/tai-lieu/{id}` the document viewer (and its "Cấp bản sao" action), `/tra-cuu` quick lookup forms for counters,
/// `/dang-nhap` to give a token (kept in an HttpOnly cookie).
struct WebController {
    let archive: Archive

    func addRoutes(to router: Router<HosoRequestContext>) {
        let reading = router.group().add(middleware: WebErrorMiddleware()).add(middleware: AuthenticationMiddleware(access: archive.access))
        reading.get("/", use: searchPage)
        reading.get("/tai-lieu/{id}", use: viewer)
        reading.post("/tai-lieu/{id}/ban-sao", use: copy)
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

    @Sendable func searchPage(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let params = FormDecoding.parameters(request.uri.query)
        let caller = context.caller
        let role = caller.role
        do {
            var spec = try SearchParameters.spec(from: params, role: role)
            spec.facets = true
            let result: SearchResult? = spec.query.isEmpty && spec.filters.isEmpty ? nil : try await archive.searchAsync(spec, by: caller)
            return Self.html(WebTemplates.searchPage(spec: spec, result: result, role: role, error: nil))
        } catch let e as HosoError {
            let spec = SearchRequestSpec(query: FormDecoding.value("q", in: request.uri.query) ?? "")
            return Self.html(WebTemplates.searchPage(spec: spec, result: nil, role: role, error: e.message), status: e.status)
        }
    }

    @Sendable func viewer(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let caller = context.caller
        let role = caller.role
        let id = try HTTPHelpers.documentID(context)
        let view = try archive.document(id: id, by: caller)  // the one audit line of a viewer page
        let pageCount = max(view.pages.count, 1)
        let raw = request.uri.queryParameters.get("trang").flatMap { Int($0) } ?? 1
        let page = min(max(raw, 1), pageCount)
        let query = (FormDecoding.value("q", in: request.uri.query) ?? "")
        let highlights = view.pages.isEmpty ? nil : try archive.pageHighlights(id: id, page: page, query: query, role: role)
        let texts = try archive.text(id: id, role: role)
        let text = page <= texts.count ? texts[page - 1] : ""
        return Self.html(WebTemplates.viewer(view: view, page: page, query: query, highlights: highlights, text: text, role: role))
    }

    @Sendable func lookupPage(_ request: Request, context: HosoRequestContext) async throws -> Response {
        Self.html(WebTemplates.lookupPage())
    }

    @Sendable func loginPage(_ request: Request, context: HosoRequestContext) async throws -> Response {
        Self.html(WebTemplates.loginPage(error: nil))
    }

    @Sendable func login(_ request: Request, context: HosoRequestContext) async throws -> Response {
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
        guard (try? archive.access.authenticate(authorization: "Bearer " + token, remote: context.remoteIP,
                                         request: AuthenticationMiddleware.requestLine(request))) != nil,
              token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            return Self.html(WebTemplates.loginPage(error: "Mã truy cập không đúng"), status: .unauthorized)
        }
        var headers = HTTPFields()
        headers[.setCookie] = "hoso_token=\(token); Path=/; HttpOnly; SameSite=Strict"
        headers[.location] = "/"
        return Response(status: .seeOther, headers: headers)
    }
}
