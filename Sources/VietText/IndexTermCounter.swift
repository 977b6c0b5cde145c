import Foundation
import IndexSchema

// The fast path of `Analyzer.indexTerms`: the same multiset of terms, counted instead of listed.
//
// `indexTerms` builds a `Token` per syllable (two Strings, String.Index ranges), then a new term String per
// occurrence, each hashed again by the caller that counts them. Here the text's UTF-8 is scanned once by a
// byte-level copy of `Tokenizer.tokens` (the same rules, on scalars decoded from the bytes where they are not
// ASCII), and each syllable is looked up by its raw bytes in a per-thread memo that holds, for every distinct
// raw form met, the ids of its terms (accented, `F`, apostrophe-bare `F`, `IV` variants) and of its folded form.
// An occurrence costs one hash of a few bytes and a few array increments; a pair is looked up by the two
// folded ids. Term Strings are built once per distinct term and thread, and handed out once per call with their
// counts. Everything per token is computed by the very functions `indexTerms` uses (`normalizedAndFolded`,
// `digitVariants`, `pairTerm`), so the two can only differ in the scan, which `IndexTermCounterTests` holds to
// the definition on every text of the repository and a table of traps.

extension Analyzer {
    /// The terms of `indexTerms(text)` with their counts: the same multiset, each distinct term handed to
    /// `body` once with its count. Terms longer than `maxTermBytes` bytes, and empty ones, are left out.
    public func countIndexTerms(_ text: String, maxTermBytes: Int = .max, _ body: (_ term: String, _ count: Int) -> Void) {
        countIndexTerms(CollectionOfOne(text), maxTermBytes: maxTermBytes, body)
    }

    /// The terms of every text of `texts`, each analysed on its own (no pair spans two texts), counted
    /// together: the multiset union of their `indexTerms`, each distinct term handed to `body` once with its
    /// count. Terms longer than `maxTermBytes` bytes, and empty ones, are left out.
    public func countIndexTerms<Texts: Sequence>(_ texts: Texts, maxTermBytes: Int = .max,
                                                 _ body: (_ term: String, _ count: Int) -> Void)
    where Texts.Element == String {
        countIndexTerms(texts, maxTermBytes: maxTermBytes, keys: { body($0.string, $1) })
    }

    /// `countIndexTerms` handing out each term as a `UTF8Key` made once per distinct term and thread: a
    /// dictionary of them (`TermCounts`) does not hash the term's bytes again.
    public func countIndexTerms<Texts: Sequence>(_ texts: Texts, maxTermBytes: Int = .max,
                                                 keys body: (_ term: UTF8Key, _ count: Int) -> Void)
    where Texts.Element == String {
        let box = IndexTermState.current
        var state = box.state
        box.state = IndexTermState.State()   // the state is worked on as a local (no exclusivity checks)
        state.resetIfLarge()
        for text in texts {
            var t = text
            t.withUTF8 { state.scan($0) }
            for term in identifierTerms(text) { state.count(state.termID(term)) }
        }
        state.drain(maxTermBytes: maxTermBytes, body)
        box.state = state
    }
}

extension Analyzer {
    /// The folded forms of the word tokens of `text` (positional, not numbers), in order: what
    /// `Tokenizer.tokens(text).filter { $0.isPositional && $0.kind == .word }.map(\.folded)` gives, from the
    /// per-thread memo of `countIndexTerms`.
    public static func foldedWords(_ text: String) -> [String] {
        let box = IndexTermState.current
        var state = box.state
        box.state = IndexTermState.State()
        state.resetIfLarge()
        state.collecting = true
        state.collected.removeAll(keepingCapacity: true)
        var t = text
        t.withUTF8 { state.scan($0) }
        state.collecting = false
        let out = state.collected.compactMap { w -> String? in
            let word = state.words[Int(w)]
            return word.isNumber ? nil : state.folded[Int(word.fold)]
        }
        box.state = state
        return out
    }
}

/// The per-thread memo and counters of `countIndexTerms`.
final class IndexTermState {
    var state = State()

