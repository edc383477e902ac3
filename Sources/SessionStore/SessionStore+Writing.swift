#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// Recording: each call is one committed transaction, so nothing given is ever held
/// only in memory.
extension SessionStore {
    /// Starts a session on `questionnaire`, with an optional candidate name or label and
    /// whether pay figures are hidden.
    public func createSession(questionnaire: Questionnaire, candidate: String? = nil, payHidden: Bool = false, catalog: Catalog,
                              at time: Date = Date()) throws(SessionStoreError) -> Session {
        let label = candidate?.trimmed()
        var session = Session(id: 0, questionnaireID: questionnaire.id, questionnaireTitle: questionnaire.title,
                              candidate: label?.isEmpty == false ? label : nil, createdAt: time, updatedAt: time,
                              catalogFingerprint: CatalogFingerprint.of(catalog), payHidden: payHidden)
        let stored = session
        let me = holder
        session.id = try write { db in
            try db.execute("""
                INSERT INTO sessions (questionnaire_id, questionnaire_title, candidate, created_at, updated_at, catalog_fingerprint, pay_hidden)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, stored.questionnaireID, stored.questionnaireTitle, stored.candidate, time, time, stored.catalogFingerprint,
                           payHidden ? 1 : 0)
            let id = db.lastInsertedRowID
            // Its creator holds it: nobody else writes into it while it runs.
            try Self.setLease(id, to: me, at: time, db)
            return id
        }
        return session
    }

    /// Records whether pay figures are hidden now (the `$` key during a session).
    public func setPayHidden(_ session: SessionID, _ hidden: Bool, at time: Date = Date()) throws(SessionStoreError) {
        try write { db in
            try self.touchHeld(session, at: time, db)
            try db.execute("UPDATE sessions SET pay_hidden = ? WHERE id = ?", hidden ? 1 : 0, session)
        }
    }

    /// Renames the candidate (nil or blank clears the label). Unlike the other writes it
    /// leaves the session's last-change time alone: a label is not part of the interview,
    /// and renaming an old session must not make it the one offered for resuming.
    public func rename(_ session: SessionID, candidate: String?) throws(SessionStoreError) {
        let label = candidate?.trimmed()
        let stored = label?.isEmpty == false ? label : nil
        try write { db in
            try db.execute("UPDATE sessions SET candidate = ? WHERE id = ?", stored, session)
            if db.changes == 0 { throw SessionStoreError.noSuchSession(session) }
        }
    }

    /// Records that `question` was answered with answer `answerIndex` (0-based). Pass the
    /// outcome when this answer finished the questionnaire: it is stored in the same
    /// transaction.
    @discardableResult
    public func recordAnswer(in session: SessionID, question: Question, answerIndex: Int,
                             reaching outcome: SessionOutcome? = nil, at time: Date = Date()) throws(SessionStoreError) -> SessionEvent {
        try record(.answer, in: session, question: question, answerIndex: answerIndex, outcome: outcome, at: time)
    }

    /// Records that the earlier answer to `question` was changed to `answerIndex`; the
    /// answers after it no longer count. A finished session is unfinished again unless
    /// the new answer itself reaches an outcome, passed as `outcome`.
    @discardableResult
    public func recordChange(in session: SessionID, question: Question, answerIndex: Int,
                             reaching outcome: SessionOutcome? = nil, at time: Date = Date()) throws(SessionStoreError) -> SessionEvent {
        try record(.change, in: session, question: question, answerIndex: answerIndex, outcome: outcome, at: time)
    }

    /// Records that the last answer (to `question`, answer `answerIndex`) was taken back.
    @discardableResult
    public func recordBack(in session: SessionID, question: Question, answerIndex: Int,
                           at time: Date = Date()) throws(SessionStoreError) -> SessionEvent {
        try record(.back, in: session, question: question, answerIndex: answerIndex, outcome: nil, at: time)
    }

    /// Records that the walk went back to the first question with no answers.
    @discardableResult
    public func recordRestart(in session: SessionID, at time: Date = Date()) throws(SessionStoreError) -> SessionEvent {
        try record(.restart, in: session, question: nil, answerIndex: nil, outcome: nil, at: time)
    }

    private func record(_ kind: SessionEventKind, in session: SessionID, question: Question?, answerIndex: Int?,
                        outcome: SessionOutcome?, at time: Date) throws(SessionStoreError) -> SessionEvent {
        var label: String?
        if let question, let answerIndex {
            guard question.answers.indices.contains(answerIndex) else {
                throw .noSuchAnswer(question: question.id, index: answerIndex, count: question.answers.count)
            }
            label = question.answers[answerIndex].label
        }
        let answerLabel = label
        return try write { db in
            try self.touchHeld(session, at: time, db)
            let seq = try db.scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE session_id = ?", session, as: Int.self) ?? 1
            try db.execute("""
                INSERT INTO events (session_id, seq, at, kind, question_id, prompt, answer_index, answer_label)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, session, seq, time, kind.rawValue, question?.id, question?.prompt, answerIndex, answerLabel)
            // Any move changes the path, so the old outcome no longer stands; a move that
            // reaches an outcome brings its own.
            try db.execute("UPDATE sessions SET outcome_id = ?, outcome_title = ?, explanation = ? WHERE id = ?",
                           outcome?.id, outcome?.title, outcome?.explanation, session)
            return SessionEvent(seq: seq, at: time, kind: kind, questionID: question?.id, prompt: question?.prompt,
                                answerIndex: answerIndex, answerLabel: answerLabel)
        }
    }

