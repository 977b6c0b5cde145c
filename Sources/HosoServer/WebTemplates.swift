import Catalogue
import Foundation
import Search
import SearchIndex

/// HTML of the web pages. Every value from data or the user goes through `e()` (HTML escaping).
enum WebTemplates {
    static func e(_ s: String) -> String { PageMatcher.escape(s) }

    static func url(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&+=?#"))) ?? ""
    }

    /// A page of the site; `head` is added to its head (a refresh while a check runs).
    static func layout(title: String, body: String, head: String = "") -> String {
        """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title)) — hoso</title><link rel="stylesheet" href="/static/hoso.css">\(head)</head>
        <body><header><a class="brand" href="/">hoso</a><span class="tag">Tra cứu tài liệu lưu trữ</span>
        <nav><a href="/" accesskey="s">Tìm kiếm</a><a href="/tra-cuu" accesskey="t">Tra cứu nhanh</a><a href="/dang-nhap">Đăng nhập</a></nav></header>
        <main>\(body)</main>
        <footer>hoso · tài liệu số hóa theo Thông tư 05/2025/TT-BNV</footer></body></html>
        """
    }

    static func searchBox(_ q: String, autofocus: Bool = true) -> String {
        """
        <form class="search" action="/" method="get" role="search">
        <label for="q" class="sr">Từ khóa</label>
        <input id="q" name="q" type="search" value="\(e(q))" placeholder="Ví dụ: quyết định thu hồi đất, nguyen van hung thua 305, 1605/QĐ-UBND" \(autofocus ? "autofocus" : "") maxlength="1000">
        <button type="submit">Tìm</button></form>
        """
    }

