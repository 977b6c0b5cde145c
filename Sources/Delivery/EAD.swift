import Catalogue
import Foundation
import VietText

/// One record of an EAD file (EAD3 or EAD 2002): the hồ sơ (`level="file"`) or a document (`level="item"`),
/// as an `archdesc` or a `c`/`c01`… component. Its values are kept as found, each with the TT 05 column it
/// names; `PackageRecordBuilder` turns them into a row.
struct EADRecord {
    enum Level { case file, item }

    /// One value found in the record.
    struct Value {
        /// The canonical column (`Column.*`) or one of `EADKey`'s keys; nil for an extra value.
        var column: String?
        /// The name the package gave it (an attribute or `<head>`), or the element's Vietnamese name.
        var label: String
        var value: String
        /// Named by an attribute or heading, rather than by the element alone: wins over the latter.
        var explicit: Bool
    }

    var level: Level
    /// `unitid` without a field-naming attribute: the Mã hồ sơ, or the document's id.
    var unitID: String?
    var values: [Value] = []
    /// `dao` hrefs: the files the record names.
    var links: [String] = []
    /// The unitid of the enclosing hồ sơ record, for a component.
    var parentFileID: String?
    /// The element's `id` attribute (METS may point at it).
    var elementID: String?
}

/// Keys for values that are not one column: they are split or routed when the row is built.
enum EADKey {
    /// `12/QĐ-UBND`: Số and Ký hiệu together.
    static let numberSymbol = "Số và ký hiệu"
    /// A document's own id (`<Mã hồ sơ>.<Số thứ tự>`).
    static let documentID = "Mã tài liệu"
    /// A date or a range: Thời gian bắt đầu/kết thúc for a hồ sơ, Ngày văn bản for a document.
    static let dates = "Thời gian"
    /// `unittitle`: Tiêu đề hồ sơ or Trích yếu nội dung.
    static let title = "Tiêu đề"
    /// `scopecontent`: the summary of a document without a unittitle, an extra value of a hồ sơ.
    static let scope = "Nội dung"
    /// `origination`: Cơ quan ban hành of a document, an extra value of a hồ sơ.
    static let origination = "Cơ quan, tổ chức hình thành"
    /// `physdesc` text not otherwise understood.
    static let physical = "Mô tả vật lý"
}

enum EADReader {
    /// The records of an EAD file. `defaultLevel` is used for an archdesc without a level (an `EAD_doc_*`
    /// file describes a document). Throws `PackageXMLError` when the file is not XML, `CatalogueError` when
    /// it is not EAD.
    static func parse(_ data: Data, defaultLevel: EADRecord.Level) throws -> [EADRecord] {
        let root = try PackageXMLElement.parse(data)
        guard root.name.lowercased() == "ead" || root.name == "archdesc" else {
            throw CatalogueError("không phải tệp EAD (phần tử gốc là <\(root.name)>, cần <ead>)")
        }
        guard let archdesc = root.name == "archdesc" ? root : root.descendants("archdesc").first else {
            throw CatalogueError("tệp EAD không có <archdesc>")
        }
        var records: [EADRecord] = []
        collect(archdesc, defaultLevel: defaultLevel, parentFileID: nil, into: &records)
        return records
    }

    /// Components (`c`, `c01`…`c12`) hold the records below a record.
    static func isComponent(_ name: String) -> Bool {
        name == "c" || (name.count == 3 && name.hasPrefix("c") && name.dropFirst().allSatisfy(\.isNumber))
    }

    private static func level(of e: PackageXMLElement, default d: EADRecord.Level?) -> EADRecord.Level? {
        let raw = (e.attribute("level") == "otherlevel" ? e.attribute("otherlevel") : e.attribute("level")) ?? ""
        switch VietNormalizer.fold(raw) {
        case "item", "tai lieu", "van ban", "document": return .item
        case "file", "ho so": return .file
        case "": return d
        default: return nil // fonds, series…: a level above, whose components may be hồ sơ
        }
    }

