import Catalogue
import Foundation
import Query

extension IndexableDocument {
    /// The indexable form of a catalogue document (văn bản), its file (hồ sơ) and its page texts
    /// (page 1 first). The document's known columns (`fields`) and extra columns of both the document
    /// and the file are indexed as searchable text; the retention code is the file's (TT 05/2025 code);
    /// Số/ký hiệu is the document's `numberSymbol` (`1605/QĐ-UBND`).
    public init(document: Document, file: ArchiveFile?, pages: [String]) {
        var extra: [String: String] = [:]
        // Fields already indexed on their own are left out.
        let own: Set<String> = [Column.type, Column.number, Column.symbol, Column.date, Column.issuer,
                                Column.summary, Column.signer, Column.access, Column.fileID, Column.ordinal, Column.path]
        // Coded values are searched by their names (`Tiếng Việt`, not `01`).
        for (k, v) in document.fields where !own.contains(k) {
            extra[k] = FieldCode.table(forColumn: k).map { FieldCode.label(v, in: $0) } ?? v
        }
        for (k, v) in document.extra { extra["tài liệu: " + k] = v }
        for (k, v) in file?.extra ?? [:] { extra["hồ sơ: " + k] = v }
        self.init(id: document.id, fileID: document.fileID, title: document.title, documentType: document.type,
                  number: document.numberSymbol, symbol: nil, dateSortKey: document.date?.sortKey,
                  year: document.date?.year, issuer: document.issuer, summary: document.summary,
                  signer: document.signer, fileTitle: file?.title, fonds: file?.fonds,
                  retention: file?.retentionCode, access: document.access.rawValue, extra: extra, pages: pages)
    }
}

extension SearchRequest {
    /// A request for what a role (public, staff, secret) may see.
    public init(query: QueryNode, role: Role, limit: Int = 10, offset: Int = 0,
                filters: SearchFilters = SearchFilters(), sort: SearchSort = .relevance, facetSlots: [Int] = []) {
        self.init(query: query, visibleLevels: role.visibleLevels.map(\.rawValue), limit: limit, offset: offset,
                  filters: filters, sort: sort, facetSlots: facetSlots)
    }
}
