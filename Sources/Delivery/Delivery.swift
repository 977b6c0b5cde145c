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
