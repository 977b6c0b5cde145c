import Foundation

/// The JSON object of strings the catalogue keeps per row (`fields`, `extra`: column name → cell), read
/// without Foundation's decoder, which is slow for this: each search reads ten rows and each reindex every
/// row. Anything this reader does not take exactly (other value types, nesting,
/// duplicate keys, lone surrogates, bad syntax) gives nil, and the caller decodes the usual way; the tests
/// hold both to the same answer.
enum StringMapJSON {
    static func decode(_ text: String) -> [String: String]? {
        var text = text
        return text.withUTF8 { b -> [String: String]? in
            var i = 0
            let n = b.count
            func skipSpace() { while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
            func hex4() -> UInt32? {
                guard i + 4 <= n else { return nil }
                var v: UInt32 = 0
                for k in 0..<4 {
                    let c = b[i + k]
                    let d: UInt8
                    switch c {
                    case 0x30...0x39: d = c - 0x30
                    case 0x41...0x46: d = c - 0x41 + 10
                    case 0x61...0x66: d = c - 0x61 + 10
                    default: return nil
                    }
                    v = v << 4 | UInt32(d)
                }
                i += 4
                return v
            }
            func string() -> String? {
                guard i < n, b[i] == 0x22 else { return nil }
                i += 1
                let start = i
                // Plain run without escapes: one copy.
                while i < n, b[i] != 0x22, b[i] != 0x5C, b[i] >= 0x20 { i += 1 }
                guard i < n else { return nil }
                if b[i] == 0x22 {
                    defer { i += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                }
                var out = Array(b[start..<i])
                while i < n {
                    let c = b[i]
                    if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                    guard c >= 0x20 else { return nil }
                    guard c == 0x5C else { out.append(c); i += 1; continue }
                    guard i + 1 < n else { return nil }
                    let e = b[i + 1]
                    i += 2
                    switch e {
                    case 0x22, 0x5C, 0x2F: out.append(e)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard var v = hex4() else { return nil }
                        if (0xD800...0xDBFF).contains(v) {
                            guard i + 1 < n, b[i] == 0x5C, b[i + 1] == 0x75 else { return nil }
                            i += 2
                            guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(v) else { return nil }
                        out.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                }
                return nil
            }
            var map: [String: String] = [:]
            skipSpace()
            guard i < n, b[i] == 0x7B else { return nil }
            i += 1
            skipSpace()
            if i < n, b[i] == 0x7D {
                i += 1
            } else {
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard i < n, b[i] == 0x3A else { return nil }
                    i += 1
                    skipSpace()
                    guard let value = string(), map.updateValue(value, forKey: key) == nil else { return nil }
                    skipSpace()
                    guard i < n else { return nil }
                    if b[i] == 0x2C { i += 1; continue }
                    guard b[i] == 0x7D else { return nil }
                    i += 1
                    break
                }
            }
            skipSpace()
            return i == n ? map : nil
        }
    }
}
