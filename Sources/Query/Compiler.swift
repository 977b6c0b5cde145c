import Foundation
import IndexSchema
import VietText

/// Turns the syntax tree into `QueryNode`s, following the relevance design in docs/ARCHITECTURE.md.
struct Compiler {
    let analyzer: Analyzer
    var config: AnalysisConfig { analyzer.config }
    var highlight: [String] = []
    var textWords: [String] = []
    var relaxed: QueryNode? = nil
    var readings: [QueryReading] = []
    /// Whether raw keys are read (`QueryParser.readsKeys`).
    var readsKeys = true

    init(analyzer: Analyzer) {
        self.analyzer = analyzer
    }

    mutating func addHighlight(_ w: String) {
        let f = VietNormalizer.fold(w)
        if !f.isEmpty, !highlight.contains(f) { highlight.append(f) }
    }
    mutating func addTextWord(_ w: String) {
        if !textWords.contains(w) { textWords.append(w) }
    }
    mutating func addReading(_ r: QueryReading) {
        if !readings.contains(r) { readings.append(r) }
    }
    /// Highlight words and readings of tokens read from keys.
    mutating func collectKeys(_ toks: [Token], typed: [Token?]) {
        for (t, original) in zip(toks, typed) {
            guard let original else { continue }
            addHighlight(original.folded)
            addReading(QueryReading(kind: .keys, typed: original.text, read: [t.text]))
        }
    }

    // MARK: Expressions

    mutating func compile(_ e: Expr, top: Bool) throws -> QueryNode {
        switch e {
        case let .or(groups, _):
            return .or(try groups.map { try compile($0, top: false) })
        case let .and(items, start):
            return try compileAnd(items, start: start, top: top)
        }
    }

    /// One AND group: text clauses (AND, pairs boost), filters, exclusions.
    mutating func compileAnd(_ items: [Item], start: Int, top: Bool) throws -> QueryNode {
        var clauses: [QueryNode] = []
        var pairs: [QueryNode] = []
        var extras: [QueryNode] = []
        var filters: [QueryNode] = []
        var negatives: [QueryNode] = []
        var parcels: [(String, Int)] = [], sheets: [(String, Int)] = []

        for item in items {
            switch item.kind {
            case let .words(raw):
                if item.negated {
                    let r = compileWords(raw, collect: false)
                    if !r.clauses.isEmpty { negatives.append(QueryNode.all(r.clauses)) }
                } else {
                    let r = compileWords(raw, collect: true)
                    clauses += r.clauses
                    extras += r.extras
                    pairs += r.pairs
                }
            case let .phrase(text):
                guard let node = compilePhrase(text, collect: !item.negated) else { continue }
                if item.negated { negatives.append(node) } else { clauses.append(node) }
            case let .group(inner):
                let node = try compile(inner, top: false)
                if item.negated { negatives.append(node) } else { clauses.append(node) }
            case let .field(field, value):
                switch field {
                case .parcel, .sheet:
                    let digits = value.trimmingCharacters(in: .whitespaces)
                    guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                        throw QueryError(message: field == .parcel
                            ? "Số thửa không hợp lệ: \"\(value)\" (ví dụ: thua:305 to:80)."
                            : "Số tờ bản đồ không hợp lệ: \"\(value)\" (ví dụ: thua:305 to:80).", position: item.start)
                    }
                    if item.negated {
                        // An excluded parcel: only a thửa alone can be excluded.
                        guard field == .parcel else {
                            throw QueryError(message: "Không thể loại trừ riêng số tờ bản đồ; hãy dùng -thua:SỐ.", position: item.start)
                        }
                        negatives.append(.term(TermPrefix.parcelAlone + Parcel(parcel: digits).parcel))
                    } else if field == .parcel {
                        parcels.append((digits, item.start))
                    } else {
                        sheets.append((digits, item.start))
                    }
                case .number, .citizen:
                    let node = try compileIdentifierField(field, value, at: item.start)
                    if item.negated { negatives.append(node) } else { clauses.append(node) }
                default:
                    let node = try compileFilterField(field, value, at: item.start)
                    if item.negated { negatives.append(node) } else { filters.append(node) }
                }
            }
        }
        // thửa/tờ: paired in order.
        if sheets.count > parcels.count {
            let s = sheets[parcels.count]
            throw QueryError(message: "\"to:\(s.0)\" cần đi kèm số thửa (ví dụ: thua:305 to:80).", position: s.1)
        }
        for (k, p) in parcels.enumerated() {
            let parcel = Parcel(parcel: p.0, sheet: k < sheets.count ? sheets[k].0 : nil)
            clauses.append(.term(parcel.sheet != nil ? TermPrefix.parcel + parcel.key : TermPrefix.parcelAlone + parcel.parcel))
        }

