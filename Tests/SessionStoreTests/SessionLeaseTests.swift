import Foundation
import RoleModel
import XCTest
@testable import SessionStore

#if canImport(Glibc)
import Glibc
#endif

/// One writer per session: a running rolescope holds the session it records (a lease row
/// naming its process), another cannot write into it but can take it over (the first then
/// writes nothing more), and a lease left by a dead process is free.
final class SessionLeaseTests: StoreTestCase {
    /// A running process that is not this one: the test runner's parent.
    var otherLiving: LeaseHolder {
        let parent = getppid()
        return LeaseHolder(host: LeaseHolder.current.host, boot: LeaseHolder.current.boot, pid: parent,
                           processStart: LeaseHolder.startTime(of: parent) ?? "")
    }

    /// A process that has gone: this pid, but a start time it does not have (as after a
    /// crash and the pid's reuse).
    var dead: LeaseHolder {
        var holder = LeaseHolder.current
        holder.processStart = "1"
        return holder
    }

    func testLivenessFollowsTheProcessAndItsStartTime() {
        XCTAssertTrue(LeaseHolder.current.isAlive)
        XCTAssertTrue(otherLiving.isAlive)
        XCTAssertFalse(dead.isAlive)
        var rebooted = otherLiving
        rebooted.boot = "another-boot"
        XCTAssertFalse(rebooted.isAlive, "a pid from before a reboot names no process")
        var elsewhere = dead
        elsewhere.host = "another-host"
        XCTAssertTrue(elsewhere.isAlive, "a holder on another host cannot be checked: it counts as alive")
    }

    func testASecondRolescopeCannotWriteIntoAHeldSessionButCanTakeItOver() throws {
        let first = store!
        let second = try SessionStore(location: first.location, holder: otherLiving)
        let session = try first.createSession(questionnaire: hiring, catalog: catalog, at: time(0))
        let ownModels = try question("own-models"), aiWork = try question("ai-work")
        try first.recordAnswer(in: session.id, question: ownModels, answerIndex: 1, at: time(1))

        // The second sees who holds it and cannot write, nor take it quietly.
        XCTAssertEqual(try second.holder(of: session.id)?.holder, LeaseHolder.current)
        XCTAssertNil(try first.holder(of: session.id), "held here: not held elsewhere")
        XCTAssertThrowsError(try second.recordAnswer(in: session.id, question: aiWork, answerIndex: 0, at: time(2))) { error in
            guard case .heldElsewhere(session.id, _, _)? = error as? SessionStoreError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try second.hold(session.id)) { error in
            guard case .heldElsewhere? = error as? SessionStoreError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try second.addNote(in: session.id, question: ownModels, answerIndex: 1, text: "x"))
        XCTAssertEqual(try first.load(session.id).events.count, 1, "nothing written by the second")

        // Taken over: the second writes; the first finds out on its next write, which
        // writes nothing.
        try second.hold(session.id, takingOver: true, at: time(3))
        try second.recordAnswer(in: session.id, question: aiWork, answerIndex: 0, at: time(4))
        XCTAssertThrowsError(try first.recordAnswer(in: session.id, question: aiWork, answerIndex: 1, at: time(5))) { error in
            guard case .heldElsewhere? = error as? SessionStoreError else { return XCTFail("\(error)") }
        }
        // Let go by the second, it is still not the first's: it took nothing back.
        try second.release(session.id)
        XCTAssertThrowsError(try first.recordAnswer(in: session.id, question: aiWork, answerIndex: 1, at: time(6))) { error in
            XCTAssertEqual(error as? SessionStoreError, .notHeld(session: session.id))
        }
        let history = try first.load(session.id)
        XCTAssertEqual(history.events.map(\.seq), [1, 2])
        XCTAssertEqual(history.answers.map(\.questionID), ["own-models", "ai-work"], "one answer per question")
        XCTAssertEqual(history.answers.map(\.answerIndex), [1, 0])
    }

    func testASessionAnotherRolescopeRecordsCannotBeDeletedFromUnderIt() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(0))
        let second = try SessionStore(location: store.location, holder: otherLiving)
        XCTAssertThrowsError(try second.delete(session.id)) { error in
            guard case .heldElsewhere? = error as? SessionStoreError else { return XCTFail("\(error)") }
        }
        XCTAssertNoThrow(try store.load(session.id))
        try store.release(session.id)
        try second.delete(session.id)
        XCTAssertThrowsError(try store.load(session.id))
        // Its own session, the holder deletes.
        let own = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(1))
        try store.delete(own.id)
    }

    func testALeaseLeftByADeadProcessIsFree() throws {
        let crashed = try SessionStore(location: store.location, holder: dead)
        let session = try crashed.createSession(questionnaire: hiring, catalog: catalog, at: time(0))
        try crashed.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 0, at: time(1))
        XCTAssertNil(try store.holder(of: session.id), "its holder is gone")
        try store.hold(session.id)
        try store.recordAnswer(in: session.id, question: try question("data-state"), answerIndex: 0, at: time(2))
        XCTAssertEqual(try store.load(session.id).answers.count, 2)
    }

    func testReleasingLetsAnotherHoldItWithoutTakingOver() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(0))
        let second = try SessionStore(location: store.location, holder: otherLiving)
        try store.release(session.id)
        XCTAssertNil(try second.holder(of: session.id))
        try second.hold(session.id)
        XCTAssertEqual(try store.holder(of: session.id)?.holder, otherLiving)
        XCTAssertThrowsError(try store.hold(999)) { XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(999)) }
    }

    func testAStoreOpenedReadOnlyReadsAndWritesNothing() throws {
        let session = try store.createSession(questionnaire: hiring, candidate: "Ada", catalog: catalog, at: time(0))
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 0, at: time(1))
        let reader = try SessionStore(readingOnly: store.location)
        XCTAssertTrue(reader.isReadOnly)
        XCTAssertEqual(try reader.list().map(\.session.candidate), ["Ada"])
        XCTAssertEqual(try reader.load(session.id).answers.count, 1)
        XCTAssertThrowsError(try reader.rename(session.id, candidate: "x")) { error in
            guard case .readOnly? = error as? SessionStoreError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try SessionStore(readingOnly: folder.appendingPathComponent("none.sqlite")))
    }
}
