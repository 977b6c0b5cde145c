import CTesseract
import Foundation

/// A mixed-raster page (TT 05/2025's two-layer scans: a 150 ppi colour background under 300 ppi 1-bit stencils) is
/// recognised from its stencils alone: they are the print and handwriting, already binarised by the scanner, and
/// drawing them costs a fraction of rendering the page (decoding and upscaling its background), while the seals,
/// signatures and paper tint of the background are left out. The stencils are measured at their own resolution
/// and scaled to the resolution the glyphs want.
extension ScanReader {
    /// Above this share of dark pixels, the background carries text of its own (an encoder that left print in
    /// it): the page is rendered whole instead. On the samples' and the bench's pages, backgrounds under stencils
    /// have at most 0.07 % of such pixels (signatures; red seals are light in red), single-image pages 5 to 7 %.
    static let backgroundInkLimit = 0.01

    /// The page's foreground sized for recognition, or nil when the page should be rendered whole: no stencils,
    /// text left in the background, a foreground without glyphs, a rotated page, or sizing switched off.
    func foregroundSized(_ number: Int, of document: PDFDocument, images: [PDFImageInfo]) throws -> PageImage? {
        guard let target = sizing.stencilGlyphHeight, OCRSwitches.isOn("foreground"),
              images.contains(where: { $0.kind == .stencil || $0.kind == .mask || $0.kind == .smask }) else { return nil }
        // Every image is decoded to tell the stencils from the background: each is checked before anything is.
        for image in images {
            try ScanFile.checkPixels(width: image.width, height: image.height, max: maxPixels, file: document.file, page: number)
        }
        let drawn: PDFForeground?
        do {
            drawn = try document.foreground(number, maxPixels: maxPixels)
        } catch is ScanError {
            // A rotated page, or images poppler-glib could not read: rendered whole, where damage is reported.
            return nil
        }
        guard let fg = drawn, fg.backgroundInk < Self.backgroundInkLimit else { return nil }
        let layout = PageLayout.measure(fg.image)
        let native = fg.image.resolution
        guard !layout.isBlank, let box = layout.contentBox(marginMillimetres: sizing.marginMillimetres, atResolution: native),
              let cut = fg.image.cropped(box) else { return nil }
        let dpi = layout.resolution(forGlyphHeight: target, within: sizing.resolutions, fallback: renderResolution)
        let k = Double(dpi) / Double(native)
        // To grey at the wanted resolution, smoothed and sharpened as pixScale does (measured better for Tesseract on
        // the bench pages than the plain share of ink under each pixel, pixScaleToGray: CER 2.8 % against 4.2 %).
        guard let p = pixConvert1To8(nil, cut.pix, 255, 0).flatMap({ g in
            defer { var d: UnsafeMutablePointer<PIX>? = g; pixDestroy(&d) }
            return pixScale(g, Float(k), Float(k))
        }) else {
            throw ScanError(file: document.file, page: number, reason: "Không đủ bộ nhớ để dựng ảnh trang")
        }
        let image = PageImage(taking: p)
        image.resolution = dpi
        let scaled = { (v: Int) in Int((Double(v) * k).rounded()) }
        let window = PageImage.Window(x: scaled(box.x0), y: scaled(box.y0), pageWidth: scaled(fg.image.width),
                                      pageHeight: scaled(fg.image.height))
        image.window = window
        // The crop as the rendering path records it: in pixels at the resolution recognised.
        image.origin = ["foreground:\(native)x\(fg.layers)", "scale:\(dpi)",
                        "crop:\(window.x),\(window.y),\(image.width),\(image.height)"]
        return image
    }
}
