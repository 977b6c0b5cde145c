import Catalogue
import Foundation
import Hummingbird
import Search

/// `/healthz` and the JSON API of CONTRACT.md.
struct APIController {
    let archive: Archive

    func addRoutes(to router: Router<HosoRequestContext>) {
        router.get("/healthz", use: health)
        router.get("/openapi.yaml") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/yaml; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        let api = router.group("/api").add(middleware: AuthenticationMiddleware(access: archive.access))
        api.get("search", use: search)
        api.get("documents/{id}", use: document)
        api.get("documents/{id}/text", use: text)
        api.get("documents/{id}/pages/{n}/image", use: pageImage)
        api.get("documents/{id}/pages/{n}/words", use: pageWords)
    }

    @Sendable func health(_ request: Request, context: HosoRequestContext) async throws -> Response {
        if archive.isHealthy() {
            // Still 200 when an older generation answers: the body says so.
            if let warning = archive.servingWarning() { return HTTPHelpers.json(["status": "ok", "warning": warning]) }
            return HTTPHelpers.json(["status": "ok"])
        }
        return HTTPHelpers.error(.serviceUnavailable, "Chỉ mục chưa sẵn sàng")
    }

    @Sendable func search(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let spec = try SearchParameters.spec(from: FormDecoding.parameters(request.uri.query), role: context.caller.role)
        let result = try await archive.searchAsync(spec, by: context.caller)
        return HTTPHelpers.json(result)
    }

    @Sendable func document(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let id = try HTTPHelpers.documentID(context)
        return HTTPHelpers.json(try archive.document(id: id, by: context.caller))
    }

    @Sendable func text(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let id = try HTTPHelpers.documentID(context)
        return HTTPHelpers.json(DocumentText(id: id, pages: try archive.text(id: id, by: context.caller)))
    }

    @Sendable func pageImage(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let id = try HTTPHelpers.documentID(context)
        let number = try HTTPHelpers.pageNumber(context)
        let png = try await archive.pageImageAsync(id: id, page: number, by: context.caller)
        var headers = HTTPFields()
        headers[.contentType] = "image/png"
        headers[.cacheControl] = "private, max-age=300"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    @Sendable func pageWords(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let id = try HTTPHelpers.documentID(context)
        let number = try HTTPHelpers.pageNumber(context)
        let q = (FormDecoding.value("q", in: request.uri.query) ?? "")
        return HTTPHelpers.json(try archive.pageHighlights(id: id, page: number, query: q, by: context.caller))
    }
}
