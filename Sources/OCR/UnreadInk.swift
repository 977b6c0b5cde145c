import CTesseract
import Foundation

/// Ink shaped like text where the engine read nothing. Tesseract's page layout leaves out whole blocks of a worn
/// typeface or a photocopy (a signature block `TM. ỦY BAN NHÂN DÂN / PHÓ CHỦ TỊCH / Vũ Văn Thủy`, a heading's left
/// column) as no text at all, while the same block cut out on its own is read well. Found from the binarised page:
/// the glyph-sized components that no recognised word covers, grouped into blocks of letters that touch across a
/// letter's gap and down a line's.
enum UnreadInk {
    typealias Box = ReadingOrder.Box

    /// Whether the centre of `c` lies inside `w`: a component or word counted as read by the word that holds it.
    static func centreInside(_ c: Box, _ w: Box) -> Bool {
        let cx = (c.x0 + c.x1) / 2, cy = (c.y0 + c.y1) / 2
        return cx >= w.x0 && cx < w.x1 && cy >= w.y0 && cy < w.y1
    }

    /// The blocks of unread glyphs on `grey` (8-bit, the image the engine read), largest first, each grown by a
    /// glyph's height on every side within the image. `read` are the boxes of the words recognised on it. Nil
    /// glyph height (fewer than `minimumReadGlyphs` glyphs inside read words) or no block: empty. Each block comes with
    /// the letter height it was measured by.
    static func regions(_ grey: PageImage, read: [Box], minimumGlyphs: Int = 6, limit: Int = 6,
                        minimumReadGlyphs: Int = 20) -> [(Box, Double)] {
        guard let b = pixConvertTo1(grey.pix, 128) else { return [] }
        let binary = PageImage(taking: b)
        guard let boxa = pixConnCompBB(binary.pix, 8) else { return [] }
        var owned: UnsafeMutablePointer<BOXA>? = boxa
        defer { boxaDestroy(&owned) }
        var components: [Box] = []
        let n = boxaGetCount(boxa)
        components.reserveCapacity(Int(n))
        for i in 0..<n {
            var x: l_int32 = 0, y: l_int32 = 0, w: l_int32 = 0, h: l_int32 = 0
            guard boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) == 0, w > 0, h > 0 else { continue }
            components.append(Box(x0: Int(x), y0: Int(y), x1: Int(x + w), y1: Int(y + h)))
        }
        return regions(components: components, read: read, width: grey.width, height: grey.height,
                       minimumGlyphs: minimumGlyphs, limit: limit, minimumReadGlyphs: minimumReadGlyphs)
    }

    /// The same from the page's components (pixel boxes of the binarised page).
    static func regions(components: [Box], read: [Box], width: Int, height: Int, minimumGlyphs: Int = 6, limit: Int = 6,
                        minimumReadGlyphs: Int = 20) -> [(Box, Double)] {
        // The words sorted by top, for the look-up of the components they cover.
        let words = read.sorted { $0.y0 < $1.y0 }
        let tallest = words.map { $0.y1 - $0.y0 }.max() ?? 0
        func covered(_ c: Box) -> Bool {
            let cy = (c.y0 + c.y1) / 2
            // First word whose top could still hold the centre (tops within the tallest word's height above it).
            var lo = 0, hi = words.count
            while lo < hi { let m = (lo + hi) / 2; if words[m].y0 < cy - tallest { lo = m + 1 } else { hi = m } }
            var k = lo
            while k < words.count, words[k].y0 <= cy {
                if centreInside(c, words[k]) { return true }
                k += 1
            }
            return false
        }
        var readHeights: [Int] = [], unread: [Box] = []
        for c in components {
            if covered(c) { readHeights.append(c.y1 - c.y0) } else { unread.append(c) }
        }
        // The page's letter height: the median component inside its read words (mostly lower-case letters).
        guard readHeights.count >= minimumReadGlyphs else { return [] }
        readHeights.sort()
        let g = Double(readHeights[readHeights.count / 2])
        let glyphs = unread.filter { c in
            let h = Double(c.y1 - c.y0), w = Double(c.x1 - c.x0)
            return h >= 0.6 * g && h <= 2.5 * g && w <= 10 * g && c.x0 > 0 && c.y0 > 0 && c.x1 < width && c.y1 < height
        }.sorted { $0.y0 < $1.y0 }
        // Letters a component holds: a worn or bold typeface runs a word's letters into one component.
        func letters(_ c: Box) -> Int { max(1, Int(Double(c.x1 - c.x0) / g)) }
        // Too many to be a missed block: a page of noise the engine rightly left alone.
        guard glyphs.reduce(0, { $0 + letters($1) }) >= minimumGlyphs, glyphs.count <= 4000 else { return [] }

        // Blocks: glyphs within 1.5 letter heights across and 0.8 down of each other, joined (union-find).
        var parent = Array(glyphs.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        let across = Int((1.5 * g).rounded()), down = Int((0.8 * g).rounded())
        for i in glyphs.indices {
            let a = glyphs[i]
            var j = i + 1
            while j < glyphs.count, glyphs[j].y0 <= a.y1 + down {
                let b = glyphs[j]
                let dx = max(0, max(a.x0, b.x0) - min(a.x1, b.x1)), dy = max(0, max(a.y0, b.y0) - min(a.y1, b.y1))
                if dx <= across && dy <= down {
                    let ra = root(i), rb = root(j)
                    if ra != rb { parent[rb] = ra }
                }
                j += 1
            }
        }
        var blocks: [Int: (box: Box, count: Int)] = [:]
        for i in glyphs.indices {
            let r = root(i), c = glyphs[i]
            if let e = blocks[r] {
                blocks[r] = (Box(x0: min(e.box.x0, c.x0), y0: min(e.box.y0, c.y0), x1: max(e.box.x1, c.x1),
                                 y1: max(e.box.y1, c.y1)), e.count + letters(c))
            } else {
                blocks[r] = (c, letters(c))
            }
        }
        let pad = Int(g.rounded())
        return blocks.values
            .filter { $0.count >= minimumGlyphs && Double($0.box.x1 - $0.box.x0) >= 4 * g }
            .sorted { ($0.count, -$0.box.y0, -$0.box.x0) > ($1.count, -$1.box.y0, -$1.box.x0) }
            .prefix(limit)
            .map { (Box(x0: max(0, $0.box.x0 - pad), y0: max(0, $0.box.y0 - pad),
                        x1: min(width, $0.box.x1 + pad), y1: min(height, $0.box.y1 + pad)), g) }
    }
}
