import XCTest
@testable import HosoCore

final class HosoSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
