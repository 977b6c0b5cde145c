import CXapian
import Foundation

/// `Xapian::sortable_serialise`: numbers as byte strings that sort in numeric order (for value slots).
public enum XapianSortable {
    public static func serialise(_ value: Double) throws -> Data {
        var buffer = [CChar](repeating: 0, count: 18)
        var len = 0
        try hxCall { hx_sortable_serialise(value, &buffer, &len, $0) }
        return buffer.prefix(len).withUnsafeBufferPointer { Data(buffer: $0) }
    }

    public static func unserialise(_ bytes: Data) throws -> Double {
        var out = 0.0
        try bytes.withUnsafeBytes { raw in
            try hxCall { hx_sortable_unserialise(raw.baseAddress, raw.count, &out, $0) }
        }
        return out
    }
}

/// A Xapian document under construction: terms, postings, values and data.
public final class XapianDocument {
    let handle: OpaquePointer

    public init() throws { handle = try hxMake { hx_doc_new($0, $1) } }
    deinit { hx_doc_free(handle) }

    /// Adds a term without position; `wdf` 0 makes it a boolean (filter) term.
    public func addTerm(_ term: String, wdf: Int = 1) throws {
        let w = try hxUInt32(wdf, "wdf")
        try hxCall { hx_doc_add_term(handle, term, w, $0) }
    }

    /// Adds a boolean filter term (wdf 0), e.g. `XA1`.
    public func addBooleanTerm(_ term: String) throws { try addTerm(term, wdf: 0) }

    /// Adds a term at a position (positions start at 1 in Xapian; 0 is accepted too).
    public func addPosting(_ term: String, position: Int, wdf: Int = 1) throws {
        let p = try hxUInt32(position, "vị trí"), w = try hxUInt32(wdf, "wdf")
        try hxCall { hx_doc_add_posting(handle, term, p, w, $0) }
    }

    public func addValue(slot: Int, _ bytes: Data) throws {
        let s = try hxUInt32(slot, "ô giá trị")
        try bytes.withUnsafeBytes { raw in try hxCall { hx_doc_add_value(handle, s, raw.baseAddress, raw.count, $0) } }
    }

    public func addValue(slot: Int, _ string: String) throws { try addValue(slot: slot, Data(string.utf8)) }

    public func setData(_ bytes: Data) throws {
        try bytes.withUnsafeBytes { raw in try hxCall { hx_doc_set_data(handle, raw.baseAddress, raw.count, $0) } }
    }
}
