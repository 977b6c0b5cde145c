import Foundation
import ZIPFoundation

/// An Excel workbook (.xlsx, Office Open XML) read as typed cells: its sheets in order, each sheet's rows with
/// their Excel row numbers, and its merged ranges. Only what metadata needs: formulas give their cached values,
/// and of the formatting only whether a number is shown as a date.
struct Workbook {
    /// Why a workbook or one of its sheets cannot be read, in Vietnamese.
    struct Failure: Error, Equatable { var message: String }

    /// A cell's value as stored.
    enum Cell: Equatable {
        case text(String)
        case number(Double)
        case bool(Bool)
        /// A number in a date format (its serial converted), or a strict-OOXML `t="d"` cell.
        case date(year: Int, month: Int, day: Int)
        /// A formula error (`#N/A`, `#REF!` …).
        case error(String)

        /// The value as a person reads it: `1` not `1.0`, `12.5`, dates `DD/MM/YYYY`, `TRUE`/`FALSE`; nil for an error.
        var text: String? {
            switch self {
            case .text(let s): return s
            case .number(let d): return Workbook.format(d)
            case .bool(let b): return b ? "TRUE" : "FALSE"
            case .date(let y, let m, let d): return Workbook.pad(d) + "/" + Workbook.pad(m) + "/" + String(y)
            case .error: return nil
            }
        }
    }

    struct Sheet: Equatable {
        var name: String
        /// The sheet's part in the zip ("xl/worksheets/sheet1.xml").
        var part: String
        var hidden: Bool
    }

    /// A rectangle of cells, 1-based rows and 0-based columns, with its reference as written ("A1:C1").
    struct CellRange: Equatable {
        var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int
        var ref: String
    }

    struct Row: Equatable {
        /// The Excel row number, from 1.
        var number: Int
        /// Cells by 0-based column index (A = 0); missing cells are absent.
        var cells: [Int: Cell]
    }

    struct SheetData {
        var rows: [Row] = []
        var merges: [CellRange] = []
    }

    /// Largest part read (uncompressed) by default: a sheet, the shared strings, the styles.
    static let maxPartSize = 200 * 1024 * 1024
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    let sheets: [Sheet]
    /// The 1904 date system (workbookPr date1904), else 1900.
    let date1904: Bool
    private let reader: PartReader
    private let sharedStrings: [String]
    /// Indices into cellXfs whose number format shows a date.
    private let dateStyles: Set<Int>

    // MARK: - Opening

