import Foundation
import IndexSchema
import VietText

/// Parses what a clerk types into a `ParsedQuery` (phân tích truy vấn).
///
/// Syntax: plain words (all must match), `"quoted phrases"`, `-word` / `-"phrase"` (exclude),
/// `OR` / `HOẶC` between words or groups, `( … )`, and fields: `so:`/`số:` (document number),
/// `loai:` (document type), `coquan:` (issuing body), `hoso:` (file id), `phong:` (fonds),
/// `nam:2012`, `nam:2010..2015`, `ngay:15/02/2012` (also `ngay:02/2012..06/2012`), `cccd:`/`cmnd:`,
/// `thua:305` with `to:80`. A field value may be quoted: `coquan:"UBND huyện Krông Pắc"`.
/// An unknown `x:` stays as words. See docs/ARCHITECTURE.md ("Queries") for the relevance design.
public struct QueryParser: Sendable {
    public let analyzer: Analyzer
    /// Longest query accepted, in characters.
    public static let maxLength = 1000
    /// Deepest nesting of parentheses accepted.
    public static let maxDepth = 20
    /// Read words typed as raw Telex or VNI keys as the syllables they spell (`nguyeenx` → `nguyễn`). Off:
    /// every word is taken as typed (what the keys alone find, to judge a suggestion against).
    public var readsKeys = true

    public init(analyzer: Analyzer = Analyzer(), readsKeys: Bool = true) {
        self.analyzer = analyzer
        self.readsKeys = readsKeys
    }

    public func parse(_ query: String) throws -> ParsedQuery {
        let chars = Array(query)
        guard chars.count <= QueryParser.maxLength else {
            throw QueryError(message: "Truy vấn quá dài (\(chars.count) ký tự, tối đa \(QueryParser.maxLength) ký tự).", position: QueryParser.maxLength)
        }
        guard chars.contains(where: { !$0.isWhitespace }) else {
            throw QueryError(message: "Truy vấn trống: hãy nhập từ cần tìm.", position: nil)
        }
        let lexemes = try Lexer(chars: chars).run()
        var syntax = Syntax(lexemes: lexemes, chars: chars)
        let expr = try syntax.parseTop()
        var compiler = Compiler(analyzer: analyzer)
        compiler.readsKeys = readsKeys
        let node = try compiler.compile(expr, top: true)
        return ParsedQuery(node: node, highlightWords: compiler.highlight, textWords: compiler.textWords,
                           relaxedNode: compiler.relaxed, readings: compiler.readings)
    }
}

// MARK: - Lexer

/// Known field prefixes, by folded name.
enum Field: String {
    case number, type, body, file, fonds, year, date, citizen, parcel, sheet

    static func named(_ name: String) -> Field? {
        switch VietNormalizer.fold(name).replacingOccurrences(of: "_", with: "") {
        case "so", "sohieu", "kyhieu": return .number
        case "loai", "loaivanban": return .type
        case "coquan", "cq": return .body
        case "hoso", "mahoso": return .file
        case "phong": return .fonds
        case "nam": return .year
        case "ngay": return .date
        case "cccd", "cmnd", "cancuoc": return .citizen
        case "thua": return .parcel
        case "to", "tobando": return .sheet
        default: return nil
        }
    }
}

struct Lexeme {
    enum Kind: Equatable {
        case word
        case quoted(String)
        case field(Field, String)
        case lparen, rparen, or
    }
    var kind: Kind
    var start: Int
    var end: Int
    var negated = false
}

struct Lexer {
    let chars: [Character]
    static let quotes: Set<Character> = ["\"", "“", "”", "„", "«", "»"]
    static let minus: Set<Character> = ["-", "\u{2212}", "–"]

    func isBoundary(_ c: Character) -> Bool {
        c.isWhitespace || c == "(" || c == ")" || Lexer.quotes.contains(c)
    }

