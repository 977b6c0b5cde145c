import XCTest
@testable import SearchIndex

final class SearchIndexSmokeTests: XCTestCase {
    func testModuleLoads() { XCTAssertTrue(true) }
}
