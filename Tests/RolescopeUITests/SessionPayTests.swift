import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Whether pay is hidden is kept with the session: recorded when it starts and at each `$`
/// during it, and restored by the resume prompt (drawn with pay hidden) and by resuming.
final class SessionPayTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")

    func press(_ model: inout AppModel, _ keys: [Key]) { for key in keys { _ = model.update(.key(key)) } }

    func text(_ model: AppModel) -> String {
        var buffer = Buffer(width: 100, height: 30)
        model.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    func hasFigure(_ text: String) -> Bool { text.range(of: #"\$[0-9]"#, options: .regularExpression) != nil }

    func testTheStartAndEveryDollarDuringASessionAreRecorded() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 100, height: 30, payHidden: true)
        let recorder = MemoryRecorder()
        model.recorder = recorder
        // $ before any session records nothing.
        press(&model, [.char("$"), .char("$")])
        XCTAssertTrue(recorder.records.isEmpty)
        press(&model, [.char("3"), .char("S"), .enter])
        XCTAssertEqual(recorder.started.map(\.payHidden), [true])
        press(&model, [.char("$")])
        XCTAssertFalse(model.payHidden)
        press(&model, [.char("$")])
        XCTAssertEqual(recorder.records.map(\.record), [.payHidden(false), .payHidden(true)])
    }

    func testAnOfferFromASessionWithPayHiddenHidesPayUnderThePromptAndAfterResuming() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let questionnaire = try XCTUnwrap(catalog.questionnaires.first)
        var run = QuestionnaireRun(questionnaire)
        try run.answer(0)
        let offer = SessionOffer(id: 7, label: "#7", run: run, candidate: "Ada", payHidden: true)
        for answer in [Key.char("y"), Key.char("n")] {
            var model = AppModel(catalog: catalog, width: 100, height: 30)
            XCTAssertTrue(hasFigure(text(model)), "the Roles preview shows pay when nothing hides it")
            model.offerResume(offer)
            XCTAssertTrue(model.payHidden)
            XCTAssertTrue(text(model).contains("Resume session"))
            XCTAssertFalse(hasFigure(text(model)), "the prompt's frame shows no figure")
            press(&model, [answer])
            XCTAssertTrue(model.payHidden, "resuming or not, pay stays hidden until $ is pressed")
            for tab in ["1", "2", "3", "4", "5"] {
                press(&model, [.char(Character(tab))])
                XCTAssertFalse(hasFigure(text(model)), "tab \(tab)")
            }
            press(&model, [.char("1"), .char("$")])
            XCTAssertTrue(hasFigure(text(model)))
        }
    }

    func testAnOfferWithPayShownLeavesHiddenPayHidden() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let questionnaire = try XCTUnwrap(catalog.questionnaires.first)
        var model = AppModel(catalog: catalog, width: 100, height: 30, payHidden: true)
        model.offerResume(SessionOffer(id: 1, label: "#1", run: QuestionnaireRun(questionnaire), payHidden: false))
        press(&model, [.char("y")])
        XCTAssertTrue(model.payHidden)
    }
}
