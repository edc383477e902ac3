import BuiltinCatalog
import Foundation
import RoleModel
import XCTest
@testable import SessionStore

/// Two stores on one file, each with its own connection pool, writing from two threads at
/// once: what two app instances do. (Tests/e2e/sessions.sh runs the same with two real
/// processes.) Nothing either writes may be lost.
final class ConcurrencyTests: XCTestCase {
    func testTwoStoresWritingAtOnceLoseNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-concurrent-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("sessions.sqlite")
        let catalog = try BuiltinCatalog.load()
        let hiring = try XCTUnwrap(catalog.questionnaire(id: "hiring"))
        let sessionsEach = 25
        let failures = Failures()

        // Both open the brand-new file at the same moment, so they also race to create it
        // and to apply the migrations.
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try SessionStore(location: file)
                for number in 0..<sessionsEach {
                    let session = try store.createSession(questionnaire: hiring, candidate: "writer \(writer) #\(number)", catalog: catalog)
                    var run = QuestionnaireRun(hiring)
                    // Answers 2, 1, 1: three answers to an outcome, with a note on each.
                    for answer in [1, 0, 0] {
                        let question = try XCTUnwrap(run.currentQuestion)
                        try run.answer(answer)
                        try store.recordAnswer(in: session.id, question: question, answerIndex: answer,
                                               reaching: run.explanation.map(SessionOutcome.init))
                        try store.addNote(in: session.id, question: question, answerIndex: answer, text: "w\(writer) s\(number) q\(question.id)")
                    }
                }
            } catch {
                failures.add("writer \(writer): \(error)")
            }
        }
        XCTAssertEqual(failures.all, [])

        let store = try SessionStore(location: file)
        let sessions = try store.list()
        XCTAssertEqual(sessions.count, 2 * sessionsEach)
        XCTAssertEqual(Set(sessions.compactMap(\.session.candidate)).count, 2 * sessionsEach)
        for summary in sessions {
            let history = try store.load(summary.id)
            XCTAssertEqual(history.events.map(\.seq), [1, 2, 3], "\(summary.id)")
            XCTAssertEqual(history.notes.count, 3)
            XCTAssertEqual(history.session.outcomeID, "hire-ai-engineer")
            XCTAssertEqual(try history.run(in: catalog).outcome?.id, "hire-ai-engineer")
        }
    }
}

/// Errors collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
