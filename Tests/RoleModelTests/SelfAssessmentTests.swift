import BuiltinCatalog
import XCTest
@testable import RoleModel

/// The canonical skills gather every source rating of a concept, and known ratings give
/// exactly the whole-level working the README documents: each source level sits on one
/// plain step, a role needs the highest, fit = levels met ÷ levels needed over the shared
/// skills, gaps largest first and linked to the plan step that closes them.
final class SelfAssessmentTests: XCTestCase {
    /// Two scales, three skills (one shared, one rated for one role only, one only listed),
    /// three roles (one with no levels at all) and a plan that teaches two of the skills.
    func smallCatalog() -> Catalog {
        let scales = [
            Scale(id: "three", title: "Three steps", levels: ["Basic", "Moderate", "Advanced"], sources: ["s"]),
            Scale(id: "two", title: "Two steps", levels: ["Medium", "High"], sources: ["t"]),
        ]
        func level(_ scale: Int, _ rank: Int, _ source: String = "s") -> [DimensionValue] {
            [DimensionValue(.level(LevelRating(level: scales[scale].levels[rank], rank: rank, outOf: scales[scale].levels.count)), sources: [source])]
        }
        var catalog = Catalog(
            sources: [Source(id: "s", title: "S", publisher: "P", short: "Ess", date: "2026", covers: ""),
                      Source(id: "t", title: "T", publisher: "P", short: "Tee", date: "2026", covers: "")],
            groups: [DimensionGroup(id: "skills", title: "Skills")],
            scales: scales,
            dimensions: [
                Dimension(id: "a-three", title: "A on three", group: "skills", kind: .level, scale: "three"),
                Dimension(id: "a-two", title: "A on two", group: "skills", kind: .level, scale: "two"),
                Dimension(id: "b-three", title: "B on three", group: "skills", kind: .level, scale: "three"),
            ],
            roles: [
                Role(id: "r1", title: "Role one", summary: "", values: ["a-three": level(0, 1), "a-two": level(1, 1, "t"), "b-three": level(0, 2)]),
                Role(id: "r2", title: "Role two", summary: "", values: ["a-three": level(0, 0)]),
                Role(id: "r3", title: "Role three", summary: ""),
            ],
            backgrounds: [Background(id: "bg", title: "Background")],
            transitions: [Transition(from: "bg", to: "r1", learn: ["Learn C", "Learn B"], learnSkills: [["c"], ["b"]], sources: ["s"])])
        catalog.equivalents = [ScaleEquivalent(scale: "three", steps: [.basic, .intermediate, .advanced]),
                               ScaleEquivalent(scale: "two", steps: [.intermediate, .advanced])]
        let levels = ["b", "i", "a", "e"]
        catalog.skills = [
            Skill(id: "a", title: "Skill A", summary: "", ratedBy: ["a-three", "a-two"], levels: levels),
            Skill(id: "b", title: "Skill B", summary: "", ratedBy: ["b-three"], levels: levels),
            Skill(id: "c", title: "Skill C", summary: "", listed: [SkillListing(role: "r1", text: "named", sources: ["t"])], levels: levels),
        ]
        return catalog
    }

    func testEachSourceRatingOfASkillIsGatheredOnItsOwnScale() throws {
        let catalog = smallCatalog()
        let need = SelfAssessment.need(of: catalog.roles[0], skill: catalog.skills[0], in: catalog)
        XCTAssertEqual(need.ratings.map(\.level), ["Moderate", "High"])
        XCTAssertEqual(need.ratings.map(\.scaleLevels), [["Basic", "Moderate", "Advanced"], ["Medium", "High"]])
        XCTAssertEqual(need.ratings.map(\.step), [.intermediate, .advanced])
        XCTAssertEqual(need.ratings.map(\.cited), [["Ess"], ["Tee"]])
        XCTAssertEqual(need.step, .advanced, "the highest step any source gives counts")
        XCTAssertEqual(AssessmentWords.sourceLevel(need.ratings[0]), "Ess: Moderate on Basic < Moderate < Advanced")
        XCTAssertEqual(AssessmentWords.needs(need.ratings), "Advanced (Tee: High), Intermediate (Ess: Moderate)")
    }

