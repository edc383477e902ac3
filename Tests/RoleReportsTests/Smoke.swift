import XCTest
final class RoleReportsTestsSmoke: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
