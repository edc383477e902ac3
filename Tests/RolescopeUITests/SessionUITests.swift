import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Sessions in the app: S starts one with a candidate's label, every answer, change,
/// back and note reaches the recorder at once, and an unfinished one can be resumed.
final class SessionUITests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")

    func press(_ model: inout AppModel, _ keys: [Key]) { for key in keys { _ = model.update(.key(key)) } }
    func type(_ model: inout AppModel, _ text: String) { press(&model, text.map { .char($0) }) }

    func text(_ model: AppModel, width: Int = 80, height: Int = 24) -> String {
        var buffer = Buffer(width: width, height: height)
        model.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    func testSessionRecordsEveryStepAsItIsGiven() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        let recorder = MemoryRecorder()
        model.recorder = recorder
        press(&model, [.char("3"), .char("S")])
        XCTAssertTrue(model.questionnaire.editsText)
        XCTAssertTrue(text(model).contains("Candidate (optional)"))
        type(&model, "Ada")
        press(&model, [.enter])
        XCTAssertEqual(recorder.started.map(\.candidate), ["Ada"])
        XCTAssertEqual(model.questionnaire.session?.id, 1)
        XCTAssertTrue(model.questionnaire.breadcrumb.contains("session #1 (Ada)"))

        XCTAssertEqual(model.message, "recording")
        press(&model, [.enter])
        XCTAssertEqual(recorder.records.count, 1, "the answer is recorded the moment it is given")
        guard case .answer(let first, 0, nil) = recorder.records[0].record else { return XCTFail("\(recorder.records)") }

        // On question 2, a note goes to the answer just given (question 1's), not to the
        // question on screen; the editor shows that whole question and answer.
        press(&model, [.char("a")])
        XCTAssertTrue(model.questionnaire.editsText, "a opens the note editor")
        XCTAssertTrue(text(model).contains("Note on your answer 1 to question 1:"), text(model))
        XCTAssertTrue(text(model).contains("Ctrl-S save"), "the hint bar names the save key")
        type(&model, "unsure")
        press(&model, [.enter])
        XCTAssertTrue(model.questionnaire.editsText, "Enter starts a new line")
        type(&model, "asked twice")
        press(&model, [.ctrl("s")])
        XCTAssertFalse(model.questionnaire.editsText)
        guard case .note(let noted, 0, "unsure\nasked twice") = recorder.records.last?.record else { return XCTFail("\(recorder.records)") }
        XCTAssertEqual(noted.id, first.id)
        XCTAssertEqual(model.message, "Note saved on answer 1")
        let lines = text(model).split(separator: "\n")
        XCTAssertTrue(lines[1].contains("Note saved on answer 1") && lines[1].contains("session #1 (Ada)"), "the header says so: \(lines[1])")
        XCTAssertTrue(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("(note)") }, "the answer carries a mark")
        XCTAssertTrue(lines.contains { $0.contains("Note: unsure") } && lines.contains { $0.trimmingCharacters(in: .whitespaces) == "asked twice" },
                      "the note shows under its answer, every line")

        // Esc over typed text asks first; a second Esc discards it, recording nothing.
        let count = recorder.records.count
        press(&model, [.char("a")])
        type(&model, "dropped")
        press(&model, [.escape])
        XCTAssertTrue(model.questionnaire.editsText, "one Esc keeps the text")
        XCTAssertTrue(text(model).contains("Esc again discards this note"))
        press(&model, [.escape])
        XCTAssertFalse(model.questionnaire.editsText)
        XCTAssertEqual(recorder.records.count, count)

        // Change the first answer via the trail, then take one back.
        press(&model, [.char("["), .enter] + answerKeys("2"))
        guard case .change(let changed, 1, _) = recorder.records.last?.record else { return XCTFail("\(recorder.records)") }
        XCTAssertEqual(changed.id, first.id)
        press(&model, answerKeys("1") + [.escape])
        guard case .back(_, 0) = recorder.records.last?.record else { return XCTFail("\(recorder.records)") }

        // Answer to the end: the last answer carries the outcome.
        for _ in 0..<6 where model.questionnaire.view == .question { press(&model, [.enter]) }
        guard case .answer(_, _, let reaching?) = recorder.records.last?.record else { return XCTFail("\(recorder.records)") }
        XCTAssertEqual(reaching.outcome.id, model.questionnaire.run?.outcome?.id)
    }

    func testWithoutAStoreTheAppWarnsAndGoesOn() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 100, height: 24)
        press(&model, [.char("3"), .char("S"), .enter])
        XCTAssertNil(model.questionnaire.session)
        XCTAssertTrue(text(model, width: 100).split(separator: "\n")[1].contains("sessions unavailable"))
        press(&model, [.enter])
        XCTAssertEqual(model.questionnaire.run?.steps.count, 1)
    }

    func testResumeOfferRebuildsTheRun() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        let recorder = MemoryRecorder()
        model.recorder = recorder
        let run = try QuestionnaireRun(catalog.questionnaires[0], answers: [0])
        model.offerResume(SessionOffer(id: 7, label: "#7 Which path fits me? for Ada, 1 answer", run: run))
        assertSnapshot(of: text(model), as: .lines, named: "resume-offer-80x24")
        press(&model, [.char("j")])
        XCTAssertNil(model.questionnaire.run, "other keys leave the offer open")
        press(&model, [.char("y")])
        XCTAssertEqual(model.tab, .questionnaire)
        XCTAssertEqual(model.questionnaire.run?.steps.count, 1)
        XCTAssertEqual(model.questionnaire.session?.id, 7)
        XCTAssertEqual(model.message, "resumed")
        press(&model, [.enter])
        XCTAssertEqual(recorder.records.first?.session, 7)

        // L lists past sessions; Enter reopens a finished one read-only.
        let finished = try QuestionnaireRun(catalog.questionnaires[0], answers: [0, 0, 0])
        recorder.stored = [(PastSession(id: 3, line: "#3 Which path fits me? · Ada → done", finished: true),
                            SessionOffer(id: 3, label: "", run: finished, candidate: "Ada"))]
        press(&model, [.char("q"), .char("L")])
        XCTAssertTrue(text(model).contains("finished    #3 Which path fits me?"))
        let before = recorder.records.count
        press(&model, [.enter])
        XCTAssertEqual(model.questionnaire.view, .result)
        XCTAssertTrue(model.questionnaire.breadcrumb.contains("session #3 (Ada)") && model.questionnaire.breadcrumb.contains(" · read-only › "), model.questionnaire.breadcrumb)
        XCTAssertEqual(model.message, "read-only")
        XCTAssertFalse(model.questionnaire.commands.offers(.note), "no notes on a read-only session")
        // Changing it offers a new session instead; no keeps it as it was.
        press(&model, [.char("R")])
        XCTAssertTrue(text(model).contains("Session #3 (Ada) is read-only"), text(model))
        press(&model, [.char("n")])
        XCTAssertEqual(model.questionnaire.run?.steps.count, 3, "nothing changed")
        XCTAssertEqual(recorder.records.count, before, "a read-only session records nothing")
        press(&model, [.char("["), .enter])
        XCTAssertTrue(text(model).contains("Start a new session?"), "trying another answer offers it too")
        press(&model, [.char("y")])
        XCTAssertEqual(recorder.started.last?.candidate, "Ada", "a new session for the same candidate")
        XCTAssertEqual(model.questionnaire.session?.id, Int64(recorder.started.count))
        XCTAssertEqual(model.questionnaire.session?.readOnly, false)
        XCTAssertEqual(recorder.records.suffix(3).map(\.session), Array(repeating: Int64(recorder.started.count), count: 3),
                       "its answers recorded first, in the new session")
        press(&model, [.char("R")])
        XCTAssertEqual(model.questionnaire.run?.steps.count, 0, "and now it can change")

        var fresh = AppModel(catalog: catalog, width: 80, height: 24)
        fresh.offerResume(SessionOffer(id: 7, label: "x", run: run))
        press(&fresh, [.escape])
        XCTAssertNil(fresh.questionnaire.run)
        XCTAssertEqual(fresh.tab, .roles)
    }

    /// The L list: F2 renames a session's candidate, / filters by candidate as you type,
    /// Del deletes after asking (Enter alone does not), and each row says finished or not.
    func testPastSessionsCanBeRenamedFilteredAndDeleted() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        let recorder = MemoryRecorder()
        model.recorder = recorder
        let finished = try QuestionnaireRun(catalog.questionnaires[0], answers: [0, 0, 0])
        let open = try QuestionnaireRun(catalog.questionnaires[0], answers: [0])
        recorder.stored = [
            (PastSession(id: 2, line: "#2 Which path fits me? · Bo, 1 answer · pay hidden", finished: false, candidate: "Bo", payHidden: true),
             SessionOffer(id: 2, label: "", run: open, candidate: "Bo")),
            (PastSession(id: 1, line: "#1 Which path fits me? · Ada → done", finished: true, candidate: "Ada"),
             SessionOffer(id: 1, label: "", run: finished, candidate: "Ada")),
        ]
        press(&model, [.char("L")])
        var screen = text(model)
        XCTAssertTrue(screen.contains("unfinished  #2") && screen.contains("finished    #1"), screen)
        XCTAssertTrue(screen.contains("Unfinished (Enter resumes): #2 Which path fits me? · Bo, 1 answer · pay") && screen.contains("│ hidden   "),
                      "the selected row in full, wrapped: \(screen)")

        // Rename the first to "Bo Diddley".
        press(&model, [.function(2)])
        XCTAssertTrue(text(model).contains("Candidate for #2"))
        type(&model, " Diddley")
        press(&model, [.enter])
        XCTAssertEqual(recorder.renamed.last?.session, 2)
        XCTAssertEqual(recorder.renamed.last?.candidate, "Bo Diddley")
        XCTAssertEqual(model.message, "Session #2 is now \"Bo Diddley\"")

        // Filter by candidate: only Ada's session is left; Esc clears the filter.
        press(&model, [.char("/")])
        type(&model, "ad")
        screen = text(model)
        XCTAssertTrue(screen.contains("Past sessions: 1 of 2 for \"ad\""), screen)
        XCTAssertFalse(screen.contains("#2 Which path"))
        press(&model, [.enter])
        XCTAssertFalse((model.overlay as? PastSessionsOverlay)?.editsText ?? true, "Enter keeps the filter")

        // Delete it: Enter alone does nothing, n keeps it, y deletes it.
        press(&model, [.delete])
        XCTAssertTrue(text(model).contains("Delete session #1?"))
        press(&model, [.enter])
        XCTAssertTrue(recorder.deleted.isEmpty, "Enter does not delete")
        press(&model, [.char("n")])
        XCTAssertTrue(recorder.deleted.isEmpty)
        XCTAssertTrue(text(model).contains("Past sessions: 1 of 2"), "back to the list, still filtered")
        press(&model, [.delete, .char("y")])
        XCTAssertEqual(recorder.deleted, [1])
        XCTAssertEqual(model.message, "Session #1 deleted")
        press(&model, [.escape])
        screen = text(model)
        XCTAssertTrue(screen.contains("Past sessions (1)") && screen.contains("#2 Which path"), screen)

        // ? shows the list's keys over it, and closing the help brings the list back.
        XCTAssertTrue(text(model).split(separator: "\n").last?.contains("? help") ?? false)
        var small = model
        _ = small.update(.resize(width: 60, height: 16))
        XCTAssertTrue(text(small, width: 60, height: 16).split(separator: "\n").last?.contains("? help") ?? false, "kept at 60x16 too")
        press(&model, [.char("?")])
        XCTAssertTrue(text(model).contains("Keys for Past sessions") && text(model).contains("F2  rename"), text(model))
        press(&model, [.escape])
        XCTAssertTrue(text(model).contains("Past sessions (1)"), "the list is back")
        press(&model, [.escape])
        XCTAssertNil(model.overlay)
    }

    func testNoteEditorSnapshot() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 80, height: 24)
        model.recorder = MemoryRecorder()
        press(&model, [.char("3"), .char("S")])
        type(&model, "Ada")
        press(&model, [.enter, .enter, .char("a")])
        type(&model, "Hesitated")
        press(&model, [.enter])
        type(&model, "then chose the product side")
        assertSnapshot(of: text(model), as: .lines, named: "note-editor-80x24")
    }
}
