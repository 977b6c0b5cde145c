import Access
import Catalogue
import DataFolder
import Foundation
import IndexLifecycle
import IndexSchema
import OCR
import Query
import SearchIndex
import VietText
import Xapian

/// Boxes of the words that match a query on one page image (the viewer draws them).
public struct PageHighlights: Codable, Sendable {
    public struct Box: Codable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int
        public var word: String
    }
    public var page: Int
    public var width: Int
    public var height: Int
    public var boxes: [Box]
}

/// The read side of hoso: search, documents, texts and page images, each checked against the role.
/// What a role may not see does not exist for it: it answers exactly like an unknown id.
public final class Archive: @unchecked Sendable {
    public let data: DataDirectory
    public let store: any ArchiveCatalogue
    /// Callers, tokens and the audit log of this catalogue.
    public let access: AccessControl
    let parser: QueryParser
    /// The same parser taking raw keys as letters: what the words as typed find, to judge a suggestion.
    let literalParser: QueryParser
    private let lock = NSLock()
    /// Searchers per set of visible access levels (public [1], staff [1, 2], secret [1, 2, 3]), each over
    /// only the level databases it may see: its BM25 statistics are those of the documents it may see.
    /// A searcher answers one call at a time (a Xapian database is used by one thread), so each set has a
    /// pool: concurrent searches take one each instead of queueing for one (at a million pages the match
    /// is most of a search's time, and one searcher left a core idle).
    private var searchers: [[Int]: [Searcher]] = [:]
    private var searcherTarget: String?
    /// Searchers kept idle per level set.
    static let idleSearchers = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Search these databases (replicas, local or remote shards) instead of the data folder's
    /// own index generation; the catalogue still gives titles, pages and snippets.
    public var indexSources: IndexSources? {
        get { lock.lock(); defer { lock.unlock() }; return sources }
        set { lock.lock(); sources = newValue; searchers = [:]; searcherTarget = nil; lock.unlock() }
    }
    private var sources: IndexSources?
    /// Told how long each search took, phase by phase (the server's `/metrics`); set before serving.
    public var timingObserver: (@Sendable (SearchTimings) -> Void)? {
        get { lock.lock(); defer { lock.unlock() }; return observer }
        set { lock.lock(); observer = newValue; lock.unlock() }
    }
    private var observer: (@Sendable (SearchTimings) -> Void)?

    /// Without an `analyzer`, the abbreviations and spoken words are those of `DATA/index-config/`
    /// (`synonyms.txt`, `spoken.txt`, each file the archivist put there replacing its builtin list).
    public init(data: DataDirectory, analyzer: Analyzer? = nil) throws {
        self.data = data
        store = try data.openCatalogue()
        access = AccessControl(store: store)
        let analyzer = try analyzer ?? Self.analyzer(configIn: data)
        parser = QueryParser(analyzer: analyzer)
        literalParser = QueryParser(analyzer: analyzer, readsKeys: false)
    }

    /// The folder of the lists an archivist edits, inside the data folder.
    public static func configDirectory(_ data: DataDirectory) -> URL {
        data.url.appendingPathComponent("index-config", isDirectory: true)
    }

    static func analyzer(configIn data: DataDirectory) throws -> Analyzer {
        do {
            return Analyzer(config: try AnalysisConfig.load(directory: configDirectory(data)))
        } catch let e as AnalysisConfigError {
            throw HosoError(.usage, e.description)
        }
    }

    // MARK: Index

    /// Runs `body` with a searcher over the databases of the current index generation that hold `levels`
    /// (every level by default): an idle one of the pool (reopened) or a new one, given back after the call
    /// unless the index was switched meanwhile. A generation of the older single-database layout is searched
    /// whole by every role (the `XA` filter still applies; see `indexLayoutWarning`).
    func withSearcher<T>(levels: [Int] = IndexLayout.levels, _ body: (Searcher) throws -> T) throws -> T {
        let levels = IndexLayout.levels.filter(levels.contains)
        let (searcher, target) = try checkOut(levels)
        defer {
            lock.lock()
            if searcherTarget == target, searchers[levels, default: []].count < Self.idleSearchers {
                searchers[levels, default: []].append(searcher)
            }
            lock.unlock()
        }
        return try body(searcher)
    }

