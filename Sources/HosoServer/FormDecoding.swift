import Foundation
import Hummingbird

/// Query strings as browsers send them (`application/x-www-form-urlencoded`): `+` is a space, then
/// percent-decoding. Hummingbird's `queryParameters` leaves `+` as it is, so a search typed in the web
/// form (`q=quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh`) would reach the parser, the page and the audit log as
/// `quyết+định`. A literal plus is sent as `%2B` and stays a plus.
enum FormDecoding {
    static func parameters(_ query: String?) -> [(key: Substring, value: Substring)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { pair in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> Substring {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return Substring(spaced.removingPercentEncoding ?? spaced)
            }
            let value: Substring = kv.count > 1 ? decode(kv[1]) : ""
            return (key: decode(kv[0]), value: value)
        }
    }

    /// The last value of `key`, decoded; nil when absent.
    static func value(_ key: String, in query: String?) -> String? {
        parameters(query).last { $0.key == key }.map { String($0.value) }
    }
}
