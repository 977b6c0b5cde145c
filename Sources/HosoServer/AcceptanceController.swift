import Acceptance
import Access
import Catalogue
import DataFolder
import Foundation
import Hummingbird
import Search

/// The acceptance check (nghiệm thu) in the web pages, for `staff` and `secret` only (`public` gets 403):
/// `/nghiem-thu` lists the deliveries of `--deliveries DIR` with a button to check one (`POST /nghiem-thu`, form
/// `lo`), `/nghiem-thu/{run}` shows the check's progress and then its report, with the CSV (`bao-cao.csv`) and
/// the printable biên bản (`bien-ban.html`) `hoso check` writes.
struct AcceptanceController {
    let runs: AcceptanceRuns

    func addRoutes(to router: Router<HosoRequestContext>) {
        let staff = router.group("/nghiem-thu").add(middleware: WebErrorMiddleware())
            .add(middleware: AuthenticationMiddleware(access: runs.access))
        staff.get(use: deliveries)
        staff.post(use: start)
        staff.get("{run}", use: report)
        staff.get("{run}/bao-cao.csv", use: csv)
        staff.get("{run}/bien-ban.html", use: printable)
    }

    /// The page a role that may not check deliveries gets instead, nil for staff.
    static func refusal(_ caller: Caller) -> Response? {
        guard caller.role == .public else { return nil }
        return WebController.html(WebTemplates.errorPage("Chỉ cán bộ lưu trữ (vai trò staff hoặc secret) được nghiệm thu lô số hóa. Hãy đăng nhập."),
                                  status: .forbidden)
    }

    @Sendable func deliveries(_ request: Request, context: HosoRequestContext) async throws -> Response {
        if let refused = Self.refusal(context.caller) { return refused }
        return WebController.html(WebTemplates.deliveriesPage(entries: runs.folder?.entries(), runs: runs.recent()))
    }

    @Sendable func start(_ request: Request, context: HosoRequestContext) async throws -> Response {
        if let refused = Self.refusal(context.caller) { return refused }
        let body = try await request.body.collect(upTo: 8 * 1024)
        let name = FormDecoding.value("lo", in: String(buffer: body)) ?? ""
        let id = try runs.start(name, by: context.caller)
        var headers = HTTPFields()
        headers[.location] = "/nghiem-thu/\(id)"
        return Response(status: .seeOther, headers: headers)
    }

    /// The run named in the path, not found for any other id.
    func run(_ context: HosoRequestContext) throws -> AcceptanceRuns.Run {
        guard let id = context.parameters.get("run"), let run = runs.run(id) else {
            throw HosoError(.notFound, "Không tìm thấy lần nghiệm thu")
        }
        return run
    }

    func finished(_ context: HosoRequestContext) throws -> (AcceptanceRuns.Run, AcceptanceReport) {
        let run = try run(context)
        guard case .done(let report) = run.state else { throw HosoError(.notFound, "Lần nghiệm thu chưa có báo cáo") }
        return (run, report)
    }

    @Sendable func report(_ request: Request, context: HosoRequestContext) async throws -> Response {
        if let refused = Self.refusal(context.caller) { return refused }
        return WebController.html(WebTemplates.runPage(try run(context)))
    }

    @Sendable func csv(_ request: Request, context: HosoRequestContext) async throws -> Response {
        if let refused = Self.refusal(context.caller) { return refused }
        let (run, report) = try finished(context)
        return Self.file(ReportCSV.render(report), type: "text/csv; charset=utf-8", disposition: "attachment; filename=\"nghiem-thu-\(run.id).csv\"")
    }

    @Sendable func printable(_ request: Request, context: HosoRequestContext) async throws -> Response {
        if let refused = Self.refusal(context.caller) { return refused }
        let (run, report) = try finished(context)
        return Self.file(ReportHTML.render(report), type: "text/html; charset=utf-8", disposition: "inline; filename=\"bien-ban-\(run.id).html\"")
    }

    static func file(_ text: String, type: String, disposition: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = disposition
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
