import CSQLite

/// One prepared statement: bind its parameters, step through its rows, read columns by
/// index or by name. Finalized when released.
final class SQLiteStatement {
    let handle: OpaquePointer
    let sql: String
    /// The connection's handle, for its error messages; the connection outlives its statements.
    private let db: OpaquePointer
    private lazy var columnIndexes: [String: Int32] = {
        var indexes: [String: Int32] = [:]
        for index in 0..<sqlite3_column_count(handle) {
            if let name = sqlite3_column_name(handle, index) { indexes[String(cString: name)] = index }
        }
        return indexes
    }()

    init(_ sql: String, db: OpaquePointer) throws(SQLiteError) {
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard result == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw SQLiteError(result, db: db, sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.db = db
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds `values` to the parameters in order, replacing any earlier bindings.
    func bind(_ values: [any SQLiteBindable]) throws(SQLiteError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError(code: SQLITE_RANGE, message: "\(values.count) values for \(expected) parameters", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let result = value.bind(to: handle, at: Int32(offset + 1))
            guard result == SQLITE_OK else { throw SQLiteError(result, db: db, sql: sql) }
        }
    }

    /// Runs the statement to its next row: true when a row is ready to read, false when done.
    @discardableResult
    func step() throws(SQLiteError) -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let result: throw SQLiteError(result, db: db, sql: sql)
        }
    }

    /// Makes the statement ready to run again (the bindings stay).
    func reset() {
        sqlite3_reset(handle)
    }

    var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// Column `index` (0-based) of the current row.
    func column<T: SQLiteColumnReadable>(_ index: Int, as type: T.Type = T.self) throws(SQLiteError) -> T {
        try T(statement: handle, column: Int32(index))
    }

    /// The column called `name` in the current row.
    func column<T: SQLiteColumnReadable>(_ name: String, as type: T.Type = T.self) throws(SQLiteError) -> T {
        guard let index = columnIndexes[name] else {
            throw SQLiteError(code: SQLITE_RANGE, message: "no column '\(name)' in the result", sql: sql)
        }
        return try T(statement: handle, column: index)
    }

    /// Whether column `index` of the current row is NULL.
    func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }
}

/// The current row of a statement, as a closure given by `SQLiteConnection.fetchAll` sees
/// it: `try row["name"]`. Valid only inside that closure.
struct SQLiteRow {
    let statement: SQLiteStatement

    subscript<T: SQLiteColumnReadable>(_ name: String) -> T {
        get throws(SQLiteError) { try statement.column(name) }
    }

    subscript<T: SQLiteColumnReadable>(_ index: Int) -> T {
        get throws(SQLiteError) { try statement.column(index) }
    }

    /// Every column as text (NULL as nil), for comparing whole rows.
    var texts: [String?] {
        (0..<statement.columnCount).map { statement.isNull($0) ? nil : try? statement.column($0, as: String.self) }
    }
}
