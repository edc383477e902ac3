import CSQLite

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SQLite's "copy the bytes now" destructor, which Swift cannot import as a constant.
let sqliteTransient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A zero-length C string, for binding an empty Swift string.
nonisolated(unsafe) private let emptyCString: UnsafePointer<CChar> = {
    let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
    byte.pointee = 0
    return UnsafePointer(byte)
}()

/// A value that can be bound to a statement's `?` parameter.
protocol SQLiteBindable {
    /// Binds self to parameter `index` (1-based); returns SQLite's result code.
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32
}

/// A value that can be read from a result column.
protocol SQLiteColumnReadable {
    /// Reads column `index` (0-based) of the current row; throws when it is NULL or of
    /// a kind that cannot become this type.
    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError)
}

extension SQLiteColumnReadable {
    static func mismatch(_ statement: OpaquePointer, _ index: Int32, expected: String) -> SQLiteError {
        let name = sqlite3_column_name(statement, index).map { String(cString: $0) } ?? "\(index)"
        let found = sqlite3_column_type(statement, index) == SQLITE_NULL ? "NULL" : "a value it cannot read"
        return SQLiteError(code: SQLITE_MISMATCH, message: "column '\(name)' holds \(found), expected \(expected)")
    }
}

extension Int64: SQLiteBindable, SQLiteColumnReadable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, self) }
    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError) {
        guard sqlite3_column_type(statement, index) == SQLITE_INTEGER else {
            throw Self.mismatch(statement, index, expected: "an integer")
        }
        self = sqlite3_column_int64(statement, index)
    }
}

extension Int: SQLiteBindable, SQLiteColumnReadable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_int64(statement, index, Int64(self)) }
    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError) {
        self = Int(try Int64(statement: statement, column: index))
    }
}

extension Double: SQLiteBindable, SQLiteColumnReadable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { sqlite3_bind_double(statement, index, self) }
    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError) {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER, SQLITE_FLOAT: self = sqlite3_column_double(statement, index)
        default: throw Self.mismatch(statement, index, expected: "a number")
        }
    }
}

extension String: SQLiteBindable, SQLiteColumnReadable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        var text = self
        return text.withUTF8 { bytes in
            // An empty string is still text, not NULL: SQLite needs a non-null pointer for it.
            bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text(statement, index, chars.baseAddress ?? emptyCString, Int32(chars.count), sqliteTransient)
            }
        }
    }
    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError) {
        guard sqlite3_column_type(statement, index) != SQLITE_NULL, let text = sqlite3_column_text(statement, index) else {
            throw Self.mismatch(statement, index, expected: "text")
        }
        let count = Int(sqlite3_column_bytes(statement, index))
        self = String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }
}

/// Dates are stored as GRDB stored them, so files written before keep reading the same:
/// text "yyyy-MM-dd HH:mm:ss.SSS" in UTC, to the millisecond (truncated). Reading also
/// takes the shorter forms SQLite's date functions write, and a number of seconds since 1970.
extension Date: SQLiteBindable, SQLiteColumnReadable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 { SQLiteDate.text(self).bind(to: statement, at: index) }

    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError) {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER, SQLITE_FLOAT:
            self.init(timeIntervalSince1970: sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            let text = try String(statement: statement, column: index)
            guard let date = SQLiteDate.parse(text) else { throw Self.mismatch(statement, index, expected: "a date") }
            self = date
        default:
            throw Self.mismatch(statement, index, expected: "a date")
        }
    }
}

extension Optional: SQLiteBindable where Wrapped: SQLiteBindable {
    func bind(to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch self {
        case .some(let value): return value.bind(to: statement, at: index)
        case .none: return sqlite3_bind_null(statement, index)
        }
    }
}

extension Optional: SQLiteColumnReadable where Wrapped: SQLiteColumnReadable {
    init(statement: OpaquePointer, column index: Int32) throws(SQLiteError) {
        if sqlite3_column_type(statement, index) == SQLITE_NULL { self = .none; return }
        self = .some(try Wrapped(statement: statement, column: index))
    }
}

/// The text form of stored dates.
enum SQLiteDate {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let fraction = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2)) "
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2)).\(pad(fraction, 3))"
    }

    /// "yyyy-MM-dd", optionally followed (after a space or a T) by "HH:mm", ":ss" and
    /// ".SSS" (more fraction digits are read too), all in UTC.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var at = 0
        func number(_ width: Int) -> Int? {
            guard at + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[at..<at + width] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            at += width
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2) else { return nil }
        var hour = 0, minute = 0, second = 0, fraction = 0.0
        if at < bytes.count {
            guard expect(0x20) || expect(0x54), let h = number(2), expect(0x3A), let m = number(2) else { return nil }
            hour = h
            minute = m
            if expect(0x3A) {
                guard let s = number(2) else { return nil }
                second = s
                if expect(0x2E) {
                    var scale = 0.1
                    while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 {
                        fraction += Double(bytes[at] - 0x30) * scale
                        scale /= 10
                        at += 1
                    }
                }
            }
            guard at == bytes.count else { return nil }
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        // Whole milliseconds, computed as GRDB's reader did, so a stored date reads back equal.
        let milliseconds = (fraction * 1000).rounded()
        return Date(timeIntervalSince1970: Double(seconds) + milliseconds / 1000)
    }
}
