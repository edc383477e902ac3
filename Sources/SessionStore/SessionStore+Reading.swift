#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// Reading sessions back: the list, one session in full, and the one to offer to resume.
extension SessionStore {
    /// Every session, newest first; with `candidate`, only those whose candidate label
    /// contains it (ignoring case).
    public func list(candidate: String? = nil) throws(SessionStoreError) -> [SessionSummary] {
        let wanted = candidate?.trimmed().lowercased() ?? ""
        return try read { db in
            let sessions = try db.fetchAll("SELECT * FROM sessions ORDER BY created_at DESC, id DESC", read: Session.init(row:))
            return try sessions.filter { wanted.isEmpty || ($0.candidate?.lowercased().contains(wanted) ?? false) }
                .map { try Self.summary(of: $0, db) }
        }
    }

    /// The unfinished session changed most recently, to offer to resume; nil when every
    /// session is finished.
    public func mostRecentUnfinished() throws(SessionStoreError) -> SessionSummary? {
        try read { db in
            guard let session = try db.fetchOne("""
                SELECT * FROM sessions WHERE outcome_id IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1
                """, read: Session.init(row:)) else { return nil }
            return try Self.summary(of: session, db)
        }
    }

    /// A session with its full history.
    public func load(_ id: SessionID) throws(SessionStoreError) -> SessionHistory {
        try read { db in
            guard let session = try db.fetchOne("SELECT * FROM sessions WHERE id = ?", id, read: Session.init(row:)) else {
                throw SessionStoreError.noSuchSession(id)
            }
            let assessments = try db.fetchAll("SELECT * FROM assessments WHERE session_id = ? ORDER BY id", id) { row -> StoredAssessment in
                    let decoder = JSONDecoder()
                    let ratingsText: String = try row["ratings"], scoresText: String = try row["scores"]
                    return StoredAssessment(
                        id: try row["id"], createdAt: try row["created_at"],
                        ratings: (try? decoder.decode([StoredAssessment.Rating].self, from: Data(ratingsText.utf8))) ?? [],
                        fits: (try? decoder.decode([RoleFit].self, from: Data(scoresText.utf8))) ?? [])
                }
            return SessionHistory(session: session, events: try Self.events(of: id, db),
                                  notes: try Self.notes(of: id, db), assessments: assessments)
        }
    }

    static func events(of session: SessionID, _ db: SQLiteConnection) throws -> [SessionEvent] {
        try db.fetchAll("SELECT * FROM events WHERE session_id = ? ORDER BY seq", session) { row in
            SessionEvent(seq: try row["seq"], at: try row["at"], kind: SessionEventKind(rawValue: try row["kind"]) ?? .answer,
                         questionID: try row["question_id"], prompt: try row["prompt"], answerIndex: try row["answer_index"],
                         answerLabel: try row["answer_label"])
        }
    }

    static func notes(of session: SessionID, _ db: SQLiteConnection) throws -> [SessionNote] {
        try db.fetchAll("SELECT * FROM notes WHERE session_id = ? ORDER BY created_at, id", session, read: SessionNote.init(row:))
    }

    static func summary(of session: Session, _ db: SQLiteConnection) throws -> SessionSummary {
        let history = SessionHistory(session: session, events: try events(of: session.id, db), notes: [], assessments: [])
        let notes = try db.scalar("SELECT COUNT(*) FROM notes WHERE session_id = ?", session.id, as: Int.self) ?? 0
        return SessionSummary(session: session, answerCount: history.answers.count, noteCount: notes)
    }
}

extension Session {
    init(row: SQLiteRow) throws(SQLiteError) {
        self.init(id: try row["id"], questionnaireID: try row["questionnaire_id"], questionnaireTitle: try row["questionnaire_title"],
                  candidate: try row["candidate"], createdAt: try row["created_at"], updatedAt: try row["updated_at"],
                  outcomeID: try row["outcome_id"], outcomeTitle: try row["outcome_title"], explanation: try row["explanation"],
                  catalogFingerprint: try row["catalog_fingerprint"])
        // A store from before v3 opened read-only has no such column: pay was not kept.
        payHidden = ((try? row["pay_hidden"] as Int?) ?? nil).map { $0 != 0 } ?? false
    }
}

extension SessionNote {
    init(row: SQLiteRow) throws(SQLiteError) {
        let created: Date = try row["created_at"]
        self.init(id: try row["id"], questionID: try row["question_id"], prompt: try row["prompt"], answerIndex: try row["answer_index"],
                  answerLabel: try row["answer_label"], text: try row["text"], createdAt: created,
                  // A v1 store read read-only has no edit times: a note was never edited.
                  updatedAt: ((try? row["updated_at"] as Date?) ?? nil) ?? created)
    }
}
