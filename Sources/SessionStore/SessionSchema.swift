import GRDB

/// The database's schema, as the chain of migrations that built it. A migration, once
/// released, is never edited: a change to the schema is a new migration at the end.
enum SessionSchema {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()

        // v1: sessions, every answer and change as it was given, and notes on answers.
        // Prompts and answer labels are stored as text beside their ids, so a session
        // still reads (and exports) correctly after the content has changed.
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    questionnaire_id TEXT NOT NULL,
                    questionnaire_title TEXT NOT NULL,
                    candidate TEXT,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    outcome_id TEXT,
                    outcome_title TEXT,
                    explanation TEXT,
                    catalog_fingerprint TEXT NOT NULL
                );
                CREATE INDEX sessions_by_update ON sessions(updated_at);
                CREATE TABLE events (
                    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    at DATETIME NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('answer', 'change', 'back', 'restart')),
                    question_id TEXT,
                    prompt TEXT,
                    answer_index INTEGER,
                    answer_label TEXT,
                    PRIMARY KEY (session_id, seq)
                );
                CREATE TABLE notes (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    question_id TEXT NOT NULL,
                    prompt TEXT NOT NULL,
                    answer_index INTEGER,
                    answer_label TEXT,
                    text TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX notes_by_session ON notes(session_id);
                """)
        }

        // v2: notes become editable, so they carry when they were last edited (a note
        // from v1 was never edited: its creation time); and a session can hold
        // self-assessments, each the ratings given and the fit scores they produced.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE notes ADD COLUMN updated_at DATETIME;
                UPDATE notes SET updated_at = created_at;
                CREATE TABLE assessments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                    ratings TEXT NOT NULL,
                    scores TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE INDEX assessments_by_session ON assessments(session_id);
                """)
        }
        return migrator
    }()

    /// The identifier of the newest migration: the schema version this build writes.
    static var current: String { migrator.migrations.last ?? "" }
}
