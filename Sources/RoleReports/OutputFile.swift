import Foundation

#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A file Rolescope writes for the user (an export with `--output`; later a transcript).
///
/// - Atomic: the bytes go to a temporary file in the same directory, are flushed to disk,
///   and only then take the target's name, so the target is never seen half-written
///   and a failure leaves it as it was.
/// - Never overwrites by accident: without `replacing`, an existing file (or anything
///   else at the path) is refused, and the final step is a hard link, which the
///   system itself refuses if something appeared there meanwhile.
/// - Private: created readable and writable only by the user (0600), whatever the umask,
///   because an export can hold the answers someone gave.
/// - Only regular files: a FIFO, a device node, a socket, a directory or a symbolic link
///   at the path is refused, with or without `replacing`. Renaming over `/dev/null` as
///   root would replace the system's device; a link is not followed, so an export never
///   lands somewhere other than the path the user named (give the link's target instead).
public struct OutputFile: Sendable {
    public let path: String
    /// Replace a file that already exists (`--force`).
    public var replacing: Bool

    public init(path: String, replacing: Bool = false) {
        self.path = path
        self.replacing = replacing
    }

    public enum WriteError: Error, Equatable, CustomStringConvertible {
        case exists(path: String)
        case noDirectory(path: String, directory: String)
        case isDirectory(path: String)
        /// Something other than a regular file or a directory: its kind ("a FIFO").
        case notRegularFile(path: String, kind: String)
        case symbolicLink(path: String)
        case cannotWrite(path: String, reason: String)

        /// EX_CANTCREAT from sysexits.h: "a (user specified) output file cannot be created".
        public var exitStatus: Int32 { 73 }

        public var description: String {
            switch self {
            case .exists(let path):
                return "\(path) already exists; nothing was written. Use --force to replace it, or choose another name"
            case .noDirectory(let path, let directory):
                return "cannot write \(path): the directory \(directory) does not exist; create it first or choose another path"
            case .isDirectory(let path):
                return "cannot write \(path): it is a directory; give a file name, such as \(path)/rolescope.md"
            case .notRegularFile(let path, let kind):
                return "cannot write \(path): it is \(kind), not a regular file; --output writes only regular files, so nothing was written"
            case .symbolicLink(let path):
                return "cannot write \(path): it is a symbolic link, which --output does not follow; give the path it points to, or remove the link. Nothing was written"
            case .cannotWrite(let path, let reason):
                return "cannot write \(path): \(reason); nothing was changed"
            }
        }
    }

    /// The directory the file goes in. (Split by hand: Foundation's path helpers on Linux
    /// trap on a path of ".".)
    var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// The file's own name.
    var name: String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    public func write(_ text: String) throws(WriteError) {
        try write(Data(text.utf8))
    }

    public func write(_ data: Data) throws(WriteError) {
        var info = stat()
        guard stat(directory, &info) == 0 else { throw .noDirectory(path: path, directory: directory) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .noDirectory(path: path, directory: directory) }
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw .isDirectory(path: path)
            case S_IFLNK: throw .symbolicLink(path: path)
            case S_IFIFO: throw .notRegularFile(path: path, kind: "a FIFO")
            case S_IFCHR: throw .notRegularFile(path: path, kind: "a character device")
            case S_IFBLK: throw .notRegularFile(path: path, kind: "a block device")
            case S_IFSOCK: throw .notRegularFile(path: path, kind: "a socket")
            default: throw .notRegularFile(path: path, kind: "a special file")
            }
            if !replacing { throw .exists(path: path) }
        }

        let temporary = try writeTemporary(data)
        if replacing {
            guard rename(temporary, path) == 0 else {
                let reason = Self.reason()
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        } else {
            // link(2) fails with EEXIST if the name was taken since the check above, so a
            // file that appears meanwhile is never replaced.
            if link(temporary, path) != 0 {
                let code = errno
                if code == EEXIST {
                    unlink(temporary)
                    throw .exists(path: path)
                }
                // Some file systems have no hard links: check once more, then rename.
                guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(code), lstat(path, &info) != 0,
                      rename(temporary, path) == 0 else {
                    let reason = String(cString: strerror(code))
                    unlink(temporary)
                    throw .cannotWrite(path: path, reason: reason)
                }
            } else {
                unlink(temporary)
            }
        }
        // Make the new name durable too (best effort: not every file system allows it).
        let directoryDescriptor = open(directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Writes `data` to a new 0600 file beside the target and returns its path.
    private func writeTemporary(_ data: Data) throws(WriteError) -> String {
        var template = Array((directory + "/." + name + ".rolescope-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: Self.reason()) }
        let temporary = String(cString: template)
        func fail() -> WriteError {
            let reason = Self.reason()
            close(descriptor)
            unlink(temporary)
            return .cannotWrite(path: path, reason: reason)
        }
        // mkstemp already creates 0600; say so explicitly rather than rely on it.
        guard fchmod(descriptor, S_IRUSR | S_IWUSR) == 0 else { throw fail() }
        let written = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let result = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += result
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else { throw fail() }
        guard close(descriptor) == 0 else {
            let reason = Self.reason()
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
        return temporary
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}
