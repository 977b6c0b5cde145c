import CHosoZlib
import Foundation

/// A minimal PDF file writer: numbered indirect objects, streams with exact lengths, a classic
/// cross-reference table and a trailer with a document ID. Everything outside streams is ASCII.
struct PDFWriter {
    private(set) var data = Data()
    private var offsets: [Int: Int] = [:]
    private var count = 0

    init() {
        // Header, then a comment of four bytes above 127 so tools treat the file as binary (PDF/A 6.1.2).
        data.append(Data("%PDF-1.7\n%".utf8))
        data.append(contentsOf: [0xE2, 0xE3, 0xCF, 0xD3, 0x0A])
    }

    /// A new object number, to be written later (for forward references).
    mutating func reserve() -> Int {
        count += 1
        return count
    }

    /// Writes `id 0 obj … endobj`.
    mutating func object(_ id: Int, _ body: String) {
        offsets[id] = data.count
        data.append(Data("\(id) 0 obj\n\(body)\nendobj\n".utf8))
    }

    /// Writes a stream object; `dictionary` holds the entries without `/Length` (added here).
    mutating func stream(_ id: Int, _ dictionary: String, _ bytes: Data) {
        offsets[id] = data.count
        data.append(Data("\(id) 0 obj\n<< \(dictionary) /Length \(bytes.count) >>\nstream\n".utf8))
        data.append(bytes)
        data.append(Data("\nendstream\nendobj\n".utf8))
    }

    /// A stream compressed with Flate (zlib) when that makes it smaller.
    mutating func flateStream(_ id: Int, _ dictionary: String, _ bytes: Data) {
        if let packed = PDFDeflate.compress(bytes), packed.count < bytes.count {
            stream(id, "\(dictionary) /Filter /FlateDecode", packed)
        } else {
            stream(id, dictionary, bytes)
        }
    }

    /// The cross-reference table and trailer; returns the whole file.
    func finish(root: Int, info: Int, documentID: Data) -> Data {
        var out = data
        let xref = out.count
        var table = "xref\n0 \(count + 1)\n0000000000 65535 f \n"
        for id in 1...max(count, 1) where id <= count {
            table += String(format: "%010d 00000 n \n", offsets[id] ?? 0)
        }
        let hexID = PDFSyntax.hex(documentID)
        table += "trailer\n<< /Size \(count + 1) /Root \(root) 0 R /Info \(info) 0 R /ID [<\(hexID)> <\(hexID)>] >>\n"
        table += "startxref\n\(xref)\n%%EOF\n"
        out.append(Data(table.utf8))
        return out
    }
}

/// Pieces of PDF syntax.
enum PDFSyntax {
    static func hex(_ bytes: Data) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A text string (PDF "text string" type) as UTF-16BE with a byte-order mark, in hex: safe for any
    /// Vietnamese title.
    static func textString(_ s: String) -> String {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in s.precomposedStringWithCanonicalMapping.utf16 {
            bytes.append(UInt8(unit >> 8))
            bytes.append(UInt8(unit & 0xFF))
        }
        return "<\(hex(Data(bytes)))>"
    }

    /// A number with at most three decimals, never in exponent form, locale-independent.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let scaled = Int((v * 1000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let a = abs(scaled)
        let whole = a / 1000, frac = a % 1000
        if frac == 0 { return "\(sign)\(whole)" }
        var f = String(frac)
        while f.count < 3 { f = "0" + f }
        while f.hasSuffix("0") { f.removeLast() }
        return "\(sign)\(whole).\(f)"
    }

    /// `D:YYYYMMDDHHmmSSZ` (Info dictionary) and `YYYY-MM-DDTHH:mm:SSZ` (XMP) for the same instant, in UTC.
    static func dates(_ date: Date) -> (info: String, xmp: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ v: Int?) -> String { let n = v ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        let y = String(c.year ?? 1970)
        return ("D:\(y)\(two(c.month))\(two(c.day))\(two(c.hour))\(two(c.minute))\(two(c.second))Z",
                "\(y)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))Z")
    }

    /// Escapes text for XML content and attributes.
    static func xml(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // Control characters are not allowed in XML 1.0.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}

/// zlib compression (FlateDecode streams), at zlib's default level.
enum PDFDeflate {
    static func compress(_ bytes: Data) -> Data? {
        guard !bytes.isEmpty else { return nil }
        var outCount = compressBound(uLong(bytes.count))
        var out = Data(count: Int(outCount))
        let status = out.withUnsafeMutableBytes { target in
            bytes.withUnsafeBytes { source in
                compress2(target.bindMemory(to: Bytef.self).baseAddress, &outCount,
                          source.bindMemory(to: Bytef.self).baseAddress, uLong(bytes.count), Z_DEFAULT_COMPRESSION)
            }
        }
        guard status == Z_OK else { return nil }
        out.count = Int(outCount)
        return out
    }
}
