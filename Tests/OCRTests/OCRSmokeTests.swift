import XCTest
@testable import OCR

final class OCRSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