    private func checkOut(_ levels: [Int], choosingAgain: Bool = true) throws -> (Searcher, String?) {
        lock.lock(); defer { lock.unlock() }
        if let sources, !sources.isEmpty { return (try fixedSearcher(sources, levels: levels), searcherTarget) }
        guard let target = try stubTarget() else { throw noIndex }
        if searcherTarget != target {
            searchers = [:]
            searcherTarget = target
        }
        if let searcher = searchers[levels]?.popLast() {
            _ = try? searcher.reopen()
            return (searcher, target)
        }
        let paths: [String]
        switch IndexLayout.kind(of: target) {
        case .missing: throw noIndex
        case .single: paths = [target]
        case .split: paths = IndexLayout.databases(target, visibleLevels: levels)
        }
        guard !paths.isEmpty else { throw HosoError(.unavailable, "Không có cơ sở dữ liệu chỉ mục nào cho mức truy cập này") }
        do {
            return (try Searcher(databasePaths: paths), target)
        } catch {
            // Damaged since it was chosen: chosen again (an older generation may serve), once.
            if choosingAgain {
                stubSeen = nil
                if let again = try stubTarget(), again != target {
                    lock.unlock(); defer { lock.lock() }
                    return try checkOut(levels, choosingAgain: false)
                }
            }
            throw HosoError(.unavailable, "Không mở được chỉ mục: \(error)")
        }
    }

    /// Set when the current index generation is damaged and an older one is served (ServedGeneration).
    public func servingWarning() -> String? {
        lock.lock(); defer { lock.unlock() }
        if sources == nil || sources?.isEmpty == true { _ = try? stubTarget() }
        return served?.warning
    }
    private var served: ServedGeneration.Choice?

    /// The generation the stub names (caller holds `lock`), read again only when the stub file changed: a
    /// switch renames a new stub into place, so its inode, time or size differ. Each search asked the file
    /// before (a read and a path built, per search).
    private func stubTarget() throws -> String? {
        var st = stat()
        guard stat(data.indexStubPath, &st) == 0 else {
            stubSeen = nil
            return try IndexStub.read(data.indexStubPath)
        }
        let key = (inode: UInt64(st.st_ino), seconds: Int(st.st_mtim.tv_sec), nanoseconds: Int(st.st_mtim.tv_nsec), size: Int(st.st_size))
        if let seen = stubSeen, seen.key == key { return seen.target }
        // The generation named, or an older one when it does not open (checked again when the stub changes).
        let choice = try IndexStub.read(data.indexStubPath).map { ServedGeneration.choose(data, current: $0) }
        served = choice
        stubSeen = (key, choice?.generation)
        return choice?.generation
    }
    private var stubSeen: (key: (inode: UInt64, seconds: Int, nanoseconds: Int, size: Int), target: String?)?

    private var noIndex: HosoError {
        HosoError(.unavailable, "Chưa có chỉ mục trong \(data.url.path); hãy chạy hoso ingest trước")
    }

    /// A searcher over `indexSources` for `levels` (caller holds `lock`): an idle one of the pool or a new
    /// one (reopened before each call).
    private func fixedSearcher(_ sources: IndexSources, levels: [Int]) throws -> Searcher {
        if let searcher = searchers[levels]?.popLast() { return searcher }
        let chosen = sources.databases(visibleLevels: levels)
        guard !chosen.paths.isEmpty || !chosen.shards.isEmpty else {
            throw HosoError(.unavailable, "Không có chỉ mục hoặc mảnh chỉ mục nào cho mức truy cập này")
        }
        do {
            return try Searcher(databasePaths: chosen.paths, shards: chosen.shards)
        } catch {
            throw HosoError(.unavailable, "Không mở được chỉ mục hoặc mảnh chỉ mục: \(error)")
        }
    }

