import Foundation
import GRDB

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
    let pool: DatabasePool

    /// Opens (creating and upgrading as needed) the database at `location`.
    public init(location: URL) throws(SessionStoreError) {
        self.location = location
        let path = location.path
        try Self.prepareFile(at: location)
        var config = Configuration()
        // A second rolescope writing at the same moment makes this one wait for it
        // instead of failing; writes are tiny, so the wait is milliseconds.
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.label = "rolescope sessions"
        // Opening writes too (WAL mode is switched on, the schema upgraded), and two
        // rolescopes starting at once could each find the work undone and collide, so
        // opening is one at a time across processes.
        pool = try Self.whileOpening(location) { () throws(SessionStoreError) -> DatabasePool in
            let pool: DatabasePool
            do {
                pool = try DatabasePool(path: path, configuration: config)
                // GRDB picks NORMAL for WAL, which survives the app being killed; FULL
                // also survives a power cut, for one fsync per answer or note.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            } catch {
                throw .cannotOpen(path: path, reason: Self.reason(error))
            }
            try Self.migrate(pool, path: path)
            return pool
        }
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
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/share/rolescope", isDirectory: true)
    }

    /// The schema version the database is at, such as "v2".
    public func schemaVersion() throws(SessionStoreError) -> String {
        try read { db in try SessionSchema.migrator.appliedMigrations(db).last ?? "" }
    }

    // MARK: Opening

    /// Creates the folder (0700) and the file (0600) when they are missing, so SQLite
    /// never creates them with the process's wider umask; tightens an existing file.
    static func prepareFile(at location: URL) throws(SessionStoreError) {
        let path = location.path
        let folder = location.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            do {
                try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: path, reason: "cannot create \(folder.deletingLastPathComponent().path): \(reason(error))")
            }
            if mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
                throw .cannotOpen(path: path, reason: "cannot create \(folder.path): \(String(cString: strerror(errno)))")
            }
        } else if !isDirectory.boolValue {
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
    static func migrate(_ pool: DatabasePool, path: String) throws(SessionStoreError) {
        let migrator = SessionSchema.migrator
        do {
            let unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
            if !unknown.isEmpty { throw SessionStoreError.newerSchema(path: path, unknown: unknown) }
            try migrator.migrate(pool)
        } catch let error as SessionStoreError {
            throw error
        } catch {
            throw .cannotUpgrade(path: path, reason: Self.reason(error))
        }
    }

    // MARK: Access

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE, so a concurrent writer
    /// waits its turn rather than failing mid-way).
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(SessionStoreError) -> T {
        do { return try pool.write(body) } catch let error as SessionStoreError { throw error } catch {
            throw .database(path: location.path, reason: Self.reason(error))
        }
    }

    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(SessionStoreError) -> T {
        do { return try pool.read(body) } catch let error as SessionStoreError { throw error } catch {
            throw .database(path: location.path, reason: Self.reason(error))
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
        return "\(error)"
    }
}
