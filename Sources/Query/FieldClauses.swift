import Foundation
import IndexSchema
import VietText

/// Field clauses (`so:`, `cccd:`, `loai:`, `coquan:`, `phong:`, `hoso:`, `nam:`, `ngay:`): scored
/// identifier clauses and boolean filters.
extension Compiler {
    mutating func compileIdentifierField(_ field: Field, _ value: String, at pos: Int) throws -> QueryNode {
        switch field {
        case .citizen:
            let digits = value.filter { !$0.isWhitespace && $0 != "." && $0 != "-" }
            guard let id = CitizenID(digits) else {
                throw QueryError(message: "Số CCCD/CMND không hợp lệ: \"\(value)\" (CMND có 9 chữ số, CCCD có 12 chữ số bắt đầu bằng 0).", position: pos)
            }
            addHighlight(id.digits)
            return .term(TermPrefix.citizenID + id.digits)
        default:
            if let dn = IdentifierExtractor.documentNumbers(in: value, lenient: true).first {
                analyzer.tokens(value).forEach { addHighlight($0.folded) }
                return .term(TermPrefix.documentNumber + dn.canonical)
            }
            // Not a full number/symbol: the words of the value, as a phrase.
            let toks = analyzer.tokens(value)
            guard !toks.isEmpty else {
                throw QueryError(message: "Số văn bản không hợp lệ: \"\(value)\" (ví dụ: so:1605/QĐ-UBND).", position: pos)
            }
            toks.forEach { addHighlight($0.folded) }
            if toks.count == 2, isSymbolLike(toks[0]) != isSymbolLike(toks[1]),
               let num = toks.first(where: { $0.kind == .number }), let sym = toks.first(where: { $0.kind == .word }) {
                return .term(TermPrefix.documentNumber + DocumentNumber(number: num.folded, symbolParts: [sym.folded]).canonical)
            }
            return phraseNode(toks)
        }
    }

    mutating func compileFilterField(_ field: Field, _ value: String, at pos: Int) throws -> QueryNode {
        let v = value.trimmingCharacters(in: .whitespaces)
        switch field {
        case .type:
            let expansions = config.expansions(of: v)
            let values = expansions.isEmpty ? [v] : expansions
            return QueryNode.any(values.map { .term(TermPrefix.documentType + Analyzer.fieldValue($0)) })
        case .body:
            return .term(TermPrefix.issuingBody + Analyzer.fieldValue(v))
        case .fonds:
            return .term(TermPrefix.fonds + Analyzer.fieldValue(v))
        case .file:
            return .term(TermPrefix.fileID + v.precomposedStringWithCanonicalMapping)
        case .year:
            return try yearNode(v, at: pos)
        case .date:
            return try dateNode(v, at: pos)
        default:
            return .term(Analyzer.fieldValue(v))
        }
    }

    func parseYear(_ s: String) -> Int? {
        guard s.count == 4, s.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(s), (1000...2999).contains(y) else { return nil }
        return y
    }

    func yearNode(_ v: String, at pos: Int) throws -> QueryNode {
        let bad = QueryError(message: "Năm không hợp lệ: \"\(v)\" (ví dụ: nam:2012 hoặc nam:2010..2015).", position: pos)
        if let r = v.range(of: "..") {
            let a = String(v[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
            let b = String(v[r.upperBound...]).trimmingCharacters(in: .whitespaces)
            guard !(a.isEmpty && b.isEmpty) else { throw bad }
            let from = a.isEmpty ? nil : parseYear(a), to = b.isEmpty ? nil : parseYear(b)
            guard a.isEmpty || from != nil, b.isEmpty || to != nil else { throw bad }
            if let from, let to, from > to {
                throw QueryError(message: "Khoảng năm không hợp lệ: \(from) lớn hơn \(to) (ví dụ: nam:2010..2015).", position: pos)
            }
            return .valueRange(slot: 1, from: from.map { String(format: "%04d0000", $0) } ?? "00000000",
                               to: to.map { String(format: "%04d1299", $0) } ?? "99999999")
        }
        guard let y = parseYear(v) else { throw bad }
        return .term(TermPrefix.year + String(y))
    }

    func dateNode(_ v: String, at pos: Int) throws -> QueryNode {
        func parse(_ s: String) throws -> ArchiveDate {
            guard let d = ArchiveDate.parse(s.trimmingCharacters(in: .whitespaces)) else {
                throw QueryError(message: "Ngày không hợp lệ: \"\(s)\" (ví dụ: ngay:15/02/2012, ngay:02/2012 hoặc ngay:01/2012..06/2012).", position: pos)
            }
            return d
        }
        if let r = v.range(of: "..") {
            let a = String(v[..<r.lowerBound]), b = String(v[r.upperBound...])
            let from = try parse(a), to = try parse(b)
            guard from.sortKeyRange.from <= to.sortKeyRange.to else {
                throw QueryError(message: "Khoảng ngày không hợp lệ: \(from) sau \(to).", position: pos)
            }
            return .valueRange(slot: 1, from: from.sortKeyRange.from, to: to.sortKeyRange.to)
        }
        let d = try parse(v)
        return .valueRange(slot: 1, from: d.sortKeyRange.from, to: d.sortKeyRange.to)
    }
}