    /// One line saying how the query was read: raw keys as their syllables, spoken words also as the terms of
    /// the records, near spellings, and the words left out (no document the role may see holds them).
    static func understoodLine(_ result: SearchResult) -> String? {
        var parts: [String] = []
        if let decoded = result.decoded, !decoded.isEmpty {
            parts.append("đã đọc phím gõ " + decoded.map { "«\($0.typed)» là «\($0.read)»" }.joined(separator: ", "))
        }
        let leftOut = result.leftOut ?? []
        for x in result.expanded ?? [] where !leftOut.contains(x.typed) {
            let to = x.to.map { "«\($0)»" }.joined(separator: ", ")
            parts.append(x.by == "spoken" ? "«\(x.typed)» tìm cả \(to)" : "«\(x.typed)» tìm gần đúng \(to)")
        }
        if !leftOut.isEmpty {
            parts.append("không tài liệu nào có " + leftOut.map { "«\($0)»" }.joined(separator: ", ") + " nên đã tìm theo các từ còn lại")
        }
        guard !parts.isEmpty else { return nil }
        let line = parts.joined(separator: "; ") + "."
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    static let facetNames: [(key: String, param: String, label: String)] = [
        ("type", "loai", "Loại văn bản"), ("year", "from", "Năm"), ("issuer", "coquan", "Cơ quan ban hành"),
        ("fonds", "phong", "Phông"), ("retention", "thoihan", "Thời hạn lưu trữ"),
    ]

    static func searchPage(spec: SearchRequestSpec, result: SearchResult?, role: Role, error: String?) -> String {
        var body = searchBox(spec.query)
        if let error { body += "<p class=\"error\" role=\"alert\">\(e(error))</p>" }
        guard let result else {
            body += "<p class=\"hint\">Gõ có dấu hoặc không dấu đều được. Có thể dùng: <code>\"cụm từ\"</code>, <code>-từ</code>, <code>so:1605/QĐ-UBND</code>, <code>loai:quyết định</code>, <code>nam:2010..2015</code>, <code>thua:305 to:80</code>.</p>"
            return layout(title: "Tìm kiếm", body: body)
        }
        if let suggestion = result.suggestion {
            body += "<p class=\"suggest\">Có phải bạn muốn tìm: <a href=\"/?q=\(url(suggestion))\">\(e(suggestion))</a></p>"
        }
        if result.relaxed { body += "<p class=\"hint\">Không có tài liệu chứa đủ mọi từ; đang hiện các tài liệu chứa một phần.</p>" }
        if let line = understoodLine(result) { body += "<p class=\"hint understood\">\(e(line))</p>" }
        body += "<div class=\"results\"><aside class=\"facets\" aria-label=\"Bộ lọc\">"
        let base = "/?q=\(url(spec.query))"
        for facet in facetNames {
            guard let values = result.facets?[facet.key], !values.isEmpty else { continue }
            body += "<h3>\(facet.label)</h3><ul>"
            for v in values.prefix(12) {
                let link = facet.key == "year" ? "\(base)\(filterParameters(spec.filters))&from=\(url(v.value))&to=\(url(v.value))"
                    : "\(base)\(filterParameters(spec.filters))&\(facet.param)=\(url(v.value))"
                body += "<li><a href=\"\(link)\">\(e(v.label ?? v.value))</a> <span class=\"count\">\(v.count)</span></li>"
            }
            body += "</ul>"
        }
        if !spec.filters.isEmpty { body += "<p><a href=\"\(base)\">Bỏ bộ lọc</a></p>" }
        let current = base + filterParameters(spec.filters)
        body += "</aside><section aria-label=\"Kết quả\"><p class=\"total\">\(result.total) tài liệu</p><ol class=\"hits\" start=\"\(spec.offset + 1)\">"
        for hit in result.hits {
            let pages = hit.pages.prefix(8).map(String.init).joined(separator: ", ")
            let meta = [hit.number.map { "Số: \($0)" }, hit.date, hit.issuer].compactMap { $0 }.map(e).joined(separator: " · ")
            let first = hit.pages.first ?? 1
            body += """
            <li><a class="title" href="/tai-lieu/\(url(hit.id))?trang=\(first)&q=\(url(spec.query))">\(e(hit.title))</a>
            <div class="meta">\(e(hit.id)) · \(meta)</div>
            <p class="snippet">\(hit.snippetHTML)</p>
            \(pages.isEmpty ? "" : "<div class=\"pages\">Trang: \(pages)</div>")</li>
            """
        }
        body += "</ol>"
        if spec.offset + spec.limit < result.total {
            body += "<a class=\"more\" href=\"\(current)&offset=\(spec.offset + spec.limit)\">Trang sau →</a>"
        }
        body += "</section></div>"
        return layout(title: spec.query, body: body)
    }

    /// The filters as query-string parameters (`&loai=…&from=…`), to keep them across links.
    static func filterParameters(_ f: SearchFilters) -> String {
        let pairs: [(String, [String])] = [("from", f.yearFrom.map { [String($0)] } ?? []), ("to", f.yearTo.map { [String($0)] } ?? []),
                                           ("loai", f.documentTypes), ("coquan", f.issuers), ("phong", f.fonds),
                                           ("thoihan", f.retention), ("hoso", f.fileIDs)]
        return pairs.flatMap { k, values in values.map { "&\(k)=\(url($0))" } }.joined()
    }

    static func viewer(view: DocumentView, page: Int, query: String, highlights: PageHighlights?, text: String,
                       role: Role = .public) -> String {
        let d = view.document
        let id = url(d.id)
        let q = url(query)
        var nav = "<nav class=\"pagenav\" aria-label=\"Trang\">"
        if page > 1 { nav += "<a rel=\"prev\" accesskey=\"p\" href=\"/tai-lieu/\(id)?trang=\(page - 1)&q=\(q)\">← Trang trước</a>" }
        nav += "<span>Trang \(page)/\(max(view.pages.count, 1))</span>"
        if page < view.pages.count { nav += "<a rel=\"next\" accesskey=\"n\" href=\"/tai-lieu/\(id)?trang=\(page + 1)&q=\(q)\">Trang sau →</a>" }
        nav += "</nav>"
        var boxes = ""
        if let h = highlights, h.width > 0, h.height > 0 {
            for b in h.boxes {
                let l = Double(b.x) * 100 / Double(h.width), t = Double(b.y) * 100 / Double(h.height)
                let w = Double(b.width) * 100 / Double(h.width), hh = Double(b.height) * 100 / Double(h.height)
                boxes += "<span class=\"box\" style=\"left:\(fmt(l))%;top:\(fmt(t))%;width:\(fmt(w))%;height:\(fmt(hh))%\" title=\"\(e(b.word))\"></span>"
            }
        }
        func row(_ k: String, _ v: String?) -> String {
            guard let v, !v.isEmpty else { return "" }
            return "<tr><th>\(e(k))</th><td>\(e(v))</td></tr>"
        }
        var meta = "<table class=\"metadata\"><caption>Tài liệu</caption>"
        meta += row("Mã tài liệu", d.id) + row("Tên loại văn bản", d.type) + row("Số, ký hiệu", d.numberSymbol)
        meta += row("Ngày văn bản", d.date?.display) + row("Cơ quan ban hành", d.issuer) + row("Trích yếu nội dung", d.summary)
        meta += row("Người ký", d.signer) + row("Chế độ sử dụng", view.access)
        // TT 05 codes are kept as codes and shown by their names.
        func named(_ column: String, _ value: String?) -> String {
            row(column, value.map { v in FieldCode.table(forColumn: column).map { FieldCode.label(v, in: $0) } ?? v })
        }
        for column in [Column.language, Column.physicalState, Column.reliability] { meta += named(column, d.fields[column]) }
        for (k, v) in d.extra.sorted(by: { $0.key < $1.key }) { meta += row(k, v) }
        meta += "</table><table class=\"metadata\"><caption>Hồ sơ</caption>"
        meta += row("Mã hồ sơ", view.file.id) + row("Tiêu đề hồ sơ", view.file.title) + row("Tên phông", view.file.fonds)
        meta += named(Column.retention, view.file.retention)
        for (k, v) in view.file.extra.sorted(by: { $0.key < $1.key }) { meta += row(k, v) }
        meta += "</table><nav class=\"neighbours\">"
        if let p = view.previous { meta += "<a href=\"/tai-lieu/\(url(p.id))\">← \(e(p.title))</a>" }
        if let n = view.next { meta += "<a href=\"/tai-lieu/\(url(n.id))\">\(e(n.title)) →</a>" }
        meta += "</nav>"
        let image = view.pages.isEmpty ? "<p>Tài liệu chưa có trang nào.</p>" :
            "<div class=\"page\"><img src=\"/api/documents/\(id)/pages/\(page)/image\" alt=\"Ảnh trang \(page) của \(e(d.id))\">\(boxes)</div>"
        let body = """
        \(searchBox(query, autofocus: false))
        <h1>\(e(d.title))</h1>\(nav)
        <div class="viewer">\(image)
        <section class="side">\(copyForm(document: d, role: role))<h2>Văn bản nhận dạng</h2><pre class="ocr">\(e(text))</pre>\(meta)</section></div>
        """
        return layout(title: d.title, body: body)
    }

    static func fmt(_ v: Double) -> String { String(format: "%.3f", v) }

    static func lookupPage() -> String {
        let body = """
        <h1>Tra cứu nhanh tại bộ phận một cửa</h1>
        <p class="hint">Gõ có dấu hoặc không dấu đều được. Chỉ cần điền ô nào biết.</p>
        <div class="lookup">
        <form action="/" method="get" class="quick" id="dat"><h2>Đất đai</h2>
        <input type="hidden" name="mau" value="dat">
        <label>Chủ sử dụng <input name="ten" placeholder="nguyen van hung" autofocus></label>
        <label>Thửa đất số <input name="thua" inputmode="numeric" placeholder="305"></label>
        <label>Tờ bản đồ số <input name="tobando" inputmode="numeric" placeholder="80"></label>
        <label>Xã, phường <input name="xa" placeholder="Ea Kly"></label>
        <button>Tìm hồ sơ đất</button></form>
        <form action="/" method="get" class="quick" id="nhansu"><h2>Nhân sự</h2>
        <input type="hidden" name="mau" value="nhansu">
        <label>Họ tên <input name="ten" placeholder="tran thi hoa"></label>
        <label>Nội dung <input name="them" placeholder="bổ nhiệm, nâng lương"></label>
        <label>Từ năm <input name="from" inputmode="numeric" size="4"></label><label>đến năm <input name="to" inputmode="numeric" size="4"></label>
        <button>Tìm hồ sơ nhân sự</button></form>
        <form action="/" method="get" class="quick" id="khieunai"><h2>Khiếu nại, tiếp công dân</h2>
        <input type="hidden" name="mau" value="khieunai">
        <label>Người khiếu nại <input name="ten" placeholder="y bih nie"></label>
        <label>Nội dung <input name="them" placeholder="khiếu nại, tiếp công dân"></label>
        <label>Năm <input name="from" inputmode="numeric" size="4"></label>
        <button>Tìm hồ sơ khiếu nại</button></form>
        </div>
        """
        return layout(title: "Tra cứu nhanh", body: body)
    }

    static func loginPage(error: String?) -> String {
        let body = """
        <h1>Đăng nhập bằng mã truy cập</h1>
        \(error.map { "<p class=\"error\" role=\"alert\">\(e($0))</p>" } ?? "")
        <form method="post" action="/dang-nhap"><label>Mã truy cập <input name="token" type="password" autocomplete="off" autofocus></label>
        <button>Đăng nhập</button></form>
        <p class="hint">Không có mã: chỉ xem tài liệu công khai. Để trống và bấm Đăng nhập để đăng xuất.</p>
        """
        return layout(title: "Đăng nhập", body: body)
    }

    static func errorPage(_ message: String) -> String {
        layout(title: "Lỗi", body: "\(searchBox("", autofocus: true))<p class=\"error\" role=\"alert\">\(e(message))</p>")
    }

    static let css = """
    *{box-sizing:border-box}body{margin:0;font:16px/1.45 "Noto Sans","DejaVu Sans",Arial,sans-serif;color:#1d2330;background:#f6f5f1}
    header{display:flex;gap:1em;align-items:center;padding:.6em 1em;background:#7a1f1f;color:#fff}header a{color:#fff}
    .brand{font-weight:700;font-size:1.3em;text-decoration:none}.tag{opacity:.85}header nav{margin-left:auto;display:flex;gap:1em}
    main{max-width:1200px;margin:0 auto;padding:1em}footer{text-align:center;color:#666;font-size:.85em;padding:2em}
    .search{display:flex;gap:.5em;margin:.5em 0 1em}.search input{flex:1;font-size:1.1em;padding:.5em;border:2px solid #7a1f1f;border-radius:4px}
    button{font-size:1em;padding:.5em 1.2em;background:#7a1f1f;color:#fff;border:0;border-radius:4px;cursor:pointer}
    button:focus,a:focus,input:focus{outline:3px solid #f2b01e}
    .results{display:grid;grid-template-columns:220px 1fr;gap:1.5em}.facets h3{font-size:.95em;margin:1em 0 .3em}
    .facets ul{list-style:none;padding:0;margin:0}.count{color:#666;font-size:.85em}
    .hits li{margin-bottom:1.1em}.title{font-size:1.1em;font-weight:600}.meta{color:#555;font-size:.9em}
    .snippet{margin:.2em 0}mark{background:#ffe27a;padding:0 1px}.pages{font-size:.85em;color:#555}
    .error{color:#a40000;font-weight:600}.hint{color:#555}.suggest{font-size:1.05em}
    .viewer{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1em;align-items:start}
    .page{position:relative;border:1px solid #ccc;background:#fff}.page img{width:100%;display:block}
    .box{position:absolute;border:2px solid #e00;background:rgba(255,220,0,.25)}
    .ocr{white-space:pre-wrap;font:14px/1.4 "Noto Serif","DejaVu Serif",serif;background:#fff;border:1px solid #ddd;padding:.6em;max-height:60vh;overflow:auto}
    .metadata{border-collapse:collapse;width:100%;margin:1em 0}.metadata caption{text-align:left;font-weight:700}
    .metadata th{text-align:left;width:40%;vertical-align:top;color:#444}.metadata th,.metadata td{border-bottom:1px solid #ddd;padding:.25em}
    .pagenav,.neighbours{display:flex;gap:1em;align-items:center;margin:.5em 0}
    .lookup{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:1em}
    .quick{background:#fff;border:1px solid #ddd;padding:1em;border-radius:6px}.quick label{display:block;margin:.4em 0}
    .quick input{width:100%;padding:.4em;font-size:1em}.quick input[type=radio],.quick input[type=checkbox]{width:auto}
    .copy summary{font-weight:700;cursor:pointer}.copy fieldset{border:1px solid #ddd;margin:.4em 0}.sr{position:absolute;left:-9999px}
    @media (max-width:800px){.results,.viewer{grid-template-columns:1fr}}
    """ + acceptanceCSS
}
