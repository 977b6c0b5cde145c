import Search
/// The OpenAPI document served at `/openapi.yaml`; the tests check real responses against it.
enum OpenAPIDocument {
    static let yaml = """
    openapi: 3.0.3
    info:
      title: hoso
      version: "1.0"
      description: "Tìm kiếm toàn văn tài liệu lưu trữ số hóa. Vai trò lấy từ `Authorization: Bearer TOKEN`; không có thì là public."
    components:
      securitySchemes:
        bearer:
          type: http
          scheme: bearer
      schemas:
        Error:
          type: object
          required: [error]
          properties:
            error: {type: string}
        Hit:
          type: object
          required: [id, file, title, pages, snippet, score]
          properties:
            id: {type: string}
            file: {type: string}
            title: {type: string}
            pages: {type: array, items: {type: integer, minimum: 1}}
            snippet: {type: string}
            snippet_html: {type: string}
            score: {type: number, minimum: 0, maximum: 1}
            type: {type: string}
            number: {type: string}
            date: {type: string}
            issuer: {type: string}
        FacetValue:
          type: object
          required: [value, count]
          properties:
            value: {type: string}
            count: {type: integer, minimum: 0}
            label: {type: string}
        SearchResult:
          type: object
          required: [total, hits, relaxed]
          properties:
            total: {type: integer, minimum: 0}
            hits: {type: array, items: {$ref: '#/components/schemas/Hit'}}
            suggestion:
              type: string
              description: "Có phải bạn muốn tìm: câu tìm đã sửa (phím gõ đọc thành chữ, từ gõ sai thay bằng từ gần nhất trong tài liệu vai trò được xem); chỉ có khi tìm được nhiều hơn các từ như đã gõ."
            relaxed: {type: boolean}
            facets:
              type: object
              additionalProperties: {type: array, items: {$ref: '#/components/schemas/FacetValue'}}
            decoded:
              type: array
              description: "Từ gõ bằng phím Telex/VNI khi tắt bộ gõ, và âm tiết đã đọc được (nguyeenx → nguyễn)."
              items:
                type: object
                required: [typed, read]
                properties:
                  typed: {type: string}
                  read: {type: string}
            expanded:
              type: array
              description: "Từ được tìm cả dưới dạng khác: lời nói thường ngày thành thuật ngữ của hồ sơ (by = spoken: đền bù → bồi thường), hoặc từ không tài liệu nào có thành các từ gần đúng mà tài liệu vai trò được xem có (by = spelling)."
              items:
                type: object
                required: [typed, to, by]
                properties:
                  typed: {type: string}
                  to: {type: array, items: {type: string}}
                  by: {type: string, enum: [spoken, spelling]}
            left_out:
              type: array
              description: "Từ đã gõ mà không tài liệu nào vai trò được xem có; kết quả tìm theo các từ còn lại."
              items: {type: string}
        DocumentView:
          type: object
          required: [document, file, access, pages]
          properties:
            document: {type: object}
            file: {type: object}
            access: {type: string}
            pages:
              type: array
              items:
                type: object
                required: [number, confidence, width, height, chars]
                properties:
                  number: {type: integer}
                  confidence: {type: number}
                  width: {type: integer}
                  height: {type: integer}
                  chars: {type: integer}
            previous: {type: object}
            next: {type: object}
        DocumentText:
          type: object
          required: [id, pages]
          properties:
            id: {type: string}
            pages: {type: array, items: {type: string}}
        PageHighlights:
          type: object
          required: [page, width, height, boxes]
          properties:
            page: {type: integer}
            width: {type: integer}
            height: {type: integer}
            boxes:
              type: array
              items:
                type: object
                required: [x, y, width, height, word]
                properties:
                  x: {type: integer}
                  y: {type: integer}
                  width: {type: integer}
                  height: {type: integer}
                  word: {type: string}
      responses:
        NotFound:
          description: Không có tài liệu, hoặc vai trò không được xem (trả lời như nhau).
          content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
        BadRequest:
          description: Yêu cầu sai.
          content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
        Unauthorized:
          description: Mã truy cập sai, đã thu hồi hoặc sai dạng. Lần thử được ghi vào nhật ký truy cập (thời điểm, địa chỉ, phương thức và đường dẫn, dấu vân tay ngắn của mã — không bao giờ chính mã).
          content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
        URITooLong:
          description: Địa chỉ yêu cầu quá dài (quá 32 KiB).
          content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
        TooManyRequests:
          description: Quá nhiều yêu cầu không có mã truy cập từ một địa chỉ (hoso serve --rate-limit); thử lại sau Retry-After giây.
          headers:
            Retry-After: {schema: {type: integer, minimum: 1}}
          content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}
      parameters:
        id:
          name: id
          in: path
          required: true
          schema: {type: string, maxLength: 200}
        n:
          name: n
          in: path
          required: true
          schema: {type: integer, minimum: 1, maximum: 100000}
    security:
      - {}
      - bearer: []
    paths:
      /healthz:
        get:
          responses:
            '200': {description: Sẵn sàng trả lời}
            '503': {description: Chưa sẵn sàng, content: {application/json: {schema: {$ref: '#/components/schemas/Error'}}}}
            '429': {$ref: '#/components/responses/TooManyRequests'}
            '414': {$ref: '#/components/responses/URITooLong'}
      /metrics:
        get:
          responses:
            '200':
              description: Số liệu Prometheus (định dạng văn bản 0.0.4)
              content: {text/plain: {schema: {type: string}}}
      /api/search:
        get:
          parameters:
            - {name: q, in: query, schema: {type: string, maxLength: 1000}}
            - {name: limit, in: query, schema: {type: integer, minimum: 0, maximum: 100}}
            - {name: offset, in: query, schema: {type: integer, minimum: 0, maximum: 10000}}
            - {name: from, in: query, schema: {type: integer, minimum: 1000, maximum: 9999}}
            - {name: to, in: query, schema: {type: integer, minimum: 1000, maximum: 9999}}
            - {name: loai, in: query, schema: {type: string}}
            - {name: coquan, in: query, schema: {type: string}}
            - {name: phong, in: query, schema: {type: string}}
            - {name: thoihan, in: query, schema: {type: string}}
            - {name: hoso, in: query, schema: {type: string}}
            - {name: sort, in: query, schema: {type: string, enum: [relevance, date, -date]}}
            - {name: facets, in: query, schema: {type: string, enum: ["0", "1", "true", "false"]}}
          responses:
            '200':
              description: Kết quả
              content: {application/json: {schema: {$ref: '#/components/schemas/SearchResult'}}}
            '400': {$ref: '#/components/responses/BadRequest'}
            '401': {$ref: '#/components/responses/Unauthorized'}
            '429': {$ref: '#/components/responses/TooManyRequests'}
            '414': {$ref: '#/components/responses/URITooLong'}
      /api/documents/{id}:
        get:
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: Siêu dữ liệu và các trang của tài liệu
              content: {application/json: {schema: {$ref: '#/components/schemas/DocumentView'}}}
            '401': {$ref: '#/components/responses/Unauthorized'}
            '429': {$ref: '#/components/responses/TooManyRequests'}
            '414': {$ref: '#/components/responses/URITooLong'}
            '404': {$ref: '#/components/responses/NotFound'}
      /api/documents/{id}/text:
        get:
          parameters: [{$ref: '#/components/parameters/id'}]
          responses:
            '200':
              description: Văn bản nhận dạng, từng trang
              content: {application/json: {schema: {$ref: '#/components/schemas/DocumentText'}}}
            '401': {$ref: '#/components/responses/Unauthorized'}
            '429': {$ref: '#/components/responses/TooManyRequests'}
            '414': {$ref: '#/components/responses/URITooLong'}
            '404': {$ref: '#/components/responses/NotFound'}
      /api/documents/{id}/pages/{n}/image:
        get:
          parameters: [{$ref: '#/components/parameters/id'}, {$ref: '#/components/parameters/n'}]
          responses:
            '200':
              description: Ảnh trang (PNG)
              content: {image/png: {schema: {type: string, format: binary}}}
            '401': {$ref: '#/components/responses/Unauthorized'}
            '429': {$ref: '#/components/responses/TooManyRequests'}
            '414': {$ref: '#/components/responses/URITooLong'}
            '404': {$ref: '#/components/responses/NotFound'}
      /api/documents/{id}/pages/{n}/words:
        get:
          parameters:
            - {$ref: '#/components/parameters/id'}
            - {$ref: '#/components/parameters/n'}
            - {name: q, in: query, schema: {type: string, maxLength: 1000}}
          responses:
            '200':
              description: Khung các từ khớp câu tìm trên ảnh trang
              content: {application/json: {schema: {$ref: '#/components/schemas/PageHighlights'}}}
            '401': {$ref: '#/components/responses/Unauthorized'}
            '429': {$ref: '#/components/responses/TooManyRequests'}
            '414': {$ref: '#/components/responses/URITooLong'}
            '404': {$ref: '#/components/responses/NotFound'}
    """
}
