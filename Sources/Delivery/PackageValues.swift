import Catalogue
import Foundation
import VietText

/// Values as packages write them turned into the form the CSV columns take: dates `DD/MM/YYYY`, TT 05
/// codes for coded columns, Số/ký hiệu apart.
enum PackageValues {
    /// Joins a range's two ends inside one value until the row is built (neither end can hold it).
    private static let rangeMark = "\u{1E}"

    static func joinRange(_ start: String, _ end: String?) -> String {
        end.map { start + rangeMark + $0 } ?? start
    }

    static func splitJoined(_ value: String) -> (String, String?) {
        guard let r = value.range(of: rangeMark) else { return (value, nil) }
        return (String(value[..<r.lowerBound]), String(value[r.upperBound...]))
    }

    /// A date or a range as written: `2012-02-15/2012-12-31` (EAD's normal), `15/02/2012 - 31/12/2012`,
    /// `2012–2015`, `từ 2012 đến 2015`; a single date is (date, nil).
    static func splitRange(_ raw: String) -> (String, String?) {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = VietNormalizer.fold(s)
        if folded.hasPrefix("tu "), let space = s.firstIndex(of: " ") {
            s = String(s[s.index(after: space)...]).trimmingCharacters(in: .whitespaces)
        }
        func pair(_ sep: String) -> (String, String?)? {
            guard let r = s.range(of: sep) else { return nil }
            let a = s[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
            let b = s[r.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !a.isEmpty, !b.isEmpty else { return nil }
            return (a, b)
        }
        for sep in [" đến ", " Đến ", "–", "—", " - "] {
            if let p = pair(sep) { return p }
        }
        func startsWithYear<S: StringProtocol>(_ t: S) -> Bool { t.count >= 4 && t.prefix(4).allSatisfy { $0.isASCII && $0.isNumber } }
        let slash = s.split(separator: "/", omittingEmptySubsequences: false)
        if slash.count == 2, startsWithYear(slash[0]), startsWithYear(slash[1]) {
            return (String(slash[0]), String(slash[1]))
        }
        let dash = s.split(separator: "-", omittingEmptySubsequences: false)
        if dash.count == 2, dash.allSatisfy({ $0.count == 4 && startsWithYear($0) }) {
            return (String(dash[0]), String(dash[1]))
        }
        return (s, nil)
    }

    /// A date as `DD/MM/YYYY`, `MM/YYYY` or `YYYY`: from ISO (`2012-02-15`, `2012-02`, `20120215`, with a
    /// time after it), `15/02/2012`, or `ngày 15 tháng 02 năm 2012`. Anything else is returned as written,
    /// for the row's check to report.
    static func date(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if s.count > 10, s.dropFirst(10).first == "T", startsISO(s) { s = String(s.prefix(10)) }
        if let d = ArchiveDateValue.parse(s) { return d.display }
        let digits = s.allSatisfy { $0.isASCII && $0.isNumber }
        if digits, s.count == 8, let y = Int(s.prefix(4)), let m = Int(s.dropFirst(4).prefix(2)), let d = Int(s.suffix(2)),
           let v = ArchiveDateValue(year: y, month: m, day: d) { return v.display }
        let iso = s.split(separator: "-")
        if iso.count == 2, iso[0].count == 4, iso[1].count <= 2, let y = Int(iso[0]), let m = Int(iso[1]),
           let v = ArchiveDateValue(year: y, month: m) { return v.display }
        // "ngày 15 tháng 02 năm 2012", "tháng 2 năm 2012", "năm 2012".
        let words = VietNormalizer.fold(s).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        var parts: [String: Int] = [:]
        for (i, w) in words.enumerated() where ["ngay", "thang", "nam"].contains(w) && i + 1 < words.count {
            if let n = Int(words[i + 1]) { parts[w] = n }
        }
        if let y = parts["nam"], words.allSatisfy({ ["ngay", "thang", "nam"].contains($0) || Int($0) != nil }),
           let v = ArchiveDateValue(year: y, month: parts["thang"], day: parts["ngay"]) {
            return v.display
        }
        return s
    }

    private static func startsISO(_ s: String) -> Bool {
        let p = Array(s.prefix(10))
        return p.count == 10 && p[4] == "-" && p[7] == "-"
    }

    /// `12/QĐ-UBND` (also `Số: 12/QĐ-UBND`) → (`12`, `QĐ-UBND`); without a slash, the number alone.
    static func numberSymbol(_ raw: String) -> (number: String?, symbol: String?) {
        var s = raw.trimmingCharacters(in: .whitespaces)
        let folded = VietNormalizer.fold(s)
        if folded.hasPrefix("so:") || folded.hasPrefix("so ") {
            s = String(s.dropFirst(3)).trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":")))
        }
        guard let slash = s.firstIndex(of: "/") else { return (s.pkgNonEmpty, nil) }
        let number = s[..<slash].trimmingCharacters(in: .whitespaces)
        return (number.pkgNonEmpty, cleanSymbol(String(s[slash...])).pkgNonEmpty)
    }
}
