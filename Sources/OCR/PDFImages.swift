import Foundation

/// One image a PDF page draws, as `pdfimages -list` (poppler) reports it: its kind, pixel size, colour, bits and
/// resolution on the page.
public struct PDFImageInfo: Equatable, Sendable {
    /// `image` (a picture), `stencil` (a 1-bit mask painted in one colour: a mixed-raster page's print),
    /// `mask` or `smask` (the transparency of the image before it).
    public enum Kind: String, Sendable { case image, stencil, mask, smask }

    /// 1-based page.
    public var page: Int
    public var kind: Kind
    public var width: Int, height: Int
    /// `rgb`, `gray`, `cmyk`, `index`, `icc`, `lab`, `sep`, `devn`…, as poppler names the colour space.
    public var colour: String
    /// Colour components and bits per component.
    public var components: Int, bitsPerComponent: Int
    /// Pixels per inch as drawn on the page.
    public var xPPI: Int, yPPI: Int

    /// Bits per pixel: 24 for 8-bit RGB, 8 for grey, 1 for a bilevel mask.
    public var bitsPerPixel: Int { components * bitsPerComponent }
    public var ppi: Int { max(xPPI, yPPI) }

    /// The rows of `pdfimages -list` output: page num type width height color comp bpc enc interp object ID
    /// x-ppi y-ppi size ratio.
    public static func parse(list output: String) -> [PDFImageInfo] {
        output.split(separator: "\n").compactMap { line in
            let f = line.split(separator: " ", omittingEmptySubsequences: true)
            guard f.count >= 14, let page = Int(f[0]), let kind = Kind(rawValue: String(f[2])),
                  let w = Int(f[3]), let h = Int(f[4]), let comp = Int(f[6]), let bpc = Int(f[7]),
                  let xppi = Int(f[12]), let yppi = Int(f[13]) else { return nil }
            return PDFImageInfo(page: page, kind: kind, width: w, height: h, colour: String(f[5]), components: comp,
                                bitsPerComponent: bpc, xPPI: xppi, yPPI: yppi)
        }
    }
}

extension ScanReader {
    /// Every image the PDF at `url` draws, page by page (`pages` limits it to a range). Throws ScanError when
    /// poppler's `pdfimages` cannot read the file.
    public func images(of url: URL, pages: ClosedRange<Int>? = nil) throws -> [PDFImageInfo] {
        guard let images = try listImages(url, pages: pages) else {
            throw ScanError(file: url.path, page: pages?.lowerBound, reason: "pdfimages không đọc được ảnh của PDF")
        }
        return images
    }

    /// The images, or nil when `pdfimages` failed on the file; a tool that cannot start or runs too long throws.
    func listImages(_ url: URL, pages: ClosedRange<Int>?) throws -> [PDFImageInfo]? {
        var args = ["-list", url.path]
        if let pages { args = ["-f", "\(pages.lowerBound)", "-l", "\(pages.upperBound)"] + args }
        let out = try tool("pdfimages", args, url, pages?.lowerBound)
        guard out.status == 0 else { return nil }
        return PDFImageInfo.parse(list: String(decoding: out.stdout, as: UTF8.self))
    }
}
