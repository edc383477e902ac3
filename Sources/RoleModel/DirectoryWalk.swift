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

/// Every entry below a directory, depth first, skipping hidden names (those starting with
/// "."), and not following symbolic links to directories: what the loader's walk took
/// from FoundationEssentials-less `FileManager.enumerator(at:options: .skipsHiddenFiles)`.
/// Subdirectories that cannot be listed are collected in `unreadable`, not thrown.
struct DirectoryWalk {
    private var stack: [(url: URL, handle: OpaquePointer)] = []
    private(set) var unreadable: [URL] = []

    init?(_ directory: URL) {
        guard let handle = opendir(directory.path) else { return nil }
        stack.append((directory, handle))
    }

    /// The next entry, or nil when the walk is done (every handle is then closed).
    mutating func next() -> URL? {
        while let (folder, handle) = stack.last {
            guard let entry = readdir(handle) else {
                closedir(handle)
                stack.removeLast()
                continue
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let url = folder.appendingPathComponent(name)
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory = lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                if let child = opendir(url.path) { stack.append((url, child)) } else { unreadable.append(url) }
            }
            return url
        }
        return nil
    }
}
