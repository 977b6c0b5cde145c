import Foundation

/// A date as archives write it: full (`DD/MM/YYYY`), month (`MM/YYYY`) or year only (`YYYY`).
public struct ArchiveDateValue: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// A validated date; nil when it does not exist (31/02/2012) or a day is given without a month.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard day >= 1 && day <= ArchiveDateValue.daysIn(month: month, year: year) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `DD/MM/YYYY`, `MM/YYYY` or `YYYY` (also with `-` or `.` between the parts, one-digit days
    /// and months, and ISO `YYYY-MM-DD` as spreadsheets sometimes export it). The year has four digits.
    /// Returns nil for anything else and for dates that do not exist (`31/02/2012`).
    public static func parse(_ cell: String) -> ArchiveDateValue? {
        let s = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "/" || $0 == "-" || $0 == ".") }) else { return nil }
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        // One kind of separator only.
        let separators = Set(s.filter { !$0.isNumber })
        guard separators.count <= 1, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        func number(_ p: String, digits: ClosedRange<Int>) -> Int? { digits.contains(p.count) ? Int(p) : nil }
        switch parts.count {
        case 1:
            guard let y = number(parts[0], digits: 4...4) else { return nil }
            return ArchiveDateValue(year: y)
        case 2:
            guard let m = number(parts[0], digits: 1...2), let y = number(parts[1], digits: 4...4) else { return nil }
            return ArchiveDateValue(year: y, month: m)
        case 3:
            if parts[0].count == 4 { // ISO YYYY-MM-DD
                guard separators == ["-"], let y = number(parts[0], digits: 4...4), let m = number(parts[1], digits: 1...2),
                      let d = number(parts[2], digits: 1...2) else { return nil }
                return ArchiveDateValue(year: y, month: m, day: d)
            }
            guard let d = number(parts[0], digits: 1...2), let m = number(parts[1], digits: 1...2),
                  let y = number(parts[2], digits: 4...4) else { return nil }
            return ArchiveDateValue(year: y, month: m, day: d)
        default:
            return nil
        }
    }

    /// Rebuilds a value from its `sortKey` ("20120215", "20120200", "20120000").
    /// Read from its eight ASCII digits (every result row's date: Characters and their properties cost more).
    public init?(sortKey: String) {
        let d = sortKey.utf8.map { Int($0) - 0x30 }
        guard d.count == 8, d.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let month = d[4] * 10 + d[5], day = d[6] * 10 + d[7]
        self.init(year: d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3], month: month == 0 ? nil : month, day: day == 0 ? nil : day)
    }

    /// "YYYYMMDD", missing parts "00": sorts chronologically as text.
    public var sortKey: String {
        pad(year, 4) + pad(month ?? 0, 2) + pad(day ?? 0, 2)
    }

    /// As archivists write it: "15/02/2012", "02/2012", "2012".
    public var display: String {
        switch (day, month) {
        case let (d?, m?): return "\(pad(d, 2))/\(pad(m, 2))/\(pad(year, 4))"
        case let (nil, m?): return "\(pad(m, 2))/\(pad(year, 4))"
        default: return pad(year, 4)
        }
    }

    public var description: String { display }

    public static func < (a: ArchiveDateValue, b: ArchiveDateValue) -> Bool { a.sortKey < b.sortKey }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
