import Catalogue
import Foundation

/// The layouts a delivery (lô giao nộp) may take, recognised by what the batch folder holds.
public enum DeliveryLayout: String, Sendable {
    /// `ho_so.csv` and `tai_lieu.csv` (CONTRACT.md).
    case csv
    /// One or more Excel workbooks, a row per document.
    case workbook
    /// TT 05/2025 information packages (SIP/AIP, E-ARK CSIP), as folders or zip files.
    case package
}

/// The local part of an XML qualified name: "xlink:href" → "href", "x:row" → "row" (workbooks and packages
/// are read by local names, whatever prefixes their writer chose).
func xmlLocalName(_ qualified: String) -> String {
    guard let colon = qualified.lastIndex(of: ":") else { return qualified }
    return String(qualified[qualified.index(after: colon)...])
}

/// Ký hiệu without its leading `/` and the spaces round `-` and `/` ("/BC - CC" → "BC-CC").
func cleanSymbol(_ s: String) -> String {
    var out = ""
    var pendingSpace = false
    for ch in s {
        if ch.isWhitespace { pendingSpace = true; continue }
        if ch == "-" || ch == "/" || ch == "–" { out.append(ch == "–" ? "-" : ch); pendingSpace = false; continue }
        if pendingSpace, let last = out.last, last != "-", last != "/" { out.append(" ") }
        pendingSpace = false
        out.append(ch)
    }
    while out.hasPrefix("/") { out.removeFirst() }
    return out.isEmpty ? s : out
}