    private static let slot: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
        }
        return key
    }()

    static var current: IndexTermState {
        if let pointer = pthread_getspecific(slot) {
            return Unmanaged<IndexTermState>.fromOpaque(pointer).takeUnretainedValue()
        }
        let box = IndexTermState()
        pthread_setspecific(slot, Unmanaged.passRetained(box).toOpaque())
        return box
    }

    /// Bounds against OCR noise: the memo is forgotten all at once (between two calls) beyond them.
    static var wordLimit = 100_000
    static var termLimit = 150_000

    struct State {
        // Terms: id → term, its UTF-8 length, the count of the current call.
        var terms: [UTF8Key] = []
        var termLengths: [Int32] = []
        var termIDs: [UTF8Key: Int32] = [:]
        var counts: [Int32] = []
        var touched: [Int32] = []

        // Words, by their raw UTF-8 bytes (open addressing over a byte arena).
        var arena: [UInt8] = []
        /// One word: its raw bytes (in `arena`) and their hash, its folded id (for pairs) and its term ids,
        /// `wordTerms[termStart ..< termEnd]`; one cache line holds what an occurrence reads.
        struct Word {
            var hash: UInt64
            var keyStart: Int32
            var keyLength: Int32
            var fold: Int32
            var termStart: Int32
            var termEnd: Int32
            /// A number token (digits, or digit groups joined by dots), not a word.
            var isNumber: Bool
        }
        var words: [Word] = []
        /// Word slots: the hash's high half and the word id + 1, 0 when empty; a power of two long.
        var slots: [UInt64] = []
        var wordTerms: [Int32] = []

        // Folded forms (for pairs): id → String.
        var folded: [String] = []
        var foldedIDs: [UTF8Key: Int32] = [:]

        // Pairs: (folded id, folded id) → term id, -1 when too long (open addressing; key .max when empty).
        struct Pair { var key: UInt64; var id: Int32 }
        var pairs: [Pair] = []
        var pairCount = 0

        // Parts of the run being scanned: (start, end) byte offsets.
        var parts: [(Int, Int)] = []

        /// When set, `scan` lists the positional tokens' word ids here instead of counting their terms.
        var collecting = false
        var collected: [Int32] = []

        /// One positional token: its terms counted, and its pair with the token before when they pair.
        @inline(__always) mutating func token(_ w: Int, pairs: Bool, previous: inout Int32) {
            if collecting { collected.append(Int32(w)); return }
            countWord(w)
            let fold = words[w].fold
            if pairs { countPair(previous, fold) }
            previous = fold
        }

        mutating func resetIfLarge() {
            guard words.count > IndexTermState.wordLimit || terms.count > IndexTermState.termLimit else { return }
            // Forgotten, but with room for as many again: the dictionaries would otherwise grow back from nothing,
            // hashing every key again at each doubling.
            let sizes = (terms: termIDs.count, folded: foldedIDs.count)
            self = State()
            termIDs.reserveCapacity(sizes.terms)
            foldedIDs.reserveCapacity(sizes.folded)
        }

        // MARK: Terms

        mutating func termID(_ term: String) -> Int32 {
            let key = UTF8Key(term)
            if let id = termIDs[key] { return id }
            let id = Int32(terms.count)
            terms.append(key)
            termLengths.append(Int32(term.utf8.count))
            counts.append(0)
            termIDs[key] = id
            return id
        }

        @inline(__always) mutating func count(_ id: Int32) {
            let i = Int(id)
            if counts[i] == 0 { touched.append(id) }
            counts[i] &+= 1
        }

        mutating func drain(maxTermBytes: Int, _ body: (UTF8Key, Int) -> Void) {
            for id in touched {
                let i = Int(id)
                let n = Int(counts[i])
                counts[i] = 0
                let length = Int(termLengths[i])
                if length > 0, length <= maxTermBytes { body(terms[i], n) }
            }
            touched.removeAll(keepingCapacity: true)
        }

        // MARK: Words

        @inline(__always) static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
            let h = UTF8Key.code(p, n)
            return h ^ (h >> 29)
        }

        /// The word id of the raw bytes `p[0..<n]`, made (its terms computed as `indexTerms` does) when new.
        mutating func word(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
            let h = Self.hash(p, n)
            if slots.isEmpty { slots = Array(repeating: 0, count: 1 << 12) }
            let mask = slots.count - 1
            let tag = (h >> 32) << 32
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot == 0 { break }
                if slot & 0xFFFF_FFFF_0000_0000 == tag {
                    let w = Int(slot & 0xFFFF_FFFF) - 1
                    let e = words[w]
                    if e.hash == h, Int(e.keyLength) == n {
                        let same = arena.withUnsafeBufferPointer { a in
                            let q = a.baseAddress! + Int(e.keyStart)
                            var k = 0
                            while k < n, q[k] == p[k] { k += 1 }
                            return k == n
                        }
                        if same { return w }
                    }
                }
                i = (i + 1) & mask
            }
            let w = makeWord(p, n, h)
            slots[i] = tag | UInt64(w + 1)
            if words.count * 2 > slots.count { growSlots() }
            return w
        }

        mutating func growSlots() {
            var bigger = [UInt64](repeating: 0, count: slots.count * 2)
            let mask = bigger.count - 1
            for (w, e) in words.enumerated() {
                var i = Int(truncatingIfNeeded: e.hash) & mask
                while bigger[i] != 0 { i = (i + 1) & mask }
                bigger[i] = (e.hash >> 32) << 32 | UInt64(w + 1)
            }
            slots = bigger
        }

        mutating func makeWord(_ p: UnsafePointer<UInt8>, _ n: Int, _ h: UInt64) -> Int {
            let w = words.count
            let keyStart = Int32(arena.count)
            let termStart = Int32(wordTerms.count)
            arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
            let raw = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
            // What `Tokenizer.tokens` gives for the raw form, and what `indexTerms` makes of it.
            let forms = VietNormalizer.normalizedAndFolded(Substring(raw))
            if forms.text.utf8.count <= Analyzer.maxTermBytes {
                if !forms.text.utf8Equals(forms.folded) { wordTerms.append(termID(forms.text)) }
                wordTerms.append(termID(TermPrefix.folded + forms.folded))
                if forms.folded.utf8.contains(0x27) {
                    let bare = forms.folded.replacingOccurrences(of: "'", with: "")
                    if !bare.isEmpty { wordTerms.append(termID(TermPrefix.folded + bare)) }
                }
            }
            // A number token (its raw form digits, or digit groups joined by dots) of 8–13 digits: `IV` terms.
            let isNumber = UnsafeBufferPointer(start: p, count: n).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
            if isNumber, Analyzer.digitVariantLengths.contains(forms.folded.count),
               forms.folded.allSatisfy({ $0.isASCII && $0.isNumber }) {
                for t in Analyzer.digitVariants(forms.folded) { wordTerms.append(termID(t)) }
            }
            let key = UTF8Key(forms.folded)
            let fold: Int32
            if let f = foldedIDs[key] {
                fold = f
            } else {
                fold = Int32(folded.count)
                folded.append(forms.folded)
                foldedIDs[key] = fold
            }
            words.append(Word(hash: h, keyStart: keyStart, keyLength: Int32(n), fold: fold, termStart: termStart,
                              termEnd: Int32(wordTerms.count), isNumber: isNumber))
            return w
        }

        @inline(__always) mutating func countWord(_ w: Int) {
            let e = words[w]
            var k = Int(e.termStart)
            let end = Int(e.termEnd)
            while k < end { count(wordTerms[k]); k += 1 }
        }

        // MARK: Pairs

        mutating func countPair(_ a: Int32, _ b: Int32) {
            let key = UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b))
            if pairs.isEmpty { pairs = Array(repeating: Pair(key: .max, id: -1), count: 1 << 12) }
            let mask = pairs.count - 1
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while true {
                let slot = pairs[i]
                if slot.key == key {
                    if slot.id >= 0 { count(slot.id) }
                    return
                }
                if slot.key == .max { break }
                i = (i + 1) & mask
            }
            let term = Analyzer.pairTerm(folded[Int(a)], folded[Int(b)])
            let id: Int32 = term.utf8.count <= Analyzer.maxTermBytes ? termID(term) : -1
            pairs[i] = Pair(key: key, id: id)
            pairCount += 1
            if pairCount * 2 > pairs.count {
                let old = pairs
                pairs = Array(repeating: Pair(key: .max, id: -1), count: old.count * 2)
                let bigger = pairs.count - 1
                for slot in old where slot.key != .max {
                    var j = Int(truncatingIfNeeded: (slot.key &* 0x9E37_79B9_7F4A_7C15) >> 32) & bigger
                    while pairs[j].key != .max { j = (j + 1) & bigger }
                    pairs[j] = slot
                }
            }
            if id >= 0 { count(id) }
        }

        // MARK: The scan

        /// Counts the syllable, pair and `IV` terms of one text (its UTF-8), as `indexTerms` lists them:
        /// `Tokenizer.tokens` on bytes, with the pair rule of `Analyzer.pairs` decided on the way.
        mutating func scan(_ b: UnsafeBufferPointer<UInt8>) {
            let n = b.count
            guard n > 0, let p = b.baseAddress else { return }

            /// The scalar at byte `k` and its length (valid UTF-8).
            @inline(__always) func decode(_ k: Int) -> (UInt32, Int) { VietNormalizer.scalar(b, at: k) }
            /// Whether the scalar at byte `k` (< n) extends the character before it. Below U+0300 (lead byte
            /// below 0xCC) nothing does.
            @inline(__always) func extenderAt(_ k: Int) -> Bool {
                if p[k] < 0xCC { return false }
                return Tokenizer.isExtender(decode(k).0)
            }
            /// The byte after the character whose base scalar (of `len` bytes) starts at `k`.
            @inline(__always) func nextChar(_ k: Int, _ len: Int) -> Int {
                var j = k + len
                while j < n, extenderAt(j) { j += decode(j).1 }
                return j
            }

            var previousFold: Int32 = -1   // folded id of the previous positional token of this text
            var gapBroken = false          // a pair breaker stands alone in the gap since it
            var gapStart = 0
            var idx = 0
            while idx < n {
                let (v, len) = decode(idx)
                guard Tokenizer.isWordStart(v) else {
                    let next = nextChar(idx, len)
                    // `Analyzer.pairs`: a breaker followed by a combining mark is another character.
                    if next == idx + len, Analyzer.isPairBreaker(v) { gapBroken = true }
                    idx = next
                    continue
                }
                // Does this run pair with the token before it? A gap of one joiner always does.
                var pairsWithPrevious = false
                if previousFold >= 0 {
                    if !gapBroken { pairsWithPrevious = true } else {
                        let (g, gl) = decode(gapStart)
                        pairsWithPrevious = gapStart + gl == idx && Tokenizer.isJoiner(g)
                    }
                }
                // One raw run, as in `Tokenizer.tokens`.
                let start = idx
                var partStart = idx
                var partHasDigit = false
                var hasJoiner = false
                var digitsAndDots = true      // every scalar of the run is a digit or `.`
                var previousBase: UInt32 = v  // base scalar of the character before `cur`
                var cur = idx
                while cur < n {
                    let (c, cl) = decode(cur)
                    if Tokenizer.isWordStart(c) {
                        if Tokenizer.isDigit(c) { partHasDigit = true } else { digitsAndDots = false }
                        let next = nextChar(cur, cl)
                        if next != cur + cl { digitsAndDots = false }
                        previousBase = c
                        cur = next
                        continue
                    }
                    let next = nextChar(cur, cl)
                    guard next < n, cur > partStart else { break }
                    let after = decode(next).0
                    if Tokenizer.isApostrophe(c), Tokenizer.isLetter(previousBase), Tokenizer.isLetter(after) {
                        digitsAndDots = false
                        previousBase = c
                        cur = next
                        continue
                    }
                    if Tokenizer.isJoiner(c), Tokenizer.isWordStart(after) {
                        if c == 0x2E {
                            guard Tokenizer.isDigit(after), Tokenizer.isDigit(previousBase) || partHasDigit else { break }
                        }
                        if c != 0x2E || next != cur + cl { digitsAndDots = false }
                        if !hasJoiner { parts.removeAll(keepingCapacity: true) }
                        parts.append((partStart, cur))
                        hasJoiner = true
                        previousBase = c
                        cur = next
                        partStart = next
                        partHasDigit = false
                        continue
                    }
                    break
                }
                if !hasJoiner {
                    // One part, the common case.
                    token(word(p + start, cur - start), pairs: pairsWithPrevious, previous: &previousFold)
                    gapBroken = false
                    gapStart = cur
                    idx = cur
                    continue
                }
                parts.append((partStart, cur))

                if parts.count > 1, digitsAndDots, parts.dropFirst().allSatisfy({ $0.1 - $0.0 == 3 }) {
                    // Dotted digit groups are one number token: 1.500.000.
                    token(word(p + start, cur - start), pairs: pairsWithPrevious, previous: &previousFold)
                } else {
                    for (k, (a, e)) in parts.enumerated() {
                        // Parts of one run are apart by one joiner (and its marks): always a pair.
                        token(word(p + a, e - a), pairs: k > 0 || pairsWithPrevious, previous: &previousFold)
                    }
                }
                gapBroken = false
                gapStart = cur
                idx = cur
            }
        }
    }
}

extension Analyzer {
    /// Whether scalar `v` is one of `pairBreakers`.
    @inline(__always) static func isPairBreaker(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x7C, 0x2026, 0x2022: return true
        default: return false
        }
    }
}
