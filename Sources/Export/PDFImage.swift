import Foundation
import OCR

/// An image ready to be placed in a PDF: the encoded bytes and the image dictionary entries.
public struct PDFImage: Sendable {
    public var width: Int
    public var height: Int
    /// Bytes of the image stream, already encoded (JPEG for DCTDecode, zlib for FlateDecode).
    public var data: Data
    /// Entries of the image dictionary other than `/Type /Subtype /Width /Height /Length`.
    var entries: String

    /// A JPEG file embedded as it is (DCTDecode): grey or RGB, baseline or progressive.
    public static func jpeg(_ data: Data) throws -> PDFImage {
        let b = [UInt8](data)
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { throw PDFExportError.image("không phải JPEG") }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { throw PDFExportError.image("JPEG hỏng") }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC).
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard [0xC0, 0xC1, 0xC2].contains(marker) else { throw PDFExportError.image("kiểu nén JPEG không hỗ trợ") }
                let bits = Int(b[i + 4])
                let height = Int(b[i + 5]) << 8 | Int(b[i + 6])
                let width = Int(b[i + 7]) << 8 | Int(b[i + 8])
                let components = Int(b[i + 9])
                guard bits == 8, width > 0, height > 0 else { throw PDFExportError.image("JPEG không hỗ trợ") }
                let space: String
                switch components {
                case 1: space = "/DeviceGray"
                case 3: space = "/DeviceRGB"
                default: throw PDFExportError.image("JPEG có \(components) kênh màu")
                }
                return PDFImage(width: width, height: height, data: data,
                                entries: "/ColorSpace \(space) /BitsPerComponent 8 /Filter /DCTDecode")
            }
            i += 2 + length
        }
        throw PDFExportError.image("JPEG không có khung ảnh")
    }

    /// A PNG file (non-interlaced, no alpha) embedded without decoding: its zlib data goes into a
    /// FlateDecode stream with the PNG predictor. Lossless; used for 1-bit and palette pages.
    public static func png(_ data: Data) throws -> PDFImage {
        let b = [UInt8](data)
        guard b.count > 33, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw PDFExportError.image("không phải PNG")
        }
        func be32(_ at: Int) -> Int { Int(b[at]) << 24 | Int(b[at + 1]) << 16 | Int(b[at + 2]) << 8 | Int(b[at + 3]) }
        var i = 8
        var width = 0, height = 0, depth = 0, colorType = -1, interlace = 0
        var palette: [UInt8] = []
        var idat = Data()
        while i + 8 <= b.count {
            let length = be32(i)
            let type = String(decoding: b[(i + 4)..<(i + 8)], as: UTF8.self)
            let start = i + 8
            guard length >= 0, start + length <= b.count else { throw PDFExportError.image("PNG bị cắt cụt") }
            switch type {
            case "IHDR":
                guard length >= 13 else { throw PDFExportError.image("PNG hỏng") }
                width = be32(start); height = be32(start + 4)
                depth = Int(b[start + 8]); colorType = Int(b[start + 9]); interlace = Int(b[start + 12])
            case "PLTE": palette = Array(b[start..<(start + length)])
            case "IDAT": idat.append(contentsOf: b[start..<(start + length)])
            default: break
            }
            if type == "IEND" { break }
            i = start + length + 4
        }
        guard width > 0, height > 0, !idat.isEmpty else { throw PDFExportError.image("PNG hỏng") }
        guard interlace == 0 else { throw PDFExportError.image("PNG xen kẽ không hỗ trợ") }
        let colors: Int, space: String
        switch colorType {
        case 0: colors = 1; space = "/DeviceGray"
        case 2: colors = 3; space = "/DeviceRGB"
        case 3:
            guard !palette.isEmpty, palette.count % 3 == 0 else { throw PDFExportError.image("PNG thiếu bảng màu") }
            colors = 1
            space = "[/Indexed /DeviceRGB \(palette.count / 3 - 1) <\(PDFSyntax.hex(Data(palette)))>]"
        default: throw PDFExportError.image("PNG có kênh trong suốt")
        }
        return PDFImage(width: width, height: height, data: idat,
                        entries: "/ColorSpace \(space) /BitsPerComponent \(depth) /Filter /FlateDecode "
                            + "/DecodeParms << /Predictor 15 /Colors \(colors) /BitsPerComponent \(depth) /Columns \(width) >>")
    }

    /// Encodes a page image at its own resolution: bilevel and palette images losslessly (Flate),
    /// grey and colour as JPEG.
    public static func encode(_ image: PageImage, jpegQuality: Int = 85) throws -> PDFImage {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("hoso-pdf-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: tmp.appendingPathExtension("png"))
            try? FileManager.default.removeItem(at: tmp.appendingPathExtension("jpg"))
        }
        if image.depth < 8 {
            let url = tmp.appendingPathExtension("png")
            try image.writePNG(to: url)
            if let png = try? PDFImage.png(Data(contentsOf: url)) { return png }
        }
        let url = tmp.appendingPathExtension("jpg")
        try image.writeJPEG(to: url, quality: jpegQuality)
        return try PDFImage.jpeg(Data(contentsOf: url))
    }
}
