import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small read-only XML tree for a package's METS, EAD and PREMIS files. Elements and attributes are
/// known by their local names (prefixes dropped, namespaces ignored): the profiles we read come with and
/// without namespaces, EAD3 and EAD 2002 alike.
final class PackageXMLElement {
    enum Content {
        case text(String)
        case element(PackageXMLElement)
    }

    /// Local name ("file" for `mets:file`).
    let name: String
    /// Attributes by local name ("href" for `xlink:href`), values as written.
    let attributes: [String: String]
    private(set) var content: [Content] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    var children: [PackageXMLElement] {
        content.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    func children(_ name: String) -> [PackageXMLElement] { children.filter { $0.name == name } }
    func child(_ name: String) -> PackageXMLElement? { children.first { $0.name == name } }

    /// Every element below this one (not itself) named `name`, in document order.
    func descendants(_ name: String) -> [PackageXMLElement] {
        var found: [PackageXMLElement] = []
        func walk(_ e: PackageXMLElement) {
            for c in e.children {
                if c.name == name { found.append(c) }
                walk(c)
            }
        }
        walk(self)
        return found
    }

    /// An attribute by local name, trimmed, nil when absent or empty.
    func attribute(_ name: String) -> String? {
        guard let v = attributes[name] else { return nil }
        let t = v.precomposedStringWithCanonicalMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// The element's text, descendants included, white space collapsed, NFC; the children named in
    /// `excluding` (a `<head>`) left out. Block elements are kept apart by a space.
    func text(excluding: Set<String> = []) -> String {
        var out = ""
        func walk(_ e: PackageXMLElement) {
            for item in e.content {
                switch item {
                case .text(let s): out += s
                case .element(let c):
                    if excluding.contains(c.name) { continue }
                    let inline = PackageXMLElement.inline.contains(c.name)
                    if !inline { out += " " }
                    walk(c)
                    if !inline { out += " " }
                }
            }
        }
        walk(self)
        return out.precomposedStringWithCanonicalMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Elements that sit inside a word or a sentence; any other element boundary separates words.
    private static let inline: Set<String> = ["emph", "span", "abbr", "expan", "foreign", "ref", "title", "quote",
                                              "num", "sub", "sup", "date"]

    fileprivate func append(_ c: Content) { content.append(c) }

    /// Parses `data`; throws a `PackageXMLError` whose message says where the XML is broken. A document that
    /// declares entities is refused: METS and EAD need none (EAD 2002 names its DTD, which is not read), and an
    /// internal entity can expand without bound.
    static func parse(_ data: Data) throws -> PackageXMLElement {
        if let at = data.range(of: Data("<!ENTITY".utf8)) {
            let line = data[..<at.lowerBound].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw PackageXMLError(line: line, reason: "có khai báo thực thể (<!ENTITY), không dùng trong METS/EAD: từ chối")
        }
        let builder = PackageXMLBuilder()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        // Foundation's parser may stop at the end of the data without an error while elements are still open.
        if ok, let open = builder.openElement {
            throw PackageXMLError(line: parser.lineNumber, reason: "thẻ <\(open)> không được đóng")
        }
        if !ok || builder.root == nil {
            let line = parser.lineNumber
            let why = builder.failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "không có phần tử gốc"
            throw PackageXMLError(line: line, reason: why)
        }
        return builder.root!
    }

}

/// Why an XML file could not be read, with the line where the parser stopped.
struct PackageXMLError: Error {
    var line: Int
    var reason: String
    var message: String { "không phải XML hợp lệ (dòng \(line): \(reason))" }
}

/// Builds the tree from the parser's events.
private final class PackageXMLBuilder: NSObject, XMLParserDelegate {
    var root: PackageXMLElement?
    var failure: String?
    private var stack: [PackageXMLElement] = []
    /// The innermost element still open, once the parser is done.
    var openElement: String? { stack.last?.name }
    /// Deeper than any METS or EAD written by hand or tool; a deeper file is refused rather than risk the stack.
    private let maxDepth = 256

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict where !key.hasPrefix("xmlns") {
            let local = xmlLocalName(key)
            if attributes[local] == nil || !key.contains(":") { attributes[local] = value }
        }
        let element = PackageXMLElement(name: xmlLocalName(elementName), attributes: attributes)
        if let parent = stack.last { parent.append(.element(element)) } else if root == nil { root = element }
        stack.append(element)
        if stack.count > maxDepth {
            failure = "lồng quá \(maxDepth) cấp"
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.append(.text(string))
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if let s = String(data: CDATABlock, encoding: .utf8) { stack.last?.append(.text(s)) }
    }
}