    private static func collect(_ e: PackageXMLElement, defaultLevel: EADRecord.Level?, parentFileID: String?,
                                into records: inout [EADRecord]) {
        var parent = parentFileID
        if let level = level(of: e, default: defaultLevel) {
            var record = EADRecord(level: level, parentFileID: parentFileID, elementID: e.attribute("id"))
            for child in e.children { visit(child, &record) }
            records.append(record)
            if level == .file {
                parent = record.values.last(where: { $0.column == Column.fileID && $0.explicit })?.value ?? record.unitID
            }
        }
        // Components sit directly under the record or inside its dsc.
        for child in e.children {
            if isComponent(child.name) {
                collect(child, defaultLevel: nil, parentFileID: parent, into: &records)
            } else if child.name == "dsc" {
                for c in child.children where isComponent(c.name) {
                    collect(c, defaultLevel: nil, parentFileID: parent, into: &records)
                }
            }
        }
    }

    // MARK: - Values

    /// Attributes that may name a TT 05 field.
    private static let namingAttributes = ["localtype", "label", "encodinganalog", "type", "role"]

    /// The column `e` names by an attribute or its heading, and the name as written; nil column with a label
    /// for a name that is not a known column.
    private static func naming(_ e: PackageXMLElement) -> (column: String?, label: String)? {
        var unknown: String?
        var candidates = namingAttributes.compactMap { e.attribute($0) }
        if let head = e.child("head")?.text(), !head.isEmpty { candidates.append(head) }
        for label in candidates {
            if let column = column(named: label) { return (column, label) }
        }
        // Only a descriptive label (not a `type` or an `encodinganalog` code) keeps an unknown field by name.
        for attr in ["localtype", "label"] { if unknown == nil, let v = e.attribute(attr) { unknown = v } }
        if unknown == nil, let head = e.child("head")?.text(), !head.isEmpty { unknown = head }
        return unknown.map { (nil, $0) }
    }

    private static let allColumns: [String] = {
        var all = Column.fileColumns
        for c in Column.documentColumns where !all.contains(c) { all.append(c) }
        return all
    }()

    private static let specialNames: [String: String] = {
        var names: [String: String] = [:]
        for n in ["Số và ký hiệu", "Số, ký hiệu", "Số ký hiệu", "Số và ký hiệu văn bản", "Số, ký hiệu văn bản",
                  "Số ký hiệu văn bản"] { names[Column.key(n)] = EADKey.numberSymbol }
        for n in ["Mã tài liệu", "Mã định danh tài liệu", "Mã định danh văn bản", "Mã văn bản", "Mã định danh"] {
            names[Column.key(n)] = EADKey.documentID
        }
        names[Column.key("Thời gian")] = EADKey.dates
        return names
    }()

    /// The canonical column (or `EADKey`) a name stands for, matched like a CSV header.
    static func column(named label: String) -> String? {
        if let special = specialNames[Column.key(label)] { return special }
        return Column.canonical(label, among: allColumns)
    }

    private static func add(_ record: inout EADRecord, _ column: String?, _ label: String, _ value: String, explicit: Bool) {
        let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !v.isEmpty else { return }
        record.values.append(EADRecord.Value(column: column, label: label, value: v, explicit: explicit))
    }

    /// Elements whose text is the value of the field they name (their attributes aside).
    private static let dateElements: Set<String> = ["unitdate", "unitdatestructured", "date", "datesingle", "daterange"]

