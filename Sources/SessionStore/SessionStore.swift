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

/// The sessions database: one SQLite file in WAL mode, shared safely by every rolescope
/// running at once. Every write is its own transaction, committed before the call
/// returns, so a session killed mid-way keeps everything up to its last answer or note.
///
/// It lives at `$ROLESCOPE_DATA_HOME/sessions.sqlite` when that is set, otherwise
/// `$XDG_DATA_HOME/rolescope/sessions.sqlite`, otherwise
/// `~/.local/share/rolescope/sessions.sqlite`. The folder is created readable by its
/// owner only (0700), and the database file likewise (0600).
public final class SessionStore: Sendable {
    /// The file name inside the data folder.
    public static let fileName = "sessions.sqlite"

    /// The database file.
    public let location: URL
    /// The one connection, used by one caller at a time.
    let connection: Locked<SQLiteConnection>
    /// True when opened with `init(readingOnly:)`: every write fails, nothing is created.
    public let isReadOnly: Bool
    /// Who this store writes as, for the one-writer rule (`SessionLease.swift`).
    public let holder: LeaseHolder

    /// Opens (creating and upgrading as needed) the database at `location`, writing as
    /// `holder` (this process, but for tests).
    public init(location: URL, holder: LeaseHolder = .current) throws(SessionStoreError) {
        self.location = location
        self.holder = holder
        isReadOnly = false
        let path = location.path
        try Self.prepareFile(at: location)
        // Opening writes too (WAL mode is switched on, the schema upgraded), and two
        // rolescopes starting at once could each find the work undone and collide, so
        // opening is one at a time across processes.
        let db = try Self.whileOpening(location) { () throws(SessionStoreError) -> SQLiteConnection in
            let db: SQLiteConnection
            do {
                db = try SQLiteConnection(path: path)
                // A second rolescope writing at the same moment makes this one wait for it
                // instead of failing; writes are tiny, so the wait is milliseconds.
                db.setBusyTimeout(milliseconds: 10_000)
                try db.executeScript("PRAGMA foreign_keys = ON")
                // WAL lets readers and a writer work at once; the mode is kept in the file.
                guard try db.scalar("PRAGMA journal_mode = WAL", as: String.self) == "wal" else {
                    throw SQLiteError(code: 0, message: "the database cannot use write-ahead logging")
                }
                // NORMAL would survive the app being killed; FULL also survives a power
                // cut, for one fsync per answer or note.
                try db.executeScript("PRAGMA synchronous = FULL")
            } catch {
                throw .cannotOpen(path: path, reason: Self.reason(error))
            }
            try Self.migrate(db, path: path)
            return db
        }
        connection = Locked(db)
    }