    func testCoverageSaysRatedListedOrNotCovered() {
        let catalog = smallCatalog()
        func coverage(_ role: Int, _ skill: Int) -> SkillNeed.Coverage {
            SelfAssessment.need(of: catalog.roles[role], skill: catalog.skills[skill], in: catalog).coverage
        }
        XCTAssertEqual([coverage(0, 0), coverage(0, 1), coverage(0, 2)], [.rated, .rated, .listed])
        XCTAssertEqual([coverage(1, 0), coverage(1, 1), coverage(1, 2)], [.rated, .notCovered, .notCovered])
        XCTAssertEqual([coverage(2, 0), coverage(2, 2)], [.notCovered, .notCovered])
        XCTAssertEqual(AssessmentWords.coverage(catalog.skills[2], in: catalog).map(\.text),
                       ["listed without a level (Tee)", "not covered", "not covered"])
    }

    func testEveryScoredRoleIsScoredOverTheSameSharedSkills() throws {
        let catalog = smallCatalog()
        XCTAssertEqual(SelfAssessment.scoredRoles(in: catalog).map(\.id), ["r1", "r2"], "r3 has no level anywhere")
        XCTAssertEqual(SelfAssessment.sharedSkills(in: catalog).map(\.id), ["a"], "b is rated for r1 only")
        let fits = SelfAssessment(ratings: ["a": .basic, "b": .basic, "c": .none]).fits(in: catalog)
        XCTAssertEqual(fits.map { $0.skills.map(\.skill) }, [["a"], ["a"], []])
        // r1 needs A advanced (3), you basic (1): 2 short, 1 of 3 met, 33%.
        XCTAssertEqual([fits[0].neededLevels, fits[0].shortLevels, fits[0].metLevels, fits[0].percent], [3, 2, 1, 33])
        // r2 needs A basic (1): met, 100%.
        XCTAssertEqual([fits[1].neededLevels, fits[1].shortLevels, fits[1].percent], [1, 0, 100])
        XCTAssertFalse(fits[2].scored)
        XCTAssertNil(fits[2].percent)
        XCTAssertEqual(AssessmentWords.noScore(fits[2]), "no score: no source rates Role three's skills on a scale")
    }

    func testGapsAreInWholeLevelsLargestFirstWithThePlanStepThatClosesThem() throws {
        let catalog = smallCatalog()
        let fit = SelfAssessment(ratings: ["a": .basic, "b": .intermediate, "c": .none]).fit(for: catalog.roles[0], in: catalog)
        // A: 2 short. B: advanced needed, intermediate given, 1 short. C: named without a
        // level and rated none, at least 1; it comes before B (you have none of it).
        XCTAssertEqual(fit.gaps.map(\.skill), ["a", "c", "b"])
        XCTAssertEqual(fit.gaps.map(\.short), [2, 1, 1])
        XCTAssertEqual(fit.gaps.map(\.atLeast), [false, true, false])
        XCTAssertEqual(fit.gaps[1].plan, [PlanStep(from: "bg", background: "Background", step: 1, text: "Learn C")])
        XCTAssertEqual(fit.gaps[2].plan.map(\.step), [2])
        XCTAssertTrue(fit.gaps[0].plan.isEmpty)
        XCTAssertEqual(AssessmentWords.gap(2), "a gap of two levels")
        XCTAssertEqual(AssessmentWords.gapReason(fit.gaps[1], role: "Role one"),
                       "you: None; Role one needs it, no level given (Tee): a gap of at least one level")
        XCTAssertEqual(AssessmentWords.planLink(fit.gaps[1]), "step 1 of the plan from Background: Learn C")
        // A listed skill rated above none is no gap: there is no level to fall short of.
        let rated = SelfAssessment(ratings: ["c": .basic]).fit(for: catalog.roles[0], in: catalog)
        XCTAssertTrue(rated.gaps.isEmpty)
    }