    /// Reads one element of a record (not a component, which is a record of its own).
    private static func visit(_ e: PackageXMLElement, _ record: inout EADRecord) {
        let name = e.name
        if isComponent(name) || name == "dsc" || name == "head" { return }
        if name == "dao" || name == "daoloc" {
            if let href = e.attribute("href") ?? e.attribute("entityref") { record.links.append(href) }
            return
        }
        if name == "daogrp" || name == "daoset" {
            for c in e.children { visit(c, &record) }
            return
        }
        if let (column, label) = naming(e), column != nil || !standard.contains(name) {
            if let column {
                if dateElements.contains(name) {
                    for (start, end) in dates(e) {
                        add(&record, column, label, PackageValues.joinRange(start, end), explicit: true)
                    }
                } else {
                    var text = e.text(excluding: ["head"])
                    if text.isEmpty { text = e.attribute("normal") ?? e.attribute("standarddate") ?? e.attribute("langcode") ?? "" }
                    add(&record, column, label, text, explicit: true)
                }
            } else {
                add(&record, nil, label, e.text(excluding: ["head"]), explicit: true)
            }
            return
        }
        switch name {
        case "did", "descgrp", "physdescset":
            for c in e.children { visit(c, &record) }
        case "unitid":
            let text = e.text()
            if record.unitID == nil, !text.isEmpty { record.unitID = text }
        case "unittitle":
            add(&record, EADKey.title, "unittitle", e.text(), explicit: false)
        case "unitdate", "unitdatestructured":
            for (start, end) in dates(e) {
                add(&record, EADKey.dates, name, PackageValues.joinRange(start, end), explicit: false)
            }
        case "langmaterial", "languageset":
            let languages = e.descendants("language")
            if languages.isEmpty {
                add(&record, Column.language, name, e.text(excluding: ["head"]), explicit: false)
            }
            for l in languages {
                let text = l.text()
                add(&record, Column.language, name, text.isEmpty ? languageName(l.attribute("langcode") ?? "") : text,
                    explicit: false)
            }
        case "physdesc", "physdescstructured", "extent", "physfacet", "dimensions":
            physical(e, &record)
        case "accessrestrict":
            add(&record, Column.access, name, e.text(excluding: ["head"]), explicit: false)
        case "controlaccess":
            for c in e.children where c.name != "head" {
                if c.name == "controlaccess" { visit(c, &record); continue }
                if let (column, label) = naming(c), let column {
                    add(&record, column, label, c.text(excluding: ["head"]), explicit: true)
                } else if c.name == "genreform" {
                    add(&record, Column.type, c.name, c.text(), explicit: false)
                } else {
                    add(&record, Column.keywords, c.name, c.text(), explicit: false)
                }
            }
        case "origination":
            var plain: [String] = []
            for c in e.children where c.name != "head" {
                if let (column, label) = naming(c), let column {
                    add(&record, column, label, c.text(excluding: ["head"]), explicit: true)
                } else {
                    plain.append(c.text())
                }
            }
            if e.children.allSatisfy({ $0.name == "head" }) { plain.append(e.text(excluding: ["head"])) }
            for p in plain { add(&record, EADKey.origination, "origination", p, explicit: false) }
        case "scopecontent", "abstract":
            add(&record, EADKey.scope, name, e.text(excluding: ["head"]), explicit: false)
        case "odd", "note", "didnote":
            add(&record, Column.note, name, e.text(excluding: ["head"]), explicit: false)
        case "physloc":
            add(&record, nil, "Vị trí bảo quản", e.text(excluding: ["head"]), explicit: false)
        case "container":
            add(&record, nil, "Hộp số", e.text(), explicit: false)
        case "materialspec":
            add(&record, nil, "Đặc điểm tài liệu", e.text(excluding: ["head"]), explicit: false)
        default:
            break
        }
    }

    /// The elements read for their own meaning even when a label names no known field.
    private static let standard: Set<String> = [
        "did", "descgrp", "unitid", "unittitle", "unitdate", "unitdatestructured", "langmaterial", "languageset",
        "physdesc", "physdescstructured", "physdescset", "extent", "accessrestrict", "controlaccess", "origination",
        "scopecontent", "abstract", "dimensions", "physfacet", "repository", "bioghist", "custodhist", "acqinfo",
        "appraisal", "arrangement", "userestrict", "processinfo", "relatedmaterial", "otherfindaid", "bibliography",
    ]

