import Foundation

/// Reading order for pages with side-by-side columns.
///
/// A Vietnamese administrative document (văn bản hành chính) opens with a two-column heading (phần
/// thể thức): left, the agency and "Số: 1605/QĐ-UBND"; right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
/// the motto and the place and date. The signature block (nơi nhận | chữ ký) is laid out the same
/// way. Tesseract's page segmentation often puts both columns on one text line ("ỦY BAN NHÂN DÂN CỘNG
/// HÒA XÃ HỘI …"), or gives them as separate lines in turn, which breaks phrase search.
///
/// The columns are found from the page's own word boxes, not from positions: lines, taken top to bottom whatever
/// order the engine gave them in, side by side at the same height are one row; a row's gaps between words that are
/// wide for its height are candidate gutters; a gutter that stays open down a run of vertically adjacent rows (each
/// row either has a gap there or lies wholly on one side of it) is a column boundary, and that run (a band) is read
/// left column first, then the right one. A run of one row needs a wider gap (`columnGap`) than a gutter two or more
/// rows confirm (`confirmedGap`). Rows with three or more wide gaps are table rows, read as they are.
enum ReadingOrder {
    struct Box: Equatable {
        var x0: Int, y0: Int, x1: Int, y1: Int
    }

    /// One output line: the items (indices into `lines[line]`) that make it, left to right.
    struct Piece: Equatable {
        var line: Int
        var items: [Int]
    }

