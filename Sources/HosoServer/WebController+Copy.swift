import Access
import Catalogue
import DataFolder
import Export
import Foundation
import Hummingbird
import Search

/// The viewer's "Cấp bản sao" action: `POST /tai-lieu/{id}/ban-sao` with the request form (hình thức, cả hồ sơ
/// or the document, the requester's fields). A bản đọc is served inline (read in the browser, not offered as
/// a download, not cached); a bản sao and a DIP as a download. Only `staff` and `secret` callers: `public`
/// gets 403; a document the role may not see is 404, as an unknown one.
extension WebController {
    /// The archive's copy settings: `HOSO_ARCHIVE_NAME`, `HOSO_COPY_FONT`, `HOSO_SIGN_COMMAND`.
    static let copySettings = CopySettings.fromEnvironment()

    @Sendable func copy(_ request: Request, context: HosoRequestContext) async throws -> Response {
        let caller = context.caller
        let id = try HTTPHelpers.documentID(context)
        guard CopyKind.allowed(caller.role) else {
            return Self.html(WebTemplates.errorPage("Chỉ cán bộ lưu trữ (vai trò staff hoặc secret) được cấp bản sao. Hãy đăng nhập."),
                             status: .forbidden)
        }
        let body = try await request.body.collect(upTo: 16 * 1024)
        let form = FormDecoding.parameters(String(buffer: body))
        func field(_ key: String) -> String { form.last { $0.key == key }.map { String($0.value) } ?? "" }
        let kindName = field("loai")
        let dip = kindName == "dip"
        guard let kind = dip ? CopyKind.copy : CopyKind(rawValue: kindName) else {
            throw HosoError(.usage, "Hình thức bản sao không đúng: chọn bản đọc, bản sao, bản sao có xác thực hoặc gói DIP")
        }
        let document = try archive.visibleDocument(id, role: caller.role)
        let item = field("pham_vi") == "ho-so" ? document.fileID : id
        let copyRequest = CopyRequest(fullName: field("ho_ten"), citizenID: field("cccd"), address: field("dia_chi"),
                                      purpose: field("muc_dich"), item: item, kind: kind)
        let archive = self.archive
        let settings = Self.copySettings
        let (bytes, name, type): (Data, String, String) = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result {
                    if dip {
                        let package = try archive.dip(copyRequest, by: caller, settings: settings)
                        return (package.zip, "\(package.root).zip", "application/zip")
                    }
                    let copy = try archive.userCopy(copyRequest, by: caller, settings: settings)
                    return (copy.pdf, copy.fileName, "application/pdf")
                })
            }
        }
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.contentDisposition] = (kind == .reading && !dip ? "inline" : "attachment") + "; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension WebTemplates {
    /// The "Cấp bản sao" form of the viewer, for a role that may hand out copies.
    static func copyForm(document: Document, role: Role) -> String {
        guard CopyKind.allowed(role) else { return "" }
        return """
        <details class="copy" id="cap-ban-sao" open><summary>Cấp bản sao</summary>
        <form method="post" action="/tai-lieu/\(url(document.id))/ban-sao" class="quick">
        <fieldset><legend>Hình thức</legend>
        <label><input type="radio" name="loai" value="ban-doc"> Bản đọc (đọc trên hệ thống)</label>
        <label><input type="radio" name="loai" value="ban-sao" checked> Bản sao không xác thực</label>
        <label><input type="radio" name="loai" value="ban-sao-xac-thuc"> Bản sao có xác thực (ký số)</label>
        <label><input type="radio" name="loai" value="dip"> Gói thông tin truy cập (DIP)</label>
        </fieldset>
        <label><input type="checkbox" name="pham_vi" value="ho-so"> Cả hồ sơ \(e(document.fileID))</label>
        <label>Họ và tên người yêu cầu <input name="ho_ten" required autocomplete="off"></label>
        <label>Số CCCD <input name="cccd" inputmode="numeric" pattern="[0-9]{9}|[0-9]{12}" autocomplete="off"></label>
        <label>Địa chỉ <input name="dia_chi" autocomplete="off"></label>
        <label>Mục đích sử dụng <input name="muc_dich" autocomplete="off"></label>
        <button>Cấp bản sao</button>
        <p class="hint">Mỗi bản sao được ghi vào nhật ký truy cập: người cấp, người yêu cầu, tài liệu, hình thức.</p>
        </form></details>
        """
    }
}
