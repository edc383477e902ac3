import XCTest
final class RoleModelTestsSmoke: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
