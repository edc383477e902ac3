import CSQLite

/// One connection to a SQLite database: statements, transactions and the pragmas the
/// store needs. Not thread-safe on its own: `SessionStore` uses it under a lock.
final class SQLiteConnection {
    let path: String
    let handle: OpaquePointer

    /// Opens (creating when `create`) the database at `path`; ":memory:" for one in memory.
    /// With `readOnly`, nothing is created or written: not even WAL mode is switched on.
    /// With `uri`, `path` is a `file:` URI (for `?immutable=1`).
    init(path: String, create: Bool = true, readOnly: Bool = false, uri: Bool = false) throws(SQLiteError) {
        var db: OpaquePointer?
        // No mutex inside SQLite: the caller serialises use of a connection.
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)) | SQLITE_OPEN_NOMUTEX
            | (uri ? SQLITE_OPEN_URI : 0)
        let result = sqlite3_open_v2(path, &db, flags, nil)
        guard result == SQLITE_OK, let db else {
            let error = SQLiteError(result, db: db)
            sqlite3_close_v2(db)
            throw error
        }
        sqlite3_extended_result_codes(db, 1)
        self.path = path
        self.handle = db
    }

    deinit { sqlite3_close_v2(handle) }

    /// How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(sql, db: handle)
    }

    /// Runs one or more statements that take no parameters (a migration's script).
    func executeScript(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            var error = SQLiteError(result, db: handle, sql: sql)
            if let message { error.message = String(cString: message) }
            sqlite3_free(message)
            throw error
        }
    }

    /// Runs one statement with `arguments` bound to its parameters, to completion.
    func execute(_ sql: String, _ arguments: any SQLiteBindable...) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        while try statement.step() {}
    }

    /// Every row of `sql`, each turned into a value by `read`.
    func fetchAll<T>(_ sql: String, _ arguments: any SQLiteBindable..., read: (SQLiteRow) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        var rows: [T] = []
        while try statement.step() { rows.append(try read(SQLiteRow(statement: statement))) }
        return rows
    }

    /// The first row of `sql` turned into a value by `read`, or nil when there is none.
    func fetchOne<T>(_ sql: String, _ arguments: any SQLiteBindable..., read: (SQLiteRow) throws -> T) throws -> T? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? read(SQLiteRow(statement: statement)) : nil
    }

    /// The first column of the first row of `sql`; nil when there is no row or it is NULL.
    func scalar<T: SQLiteColumnReadable>(_ sql: String, _ arguments: any SQLiteBindable..., as type: T.Type = T.self) throws(SQLiteError) -> T? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        guard try statement.step(), !statement.isNull(0) else { return nil }
        return try statement.column(0, as: T.self)
    }

    /// The rowid of the last row inserted on this connection.
    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// How many rows the last INSERT, UPDATE or DELETE changed.
    var changes: Int { Int(sqlite3_changes(handle)) }

    // MARK: Transactions

    enum TransactionKind: String {
        /// Takes the write lock at once, so a concurrent writer waits its turn (through the
        /// busy timeout) instead of failing midway.
        case immediate = "IMMEDIATE"
        /// Reads one consistent snapshot; takes no lock until it writes.
        case deferred = "DEFERRED"
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try executeScript("BEGIN \(kind.rawValue) TRANSACTION")
        let value: T
        do {
            value = try body()
        } catch {
            rollback()
            throw error
        }
        do {
            try executeScript("COMMIT TRANSACTION")
        } catch {
            rollback()
            throw error
        }
        return value
    }

    private func rollback() {
        // A failed COMMIT or a full disk can already have ended the transaction.
        if sqlite3_get_autocommit(handle) == 0 { try? executeScript("ROLLBACK TRANSACTION") }
    }

    // MARK: Schema

    /// `PRAGMA user_version`: the schema version the file is at.
    func userVersion() throws(SQLiteError) -> Int {
        try scalar("PRAGMA user_version") ?? 0
    }

    func setUserVersion(_ version: Int) throws(SQLiteError) {
        try executeScript("PRAGMA user_version = \(version)")
    }

    func tableExists(_ name: String) throws(SQLiteError) -> Bool {
        try scalar("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", name, as: Int.self) != nil
    }

    func columnNames(in table: String) throws -> [String] {
        try fetchAll("SELECT name FROM pragma_table_info(?)", table) { try $0[0] }
    }
}
