import Foundation

/// The geometric steps applied to the page before recognition, to map word boxes back.
struct Transform {
    enum Step {
        /// Clockwise by quads × 90° (Leptonica pixRotateOrth); width/height before the turn.
        case rotateOrth(quads: Int, width: Int, height: Int)
        /// Leptonica pixRotate about the centre, same size; positive is clockwise.
        case rotate(radians: Double, width: Int, height: Int)
        case scale(Double, Double)
        /// A window cut out of the image at (x, y).
        case crop(x: Int, y: Int)
    }
    var steps: [Step] = []

    /// Maps a point of the processed image back to the original image.
    func toOriginal(_ x: Double, _ y: Double) -> (Double, Double) {
        var (x, y) = (x, y)
        for step in steps.reversed() {
            switch step {
            case .scale(let sx, let sy):
                x /= sx; y /= sy
            case .crop(let dx, let dy):
                x += Double(dx); y += Double(dy)
            case .rotate(let a, let w, let h):
                let cx = Double(w) / 2, cy = Double(h) / 2
                let dx = x - cx, dy = y - cy
                // Forward (clockwise by a, y down): x' = cx + dx cos a − dy sin a, y' = cy + dx sin a + dy cos a.
                x = cx + dx * cos(a) + dy * sin(a)
                y = cy - dx * sin(a) + dy * cos(a)
            case .rotateOrth(let q, let w, let h):
                switch q {
                case 1: (x, y) = (y, Double(h) - x)          // forward: x' = h − y, y' = x
                case 2: (x, y) = (Double(w) - x, Double(h) - y)
                case 3: (x, y) = (Double(w) - y, x)          // forward: x' = y, y' = w − x
                default: break
                }
            }
        }
        return (x, y)
    }

    /// The bounding box, in the original image, of a processed-image box; clamped to the page.
    func boxToOriginal(_ b: ReadingOrder.Box, width: Int, height: Int) -> ReadingOrder.Box {
        let corners = [(b.x0, b.y0), (b.x1, b.y0), (b.x0, b.y1), (b.x1, b.y1)]
            .map { toOriginal(Double($0.0), Double($0.1)) }
        let xs = corners.map(\.0), ys = corners.map(\.1)
        func clamp(_ v: Double, _ hi: Int) -> Int { min(max(Int(v.rounded()), 0), hi) }
        return .init(x0: clamp(xs.min() ?? 0, width), y0: clamp(ys.min() ?? 0, height),
                     x1: clamp(xs.max() ?? 0, width), y1: clamp(ys.max() ?? 0, height))
    }
}
