import Foundation
import OCR

/// What is measured of a page's rendered image (a `PixelSample`, tens of dpi): how much of it is ink, whether it
/// has colour, and a fingerprint to compare it with its neighbour. Pure functions of the pixels.
public struct PageMeasures: Sendable, Equatable {
    /// Share of pixels clearly darker than the paper (0…1).
    public var inkShare: Double
    /// Mean of each pixel's spread between its channels (0…255): 0 for a grey page, tens for tinted paper.
    public var meanChroma: Double
    /// The page's grey levels on a coarse grid, normalised (mean 0, deviation 1), for `similarity`.
    public var fingerprint: [Float]

    /// Below this share of ink a page is blank: paper, shading and specks only (a line of text is ~0.5 %).
    public static let blankBelow = 0.0005
    /// Below this mean chroma a page has no colour: scanned in grey (JPEG noise stays under 1).
    public static let greyBelow = 2.0
    /// Consecutive pages this similar are one page scanned twice (different pages of text stay under 0.3).
    public static let doubledFrom: Float = 0.9
    /// How far below the paper a pixel must be to count as ink, in grey levels.
    static let inkContrast = 60
    static let gridWidth = 48, gridHeight = 68

    public var isBlank: Bool { inkShare < Self.blankBelow }
    public var hasColour: Bool { meanChroma >= Self.greyBelow }

    public init(inkShare: Double, meanChroma: Double, fingerprint: [Float]) {
        self.inkShare = inkShare; self.meanChroma = meanChroma; self.fingerprint = fingerprint
    }

    public init(_ sample: PixelSample) {
        let n = sample.width * sample.height
        guard n > 0 else {
            self.init(inkShare: 0, meanChroma: 0, fingerprint: [])
            return
        }
        var grey = [UInt8](repeating: 0, count: n)
        var histogram = [Int](repeating: 0, count: 256)
        var chroma = 0
        sample.rgb.withUnsafeBufferPointer { p in
            for i in 0..<n {
                let r = Int(p[3 * i]), g = Int(p[3 * i + 1]), b = Int(p[3 * i + 2])
                let v = (299 * r + 587 * g + 114 * b) / 1000
                grey[i] = UInt8(v)
                histogram[v] += 1
                chroma += max(r, g, b) - min(r, g, b)
            }
        }
        // The paper's level: the 75th percentile of grey (most of a page is paper).
        var seen = 0, paper = 255
        for level in 0..<256 {
            seen += histogram[level]
            if seen * 4 >= n * 3 { paper = level; break }
        }
        let inkBelow = paper - Self.inkContrast
        let ink = inkBelow > 0 ? histogram[0..<inkBelow].reduce(0, +) : 0
        self.init(inkShare: Double(ink) / Double(n), meanChroma: Double(chroma) / Double(n),
                  fingerprint: Self.fingerprint(grey, width: sample.width, height: sample.height))
    }

    /// Block means of grey on a `gridWidth` × `gridHeight` grid, normalised; empty when the page is uniform.
    static func fingerprint(_ grey: [UInt8], width: Int, height: Int) -> [Float] {
        guard width >= gridWidth, height >= gridHeight else { return [] }
        let gw = gridWidth, gh = gridHeight
        var sums = [Double](repeating: 0, count: gw * gh), counts = [Int](repeating: 0, count: gw * gh)
        for y in 0..<height {
            let cy = y * gh / height
            for x in 0..<width {
                let cell = cy * gw + x * gw / width
                sums[cell] += Double(grey[y * width + x])
                counts[cell] += 1
            }
        }
        let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : 0 }
        let mean = means.reduce(0, +) / Double(means.count)
        let deviation = (means.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(means.count)).squareRoot()
        guard deviation > 0.5 else { return [] }
        return means.map { Float(($0 - mean) / deviation) }
    }

    /// The correlation of two pages' fingerprints (−1…1), the best of the two placed up to `maxShift` cells apart
    /// either way (a page fed again lies a few millimetres off); 0 when either is uniform or their grids differ.
    public func similarity(to other: PageMeasures) -> Float {
        guard !fingerprint.isEmpty, fingerprint.count == other.fingerprint.count else { return 0 }
        let w = Self.gridWidth, h = fingerprint.count / Self.gridWidth
        guard w * h == fingerprint.count else { return 0 }
        var best: Float = -1
        for dy in -Self.maxShift...Self.maxShift {
            for dx in -Self.maxShift...Self.maxShift {
                var sum: Float = 0, count = 0
                for y in max(0, -dy)..<min(h, h - dy) {
                    let row = y * w, shifted = (y + dy) * w
                    for x in max(0, -dx)..<min(w, w - dx) {
                        sum += fingerprint[row + x] * other.fingerprint[shifted + x + dx]
                        count += 1
                    }
                }
                if count > 0 { best = max(best, sum / Float(count)) }
            }
        }
        return best
    }

    /// How many grid cells (about 4 mm on A4) two fingerprints are moved against each other to compare them.
    static let maxShift = 2
}
