import Access
import Catalogue
import Foundation

/// The reads of the server and the command line, by caller: each checked against the caller's role and
/// recorded in the audit log when `AuditLog.mustRecord` says so.
extension Archive {
    /// A search, recorded when the caller is `staff` or `secret`.
    public func search(_ spec: SearchRequestSpec, by caller: Caller) throws -> SearchResult {
        var spec = spec
        spec.role = caller.role
        let result = try search(spec)
        try access.record(.search, target: spec.auditTarget, by: caller, level: nil)
        return result
    }

    public func searchAsync(_ spec: SearchRequestSpec, by caller: Caller) async throws -> SearchResult {
        try await Self.offload { try self.search(spec, by: caller) }
    }

    /// Metadata and pages of a document, recorded when it is not `Công khai`.
    public func document(id: String, by caller: Caller) throws -> DocumentView {
        let d = try visibleDocument(id, role: caller.role)
        try access.record(.document, target: id, by: caller, level: d.access)
        return try document(id: id, role: caller.role)
    }

    /// The recognised text, recorded when the document is not `Công khai`.
    public func text(id: String, by caller: Caller) throws -> [String] {
        let d = try visibleDocument(id, role: caller.role)
        try access.record(.text, target: id, by: caller, level: d.access)
        return try text(id: id, role: caller.role)
    }

    /// A page image, recorded when the document is not `Công khai`.
    public func pageImage(id: String, page: Int, by caller: Caller) throws -> Data {
        let d = try visibleDocument(id, role: caller.role)
        let png = try pageImage(id: id, page: page, role: caller.role)
        try access.record(.pageImage, target: "\(id) trang \(page)", by: caller, level: d.access)
        return png
    }

    public func pageImageAsync(id: String, page: Int, by caller: Caller) async throws -> Data {
        try await Self.offload { try self.pageImage(id: id, page: page, by: caller) }
    }

    /// Highlight boxes of a page, recorded when the document is not `Công khai`.
    public func pageHighlights(id: String, page: Int, query: String, by caller: Caller) throws -> PageHighlights {
        let d = try visibleDocument(id, role: caller.role)
        let result = try pageHighlights(id: id, page: page, query: query, role: caller.role)
        try access.record(.pageWords, target: "\(id) trang \(page)" + (query.isEmpty ? "" : " | \(query)"), by: caller, level: d.access)
        return result
    }
}

extension SearchRequestSpec {
    /// The target of a search line: the query, then the filters that narrowed it.
    var auditTarget: String {
        var parts = [query]
        let f = filters
        if let v = f.yearFrom { parts.append("from=\(v)") }
        if let v = f.yearTo { parts.append("to=\(v)") }
        for v in f.documentTypes { parts.append("loai=\(v)") }
        for v in f.issuers { parts.append("coquan=\(v)") }
        for v in f.fonds { parts.append("phong=\(v)") }
        for v in f.retention { parts.append("thoihan=\(v)") }
        for v in f.fileIDs { parts.append("hoso=\(v)") }
        if offset > 0 { parts.append("offset=\(offset)") }
        return parts.joined(separator: " | ")
    }
}