    /// Opens an existing database only to read it, for a copy of an archive or a store
    /// whose file or folder cannot be written: nothing is created, upgraded or switched on.
    /// A file from before the current schema reads as far as it goes (pay hidden was not
    /// kept before v3: it reads as not hidden).
    public init(readingOnly location: URL) throws(SessionStoreError) {
        self.location = location
        isReadOnly = true
        holder = .current
        let path = location.path
        let db: SQLiteConnection
        do {
            guard Self.canRead(path) else { throw SQLiteError(code: 0, message: String(cString: strerror(errno))) }
            db = try Self.openReadOnly(path)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        do {
            let applied = try SessionSchema.appliedIdentifiers(db)
            let unknown = applied.filter { !SessionSchema.migrations.map(\.identifier).contains($0) }
            guard unknown.isEmpty else { throw SessionStoreError.newerSchema(path: path, unknown: unknown) }
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error))
        }
        connection = Locked(db)
    }

    static func canRead(_ path: String) -> Bool {
        #if canImport(Glibc)
        return Glibc.access(path, R_OK) == 0
        #else
        return Darwin.access(path, R_OK) == 0
        #endif
    }

    /// A read-only connection that can read: a WAL file in a folder that cannot be written
    /// may refuse a plain read-only open (SQLite cannot make its shared-memory file), and is
    /// then read as an immutable file.
    static func openReadOnly(_ path: String) throws(SQLiteError) -> SQLiteConnection {
        let plain = try SQLiteConnection(path: path, readOnly: true)
        plain.setBusyTimeout(milliseconds: 10_000)
        do {
            _ = try plain.scalar("SELECT COUNT(*) FROM sqlite_master", as: Int.self)
            return plain
        } catch {
            // The path %-encoded but for the characters a URI path may hold as they are.
            let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-~".utf8)
            var encoded = "file:"
            for byte in path.utf8 {
                if safe.contains(byte) { encoded.append(Character(UnicodeScalar(byte))) } else {
                    let hex = String(byte, radix: 16, uppercase: true)
                    encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
            let immutable = try SQLiteConnection(path: encoded + "?immutable=1", readOnly: true, uri: true)
            _ = try immutable.scalar("SELECT COUNT(*) FROM sqlite_master", as: Int.self)
            return immutable
        }
    }

    /// Whether the unfinished session the app would offer to resume from the database at
    /// `location` had pay hidden: read before the app's first frame, so that frame already
    /// hides pay. False when there is no such file, session or column, or it cannot be read.
    public static func resumableSessionHidesPay(at location: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: location.path),
              let db = try? SQLiteConnection(path: location.path, readOnly: true) else { return false }
        db.setBusyTimeout(milliseconds: 2_000)
        let hidden = try? db.scalar("""
            SELECT pay_hidden FROM sessions WHERE outcome_id IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1
            """, as: Int.self)
        return (hidden ?? 0) != 0
    }

    /// Opens the database in the default location for `environment`.
    public static func openDefault(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SessionStoreError) -> SessionStore {
        try SessionStore(location: defaultDirectory(environment: environment).appendingPathComponent(fileName))
    }

    /// The data folder: `$ROLESCOPE_DATA_HOME`, else `$XDG_DATA_HOME/rolescope` (when it is
    /// an absolute path, as the XDG specification requires), else `~/.local/share/rolescope`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let own = environment["ROLESCOPE_DATA_HOME"], !own.isEmpty {
            return URL(fileURLWithPath: own, isDirectory: true)
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("rolescope", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.passwordHome()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/rolescope", isDirectory: true)
    }

    /// The schema version the database is at, such as "v2".
    public func schemaVersion() throws(SessionStoreError) -> String {
        try read { db in try SessionSchema.appliedIdentifiers(db).last ?? "" }
    }

    /// The home folder from the password database, for when HOME is not set.
    static func passwordHome() -> String {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return "/" }
        return String(cString: dir)
    }

    // MARK: Opening

    /// Creates the folder (0700) and the file (0600) when they are missing, so SQLite
    /// never creates them with the process's wider umask; tightens an existing file.
    static func prepareFile(at location: URL) throws(SessionStoreError) {
        let path = location.path
        let folder = location.deletingLastPathComponent()
        var folderInfo = stat()
        if stat(folder.path, &folderInfo) != 0 {
            // The folders above it as the umask allows, each failure in the system's words
            // (Foundation's would be an error dump), naming the part that failed.
            var missing: [String] = []
            var above = folder.deletingLastPathComponent()
            var info = stat()
            while stat(above.path, &info) != 0 && above.path != "/" {
                missing.insert(above.path, at: 0)
                above = above.deletingLastPathComponent()
            }
            if (info.st_mode & S_IFMT) != S_IFDIR {
                throw .cannotOpen(path: path, reason: "\(above.path) is a file, not a folder")
            }
            for part in missing where mkdir(part, 0o755) != 0 && errno != EEXIST {
                throw .cannotOpen(path: path, reason: "cannot create \(part): \(String(cString: strerror(errno)))")
            }
            if mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
                throw .cannotOpen(path: path, reason: "cannot create \(folder.path): \(String(cString: strerror(errno)))")
            }
        } else if (folderInfo.st_mode & S_IFMT) != S_IFDIR {
            throw .cannotOpen(path: path, reason: "\(folder.path) is not a folder")
        }
        let fd = open(path, O_RDWR | O_CREAT, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & 0o077) != 0 { _ = fchmod(fd, 0o600) }
        close(fd)
    }

    /// Runs `body` holding an exclusive lock on `<database>.lock`, which every rolescope
    /// takes while it opens the database.
    static func whileOpening<T>(_ location: URL, _ body: () throws(SessionStoreError) -> T) throws(SessionStoreError) -> T {
        let lockPath = location.path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotOpen(path: lockPath, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .cannotOpen(path: lockPath, reason: String(cString: strerror(errno))) }
        }
        return try body()
    }

    /// Applies the migrations the file lacks; refuses a file from a newer rolescope.
    static func migrate(_ db: SQLiteConnection, path: String) throws(SessionStoreError) {
        do {
            try SessionSchema.migrate(db)
        } catch SessionSchema.SchemaError.newer(let unknown) {
            throw .newerSchema(path: path, unknown: unknown)
        } catch {
            throw .cannotUpgrade(path: path, reason: Self.reason(error))
        }
    }

    // MARK: Access

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE, so a concurrent writer
    /// waits its turn rather than failing mid-way).
    func write<T>(_ body: (SQLiteConnection) throws -> T) throws(SessionStoreError) -> T {
        if isReadOnly { throw .readOnly(path: location.path) }
        return try access(.immediate, body)
    }

    /// Runs `body` in one read transaction: every statement in it sees the same snapshot.
    func read<T>(_ body: (SQLiteConnection) throws -> T) throws(SessionStoreError) -> T {
        try access(.deferred, body)
    }

    private func access<T>(_ kind: SQLiteConnection.TransactionKind, _ body: (SQLiteConnection) throws -> T) throws(SessionStoreError) -> T {
        do {
            return try connection.withLock { db in try db.transaction(kind) { try body(db) } }
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw .database(path: location.path, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        return "\(error)"
    }
}
