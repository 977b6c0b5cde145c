import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small SAX pass over one part's XML, element names without their namespace prefix. A part holding a
/// document type declaration is refused: workbooks never have one, and its entities could expand without bound.
enum WorkbookXML {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    /// Calls `handle` for each event until it returns false (the rest of the part is then skipped).
    static func scan(_ data: Data, part: String, continuing handle: @escaping (Event) -> Bool) throws {
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw Workbook.Failure(message: "phần “\(part)” có khai báo DOCTYPE/ENTITY, không phải của Excel: từ chối")
        }
        let delegate = Delegate(handle)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let ok = parser.parse()
        if (!ok && !delegate.stopped) || delegate.error != nil {
            let reason = (delegate.error ?? parser.parserError).map { " (\($0.localizedDescription))" } ?? ""
            throw Workbook.Failure(message: "tệp hỏng: không đọc được XML của “\(part)”, dòng \(parser.lineNumber)\(reason)")
        }
    }

    /// As above, for a pass over the whole part.
    static func parse(_ data: Data, part: String, _ handle: @escaping (Event) -> Void) throws {
        try scan(data, part: part, continuing: { event in handle(event); return true })
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handle: (Event) -> Bool
        var stopped = false
        /// The first well-formedness error reported (the parser may report one and still return true).
        var error: Error?
        init(_ handle: @escaping (Event) -> Bool) { self.handle = handle }

        private func send(_ parser: XMLParser, _ event: Event) {
            guard !stopped else { return }
            if !handle(event) { stopped = true; parser.abortParsing() }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            send(parser, .start(xmlLocalName(elementName), attributeDict))
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            send(parser, .end(xmlLocalName(elementName)))
        }
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if !stopped, error == nil { error = parseError }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            send(parser, .text(string))
        }
    }
}
