import Catalogue
import Foundation

/// What a column of a workbook's sheet holds, from its header: a sheet has one row per document with the hồ sơ's
/// fields repeated, so each column goes to the hồ sơ, to the document, or (a name written twice) first to the
/// hồ sơ and then to the document.
enum WorkbookColumn: Equatable {
    /// Mã hồ sơ: both tables.
    case fileID
    /// A hồ sơ column, by canonical name.
    case fileField(String)
    /// A document column, by canonical name.
    case documentField(String)
    /// A name the hồ sơ and the document share, written once: the document's, and the hồ sơ's when all its rows agree.
    case sharedField(String)
    /// One part of a date split into day, month and year columns (target by canonical name).
    case datePart(String, WorkbookDatePart)
    /// `Số và ký hiệu` in one cell ("12/QĐ-CC"): Số and Ký hiệu.
    case numberAndSymbol
    /// An extra column of the hồ sơ (Mục lục, Hộp số, Số và ký hiệu hồ sơ), by header as written.
    case fileExtra(String)
    /// An extra column of the document (any column not known), by header as written.
    case documentExtra(String)
}

enum WorkbookDatePart: Int { case day, month, year }

/// A sheet's header read into columns, with the problems of the header itself.
struct WorkbookHeader {
    /// Row number of the header.
    var row: Int
    /// Column index → what it holds.
    var columns: [Int: WorkbookColumn] = [:]
    /// The columns giving Phông, Mục lục, Hộp số, Số và ký hiệu hồ sơ (in that order) for a Mã hồ sơ made of them.
    var idParts: [Int?] = [nil, nil, nil, nil]
    /// Header as written, by column index.
    var names: [Int: String] = [:]
    var problems: [(column: String, reason: String)] = []
    /// How many columns are known (not extra): the header's strength.
    var knownCount = 0

    func has(_ column: WorkbookColumn) -> Bool { columns.values.contains(column) }
    var hasPath: Bool { has(.documentField(Column.path)) }
    var hasTitle: Bool { has(.fileField(Column.fileTitle)) }
    var hasFileID: Bool { has(.fileID) }
    var hasOrdinal: Bool { has(.documentField(Column.ordinal)) }

    /// The header made of `cells` (header text by column index) at Excel row `row`.
    init(row: Int, cells: [Int: String]) {
        self.row = row
        let names = cells.mapValues(WorkbookHeader.display).filter { !$0.value.isEmpty }
        self.names = names
        let keys = names.mapValues(Column.key)
        let present = Set(keys.values)
        let ordered = names.keys.sorted()

        // Which key of each family wins when several are present.
        let ordinalKey = WorkbookHeader.ordinalKeys.first(where: present.contains)
        // With both `Phông` (a code) and `Tên phông`, the name is Tên phông and the code an extra column.
        let hasFondsCode = WorkbookHeader.idPartKeys.contains { $0.value == 0 && present.contains($0.key) }
        func partsPresent(_ target: String) -> Bool {
            let keys = WorkbookHeader.dateParts[target]!
            return !present.isDisjoint(with: keys.month) || !present.isDisjoint(with: keys.year)
        }

        var seen: [String: Int] = [:]        // canonical name → how many of its columns are taken
        var extraNames = Set<String>()
        func extraName(_ header: String) -> String {
            var name = header, n = 2
            while extraNames.contains(name) { name = "\(header) (\(n))"; n += 1 }
            extraNames.insert(name)
            return name
        }
        let known = Column.fileColumns + Column.documentColumns.filter { !Column.fileColumns.contains($0) }
        let canonicalCount: [String: Int] = ordered.reduce(into: [:]) { counts, index in
            if let c = Column.canonical(names[index]!, among: known) { counts[c, default: 0] += 1 }
        }

        for index in ordered {
            let header = names[index]!, key = keys[index]!
            var role: WorkbookColumn?
            if let part = WorkbookHeader.idPartKeys[key] {
                if idParts[part] == nil { idParts[part] = index }
                role = part == 0 && !present.contains("tenphong") ? .fileField(Column.fonds) : .fileExtra(header)
            } else if key == "tenphong" {
                role = .fileField(Column.fonds)
                if !hasFondsCode { idParts[0] = index }
            } else if let target = WorkbookHeader.datePartTarget(key) {
                let (t, part) = target
                role = part == .day && !partsPresent(t) ? WorkbookHeader.dateRole(t) : .datePart(t, part)
            } else if WorkbookHeader.ordinalKeys.contains(key) {
                role = key == ordinalKey ? .documentField(Column.ordinal) : .documentExtra(extraName(header))
            } else if WorkbookHeader.numberKeys.contains(key) {
                role = .documentField(Column.number)
            } else if WorkbookHeader.symbolKeys.contains(key) {
                role = .documentField(Column.symbol)
            } else if WorkbookHeader.numberSymbolKeys.contains(key) {
                role = .numberAndSymbol
            } else if WorkbookHeader.pathKeys.contains(key) {
                role = .documentField(Column.path)
            } else if let c = Column.canonical(header, among: known) {
                if c == Column.fileID { role = .fileID }
                else if Column.fileColumns.contains(c) && Column.documentColumns.contains(c) {
                    switch (canonicalCount[c] ?? 0, seen[c] ?? 0) {
                    case (1, _): role = c == Column.pageCount ? .documentField(c) : .sharedField(c)
                    case (_, 0): role = .fileField(c)
                    case (_, 1): role = .documentField(c)
                    default: role = nil
                    }
                } else if Column.fileColumns.contains(c) {
                    role = .fileField(c)
                } else {
                    role = .documentField(c)
                }
                if role != nil { seen[c, default: 0] += 1 }
            }
            // A known column taken already: like CSV, the first counts and this one is kept as extra metadata.
            if let r = role, r != .numberAndSymbol, !WorkbookHeader.isExtra(r), columns.values.contains(r) {
                problems.append((header, "cột “\(header)” trùng với một cột trước (\(WorkbookHeader.describe(r))); dùng cột đầu, giữ cột này như thông tin thêm"))
                role = nil
            }
            if role == nil, let c = Column.canonical(header, among: known), (canonicalCount[c] ?? 0) > 2, (seen[c] ?? 0) >= 2 {
                problems.append((header, "cột “\(header)” có lần thứ ba; chỉ dùng lần đầu (hồ sơ) và lần thứ hai (tài liệu), giữ cột này như thông tin thêm"))
            }
            let final = role ?? .documentExtra(extraName(header))
            if !Self.isExtra(final) { knownCount += 1 }
            if case .fileExtra(let n) = final { extraNames.insert(n) }
            columns[index] = final
        }
    }

