#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds a session: one running rolescope, named by its host, the boot it runs in,
/// its process id and the time that process started. The last two together name one
/// process for good (a pid alone is reused), so a lease left behind by a crash or a
/// `kill -9` is seen to be free: no lock file to clean up, and nothing held by a dead
/// process. A holder on another host cannot be checked and counts as alive.
public struct LeaseHolder: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var boot: String
    public var pid: Int32
    public var processStart: String

    public init(host: String, boot: String, pid: Int32, processStart: String) {
        self.host = host
        self.boot = boot
        self.pid = pid
        self.processStart = processStart
    }

    /// This process.
    public static let current = LeaseHolder(host: hostName(), boot: bootID(), pid: getpid(), processStart: startTime(of: getpid()) ?? "")

    /// Whether the holding process still runs, as far as this machine can tell.
    public var isAlive: Bool {
        let me = Self.current
        if self == me { return true }
        guard host == me.host else { return true }
        guard boot == me.boot else { return false }
        #if os(Linux)
        guard let started = Self.startTime(of: pid) else { return false }
        return started == processStart
        #else
        return kill(pid, 0) == 0 || errno == EPERM
        #endif
    }

    public var description: String { host == Self.current.host ? "process \(pid)" : "process \(pid) on \(host)" }

    static func hostName() -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count) == 0 else { return "" }
        return String(cString: name)
    }

    /// The kernel's id for this boot: a pid from before a reboot names no process now.
    static func bootID() -> String {
        (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)).map { $0.trimmed() } ?? ""
    }

    /// When process `pid` started (clock ticks since boot, field 22 of /proc/PID/stat);
    /// nil when there is no such process or it has exited (a zombie).
    static func startTime(of pid: Int32) -> String? {
        #if os(Linux)
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, fields[0] != "Z", fields[0] != "X" else { return nil }
        return String(fields[19])
        #else
        return ""
        #endif
    }
}

/// The one-writer rule: a session is written only by the rolescope holding its lease.
/// Creating a session takes its lease; resuming one takes it when it is free (nobody
/// holds it, or its holder is no longer running), or by taking it over; every write into
/// the session checks, in its own transaction, that this process still holds it, so a
/// rolescope whose session was taken over finds out on its next write, and writes nothing.
extension SessionStore {
    /// The running rolescope (not this one) holding `session`, or nil when it is free or
    /// held here.
    public func holder(of session: SessionID) throws(SessionStoreError) -> (holder: LeaseHolder, since: Date)? {
        try read { db in
            guard let lease = try Self.lease(of: session, db), lease.holder != holder, lease.holder.isAlive else { return nil }
            return lease
        }
    }

    /// Takes the lease of `session` for this process: when it is free, or held here, or
    /// (with `takingOver`) from another running rolescope, which then writes no more.
    public func hold(_ session: SessionID, takingOver: Bool = false, at time: Date = Date()) throws(SessionStoreError) {
        let me = holder
        try write { db in
            guard try db.scalar("SELECT 1 FROM sessions WHERE id = ?", session, as: Int.self) != nil else {
                throw SessionStoreError.noSuchSession(session)
            }
            if let lease = try Self.lease(of: session, db), lease.holder != me, lease.holder.isAlive, !takingOver {
                throw SessionStoreError.heldElsewhere(session: session, holder: lease.holder.description, since: lease.since)
            }
            try Self.setLease(session, to: me, at: time, db)
        }
    }

    /// Lets `session` go, if this process holds it (quitting, or moving to another session).
    public func release(_ session: SessionID) throws(SessionStoreError) {
        let me = holder
        try write { db in
            try db.execute("DELETE FROM leases WHERE session_id = ? AND host = ? AND boot = ? AND pid = ? AND process_start = ?",
                           session, me.host, me.boot, Int64(me.pid), me.processStart)
        }
    }

    static func lease(of session: SessionID, _ db: SQLiteConnection) throws -> (holder: LeaseHolder, since: Date)? {
        try db.fetchOne("SELECT * FROM leases WHERE session_id = ?", session) { row in
            (LeaseHolder(host: try row["host"], boot: try row["boot"], pid: Int32(truncatingIfNeeded: try row["pid"] as Int64),
                         processStart: try row["process_start"]), try row["taken_at"])
        }
    }

    static func setLease(_ session: SessionID, to holder: LeaseHolder, at time: Date, _ db: SQLiteConnection) throws {
        try db.execute("""
            INSERT INTO leases (session_id, host, boot, pid, process_start, taken_at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (session_id) DO UPDATE SET host = excluded.host, boot = excluded.boot, pid = excluded.pid,
                process_start = excluded.process_start, taken_at = excluded.taken_at
            """, session, holder.host, holder.boot, Int64(holder.pid), holder.processStart, time)
    }

    /// Throws unless this process holds `session`: called inside every write into it.
    static func checkHeld(_ session: SessionID, by me: LeaseHolder, _ db: SQLiteConnection) throws {
        guard let lease = try lease(of: session, db) else { throw SessionStoreError.notHeld(session: session) }
        guard lease.holder == me else {
            throw SessionStoreError.heldElsewhere(session: session, holder: lease.holder.description, since: lease.since)
        }
    }
}
