import BuiltinCatalog
import Foundation
import RoleModel
import SessionStore
import TerminalKit
import XCTest
@testable import RoleReports

final class SessionReportsTests: XCTestCase {
    var folder: URL!
    var store: SessionStore!
    var catalog: Catalog!
    let reports = SessionReports(timeZone: TimeZone(identifier: "UTC")!)

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-reports-\(UUID().uuidString)")
        store = try SessionStore(location: folder.appendingPathComponent("sessions.sqlite"))
        catalog = try BuiltinCatalog.load()
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: folder)
    }

    func time(_ seconds: Int) -> Date { Date(timeIntervalSince1970: 1_780_000_000 + Double(seconds)) }

    /// Answers 1, changed to 2, then 1, 1: AI Engineer; a note on the changed answer, one
    /// on the answer that replaced it, and a self-assessment.
    func recordedSession(candidate: String = "Ada") throws -> SessionHistory {
        let hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
        let session = try store.createSession(questionnaire: hiring, candidate: candidate, catalog: catalog, at: time(0))
        var run = QuestionnaireRun(hiring)
        let first = try XCTUnwrap(run.currentQuestion)
        try run.answer(0)
        try store.recordAnswer(in: session.id, question: first, answerIndex: 0, at: time(60))
        try store.addNote(in: session.id, question: first, answerIndex: 0, text: "Said fine-tuning first.", at: time(70))
        try run.change(step: 0, to: 1)
        try store.recordChange(in: session.id, question: first, answerIndex: 1, at: time(80))
        try store.addNote(in: session.id, question: first, answerIndex: 1, text: "Then: a hosted LLM today.", at: time(90))
        for seconds in [100, 120] {
            let question = try XCTUnwrap(run.currentQuestion)
            try run.answer(0)
            try store.recordAnswer(in: session.id, question: question, answerIndex: 0, reaching: run.explanation.map(SessionOutcome.init), at: time(seconds))
        }
        try store.saveAssessment(in: session.id, SelfAssessment(ratings: ["statistics": .advanced, "python": .intermediate]), catalog: catalog, at: time(200))
        return try store.load(session.id)
    }

    func testMarkdownExportHasEveryAnswerChangeNoteAndTheOutcome() throws {
        let history = try recordedSession()
        let markdown = MarkdownRenderer().render(reports.session(history))
        let hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
        let first = try XCTUnwrap(hiring.question("own-models"))
        for answer in history.answers { XCTAssertTrue(markdown.contains(answer.prompt), answer.prompt) }
        XCTAssertTrue(markdown.contains("### 1. \(first.prompt)"))
        XCTAssertTrue(markdown.contains("→ \(first.answers[1].label)"))
        XCTAssertTrue(markdown.contains("- Changed from: \(first.answers[0].label)"))
        XCTAssertTrue(markdown.contains("- Note (20:28:10): Then: a hosted LLM today."), "the note sits under its answer")
        XCTAssertTrue(markdown.contains("## Notes on answers no longer given"))
        XCTAssertTrue(markdown.contains("Note (20:27:50): Said fine-tuning first."))
        XCTAssertTrue(markdown.contains("## Outcome: Hire an AI Engineer (not an ML Engineer)"))
        XCTAssertTrue(markdown.contains("This result follows because"))
        XCTAssertTrue(markdown.contains("2. 20:28:00 Changed the answer to \"\(first.prompt)\" from \"\(first.answers[0].label)\" to \"\(first.answers[1].label)\""))
        XCTAssertTrue(markdown.contains("- **Candidate**: Ada"))
        XCTAssertTrue(markdown.contains("## Self-assessment (2026-05-28 20:30)"))
        XCTAssertTrue(markdown.contains("How fit is worked out: A role needs the highest step any source gives it"))
        // Data Scientist: Python (shared) expert (4) vs intermediate (2): 2 of 4 → 50%;
        // Statistics is not shared, so only a gap (expert vs advanced).
        XCTAssertTrue(markdown.contains("| Data Scientist | 2 of the 4 levels needed: 50% | Python, Statistics and probability |"), markdown)
        XCTAssertTrue(markdown.contains("| Data Engineer | no score: no source rates Data Engineer's skills on a scale | none |"), markdown)
    }

    func testJSONHasTheSameData() throws {
        let history = try recordedSession()
        let json = try JSONSerialization.jsonObject(with: Data(SessionJSON.session(history).utf8)) as? [String: Any]
        let object = try XCTUnwrap(json)
        XCTAssertEqual(object["candidate"] as? String, "Ada")
        XCTAssertEqual(object["finished"] as? Bool, true)
        XCTAssertEqual((object["outcome"] as? [String: Any])?["id"] as? String, "hire-ai-engineer")
        let answers = try XCTUnwrap(object["answers"] as? [[String: Any]])
        XCTAssertEqual(answers.map { $0["answer"] as? Int }, [2, 1, 1], "1-based, as in quiz")
        XCTAssertEqual((answers[0]["replaced"] as? [String])?.count, 1)
        XCTAssertEqual(((answers[0]["notes"] as? [[String: Any]])?.first)?["text"] as? String, "Then: a hosted LLM today.")
        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        XCTAssertEqual(events.map { $0["kind"] as? String }, ["answer", "change", "answer", "answer"])
        XCTAssertEqual(events[0]["at"] as? String, "2026-05-28T20:27:40Z")
        XCTAssertEqual((object["notes"] as? [Any])?.count, 2)
        let assessment = try XCTUnwrap((object["assessments"] as? [[String: Any]])?.first)
        XCTAssertEqual((assessment["fits"] as? [Any])?.count, 4)
    }

    func testListShowsStatusAndCandidates() throws {
        _ = try recordedSession()
        let hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
        try store.createSession(questionnaire: hiring, catalog: catalog, at: time(500))
        let text = TextRenderer(width: 200).render(reports.list(try store.list(), location: "/data/sessions.sqlite"))
        XCTAssertTrue(text.contains("2: 2026-05-28 20:35 · no candidate named · Which role do I need? · in progress, 0 answers so far"), text)
        XCTAssertTrue(text.contains("1: 2026-05-28 20:26 · Ada · Which role do I need? · finished: Hire an AI Engineer (not an ML Engineer) · 2 notes"), text)
        XCTAssertTrue(text.contains("/data/sessions.sqlite"))
        XCTAssertTrue(TextRenderer().render(reports.list([], location: "x")).contains("No sessions yet"))
    }

    func testTypedTextCannotDriveTheTerminal() throws {
        // A candidate label and a note are typed by people: they are shown, never obeyed.
        let history = try recordedSession(candidate: "Eve\u{1B}]0;pwned\u{07}\u{1B}[2J")
        try store.addNote(in: history.session.id, question: try XCTUnwrap(catalog.questionnaire(id: "hiring")?.question("own-models")),
                          answerIndex: 1, text: "note\u{9B}31m\u{202E}")
        let again = try store.load(history.session.id)
        for output in [TextRenderer().render(reports.session(again)), MarkdownRenderer().render(reports.session(again)),
                       TextRenderer().render(reports.list(try store.list(), location: "x"))] {
            XCTAssertFalse(output.unicodeScalars.contains { [0x1B, 0x07, 0x9B, 0x202E].contains($0.value) }, output)
        }
        XCTAssertFalse(SessionJSON.session(again).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        XCTAssertTrue(SessionJSON.session(again).contains("\\u001b"))
    }
}

