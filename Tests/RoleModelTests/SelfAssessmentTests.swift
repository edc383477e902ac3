import BuiltinCatalog
import XCTest
@testable import RoleModel

/// Known ratings give exactly the scores and gaps the documented formula predicts:
/// required = 4 × (rank + 1) / levels, gap = max(0, required − yours),
/// fit = 100 × (1 − Σgap / Σrequired).
final class SelfAssessmentTests: XCTestCase {
    /// Three skills on three scales of different lengths, two roles and one unrated role.
    func smallCatalog() -> Catalog {
        let scales = [
            Scale(id: "three", title: "Three steps", levels: ["Basic", "Moderate", "Advanced"], sources: ["s"]),
            Scale(id: "two", title: "Two steps", levels: ["Medium", "High"], sources: ["s"]),
            Scale(id: "four", title: "Four steps", levels: ["Less critical", "Moderate", "Important", "Critical"], sources: ["s"]),
        ]
        func level(_ scale: Int, _ rank: Int) -> [DimensionValue] {
            [DimensionValue(.level(LevelRating(level: scales[scale].levels[rank], rank: rank, outOf: scales[scale].levels.count)), sources: ["s"])]
        }
        return Catalog(
            sources: [Source(id: "s", title: "S", publisher: "P", date: "2026", covers: "")],
            groups: [DimensionGroup(id: "skills", title: "Skills"), DimensionGroup(id: "work", title: "Work")],
            scales: scales,
            dimensions: [
                Dimension(id: "a", title: "Skill A", group: "skills", kind: .level, scale: "three"),
                Dimension(id: "b", title: "Skill B", group: "skills", kind: .level, scale: "two"),
                Dimension(id: "c", title: "Skill C", group: "skills", kind: .level, scale: "four"),
                Dimension(id: "unused", title: "Nobody has it", group: "skills", kind: .level, scale: "four"),
                Dimension(id: "prose", title: "Prose", group: "work", kind: .prose),
            ],
            roles: [
                Role(id: "r1", title: "Role one", summary: "", values: ["a": level(0, 2), "b": level(1, 0), "c": level(2, 2)]),
                Role(id: "r2", title: "Role two", summary: "", values: ["a": level(0, 0), "c": level(2, 3) + level(2, 1)]),
                Role(id: "r3", title: "Role three", summary: "", values: ["prose": [DimensionValue(.prose("text"), sources: ["s"])]]),
            ])
    }

