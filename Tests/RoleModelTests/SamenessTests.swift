import XCTest
@testable import RoleModel
import BuiltinCatalog

/// What "the same" means on a row of Compare, kind by kind (see `Sameness`).
final class SamenessTests: XCTestCase {
    private func level(_ name: String, rank: Int, outOf: Int = 3, _ sources: [String] = ["h2k"]) -> DimensionValue {
        DimensionValue(.level(LevelRating(level: name, rank: rank, outOf: outOf, label: "The article's label")), sources: sources)
    }

    func testLevelsAreTheSameOnlyAtTheSameLevelFromTheSameSource() {
        XCTAssertTrue(Sameness.same(.level, [level("Advanced", rank: 2)], [level("Advanced", rank: 2)]))
        XCTAssertFalse(Sameness.same(.level, [level("Advanced", rank: 2)], [level("Moderate", rank: 1)]))
        // The same word from another article is another scale.
        XCTAssertFalse(Sameness.same(.level, [level("Moderate", rank: 1)], [level("Moderate", rank: 1, outOf: 4, ["aigrad"])]))
        XCTAssertFalse(Sameness.same(.level, [level("Moderate", rank: 1)], [level("Moderate", rank: 1, ["aigrad"])]))
    }

    func testListsAreTheSameWithTheSameItemsInAnyOrder() {
        let a = DimensionValue(.list(["Docker", "Kubernetes."]), sources: ["h2k"])
        let b = DimensionValue(.list(["kubernetes", "Docker"]), sources: ["h2k"])
        let c = DimensionValue(.list(["Docker"]), sources: ["h2k"])
        XCTAssertTrue(Sameness.same(.list, [a], [b]))
        XCTAssertFalse(Sameness.same(.list, [a], [c]))
        XCTAssertFalse(Sameness.same(.list, [a], [DimensionValue(.list(["Docker", "Kubernetes"]), sources: ["joinai"])]))
    }

    func testProseIsTheSameOnlyAsTheSameStatementCitedToTheSameSources() {
        let a = DimensionValue(.prose("Works with  data teams."), sources: ["h2k"], summary: "With data teams")
        let b = DimensionValue(.prose("works with data teams"), sources: ["h2k"])
        XCTAssertTrue(Sameness.same(.prose, [a], [b]))
        XCTAssertFalse(Sameness.same(.prose, [a], [DimensionValue(.prose("Works with product teams."), sources: ["h2k"])]))
        XCTAssertFalse(Sameness.same(.prose, [a], [DimensionValue(.prose("Works with data teams."), sources: ["joinai"])]))
        XCTAssertFalse(Sameness.same(.prose, [a], [b, DimensionValue(.prose("And more."), sources: ["h2k"])]))
    }

    func testPayIsTheSameOnlyWithTheSameFiguresAndBasis() {
        let salary = DimensionValue(.money(MoneyRange(low: 90_000, high: 115_000, basis: .salary, seniority: "entry")), sources: ["h2k"])
        let other = DimensionValue(.money(MoneyRange(low: 90_000, high: 115_000, basis: .totalCompensation, seniority: "entry")),
                                   sources: ["h2k"])
        XCTAssertTrue(Sameness.same(.money, [salary], [salary]))
        XCTAssertFalse(Sameness.same(.money, [salary], [other]))
    }

    func testAbsenceIsTheSameOnlyWhenBothAreAbsent() {
        let a = level("Advanced", rank: 2)
        XCTAssertTrue(Sameness.same(.level, [], []))
        XCTAssertFalse(Sameness.same(.level, [a], []))
        XCTAssertEqual(Sameness.compare(.level, [[a], []]), .uncovered)
        XCTAssertEqual(Sameness.compare(.level, [[a], [a]]), .same)
        XCTAssertEqual(Sameness.compare(.level, [[], []]), .same)
        XCTAssertEqual(Sameness.compare(.level, [[a], [level("Basic", rank: 0)], []]), .differ)
        XCTAssertEqual(Sameness.compare(.level, [[a], [a], []]), .uncovered)
    }

    func testTheBuiltInAIAndMLEngineersDifferOnFewerRowsThanTheyShare() throws {
        let catalog = try BuiltinCatalog.load()
        let roles = ["ai-engineer", "ml-engineer"].compactMap { catalog.role(id: $0) }
        let count = catalog.differenceCount(among: roles)
        XCTAssertEqual(count.rows, count.differing + count.same + count.uncovered)
        // H2K rates both High in Python and Advanced in MLOps: those rows are the same.
        XCTAssertEqual(catalog.comparison("h2k-python", among: roles), .same)
        XCTAssertEqual(catalog.comparison("h2k-mlops-monitoring", among: roles), .same)
        XCTAssertEqual(catalog.comparison("h2k-model-development", among: roles), .differ)
        // AI Graduate rates only the ML engineer.
        XCTAssertEqual(catalog.comparison("ag-mlops", among: roles), .uncovered)
        XCTAssertLessThan(count.differing, count.rows - 10, count.sentence)
    }
}
