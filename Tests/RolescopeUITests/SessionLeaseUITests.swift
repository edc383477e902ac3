import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// One writer per session, in the app: a session another rolescope records is offered
/// read-only or to take over, and a session taken over from this app stops being written
/// (what waited for it dropped), with a warning.
final class SessionLeaseUITests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")

    /// Holds what it is told; refuses writes once `takenOver` is set, as the store does.
    final class LeaseRecorder: SessionRecorder, @unchecked Sendable {
        var takenOver = false
        var deleted = false
        var othersHold: Set<Int64> = []
        var holds: [(id: Int64, takingOver: Bool)] = []
        var released: [Int64] = []
        var written: [SessionRecord] = []
        func start(questionnaire: Questionnaire, candidate: String?, payHidden: Bool) throws -> Int64 { 1 }
        func record(_ record: SessionRecord, in session: Int64) throws {
            if takenOver { throw SessionLost(session: session, description: "session \(session) is being recorded by another rolescope") }
            if deleted { throw SessionLost(session: session, reason: .deleted, description: "no session \(session)") }
            written.append(record)
        }
        func past() throws -> [PastSession] { [] }
        func reopen(_ id: Int64) throws -> SessionOffer { throw SessionLost(session: id, description: "") }
        func rename(_ id: Int64, to candidate: String?) throws {}
        func delete(_ id: Int64) throws {}
        func hold(_ id: Int64, takingOver: Bool) throws {
            if othersHold.contains(id) && !takingOver { throw SessionLost(session: id, description: "held by process 42") }
            holds.append((id, takingOver))
        }
        func release(_ id: Int64) { released.append(id) }
    }

    func press(_ model: inout AppModel, _ keys: [Key]) { for key in keys { _ = model.update(.key(key)) } }

    func text(_ model: AppModel) -> String {
        var buffer = Buffer(width: 100, height: 30)
        model.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    func offer(_ catalog: Catalog, heldBy: String?) throws -> SessionOffer {
        var run = QuestionnaireRun(try XCTUnwrap(catalog.questionnaires.first))
        try run.answer(0)
        return SessionOffer(id: 9, label: "#9 for Lin", run: run, candidate: "Lin", heldBy: heldBy)
    }

    func testAHeldSessionIsOfferedReadOnlyOrToTakeOver() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let recorder = LeaseRecorder()
        recorder.othersHold = [9]

        var reading = AppModel(catalog: catalog, width: 100, height: 30)
        reading.recorder = recorder
        reading.offerResume(try offer(catalog, heldBy: "process 42"))
        XCTAssertTrue(text(reading).contains("Session in use"))
        XCTAssertTrue(text(reading).contains("process 42"))
        press(&reading, [.char("n")])
        XCTAssertEqual(reading.questionnaire.session?.readOnly, true)
        XCTAssertTrue(recorder.holds.isEmpty, "read-only takes nothing")
        press(&reading, answerKeys("1"))
        XCTAssertTrue(recorder.written.isEmpty, "and writes nothing")

        var taking = AppModel(catalog: catalog, width: 100, height: 30)
        taking.recorder = recorder
        taking.offerResume(try offer(catalog, heldBy: "process 42"))
        press(&taking, [.char("y")])
        XCTAssertEqual(recorder.holds.map(\.takingOver), [true])
        XCTAssertEqual(taking.questionnaire.session?.readOnly, false)
        press(&taking, answerKeys("1"))
        XCTAssertEqual(recorder.written.count, 1)
    }

    func testAnOfferTakenByAnotherInTheMeantimeOpensReadOnlyAndSaysWhy() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let recorder = LeaseRecorder()
        recorder.othersHold = [9]
        var model = AppModel(catalog: catalog, width: 100, height: 30)
        model.recorder = recorder
        model.offerResume(try offer(catalog, heldBy: nil))
        press(&model, [.char("y")])
        XCTAssertEqual(model.questionnaire.session?.readOnly, true)
        XCTAssertTrue(model.warning?.contains("opened read-only") ?? false, model.warning ?? "")
    }

    func testASessionTakenOverStopsBeingWrittenAndTheAppSaysSo() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let recorder = LeaseRecorder()
        var model = AppModel(catalog: catalog, width: 100, height: 30)
        model.recorder = recorder
        press(&model, [.char("3"), .char("S"), .enter])
        press(&model, answerKeys("1"))
        XCTAssertEqual(recorder.written.count, 1)
        recorder.takenOver = true
        press(&model, answerKeys("1"))
        XCTAssertEqual(model.pendingCount, 0, "nothing waits to be written into a session another records")
        XCTAssertTrue(model.warning?.contains("recorded by another rolescope now") ?? false, model.warning ?? "")
        XCTAssertNil(model.questionnaire.session, "recording has stopped")
        recorder.takenOver = false
        press(&model, answerKeys("1"))
        XCTAssertEqual(recorder.written.count, 1, "nothing more is written, even when writes would work")
        // Quitting is not held up by it.
        var effect = AppEffect.none
        for _ in 0..<5 where effect != .quit { effect = model.update(.key(.char("q"))) }
        XCTAssertEqual(effect, .quit)
    }

    func testASessionDeletedUnderTheAppStopsBeingWrittenInsteadOfWaitingForever() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let recorder = LeaseRecorder()
        var model = AppModel(catalog: catalog, width: 100, height: 30)
        model.recorder = recorder
        press(&model, [.char("3"), .char("S"), .enter])
        recorder.deleted = true
        press(&model, answerKeys("1"))
        XCTAssertEqual(model.pendingCount, 0)
        XCTAssertTrue(model.warning?.contains("session #1 was deleted") ?? false, model.warning ?? "")
        XCTAssertNil(model.questionnaire.session)
    }
}
