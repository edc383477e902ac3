/// The database's schema, as the chain of migrations that built it. A migration, once
/// released, is never edited: a change to the schema is a new migration at the end.
///
/// The file records how many migrations it has had in `PRAGMA user_version`: migration
/// `vN` is the N-th. Files written before this (by GRDB) list their migrations in a
/// `grdb_migrations` table instead; such a file is read from that table and then carries
/// both, so an older rolescope can still open it.
enum SessionSchema {
    struct Migration {
        /// "v1", "v2", ...: the migration's place in the chain.
        var identifier: String
        var sql: String
    }

    static let migrations: [Migration] = [
        // v1: sessions, every answer and change as it was given, and notes on answers.
        // Prompts and answer labels are stored as text beside their ids, so a session
        // still reads (and exports) correctly after the content has changed.
        Migration(identifier: "v1", sql: """
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
                """),

        // v2: notes become editable, so they carry when they were last edited (a note
        // from v1 was never edited: its creation time); and a session can hold
        // self-assessments, each the ratings given and the fit scores they produced.
        Migration(identifier: "v2", sql: """
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
                """),

        // v3: whether pay figures were hidden during the session (restored on resume, so
        // a screen shared with a candidate never shows pay the interviewer had hidden);
        // and the lease that makes one running rolescope the only writer of a session:
        // who holds it (host, boot, process id and the process's start time, so a lease
        // left by a crashed or killed process is seen to be free), and since when.
        Migration(identifier: "v3", sql: """
                ALTER TABLE sessions ADD COLUMN pay_hidden INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE leases (
                    session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
                    host TEXT NOT NULL,
                    boot TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    process_start TEXT NOT NULL,
                    taken_at DATETIME NOT NULL
                );
                """),
    ]

    /// The identifier of the newest migration: the schema version this build writes.
    static var current: String { migrations.last?.identifier ?? "" }

    /// The table in which files written by GRDB list their migrations.
    static let legacyTable = "grdb_migrations"

    /// The migrations the file has had, in order; a newer rolescope's unknown ones included.
    static func appliedIdentifiers(_ db: SQLiteConnection) throws -> [String] {
        let version = try db.userVersion()
        if version == 0, try db.tableExists(legacyTable) {
            return try db.fetchAll("SELECT identifier FROM \(legacyTable) ORDER BY rowid") { try $0[0] }
        }
        return (0..<version).map { "v\($0 + 1)" }
    }

    /// Applies the migrations the file lacks, up to and including `last` (all by default),
    /// each in its own transaction; refuses a file from a newer rolescope untouched.
    static func migrate(_ db: SQLiteConnection, upTo last: String? = nil) throws {
        let known = migrations.map(\.identifier)
        let applied = try appliedIdentifiers(db)
        let unknown = applied.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw SchemaError.newer(unknown: unknown) }
        let target = last.flatMap { known.firstIndex(of: $0).map { $0 + 1 } } ?? migrations.count
        let legacy = try db.tableExists(legacyTable)
        var version = migrations.prefix { applied.contains($0.identifier) }.count
        if version != (try db.userVersion()) && version >= target {
            try db.transaction { try db.setUserVersion(version) }
        }
        while version < target {
            let migration = migrations[version]
            try db.transaction {
                try db.executeScript(migration.sql)
                if legacy { try db.execute("INSERT INTO \(legacyTable) (identifier) VALUES (?)", migration.identifier) }
                try db.setUserVersion(version + 1)
            }
            version += 1
        }
    }

    enum SchemaError: Error {
        /// The file has migrations this build does not know.
        case newer(unknown: [String])
    }
}