    /// Counts of sheets and pages, the physical state, or the text as an extra value.
    private static func physical(_ e: PackageXMLElement, _ record: inout EADRecord) {
        switch e.name {
        case "physdescstructured":
            let quantity = e.child("quantity")?.text() ?? ""
            let unit = e.child("unittype")?.text() ?? ""
            count(quantity, unit: unit, label: e.name, &record)
            for c in e.children where ["physfacet", "dimensions", "descriptivenote"].contains(c.name) { visit(c, &record) }
        case "extent":
            let text = e.text()
            if let unit = e.attribute("unit") ?? e.attribute("unittype") { count(text, unit: unit, label: e.name, &record) }
            else { plainPhysical(text, label: e.name, &record) }
        case "physdesc" where !e.children.filter({ $0.name != "head" }).isEmpty
                             && e.children.allSatisfy({ ["head", "extent", "physfacet", "dimensions", "genreform"].contains($0.name) }):
            for c in e.children where c.name != "head" { visit(c, &record) }
        default:
            plainPhysical(e.text(excluding: ["head"]), label: e.name, &record)
        }
    }

    /// "25 tờ", "12 trang", "Tốt" or any other text.
    private static func plainPhysical(_ text: String, label: String, _ record: inout EADRecord) {
        let words = text.split(separator: " ").map(String.init)
        if words.count == 2, words[0].allSatisfy(\.isNumber) {
            count(words[0], unit: words[1], label: label, &record)
        } else if FieldCode.code(text, in: FieldCode.physicalState) != nil {
            add(&record, Column.physicalState, label, text, explicit: false)
        } else {
            add(&record, nil, EADKey.physical, text, explicit: false)
        }
    }

    private static func count(_ quantity: String, unit: String, label: String, _ record: inout EADRecord) {
        let u = Column.key(unit)
        if u.hasPrefix("to") || u == "sheet" || u == "sheets" || u == "leaves" {
            add(&record, Column.sheetCount, label, quantity, explicit: false)
        } else if u.hasPrefix("trang") || u == "page" || u == "pages" {
            add(&record, Column.pageCount, label, quantity, explicit: false)
        } else {
            add(&record, nil, unit.isEmpty ? EADKey.physical : "Số lượng \(unit)", quantity, explicit: false)
        }
    }

    /// The language a code names, in Vietnamese where the TT 05 list has it; the code otherwise.
    static func languageName(_ code: String) -> String {
        switch code.lowercased() {
        case "vie", "vi": return "Tiếng Việt"
        case "": return ""
        default: return code
        }
    }

    /// The dates an element gives: (start, end) in the element's own spelling, ISO from attributes first.
    static func dates(_ e: PackageXMLElement) -> [(String, String?)] {
        func single(_ d: PackageXMLElement) -> String? {
            d.attribute("standarddate") ?? d.attribute("normal") ?? d.text().pkgNonEmpty
        }
        switch e.name {
        case "unitdatestructured", "dateset":
            var out: [(String, String?)] = []
            for c in e.children {
                switch c.name {
                case "datesingle": if let s = single(c) { out.append((s, nil)) }
                case "daterange", "dateset": out += dates(c)
                default: break
                }
            }
            return out
        case "daterange":
            let from = e.child("fromdate").flatMap(single)
            let to = e.child("todate").flatMap(single)
            if let from { return [(from, to)] }
            if let to { return [(to, nil)] }
            return []
        default:
            if let normal = e.attribute("normal") ?? e.attribute("standarddate") {
                return [PackageValues.splitRange(normal)]
            }
            let text = e.text()
            return text.isEmpty ? [] : [PackageValues.splitRange(text)]
        }
    }
}