    func testTheSkillsAreTheLevelDimensionsSomeRoleHas() {
        let skills = SelfAssessment.skills(in: smallCatalog())
        XCTAssertEqual(skills.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(skills.map(\.group), ["Skills", "Skills", "Skills"])
        XCTAssertEqual(skills.map(\.scale.id), ["three", "two", "four"])
    }

    func testRequiredPlacesEachScaleOnZeroToFour() {
        func required(_ rank: Int, of levels: Int) -> Double { SelfAssessment.required(LevelRating(level: "", rank: rank, outOf: levels)) }
        XCTAssertEqual([0, 1, 2].map { required($0, of: 3) }, [4.0 / 3, 8.0 / 3, 4])
        XCTAssertEqual([0, 1].map { required($0, of: 2) }, [2, 4])
        XCTAssertEqual([0, 1, 2, 3].map { required($0, of: 4) }, [1, 2, 3, 4])
    }

    func testKnownRatingsGiveTheFormulasScoreAndGaps() throws {
        let catalog = smallCatalog()
        let ratings = SelfAssessment(ratings: ["a": .working, "b": .expert, "c": .basic])
        let fit = ratings.fit(for: catalog.roles[0], in: catalog)
        // a: Advanced of 3 → required 4, yours 2, gap 2
        // b: Medium of 2   → required 2, yours 4, gap 0 (no credit for the surplus)
        // c: Important of 4 → required 3, yours 1, gap 2
        XCTAssertEqual(fit.skills.map(\.skill), ["a", "b", "c"])
        XCTAssertEqual(fit.skills.map(\.required), [4, 2, 3])
        XCTAssertEqual(fit.skills.map(\.yours), [.working, .expert, .basic])
        XCTAssertEqual(fit.skills.map(\.gap), [2, 0, 2])
        XCTAssertEqual(fit.skills.map(\.level), ["Advanced", "Medium", "Important"])
        XCTAssertEqual(fit.totalRequired, 9)
        XCTAssertEqual(fit.totalGap, 4)
        XCTAssertEqual(try XCTUnwrap(fit.score), 100 * (1 - 4.0 / 9), accuracy: 1e-9)
        XCTAssertEqual(fit.percent, 56)
        // Equal gaps: the skill the role needs more comes first.
        XCTAssertEqual(fit.gaps.map(\.skill), ["a", "c"])
    }

    func testTheHighestOfSeveralLevelsCountsAndUnratedSkillsAreLeftOut() throws {
        let catalog = smallCatalog()
        let fit = SelfAssessment(ratings: ["c": .strong]).fit(for: catalog.roles[1], in: catalog)
        // c has Critical (4) and Moderate (2): Critical counts. a is unrated: out of both sums.
        XCTAssertEqual(fit.skills.map(\.skill), ["c"])
        XCTAssertEqual(fit.skills[0].level, "Critical")
        XCTAssertEqual(fit.skills[0].required, 4)
        XCTAssertEqual(fit.unrated, ["a"])
        XCTAssertEqual(fit.score, 75)
        XCTAssertEqual(fit.gaps.map(\.gap), [1])
    }

    func testNoScoreWithoutAnythingToCompare() {
        let catalog = smallCatalog()
        let ratings = SelfAssessment(ratings: ["a": .expert, "b": .expert, "c": .expert])
        let fits = ratings.fits(in: catalog)
        XCTAssertEqual(fits.map(\.role), ["r1", "r2", "r3"])
        XCTAssertEqual(fits.map(\.score), [100, 100, nil], "r3 has no rated skills")
        XCTAssertTrue(fits[0].gaps.isEmpty)
        XCTAssertNil(SelfAssessment().fit(for: catalog.roles[0], in: catalog).score, "nothing rated")
        XCTAssertEqual(SelfAssessment().fit(for: catalog.roles[0], in: catalog).unrated, ["a", "b", "c"])
    }

    func testRankedPutsBestFirstAndUnscoredLast() throws {
        let catalog = smallCatalog()
        let fits = SelfAssessment(ratings: ["a": .basic, "b": .expert, "c": .none]).fits(in: catalog)
        // r1: gaps 3 + 0 + 3 of 9 → 33.3. r2: a Basic (4/3) gap 1/3, c Critical (4) gap 4,
        // of 16/3 → 18.75. r3: no score.
        XCTAssertEqual(try XCTUnwrap(fits[0].score), 100 * (1 - 6.0 / 9), accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(fits[1].score), 18.75, accuracy: 1e-9)
        XCTAssertEqual(RoleFit.ranked([fits[2], fits[1], fits[0]]).map(\.role), ["r1", "r2", "r3"])
        XCTAssertEqual(fits[1].gaps.map(\.skill), ["c", "a"])
    }

    func testBuiltInCatalogWithEveryoneWorking() throws {
        let catalog = try BuiltinCatalog.load()
        let skills = SelfAssessment.skills(in: catalog)
        XCTAssertEqual(skills.count, 26, "7 H2K matrix + 6 H2K summary + 13 AI Graduate")
        let working = SelfAssessment(ratings: Dictionary(uniqueKeysWithValues: skills.map { ($0.id, SkillLevel.working) }))
        let fits = Dictionary(uniqueKeysWithValues: working.fits(in: catalog).map { ($0.role, $0) })

        // Data Scientist (AI Graduate): Critical ×5 → 4, Important ×2 → 3, Moderate → 2,
        // Less critical ×2 → 1. Σrequired 30; with "working" (2) the gaps are 5×2 + 2×1 = 12.
        let ds = try XCTUnwrap(fits["data-scientist"])
        XCTAssertEqual(ds.totalRequired, 30)
        XCTAssertEqual(ds.totalGap, 12)
        XCTAssertEqual(try XCTUnwrap(ds.score), 60, accuracy: 1e-9)
        // Largest gap first; equal gaps on equally required skills keep catalog order.
        XCTAssertEqual(ds.gaps.map(\.skill), ["ag-python", "ag-ml-modeling", "ag-sql", "ag-statistics", "ag-communication",
                                               "ag-ab-testing", "ag-causal-inference"])
        XCTAssertEqual(ds.gaps.map(\.gap), [2, 2, 2, 2, 2, 1, 1])

        // AI Engineer (H2K): matrix Moderate ×2 → 8/3, Advanced ×5 → 4; summary High ×4 → 4,
        // Medium ×2 → 2. Σrequired 136/3, Σgap 2×(2/3) + 9×2 = 58/3: fit = 100 × 78/136.
        let aie = try XCTUnwrap(fits["ai-engineer"])
        XCTAssertEqual(aie.totalRequired, 136.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(aie.totalGap, 58.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(aie.score), 100 * 78.0 / 136, accuracy: 1e-9)
        XCTAssertEqual(aie.percent, 57)

        // No article rates a Data Engineer's skills on a scale.
        XCTAssertNil(fits["data-engineer"]?.score)
        XCTAssertEqual(fits["data-engineer"]?.skills, [])
    }

    func testStepsHaveTitlesDescriptionsAndParse() {
        XCTAssertEqual(SkillLevel.allCases.map(\.title), ["none", "basic", "working", "strong", "expert"])
        XCTAssertEqual(SkillLevel.allCases.map(\.value), [0, 1, 2, 3, 4])
        XCTAssertTrue(SkillLevel.allCases.allSatisfy { !$0.description.isEmpty })
        XCTAssertEqual(SkillLevel(named: "Strong"), .strong)
        XCTAssertEqual(SkillLevel(named: "4"), .expert)
        XCTAssertNil(SkillLevel(named: "guru"))
    }
}
