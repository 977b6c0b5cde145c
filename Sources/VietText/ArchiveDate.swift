import Foundation

/// A date as archival records give it (ngày tháng năm): a year, optionally a month, optionally a day.
/// `sortKey` is "YYYYMMDD" with missing parts "00" (value slot 1 of the index).
public struct ArchiveDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    /// Nil when the date does not exist: month outside 1…12, day outside the month (31/02, 29/02 of a
    /// common year), a day without a month, or a year outside 1000…2999.
    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1000...2999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
        }
        if let day {
            guard let month, day >= 1, day <= ArchiveDate.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// "YYYYMMDD", missing parts "00": 15/02/2012 → "20120215", 02/2012 → "20120200", 2012 → "20120000".
    public var sortKey: String {
        String(format: "%04d%02d%02d", year, month ?? 0, day ?? 0)
    }

    /// The first and last sort keys this date covers: 2012 → ("20120000", "20121299"),
    /// 02/2012 → ("20120200", "20120299"), 15/02/2012 → ("20120215", "20120215").
    public var sortKeyRange: (from: String, to: String) {
        if day != nil { return (sortKey, sortKey) }
        if let month { return (String(format: "%04d%02d00", year, month), String(format: "%04d%02d99", year, month)) }
        return (String(format: "%04d0000", year), String(format: "%04d1299", year))
    }

    /// As an archivist writes it: "15/02/2012", "02/2012", "2012".
    public var description: String {
        if let day, let month { return String(format: "%02d/%02d/%04d", day, month, year) }
        if let month { return String(format: "%02d/%04d", month, year) }
        return String(format: "%04d", year)
    }

    public static func < (a: ArchiveDate, b: ArchiveDate) -> Bool { a.sortKey < b.sortKey }

    /// Parses a catalogue CSV cell: `DD/MM/YYYY`, `MM/YYYY` or `YYYY` (also with `-` or `.` as
    /// separator, surrounding spaces allowed). Nil when empty or unparseable or not a real date.
    public static func parse(csvCell: String) -> ArchiveDate? {
        let cell = csvCell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cell.isEmpty, cell.count <= 12 else { return nil }
        let parts = cell.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        let nums = parts.compactMap { Int($0) }
        guard nums.count == parts.count, parts.last?.count == 4 else { return nil }
        switch nums.count {
        case 1: return ArchiveDate(year: nums[0])
        case 2: guard parts[0].count <= 2 else { return nil }
            return ArchiveDate(year: nums[1], month: nums[0])
        case 3: guard parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            return ArchiveDate(year: nums[2], month: nums[1], day: nums[0])
        default: return nil
        }
    }

    /// Parses a date typed in a query (`15/02/2012`, `15-2-2012`, `02/2012`, `2012`, or
    /// `ngày 15 tháng 02 năm 2012`): the CSV forms first, then the first date found by the extractor.
    public static func parse(_ text: String) -> ArchiveDate? {
        if let d = parse(csvCell: text) { return d }
        let found = IdentifierExtractor.dates(in: text)
        return found.count == 1 ? found[0] : nil
    }
}