final class PlanReportTests: XCTestCase {
    func testAPlanListsWhatToLearnInOrderWithDurationAndSources() throws {
        let catalog = try BuiltinCatalog.load()
        let plan = catalog.plan(from: try catalog.background(matching: "swe"), to: try catalog.role(matching: "aie"))
        let text = TextRenderer(width: 200).render(Reports(catalog: catalog).plan(plan))
        XCTAssertTrue(text.contains("How long: about three months of focused project work to become hire-able [JoinAI, A.Team]"), text)
        XCTAssertTrue(text.contains("1. Retrieval: designing and building RAG pipelines — skill: Retrieval (RAG)\n2. Agents"), text)
        XCTAssertTrue(text.contains("[JoinAI]: AI Engineer vs Machine Learning Engineer vs Data Scientist (2026). JoinAI (Dan Lee)"))
        XCTAssertTrue(text.contains("Other ways into AI Engineer"))
        XCTAssertEqual(plan.otherBackgrounds.map(\.id), ["data-analyst", "data-scientist", "ml-graduate", "ml-engineer"])
        XCTAssertEqual(plan.otherRoles.map(\.id), ["data-engineer", "ml-engineer"])
    }

    func testAPairWithNoTransitionSaysSoAndListsTheWaysIn() throws {
        let catalog = try BuiltinCatalog.load()
        let plan = catalog.plan(from: try catalog.background(matching: "analyst"), to: try catalog.role(matching: "mle"))
        XCTAssertNil(plan.transition)
        let text = TextRenderer(width: 200).render(Reports(catalog: catalog).plan(plan))
        XCTAssertTrue(text.contains("No article describes a move from Data analyst to ML Engineer."))
        XCTAssertTrue(text.contains("• Software engineer (--from software-engineer)\n• Data scientist (--from data-scientist)"), text)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(JSONReports(catalog: catalog).plan(plan).utf8)) as? [String: Any])
        XCTAssertEqual(json["found"] as? Bool, false)
        XCTAssertEqual((json["otherBackgrounds"] as? [[String: String]])?.map { $0["id"] }, ["software-engineer", "data-scientist", "ml-graduate"])
        // The app's plan (and its export) names them without the command line's flags.
        let app = MarkdownRenderer().render(Reports(catalog: catalog).plan(plan, commandLine: false))
        XCTAssertTrue(app.contains("- Software engineer\n- Data scientist\n"), app)
        XCTAssertTrue(app.contains("AI Engineer"), app)
        XCTAssertFalse(app.contains("--from") || app.contains("--to"), app)
    }

    func testAPlanWithoutADurationSaysNoArticleGivesOne() throws {
        let catalog = try BuiltinCatalog.load()
        let plan = catalog.plan(from: try catalog.background(matching: "ml-grad"), to: try catalog.role(matching: "mle"))
        XCTAssertTrue(TextRenderer(width: 200).render(Reports(catalog: catalog).plan(plan)).contains("How long: no article gives a timeline for this move"))
    }
}
