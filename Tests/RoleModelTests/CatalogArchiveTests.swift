import XCTest
@testable import RoleModel

/// The embedded form must carry every field of every type: a field added to the model
/// but not to the archive fails here.
final class CatalogArchiveTests: XCTestCase {
    func testRoundTripsTheRealAndFixtureCatalogs() throws {
        for directory in [Fixtures.assets, Fixtures.minimal, Fixtures.root.appendingPathComponent("cjk")] {
            let catalog = try CatalogLoader.load(directory: directory)
            XCTAssertEqual(try CatalogArchive.decode(CatalogArchive.encode(catalog)), catalog, directory.lastPathComponent)
        }
    }

    func testRejectsDamagedArchives() throws {
        let bytes = CatalogArchive.encode(try Fixtures.minimalCatalog())
        XCTAssertThrowsError(try CatalogArchive.decode(Array(bytes.prefix(bytes.count / 2))))
        XCTAssertThrowsError(try CatalogArchive.decode(bytes + [0]))
        XCTAssertThrowsError(try CatalogArchive.decode([9] + bytes.dropFirst()), "wrong version")
    }

    func testSignedAndLargeIntegersSurvive() throws {
        var catalog = try Fixtures.minimalCatalog()
        catalog.roles[0].values["pay"] = [DimensionValue(.money(MoneyRange(low: 0, high: Int(Int32.max) * 4, basis: .salary)), sources: ["alpha"])]
        catalog.timelines[0].entries[0].slot = TimeSlot(start: -5, end: 1440)
        XCTAssertEqual(try CatalogArchive.decode(CatalogArchive.encode(catalog)), catalog)
    }
}
