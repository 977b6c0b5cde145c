import DataFolder
import Foundation
import Hummingbird
import Logging

/// Limits on what a request may carry, and JSON for every error that escapes a route.
public struct RequestLimits: Sendable {
    /// Largest request body accepted (the only body hoso reads is the login form).
    public var maxBodyBytes = 16 * 1024
    /// Longest request target (path and query string): room for a query of 1000 characters of four
    /// UTF-8 bytes each, percent-encoded (12 KB), and the other parameters.
    public var maxURIBytes = 32 * 1024
    public init() {}
}

/// Refuses oversized requests before any route runs (413, 414), and turns every error thrown below it
/// (unknown route, body too large, anything unexpected) into `{"error": "…"}` JSON — never a 500.
struct RequestLimitsMiddleware<Context: RequestContext>: RouterMiddleware {
    let limits: RequestLimits

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.description.utf8.count > limits.maxURIBytes {
            return HTTPHelpers.error(.uriTooLong, "Địa chỉ yêu cầu quá dài")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limits.maxBodyBytes {
            return HTTPHelpers.error(.contentTooLarge, "Nội dung yêu cầu quá lớn (tối đa \(limits.maxBodyBytes) byte)")
        }
        do {
            return try await next(request, context)
        } catch let error as HosoError {
            return try error.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            return HTTPHelpers.error(error.status, Self.message(for: error.status))
        } catch {
            context.logger.error("Lỗi không lường trước: \(String(describing: type(of: error)))")
            return HTTPHelpers.error(.serviceUnavailable, "Máy chủ tạm thời không trả lời được yêu cầu này")
        }
    }

    static func message(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: return "Không tìm thấy"
        case .methodNotAllowed: return "Phương thức không được hỗ trợ"
        case .contentTooLarge: return "Nội dung yêu cầu quá lớn"
        case .badRequest: return "Yêu cầu không hợp lệ"
        case .unauthorized: return "Mã truy cập không hợp lệ"
        default: return status.code < 500 ? "Yêu cầu không hợp lệ" : "Máy chủ tạm thời không trả lời được yêu cầu này"
        }
    }
}

/// One log line per request: method, path (without the query string), status and time. Never headers
/// (Authorization, Cookie), never the query (what staff search for is in the audit log, not in logs).
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.log(level: level, "Request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.loggedPath(request.uri.path)),
            "status": .stringConvertible(response.status.code),
            "ms": .string(String(format: "%.1f", ms)),
        ])
        return response
    }

    /// The path as logged: at most 200 characters, control characters replaced.
    static func loggedPath(_ path: String) -> String {
        String(path.prefix(200).map { $0.isASCII && ($0.asciiValue ?? 0) < 0x20 ? "?" : $0 })
    }
}
