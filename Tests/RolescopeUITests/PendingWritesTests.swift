import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI
@testable import SessionStore

/// Writes are whole, in order, or visibly pending: the full-disk sequence on the
/// real SQLite store, made full with SQLite's own limit (`PRAGMA max_page_count`).
final class PendingWritesTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")

    /// Records answers and notes into a `SessionStore`, as the app's recorder does.
    final class StoreBacked: SessionRecorder, @unchecked Sendable {
        let store: SessionStore
        let catalog: Catalog
        init(store: SessionStore, catalog: Catalog) { self.store = store; self.catalog = catalog }
        func start(questionnaire: Questionnaire, candidate: String?, payHidden: Bool) throws -> Int64 {
            try store.createSession(questionnaire: questionnaire, candidate: candidate, payHidden: payHidden, catalog: catalog).id
        }
        func record(_ record: SessionRecord, in session: Int64) throws {
            switch record {
            case .answer(let question, let index, let reaching):
                try store.recordAnswer(in: session, question: question, answerIndex: index, reaching: reaching.map(SessionOutcome.init))
            case .note(let question, let index, let text):
                try store.addNote(in: session, question: question, answerIndex: index, text: text)
            case .payHidden(let hidden):
                try store.setPayHidden(session, hidden)
            default:
                XCTFail("not used here: \(record)")
            }
        }
        func past() throws -> [PastSession] { [] }
        func reopen(_ id: Int64) throws -> SessionOffer { throw SessionStoreError.noSuchSession(id) }
        func rename(_ id: Int64, to candidate: String?) throws {}
        func delete(_ id: Int64) throws {}
    }

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-pending-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func press(_ model: inout AppModel, _ keys: [Key]) { for key in keys { _ = model.update(.key(key)) } }

    func text(_ model: AppModel) -> String {
        var buffer = Buffer(width: 100, height: 30)
        model.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    /// Fills the database to SQLite's page limit, as a full disk would: the page limit is
    /// set to the pages there are, and the events table's pages are packed (events of a
    /// ballast session, ever smaller) until not even a byte fits, so the next answer
    /// fails with SQLITE_FULL.
    func fill(_ store: SessionStore) throws {
        try store.connection.withLock { db in
            try db.executeScript("""
                INSERT INTO sessions (questionnaire_id, questionnaire_title, created_at, updated_at, catalog_fingerprint)
                VALUES ('ballast', 'ballast', '2026-01-01', '2026-01-01', '')
                """)
            let ballast = db.lastInsertedRowID
            let pages = try XCTUnwrap(db.scalar("PRAGMA page_count", as: Int.self))
            try db.executeScript("PRAGMA max_page_count = \(pages)")
            var seq = 0
            for size in [1000, 100, 10, 1] {
                do {
                    while true {
                        seq += 1
                        try db.execute("INSERT INTO events (session_id, seq, at, kind, prompt) VALUES (?, ?, '2026-01-01', 'restart', randomblob(?))",
                                       ballast, seq, size)
                    }
                } catch let error as SQLiteError {
                    XCTAssertTrue(error.isFull, "\(error)")
                }
            }
        }
    }

    func makeRoom(_ store: SessionStore) throws {
        try store.connection.withLock { db in try db.executeScript("PRAGMA max_page_count = 1073741823") }
    }

    func testAFullDiskQueuesTheAnswerAndWritesEverythingInOrderOnceThereIsRoom() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let store = try SessionStore(location: folder.appendingPathComponent("sessions.sqlite"))
        var model = AppModel(catalog: catalog, width: 100, height: 30)
        model.recorder = StoreBacked(store: store, catalog: catalog)
        press(&model, [.char("3"), .char("S")])
        press(&model, "Ada".map { .char($0) } + [.enter])
        let id = try XCTUnwrap(model.questionnaire.session?.id)

        // Answer 1 is written.
        press(&model, answerKeys("1"))
        XCTAssertEqual(try store.load(id).answers.count, 1)
        XCTAssertNil(model.warning)

        // The disk fills: answer 2 waits in memory, and the banner says so.
        try fill(store)
        press(&model, answerKeys("1"))
        XCTAssertEqual(try store.load(id).answers.count, 1, "nothing half-written")
        XCTAssertEqual(model.pendingCount, 1)
        let banner = try XCTUnwrap(model.warning)
        XCTAssertTrue(banner.hasPrefix("1 change not saved yet"), banner)
        XCTAssertTrue(banner.contains("full"), banner)
        XCTAssertTrue(text(model).contains("1 change not saved yet"), "the banner is on screen")

        // Still full: a note waits behind it, in order.
        let shown = try XCTUnwrap(model.questionnaire.run)
        press(&model, [.char("a")])
        press(&model, "unsure".map { .char($0) } + [.ctrl("s")])
        XCTAssertEqual(model.pendingCount, 2)
        XCTAssertTrue(model.warning?.hasPrefix("2 changes not saved yet") ?? false, model.warning ?? "")

        // Space comes back; the next answer writes the queue first, then itself.
        try makeRoom(store)
        press(&model, answerKeys("1"))
        XCTAssertEqual(model.pendingCount, 0)
        XCTAssertNil(model.warning, "the banner is gone once everything is written")
        XCTAssertFalse(text(model).contains("not saved"))

        let history = try store.load(id)
        XCTAssertEqual(history.events.map(\.seq), [1, 2, 3])
        XCTAssertEqual(history.answers.map(\.questionID), Array(try XCTUnwrap(model.questionnaire.run).steps.prefix(3).map(\.question)))
        XCTAssertEqual(history.answers.count, 3, "all three answers, in order")
        XCTAssertEqual(history.notes.map(\.text), ["unsure"])
        XCTAssertTrue(shown.steps.map(\.question).contains(history.notes.first?.questionID ?? "") || shown.currentQuestion?.id == history.notes.first?.questionID)
        // The stored path replays on the questionnaire: a path it allows.
        XCTAssertEqual(try history.run(in: catalog).steps, try XCTUnwrap(model.questionnaire.run).steps)
    }

    func testQuittingWithAQueueSaysSoAndOffersAnExportAndQuitsOnlyWhenTold() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        let store = try SessionStore(location: folder.appendingPathComponent("sessions.sqlite"))
        var model = AppModel(catalog: catalog, width: 100, height: 30)
        model.recorder = StoreBacked(store: store, catalog: catalog)
        press(&model, [.char("3"), .char("S"), .enter])
        press(&model, answerKeys("1"))
        try fill(store)
        press(&model, answerKeys("1"))
        XCTAssertEqual(model.pendingCount, 1)
        // q from the question goes back first; press it until the app asks.
        var effect = AppEffect.none
        for _ in 0..<4 where !(model.overlay is UnsavedQuitPrompt) { effect = model.update(.key(.char("q"))) }
        XCTAssertEqual(effect, .none, "quitting waits for an answer")
        let prompt = try XCTUnwrap(model.overlay as? UnsavedQuitPrompt)
        XCTAssertTrue(text(model).contains("1 change to the session is not saved"), text(model))
        guard case .unsavedSession(_, let run?, let pending)? = prompt.request else { return XCTFail("\(String(describing: prompt.request))") }
        XCTAssertEqual(run.steps.count, 2)
        XCTAssertEqual(pending.count, 1)
        XCTAssertTrue(pending[0].hasPrefix("Answered \""), pending[0])
        // y: the export prompt, with a file name suggested.
        _ = model.update(.key(.char("y")))
        XCTAssertTrue(model.overlay is ExportOverlay)
        XCTAssertTrue(text(model).contains("-unsaved.md"))
        _ = model.update(.key(.escape))
        // n stays; q in the prompt quits without them.
        _ = model.update(.key(.char("q")))
        XCTAssertTrue(model.overlay is UnsavedQuitPrompt)
        _ = model.update(.key(.char("n")))
        XCTAssertNil(model.overlay)
        _ = model.update(.key(.char("q")))
        XCTAssertEqual(model.update(.key(.char("q"))), .quit)
        // With room again, quitting writes the queue and quits at once.
        var again = AppModel(catalog: catalog, width: 100, height: 30)
        again.recorder = StoreBacked(store: store, catalog: catalog)
        press(&again, [.char("3"), .char("S"), .enter])
        press(&again, answerKeys("1"))
        XCTAssertEqual(again.pendingCount, 1)
        try makeRoom(store)
        XCTAssertNil(again.retryPending())
        XCTAssertEqual(again.pendingCount, 0)
        XCTAssertNil(again.warning)
    }
}
