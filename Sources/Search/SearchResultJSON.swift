/// JSON written straight into bytes, exactly as `JSONEncoder.hoso` writes it (keys sorted, slashes as they
/// are, optionals left out when nil): for the search result, the server's most frequent answer, where the
/// encoder's work through `Encodable` cost as much as the HTTP exchange. `SearchResultJSONTests` compares
/// both on real results and on random strings; `JSONEncoder` stays the definition.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// `"name":` (names are ASCII without escapes).
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(0x2C) }
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22); bytes.append(0x3A)
    }

    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { b in
            var run = 0     // start of the bytes copied as they are
            for (i, c) in b.enumerated() where c < 0x20 || c == 0x22 || c == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<i]))
                run = i + 1
                bytes.append(0x5C)
                switch c {
                case 0x22, 0x5C: bytes.append(c)
                case 0x08: bytes.append(0x62)                          // \b
                case 0x09: bytes.append(0x74)                          // \t
                case 0x0A: bytes.append(0x6E)                          // \n
                case 0x0C: bytes.append(0x66)                          // \f
                case 0x0D: bytes.append(0x72)                          // \r
                default:                                               // \u00XX, lower-case hex
                    @inline(__always) func hex(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x61 + v - 10 }
                    bytes.append(contentsOf: [0x75, 0x30, 0x30, hex(c >> 4), hex(c & 0xF)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[run...]))
        }
        bytes.append(0x22)
    }

    mutating func int(_ v: Int) { bytes.append(contentsOf: String(v).utf8) }

    /// As the encoder writes a Double: its shortest description, without a trailing `.0`.
    mutating func double(_ v: Double) {
        var text = v.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func bool(_ v: Bool) { bytes.append(contentsOf: (v ? "true" : "false").utf8) }

    mutating func raw(_ c: UInt8) { bytes.append(c) }

    /// An array of objects, each written by `fields` between its braces.
    mutating func objects<T>(_ list: [T], _ fields: (inout JSONBytes, T) -> Void) {
        raw(0x5B)
        for (i, item) in list.enumerated() {
            if i > 0 { raw(0x2C) }
            raw(0x7B)
            fields(&self, item)
            raw(0x7D)
        }
        raw(0x5D)
    }

    mutating func strings(_ list: [String]) {
        raw(0x5B)
        for (i, s) in list.enumerated() {
            if i > 0 { raw(0x2C) }
            string(s)
        }
        raw(0x5D)
    }
}

extension SearchHit {
    func writeJSON(to out: inout JSONBytes) {
        out.raw(0x7B)
        var first = true
        func optional(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            out.key(name, first: first); first = false
            out.string(value)
        }
        optional("date", date)
        out.key("file", first: first); out.string(file)
        first = false
        out.key("id"); out.string(id)
        optional("issuer", issuer)
        optional("number", number)
        out.key("pages"); out.raw(0x5B)
        for (i, p) in pages.enumerated() {
            if i > 0 { out.raw(0x2C) }
            out.int(p)
        }
        out.raw(0x5D)
        out.key("score"); out.double(score)
        out.key("snippet"); out.string(snippet)
        out.key("snippet_html"); out.string(snippetHTML)
        out.key("title"); out.string(title)
        optional("type", type)
        out.raw(0x7D)
    }
}

extension SearchResult {
    /// The JSON of `GET /api/search` and `hoso search --json`: the bytes `JSONEncoder.hoso` writes.
    public func jsonBytes() -> [UInt8] {
        var out = JSONBytes(capacity: 512 + hits.reduce(0) { $0 + $1.snippet.utf8.count * 2 + $1.title.utf8.count + 160 })
        out.raw(0x7B)
        var first = true
        if let decoded {
            out.key("decoded", first: true); first = false
            out.objects(decoded) { out, d in
                out.key("read", first: true); out.string(d.read)
                out.key("typed"); out.string(d.typed)
            }
        }
        if let expanded {
            out.key("expanded", first: first); first = false
            out.objects(expanded) { out, x in
                out.key("by", first: true); out.string(x.by)
                out.key("to"); out.strings(x.to)
                out.key("typed"); out.string(x.typed)
            }
        }
        if let facets {
            out.key("facets", first: first); first = false
            out.raw(0x7B)
            // Sorted as the encoder sorts keys: by their UTF-8 (the facet keys are ASCII).
            for (i, key) in facets.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if i > 0 { out.raw(0x2C) }
                out.string(key); out.raw(0x3A)
                out.raw(0x5B)
                for (j, v) in facets[key]!.enumerated() {
                    if j > 0 { out.raw(0x2C) }
                    out.raw(0x7B)
                    out.key("count", first: true); out.int(v.count)
                    if let label = v.label { out.key("label"); out.string(label) }
                    out.key("value"); out.string(v.value)
                    out.raw(0x7D)
                }
                out.raw(0x5D)
            }
            out.raw(0x7D)
        }
        out.key("hits", first: first)
        out.raw(0x5B)
        for (i, hit) in hits.enumerated() {
            if i > 0 { out.raw(0x2C) }
            hit.writeJSON(to: &out)
        }
        out.raw(0x5D)
        if let leftOut { out.key("left_out"); out.strings(leftOut) }
        out.key("relaxed"); out.bool(relaxed)
        if let suggestion { out.key("suggestion"); out.string(suggestion) }
        out.key("total"); out.int(total)
        out.raw(0x7D)
        return out.bytes
    }
}
