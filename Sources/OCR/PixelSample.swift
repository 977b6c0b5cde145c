import CTesseract
import Foundation

/// A page image's pixels reduced to a small RGB raster (3 bytes a pixel, rows top to bottom), for measuring a
/// page as a whole: how uniform it is, whether it has colour, how it compares with another page.
public struct PixelSample: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// R, G, B of each pixel, row by row.
    public var rgb: [UInt8]

    public init(width: Int, height: Int, rgb: [UInt8]) {
        self.width = width; self.height = height; self.rgb = rgb
    }
}

extension PageImage {
    /// The image averaged down (area mapping) to at most `maxWidth` pixels across, any depth or palette as RGB.
    public func sample(maxWidth: Int) throws -> PixelSample {
        guard let rgb32 = pixConvertTo32(pix) else { throw OCREngineError(reason: "Không chuyển được ảnh trang sang RGB") }
        var full: UnsafeMutablePointer<PIX>? = rgb32
        defer { pixDestroy(&full) }
        var scaled: UnsafeMutablePointer<PIX>? = rgb32
        let w = Int(pixGetWidth(rgb32))
        if w > maxWidth {
            let factor = Float(maxWidth) / Float(w)
            guard let s = pixScaleAreaMap(rgb32, factor, factor) else { throw OCREngineError(reason: "Không thu nhỏ được ảnh trang") }
            scaled = s
        }
        defer { if scaled != full { pixDestroy(&scaled) } }
        guard let image = scaled else { throw OCREngineError(reason: "Không thu nhỏ được ảnh trang") }
        let width = Int(pixGetWidth(image)), height = Int(pixGetHeight(image)), wpl = Int(pixGetWpl(image))
        guard let data = pixGetData(image) else { throw OCREngineError(reason: "Ảnh trang không có dữ liệu") }
        var out = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let line = data + y * wpl
            for x in 0..<width {
                // Leptonica's 32-bit pixel: red in the most significant byte, then green, blue.
                let v = line[x], i = 3 * (y * width + x)
                out[i] = UInt8(truncatingIfNeeded: v >> 24)
                out[i + 1] = UInt8(truncatingIfNeeded: v >> 16)
                out[i + 2] = UInt8(truncatingIfNeeded: v >> 8)
            }
        }
        return PixelSample(width: width, height: height, rgb: out)
    }
}
