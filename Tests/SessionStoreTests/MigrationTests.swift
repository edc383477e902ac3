import BuiltinCatalog
import Foundation
import RoleModel
import XCTest
@testable import SessionStore

/// Tests/Fixtures/sessions/v1.sqlite is a database written by the v1 schema, with one
/// finished session in it. These tests open a copy with the current store and check that
/// it upgrades and that the old session reads as it was recorded.
final class MigrationTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sessions/v1.sqlite")

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func copyOfFixture() throws -> URL {
        let copy = folder.appendingPathComponent("sessions.sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        return copy
    }

    func testFixtureIsExactlyTheV1Schema() throws {
        let copy = try copyOfFixture()
        let old = try SQLiteConnection(path: copy.path, create: false)
        let fresh = try SQLiteConnection(path: ":memory:")
        try SessionSchema.migrate(fresh, upTo: "v1")
        // The fixture was written by GRDB, which kept its own list of migrations beside them.
        let schema = """
            SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations' ORDER BY name
            """
        XCTAssertEqual(try old.fetchAll(schema) { $0.texts }, try fresh.fetchAll(schema) { $0.texts })
        XCTAssertEqual(try SessionSchema.appliedIdentifiers(old), ["v1"])
        XCTAssertEqual(try SessionSchema.appliedIdentifiers(fresh), ["v1"])
        XCTAssertFalse(try old.columnNames(in: "notes").contains("updated_at"))
        XCTAssertFalse(try old.tableExists("assessments"))
    }

    func testV1DatabaseUpgradesAndTheOldSessionReadsCorrectly() throws {
        let copy = try copyOfFixture()
        let store = try SessionStore(location: copy)
        XCTAssertEqual(try store.schemaVersion(), "v3")
        // The version is now in the file's header, and GRDB's list still agrees, for an
        // older rolescope opening the file.
        XCTAssertEqual(try store.read { try $0.userVersion() }, 3)
        XCTAssertEqual(try store.read { db in try db.fetchAll("SELECT identifier FROM grdb_migrations ORDER BY rowid") { try $0[0] as String } },
                       ["v1", "v2", "v3"])

        let sessions = try store.list()
        XCTAssertEqual(sessions.map(\.id), [1])
        XCTAssertEqual(sessions[0].answerCount, 3)
        XCTAssertEqual(sessions[0].noteCount, 1)

        let history = try store.load(1)
        XCTAssertEqual(history.session.candidate, "Ada (fixture)")
        XCTAssertEqual(history.session.questionnaireID, "hiring")
        XCTAssertEqual(history.session.outcomeID, "hire-ai-engineer")
        XCTAssertEqual(history.session.outcomeTitle, "Hire an AI Engineer (not an ML Engineer)")
        XCTAssertTrue(history.session.explanation?.contains("This result follows because") ?? false)
        XCTAssertEqual(history.events.map(\.kind), [.answer, .change, .answer, .answer])
        XCTAssertEqual(history.answers.map(\.questionID), ["own-models", "ai-work", "ai-data-layer"])
        XCTAssertEqual(history.answers[0].replaced, ["We train or fine-tune our own models, or we plan to"])
        XCTAssertEqual(history.steps[1].replaced, "We train or fine-tune our own models, or we plan to")

        // The v1 note gained an edit time equal to its creation time: never edited.
        let note = try XCTUnwrap(history.notes.first)
        XCTAssertEqual(note.text, "Hesitated here: the team calls a hosted LLM today but talks about fine-tuning.")
        XCTAssertEqual(note.updatedAt, note.createdAt)
        XCTAssertFalse(note.wasEdited)
        XCTAssertEqual(history.notes(on: "own-models", answer: 1).map(\.id), [note.id])
        XCTAssertTrue(history.assessments.isEmpty)
        // v3: a session from before pay hiding was kept reads as pay shown.
        XCTAssertFalse(history.session.payHidden)

        // The upgraded file takes the v2 features: editing that note, a self-assessment.
        let edited = try store.editNote(note.id, text: "Edited after the upgrade.", at: Date(timeIntervalSince1970: 1_800_000_000))
        XCTAssertTrue(edited.wasEdited)
        let catalog = try BuiltinCatalog.load()
        // v3: writing into a session takes its lease first (the v1 session has none).
        XCTAssertThrowsError(try store.saveAssessment(in: 1, SelfAssessment(ratings: [:]), catalog: catalog))
        try store.hold(1)
        try store.saveAssessment(in: 1, SelfAssessment(ratings: ["python": .advanced]), catalog: catalog)
        let again = try store.load(1)
        XCTAssertEqual(again.notes.first?.text, "Edited after the upgrade.")
        XCTAssertEqual(again.assessments.count, 1)

        // And the recorded walk still replays on today's content.
        let run = try again.run(in: catalog)
        XCTAssertEqual(run.outcome?.id, "hire-ai-engineer")
        XCTAssertEqual(run.steps.map(\.answer), [1, 0, 0])
    }

    func testReopeningAnUpgradedFileChangesNothing() throws {
        let copy = try copyOfFixture()
        _ = try SessionStore(location: copy)
        let store = try SessionStore(location: copy)
        XCTAssertEqual(try store.schemaVersion(), "v3")
        XCTAssertEqual(try store.list().count, 1)
    }

    func testADatabaseFromANewerVersionIsRefusedNotDamaged() throws {
        let copy = try copyOfFixture()
        try SQLiteConnection(path: copy.path, create: false)
            .execute("INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        XCTAssertThrowsError(try SessionStore(location: copy)) { error in
            guard case .newerSchema(_, let unknown)? = error as? SessionStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(unknown, ["v9-from-the-future"])
            XCTAssertTrue("\(error)".contains("newer rolescope"))
        }
        XCTAssertFalse(try SQLiteConnection(path: copy.path, create: false).tableExists("assessments"), "not upgraded")
    }

    func testAFileAtAHigherUserVersionIsRefusedNotDamaged() throws {
        let file = folder.appendingPathComponent("sessions.sqlite")
        _ = try SessionStore(location: file)
        try SQLiteConnection(path: file.path, create: false).setUserVersion(SessionSchema.migrations.count + 1)
        XCTAssertThrowsError(try SessionStore(location: file)) { error in
            guard case .newerSchema(_, let unknown)? = error as? SessionStoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(unknown, ["v\(SessionSchema.migrations.count + 1)"])
        }
        XCTAssertEqual(try SQLiteConnection(path: file.path, create: false).userVersion(), SessionSchema.migrations.count + 1)
    }

    func testAFailedMigrationIsRolledBackWithSQLitesMessage() throws {
        let db = try SQLiteConnection(path: ":memory:")
        try SessionSchema.migrate(db, upTo: "v1")
        // A column v2 adds, already there: v2's ALTER TABLE fails, and nothing of v2 stays.
        try db.executeScript("ALTER TABLE notes ADD COLUMN updated_at DATETIME")
        XCTAssertThrowsError(try SessionSchema.migrate(db)) { error in
            XCTAssertTrue("\(error)".contains("duplicate column name: updated_at"), "\(error)")
        }
        XCTAssertEqual(try db.userVersion(), 1)
        XCTAssertFalse(try db.tableExists("assessments"))
    }

    func testAFileThatIsNotADatabaseIsNamedInTheError() throws {
        let file = folder.appendingPathComponent("sessions.sqlite")
        try Data("this is not sqlite, just some text that is long enough to have a header".utf8).write(to: file)
        XCTAssertThrowsError(try SessionStore(location: file)) { error in
            XCTAssertTrue("\(error)".contains(file.path), "\(error)")
        }
    }

    /// Writes the fixture: `ROLESCOPE_WRITE_V1_FIXTURE=1 swift test --filter writeV1Fixture`.
    /// The data goes in with plain SQL, since today's store writes the newest schema.
    func testWriteV1Fixture() throws {
        guard ProcessInfo.processInfo.environment["ROLESCOPE_WRITE_V1_FIXTURE"] == "1" else {
            throw XCTSkip("writes Tests/Fixtures/sessions/v1.sqlite only when ROLESCOPE_WRITE_V1_FIXTURE=1")
        }
        let catalog = try BuiltinCatalog.load()
        let hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
        try? FileManager.default.removeItem(at: Self.fixture)
        try FileManager.default.createDirectory(at: Self.fixture.deletingLastPathComponent(), withIntermediateDirectories: true)
        let db = try SQLiteConnection(path: Self.fixture.path)
        try SessionSchema.migrate(db, upTo: "v1")
        var run = QuestionnaireRun(hiring)
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        try db.transaction {
            try db.execute("""
                INSERT INTO sessions (questionnaire_id, questionnaire_title, candidate, created_at, updated_at, catalog_fingerprint)
                VALUES (?, ?, ?, ?, ?, ?)
                """, hiring.id, hiring.title, "Ada (fixture)", start, start, CatalogFingerprint.of(catalog))
            var seq = 0
            func event(_ kind: String, _ question: Question, _ answer: Int) throws {
                seq += 1
                try db.execute("""
                    INSERT INTO events (session_id, seq, at, kind, question_id, prompt, answer_index, answer_label)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                    """, seq, start.addingTimeInterval(Double(seq * 20)), kind, question.id, question.prompt,
                                     answer, question.answers[answer].label)
            }
            let first = try XCTUnwrap(run.currentQuestion)
            try run.answer(0)
            try event("answer", first, 0)
            try run.change(step: 0, to: 1)
            try event("change", first, 1)
            try db.execute("""
                INSERT INTO notes (session_id, question_id, prompt, answer_index, answer_label, text, created_at)
                VALUES (1, ?, ?, 1, ?, ?, ?)
                """, first.id, first.prompt, first.answers[1].label,
                                 "Hesitated here: the team calls a hosted LLM today but talks about fine-tuning.", start.addingTimeInterval(50))
            for _ in 0..<2 {
                let question = try XCTUnwrap(run.currentQuestion)
                try run.answer(0)
                try event("answer", question, 0)
            }
            let outcome = SessionOutcome(try XCTUnwrap(run.explanation))
            try db.execute("UPDATE sessions SET outcome_id = ?, outcome_title = ?, explanation = ?, updated_at = ? WHERE id = 1",
                           outcome.id, outcome.title, outcome.explanation, start.addingTimeInterval(90))
        }
    }
}
