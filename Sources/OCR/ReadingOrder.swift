import Foundation

/// Reading order for pages with side-by-side columns.
///
/// A Vietnamese administrative document (văn bản hành chính) opens with a two-column heading (phần
/// thể thức): left, the agency and "Số: 1605/QĐ-UBND"; right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
/// the motto and the place and date. The signature block (nơi nhận | chữ ký) is laid out the same
/// way. Tesseract's page segmentation often puts both columns on one text line ("ỦY BAN NHÂN DÂN CỘNG
/// HÒA XÃ HỘI …"), which breaks phrase search. This splits such lines at a wide gap and, for a run of
/// vertically adjacent lines that share the column boundary (a band), emits the whole left column
/// first, then the right one. Lines without a wide gap are left as they are.
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
    ///   - columnGap: the smallest horizontal gap between two items of a line (given the line height)
    ///     that separates two columns.
    ///   - lineSlack: the largest vertical gap between two lines of one band (given the line height).
    static func arrange(_ lines: [[Box]], columnGap: (Int) -> Int, lineSlack: (Int) -> Int) -> [Piece] {
        struct Info { var ext: Box; var order: [Int]; var split: Int? }
        let infos: [Info] = lines.map { items in
            let order = items.indices.sorted { items[$0].x0 < items[$1].x0 }
            guard let first = order.first else { return Info(ext: Box(x0: 0, y0: 0, x1: 0, y1: 0), order: [], split: nil) }
            var ext = items[first]
            for i in order {
                ext.x0 = min(ext.x0, items[i].x0); ext.x1 = max(ext.x1, items[i].x1)
                ext.y0 = min(ext.y0, items[i].y0); ext.y1 = max(ext.y1, items[i].y1)
            }
            let minGap = max(1, columnGap(ext.y1 - ext.y0))
            var best: (gap: Int, mid: Int)?
            var reach = items[first].x1
            for b in order.dropFirst() {
                let gap = items[b].x0 - reach
                if gap >= minGap, gap > (best?.gap ?? 0) { best = (gap, reach + gap / 2) }
                reach = max(reach, items[b].x1)
            }
            return Info(ext: ext, order: order, split: best?.mid)
        }

        func fits(_ j: Int, _ x: Int) -> Bool {
            let info = infos[j]
            guard !info.order.isEmpty else { return false }
            if info.ext.x1 <= x || info.ext.x0 >= x { return true }          // wholly on one side
            let straddles = info.order.contains { lines[j][$0].x0 < x && lines[j][$0].x1 > x }
            guard !straddles else { return false }
            // Both sides: only when the line itself has a column gap around x.
            let minGap = max(1, columnGap(info.ext.y1 - info.ext.y0))
            let leftEnd = info.order.filter { lines[j][$0].x1 <= x }.map { lines[j][$0].x1 }.max() ?? x
            let rightStart = info.order.filter { lines[j][$0].x0 >= x }.map { lines[j][$0].x0 }.min() ?? x
            return rightStart - leftEnd >= minGap
        }
        func close(_ a: Int, _ b: Int) -> Bool {
            let p = infos[a].ext, q = infos[b].ext
            let gap = max(0, max(p.y0, q.y0) - min(p.y1, q.y1))
            let h = max(p.y1 - p.y0, q.y1 - q.y0)
            return gap <= lineSlack(h)
        }

        // Bands: [start, end] line ranges with their column boundary.
        var bandAt: [Int: (end: Int, x: Int)] = [:]
        var used = Array(repeating: false, count: lines.count)
        for i in lines.indices where !used[i] {
            guard let x = infos[i].split else { continue }
            var start = i, end = i
            while start > 0, !used[start - 1], fits(start - 1, x), close(start - 1, start) { start -= 1 }
            while end + 1 < lines.count, fits(end + 1, x), close(end, end + 1) { end += 1 }
            for k in start...end { used[k] = true }
            bandAt[start] = (end, x)
        }

        var out: [Piece] = []
        var i = 0
        while i < lines.count {
            guard let band = bandAt[i] else {
                if !infos[i].order.isEmpty { out.append(Piece(line: i, items: infos[i].order)) }
                i += 1
                continue
            }
            var left: [(y: Int, piece: Piece)] = [], right: [(y: Int, piece: Piece)] = []
            for j in i...band.end {
                let l = infos[j].order.filter { lines[j][$0].x1 <= band.x }
                let r = infos[j].order.filter { lines[j][$0].x1 > band.x }
                if !l.isEmpty { left.append((infos[j].ext.y0, Piece(line: j, items: l))) }
                if !r.isEmpty { right.append((infos[j].ext.y0, Piece(line: j, items: r))) }
            }
            // Stable sort top to bottom within each column.
            let sortByY = { (a: [(y: Int, piece: Piece)]) in
                a.enumerated().sorted { ($0.element.y, $0.offset) < ($1.element.y, $1.offset) }.map { $0.element.piece }
            }
            out += sortByY(left) + sortByY(right)
            i = band.end + 1
        }
        return out
    }

    /// Reorders `pdftotext -layout` output: columns set side by side (separated by 4 or more spaces)
    /// come out one after the other. Trailing form feeds and blank lines are dropped; each output line
    /// has its inner runs of spaces collapsed to one.
    static func arrangeLayoutText(_ text: String) -> String {
        let rows = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{0C}", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [[Box]] = []
        var words: [[String]] = []
        for (r, row) in rows.enumerated() {
            var boxes: [Box] = [], ws: [String] = []
            var col = 0, start: Int?, current = ""
            for ch in row {
                if ch == " " || ch == "\t" {
                    if let s = start { boxes.append(Box(x0: s, y0: r, x1: col, y1: r + 1)); ws.append(current) }
                    start = nil; current = ""
                } else {
                    if start == nil { start = col }
                    current.append(ch)
                }
                col += 1
            }
            if let s = start { boxes.append(Box(x0: s, y0: r, x1: col, y1: r + 1)); ws.append(current) }
            if !boxes.isEmpty { lines.append(boxes); words.append(ws) }
        }
        let pieces = arrange(lines, columnGap: { _ in 4 }, lineSlack: { _ in 2 })
        return pieces.map { p in p.items.map { words[p.line][$0] }.joined(separator: " ") }.joined(separator: "\n")
    }
}
