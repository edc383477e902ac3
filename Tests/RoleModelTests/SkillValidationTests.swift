import XCTest
@testable import RoleModel

/// The rules that keep the skill list one-per-concept and the content free of filler, each
/// with the file, the line and what to do.
final class SkillValidationTests: XCTestCase {
    func minimalSkills() throws -> String {
        try String(contentsOf: Fixtures.minimal.appendingPathComponent("skills.yaml"), encoding: .utf8)
    }

    func testASentenceThatOnlySaysTheSourceSaysNothingIsRefused() throws {
        let problems = try problems(replacing: "extra.yaml", with: """
            overlaps:
              - id: filler
                title: Filler
                roles: [builder, thinker]
                summary: Both appear in one list. It gives no further detail.
                sources: [alpha]
            """)
        assertProblem(problems, "a sentence says only that the source says nothing more (\"no further detail\")", file: "extra.yaml",
                      atLine: 5, hint: "leave it out")
        XCTAssertNil(CatalogLoader.filler(in: "The article gives no clock times."), "saying what a source lacks, with content, is fine")
        XCTAssertEqual(CatalogLoader.filler(in: "No further detail is given."), "no further detail")
        XCTAssertEqual(CatalogLoader.filler(in: "It says nothing else about it."), "says nothing else")
    }

    func testTwoSkillsForOneConceptAreRefused() throws {
        let text = try minimalSkills() + """
              - id: modelling-summary
                title: Modelling (summary)
                summary: The same again.
                listed: [{role: builder, says: it builds, sources: [alpha]}]
                levels: [a, b, c, d]

            """
        let problems = try problems(replacing: "skills.yaml", with: text)
        assertProblem(problems, "skill title 'Modelling (summary)' contains, or is contained in, 'Modelling'", file: "skills.yaml",
                      atLine: 12, hint: "one skill per concept")
    }

    func testALevelNoSkillRatesAndAScaleWithoutAnEquivalentAreRefused() throws {
        let orphan = try minimalSkills().replacingOccurrences(of: "    rated-by: [modelling]\n",
                                                                with: "    listed: [{role: builder, says: it builds, sources: [alpha]}]\n")
        assertProblem(try problems(replacing: "skills.yaml", with: orphan), "level dimension 'modelling' belongs to no skill",
                      file: "shared.yaml", atLine: 14, hint: "rated-by")
        let noEquivalent = try minimalSkills().replacingOccurrences(of: "equivalents:\n  - {scale: depth, steps: [basic, intermediate, advanced]}\n", with: "")
        assertProblem(try problems(replacing: "skills.yaml", with: noEquivalent), "scale 'depth' has no plain-scale equivalent",
                      file: "shared.yaml", atLine: 14, hint: "equivalents")
    }

    func testEquivalentsAndStepsAreChecked() throws {
        let short = try minimalSkills().replacingOccurrences(of: "steps: [basic, intermediate, advanced]", with: "steps: [basic, advanced]")
        assertProblem(try problems(replacing: "skills.yaml", with: short), "scale 'depth' has 3 levels (Basic < Moderate < Advanced) but 2 steps are given",
                      file: "skills.yaml", atLine: 4)
        let down = try minimalSkills().replacingOccurrences(of: "steps: [basic, intermediate, advanced]", with: "steps: [advanced, intermediate, basic]")
        assertProblem(try problems(replacing: "skills.yaml", with: down), "the steps of 'depth' go down", file: "skills.yaml", atLine: 4)
        let unknown = try minimalSkills().replacingOccurrences(of: "steps: [basic, intermediate, advanced]", with: "steps: [basic, guru, advanced]")
        assertProblem(try problems(replacing: "skills.yaml", with: unknown), "unknown plain step 'guru'", file: "skills.yaml", atLine: 4,
                      hint: "basic, intermediate, advanced, expert")
        let levels = try minimalSkills().replacingOccurrences(of: "levels: [Has tried it., Does it alone., Does the hard cases., Teaches it.]",
                                                               with: "levels: [Has tried it.]")
        assertProblem(try problems(replacing: "skills.yaml", with: levels), "skill 'modelling' describes 1 levels; it needs four", file: "skills.yaml", atLine: 10)
    }

    func testAPlanStepNamesSkillsThatExist() throws {
        let shared = try String(contentsOf: Fixtures.minimal.appendingPathComponent("shared.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "learn: [Version control, Testing]", with: "learn: [Version control, {step: Testing, skills: [testing]}]")
        assertProblem(try problems(replacing: "shared.yaml", with: shared), "unknown skill 'testing'", file: "shared.yaml", atLine: 27,
                      hint: "known skills: modelling")
        let fine = try String(contentsOf: Fixtures.minimal.appendingPathComponent("shared.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "learn: [Version control, Testing]", with: "learn: [Version control, {step: Testing, skills: [modelling]}]")
        var documents = try Fixtures.minimalDocuments().filter { $0.file != "shared.yaml" }
        documents.append(("shared.yaml", fine))
        let catalog = try CatalogLoader.load(documents: documents)
        XCTAssertEqual(catalog.transitions[0].learn, ["Version control", "Testing"])
        XCTAssertEqual(catalog.transitions[0].learnSkills, [[], ["modelling"]])
    }
}
