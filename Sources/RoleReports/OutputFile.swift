#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// The path as messages show it: `fileSystemPath` with any byte that is not UTF-8
    /// written as `\xFF`.
    public let path: String
    /// The path as the file system has it: bytes, which need not be UTF-8, passed to the
    /// system calls unchanged (a name from the command line is never re-encoded).
    public let fileSystemPath: [UInt8]
    /// Replace a file that already exists (`--force`).
    public var replacing: Bool

    public init(path: String, replacing: Bool = false) {
        self.init(fileSystemPath: Array(path.utf8), replacing: replacing)
    }

    public init(fileSystemPath: [UInt8], replacing: Bool = false) {
        self.fileSystemPath = fileSystemPath
        self.path = Self.display(fileSystemPath)
        self.replacing = replacing
    }

    /// A file name's bytes as text: valid UTF-8 as it is, any other byte as `\xFF`.
    public static func display(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : (0xC2...0xDF).contains(lead) ? 2 : (0xE0...0xEF).contains(lead) ? 3
                : (0xF0...0xF4).contains(lead) ? 4 : 0
            if length > 0, index + length <= bytes.count,
               let text = String(validating: bytes[index..<(index + length)], as: UTF8.self) {
                result += text
                index += length
            } else {
                let hex = String(lead, radix: 16, uppercase: true)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
                index += 1
            }
        }
        return result
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

    /// The directory the file goes in, as bytes. (Split by hand: Foundation's path helpers
    /// on Linux trap on a path of ".".)
    var directoryBytes: [UInt8] {
        guard let slash = fileSystemPath.lastIndex(of: UInt8(ascii: "/")) else { return Array(".".utf8) }
        let parent = Array(fileSystemPath[..<slash])
        return parent.isEmpty ? Array("/".utf8) : parent
    }

    /// The directory as messages show it.
    var directory: String { Self.display(directoryBytes) }

    /// The file's own name, as bytes.
    var nameBytes: [UInt8] {
        fileSystemPath.lastIndex(of: UInt8(ascii: "/")).map { Array(fileSystemPath[($0 + 1)...]) } ?? fileSystemPath
    }

    /// Bytes as a C string for the system calls.
    static func cString(_ bytes: [UInt8]) -> [CChar] { bytes.map { CChar(bitPattern: $0) } + [0] }

    public func write(_ text: String) throws(WriteError) {
        try write(Data(text.utf8))
    }

    public func write(_ data: Data) throws(WriteError) {
        var info = stat()
        let target = Self.cString(fileSystemPath)
        let parent = Self.cString(directoryBytes)
        guard stat(parent, &info) == 0 else { throw .noDirectory(path: path, directory: directory) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .noDirectory(path: path, directory: directory) }
        if lstat(target, &info) == 0 {
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
            guard rename(temporary, target) == 0 else {
                let reason = Self.reason()
                unlink(temporary)
                throw .cannotWrite(path: path, reason: reason)
            }
        } else {
            // link(2) fails with EEXIST if the name was taken since the check above, so a
            // file that appears meanwhile is never replaced.
            if link(temporary, target) != 0 {
                let code = errno
                if code == EEXIST {
                    unlink(temporary)
                    throw .exists(path: path)
                }
                // Some file systems have no hard links: check once more, then rename.
                guard [EPERM, ENOTSUP, EOPNOTSUPP, EXDEV, EMLINK].contains(code), lstat(target, &info) != 0,
                      rename(temporary, target) == 0 else {
                    let reason = String(cString: strerror(code))
                    unlink(temporary)
                    throw .cannotWrite(path: path, reason: reason)
                }
            } else {
                unlink(temporary)
            }
        }
        // Make the new name durable too (best effort: not every file system allows it).
        let directoryDescriptor = open(parent, O_RDONLY)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Writes `data` to a new 0600 file beside the target and returns its path.
    private func writeTemporary(_ data: Data) throws(WriteError) -> [CChar] {
        var template = Self.cString(directoryBytes + Array("/.".utf8) + nameBytes + Array(".rolescope-XXXXXX".utf8))
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotWrite(path: path, reason: Self.reason()) }
        let temporary = template
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
