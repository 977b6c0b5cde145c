import Foundation

/// The acceptance report (biên bản nghiệm thu) of a delivery: per hồ sơ and per document, each requirement met or
/// not with its findings, the pages accepted and refused, and the amount they are worth.
public struct AcceptanceReport: Sendable {
    /// One page as accepted or refused.
    public struct PageResult: Sendable {
        public var number: Int
        public var ppi: Int?
        public var bitsPerPixel: Int
        public var hasColour: Bool
        /// The text layer's score (share of well-formed words), nil without a layer.
        public var layerScore: Double?
        /// Tesseract's mean confidence, when the page was recognised to judge it.
        public var ocrConfidence: Double?
        public var accepted: Bool
    }

    /// One document (tài liệu) with its pages and findings (its own and its pages').
    public struct DocumentResult: Sendable {
        public var id: String
        public var fileID: String
        public var ordinal: Int
        /// The scan as the delivery names it (relative to the batch when inside it).
        public var path: String
        /// `Số lượng trang` from the metadata.
        public var declaredPages: Int?
        public var pages: [PageResult]
        public var findings: [Finding]

        public var acceptedPages: Int { pages.filter(\.accepted).count }
        public var refusedPages: Int { pages.count - acceptedPages }
        /// Whether `requirement` is met by the document and all its pages (review points do not count).
        public func passes(_ requirement: Requirement) -> Bool {
            !findings.contains { $0.requirement == requirement && $0.kind == .finding }
        }
        public func needsReview(_ requirement: Requirement) -> Bool {
            findings.contains { $0.requirement == requirement && $0.kind == .review }
        }
    }

    /// One hồ sơ with its documents and its own findings.
    public struct FileResult: Sendable {
        public var id: String
        public var title: String
        public var documents: [DocumentResult]
        /// Findings of the hồ sơ itself (its metadata, its order, its totals).
        public var findings: [Finding]

        public var pages: Int { documents.reduce(0) { $0 + $1.pages.count } }
        public var acceptedPages: Int { documents.reduce(0) { $0 + $1.acceptedPages } }
        public func passes(_ requirement: Requirement) -> Bool {
            !findings.contains { $0.requirement == requirement && $0.kind == .finding }
        }
    }

    /// The batch as given on the command line.
    public var batch: String
    public var files: [FileResult]
    /// Findings that belong to no hồ sơ of the delivery: rows and scans that could not be read.
    public var deliveryFindings: [Finding]
    /// What the report cannot measure from the files, said once for the whole delivery.
    public var notes: [String]
    /// Price of one accepted A4 page, in đồng.
    public var unitPrice: Int

    public var documents: [DocumentResult] { files.flatMap(\.documents) }
    public var pages: Int { files.reduce(0) { $0 + $1.pages } }
    public var acceptedPages: Int { files.reduce(0) { $0 + $1.acceptedPages } }
    public var refusedPages: Int { pages - acceptedPages }
    /// The amount for the accepted pages, in đồng.
    public var amount: Int { acceptedPages * unitPrice }

    /// Every finding and review point: the delivery's, then each hồ sơ's and its documents'.
    public var allFindings: [Finding] {
        deliveryFindings + files.flatMap { $0.findings + $0.documents.flatMap(\.findings) }
    }
    public var findings: [Finding] { allFindings.filter { $0.kind == .finding } }
    public var reviews: [Finding] { allFindings.filter { $0.kind == .review } }

    /// 0 when every requirement is met, 1 when there is a finding (CONTRACT.md: partly done).
    public var exitCode: Int32 { findings.isEmpty ? 0 : 1 }
}

/// Numbers as Vietnamese write them: 4.384, 1.234.567.
enum VietnameseNumber {
    static func format(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// 0,97 (a decimal comma).
    static func decimal(_ x: Double, places: Int = 2) -> String {
        String(format: "%.\(places)f", x).replacingOccurrences(of: ".", with: ",")
    }
}