    /// - Parameters:
    ///   - lines: text lines in the engine's order, each a list of item boxes (words).
    ///   - columnGap: the smallest gap between two items of a row (given the row height) that makes a column
    ///     boundary by itself.
    ///   - confirmedGap: the smallest such gap when two or more rows share it (default: `columnGap`).
    ///   - lineSlack: the largest vertical gap between two rows of one band (given the row height).
    ///   - ignorable: items that neither close nor narrow a gap (a speck read as `—` or `.` in a heading's gutter);
    ///     they are still read, on the side of the gutter their box lies. A row of them only joins any band.
    static func arrange(_ lines: [[Box]], columnGap: (Int) -> Int, confirmedGap: ((Int) -> Int)? = nil,
                        lineSlack: (Int) -> Int, ignorable: (_ line: Int, _ item: Int) -> Bool = { _, _ in false }) -> [Piece] {
        func confirmed(_ h: Int) -> Int { confirmedGap?(h) ?? columnGap(h) }
        struct Ref { var line: Int; var item: Int }
        struct Row {
            var refs: [Ref] = []
            var ext = Box(x0: 0, y0: 0, x1: 0, y1: 0)
            var gaps: [(lo: Int, hi: Int)] = []
            /// The row's widest gap when it stands out from its word spaces (a heading line the engine read across
            /// a narrow gutter): what lets it join a band its neighbours confirm.
            var split: (lo: Int, hi: Int)?
            var table = false
            /// The middle height of its words: a tall box (a word glued to a streak) does not make the row tall.
            var height = 0
        }
        func box(_ r: Ref) -> Box { lines[r.line][r.item] }
        func extent(_ boxes: [Box]) -> Box? {
            guard var e = boxes.first else { return nil }
            for b in boxes { e = Box(x0: min(e.x0, b.x0), y0: min(e.y0, b.y0), x1: max(e.x1, b.x1), y1: max(e.y1, b.y1)) }
            return e
        }

        // 1. Rows: lines next to each other at the same height that do not overlap across are one row. A line of
        //    nothing but specks (a seal read as one tall `` ` ``) is a row of its own: it would take lines beside it.
        var rows: [Row] = []
        var lastExt: Box?
        var lastWasSpecks = false
        // A line's place is where its words are, not its specks (a speck far out in a gutter, a tall streak).
        let places = lines.indices.map { j in
            let solid = lines[j].indices.filter { !ignorable(j, $0) }.map { lines[j][$0] }
            return (solid: solid, ext: extent(solid.isEmpty ? lines[j] : solid))
        }
        // Top to bottom: Tesseract may give a heading's right column as a block before the left one.
        let order = lines.indices.sorted { a, b in
            let ya = places[a].ext.map { $0.y0 + $0.y1 } ?? 0, yb = places[b].ext.map { $0.y0 + $0.y1 } ?? 0
            return ya != yb ? ya < yb : a < b
        }
        for j in order {
            let items = lines[j], solid = places[j].solid
            guard let e = places[j].ext else { continue }
            let refs = items.indices.map { Ref(line: j, item: $0) }
            defer { lastWasSpecks = solid.isEmpty }
            if let p = lastExt, var row = rows.last, !lastWasSpecks, !solid.isEmpty {
                let overlap = min(p.y1, e.y1) - max(p.y0, e.y0)
                let disjoint = e.x0 >= row.ext.x1 || e.x1 <= row.ext.x0
                if overlap * 2 >= min(p.y1 - p.y0, e.y1 - e.y0), disjoint, overlap > 0 {
                    row.refs += refs
                    row.ext = extent([row.ext, e])!
                    rows[rows.count - 1] = row
                    lastExt = row.ext
                    continue
                }
            }
            rows.append(Row(refs: refs, ext: e))
            lastExt = e
        }
        // 2. Each row's words left to right and its wide gaps.
        for k in rows.indices {
            rows[k].refs.sort { box($0).x0 < box($1).x0 }
            let solid = rows[k].refs.filter { !ignorable($0.line, $0.item) }
            let heights = (solid.isEmpty ? rows[k].refs : solid).map { box($0).y1 - box($0).y0 }.sorted()
            rows[k].height = heights.isEmpty ? rows[k].ext.y1 - rows[k].ext.y0 : heights[heights.count / 2]
            let minGap = max(1, min(confirmed(rows[k].height), columnGap(rows[k].height)))
            guard let firstSolid = solid.first else { continue }
            var reach = box(firstSolid).x1
            var gaps: [(lo: Int, hi: Int)] = [], spaces: [(lo: Int, hi: Int)] = []
            for r in solid.dropFirst() {
                let b = box(r)
                if b.x0 > reach { spaces.append((reach, b.x0)) }
                if b.x0 - reach >= minGap { gaps.append((reach, b.x0)) }
                reach = max(reach, b.x1)
            }
            rows[k].table = gaps.count >= 3
            rows[k].gaps = rows[k].table ? [] : gaps
            let widths = spaces.map { $0.hi - $0.lo }.sorted()
            if spaces.count >= 3, let widest = spaces.max(by: { $0.hi - $0.lo < $1.hi - $1.lo }),
               widest.hi - widest.lo >= max(2 * widths[widths.count / 2], rows[k].height / 3) {
                rows[k].split = widest
            }
        }

        func crosses(_ k: Int, _ lo: Int, _ hi: Int) -> Bool {
            rows[k].refs.contains { let b = box($0); return b.x0 < hi && b.x1 > lo && !ignorable($0.line, $0.item) }
        }
        func close(_ a: Int, _ b: Int) -> Bool {
            let p = rows[a].ext, q = rows[b].ext
            let gap = max(0, max(p.y0, q.y0) - min(p.y1, q.y1))
            return gap <= lineSlack(max(p.y1 - p.y0, q.y1 - q.y0))
        }
        /// The band grown from row `i` through the gap `g`: its rows, the gutter left open, how many rows have a gap there.
        typealias Band = (start: Int, end: Int, lo: Int, hi: Int, gapped: Int, sides: [Int: Bool])
        func grow(_ i: Int, _ g: (lo: Int, hi: Int), used: [Bool]) -> Band {
            var lo = g.lo, hi = g.hi, gapped = 1, start = i, end = i
            var sides: [Int: Bool] = [:]
            func admit(_ k: Int) -> Bool {
                guard !used[k], !rows[k].table else { return false }
                // A row of nothing but specks (a photocopy's toner between two heading rows) neither parts nor closes.
                if rows[k].refs.allSatisfy({ ignorable($0.line, $0.item) }) { return true }
                let minWidth = max(1, confirmed(rows[k].height) / 2)
                if let best = rows[k].gaps.map({ (lo: max($0.lo, lo), hi: min($0.hi, hi)) }).max(by: { $0.hi - $0.lo < $1.hi - $1.lo }),
                   best.hi - best.lo >= minWidth, !crosses(k, best.lo, best.hi) {
                    lo = best.lo; hi = best.hi; gapped += 1
                    return true
                }
                // No gap there: a row lying wholly on one side goes on, on that side (true: left); the gutter is
                // left to the rows that are parted by it.
                let e = rows[k].ext
                if e.x1 <= hi - minWidth {
                    sides[k] = true
                    return true
                }
                if e.x0 >= lo + minWidth {
                    sides[k] = false
                    return true
                }
                return false
            }
            while start > 0, close(start - 1, start), admit(start - 1) { start -= 1 }
            while end + 1 < rows.count, close(end, end + 1), admit(end + 1) { end += 1 }
            // A gutter two rows confirm also takes a neighbour whose widest gap, narrow but standing out from its
            // word spaces, opens onto it: the gutter narrowed to that gap, so the row is parted there.
            func admitSplit(_ k: Int) -> Bool {
                guard !used[k], !rows[k].table, let g = rows[k].split, g.lo < hi, g.hi > lo,
                      !crosses(k, max(g.lo, lo), min(g.hi, hi)) else { return false }
                lo = max(lo, g.lo); hi = min(hi, g.hi)
                return true
            }
            if gapped >= 2 {
                while start > 0, close(start - 1, start), admitSplit(start - 1) || admit(start - 1) { start -= 1 }
                while end + 1 < rows.count, close(end, end + 1), admitSplit(end + 1) || admit(end + 1) { end += 1 }
            }
            return (start, end, lo, hi, gapped, sides)
        }

        // 3. Bands, widest confirmed gutters first.
        var bandAt: [Int: (end: Int, x: Int, sides: [Int: Bool])] = [:]
        var used = Array(repeating: false, count: rows.count)
        for i in rows.indices where !used[i] {
            var chosen: Band?
            for g in rows[i].gaps {
                let band = grow(i, g, used: used)
                let wideAlone = g.hi - g.lo >= columnGap(rows[i].ext.y1 - rows[i].ext.y0)
                guard band.gapped >= 2 || wideAlone else { continue }
                if chosen == nil || band.gapped > chosen!.gapped
                    || (band.gapped == chosen!.gapped && band.hi - band.lo > chosen!.hi - chosen!.lo) {
                    chosen = band
                }
            }
            guard let band = chosen else { continue }
            for k in band.start...band.end { used[k] = true }
            bandAt[band.start] = (band.end, (band.lo + band.hi) / 2, band.sides)
        }

        // 4. Output: a row outside bands line by line as the engine gave it; a band left column, then right.
        func pieces(_ refs: [Ref]) -> [Piece] {
            var out: [Piece] = []
            for r in refs {
                if let last = out.last, last.line == r.line { out[out.count - 1].items.append(r.item) } else { out.append(Piece(line: r.line, items: [r.item])) }
            }
            return out
        }
        var out: [Piece] = []
        var k = 0
        while k < rows.count {
            guard let band = bandAt[k] else {
                // Lines of one row keep the engine's order; each line's words left to right.
                let byLine = Dictionary(grouping: rows[k].refs, by: \.line)
                for j in byLine.keys.sorted() { out += pieces(byLine[j]!) }
                k += 1
                continue
            }
            var left: [Piece] = [], right: [Piece] = []
            for r in k...band.end {
                if let onLeft = band.sides[r] {
                    if onLeft { left += pieces(rows[r].refs) } else { right += pieces(rows[r].refs) }
                    continue
                }
                left += pieces(rows[r].refs.filter { box($0).x1 <= band.x })
                right += pieces(rows[r].refs.filter { box($0).x1 > band.x })
            }
            out += left + right
            k = band.end + 1
        }
        return out
    }

    /// Words known only by their boxes (a PDF text layer) as text lines: rows of words whose vertical middles fall
    /// within the row's extent, top to bottom, each left to right (indices into `boxes`). Side-by-side columns
    /// share rows, as on the printed page; `arrange` then reads them apart.
    static func rows(_ boxes: [Box]) -> [[Int]] {
        let order = boxes.indices.sorted { a, b in
            let ma = boxes[a].y0 + boxes[a].y1, mb = boxes[b].y0 + boxes[b].y1
            return ma != mb ? ma < mb : boxes[a].x0 < boxes[b].x0
        }
        var rows: [[Int]] = []
        var y0 = 0, y1 = 0
        for i in order {
            let b = boxes[i], middle2 = b.y0 + b.y1
            if !rows.isEmpty, middle2 >= 2 * y0, middle2 <= 2 * y1 {
                rows[rows.count - 1].append(i)
                y0 = min(y0, b.y0); y1 = max(y1, b.y1)
            } else {
                rows.append([i])
                y0 = b.y0; y1 = b.y1
            }
        }
        return rows.map { $0.sorted { boxes[$0].x0 < boxes[$1].x0 } }
    }
}
