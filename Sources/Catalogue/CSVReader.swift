import Foundation

/// One CSV record: its fields and the line (1-based) it starts on.
public struct CSVRecord: Equatable, Sendable {
    public var line: Int
    public var fields: [String]
    public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
}

/// A record that could not be read, by the line it starts on; the reason in Vietnamese.
public struct CSVProblem: Equatable, Sendable {
    public var line: Int
    public var reason: String
}

/// An RFC 4180 reader: comma-separated, fields optionally in double quotes (with commas, doubled quotes
/// and line breaks inside), CRLF or LF line ends, UTF-8 with or without a byte-order mark (a UTF-16 file
/// with its BOM is accepted too). A malformed record is reported and skipped; the reader then goes on
/// with the next line, so one bad row never loses the rest of the file. Blank lines are skipped.
public enum CSVReader {
    public static func parse(_ data: Data) -> (records: [CSVRecord], problems: [CSVProblem]) {
        parse(bytes: utf8Bytes(data))
    }

    public static func parse(_ text: String) -> (records: [CSVRecord], problems: [CSVProblem]) {
        parse(bytes: Array(text.utf8))
    }

    /// The bytes as UTF-8, without a BOM. UTF-16 (with its BOM) is converted; anything else is left as it is
    /// (invalid UTF-8 is reported per record).
    static func utf8Bytes(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let s = String(data: data, encoding: .utf16) {
            var u = Array(s.utf8)
            if u.starts(with: [0xEF, 0xBB, 0xBF]) { u.removeFirst(3) }
            return u
        }
        return bytes
    }

    private static let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D

    static func parse(bytes b: [UInt8]) -> (records: [CSVRecord], problems: [CSVProblem]) {
        var records: [CSVRecord] = []
        var problems: [CSVProblem] = []
        let n = b.count
        var i = 0
        var line = 1

        /// Index just after the line break that ends the physical line containing `from`, and that line's number + 1.
        func skipLine(from start: Int, line startLine: Int) -> (Int, Int) {
            var j = start
            while j < n {
                if b[j] == lf { return (j + 1, startLine + 1) }
                if b[j] == cr { return (j + 1 < n && b[j + 1] == lf ? j + 2 : j + 1, startLine + 1) }
                j += 1
            }
            return (n, startLine + 1)
        }

        while i < n {
            let recordStart = i, recordLine = line
            var fields: [[UInt8]] = []
            var field: [UInt8] = []
            var failure: String?
            var ended = false
            // Parse one record.
            fieldLoop: while !ended {
                field.removeAll(keepingCapacity: true)
                if i < n && b[i] == quote {
                    i += 1
                    var closed = false
                    while i < n {
                        let c = b[i]
                        if c == quote {
                            if i + 1 < n && b[i + 1] == quote { field.append(quote); i += 2; continue }
                            i += 1; closed = true; break
                        }
                        if c == cr {
                            // Line break inside quotes: kept as LF.
                            line += 1; field.append(lf)
                            i += (i + 1 < n && b[i + 1] == lf) ? 2 : 1
                            continue
                        }
                        if c == lf { line += 1 }
                        field.append(c); i += 1
                    }
                    if !closed {
                        failure = "dấu ngoặc kép mở nhưng không được đóng"
                        // Resume on the line after the record's first line.
                        (i, line) = skipLine(from: recordStart, line: recordLine)
                        break fieldLoop
                    }
                    // After a closing quote: a comma, a line break, or the end.
                    if i < n && b[i] != comma && b[i] != lf && b[i] != cr {
                        failure = "có ký tự sau dấu ngoặc kép đóng của một trường"
                        (i, line) = skipLine(from: i, line: line)
                        break fieldLoop
                    }
                } else {
                    while i < n && b[i] != comma && b[i] != lf && b[i] != cr {
                        if b[i] == quote {
                            failure = "dấu ngoặc kép nằm giữa một trường không được bao trong ngoặc kép"
                            (i, line) = skipLine(from: i, line: line)
                            break fieldLoop
                        }
                        field.append(b[i]); i += 1
                    }
                }
                fields.append(field)
                if i >= n { ended = true }
                else if b[i] == comma { i += 1; if i >= n { fields.append([]); ended = true } }
                else { // line break
                    i += (b[i] == cr && i + 1 < n && b[i + 1] == lf) ? 2 : 1
                    line += 1; ended = true
                }
            }
            if let failure {
                problems.append(CSVProblem(line: recordLine, reason: "dòng CSV không hợp lệ: \(failure)"))
                continue
            }
            if fields.count == 1 && fields[0].isEmpty { continue } // blank line
            var strings: [String] = []
            strings.reserveCapacity(fields.count)
            var valid = true
            for f in fields {
                guard let s = String(bytes: f, encoding: .utf8) else { valid = false; break }
                strings.append(s)
            }
            guard valid else {
                problems.append(CSVProblem(line: recordLine, reason: "dòng không phải văn bản UTF-8 hợp lệ (hãy lưu tệp CSV với bảng mã UTF-8)"))
                continue
            }
            records.append(CSVRecord(line: recordLine, fields: strings))
        }
        return (records, problems)
    }
}