    /// A warning (Vietnamese) when the index being searched mixes access levels in one database, so that
    /// a role's scores are computed with statistics that include documents it may not see: a data folder
    /// indexed before the split by access level (run `hoso reindex`), or `--index`/`--shard` sources that
    /// are not one database per level. nil when every role searches only its own levels.
    public func indexLayoutWarning() -> String? {
        if let sources = indexSources, !sources.isEmpty {
            guard !sources.separatesLevels else { return nil }
            return "Cảnh báo: có nguồn chỉ mục (--index/--shard) chứa nhiều mức truy cập trong một cơ sở dữ liệu; "
                + "điểm số (score) của vai trò công khai vẫn tính cả thống kê của tài liệu hạn chế. "
                + "Hãy dùng một cơ sở dữ liệu cho mỗi mức (thư mục thế hệ chỉ mục có l1, l2, l3; --shard 1=máy:cổng …)."
        }
        guard let target = try? IndexStub.read(data.indexStubPath), IndexLayout.kind(of: target) == .single else {
            return nil
        }
        return "Cảnh báo: chỉ mục trong \(data.url.path) được lập theo cách cũ (một cơ sở dữ liệu chung cho mọi mức truy cập); "
            + "điểm số (score) của vai trò công khai vẫn tính cả thống kê của tài liệu hạn chế. Hãy chạy hoso reindex."
    }

    /// Sizes for monitoring: documents in the index, bytes of the current index generation and of the catalogue.
    public func storageSizes() -> (indexDocuments: Int, indexBytes: Int, catalogueBytes: Int) {
        func bytes(_ path: String) -> Int {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return 0 }
            guard isDir.boolValue else { return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.reduce(0) { $0 + bytes(path + "/" + $1) }
        }
        let documents = (try? withSearcher { try $0.documentCount() }) ?? 0
        let index = ((try? IndexStub.read(data.indexStubPath)) ?? nil).map(bytes) ?? 0
        let catalogue = (try? store.storageBytes()) ?? 0
        return (documents, index, catalogue)
    }

    public func isHealthy() -> Bool {
        (try? withSearcher { try $0.documentCount() }) != nil
    }

    // MARK: Search

    static let facetSlots: [(key: String, slot: Int)] = [
        ("type", ValueSlot.documentType), ("year", ValueSlot.year), ("issuer", ValueSlot.issuer),
        ("fonds", ValueSlot.fonds), ("retention", ValueSlot.retention),
    ]

