import Catalogue
import DataFolder
import Foundation
import Hummingbird
import Search
import SearchIndex

/// Answers shared by every route: JSON bodies, JSON errors, validated path parameters.
enum HTTPHelpers {
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        jsonResponse((try? JSONEncoder.hoso.encode(value)) ?? Data("{}".utf8), status: status)
    }

    /// The search result, written directly (`SearchResult.jsonBytes`: what `JSONEncoder.hoso` writes).
    static func json(_ result: SearchResult) -> Response {
        jsonResponse(result.jsonBytes(), status: .ok)
    }

    private static func jsonResponse(_ bytes: some Sequence<UInt8>, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    struct ErrorBody: Encodable { var error: String }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(ErrorBody(error: message), status: status)
    }

    /// A document id from the path, checked against the shape of TT 05/2025 identifiers.
    static func documentID(_ context: HosoRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), DocumentIdentifier.isValid(id) else {
            throw HosoError(.notFound, "Không tìm thấy tài liệu")
        }
        return id
    }

    static func pageNumber(_ context: HosoRequestContext) throws -> Int {
        guard let raw = context.parameters.get("n"), let n = Int(raw), n >= 1, n <= 100_000 else {
            throw HosoError(.notFound, "Không tìm thấy trang")
        }
        return n
    }
}

/// The query string of `/api/search` and the search page, validated.
enum SearchParameters {
    /// From decoded query-string pairs (`FormDecoding.parameters`); the last of a repeated key wins.
    static func spec(from params: some Sequence<(key: Substring, value: Substring)>, role: Role) throws -> SearchRequestSpec {
        var values: [String: String] = [:]
        for (key, value) in params { values[String(key)] = String(value) }
        return try spec(from: values, role: role)
    }

    static func spec(from values: [String: String], role: Role) throws -> SearchRequestSpec {
        func int(_ key: String, default def: Int, range: ClosedRange<Int>) throws -> Int {
            guard let raw = values[key], !raw.isEmpty else { return def }
            guard let n = Int(raw), range.contains(n) else {
                throw HosoError(.usage, "Tham số \(key) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound)")
            }
            return n
        }
        func text(_ key: String) -> String? {
            guard let v = values[key]?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            return v.precomposedStringWithCanonicalMapping
        }
        var spec = SearchRequestSpec(query: composedQuery(values) ?? text("q") ?? "", role: role)
        spec.limit = try int("limit", default: 10, range: 0...SearchRequestSpec.maxLimit)
        spec.offset = try int("offset", default: 0, range: 0...SearchRequestSpec.maxWindow)
        spec.filters.yearFrom = text("from") == nil ? nil : try int("from", default: 0, range: 1000...9999)
        spec.filters.yearTo = text("to") == nil ? nil : try int("to", default: 0, range: 1000...9999)
        spec.filters.documentTypes = text("loai").map { [$0] } ?? []
        spec.filters.issuers = text("coquan").map { [$0] } ?? []
        spec.filters.fonds = text("phong").map { [$0] } ?? []
        spec.filters.retention = text("thoihan").map { [$0] } ?? []
        spec.filters.fileIDs = text("hoso").map { [$0] } ?? []
        if let sort = text("sort") {
            guard let s = SearchSort(rawValue: sort) else {
                throw HosoError(.usage, "Tham số sort chỉ nhận relevance, date hoặc -date")
            }
            spec.sort = s
        }
        spec.facets = text("facets").map { $0 != "0" && $0 != "false" } ?? false
        return spec
    }

    /// The quick lookup forms of the counters (`/tra-cuu`) send a few fields instead of `q`:
    /// `ten` (chủ sử dụng, họ tên, người khiếu nại), `thua`, `tobando` (tờ bản đồ), `xa`, `them` (more words).
    /// They become one precise query: the words and `thua:N to:M`.
    static func composedQuery(_ values: [String: String]) -> String? {
        func field(_ key: String) -> String? {
            guard let v = values[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return v.precomposedStringWithCanonicalMapping
        }
        let words = ["ten", "xa", "them"].compactMap(field)
        var parts = words.map { $0.replacingOccurrences(of: ":", with: " ").replacingOccurrences(of: "\"", with: " ") }
        for (key, syntax) in [("thua", "thua"), ("tobando", "to")] {
            guard let v = field(key) else { continue }
            let digits = v.filter(\.isNumber)
            parts.append(digits.isEmpty ? v : "\(syntax):\(digits)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
