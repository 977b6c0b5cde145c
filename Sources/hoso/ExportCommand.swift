import ArgumentParser
import Catalogue
import DataFolder
import Export
import Foundation
import Search

/// `hoso export`: PDF hai lớp (two-layer PDF/A-2b) of one document, of a file (hồ sơ) or of everything.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất PDF hai lớp (ảnh quét + lớp chữ ẩn, PDF/A-2b) của một tài liệu, một hồ sơ hoặc toàn bộ.",
        discussion: """
            hoso export --data DIR [--role R] MÃ_TÀI_LIỆU TỆP.pdf
            hoso export --data DIR [--role R] --file MÃ_HỒ_SƠ THƯ_MỤC
            hoso export --data DIR [--role R] --all THƯ_MỤC
            Mỗi tài liệu thành một tệp <mã tài liệu>.pdf trong THƯ_MỤC.
            """)

    @OptionGroup var options: DataOptions
    @Option(help: "Vai trò: public, staff, secret.")
    var role: Role = .public
    @Flag(help: "Xuất mọi tài liệu vai trò được xem vào THƯ_MỤC.")
    var all = false
    @Option(name: .customLong("file"), help: "Xuất mọi tài liệu của một hồ sơ (Mã hồ sơ) vào THƯ_MỤC.")
    var fileID: String?
    @Option(help: "Chất lượng JPEG của ảnh trang nén lại (1–100).")
    var quality = 85
    @Argument(help: "MÃ_TÀI_LIỆU TỆP.pdf, hoặc THƯ_MỤC với --all / --file.")
    var arguments: [String]

    func validate() throws {
        if all && fileID != nil { throw ValidationError("Chỉ dùng một trong --all và --file.") }
        if all || fileID != nil {
            guard arguments.count == 1 else { throw ValidationError("Với --all hoặc --file, chỉ cần THƯ_MỤC đích.") }
        } else {
            guard arguments.count == 2 else { throw ValidationError("Cần MÃ_TÀI_LIỆU và TỆP.pdf.") }
        }
        guard (1...100).contains(quality) else { throw ValidationError("--quality phải từ 1 đến 100.") }
    }

    func run() async throws {
        let archive = try Archive(data: options.directory())
        var opts = PDFExportOptions()
        opts.jpegQuality = quality
        guard all || fileID != nil else {
            let out = URL(fileURLWithPath: arguments[1])
            try archive.exportPDF(id: arguments[0], role: role, to: out, options: opts)
            printError("Đã xuất \(arguments[0]) → \(out.path)")
            return
        }
        let folder = URL(fileURLWithPath: arguments[0], isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw HosoError(.usage, "Không tạo được thư mục \(folder.path)")
        }
        let ids = try archive.exportableDocumentIDs(role: role, fileID: fileID)
        var done = 0, failed = 0
        for id in ids {
            do {
                try archive.exportPDF(id: id, role: role, to: folder.appendingPathComponent("\(id).pdf"), options: opts)
                done += 1
            } catch let e as HosoError {
                failed += 1
                printError("Bỏ qua \(id): \(e.message)")
            }
        }
        printError("Đã xuất \(done) tài liệu vào \(folder.path), bỏ qua \(failed).")
        if failed > 0 { throw Exit(code: 1) }
    }
}
