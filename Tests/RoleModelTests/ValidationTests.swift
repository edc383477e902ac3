import XCTest
@testable import RoleModel

/// One bad fixture per validation rule, asserting the message and where it points.
final class ValidationTests: XCTestCase {
    func testMinimalFixtureIsValid() throws {
        let catalog = try Fixtures.minimalCatalog()
        XCTAssertEqual(catalog.roles.map(\.id), ["builder", "thinker"])
        XCTAssertEqual(catalog.questionnaires.first?.depth, 3)
    }

    func testYAMLSyntaxErrorNamesLineAndColumn() throws {
        let problems = try problems(replacing: "extra.yaml", with: "sources:\n  - {id: gamma, title: [oops\n")
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems[0].file, "extra.yaml")
        XCTAssertTrue(problems[0].message.hasPrefix("YAML syntax error"), problems[0].description)
        // The input ends before the bracket is closed: the end of the last line, not the
        // line after it where libyaml places the end of input.
        XCTAssertEqual(problems[0].line, 2)
        XCTAssertEqual(problems[0].column, 29)
    }

    func testUnknownSectionAndUnknownKey() throws {
        let problems = try problems(replacing: "extra.yaml", with: "rolez:\n  - x\nsources:\n  - {id: gamma, title: G, publisher: P, date: '2026', covers: c, colour: red, sources: []}\n")
        assertProblem(problems, "unknown section 'rolez'", file: "extra.yaml", atLine: 1, hint: "sources, groups")
        assertProblem(problems, "unknown key 'colour'", file: "extra.yaml", atLine: 4, hint: "known keys: id, title")
    }

    func testDuplicateID() throws {
        let text = try String(contentsOf: Fixtures.minimal.appendingPathComponent("thinker.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: thinker", with: "id: builder")
            .replacingOccurrences(of: "aliases: [dt]", with: "aliases: []")
        let problems = try problems(replacing: "thinker.yaml", with: text)
        assertProblem(problems, "duplicate role id 'builder'", file: "thinker.yaml", atLine: 2, hint: "first defined at builder.yaml:2")
    }

    func testMissingRequiredFieldAndWrongType() throws {
        let problems = try problems(replacing: "extra.yaml", with: "sources:\n  - id: gamma\n    title: [a, b]\n    publisher: P\n    date: '2026'\n")
        assertProblem(problems, "is missing 'covers'", file: "extra.yaml", atLine: 2)
        assertProblem(problems, "'title' in source 'gamma' should be text, found a list", file: "extra.yaml", atLine: 3)
    }

    func testDanglingSourceReference() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    output:\n      - text: t\n        sources: [gamma]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "unknown source 'gamma'", file: "third.yaml", atLine: 8, hint: "known sources: alpha, beta")
    }

    func testDanglingDimensionReference() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    outptu:\n      - text: t\n        sources: [alpha]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "unknown dimension 'outptu'", file: "third.yaml", atLine: 6, hint: "known dimensions:")
    }

    func testValueWithNoSource() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    output:\n      - text: unsourced\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "has no sources", file: "third.yaml", atLine: 7, hint: "sources: [source-id]")
    }

    func testLongValueNeedsASummaryWithinTheLimit() throws {
        // The limit is 28 characters, a role's column with two roles at 80 columns; each
        // check sits on its edge: 29 fails, 28 passes (an en dash counts as one).
        XCTAssertEqual(DimensionValue.summaryLimit, 28)
        let long = String(repeating: "word ", count: 10) + "end"
        let justOver = "Twenty-nine characters, this"
        let atLimit = "Twenty-eight characters – ok"
        XCTAssertEqual([justOver.count + 1, atLimit.count], [29, 28])
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    output:\n      - text: \(long)\n        sources: [alpha]\n"
            + "      - text: \(long)\n        summary: \(justOver)!\n        sources: [alpha]\n"
            + "      - text: \(long)\n        summary: \(atLimit)\n        sources: [alpha]\n"
            + "      - text: \(justOver)!\n        sources: [alpha]\n"
            + "      - text: \(atLimit)\n        sources: [alpha]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "value 1 of 'output' in role 'third' is 53 characters long and has no summary", file: "third.yaml",
                      atLine: 7, hint: "add `summary:` of at most 28 characters")
        assertProblem(problems, "the summary of value 2 of 'output' in role 'third' is 29 characters, more than the limit of 28",
                      file: "third.yaml", atLine: 10, hint: "at most 28 characters")
        assertProblem(problems, "value 4 of 'output' in role 'third' is 29 characters long and has no summary", file: "third.yaml",
                      atLine: 15, hint: "add `summary:` of at most 28 characters")
        // The third value's summary and the fifth value, both at the limit, pass (the other
        // problem is that no outcome recommends the new role).
        XCTAssertEqual(problems.filter { $0.message.contains("summary") }.count, 3, problems.map(\.description).joined(separator: "\n"))
    }

    func testGlanceUsesTheSummaryOrAShortFormOfTheFacts() {
        XCTAssertEqual(DimensionValue(.prose("Long text"), sources: ["a"], summary: "Short").glance, "Short")
        XCTAssertEqual(DimensionValue(.prose("Short text"), sources: ["a"]).glance, "Short text")
        XCTAssertEqual(DimensionValue(.list(["One", "Two"]), sources: ["a"]).glance, "One; Two")
        XCTAssertEqual(DimensionValue(.level(LevelRating(level: "High", rank: 1, outOf: 2)), sources: ["a"]).glance, "High")
        let pay = MoneyRange(low: 85_000, high: 110_000, basis: .salary, seniority: "entry")
        XCTAssertEqual(DimensionValue(.money(pay), sources: ["a"]).glance, "$85,000–$110,000 entry salary")
        let ladder = [LadderStep(title: "Junior"), LadderStep(title: "Senior"), LadderStep(title: "Staff")]
        XCTAssertEqual(DimensionValue(.ladder(ladder), sources: ["a"]).glance, "3 steps, Junior to Staff")
    }

    func testValueShapeMustFitKind() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    output:\n      - items: [a]\n        sources: [alpha]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "unknown key 'items'", file: "third.yaml", atLine: 7, hint: "'items' belongs to list values")
    }

    func testLevelNotOnScale() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    modelling:\n      - level: Expert\n        sources: [alpha]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "level 'Expert' is not on scale 'depth'", file: "third.yaml", atLine: 7, hint: "Basic, Moderate, Advanced")
    }

    func testMoneyRangeLowAboveHigh() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    pay:\n      - low: 200000\n        high: 100000\n        basis: salary\n        sources: [alpha]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "money range runs backwards", file: "third.yaml", atLine: 7, hint: "swap low and high")
    }

    func testUnknownPayBasis() throws {
        let text = "role:\n  id: third\n  title: Third\n  summary: s\n  values:\n    pay:\n      - low: 1\n        basis: bonus\n        sources: [alpha]\n"
        let problems = try problems(replacing: "third.yaml", with: text)
        assertProblem(problems, "unknown pay basis 'bonus'", file: "third.yaml", atLine: 8, hint: "salary, total-compensation, median-wage")
    }

    func testQuestionnaireCycle() throws {
        let text = try quiz().replacingOccurrences(of: "{label: Both, because: you need both, outcome: get-both}",
                                                   with: "{label: Both, because: you need both, next: q1}")
        let problems = try problems(replacing: "quiz.yaml", with: text)
        assertProblem(problems, "answer 2 of question 'q3' leads back to 'q1', making a loop", file: "quiz.yaml", atLine: 25)
    }

    func testQuestionnaireUnreachableQuestionAndOutcome() throws {
        let text = try quiz() + "    - {id: orphan-outcome, title: Nobody, recommend: [builder], rationale: r, sources: [alpha]}\n"
        let withQuestion = text.replacingOccurrences(of: "  outcomes:\n", with: "    - id: orphan\n      prompt: Lost?\n      why: w\n      answers:\n        - {label: x, outcome: get-builder}\n  outcomes:\n")
        let problems = try problems(replacing: "quiz.yaml", with: withQuestion)
        assertProblem(problems, "question 'orphan' cannot be reached from the start", file: "quiz.yaml", atLine: 26)
        assertProblem(problems, "outcome 'orphan-outcome' cannot be reached", file: "quiz.yaml", atLine: 35)
    }

    func testQuestionnairePathThatNeverEnds() throws {
        // q2 and q3 only lead to each other: the loop is reported, and so is the dead end.
        let text = try quiz()
            .replacingOccurrences(of: "{label: \"No\", because: your data is messy, outcome: get-builder}", with: "{label: \"No\", because: your data is messy, next: q3}")
            .replacingOccurrences(of: "{label: Answers, because: you need answers, outcome: get-thinker}", with: "{label: Answers, next: q2}")
            .replacingOccurrences(of: "{label: Both, because: you need both, outcome: get-both}", with: "{label: Both, next: q2}")
        let problems = try problems(replacing: "quiz.yaml", with: text)
        assertProblem(problems, "no path from question 'q2' ever reaches an outcome", file: "quiz.yaml", atLine: 14)
        XCTAssertTrue(problems.contains { $0.message.contains("making a loop") })
    }

    func testDanglingNextAndUnknownStart() throws {
        let text = try quiz().replacingOccurrences(of: "next: q3", with: "next: q9").replacingOccurrences(of: "start: q1", with: "start: q0")
        let problems = try problems(replacing: "quiz.yaml", with: text)
        assertProblem(problems, "start question 'q0' does not exist", file: "quiz.yaml", atLine: 6, hint: "known questions: q1, q2, q3")
        let fixed = try quiz().replacingOccurrences(of: "next: q3", with: "next: q9")
        assertProblem(try self.problems(replacing: "quiz.yaml", with: fixed), "leads to unknown question 'q9'", file: "quiz.yaml", atLine: 18)
    }

    func testAnswerWithBothNextAndOutcome() throws {
        let text = try quiz().replacingOccurrences(of: "{label: \"No\", because: you have no data yet, outcome: get-builder}",
                                                   with: "{label: \"No\", next: q2, outcome: get-builder}")
        let problems = try problems(replacing: "quiz.yaml", with: text)
        assertProblem(problems, "has both 'next' and 'outcome'", file: "quiz.yaml", atLine: 13)
    }

    func testRoleThatNoOutcomeReaches() throws {
        let text = try quiz().replacingOccurrences(of: "recommend: [thinker]", with: "recommend: [builder]")
            .replacingOccurrences(of: "recommend: [builder, thinker]", with: "recommend: [builder]")
        let problems = try problems(replacing: "quiz.yaml", with: text)
        assertProblem(problems, "no questionnaire outcome recommends role 'thinker'", file: "thinker.yaml", atLine: 2)
    }

    func testTimelineOverlapAndBackwards() throws {
        let text = try day()
            .replacingOccurrences(of: "{start: \"10:30\", end: \"11:00\"", with: "{start: \"10:00\", end: \"11:00\"")
            .replacingOccurrences(of: "{start: \"13:00\", end: \"16:00\"", with: "{start: \"16:00\", end: \"13:00\"")
        let problems = try problems(replacing: "day.yaml", with: text)
        assertProblem(problems, "entry 'Stand-up' (10:00–11:00) overlaps 'Fix ingestion' (09:00–10:30)", file: "day.yaml", atLine: 11)
        assertProblem(problems, "runs backwards: it ends at 13:00", file: "day.yaml", atLine: 13, hint: "make 'end' later")
    }

    func testTimelineUnknownCategoryAndBadClock() throws {
        let text = try day().replacingOccurrences(of: "category: meetings", with: "category: meeting")
            .replacingOccurrences(of: "\"12:00\"", with: "\"noon\"")
        let problems = try problems(replacing: "day.yaml", with: text)
        assertProblem(problems, "unknown category 'meeting'", file: "day.yaml", atLine: 11, hint: "known categorys: break, build, meetings")
        assertProblem(problems, "'noon' is not a time of day", file: "day.yaml", atLine: 12, hint: "HH:MM")
    }

    func testWeekBackwardsSpan() throws {
        let text = try String(contentsOf: Fixtures.minimal.appendingPathComponent("week.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{day: Tuesday, through: Wednesday", with: "{day: Wednesday, through: Tuesday")
        let problems = try problems(replacing: "week.yaml", with: text)
        assertProblem(problems, "runs backwards: Tuesday comes before Wednesday", file: "week.yaml", atLine: 11)
    }

    func testEmptyFileAndNonMapping() throws {
        assertProblem(try problems(replacing: "empty.yaml", with: ""), "file is empty", file: "empty.yaml", atLine: 1)
        assertProblem(try problems(replacing: "list.yaml", with: "- a\n- b\n"), "should be a mapping of sections", file: "list.yaml", atLine: 1)
    }

    func testBrokenFixtureReportsAllFourProblems() throws {
        do {
            _ = try CatalogLoader.load(directory: Fixtures.broken, displayPath: "broken")
            XCTFail("the broken fixture loaded")
        } catch {
            XCTAssertEqual(error.exitStatus, 65)
            let text = error.problems.map(\.description)
            XCTAssertTrue(text.contains { $0.hasPrefix("broken/builder.yaml:11:16: YAML syntax error") }, text.joined(separator: "\n"))
            XCTAssertTrue(text.contains { $0.hasPrefix("broken/quiz.yaml:20:60: unknown role 'thinkr'") })
            XCTAssertTrue(text.contains { $0.hasPrefix("broken/quiz.yaml:17:32: answer 1 of question 'q2' leads back to 'q1'") })
            XCTAssertTrue(text.contains { $0.hasPrefix("broken/day.yaml:10:7: entry 'Stand-up' (10:00–11:00) overlaps") })
        }
    }

    func testMissingAndEmptyDirectories() throws {
        XCTAssertThrowsError(try CatalogLoader.load(directory: URL(fileURLWithPath: "/nonexistent/rolescope"))) { error in
            XCTAssertEqual((error as? ContentError)?.exitStatus, 66)
            XCTAssertEqual((error as? ContentError)?.problems.first?.message, "no such directory")
        }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        XCTAssertThrowsError(try CatalogLoader.load(directory: empty)) { error in
            XCTAssertEqual((error as? ContentError)?.exitStatus, 65)
            XCTAssertTrue((error as? ContentError)?.problems.first?.message.contains("no content files") ?? false)
        }
    }

    func testNotUTF8NamesTheLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-latin1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("sources:\n  - id: caf\u{E9}\n".utf8).write(to: dir.appendingPathComponent("ok.yaml"))
        try Data([0x73, 0x3A, 0x0A, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: dir.appendingPathComponent("bad.yaml"))
        XCTAssertThrowsError(try CatalogLoader.load(directory: dir, displayPath: "d")) { error in
            let problem = (error as? ContentError)?.problems.first { $0.file == "d/bad.yaml" }
            XCTAssertEqual(problem?.message, "file is not valid UTF-8")
            XCTAssertEqual(problem?.line, 2)
            XCTAssertEqual(problem?.column, 5)
        }
    }

    private func quiz() throws -> String { try String(contentsOf: Fixtures.minimal.appendingPathComponent("quiz.yaml"), encoding: .utf8) }
    private func day() throws -> String { try String(contentsOf: Fixtures.minimal.appendingPathComponent("day.yaml"), encoding: .utf8) }
}
