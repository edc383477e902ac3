import Foundation
import GRDB
import RoleModel

/// Reading sessions back: the list, one session in full, and the one to offer to resume.
extension SessionStore {
    /// Every session, newest first.
    public func list() throws(SessionStoreError) -> [SessionSummary] {
        try read { db in
            let sessions = try Row.fetchAll(db, sql: "SELECT * FROM sessions ORDER BY created_at DESC, id DESC").map(Session.init(row:))
            return try sessions.map { try Self.summary(of: $0, db) }
        }
    }

    /// The unfinished session changed most recently, to offer to resume; nil when every
    /// session is finished.
    public func mostRecentUnfinished() throws(SessionStoreError) -> SessionSummary? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM sessions WHERE outcome_id IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1
                """) else { return nil }
            return try Self.summary(of: Session(row: row), db)
        }
    }

    /// A session with its full history.
    public func load(_ id: SessionID) throws(SessionStoreError) -> SessionHistory {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM sessions WHERE id = ?", arguments: [id]) else {
                throw SessionStoreError.noSuchSession(id)
            }
            let assessments = try Row.fetchAll(db, sql: "SELECT * FROM assessments WHERE session_id = ? ORDER BY id", arguments: [id])
                .map { row -> StoredAssessment in
                    let decoder = JSONDecoder()
                    let ratingsText: String = row["ratings"], scoresText: String = row["scores"]
                    return StoredAssessment(
                        id: row["id"], createdAt: row["created_at"],
                        ratings: (try? decoder.decode([StoredAssessment.Rating].self, from: Data(ratingsText.utf8))) ?? [],
                        fits: (try? decoder.decode([RoleFit].self, from: Data(scoresText.utf8))) ?? [])
                }
            return SessionHistory(session: Session(row: row), events: try Self.events(of: id, db),
                                  notes: try Self.notes(of: id, db), assessments: assessments)
        }
    }

    static func events(of session: SessionID, _ db: Database) throws -> [SessionEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM events WHERE session_id = ? ORDER BY seq", arguments: [session]).map { row in
            SessionEvent(seq: row["seq"], at: row["at"], kind: SessionEventKind(rawValue: row["kind"]) ?? .answer,
                         questionID: row["question_id"], prompt: row["prompt"], answerIndex: row["answer_index"],
                         answerLabel: row["answer_label"])
        }
    }

    static func notes(of session: SessionID, _ db: Database) throws -> [SessionNote] {
        try Row.fetchAll(db, sql: "SELECT * FROM notes WHERE session_id = ? ORDER BY created_at, id", arguments: [session])
            .map(SessionNote.init(row:))
    }

    static func summary(of session: Session, _ db: Database) throws -> SessionSummary {
        let history = SessionHistory(session: session, events: try events(of: session.id, db), notes: [], assessments: [])
        let notes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM notes WHERE session_id = ?", arguments: [session.id]) ?? 0
        return SessionSummary(session: session, answerCount: history.answers.count, noteCount: notes)
    }
}

extension Session {
    init(row: Row) {
        self.init(id: row["id"], questionnaireID: row["questionnaire_id"], questionnaireTitle: row["questionnaire_title"],
                  candidate: row["candidate"], createdAt: row["created_at"], updatedAt: row["updated_at"],
                  outcomeID: row["outcome_id"], outcomeTitle: row["outcome_title"], explanation: row["explanation"],
                  catalogFingerprint: row["catalog_fingerprint"])
    }
}

extension SessionNote {
    init(row: Row) {
        let created: Date = row["created_at"]
        self.init(id: row["id"], questionID: row["question_id"], prompt: row["prompt"], answerIndex: row["answer_index"],
                  answerLabel: row["answer_label"], text: row["text"], createdAt: created,
                  updatedAt: (row["updated_at"] as Date?) ?? created)
    }
}
