import CXapian
import Foundation

/// An error reported by Xapian (lỗi chỉ mục): the message and the Xapian error class, e.g.
/// `DatabaseLockError`, `DatabaseOpeningError`, `NetworkError`, `InvalidArgumentError`.
public struct XapianError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public var message: String
    public var errorClass: String

    public init(message: String, errorClass: String) {
        self.message = message
        self.errorClass = errorClass
    }

    /// Takes ownership of a C error value (and frees it).
    init(consuming error: OpaquePointer?) {
        if let error {
            message = String(cString: hx_error_message(error))
            errorClass = String(cString: hx_error_class(error))
            hx_error_free(error)
        } else {
            message = "lỗi không rõ trong Xapian"
            errorClass = "unknown"
        }
    }

    public var description: String { "\(errorClass): \(message)" }
    public var errorDescription: String? { "Lỗi chỉ mục tìm kiếm (\(errorClass)): \(message)" }
}

/// Runs one C entry point and turns its status + error value into a Swift throw.
@inline(__always)
func hxCall(_ body: (UnsafeMutablePointer<OpaquePointer?>) -> Int32) throws {
    var err: OpaquePointer? = nil
    if body(&err) != HX_OK { throw XapianError(consuming: err) }
    if let err { hx_error_free(err) }
}

/// Runs a C constructor and returns the new handle.
@inline(__always)
func hxMake(_ body: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> Int32) throws
    -> OpaquePointer
{
    var out: OpaquePointer? = nil
    try hxCall { body(&out, $0) }
    guard let out else { throw XapianError(message: "Xapian không trả về đối tượng", errorClass: "unknown") }
    return out
}

/// Reads a malloc'ed byte buffer from the C side and frees it.
func hxTakeBytes(_ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>,
                          UnsafeMutablePointer<OpaquePointer?>) -> Int32) throws -> Data {
    var out: UnsafeMutablePointer<CChar>? = nil
    var len = 0
    try hxCall { body(&out, &len, $0) }
    defer { hx_free(out) }
    guard let out, len > 0 else { return Data() }
    return Data(bytes: out, count: len)
}

/// The next term of a term list handle with its frequency (termfreq, wdf or count); nil at the end.
func hxNextTerm(_ list: OpaquePointer) throws -> (term: Data, frequency: Int)? {
    var has: Int32 = 0
    var term: UnsafePointer<CChar>? = nil
    var len = 0
    var freq: UInt32 = 0
    try hxCall { hx_termlist_next(list, &has, &term, &len, &freq, $0) }
    guard has != 0 else { return nil }
    return (term.map { Data(bytes: $0, count: len) } ?? Data(), Int(freq))
}

/// Drains a term list handle (and frees it): terms with their frequency (termfreq, wdf or count).
func hxDrain(_ list: OpaquePointer) throws -> [(term: Data, frequency: Int)] {
    defer { hx_termlist_free(list) }
    var result: [(term: Data, frequency: Int)] = []
    while let next = try hxNextTerm(list) { result.append(next) }
    return result
}

/// The text of bytes Xapian gives back (terms, metadata values), read as UTF-8.
public func hxString(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

func hxUInt32(_ value: Int, _ what: String) throws -> UInt32 {
    guard value >= 0, value <= Int(UInt32.max) else {
        throw XapianError(message: "\(what) ngoài phạm vi: \(value)", errorClass: "InvalidArgumentError")
    }
    return UInt32(value)
}