    /// A header cell as shown: NFC, white space (line breaks in a wrapped header) made single spaces.
    static func display(_ s: String) -> String {
        BatchReader.Table.clean(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func isExtra(_ r: WorkbookColumn) -> Bool {
        switch r { case .fileExtra, .documentExtra: return true; default: return false }
    }

    private static func describe(_ r: WorkbookColumn) -> String {
        switch r {
        case .fileID: return Column.fileID
        case .fileField(let c), .documentField(let c), .sharedField(let c), .datePart(let c, _): return c
        case .numberAndSymbol: return "Số và ký hiệu"
        case .fileExtra(let h), .documentExtra(let h): return h
        }
    }

    private static func dateRole(_ target: String) -> WorkbookColumn {
        target == Column.date ? .documentField(target) : .fileField(target)
    }

    // MARK: - Names as people write them (matching keys: folded, letters and digits only)

    /// Phông, Mục lục, Hộp số, Số và ký hiệu hồ sơ → their place in a Mã hồ sơ made of them.
    static let idPartKeys: [String: Int] = [
        "phong": 0, "maphong": 0, "phongluutru": 0, "phongso": 0,
        "mucluc": 1, "muclucso": 1, "somucluc": 1,
        "hopso": 2, "hop": 2, "sohop": 2,
        "sovakyhieuhoso": 3, "sokyhieuhoso": 3, "hososo": 3, "sohoso": 3, "kyhieuhoso": 3,
    ]
    static let dateParts: [String: (day: Set<String>, month: Set<String>, year: Set<String>)] = [
        Column.startDate: (["ngaybatdau"], ["thangbatdau"], ["nambatdau"]),
        Column.endDate: (["ngayketthuc"], ["thangketthuc"], ["namketthuc"]),
        Column.date: (["ngayvanban", "ngaybanhanh", "ngaycuavanban"], ["thangvanban", "thangbanhanh", "thangcuavanban"],
                      ["namvanban", "nambanhanh", "namcuavanban"]),
    ]
    static func datePartTarget(_ key: String) -> (String, WorkbookDatePart)? {
        for (target, keys) in dateParts {
            if keys.day.contains(key) { return (target, .day) }
            if keys.month.contains(key) { return (target, .month) }
            if keys.year.contains(key) { return (target, .year) }
        }
        return nil
    }
    /// Số thứ tự, the most specific first: a sheet's `STT` often numbers all its rows, so it counts only alone.
    static let ordinalKeys = ["sothutuvanbantronghoso", "sothututronghoso", "sothutuvanban", "sothutu", "stt", "sott"]
    static let numberKeys: Set<String> = ["so", "socuavanban", "sovanban", "sohieuvanban"]
    static let symbolKeys: Set<String> = ["kyhieu", "kyhieucuavanban", "kyhieuvanban"]
    static let numberSymbolKeys: Set<String> = ["sovakyhieu", "sokyhieu", "sovakyhieuvanban", "sokyhieuvanban", "sovakyhieucuavanban"]
    static let pathKeys: Set<String> = ["tep", "teptin", "duongdan", "duongdanfile", "duongdantep", "duongdanteptin",
                                        "file", "tenfile", "tentep", "duongdanfilepdf"]
}