    public func search(_ spec: SearchRequestSpec) throws -> SearchResult {
        let searchStart = DispatchTime.now().uptimeNanoseconds
        guard spec.query.count <= SearchRequestSpec.maxQueryLength else {
            throw HosoError(.usage, "Câu tìm kiếm quá dài (tối đa \(SearchRequestSpec.maxQueryLength) ký tự)")
        }
        guard spec.limit >= 0, spec.limit <= SearchRequestSpec.maxLimit, spec.offset >= 0,
              spec.offset <= SearchRequestSpec.maxWindow else {
            throw HosoError(.usage, "limit phải từ 0 đến \(SearchRequestSpec.maxLimit), offset từ 0 đến \(SearchRequestSpec.maxWindow)")
        }
        let trimmed = spec.query.trimmingCharacters(in: .whitespacesAndNewlines)
        let parsed: ParsedQuery
        if trimmed.isEmpty {
            guard !spec.filters.isEmpty else { throw HosoError(.usage, "Hãy nhập từ khóa cần tìm") }
            parsed = ParsedQuery(node: .matchAll, highlightWords: [], textWords: [])
        } else {
            do { parsed = try parser.parse(trimmed) } catch let e as QueryError { throw HosoError(.usage, e.message) }
        }
        // The index part with a searcher of its own; the result page (catalogue, snippets) after it.
        let (response, relaxed, suggestion) = try withSearcher(levels: spec.role.visibleLevels.map(\.rawValue)) { searcher in
            var request = SearchRequest(
                query: parsed.node, visibleLevels: spec.role.visibleLevels.map(\.rawValue),
                limit: spec.limit, offset: spec.offset, filters: spec.filters, sort: spec.sort,
                facetSlots: spec.facets ? Self.facetSlots.map(\.slot) : [])
            request.recordQuery = spec.recordIndexQuery
            var response = try run(searcher, request)
            var relaxed = false
            if response.total == 0, let node = parsed.relaxedNode {
                request.query = node
                response = try run(searcher, request)
                relaxed = response.total > 0
            }
            var suggestion: String? = nil
            if response.total == 0 || relaxed || !response.expansions.isEmpty || !response.leftOut.isEmpty
                || parsed.readings.contains(where: { $0.kind == .keys }) {
                suggestion = try self.suggestion(parsed, query: trimmed, response: response, relaxed: relaxed,
                                                 searcher: searcher, role: spec.role)
            }
            return (response, relaxed, suggestion)
        }
        let resultPageStart = DispatchTime.now().uptimeNanoseconds
        let matcher = PageMatcher(highlightWords: parsed.highlightWords)
        // The result page (the hits' catalogue rows and texts read, their pages ranked, their snippets cut) is
        // most of a search's own time: the hits are shared out between the cores, each share in one read, so a
        // counter's one search at a time does not leave the other cores idle.
        let shares = min(ProcessInfo.processInfo.activeProcessorCount, response.hits.count)
        var built = [SearchHit?](repeating: nil, count: response.hits.count)
        try built.withUnsafeMutableBufferPointer { out in
            let slots = out
            try concurrentlyPerform(iterations: shares) { share in
                let mine = Array(stride(from: share, to: slots.count, by: shares))
                let rows = try store.resultRows(documentIDs: mine.map { response.hits[$0].id })
                for i in mine {
                    let h = response.hits[i]
                    slots[i] = hit(h, document: rows[h.id]?.document, pages: rows[h.id]?.pages ?? [], matcher: matcher)
                }
            }
        }
        let hits = built.map { $0! }
        var result = SearchResult(total: response.total, hits: hits, relaxed: relaxed)
        if spec.facets { result.facets = facets(response.facets) }
        result.suggestion = suggestion
        let notes = notes(parsed, response)
        result.decoded = notes.decoded.isEmpty ? nil : notes.decoded
        result.expanded = notes.expanded.isEmpty ? nil : notes.expanded
        result.leftOut = notes.leftOut.isEmpty ? nil : notes.leftOut
        result.indexQuery = response.recordedQuery
        let end = DispatchTime.now().uptimeNanoseconds
        timingObserver?(SearchTimings(index: response.indexSeconds, resultPage: Double(end - resultPageStart) / 1e9,
                                      search: Double(end - searchStart) / 1e9))
        return result
    }

    /// The same search off the caller's thread (Xapian and SQLite calls block).
    public func searchAsync(_ spec: SearchRequestSpec) async throws -> SearchResult {
        try await Self.offload { try self.search(spec) }
    }

    private func run(_ searcher: Searcher, _ request: SearchRequest) throws -> SearchResponse {
        do {
            return try searcher.search(request)
        } catch let e as SearchIndexError {
            throw HosoError(.usage, String(describing: e))
        } catch let e as XapianError {
            throw HosoError(.unavailable, "Lỗi chỉ mục: \(e.message)")
        }
    }

    private func hit(_ h: IndexHit, document: Document?, pages: [(number: Int, utf8: [UInt8])],
                     matcher: PageMatcher) -> SearchHit {
        let ranked = matcher.rank(utf8: pages)
        let snippet = ranked.best.map { matcher.snippet($0.text, match: $0.match) }
            ?? matcher.snippet(document?.summary ?? pages.first.map { String(decoding: $0.utf8, as: UTF8.self) } ?? "")
        return SearchHit(id: h.id, file: h.fileID, title: h.title, pages: ranked.pages, snippet: snippet.plain,
                         score: (h.score * 1000).rounded() / 1000, snippetHTML: snippet.html, type: document?.type,
                         number: document?.numberSymbol, date: document?.date?.display, issuer: document?.issuer)
    }

    private func facets(_ raw: [Int: [FacetCount]]) -> [String: [FacetValue]] {
        var out: [String: [FacetValue]] = [:]
        for (key, slot) in Self.facetSlots {
            guard let values = raw[slot] else { continue }
            out[key] = values.compactMap { v in
                guard !v.value.isEmpty else { return nil }
                let label = slot == ValueSlot.retention ? FieldCode.retention[v.value] : nil
                return FacetValue(value: v.value, count: v.count, label: label)
            }
            if slot == ValueSlot.year { out[key]?.sort { $0.value > $1.value } }
        }
        return out
    }

