import CTesseract
import CTesseractGuard
import Foundation
import XCTest
@testable import OCR

/// CTesseractGuard: failures inside Tesseract, C++ exceptions included, come back as error values.
final class TesseractGuardTests: XCTestCase {
    /// Takes the message a guarded call left in its error out-parameter.
    func take(_ error: inout UnsafeMutablePointer<CChar>?) -> String? {
        defer { hoso_tess_free(error); error = nil }
        return error.map { String(cString: $0) }
    }

    /// A fresh engine handle with `vie` loaded, freed by the caller.
    func loadedHandle() throws -> OpaquePointer {
        var handle: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        XCTAssertEqual(hoso_tess_create(&handle, &error), HOSO_TESS_OK)
        let h = try XCTUnwrap(handle)
        _ = hoso_tess_set_variable(h, "debug_file", "/dev/null", nil, nil)
        XCTAssertEqual(hoso_tess_init(h, TesseractEngine.defaultDataPath, "vie", Int32(HOSO_TESS_OEM_LSTM_ONLY), &error),
                       HOSO_TESS_OK, take(&error) ?? "")
        return h
    }

    func testAnExceptionThrownInsideTheShimComesBackWithItsMessage() {
        var error: UnsafeMutablePointer<CChar>?
        XCTAssertEqual(hoso_tess_test_throw(&error), HOSO_TESS_EXCEPTION)
        XCTAssertEqual(take(&error), "hoso_tess_test_throw: forced exception")
        // Without an out-parameter the status alone comes back.
        XCTAssertEqual(hoso_tess_test_throw(nil), HOSO_TESS_EXCEPTION)

        // The engine's call wrapper turns it into an OCREngineError that carries the message.
        XCTAssertThrowsError(try Tess.call("Tesseract không nhận dạng được trang") { hoso_tess_test_throw($0) }) { error in
            let reason = (error as? OCREngineError)?.reason ?? ""
            XCTAssertTrue(reason.hasPrefix("Tesseract không nhận dạng được trang"), reason)
            XCTAssertTrue(reason.contains("hoso_tess_test_throw: forced exception"), reason)
        }
    }

    func testAnUnknownLanguageIsAnErrorValue() throws {
        var handle: OpaquePointer?
        var error: UnsafeMutablePointer<CChar>?
        XCTAssertEqual(hoso_tess_create(&handle, &error), HOSO_TESS_OK)
        let h = try XCTUnwrap(handle)
        defer { hoso_tess_delete(h) }
        _ = hoso_tess_set_variable(h, "debug_file", "/dev/null", nil, nil)
        XCTAssertEqual(hoso_tess_init(h, TesseractEngine.defaultDataPath, "xxx", Int32(HOSO_TESS_OEM_LSTM_ONLY), &error),
                       HOSO_TESS_FAILED)
        XCTAssertNotNil(take(&error))
        // An engine mode Tesseract does not have is refused before it is called.
        XCTAssertEqual(hoso_tess_init(h, nil, "vie", 99, &error), HOSO_TESS_FAILED)
        XCTAssertEqual(take(&error), "invalid engine mode")

        XCTAssertThrowsError(try TesseractEngine(language: "xxx")) { error in
            let reason = (error as? OCREngineError)?.reason ?? ""
            XCTAssertTrue(reason.hasPrefix("Không nạp được mô hình Tesseract 'xxx'"), reason)
        }
    }

    func testRecognisingBeforeAnImageIsSetIsAnErrorValue() throws {
        let h = try loadedHandle()
        defer { _ = hoso_tess_end(h, nil); hoso_tess_delete(h) }
        var error: UnsafeMutablePointer<CChar>?
        XCTAssertEqual(hoso_tess_recognize(h, &error), HOSO_TESS_FAILED)
        XCTAssertEqual(take(&error), "Tesseract could not recognise the page (no image set or no model loaded)")
        // Nothing recognised: no words to iterate.
        var words: OpaquePointer?
        XCTAssertEqual(hoso_tess_words_begin(h, &words, &error), HOSO_TESS_OK)
        XCTAssertNil(words)
        // A missing image is refused (Tesseract itself would dereference it).
        XCTAssertEqual(hoso_tess_set_image(h, nil, &error), HOSO_TESS_FAILED)
        XCTAssertEqual(take(&error), "no image")
        XCTAssertEqual(hoso_tess_set_page_seg_mode(h, 99, &error), HOSO_TESS_FAILED)
        XCTAssertEqual(take(&error), "invalid page segmentation mode")
        XCTAssertEqual(hoso_tess_clear(h, &error), HOSO_TESS_OK)
        XCTAssertNil(error)
    }