    /// Records the outcome a session reached and its explanation.
    public func finish(_ session: SessionID, outcome: SessionOutcome, at time: Date = Date()) throws(SessionStoreError) {
        try write { db in
            try self.touchHeld(session, at: time, db)
            try db.execute("UPDATE sessions SET outcome_id = ?, outcome_title = ?, explanation = ? WHERE id = ?",
                           outcome.id, outcome.title, outcome.explanation, session)
        }
    }

    /// Sets or clears the candidate's name or label.
    public func setCandidate(_ session: SessionID, to candidate: String?, at time: Date = Date()) throws(SessionStoreError) {
        let label = candidate?.trimmed()
        let stored = label?.isEmpty == false ? label : nil
        try write { db in
            try self.touchHeld(session, at: time, db)
            try db.execute("UPDATE sessions SET candidate = ? WHERE id = ?", stored, session)
        }
    }

    /// Adds a note on `question`: on answer `answerIndex` (0-based), or on the question
    /// itself when it is nil.
    @discardableResult
    public func addNote(in session: SessionID, question: Question, answerIndex: Int?, text: String,
                        at time: Date = Date()) throws(SessionStoreError) -> SessionNote {
        let body = text.trimmed()
        guard !body.isEmpty else { throw .emptyNote }
        var label: String?
        if let answerIndex {
            guard question.answers.indices.contains(answerIndex) else {
                throw .noSuchAnswer(question: question.id, index: answerIndex, count: question.answers.count)
            }
            label = question.answers[answerIndex].label
        }
        var note = SessionNote(id: 0, questionID: question.id, prompt: question.prompt, answerIndex: answerIndex,
                               answerLabel: label, text: body, createdAt: time, updatedAt: time)
        let stored = note
        note.id = try write { db in
            try self.touchHeld(session, at: time, db)
            try db.execute("""
                INSERT INTO notes (session_id, question_id, prompt, answer_index, answer_label, text, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, session, stored.questionID, stored.prompt, stored.answerIndex, stored.answerLabel, body, time, time)
            return db.lastInsertedRowID
        }
        return note
    }

    /// Replaces a note's text; the note keeps its creation time and gains an edit time.
    @discardableResult
    public func editNote(_ note: Int64, text: String, at time: Date = Date()) throws(SessionStoreError) -> SessionNote {
        let body = text.trimmed()
        guard !body.isEmpty else { throw .emptyNote }
        return try write { db in
            guard let (sessionID, found) = try db.fetchOne("SELECT * FROM notes WHERE id = ?", note, read: { row in
                (try row["session_id"] as SessionID, try SessionNote(row: row))
            }) else {
                throw SessionStoreError.noSuchNote(note)
            }
            try Self.touch(sessionID, at: time, db)
            try db.execute("UPDATE notes SET text = ?, updated_at = ? WHERE id = ?", body, time, note)
            var edited = found
            edited.text = body
            edited.updatedAt = time
            return edited
        }
    }

    public func deleteNote(_ note: Int64, at time: Date = Date()) throws(SessionStoreError) {
        try write { db in
            guard let session = try db.scalar("SELECT session_id FROM notes WHERE id = ?", note, as: SessionID.self) else {
                throw SessionStoreError.noSuchNote(note)
            }
            try Self.touch(session, at: time, db)
            try db.execute("DELETE FROM notes WHERE id = ?", note)
        }
    }

    /// Stores a self-assessment with the session: the ratings, and the fits they give on
    /// `catalog`, both kept as they are now.
    @discardableResult
    public func saveAssessment(in session: SessionID, _ assessment: SelfAssessment, catalog: Catalog,
                               at time: Date = Date()) throws(SessionStoreError) -> StoredAssessment {
        let titles = Dictionary(SelfAssessment.skills(in: catalog).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let ratings = assessment.ratings.keys.sorted { a, b in
            // Catalog order first, so a stored assessment lists skills as the app does.
            let order = SelfAssessment.skills(in: catalog).map(\.id)
            return (order.firstIndex(of: a) ?? .max, a) < (order.firstIndex(of: b) ?? .max, b)
        }.map { StoredAssessment.Rating(skill: $0, title: titles[$0] ?? $0, rating: assessment.ratings[$0]!) }
        var stored = StoredAssessment(id: 0, createdAt: time, ratings: ratings, fits: assessment.fits(in: catalog))
        let ratingsJSON = Self.json(stored.ratings), scoresJSON = Self.json(stored.fits)
        stored.id = try write { db in
            try self.touchHeld(session, at: time, db)
            try db.execute("INSERT INTO assessments (session_id, ratings, scores, created_at) VALUES (?, ?, ?, ?)",
                           session, ratingsJSON, scoresJSON, time)
            return db.lastInsertedRowID
        }
        return stored
    }

    /// Deletes a session and everything recorded in it; refused while another running
    /// rolescope records it (one writer per session: it would lose what it writes next).
    public func delete(_ session: SessionID) throws(SessionStoreError) {
        let me = holder
        try write { db in
            if let lease = try Self.lease(of: session, db), lease.holder != me, lease.holder.isAlive {
                throw SessionStoreError.heldElsewhere(session: session, holder: lease.holder.description, since: lease.since)
            }
            try db.execute("DELETE FROM sessions WHERE id = ?", session)
            if db.changes == 0 { throw SessionStoreError.noSuchSession(session) }
        }
    }

    /// Marks the session as changed now; throws when it does not exist.
    static func touch(_ session: SessionID, at time: Date, _ db: SQLiteConnection) throws {
        try db.execute("UPDATE sessions SET updated_at = ? WHERE id = ?", time, session)
        if db.changes == 0 { throw SessionStoreError.noSuchSession(session) }
    }

    /// `touch`, for a write into the session itself (an answer, a note, the outcome):
    /// throws, writing nothing, unless this process holds the session's lease.
    func touchHeld(_ session: SessionID, at time: Date, _ db: SQLiteConnection) throws {
        try Self.touch(session, at: time, db)
        try Self.checkHeld(session, by: holder, db)
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
