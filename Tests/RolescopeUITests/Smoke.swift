import XCTest
final class RolescopeUITestsSmoke: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
