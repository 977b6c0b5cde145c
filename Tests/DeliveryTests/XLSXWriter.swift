import Foundation
import ZIPFoundation

/// A cell written by `XLSXWriter`. String and number literals are shared strings and numbers.
enum XLSXCell: Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    /// No `<c>` element at all (a missing cell).
    case empty
    /// A shared string.
    case text(String)
    /// An inline string (`t="inlineStr"`).
    case inline(String)
    /// A shared string made of several formatted runs (the first bold), read as their concatenation.
    case rich([String])
    case number(Double)
    /// A serial day number in the built-in date format 14.
    case date(Double)
    /// A number in a custom number format (e.g. a serial in "dd/mm/yyyy", or "0.00").
    case formatted(Double, format: String)
    case bool(Bool)
    /// A formula error value (`#N/A`).
    case error(String)
    /// A formula with its cached string result (`t="str"`).
    case formula(String, result: String)

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
}

/// One sheet for `XLSXWriter`: row `i` of `rows` is Excel row `firstRow + i`; an empty row writes no `<row>`.
struct XLSXSheet {
    var name: String
    var rows: [[XLSXCell]]
    /// Merged ranges ("A1:C1").
    var merges: [String] = []
    var hidden = false
    var firstRow = 1
    /// Leave out the `r` attributes of rows and cells (allowed by the format; some tools do).
    var omitReferences = false
    /// The sheet's part exactly as given instead of `rows` (prefixed namespaces, hostile XML …); shared strings
    /// of the other sheets are available to it by index.
    var xml: String? = nil
}

