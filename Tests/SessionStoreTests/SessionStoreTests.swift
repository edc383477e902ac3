import BuiltinCatalog
import Foundation
import RoleModel
import XCTest
@testable import SessionStore

#if canImport(Glibc)
import Glibc
#endif

/// A fresh store in a temporary folder, removed after each test.
class StoreTestCase: XCTestCase {
    var folder: URL!
    var store: SessionStore!
    var catalog: Catalog!
    var hiring: Questionnaire!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-store-\(UUID().uuidString)")
        store = try SessionStore(location: folder.appendingPathComponent("data/sessions.sqlite"))
        catalog = try BuiltinCatalog.load()
        hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(at: folder)
    }

    func question(_ id: String) throws -> Question { try XCTUnwrap(hiring.question(id)) }

    /// A whole-millisecond time, since the database keeps milliseconds.
    func time(_ seconds: Int) -> Date { Date(timeIntervalSince1970: 1_780_000_000 + Double(seconds)) }
}

final class SessionStoreTests: StoreTestCase {
    func testAWalkIsRecordedAnswerByAnswerWithChangesNotesAndOutcome() throws {
        let session = try store.createSession(questionnaire: hiring, candidate: "  Grace  ", catalog: catalog, at: time(0))
        XCTAssertEqual(session.candidate, "Grace")
        let ownModels = try question("own-models")
        try store.recordAnswer(in: session.id, question: ownModels, answerIndex: 0, at: time(10))
        try store.recordChange(in: session.id, question: ownModels, answerIndex: 1, at: time(20))
        let note = try store.addNote(in: session.id, question: ownModels, answerIndex: 1, text: "Calls a hosted API today.", at: time(25))
        try store.recordAnswer(in: session.id, question: try question("ai-work"), answerIndex: 0, at: time(30))
        let dataLayer = try question("ai-data-layer")
        var run = try QuestionnaireRun(hiring, answers: [1, 0, 0])
        let outcome = SessionOutcome(try XCTUnwrap(run.explanation))
        try store.recordAnswer(in: session.id, question: dataLayer, answerIndex: 0, reaching: outcome, at: time(40))

        let history = try store.load(session.id)
        XCTAssertEqual(history.events.map(\.seq), [1, 2, 3, 4])
        XCTAssertEqual(history.events.map(\.kind), [.answer, .change, .answer, .answer])
        XCTAssertEqual(history.events.map(\.at), [time(10), time(20), time(30), time(40)])
        XCTAssertEqual(history.events[1].answerLabel, ownModels.answers[1].label)
        XCTAssertEqual(history.answers.map(\.answerIndex), [1, 0, 0])
        XCTAssertEqual(history.answers.map(\.prompt), [ownModels.prompt, try question("ai-work").prompt, dataLayer.prompt])
        XCTAssertEqual(history.answers[0].replaced, [ownModels.answers[0].label])
        XCTAssertEqual(history.steps.compactMap(\.replaced), [ownModels.answers[0].label])
        XCTAssertEqual(history.notes, [note])
        XCTAssertEqual(history.notes(on: "own-models", answer: 1), [note])
        XCTAssertTrue(history.notesOffPath.isEmpty)
        XCTAssertEqual(history.session.outcomeID, "hire-ai-engineer")
        XCTAssertEqual(history.session.explanation, outcome.explanation)
        XCTAssertTrue(outcome.explanation.hasPrefix(run.outcome!.rationale))
        XCTAssertTrue(outcome.explanation.hasSuffix(run.explanation!.becauseSentence!))
        XCTAssertEqual(history.session.updatedAt, time(40))
        XCTAssertTrue(history.session.isFinished)

        // The rebuilt run is where the walk ended.
        XCTAssertEqual(try history.run(in: catalog), run)
        run.back()
        XCTAssertNotEqual(try history.run(in: catalog), run)
    }

