import XCTest
@testable import Catalogue

final class CatalogueSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
