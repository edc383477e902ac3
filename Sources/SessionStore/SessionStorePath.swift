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

/// What is wrong with the sessions database's path, before SQLite or Foundation can say it
/// in their own words.
public enum SessionStorePath {
    /// A part of the path that is a file where a folder should be (XDG_DATA_HOME naming a
    /// file), or the database's name taken by a folder: one sentence with the fix. Nil
    /// when the path can hold the database.
    public static func problem(_ location: URL) -> String? {
        let file = location.path
        var info = stat()
        if stat(file, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return "\(file) is a folder, where the sessions database file should be; move it aside, or set ROLESCOPE_DATA_HOME to another folder"
            }
            return nil
        }
        let folder = location.deletingLastPathComponent().path
        var path = folder
        while true {
            if stat(path, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else {
                    return "\(path) is a file, but sessions are kept in a folder \(path == folder ? "there" : "under it (\(folder))"); move the file aside, or set ROLESCOPE_DATA_HOME (or XDG_DATA_HOME) to a folder"
                }
                return nil
            }
            if errno != ENOENT && errno != ENOTDIR {
                return "\(path) cannot be reached (\(String(cString: strerror(errno)))); check the permissions of the folders above it, or set ROLESCOPE_DATA_HOME to another folder"
            }
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if parent == path || parent.isEmpty { return nil }
            path = parent
        }
    }

    public static func canRead(_ path: String) -> Bool { access(path, R_OK) == 0 }
    public static func canWrite(_ path: String) -> Bool { access(path, W_OK) == 0 }

    /// Whether the database could be created: its nearest existing folder can be written.
    public static func canCreate(in location: URL) -> Bool {
        var path = location.deletingLastPathComponent().path
        while !FileManager.default.fileExists(atPath: path) {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if parent == path { return false }
            path = parent
        }
        return access(path, W_OK | X_OK) == 0
    }
}
