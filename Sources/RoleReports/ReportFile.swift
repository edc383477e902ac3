import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an export to a file all at once: a reader (or a crash) sees either no file or
/// the whole of it, never half. The text goes to a temporary file beside the target
/// (mode 0600: exports can hold candidates' names and interview notes), is flushed to
/// disk, then takes the target's name: by `link`, which fails if the name is taken, or
/// by `rename`, which replaces it, when overwriting was asked for.
public enum ReportFile {
    public enum WriteError: Error, Equatable, CustomStringConvertible {
        case exists(String)
        case failed(String, reason: String)

        public var description: String {
            switch self {
            case .exists(let path): return "\(path) already exists; choose another name, or add --force to replace it"
            case .failed(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    public static func write(_ text: String, to path: String, overwrite: Bool) throws(WriteError) {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent().path
        var template = Array((folder + "/.\(target.lastPathComponent).XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .failed(path, reason: String(cString: strerror(errno))) }
        let temporary = String(cString: template)
        var linked = false
        defer { if !linked { unlink(temporary) } }

        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { Glibc_write(fd, $0.baseAddress!, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                throw .failed(path, reason: reason)
            }
            written += result
        }
        _ = fchmod(fd, 0o600)
        let synced = fsync(fd) == 0
        close(fd)
        guard synced else { throw .failed(path, reason: String(cString: strerror(errno))) }

        if overwrite {
            guard rename(temporary, path) == 0 else { throw .failed(path, reason: String(cString: strerror(errno))) }
        } else {
            guard link(temporary, path) == 0 else {
                if errno == EEXIST { throw .exists(path) }
                throw .failed(path, reason: String(cString: strerror(errno)))
            }
            unlink(temporary)
        }
        linked = true
        // Make the new name itself durable.
        let directory = open(folder, O_RDONLY)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }
}

/// `write(2)`, named apart from `ReportFile.write`.
private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, buffer, count)
    #else
    return Darwin.write(fd, buffer, count)
    #endif
}
