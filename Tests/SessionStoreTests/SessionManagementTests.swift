import Foundation
import RoleModel
import XCTest
@testable import SessionStore

/// Managing sessions: renaming the candidate, deleting, filtering the list by candidate,
/// and what a list row tells (finished or not, date, outcome, pay hidden).
final class SessionManagementTests: StoreTestCase {
    func testRenameSetsAndClearsTheLabelWithoutMakingTheSessionNewer() throws {
        let session = try store.createSession(questionnaire: hiring, candidate: "Ada", catalog: catalog, at: time(0))
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 0, at: time(5))
        try store.rename(session.id, candidate: "  Ada Lovelace ")
        var loaded = try store.load(session.id).session
        XCTAssertEqual(loaded.candidate, "Ada Lovelace")
        // A label is not part of the interview: the last change is still the answer.
        XCTAssertEqual(loaded.updatedAt, time(5))
        try store.rename(session.id, candidate: "   ")
        loaded = try store.load(session.id).session
        XCTAssertNil(loaded.candidate)
        XCTAssertThrowsError(try store.rename(999, candidate: "x")) { XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(999)) }
    }

    func testDeleteRemovesTheSessionWithItsNotesAndNothingElse() throws {
        let a = try store.createSession(questionnaire: hiring, candidate: "A", catalog: catalog, at: time(0))
        let b = try store.createSession(questionnaire: hiring, candidate: "B", catalog: catalog, at: time(1))
        try store.addNote(in: a.id, question: try question("own-models"), answerIndex: nil, text: "gone with it")
        try store.delete(a.id)
        XCTAssertEqual(try store.list().map(\.id), [b.id])
        XCTAssertEqual(try store.read { try $0.scalar("SELECT COUNT(*) FROM notes", as: Int.self) }, 0)
        XCTAssertThrowsError(try store.load(a.id))
    }

    func testListFiltersByCandidateIgnoringCase() throws {
        let ada = try store.createSession(questionnaire: hiring, candidate: "Ada Lovelace", catalog: catalog, at: time(0))
        let grace = try store.createSession(questionnaire: hiring, candidate: "Grace Hopper", catalog: catalog, at: time(1))
        _ = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(2))
        XCTAssertEqual(try store.list(candidate: "ada").map(\.id), [ada.id])
        XCTAssertEqual(try store.list(candidate: "HOPPER").map(\.id), [grace.id])
        XCTAssertEqual(try store.list(candidate: "e").map(\.id), [grace.id, ada.id])
        XCTAssertEqual(try store.list(candidate: "nobody"), [])
        XCTAssertEqual(try store.list(candidate: " ").count, 3)
    }

    func testListRowsTellFinishedDateOutcomeAndPayHidden() throws {
        let open = try store.createSession(questionnaire: hiring, candidate: "Open", payHidden: true, catalog: catalog, at: time(0))
        let done = try store.createSession(questionnaire: hiring, candidate: "Done", catalog: catalog, at: time(10))
        try store.finish(done.id, outcome: SessionOutcome(id: "hire-ai-engineer", title: "Hire an AI Engineer", explanation: "why"), at: time(20))
        let rows = try store.list()
        XCTAssertEqual(rows.map(\.id), [done.id, open.id])
        XCTAssertEqual(rows.map(\.isFinished), [true, false])
        XCTAssertEqual(rows.map(\.payHidden), [false, true])
        XCTAssertEqual(rows.map(\.session.createdAt), [time(10), time(0)])
        XCTAssertEqual(rows.map(\.session.outcomeTitle), ["Hire an AI Engineer", nil])
    }

    func testPayHiddenIsKeptAtTheStartAndAtEachChange() throws {
        let session = try store.createSession(questionnaire: hiring, payHidden: true, catalog: catalog, at: time(0))
        XCTAssertTrue(try store.load(session.id).session.payHidden)
        XCTAssertTrue(try XCTUnwrap(store.mostRecentUnfinished()).payHidden)
        try store.setPayHidden(session.id, false, at: time(3))
        XCTAssertFalse(try store.load(session.id).session.payHidden)
        try store.setPayHidden(session.id, true, at: time(4))
        XCTAssertTrue(try store.load(session.id).session.payHidden)
        XCTAssertThrowsError(try store.setPayHidden(999, true)) { XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(999)) }
    }

    func testTheResumableSessionsPayHidingIsReadBeforeTheStoreOpens() throws {
        let location = store.location
        XCTAssertFalse(SessionStore.resumableSessionHidesPay(at: location), "no unfinished session")
        XCTAssertFalse(SessionStore.resumableSessionHidesPay(at: folder.appendingPathComponent("none/sessions.sqlite")))
        let hidden = try store.createSession(questionnaire: hiring, payHidden: true, catalog: catalog, at: time(0))
        XCTAssertTrue(SessionStore.resumableSessionHidesPay(at: location))
        // The most recently changed unfinished session is the one offered: it decides.
        let shown = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(5))
        XCTAssertFalse(SessionStore.resumableSessionHidesPay(at: location))
        try store.setPayHidden(hidden.id, true, at: time(9))
        XCTAssertTrue(SessionStore.resumableSessionHidesPay(at: location))
        try store.finish(hidden.id, outcome: SessionOutcome(id: "x", title: "X", explanation: ""), at: time(10))
        XCTAssertFalse(SessionStore.resumableSessionHidesPay(at: location), "a finished session is not offered")
        _ = shown
    }
}