    func run() throws -> [Lexeme] {
        var out: [Lexeme] = []
        var i = 0
        var negateNext: Int? = nil
        func push(_ l: Lexeme) {
            var l = l
            if let n = negateNext { l.negated = true; l.start = n; negateNext = nil }
            out.append(l)
        }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" { push(Lexeme(kind: .lparen, start: i, end: i + 1)); i += 1; continue }
            if c == ")" {
                if negateNext != nil { negateNext = nil }
                out.append(Lexeme(kind: .rparen, start: i, end: i + 1)); i += 1; continue
            }
            if Lexer.quotes.contains(c) {
                let (text, end) = try readQuoted(from: i)
                push(Lexeme(kind: .quoted(text), start: i, end: end))
                i = end
                continue
            }
            if (Lexer.minus.contains(c) || c == "+"), i + 1 < chars.count, !chars[i + 1].isWhitespace,
               !Lexer.minus.contains(chars[i + 1]), i == 0 || isBoundary(chars[i - 1]) {
                if Lexer.minus.contains(c) { negateNext = i }
                i += 1
                continue
            }
            // A word: up to whitespace, a parenthesis or a quote.
            let start = i
            while i < chars.count, !isBoundary(chars[i]) { i += 1 }
            let word = String(chars[start..<i])
            let nfc = word.precomposedStringWithCanonicalMapping
            if (nfc == "OR" || nfc == "HOẶC"), negateNext == nil {
                out.append(Lexeme(kind: .or, start: start, end: i))
                continue
            }
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
               let field = Field.named(String(word[..<colon])) {
                var value = String(word[word.index(after: colon)...])
                var end = i
                if value.isEmpty {
                    // `so:"…"`, or a space after the colon as in a pasted heading `Số: 1605/QĐ-UBND`.
                    var j = i
                    while j < chars.count, chars[j].isWhitespace { j += 1 }
                    if j < chars.count, Lexer.quotes.contains(chars[j]) {
                        let (text, qEnd) = try readQuoted(from: j)
                        value = text
                        end = qEnd
                    } else if j > i, j < chars.count, chars[j] != "(", chars[j] != ")" {
                        var k = j
                        while k < chars.count, !isBoundary(chars[k]) { k += 1 }
                        let next = String(chars[j..<k]).precomposedStringWithCanonicalMapping
                        if next != "OR", next != "HOẶC" { value = next; end = k }
                    }
                }
                guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw QueryError(message: "Thiếu giá trị sau \"\(word[...colon])\" (ví dụ: \(Lexer.example(field))).", position: start)
                }
                push(Lexeme(kind: .field(field, value), start: start, end: end))
                i = end
                continue
            }
            push(Lexeme(kind: .word, start: start, end: i))
        }
        return out
    }

    func readQuoted(from i: Int) throws -> (String, Int) {
        var j = i + 1
        while j < chars.count, !Lexer.quotes.contains(chars[j]) { j += 1 }
        guard j < chars.count else {
            throw QueryError(message: "Thiếu dấu ngoặc kép đóng cho cụm từ mở ở vị trí \(i + 1).", position: i)
        }
        return (String(chars[(i + 1)..<j]), j + 1)
    }

    static func example(_ f: Field) -> String {
        switch f {
        case .number: return "so:1605/QĐ-UBND"
        case .type: return "loai:\"quyết định\""
        case .body: return "coquan:\"UBND huyện Krông Pắc\""
        case .file: return "hoso:H49.64.33.2001.160"
        case .fonds: return "phong:\"UBND huyện Krông Pắc\""
        case .year: return "nam:2012 hoặc nam:2010..2015"
        case .date: return "ngay:15/02/2012"
        case .citizen: return "cccd:079123456789"
        case .parcel: return "thua:305 to:80"
        case .sheet: return "thua:305 to:80"
        }
    }
}

// MARK: - Syntax tree

