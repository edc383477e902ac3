import CSQLite

/// A failure reported by SQLite: its (extended) result code, its message, and the
/// statement that failed, if any.
struct SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The extended result code, such as `SQLITE_BUSY` or `SQLITE_IOERR_FSYNC`.
    var code: Int32
    /// What SQLite said (`sqlite3_errmsg`), or what this layer found wrong.
    var message: String
    var sql: String?

    /// The primary result code (`SQLITE_FULL`, `SQLITE_BUSY`, ...), without the extended bits.
    var primaryCode: Int32 { code & 0xff }

    /// The disk or the database file is full.
    var isFull: Bool { primaryCode == SQLITE_FULL }
    /// Another connection held a lock for longer than the busy timeout.
    var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    var description: String { message }

    /// The error now recorded on `db` (after a call returned `result`).
    init(_ result: Int32, db: OpaquePointer?, sql: String? = nil) {
        code = db.map { sqlite3_extended_errcode($0) } ?? result
        if code == SQLITE_OK { code = result }
        message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(result))
        self.sql = sql
    }

    init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }
}
