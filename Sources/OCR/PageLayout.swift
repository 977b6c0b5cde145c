import CTesseract
import Foundation

/// What a cheap look at a page tells before it is recognised: whether it holds any text, where its text
/// lies (the blank margins around it can be left out) and how tall its letters are (the resolution it should
/// be recognised at). Measured from the connected components of the binarised page: a component from 1 to
/// 12 mm tall and at most four times as wide as tall is taken for a glyph (letters and digits); marks, specks,
/// rules, seals, table borders and scanner edges are not.
public struct PageLayout: Equatable, Sendable {
    /// Pixel box, in the coordinates of the measured image.
    public struct Box: Equatable, Sendable {
        public var x0: Int, y0: Int, x1: Int, y1: Int
        public var width: Int { x1 - x0 }
        public var height: Int { y1 - y0 }
    }

    /// The image size and resolution it was measured on.
    public var width: Int
    public var height: Int
    public var resolution: Int
    /// Number of glyph-sized components.
    public var glyphs: Int
    /// The box holding every glyph, or nil for a blank page.
    public var content: Box?
    /// The median height of the glyphs in pixels of the measured image (about the x-height: most glyphs are
    /// lower-case letters), 0 for a blank page.
    public var glyphHeight: Double

    /// Fewer glyphs than this: a blank page (a sheet's back, a separator), not recognised.
    public static let minimumGlyphs = 12

    public var isBlank: Bool { glyphs < Self.minimumGlyphs }

    /// The glyph height in millimetres on paper (0 when the resolution is unknown).
    public var glyphHeightMillimetres: Double {
        resolution > 0 ? glyphHeight / Double(resolution) * 25.4 : 0
    }

    /// Measures `image` (any depth; dark on light), taking `assumedResolution` when the image has none.
    static func measure(_ image: PageImage, assumedResolution: Int = 300) -> PageLayout {
        let resolution = image.resolution > 0 ? image.resolution : assumedResolution
        var layout = PageLayout(width: image.width, height: image.height, resolution: resolution, glyphs: 0,
                                content: nil, glyphHeight: 0)
        let binary: PageImage
        if image.depth == 1 {
            guard let p = pixClone(image.pix) else { return layout }
            binary = PageImage(taking: p)
        } else {
            var grey = image
            if image.depth == 32, let p = pixGetRGBComponent(image.pix, l_int32(COLOR_RED)) {
                // Colour: the red channel, as the engine reads it (a red seal is no text, nor the page's edge).
                grey = PageImage(taking: p)
            } else if image.depth != 8 || pixGetColormap(image.pix) != nil {
                guard let p = pixConvertTo8(image.pix, 0) else { return layout }
                grey = PageImage(taking: p)
            }
            guard let p = pixConvertTo1(grey.pix, 150) else { return layout }
            binary = PageImage(taking: p)
        }
        guard let boxa = pixConnComp(binary.pix, nil, 8) else { return layout }
        var boxes: UnsafeMutablePointer<BOXA>? = boxa
        defer { boxaDestroy(&boxes) }
        let perMM = Double(resolution) / 25.4
        let minH = max(2, Int((1.0 * perMM).rounded())), maxH = Int((12 * perMM).rounded())
        var heights: [Int] = []
        var content: Box?
        let n = boxaGetCount(boxa)
        heights.reserveCapacity(Int(n))
        for i in 0..<n {
            var x: l_int32 = 0, y: l_int32 = 0, w: l_int32 = 0, h: l_int32 = 0
            guard boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) == 0 else { continue }
            guard h >= minH, h <= maxH, w <= 4 * h, w >= 1 else { continue }
            // Glyphs touching the image's edge are scanner borders or cut letters: not the page's text.
            if x == 0 || y == 0 || x + w >= image.width || y + h >= image.height { continue }
            heights.append(Int(h))
            let b = Box(x0: Int(x), y0: Int(y), x1: Int(x + w), y1: Int(y + h))
            if let c = content {
                content = Box(x0: min(c.x0, b.x0), y0: min(c.y0, b.y0), x1: max(c.x1, b.x1), y1: max(c.y1, b.y1))
            } else {
                content = b
            }
        }
        layout.glyphs = heights.count
        guard !layout.isBlank else { return layout }
        heights.sort()
        layout.glyphHeight = Double(heights[heights.count / 2])
        layout.content = content
        return layout
    }

    /// The resolution at which this page's median glyph is `targetGlyphHeight` pixels tall, rounded to 10 dpi
    /// and kept within `range`; `fallback` when nothing was measured.
    public func resolution(forGlyphHeight targetGlyphHeight: Double, within range: ClosedRange<Int>, fallback: Int) -> Int {
        guard glyphHeight > 0, resolution > 0 else { return fallback }
        let ideal = Double(resolution) * targetGlyphHeight / glyphHeight
        let rounded = Int((ideal / 10).rounded()) * 10
        return min(max(rounded, range.lowerBound), range.upperBound)
    }

    /// The content box grown by `margin` millimetres on every side, within the image, scaled to an image of the
    /// same page at `dpi`; nil for a blank page.
    public func contentBox(marginMillimetres margin: Double, atResolution dpi: Int) -> Box? {
        guard let c = content, resolution > 0 else { return nil }
        let s = Double(dpi) / Double(resolution)
        let pad = margin * Double(resolution) / 25.4
        let fullW = Int((Double(width) * s).rounded(.up)), fullH = Int((Double(height) * s).rounded(.up))
        let x0 = max(0, Int(((Double(c.x0) - pad) * s).rounded(.down)))
        let y0 = max(0, Int(((Double(c.y0) - pad) * s).rounded(.down)))
        let x1 = min(fullW, Int(((Double(c.x1) + pad) * s).rounded(.up)))
        let y1 = min(fullH, Int(((Double(c.y1) + pad) * s).rounded(.up)))
        return Box(x0: x0, y0: y0, x1: x1, y1: y1)
    }
}
