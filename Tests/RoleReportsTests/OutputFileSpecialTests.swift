import Foundation
import XCTest
@testable import RoleReports

#if canImport(Glibc)
import Glibc
#endif

/// `--output` writes only regular files (issue 16, item 2): a FIFO, a device node, a
/// socket or a symbolic link at the path is refused, `--force` or not, and left as it was.
final class OutputFileSpecialTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-special-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func kind(_ path: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        return info.st_mode & S_IFMT
    }

    func assertRefused(_ path: String, saying words: String, line: UInt = #line) {
        let before = kind(path)
        for replacing in [false, true] {
            XCTAssertThrowsError(try OutputFile(path: path, replacing: replacing).write("text"), line: line) { error in
                let error = error as! OutputFile.WriteError
                XCTAssertEqual(error.exitStatus, 73, line: line)
                XCTAssertTrue(error.description.contains(words), error.description, line: line)
            }
            XCTAssertEqual(kind(path), before, "still what it was", line: line)
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        XCTAssertFalse(left.contains { $0.contains(".rolescope-") }, "no temporary file left: \(left)", line: line)
    }

    func testAFIFOIsRefusedAndStaysAFIFO() {
        let fifo = directory + "/pipe.md"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        assertRefused(fifo, saying: "a FIFO")
    }

    func testACharacterDeviceIsRefused() throws {
        let node = directory + "/null.md"
        guard mknod(node, S_IFCHR | 0o666, dev_t((1 << 8) | 3) /* makedev(1, 3), /dev/null's numbers */) == 0 else { throw XCTSkip("mknod needs root") }
        assertRefused(node, saying: "a character device")
    }

    func testASocketIsRefused() throws {
        let path = directory + "/socket.md"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        guard path.utf8.count < MemoryLayout.size(ofValue: address.sun_path) else { throw XCTSkip("path too long for a socket") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw XCTSkip("cannot bind a socket here") }
        assertRefused(path, saying: "a socket")
    }

    func testASymbolicLinkIsRefusedAndItsTargetKept() throws {
        let target = directory + "/target.md"
        try "kept".write(toFile: target, atomically: false, encoding: .utf8)
        let link = directory + "/link.md"
        XCTAssertEqual(symlink(target, link), 0)
        assertRefused(link, saying: "symbolic link")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "kept")
    }
}

/// File names are bytes (issue 16, item 5): one that is not UTF-8 is written as given,
/// and shown escaped.
final class OutputFileBytesTests: XCTestCase {
    func testANameThatIsNotUTF8IsWrittenAsItsBytes() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-bytes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = Array((directory + "/f").utf8) + [0xFF] + Array(".md".utf8)
        let file = OutputFile(fileSystemPath: name)
        try file.write("text")
        XCTAssertTrue(file.path.hasSuffix("/f\\xFF.md"), file.path)
        var info = stat()
        XCTAssertEqual(lstat(name.map { CChar(bitPattern: $0) } + [0], &info), 0, "the file has exactly those bytes as its name")
        let replaced = Array((directory + "/f").utf8) + [0xEF, 0xBF, 0xBD] + Array(".md".utf8)
        XCTAssertNotEqual(lstat(replaced.map { CChar(bitPattern: $0) } + [0], &info), 0, "not a re-encoded name")
    }

    func testDisplayEscapesOnlyTheBytesThatAreNotUTF8() {
        XCTAssertEqual(OutputFile.display(Array("Zoë/김.md".utf8)), "Zoë/김.md")
        XCTAssertEqual(OutputFile.display([0x61, 0xE9, 0x62, 0xC3, 0xA9, 0xC3]), "a\\xE9bé\\xC3")
    }
}