    func testTheHandleStillRecognisesAfterFailures() throws {
        let h = try loadedHandle()
        defer { _ = hoso_tess_end(h, nil); hoso_tess_delete(h) }
        var error: UnsafeMutablePointer<CChar>?
        XCTAssertEqual(hoso_tess_recognize(h, &error), HOSO_TESS_FAILED)
        _ = take(&error)
        XCTAssertEqual(hoso_tess_test_throw(&error), HOSO_TESS_EXCEPTION)
        _ = take(&error)

        // A real page, in grey, is recognised and its words read as usual.
        let image = try PageImage(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/quyet_dinh_200dpi.jpg"))
        let grey = try XCTUnwrap(pixConvertTo8(image.pix, 0))
        let page = PageImage(taking: grey)
        XCTAssertEqual(hoso_tess_set_image(h, page.pix, &error), HOSO_TESS_OK)
        XCTAssertEqual(hoso_tess_set_source_resolution(h, 200, &error), HOSO_TESS_OK)
        XCTAssertEqual(hoso_tess_recognize(h, &error), HOSO_TESS_OK, take(&error) ?? "")
        var mean: Int32 = 0
        XCTAssertEqual(hoso_tess_mean_text_conf(h, &mean, &error), HOSO_TESS_OK)
        XCTAssertGreaterThan(mean, 50)

        var handle: OpaquePointer?
        XCTAssertEqual(hoso_tess_words_begin(h, &handle, &error), HOSO_TESS_OK)
        let words = try XCTUnwrap(handle)
        var text: UnsafeMutablePointer<CChar>?
        XCTAssertEqual(hoso_tess_words_text(words, Int32(HOSO_TESS_RIL_WORD), &text, &error), HOSO_TESS_OK)
        XCTAssertNotNil(text)
        hoso_tess_free(text)
        var l: Int32 = 0, t: Int32 = 0, r: Int32 = 0, b: Int32 = 0, found: Int32 = 0
        XCTAssertEqual(hoso_tess_words_box(words, Int32(HOSO_TESS_RIL_WORD), &l, &t, &r, &b, &found, &error), HOSO_TESS_OK)
        XCTAssertEqual(found, 1)
        XCTAssertLessThan(l, r)
        // An iterator level Tesseract does not have is refused.
        XCTAssertEqual(hoso_tess_words_text(words, 42, &text, &error), HOSO_TESS_FAILED)
        XCTAssertEqual(take(&error), "invalid iterator level")
        var more: Int32 = 0
        XCTAssertEqual(hoso_tess_words_next(words, Int32(HOSO_TESS_RIL_WORD), &more, &error), HOSO_TESS_OK)
        XCTAssertEqual(more, 1)
        // The iterator points into the recognition's results: it goes before they are cleared.
        hoso_tess_words_delete(words)
        XCTAssertEqual(hoso_tess_clear(h, &error), HOSO_TESS_OK)
    }

    /// libtesseract's calls answered in tesseract_calls.cpp (text-line images without PNG, OpenMP regions on the
    /// calling thread): the same words, boxes and confidences come out as through Leptonica's and libgomp's, the
    /// calls did go through the shim, and any other caller of pixWriteMem still gets a PNG.
    func testTesseractsCallsAnsweredInProcessGiveTheSameResult() throws {
        XCTAssertEqual(hoso_tess_calls_interposed(), 1, "the executable exports the shim's definitions")
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/quyet_dinh_200dpi.jpg")
        guard case .image(let image) = try ScanReader().page(1, of: url) else { return XCTFail("an image page") }
        let engine = try TesseractEngine()
        defer {
            hoso_tess_plain_line_images(OCRSwitches.isOn("lineimages") ? 1 : 0)
            hoso_tess_serial_openmp(OCRSwitches.isOn("openmp") ? 1 : 0)
        }

        hoso_tess_plain_line_images(0)
        hoso_tess_serial_openmp(0)
        let (lines, regions) = (hoso_tess_plain_line_images_written(), hoso_tess_serial_openmp_regions())
        let libraries = try engine.recognize(image)
        XCTAssertEqual(hoso_tess_plain_line_images_written(), lines, "switched off: every line went to PNG")
        XCTAssertEqual(hoso_tess_serial_openmp_regions(), regions, "switched off: every region went to libgomp")

        hoso_tess_plain_line_images(1)
        hoso_tess_serial_openmp(1)
        let shim = try engine.recognize(image)
        XCTAssertGreaterThanOrEqual(hoso_tess_plain_line_images_written() - lines,
                                    UInt(libraries.text.split(separator: "\n").count), "each recognised line was kept plain")
        if ProcessInfo.processInfo.environment["OMP_THREAD_LIMIT"] == "1" {  // as scripts/test.sh and hoso set it
            XCTAssertGreaterThan(hoso_tess_serial_openmp_regions() - regions, 1000, "the LSTM's regions ran serially")
        }
        XCTAssertEqual(shim.text, libraries.text)
        XCTAssertEqual(shim.words.map { [$0.x, $0.y, $0.width, $0.height] }, libraries.words.map { [$0.x, $0.y, $0.width, $0.height] })
        XCTAssertEqual(shim.words.map(\.confidence), libraries.words.map(\.confidence))

        // This caller is not Tesseract: a PNG, whose signature starts 0x89 'P' 'N' 'G'.
        var data: UnsafeMutablePointer<l_uint8>?
        var size = 0
        XCTAssertEqual(pixWriteMem(&data, &size, image.pix, l_int32(IFF_PNG)), 0)
        defer { free(data) }
        XCTAssertEqual(data.map { Array(UnsafeBufferPointer(start: $0, count: min(size, 4))) }, [0x89, 0x50, 0x4E, 0x47])
    }
}
