import Access
import ArgumentParser
import Catalogue
import DataFolder
import Export
import Foundation
import Search

extension CopyKind: ExpressibleByArgument {}

/// `hoso copy`: cấp bản sao (TT 05/2025, Điều 37, 40–42) of a document or a whole hồ sơ for a requester, as a
/// PDF with the marks of its kind, or (OUT ending in `.zip`) a DIP; recorded in the audit log.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Cấp bản sao (bản đọc, bản sao không xác thực, bản sao có xác thực) hoặc gói DIP của một tài liệu hay một hồ sơ.",
        discussion: """
            hoso copy --data DIR --role staff --ho-ten "Nguyễn Văn A" MÃ_TÀI_LIỆU|MÃ_HỒ_SƠ TỆP.pdf
            hoso copy --data DIR --role staff --ho-ten … --cccd … --dia-chi … --muc-dich … MÃ TỆP.zip   (gói DIP)
            --loai ban-doc: tên cơ quan lưu trữ ở giữa chân mọi trang; ban-sao (mặc định): thêm chữ BẢN SAO ở góc
            trên bên phải trang đầu; ban-sao-xac-thuc: bản sao được ký bằng lệnh HOSO_SIGN_COMMAND (hoso thêm đường
            dẫn tệp chưa ký và tệp đã ký vào cuối lệnh). Chỉ vai trò staff và secret được cấp bản sao.
            Tên cơ quan lưu trữ: --ten-co-quan hoặc HOSO_ARCHIVE_NAME (mặc định "\(CopySettings.defaultArchiveName)").
            """)

    @OptionGroup var options: DataOptions
    @Option(help: "Vai trò: public, staff, secret (chỉ staff và secret được cấp bản sao).")
    var role: Role = .public
    @Option(help: "Hình thức: ban-doc, ban-sao, ban-sao-xac-thuc.")
    var loai: CopyKind = .copy
    @Option(name: .customLong("ho-ten"), help: "Họ và tên người yêu cầu.")
    var fullName: String
    @Option(help: "Số CCCD (12 chữ số) hoặc CMND (9) của người yêu cầu.")
    var cccd = ""
    @Option(name: .customLong("dia-chi"), help: "Địa chỉ người yêu cầu.")
    var address = ""
    @Option(name: .customLong("muc-dich"), help: "Mục đích sử dụng.")
    var purpose = ""
    @Option(help: "Ngày yêu cầu DD/MM/YYYY (mặc định: hôm nay).")
    var ngay: String?
    @Option(name: .customLong("ten-co-quan"), help: "Tên cơ quan lưu trữ in ở chân trang (mặc định: HOSO_ARCHIVE_NAME).")
    var archiveName: String?
    @Argument(help: "Mã tài liệu hoặc Mã hồ sơ.")
    var id: String
    @Argument(help: "Tệp kết quả: .pdf (bản sao) hoặc .zip (gói DIP).")
    var out: String

    func run() async throws {
        let archive = try Archive(data: options.directory())
        var settings = CopySettings.fromEnvironment()
        if let archiveName { settings = CopySettings(archiveName: archiveName, fontPath: settings.fontPath, signCommand: settings.signCommand) }
        let request = CopyRequest(fullName: fullName, citizenID: cccd, address: address, purpose: purpose, item: id, kind: loai,
                                  date: ngay ?? CopyRequest.today())
        let caller = Caller.commandLine(role: role)
        let url = URL(fileURLWithPath: out)
        let data: Data
        if url.pathExtension.lowercased() == "zip" {
            let dip = try archive.dip(request, by: caller, settings: settings)
            data = dip.zip
            printError("Gói DIP \(dip.root): \(dip.documentIDs.count) tài liệu (\(loai.label)) cho \(request.fullName) → \(url.path)")
        } else {
            let copy = try archive.userCopy(request, by: caller, settings: settings)
            data = copy.pdf
            printError("\(loai.label.prefix(1).uppercased() + loai.label.dropFirst()) \(id): \(copy.documentIDs.count) tài liệu "
                       + "cho \(request.fullName) → \(url.path)")
        }
        do { try data.write(to: url, options: .atomic) } catch { throw HosoError(.usage, "Không ghi được tệp \(url.path)") }
    }
}