    func testBackAndRestartReplayAndUnfinishTheSession() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(0))
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 2, at: time(1))
        try store.recordAnswer(in: session.id, question: try question("data-state"), answerIndex: 1,
                               reaching: SessionOutcome(id: "data-engineer-first", title: "DE first", explanation: "why"), at: time(2))
        XCTAssertTrue(try store.load(session.id).session.isFinished)
        try store.recordBack(in: session.id, question: try question("data-state"), answerIndex: 1, at: time(3))
        XCTAssertFalse(try store.load(session.id).session.isFinished, "taking back the last answer leaves no outcome")
        try store.recordRestart(in: session.id, at: time(4))
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 0, at: time(5))

        let history = try store.load(session.id)
        XCTAssertEqual(history.events.map(\.kind), [.answer, .answer, .back, .answer].prefix(3) + [.restart, .answer])
        XCTAssertNil(history.events[3].questionID)
        XCTAssertEqual(history.answers.map(\.questionID), ["own-models"])
        XCTAssertEqual(history.answers[0].answerIndex, 0)
        let run = try history.run(in: catalog)
        XCTAssertEqual(run.steps.map(\.question), ["own-models"])
        XCTAssertEqual(run.steps.map(\.answer), [0])
        XCTAssertEqual(run.currentQuestion?.id, "model-stage")
    }

    func testNotesAreEditedAndDeletedWithTheirTimes() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog, at: time(0))
        let q = try question("own-models")
        let onQuestion = try store.addNote(in: session.id, question: q, answerIndex: nil, text: "Asked what fine-tuning means.", at: time(1))
        XCTAssertNil(onQuestion.answerLabel)
        let note = try store.addNote(in: session.id, question: q, answerIndex: 0, text: "first", at: time(2))
        let edited = try store.editNote(note.id, text: " second ", at: time(9))
        XCTAssertEqual(edited.text, "second")
        XCTAssertEqual(edited.createdAt, time(2))
        XCTAssertEqual(edited.updatedAt, time(9))
        XCTAssertTrue(edited.wasEdited)
        XCTAssertEqual(try store.load(session.id).notes, [onQuestion, edited])
        XCTAssertEqual(try store.load(session.id).notesOffPath, [onQuestion, edited], "no answers given: every note is off the path")

        XCTAssertThrowsError(try store.editNote(note.id, text: "  \n")) { XCTAssertEqual($0 as? SessionStoreError, .emptyNote) }
        XCTAssertThrowsError(try store.addNote(in: session.id, question: q, answerIndex: 7, text: "x")) {
            XCTAssertEqual($0 as? SessionStoreError, .noSuchAnswer(question: "own-models", index: 7, count: 3))
        }
        try store.deleteNote(note.id)
        XCTAssertEqual(try store.load(session.id).notes, [onQuestion])
        XCTAssertThrowsError(try store.deleteNote(note.id)) { XCTAssertEqual($0 as? SessionStoreError, .noSuchNote(note.id)) }
        XCTAssertThrowsError(try store.addNote(in: 999, question: q, answerIndex: nil, text: "x")) {
            XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(999))
        }
    }

    func testListMostRecentUnfinishedAndDelete() throws {
        let a = try store.createSession(questionnaire: hiring, candidate: "A", catalog: catalog, at: time(0))
        let b = try store.createSession(questionnaire: hiring, candidate: "B", catalog: catalog, at: time(10))
        let c = try store.createSession(questionnaire: hiring, candidate: nil, catalog: catalog, at: time(20))
        XCTAssertEqual(try store.list().map(\.id), [c.id, b.id, a.id], "newest first")
        XCTAssertNil(try store.list()[0].session.candidate)

        try store.recordAnswer(in: a.id, question: try question("own-models"), answerIndex: 0, at: time(30))
        XCTAssertEqual(try store.mostRecentUnfinished()?.id, a.id, "the one touched last")
        XCTAssertEqual(try store.mostRecentUnfinished()?.answerCount, 1)
        try store.finish(a.id, outcome: SessionOutcome(id: "x", title: "X", explanation: "because"), at: time(40))
        XCTAssertEqual(try store.mostRecentUnfinished()?.id, c.id)
        try store.finish(b.id, outcome: SessionOutcome(id: "x", title: "X", explanation: "because"), at: time(41))
        try store.finish(c.id, outcome: SessionOutcome(id: "x", title: "X", explanation: "because"), at: time(42))
        XCTAssertNil(try store.mostRecentUnfinished())

        try store.addNote(in: a.id, question: try question("own-models"), answerIndex: 0, text: "n")
        try store.saveAssessment(in: a.id, SelfAssessment(ratings: ["sql": .intermediate]), catalog: catalog)
        try store.delete(a.id)
        XCTAssertEqual(try store.list().map(\.id), [c.id, b.id])
        XCTAssertThrowsError(try store.load(a.id)) { XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(a.id)) }
        XCTAssertThrowsError(try store.delete(a.id)) { XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(a.id)) }
        // Nothing of the deleted session is left behind, and its id is not reused.
        for table in ["events", "notes", "assessments"] {
            XCTAssertEqual(try store.read { try $0.scalar("SELECT COUNT(*) FROM \(table) WHERE session_id = ?", a.id, as: Int.self) }, 0, table)
        }
        XCTAssertGreaterThan(try store.createSession(questionnaire: hiring, catalog: catalog).id, c.id)
    }

    func testAssessmentIsStoredAsComputedThen() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog)
        let assessment = SelfAssessment(ratings: ["statistics": .expert, "python": .basic, "sql": .none])
        let saved = try store.saveAssessment(in: session.id, assessment, catalog: catalog, at: time(5))
        XCTAssertEqual(saved.ratings.map(\.skill), ["python", "sql", "statistics"], "catalog order")
        XCTAssertEqual(saved.ratings.map(\.title), ["Python", "SQL", "Statistics and probability"])
        let loaded = try XCTUnwrap(try store.load(session.id).assessments.first)
        XCTAssertEqual(loaded, saved)
        XCTAssertEqual(loaded.assessment, assessment)
        XCTAssertEqual(loaded.fits, assessment.fits(in: catalog))
        XCTAssertEqual(loaded.fits.first { $0.role == "data-scientist" }?.percent, assessment.fit(for: catalog.role(id: "data-scientist")!, in: catalog).percent)
    }

    func testAnswerIsVisibleToAnotherConnectionAsSoonAsItIsRecorded() throws {
        // A second store on the same file stands in for a second process (or for the next
        // start after a kill): it reads the file, not this store's memory.
        let other = try SessionStore(location: store.location)
        let session = try store.createSession(questionnaire: hiring, catalog: catalog)
        XCTAssertEqual(try other.load(session.id).events.count, 0)
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 1)
        XCTAssertEqual(try other.load(session.id).answers.map(\.answerIndex), [1])
        try store.addNote(in: session.id, question: try question("own-models"), answerIndex: 1, text: "seen at once")
        XCTAssertEqual(try other.load(session.id).notes.map(\.text), ["seen at once"])
        // A bare connection with no store in between sees it too: it is committed, in the file.
        let raw = try SQLiteConnection(path: store.location.path, create: false)
        XCTAssertEqual(try raw.scalar("SELECT COUNT(*) FROM events", as: Int.self), 1)
    }

    func testReplayFailsClearlyWhenTheContentChanged() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog)
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 2)
        var changed = catalog!
        let index = try XCTUnwrap(changed.questionnaires.firstIndex { $0.id == "hiring" })
        changed.questionnaires[index].questions[0].answers.removeLast()
        XCTAssertThrowsError(try store.load(session.id).run(in: changed)) { error in
            guard case .cannotReplay(let id, let seq, let reason)? = error as? SessionStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(id, session.id)
            XCTAssertEqual(seq, 1)
            XCTAssertTrue(reason.contains("answer 3 of 'own-models' no longer exists"), reason)
        }
        changed.questionnaires.remove(at: index)
        XCTAssertThrowsError(try store.load(session.id).run(in: changed)) {
            XCTAssertEqual($0 as? SessionStoreError, .questionnaireMissing("hiring", known: changed.questionnaires.map(\.id)))
        }
        XCTAssertNotEqual(CatalogFingerprint.of(changed), try store.load(session.id).session.catalogFingerprint)
        XCTAssertEqual(CatalogFingerprint.of(catalog), try store.load(session.id).session.catalogFingerprint)
    }

    func testRecordingRefusesAnswersThatDoNotExist() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog)
        XCTAssertThrowsError(try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 3))
        XCTAssertThrowsError(try store.recordAnswer(in: 4242, question: try question("own-models"), answerIndex: 0)) {
            XCTAssertEqual($0 as? SessionStoreError, .noSuchSession(4242))
        }
        XCTAssertTrue(try store.load(session.id).events.isEmpty)
    }

    func testFolderAndFilesAreReadableByTheOwnerOnly() throws {
        let session = try store.createSession(questionnaire: hiring, catalog: catalog)
        try store.recordAnswer(in: session.id, question: try question("own-models"), answerIndex: 0)
        func mode(_ url: URL) throws -> Int {
            try XCTUnwrap(FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
        }
        let data = store.location.deletingLastPathComponent()
        XCTAssertEqual(try mode(data), 0o700)
        XCTAssertEqual(try mode(store.location), 0o600)
        let wal = URL(fileURLWithPath: store.location.path + "-wal")
        XCTAssertTrue(FileManager.default.fileExists(atPath: wal.path), "WAL mode")
        XCTAssertEqual(try mode(wal), 0o600)
        XCTAssertEqual(try store.read { try $0.scalar("PRAGMA journal_mode", as: String.self) }, "wal")
    }

    func testAnExistingLooseFileIsTightened() throws {
        let file = folder.appendingPathComponent("loose/sessions.sqlite")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o644]))
        _ = try SessionStore(location: file)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int, 0o600)
    }

    func testDefaultLocationFollowsTheEnvironment() {
        XCTAssertEqual(SessionStore.defaultDirectory(environment: ["ROLESCOPE_DATA_HOME": "/tmp/rs", "XDG_DATA_HOME": "/x", "HOME": "/h"]).path, "/tmp/rs")
        XCTAssertEqual(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x/share", "HOME": "/h"]).path, "/x/share/rolescope")
        XCTAssertEqual(SessionStore.defaultDirectory(environment: ["XDG_DATA_HOME": "relative/ignored", "HOME": "/h"]).path, "/h/.local/share/rolescope")
        XCTAssertEqual(SessionStore.defaultDirectory(environment: ["ROLESCOPE_DATA_HOME": "", "XDG_DATA_HOME": "", "HOME": "/h"]).path, "/h/.local/share/rolescope")
    }

    func testOpenDefaultCreatesTheFolderUnderROLESCOPE_DATA_HOME() throws {
        let home = folder.appendingPathComponent("custom-home")
        let opened = try SessionStore.openDefault(environment: ["ROLESCOPE_DATA_HOME": home.path])
        XCTAssertEqual(opened.location.path, home.appendingPathComponent("sessions.sqlite").path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: opened.location.path))
    }

    func testAnUnwritableFolderGivesAnErrorNamingThePath() throws {
        guard getuid() != 0 else { throw XCTSkip("root can write anywhere") }
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o500])
        XCTAssertThrowsError(try SessionStore(location: locked.appendingPathComponent("sub/sessions.sqlite"))) {
            XCTAssertTrue("\($0)".contains(locked.path), "\($0)")
        }
    }

    func testAPathThroughAFileIsRefusedWithThePath() throws {
        let file = folder.appendingPathComponent("plain-file")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        XCTAssertThrowsError(try SessionStore(location: file.appendingPathComponent("sessions.sqlite"))) {
            XCTAssertTrue("\($0)".contains("plain-file"), "\($0)")
        }
    }
}