indirect enum Expr {
    case or([Expr], start: Int)
    case and([Item], start: Int)
}

struct Item {
    enum Kind {
        case words(String)          // the raw text of consecutive plain words
        case phrase(String)
        case field(Field, String)
        case group(Expr)
    }
    var kind: Kind
    var negated: Bool
    var start: Int
}

struct Syntax {
    let lexemes: [Lexeme]
    let chars: [Character]
    var i = 0

    init(lexemes: [Lexeme], chars: [Character]) {
        self.lexemes = lexemes
        self.chars = chars
    }

    mutating func parseTop() throws -> Expr {
        let e = try parseOr(depth: 0)
        if i < lexemes.count {
            // Only a stray ")" stops parseOr at the top.
            throw QueryError(message: "Dấu ngoặc đóng \")\" ở vị trí \(lexemes[i].start + 1) không có dấu mở tương ứng.", position: lexemes[i].start)
        }
        return e
    }

    mutating func parseOr(depth: Int) throws -> Expr {
        let start = i < lexemes.count ? lexemes[i].start : chars.count
        var groups: [Expr] = []
        while true {
            if i < lexemes.count, lexemes[i].kind == .or {
                throw QueryError(message: "Thiếu từ trước \"\(String(chars[lexemes[i].start..<lexemes[i].end]))\".", position: lexemes[i].start)
            }
            let g = try parseAnd(depth: depth)
            groups.append(g)
            if i < lexemes.count, lexemes[i].kind == .or {
                let orLex = lexemes[i]
                i += 1
                if i >= lexemes.count || lexemes[i].kind == .rparen || lexemes[i].kind == .or {
                    throw QueryError(message: "Thiếu từ sau \"\(String(chars[orLex.start..<orLex.end]))\".", position: orLex.start)
                }
                continue
            }
            break
        }
        return groups.count == 1 ? groups[0] : .or(groups, start: start)
    }

    mutating func parseAnd(depth: Int) throws -> Expr {
        let start = i < lexemes.count ? lexemes[i].start : chars.count
        var items: [Item] = []
        var run: (start: Int, end: Int)? = nil
        func flushRun() {
            if let r = run { items.append(Item(kind: .words(String(chars[r.start..<r.end])), negated: false, start: r.start)) }
            run = nil
        }
        loop: while i < lexemes.count {
            let l = lexemes[i]
            switch l.kind {
            case .or, .rparen:
                break loop
            case .word:
                i += 1
                if l.negated {
                    flushRun()
                    items.append(Item(kind: .words(String(chars[(l.start + 1)..<l.end])), negated: true, start: l.start))
                } else if let r = run {
                    run = (r.start, l.end)
                } else {
                    run = (l.start, l.end)
                }
            case let .quoted(text):
                flushRun(); i += 1
                items.append(Item(kind: .phrase(text), negated: l.negated, start: l.start))
            case let .field(f, v):
                flushRun(); i += 1
                items.append(Item(kind: .field(f, v), negated: l.negated, start: l.start))
            case .lparen:
                flushRun(); i += 1
                guard depth < QueryParser.maxDepth else {
                    throw QueryError(message: "Quá nhiều dấu ngoặc lồng nhau (tối đa \(QueryParser.maxDepth) lớp).", position: l.start)
                }
                if i < lexemes.count, lexemes[i].kind == .rparen {
                    throw QueryError(message: "Cặp ngoặc rỗng ở vị trí \(l.start + 1).", position: l.start)
                }
                let inner = try parseOr(depth: depth + 1)
                guard i < lexemes.count, lexemes[i].kind == .rparen else {
                    throw QueryError(message: "Thiếu dấu ngoặc đóng \")\" cho dấu mở ở vị trí \(l.start + 1).", position: l.start)
                }
                i += 1
                items.append(Item(kind: .group(inner), negated: l.negated, start: l.start))
            }
        }
        flushRun()
        return .and(items, start: start)
    }
}