        guard !clauses.isEmpty || !filters.isEmpty else {
            if !negatives.isEmpty {
                throw QueryError(message: "Truy vấn chỉ có từ loại trừ (-): hãy thêm ít nhất một từ cần tìm.", position: start)
            }
            throw QueryError(message: "Truy vấn không có từ nào để tìm.", position: start)
        }
        func assemble(_ text: QueryNode?) -> QueryNode {
            var node: QueryNode
            if let text {
                node = pairs.isEmpty ? text : .andMaybe(text, QueryNode.any(pairs))
                if !filters.isEmpty { node = .filter(node, QueryNode.all(filters)) }
            } else {
                node = .filter(.matchAll, QueryNode.all(filters))
            }
            if !negatives.isEmpty { node = .andNot(node, QueryNode.any(negatives)) }
            return node
        }
        if top, clauses.count + extras.count >= 2 {
            relaxed = assemble(.or(clauses + extras))
        }
        return assemble(clauses.isEmpty ? nil : QueryNode.all(clauses))
    }

    // MARK: Words

    /// A typed word: its accented term when typed with diacritics, and its folded term. An exact
    /// match scores both (OR adds), so it ranks above a match that differs in accents.
    func wordNode(_ t: Token) -> QueryNode {
        let folded = QueryNode.term(Compiler.foldedTerm(t))
        return t.text == t.folded ? folded : .or([.term(t.text), folded])
    }

    /// The `F` term of a token. Apostrophe names use their form without the apostrophe, which the
    /// index holds for both spellings (`H'Hen` and OCR's `HHen` are both `Fhhen`).
    static func foldedTerm(_ t: Token) -> String {
        t.folded.contains("'") ? TermPrefix.folded + t.folded.replacingOccurrences(of: "'", with: "") : TermPrefix.folded + t.folded
    }

    /// A document number typed by the user: its `N` term, its `XSN` catalogue term (scores the
    /// document that IS this number above those that cite it), or the words as typed.
    func numberNode(_ dn: DocumentNumber, _ words: QueryNode) -> QueryNode {
        .or([.term(TermPrefix.documentNumber + dn.canonical), .term(TermPrefix.catalogueNumber + dn.canonical), words])
    }

    /// A word with its abbreviation expansions, when it is an abbreviation.
    func richWordNode(_ t: Token) -> QueryNode {
        let expansions = t.kind == .word ? config.expansions(of: t.text) : []
        guard !expansions.isEmpty else { return wordNode(t) }
        return .synonym([wordNode(t)] + expansions.compactMap(foldedPhrase))
    }

    /// A date typed in plain words (`15/2/2012`): the numeric forms with and without leading zeros,
    /// the written form `15 tháng 2 năm 2012`, and the document date (value slot 1).
    func dateAlternatives(_ d: ArchiveDate) -> [QueryNode] {
        guard let day = d.day, let month = d.month else { return [] }
        let year = String(d.year)
        let days = Array(Set([String(day), String(format: "%02d", day)])).sorted()
        let months = Array(Set([String(month), String(format: "%02d", month)])).sorted()
        var out: [QueryNode] = []
        for dd in days { for mm in months {
            out.append(QueryNode.adjacent([dd, mm, year]))
        } }
        for dd in days { for mm in months {
            out.append(QueryNode.adjacent([dd, "thang", mm, "nam", year]))
        } }
        out.append(.valueRange(slot: 1, from: d.sortKey, to: d.sortKey))
        // The document's own date (catalogue) scores: a document dated so ranks above one citing it.
        out.append(.term(TermPrefix.catalogueDate + d.sortKey))
        return out
    }

    /// A phrase over tokens: its words adjacent, accent-insensitively; the accented words as typed,
    /// when the phrase has any, rank an exact match first.
    func phraseNode(_ toks: [Token]) -> QueryNode {
        if toks.count == 1 { return wordNode(toks[0]) }
        let adjacent = QueryNode.adjacent(toks.map(\.folded))
        let accented = toks.filter { $0.text != $0.folded }.map { QueryNode.term($0.text) }
        return accented.isEmpty ? adjacent : .andMaybe(adjacent, .all(accented))
    }

    /// Folded phrase (or term) of a text such as an expansion "ủy ban nhân dân" or "nđ-cp".
    func foldedPhrase(_ text: String) -> QueryNode? {
        let toks = analyzer.tokens(text)
        guard !toks.isEmpty else { return nil }
        return QueryNode.adjacent(toks.map(\.folded))
    }

    mutating func compilePhrase(_ text: String, collect: Bool) -> QueryNode? {
        let all = Tokenizer.tokens(text).filter { $0.text.utf8.count <= Analyzer.maxTermBytes }
        let (toks, typed) = readingKeys(all.filter(\.isPositional), compounds: all.filter { !$0.isPositional })
        guard !toks.isEmpty else { return nil }
        if collect { for t in toks { addHighlight(t.folded); addTextWord(t.text) }; collectKeys(toks, typed: typed) }
        return phraseNode(toks)
    }

    static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]

    /// A word that can be part of a document symbol: a known abbreviation or a word without vowels
    /// (`qđ`, `ubnd`, `ttr`, `tnmt`); Vietnamese syllables always have a vowel.
    func isSymbolLike(_ t: Token) -> Bool {
        guard t.kind == .word, t.folded.count <= 10, t.folded.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return !config.expansions(of: t.text).isEmpty || !t.folded.contains(where: { Compiler.vowels.contains($0) })
    }

    /// Plain words: identifiers, abbreviations both ways, then one clause per remaining word.
    mutating func compileWords(_ typedText: String, collect: Bool) -> (clauses: [QueryNode], extras: [QueryNode], pairs: [QueryNode]) {
        let (raw, abbreviationKeys) = readingAbbreviationKeys(typedText)
        if collect { abbreviationKeys.forEach { addReading($0) } }
        // Tokens too long to be index terms cannot match anything: dropped.
        let all = Tokenizer.tokens(raw).filter { $0.text.utf8.count <= Analyzer.maxTermBytes }
        // Raw Telex/VNI keys are read as their syllables first, so every step below sees `nguyễn`.
        let (toks, typed) = readingKeys(all.filter(\.isPositional), compounds: all.filter { !$0.isPositional })
        let n = toks.count
        guard n > 0 else { return ([], [], []) }
        if collect { for t in toks { addHighlight(t.folded); addTextWord(t.text) }; collectKeys(toks, typed: typed) }
        var used = [Bool](repeating: false, count: n)
        var spans: [(start: Int, node: QueryNode)] = []
        var relaxable: Set<Int> = []   // starts of spans whose words may be OR'ed one by one
        var numberSpans: Set<Int> = [], dateSpans: Set<Int> = []   // starts of document number / date spans
        // Inside identifier spans a word keeps its abbreviation expansions (`ubnd` in `2012 ubnd`).
        func words(_ r: Range<Int>) -> QueryNode { QueryNode.all(r.map { richWordNode(toks[$0]) }) }
        func free(_ r: Range<Int>) -> Bool { r.lowerBound >= 0 && r.upperBound <= n && r.allSatisfy { !used[$0] } }
        func take(_ r: Range<Int>, _ node: QueryNode) { for k in r { used[k] = true }; spans.append((r.lowerBound, node)) }

        var i = 0
        // 1. Joined forms typed whole: 1605/QĐ-UBND, NĐ-CP, 15/02/2012.
        for c in all where c.kind == .compound {
            let parts = toks.indices.filter { c.range.contains(toks[$0].range.lowerBound) }
            guard let first = parts.first, let last = parts.last, free(first..<(last + 1)) else { continue }
            let partToks = parts.map { toks[$0] }
            let original = String(raw[c.range])
            if let dn = IdentifierExtractor.documentNumbers(in: original, lenient: true).first {
                numberSpans.insert(first)
                take(first..<(last + 1), numberNode(dn, phraseNode(partToks)))
            } else if let date = ArchiveDate.parse(csvCell: original), date.day != nil {
                dateSpans.insert(first)
                take(first..<(last + 1), .or(dateAlternatives(date)))
            } else {
                let expansions = config.expansions(of: c.text)
                let phrase = phraseNode(partToks)
                if expansions.isEmpty {
                    take(first..<(last + 1), phrase)
                } else {
                    if collect { expansions.forEach { x in analyzer.tokens(x).forEach { addHighlight($0.folded) } } }
                    take(first..<(last + 1), .synonym([phrase] + expansions.compactMap(foldedPhrase)))
                }
            }
        }

        // 1b. Dates written out: `13 tháng 2 năm 2005` (also finds `13/02/2005`, `13 tháng 02 năm 2005`).
        i = 0
        while i + 4 < n {
            defer { i += 1 }
            guard free(i..<(i + 5)), toks[i].kind == .number, toks[i + 1].folded == "thang", toks[i + 2].kind == .number,
                  toks[i + 3].folded == "nam", toks[i + 4].kind == .number, toks[i + 4].folded.count == 4,
                  let day = Int(toks[i].folded), let month = Int(toks[i + 2].folded), let year = Int(toks[i + 4].folded),
                  let date = ArchiveDate(year: year, month: month, day: day) else { continue }
            dateSpans.insert(i)
            take(i..<(i + 5), .or(dateAlternatives(date)))
            i += 4
        }

        // 2. Document numbers typed with spaces: `1605 / QĐ - UBND`, `1605 QĐ UBND`, `43 2014 NĐ CP`.
        i = 0
        while i < n {
            defer { i += 1 }
            guard !used[i], toks[i].kind == .number, toks[i].folded.count <= 6 else { continue }
            var j = i + 1
            var year: String? = nil
            if j < n, !used[j], toks[j].kind == .number, toks[j].folded.count == 4,
               toks[j].folded.hasPrefix("19") || toks[j].folded.hasPrefix("20"), j + 1 < n, isSymbolLike(toks[j + 1]) {
                year = toks[j].folded; j += 1
            }
            var symbols: [String] = [], joiners: [String] = []
            while j < n, !used[j], symbols.count < 4, isSymbolLike(toks[j]) {
                if !symbols.isEmpty {
                    let gap = raw[toks[j - 1].range.upperBound..<toks[j].range.lowerBound]
                    joiners.append(gap.contains("/") ? "/" : "-")
                }
                symbols.append(toks[j].folded)
                j += 1
            }
            guard !symbols.isEmpty else { continue }
            let dn = DocumentNumber(number: toks[i].folded, year: year, symbolParts: symbols, joiners: joiners)
            numberSpans.insert(i)
            take(i..<j, numberNode(dn, words(i..<j)))
            i = j - 1
        }
        // `qd 1605`, `qđ số 1605`, `quyết định số 1605`: a type symbol (or its expansion) before the number.
        i = 0
        while i + 1 < n {
            defer { i += 1 }
            guard !used[i] else { continue }
            var symbol: String? = nil
            var next = i + 1
            if isSymbolLike(toks[i]) {
                symbol = toks[i].folded
            } else if config.maxExpansionLength >= 2 {
                for len in stride(from: min(config.maxExpansionLength, n - i - 1), through: 2, by: -1) where free(i..<(i + len)) {
                    let abbrevs = config.abbreviations(ofExpansion: (i..<(i + len)).map { toks[$0].folded })
                        .map(VietNormalizer.fold).filter { $0.allSatisfy { $0.isASCII && $0.isLetter } }
                    if let a = abbrevs.first { symbol = a; next = i + len; break }
                }
            }
            guard let symbol else { continue }
            if next < n, toks[next].folded == "so" { next += 1 }
            guard next < n, free(i..<(next + 1)), toks[next].kind == .number, toks[next].folded.count <= 6 else { continue }
            let dn = DocumentNumber(number: toks[next].folded, symbolParts: [symbol])
            numberSpans.insert(i)
            take(i..<(next + 1), numberNode(dn, words(i..<(next + 1))))
            i = next
        }

        // 3. Parcels: `thửa [đất] [số] 305 [,] [thuộc] tờ [bản đồ] [số] 80`.
        i = 0
        while i < n {
            defer { i += 1 }
            guard !used[i], toks[i].folded == "thua" else { continue }
            var j = i + 1
            while j < n, ["dat", "so"].contains(toks[j].folded) { j += 1 }
            guard j < n, toks[j].kind == .number, toks[j].folded.count <= 6 else { continue }
            let parcelNo = toks[j].folded
            j += 1
            var sheet: String? = nil
            var k = j
            while k < n, ["thuoc", "va", "cua"].contains(toks[k].folded) { k += 1 }
            if k < n, toks[k].folded == "to" {
                k += 1
                while k < n, ["ban", "do", "dia", "chinh", "so"].contains(toks[k].folded) { k += 1 }
                if k < n, toks[k].kind == .number, toks[k].folded.count <= 5 { sheet = toks[k].folded; j = k + 1 }
            }
            guard free(i..<j) else { continue }
            let p = Parcel(parcel: parcelNo, sheet: sheet)
            let term = sheet != nil ? TermPrefix.parcel + p.key : TermPrefix.parcelAlone + p.parcel
            take(i..<j, .or([.term(term), words(i..<j)]))
            i = j - 1
        }

        // 4. Citizen ids: 9 or 12 digits.
        // Long digit runs also find a run with one digit more, less or misread (OCR), weighted lower.
        for k in 0..<n where !used[k] && toks[k].kind == .number {
            let digits = toks[k].folded
            let variants = Analyzer.digitVariantLengths.contains(digits.count) ? Analyzer.digitVariants(digits) : []
            guard CitizenID(digits) != nil || !variants.isEmpty else { continue }
            var alternatives: [QueryNode] = []
            if let id = CitizenID(digits) { alternatives.append(.term(TermPrefix.citizenID + id.digits)) }
            alternatives.append(wordNode(toks[k]))
            if !variants.isEmpty { alternatives.append(.scaleWeight(.synonym(variants.map { .term($0) }), 0.3)) }
            take(k..<(k + 1), .or(alternatives))
        }

        // 5. Expansions typed in full: "ủy ban nhân dân" also finds UBND.
        let maxLen = config.maxExpansionLength
        i = 0
        while i < n {
            var matched = false
            if maxLen >= 2 {
                for len in stride(from: min(maxLen, n - i), through: 2, by: -1) where free(i..<(i + len)) {
                    let abbrevs = config.abbreviations(ofExpansion: (i..<(i + len)).map { toks[$0].folded })
                    guard !abbrevs.isEmpty else { continue }
                    if collect { abbrevs.forEach { a in analyzer.tokens(a).forEach { addHighlight($0.folded) } } }
                    relaxable.insert(i)
                    take(i..<(i + len), .synonym([words(i..<(i + len))] + abbrevs.compactMap(foldedPhrase)))
                    i += len
                    matched = true
                    break
                }
            }
            if !matched { i += 1 }
        }

        // 5b. Spoken words: `đền bù`, `den bu` also find `bồi thường`, below the words typed.
        let spokenMax = config.spoken.maxLength
        var spokenBoosts: [QueryNode] = []
        var spokenWords = Set<Int>()
        i = 0
        while i < n, spokenMax > 0 {
            var matched = false
            for len in stride(from: min(spokenMax, n - i), through: 1, by: -1) where free(i..<(i + len)) {
                let r = i..<(i + len)
                guard r.allSatisfy({ toks[$0].kind == .word }) else { continue }
                let terms = config.spoken.terms(forTyped: r.map { toks[$0].text })
                guard !terms.isEmpty else { continue }
                if collect {
                    terms.forEach { x in analyzer.tokens(x).forEach { addHighlight($0.folded) } }
                    addReading(QueryReading(kind: .spoken, typed: r.map { toks[$0].text }.joined(separator: " "), read: terms))
                    spokenBoosts += spokenCatalogueBoosts(terms)
                }
                spokenWords.formUnion(r)
                take(r, spokenNode(typed: phraseNode(Array(toks[r])), terms: terms))
                i += len
                matched = true
                break
            }
            if !matched { i += 1 }
        }

        // 6. Abbreviations: "UBND" also finds "ủy ban nhân dân" (as a phrase).
        for k in 0..<n where !used[k] && toks[k].kind == .word {
            let expansions = config.expansions(of: toks[k].text)
            guard !expansions.isEmpty else { continue }
            if collect { expansions.forEach { x in analyzer.tokens(x).forEach { addHighlight($0.folded) } } }
            take(k..<(k + 1), richWordNode(toks[k]))
        }

        // 7. Every other word (a word read from keys also as typed).
        for k in 0..<n where !used[k] {
            take(k..<(k + 1), typed[k].map { keyedWordNode(toks[k], typed: $0) } ?? wordNode(toks[k]))
        }

        // Adjacent pairs, as typed, boost documents with the words adjacent and in order.
        var pairs: [QueryNode] = []
        if collect { pairs += catalogueBoosts(toks, spoken: spokenWords) + spokenBoosts }
        if collect {
            // A spoken phrase's own pairs are in its phrase (and two spoken phrases side by side make no pair).
            for k in 0..<(n - 1) where !(spokenWords.contains(k) && spokenWords.contains(k + 1))
                && Analyzer.pairs(toks[k], toks[k + 1], in: raw) {
                // Typed with marks, the pair counts double, as the accented and folded pairs of term
                // scheme 2 did together (bench/relevance: names and old tone placement).
                let a = toks[k], b = toks[k + 1]
                let marked = a.text != a.folded || b.text != b.folded
                pairs.append(.term(Analyzer.pairTerm(a.folded, b.folded), weight: marked ? 2 : 1))
            }
        }
        // For the relaxed query: the single words of an expansion typed in full, each on its own.
        // Identifier spans (document numbers, parcels, dates) are not relaxed: if they find nothing,
        // their words one by one would only find noise.
        // A document number identifies; a date typed with it (`2214/QĐ-UBND ngày 17/02/2007`) only
        // ranks: documents that cite the number without its date (or with an OCR-damaged date) are
        // still found. The word "ngày" just before such a date goes with it.
        if !numberSpans.isEmpty, !dateSpans.isEmpty {
            var optional = dateSpans
            for d in dateSpans where d > 0 && toks[d - 1].folded == "ngay" { optional.insert(d - 1) }
            let moved = spans.filter { optional.contains($0.start) }
            spans.removeAll { optional.contains($0.start) }
            if collect { pairs += moved.map(\.node) }
        }
        var extras: [QueryNode] = []
        let sorted = spans.sorted { $0.start < $1.start }
        for (idx, span) in sorted.enumerated() {
            let end = idx + 1 < sorted.count ? sorted[idx + 1].start : n
            if end - span.start > 1, relaxable.contains(span.start) { extras += (span.start..<end).map { wordNode(toks[$0]) } }
        }
        return (sorted.map(\.node), extras, pairs)
    }

    /// Boosts from the catalogue (sổ), so what a document IS outranks what its pages mention:
    /// each typed word in its title/trích yếu (`XSW`), each run of 1–3 words (and each abbreviation's
    /// expansion) as its type (`XST`: "quyết định", "tờ trình", "QĐ"), each year-like number as its
    /// year (`XSY`). Terms no document holds cost nothing.
    /// The words of a spoken phrase (`spoken`: their indices) are left out: the phrase stands for its terms,
    /// whose own boosts come with it (`spokenCatalogueBoosts`).
    func catalogueBoosts(_ toks: [Token], spoken: Set<Int> = []) -> [QueryNode] {
        var out: [QueryNode] = []
        var seen = Set<String>()
        func add(_ t: String) { if seen.insert(t).inserted { out.append(.term(t)) } }
        for (k, t) in toks.enumerated() where !spoken.contains(k) {
            if t.kind == .word {
                add(TermPrefix.catalogueWord + t.folded.replacingOccurrences(of: "'", with: ""))
                for x in config.expansions(of: t.text) { add(TermPrefix.catalogueType + Analyzer.fieldValue(x)) }
            } else if t.folded.count == 4, let y = Int(t.folded), (1900...2099).contains(y) {
                add(TermPrefix.catalogueYear + String(y))
            }
            for len in 1...3 where k + len <= toks.count {
                let run = toks[k..<(k + len)]
                guard run.allSatisfy({ $0.kind == .word }), !(k..<(k + len)).contains(where: spoken.contains) else { break }
                add(TermPrefix.catalogueType + run.map(\.folded).joined(separator: " "))
            }
        }
        return out
    }
}