    /// Opens the workbook at `url`; fails with a Vietnamese message for an old .xls, an encrypted workbook, a file
    /// that is not a zip, or a zip that is not a workbook.
    static func open(_ url: URL, maxPartSize: Int = Workbook.maxPartSize) throws -> Workbook {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8) ?? Data()
        } catch {
            throw Failure(message: "không đọc được tệp: \(error.localizedDescription)")
        }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw Failure(message: isEncrypted(url)
                ? "bảng tính được đặt mật khẩu (mã hóa): hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại dưới dạng .xlsx"
                : "đây là bảng tính Excel cũ (.xls): hãy mở bằng Excel và lưu lại dưới dạng Excel Workbook (.xlsx)")
        }
        let notZip = Failure(message: "tệp hỏng hoặc không phải bảng tính .xlsx (không mở được như một tệp nén zip)")
        guard head.starts(with: [0x50, 0x4B]) else { throw notZip }
        let archive: Archive
        do { archive = try Archive(url: url, accessMode: .read, pathEncoding: nil) } catch { throw notZip }
        var entries: [String: Entry] = [:]
        for entry in archive where entry.type == .file {
            let key = entryKey(entry.path)
            if entries[key] == nil { entries[key] = entry }
        }
        let reader = PartReader(archive: archive, entries: entries, limit: maxPartSize)

        // The workbook part: from the package relationships, else where Excel puts it.
        var workbookPart = "xl/workbook.xml"
        if let rels = try reader.data("_rels/.rels"),
           let target = try relationships(rels, part: "_rels/.rels").first(where: { $0.type.hasSuffix("/officeDocument") })?.target {
            workbookPart = resolve(target, from: "")
        }
        guard let workbookXML = try reader.data(workbookPart) else {
            throw Failure(message: "tệp nén không chứa bảng tính Excel (thiếu \(workbookPart))")
        }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPart.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        let rels = try reader.data(relsPart).map { try relationships($0, part: relsPart) } ?? []
        var targets: [String: String] = [:]
        for r in rels { targets[r.id] = resolve(r.target, from: folder) }

        // Sheets and the date system.
        var sheets: [Sheet] = []
        var date1904 = false
        try WorkbookXML.parse(workbookXML, part: workbookPart) { event in
            guard case .start(let name, let attributes) = event else { return }
            if name == "workbookPr", let v = attributes["date1904"] { date1904 = v == "1" || v.lowercased() == "true" }
            if name == "sheet" {
                let id = attributes.first(where: { $0.key.hasSuffix(":id") || $0.key == "id" })?.value
                guard let sheetName = attributes["name"], let id, let part = targets[id] else { return }
                let state = attributes["state"] ?? "visible"
                sheets.append(Sheet(name: sheetName.precomposedStringWithCanonicalMapping, part: part, hidden: state != "visible"))
            }
        }
        func partOf(_ suffix: String, _ fallback: String) -> String {
            rels.first(where: { $0.type.hasSuffix(suffix) }).map { resolve($0.target, from: folder) } ?? fallback
        }
        let stringsPart = partOf("/sharedStrings", "xl/sharedStrings.xml"), stylesPart = partOf("/styles", "xl/styles.xml")
        let strings = try reader.data(stringsPart).map { try sharedStringTable($0, part: stringsPart) } ?? []
        let styles = try reader.data(stylesPart).map { try dateStyleSet($0, part: stylesPart) } ?? []
        return Workbook(sheets: sheets, date1904: date1904, reader: reader, sharedStrings: strings, dateStyles: styles)
    }

    /// An OLE2 compound file holding an encrypted OOXML package names its `EncryptionInfo` stream (UTF-16LE).
    private static func isEncrypted(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return false }
        let name = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        return data.range(of: name) != nil
    }

    private static func entryKey(_ path: String) -> String {
        var p = path.replacingOccurrences(of: "\\", with: "/")
        while p.hasPrefix("/") { p.removeFirst() }
        return p.lowercased()
    }

    /// A relationship target resolved against the folder of the part that names it ("worksheets/sheet1.xml"
    /// from "xl" → "xl/worksheets/sheet1.xml"; "/xl/…" is from the package root).
    private static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for c in target.split(separator: "/") {
            if c == "." { continue }
            if c == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(c)
        }
        return parts.joined(separator: "/")
    }

    /// Reads parts from the zip with a size limit and their CRC checked.
    private struct PartReader {
        let archive: Archive
        let entries: [String: Entry]
        let limit: Int

        func data(_ part: String) throws -> Data? {
            guard let entry = entries[Workbook.entryKey(part)] else { return nil }
            if entry.uncompressedSize > UInt64(limit) {
                throw Failure(message: "phần “\(part)” quá lớn (\(entry.uncompressedSize / 1_048_576) MB khi giải nén; tối đa \(limit / 1_048_576) MB)")
            }
            var data = Data()
            data.reserveCapacity(Int(entry.uncompressedSize))
            struct TooLarge: Error {}
            do {
                let crc = try archive.extract(entry, skipCRC32: false) { chunk in
                    if data.count + chunk.count > limit { throw TooLarge() }
                    data.append(chunk)
                }
                guard crc == entry.checksum else { throw Archive.ArchiveError.invalidCRC32 }
            } catch is TooLarge {
                throw Failure(message: "phần “\(part)” quá lớn khi giải nén (tối đa \(limit / 1_048_576) MB)")
            } catch {
                throw Failure(message: "tệp nén hỏng: không giải nén được “\(part)”")
            }
            return data
        }
    }

    private init(sheets: [Sheet], date1904: Bool, reader: PartReader, sharedStrings: [String], dateStyles: Set<Int>) {
        self.sheets = sheets; self.date1904 = date1904; self.reader = reader
        self.sharedStrings = sharedStrings; self.dateStyles = dateStyles
    }

    // MARK: - Parts

    private struct Relationship { var id: String, type: String, target: String }

    private static func relationships(_ data: Data, part: String) throws -> [Relationship] {
        var result: [Relationship] = []
        try WorkbookXML.parse(data, part: part) { event in
            guard case .start("Relationship", let a) = event, let id = a["Id"], let target = a["Target"],
                  a["TargetMode"] != "External" else { return }
            result.append(Relationship(id: id, type: a["Type"] ?? "", target: target))
        }
        return result
    }

    /// The shared strings, each `<si>`'s text runs joined (phonetic runs `<rPh>` left out).
    private static func sharedStringTable(_ data: Data, part: String) throws -> [String] {
        var strings: [String] = []
        var current = "", inText = false, phonetic = 0
        try WorkbookXML.parse(data, part: part) { event in
            switch event {
            case .start("si", _): current = ""
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = phonetic == 0
            case .end("t"): inText = false
            case .text(let s): if inText { current += s }
            case .end("si"): strings.append(decodeEscapes(current))
            default: break
            }
        }
        return strings
    }

    /// The cellXfs indices whose number format is a date: built-in 14–22 and 45–47, or a custom format
    /// whose code shows a day, month or year.
    private static func dateStyleSet(_ data: Data, part: String) throws -> Set<Int> {
        var custom: [Int: String] = [:]
        var xfFormats: [Int] = []
        var inCellXfs = false
        try WorkbookXML.parse(data, part: part) { event in
            switch event {
            case .start("numFmt", let a):
                if let id = a["numFmtId"].flatMap({ Int($0) }), let code = a["formatCode"] { custom[id] = code }
            case .start("cellXfs", _): inCellXfs = true
            case .end("cellXfs"): inCellXfs = false
            case .start("xf", let a) where inCellXfs:
                xfFormats.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        var result = Set<Int>()
        for (index, id) in xfFormats.enumerated() {
            let isDate: Bool
            if let code = custom[id] { isDate = isDateFormat(code) }
            else { isDate = (14...22).contains(id) || (45...47).contains(id) }
            if isDate { result.insert(index) }
        }
        return result
    }

    /// Whether a number format code shows a date: a `d`, `y`, or an `m` without hours or seconds (minutes),
    /// outside quoted text, escaped characters and `[…]` sections.
    static func isDateFormat(_ code: String) -> Bool {
        var letters = ""
        var quoted = false, bracket = false, skipNext = false
        for ch in code {
            if skipNext { skipNext = false; continue }
            if quoted { if ch == "\"" { quoted = false }; continue }
            if bracket { if ch == "]" { bracket = false }; continue }
            switch ch {
            case "\"": quoted = true
            case "[": bracket = true
            case "\\", "_", "*": skipNext = true
            default: letters.append(ch)
            }
        }
        let l = letters.lowercased()
        if l.contains("d") || l.contains("y") { return true }
        return l.contains("m") && !l.contains("h") && !l.contains("s")
    }

    /// OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` is a carriage return).
    static func decodeEscapes(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = "", rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let sc = Unicode.Scalar(v) {
                out.unicodeScalars.append(sc)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    // MARK: - Sheets

    /// The rows of `sheet` (empty rows left out) and its merged ranges; with `rowLimit`, only the first rows
    /// (and no merges): enough to look for a header.
    func read(_ sheet: Sheet, rowLimit: Int = .max) throws -> SheetData {
        guard let xml = try reader.data(sheet.part) else {
            throw Failure(message: "bảng tính thiếu phần “\(sheet.part)” của trang")
        }
        var result = SheetData()
        var rowNumber = 0, cells: [Int: Cell] = [:]
        var column = -1, type = "n", style = 0, value = "", hasValue = false
        var inValue = false, inInline = false, inInlineText = false, phonetic = 0
        var failure: Failure?
        let strings = sharedStrings, dates = dateStyles, date1904 = date1904

        func finishRow() {
            if !cells.isEmpty { result.rows.append(Row(number: rowNumber, cells: cells)) }
            cells = [:]
        }
        try WorkbookXML.scan(xml, part: sheet.part, continuing: { event in
            guard failure == nil else { return false }
            switch event {
            case .start("row", let a):
                let n = a["r"].flatMap { Int($0) } ?? rowNumber + 1
                guard n >= 1, n <= Workbook.maxRows else {
                    failure = Failure(message: "trang có dòng số \(n), vượt giới hạn \(Workbook.maxRows) dòng của Excel"); return false
                }
                rowNumber = n; column = -1; cells = [:]
            case .end("row"):
                finishRow()
                if result.rows.count >= rowLimit { return false }
            case .start("c", let a):
                if let ref = a["r"] {
                    guard let (_, c) = Workbook.parseRef(ref) else { failure = Failure(message: "ô có địa chỉ “\(ref)” không hợp lệ"); return false }
                    column = c
                } else {
                    column += 1
                }
                guard column < Workbook.maxColumns else {
                    failure = Failure(message: "trang có hơn \(Workbook.maxColumns) cột"); return false
                }
                type = a["t"] ?? "n"; style = a["s"].flatMap { Int($0) } ?? 0
                value = ""; hasValue = false
            case .start("v", _): inValue = true; hasValue = true
            case .end("v"): inValue = false
            case .start("is", _): inInline = true; hasValue = true
            case .end("is"): inInline = false
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inInlineText = inInline && phonetic == 0
            case .end("t"): inInlineText = false
            case .text(let s): if inValue || inInlineText { value += s }
            case .end("c"):
                guard hasValue else { return true }
                do {
                    if let cell = try Workbook.cell(type: type, value: value, style: style, strings: strings,
                                                    dateStyles: dates, date1904: date1904) {
                        cells[column] = cell
                    }
                } catch let f as Failure { failure = f } catch {}
            case .start("mergeCell", let a):
                guard let ref = a["ref"] else { return true }
                let ends = ref.split(separator: ":").map(String.init)
                guard let (r1, c1) = Workbook.parseRef(ends[0]), let (r2, c2) = Workbook.parseRef(ends.count > 1 ? ends[1] : ends[0]) else { return true }
                result.merges.append(CellRange(firstRow: min(r1, r2), firstColumn: min(c1, c2),
                                               lastRow: max(r1, r2), lastColumn: max(c1, c2), ref: ref))
            default: break
            }
            return failure == nil
        })
        if let failure { throw failure }
        return result
    }

    private static func cell(type: String, value: String, style: Int, strings: [String],
                             dateStyles: Set<Int>, date1904: Bool) throws -> Cell? {
        switch type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), i >= 0, i < strings.count else {
                throw Failure(message: "tệp hỏng: ô trỏ tới chuỗi dùng chung số \(value) không có")
            }
            return .text(strings[i])
        case "str", "inlineStr":
            return .text(decodeEscapes(value))
        case "b":
            return .bool(value.trimmingCharacters(in: .whitespaces) == "1")
        case "e":
            return .error(value)
        case "d":
            let digits = value.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard digits.count == 3 else { return .text(value) }
            return .date(year: digits[0], month: digits[1], day: digits[2])
        default:
            let v = value.trimmingCharacters(in: .whitespaces)
            if v.isEmpty { return nil }
            guard let d = Double(v), d.isFinite else { return .text(value) }
            if dateStyles.contains(style), let (y, m, day) = civilDate(serial: d, date1904: date1904) {
                return .date(year: y, month: m, day: day)
            }
            return .number(d)
        }
    }

    /// "AB12" → (row 12, column 27); "AB" alone has no row.
    static func parseRef(_ ref: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in ref.utf8 {
            switch u {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1; letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 8 else { return nil }
                row = row * 10 + Int(u - UInt8(ascii: "0")); digits += 1
            default: return nil
            }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        return (row, column - 1)
    }

    /// Column letters of a 0-based index: 0 → "A", 27 → "AB".
    static func columnName(_ index: Int) -> String {
        var n = index + 1, s = ""
        while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(UInt8(65 + r))) + s; n = (n - 1) / 26 }
        return s
    }

    // MARK: - Values

    /// The date of a serial day number (time of day ignored). In the 1900 system serial 1 is 1900-01-01 and
    /// 60 is the 29/02/1900 Excel keeps from Lotus 1-2-3 (a day that did not exist: returned as written, for
    /// the date check to refuse); in the 1904 system serial 0 is 1904-01-01. Nil before the epoch or after 9999.
    static func civilDate(serial: Double, date1904: Bool) -> (Int, Int, Int)? {
        guard serial >= 0, serial < 3_000_000 else { return nil }
        let days = Int((serial + 1e-9).rounded(.down))
        let daysFrom1970: Int
        if date1904 {
            daysFrom1970 = days - 24_107            // 1904-01-01
        } else {
            if days == 60 { return (1900, 2, 29) }
            guard days >= 1 else { return nil }
            daysFrom1970 = (days < 60 ? days : days - 1) - 25_568 // 1899-12-31 + days
        }
        let (y, m, d) = civil(daysFrom1970)
        return y <= 9999 ? (y, m, d) : nil
    }

    /// Year, month, day of a day count from 1970-01-01 (proleptic Gregorian; H. Hinnant's algorithm).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// A number as a person writes it: integers without a fraction (`1`, not `1.0`), others shortest (`12.5`).
    static func format(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