    func testRatingsByOldDimensionIdsBecomeTheirSkill() {
        let catalog = smallCatalog()
        XCTAssertEqual(SelfAssessment.canonical(["a-three": .basic, "a-two": .advanced, "b": .expert, "gone": .basic], in: catalog),
                       ["a": .advanced, "b": .expert])
        XCTAssertEqual(SelfAssessment.canonical(["a-two": .advanced, "a": .basic], in: catalog), ["a": .basic], "the skill's own id wins")
    }

    /// The README's worked example, on the built-in content: a software engineer rating
    /// seven skills. The numbers here are the README's.
    func testTheReadmeWorkedExample() throws {
        let catalog = try BuiltinCatalog.load()
        XCTAssertEqual(SelfAssessment.sharedSkills(in: catalog).map(\.id), ["python", "ml-modelling", "mlops", "system-design"])
        let example = SelfAssessment(ratings: ["python": .advanced, "system-design": .advanced, "mlops": .intermediate,
                                               "ml-modelling": .basic, "retrieval": .none, "agents": .none, "evaluation": .none])
        let fits = Dictionary(uniqueKeysWithValues: example.fits(in: catalog).map { ($0.role, $0) })
        let aie = try XCTUnwrap(fits["ai-engineer"]), mle = try XCTUnwrap(fits["ml-engineer"]), ds = try XCTUnwrap(fits["data-scientist"])
        XCTAssertEqual([aie.neededLevels, aie.shortLevels, aie.percent], [11, 2, 82])
        XCTAssertEqual([mle.neededLevels, mle.shortLevels, mle.percent], [16, 7, 56])
        XCTAssertEqual([ds.neededLevels, ds.shortLevels, ds.percent], [10, 4, 60])
        XCTAssertNil(fits["data-engineer"]?.percent)
        XCTAssertEqual(aie.gaps.map(\.skill), ["retrieval", "agents", "evaluation", "ml-modelling", "mlops"])
        // The plan from software engineering teaches them in the same order.
        let plan = try XCTUnwrap(catalog.transition(from: "software-engineer", to: "ai-engineer"))
        XCTAssertEqual(Array(plan.learnSkills.prefix(3)), [["retrieval"], ["agents"], ["evaluation"]])
    }

    func testTheBuiltInSkillsAreOnePerConceptAndCoverEveryLevel() throws {
        let catalog = try BuiltinCatalog.load()
        let titles = catalog.skills.map { $0.title.lowercased() }
        for (i, a) in titles.enumerated() {
            for (j, b) in titles.enumerated() where i != j { XCTAssertFalse(a.contains(b), "'\(a)' contains '\(b)'") }
        }
        let rated = catalog.skills.flatMap(\.ratedBy)
        XCTAssertEqual(rated.count, Set(rated).count, "a source rating counts for one skill")
        for dimension in catalog.dimensions where dimension.kind == .level && catalog.roles.contains(where: { !$0.values(for: dimension.id).isEmpty }) {
            XCTAssertTrue(rated.contains(dimension.id), "\(dimension.id) belongs to no skill")
        }
        XCTAssertTrue(catalog.skills.allSatisfy { $0.levels.count == 4 && !$0.summary.isEmpty })
        for id in ["python", "sql", "statistics", "ml-modelling", "mlops", "data-engineering", "system-design",
                   "software-engineering", "cloud", "retrieval", "agents", "evaluation", "communication", "business"] {
            XCTAssertNotNil(catalog.skill(id: id), id)
        }
    }

    func testStepsHaveTitlesDescriptionsAndParse() {
        XCTAssertEqual(SkillLevel.allCases.map(\.title), ["none", "basic", "intermediate", "advanced", "expert"])
        XCTAssertEqual(SkillLevel.allCases.map(\.rawValue), [0, 1, 2, 3, 4])
        XCTAssertTrue(SkillLevel.allCases.allSatisfy { !$0.description.isEmpty })
        XCTAssertEqual(SkillLevel(named: "Advanced"), .advanced)
        XCTAssertEqual(SkillLevel(named: "4"), .expert)
        XCTAssertEqual(SkillLevel(named: "working"), .intermediate, "the old name still parses")
        XCTAssertNil(SkillLevel(named: "guru"))
    }
}