    // MARK: Documents

    /// A document the role may see, or `notFound` — the same answer for an unknown id.
    public func visibleDocument(_ id: String, role: Role) throws -> Document {
        guard DocumentIdentifier.isValid(id), let d = try store.document(id: id), role.canSee(d.access) else {
            throw HosoError.documentNotFound(id)
        }
        return d
    }

    public func document(id: String, role: Role) throws -> DocumentView {
        let d = try visibleDocument(id, role: role)
        guard let file = try store.file(id: d.fileID) else { throw HosoError.documentNotFound(id) }
        let pages = try store.pages(documentID: id).map {
            DocumentView.PageInfo(number: $0.number, confidence: ($0.meanConfidence * 10).rounded() / 10,
                                  width: $0.width, height: $0.height, chars: $0.text.count)
        }
        let siblings = try store.documents(inFile: d.fileID).filter { role.canSee($0.access) }
        let index = siblings.firstIndex { $0.id == d.id }
        func neighbour(_ i: Int?) -> DocumentView.Neighbour? {
            guard let i, siblings.indices.contains(i) else { return nil }
            return .init(id: siblings[i].id, title: siblings[i].title)
        }
        var shown = d
        shown.path = URL(fileURLWithPath: d.path).lastPathComponent  // never the server's folders
        return DocumentView(document: shown, file: file, access: d.access.label, pages: pages,
                            previous: neighbour(index.map { $0 - 1 }), next: neighbour(index.map { $0 + 1 }))
    }

    /// The recognised text of each page, in order.
    public func text(id: String, role: Role) throws -> [String] {
        _ = try visibleDocument(id, role: role)
        return try store.pageTexts(documentID: id).map(\.text)
    }

    /// The page image as PNG, read from the scan the catalogue points to.
    public func pageImage(id: String, page: Int, role: Role) throws -> Data {
        let d = try visibleDocument(id, role: role)
        guard let stored = try store.page(documentID: id, number: page) else {
            throw HosoError(.notFound, "Không tìm thấy trang \(page) của tài liệu \(id)")
        }
        guard !PageSource.isText(URL(fileURLWithPath: d.path)) else {
            throw HosoError(.notFound, "Tài liệu \(id) là bản chép văn bản, không có ảnh trang")
        }
        do {
            return try PageSource.image(page: page, of: URL(fileURLWithPath: d.path), cache: data.pageImageCache,
                                        key: stored.sourceHash)
        } catch {
            throw HosoError(.unavailable, "Không đọc được ảnh trang \(page) của tài liệu \(id)")
        }
    }

    public func pageImageAsync(id: String, page: Int, role: Role) async throws -> Data {
        try await Self.offload { try self.pageImage(id: id, page: page, role: role) }
    }

    /// Boxes around the words of the page that match `query`, accent-insensitively.
    public func pageHighlights(id: String, page: Int, query: String, role: Role) throws -> PageHighlights {
        _ = try visibleDocument(id, role: role)
        guard let p = try store.page(documentID: id, number: page) else {
            throw HosoError(.notFound, "Không tìm thấy trang \(page) của tài liệu \(id)")
        }
        let words = query.count <= SearchRequestSpec.maxQueryLength ? ((try? parser.parse(query))?.highlightWords ?? []) : []
        let matcher = PageMatcher(highlightWords: words)
        let boxes = p.words.filter { matcher.match($0.text).occurrences > 0 }.map {
            PageHighlights.Box(x: $0.x, y: $0.y, width: $0.width, height: $0.height, word: $0.text)
        }
        return PageHighlights(page: page, width: p.width, height: p.height, boxes: boxes)
    }

    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}

/// Where one search spent its time, in seconds: in the index (Xapian: expansions and the match), on the
/// result page (the hits' catalogue rows and texts, pages ranked, snippets) and in the whole search.
public struct SearchTimings: Sendable {
    public var index: Double
    public var resultPage: Double
    public var search: Double
}