/// Writes small real .xlsx files (Office Open XML, deflated zip) for tests: shared strings (plain and rich),
/// inline strings, numbers, booleans, errors, formulas, date-styled serials, merged cells, hidden sheets, the
/// 1904 date system.
enum XLSXWriter {
    static func write(_ sheets: [XLSXSheet], to url: URL, date1904: Bool = false) throws {
        var strings: [XLSXCell] = [], stringIndex: [XLSXCell: Int] = [:]
        var formats: [String] = [] // custom format codes, numFmtId 164 + index, cellXfs 2 + index
        func sharedIndex(_ cell: XLSXCell) -> Int {
            if let i = stringIndex[cell] { return i }
            strings.append(cell); stringIndex[cell] = strings.count - 1
            return strings.count - 1
        }
        func style(_ format: String) -> Int {
            if let i = formats.firstIndex(of: format) { return 2 + i }
            formats.append(format); return 1 + formats.count
        }

        var sheetXML: [String] = []
        for sheet in sheets {
            var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
                + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>"#
            for (i, row) in sheet.rows.enumerated() where !row.isEmpty {
                let r = sheet.firstRow + i
                xml += sheet.omitReferences ? "<row>" : #"<row r="\#(r)">"#
                for (c, cell) in row.enumerated() {
                    let ref = sheet.omitReferences ? "" : #" r="\#(column(c))\#(r)""#
                    switch cell {
                    case .empty: continue
                    case .text, .rich: xml += #"<c\#(ref) t="s"><v>\#(sharedIndex(cell))</v></c>"#
                    case .inline(let s): xml += #"<c\#(ref) t="inlineStr"><is><t xml:space="preserve">\#(escape(s))</t></is></c>"#
                    case .number(let d): xml += #"<c\#(ref)><v>\#(d)</v></c>"#
                    case .date(let d): xml += #"<c\#(ref) s="1"><v>\#(d)</v></c>"#
                    case .formatted(let d, let f): xml += #"<c\#(ref) s="\#(style(f))"><v>\#(d)</v></c>"#
                    case .bool(let b): xml += #"<c\#(ref) t="b"><v>\#(b ? 1 : 0)</v></c>"#
                    case .error(let e): xml += #"<c\#(ref) t="e"><f>1/0</f><v>\#(escape(e))</v></c>"#
                    case .formula(let f, let v): xml += #"<c\#(ref) t="str"><f>\#(escape(f))</f><v>\#(escape(v))</v></c>"#
                    }
                }
                xml += "</row>"
            }
            xml += "</sheetData>"
            if !sheet.merges.isEmpty {
                xml += #"<mergeCells count="\#(sheet.merges.count)">"# + sheet.merges.map { #"<mergeCell ref="\#($0)"/>"# }.joined() + "</mergeCells>"
            }
            sheetXML.append(sheet.xml ?? xml + "</worksheet>")
        }

        var sst = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(strings.count)" uniqueCount="\#(strings.count)">"#
        for s in strings {
            switch s {
            case .text(let t): sst += #"<si><t xml:space="preserve">\#(escape(t))</t></si>"#
            case .rich(let runs):
                sst += "<si>" + runs.enumerated().map { i, run in
                    (i == 0 ? "<r><rPr><b/><sz val=\"11\"/></rPr>" : "<r><rPr><sz val=\"11\"/></rPr>")
                        + #"<t xml:space="preserve">\#(escape(run))</t></r>"#
                }.joined() + #"<rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>"#
            default: break
            }
        }
        sst += "</sst>"

        let prolog = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        let numFmts: [String] = formats.enumerated().map { i, code in
            #"<numFmt numFmtId="\#(164 + i)" formatCode="\#(escape(code))"/>"#
        }
        let formatXfs: [String] = formats.indices.map { i in #"<xf numFmtId="\#(164 + i)" xfId="0" applyNumberFormat="1"/>"# }
        let styles: String = [
            prolog, #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
            #"<numFmts count="\#(formats.count)">"#, numFmts.joined(), "</numFmts>",
            #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>"#,
            #"<cellXfs count="\#(2 + formats.count)"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/>"#,
            formatXfs.joined(), "</cellXfs></styleSheet>",
        ].joined()

        let sheetEntries: [String] = sheets.enumerated().map { i, s in
            let state = s.hidden ? #" state="hidden""# : ""
            return #"<sheet name="\#(escape(s.name))" sheetId="\#(i + 1)"\#(state) r:id="rId\#(i + 1)"/>"#
        }
        let workbook: String = [
            prolog,
            #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>", "<sheets>", sheetEntries.joined(), "</sheets></workbook>",
        ].joined()

        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let sheetRels: [String] = sheets.indices.map { i in
            #"<Relationship Id="rId\#(i + 1)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(i + 1).xml"/>"#
        }
        let workbookRels: String = [
            prolog, #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#, sheetRels.joined(),
            #"<Relationship Id="rIdS" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/>"#,
            #"<Relationship Id="rIdT" Type="\#(rel)/styles" Target="/xl/styles.xml"/>"#, "</Relationships>",
        ].joined()
        let rootRels: String = [
            prolog, #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            #"<Relationship Id="rId1" Type="\#(rel)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ].joined()
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let sheetTypes: [String] = sheets.indices.map { i in
            #"<Override PartName="/xl/worksheets/sheet\#(i + 1).xml" ContentType="\#(main).worksheet+xml"/>"#
        }
        let contentTypes: String = [
            prolog, #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            #"<Default Extension="xml" ContentType="application/xml"/>"#,
            #"<Override PartName="/xl/workbook.xml" ContentType="\#(main).sheet.main+xml"/>"#, sheetTypes.joined(),
            #"<Override PartName="/xl/sharedStrings.xml" ContentType="\#(main).sharedStrings+xml"/>"#,
            #"<Override PartName="/xl/styles.xml" ContentType="\#(main).styles+xml"/>"#, "</Types>",
        ].joined()

        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRels), ("xl/styles.xml", styles), ("xl/sharedStrings.xml", sst),
        ]
        for (i, xml) in sheetXML.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", xml)) }
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let archive = try Archive(url: url, accessMode: .create, pathEncoding: nil)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    /// Convenience: sheets by name and rows, merged ranges by sheet name.
    static func write(sheets: [(name: String, rows: [[XLSXCell]])], merges: [String: [String]] = [:], to url: URL) throws {
        try write(sheets.map { XLSXSheet(name: $0.name, rows: $0.rows, merges: merges[$0.name] ?? []) }, to: url)
    }

    /// Column letters of a 0-based index: 0 → "A", 27 → "AB".
    static func column(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "_x000D_"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
