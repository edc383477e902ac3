import Foundation
import XCTest
@testable import RoleReports

#if canImport(Glibc)
import Glibc
#endif

/// The file writer behind `--output`: atomic, never overwriting without `replacing`,
/// created 0600, and clear about what went wrong.
final class OutputFileTests: XCTestCase {
    var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-output-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func path(_ name: String) -> String { directory + "/" + name }

    func contents(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }

    func mode(_ name: String) -> mode_t {
        var info = stat()
        XCTAssertEqual(stat(path(name), &info), 0)
        return info.st_mode & 0o777
    }

    /// Nothing but the named files: no temporary file is ever left behind.
    func assertOnly(_ names: [String], line: UInt = #line) {
        let present = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        XCTAssertEqual(present.sorted(), names.sorted(), line: line)
    }

    func testWritesANewFileReadableOnlyByTheUser() throws {
        let previous = umask(0)  // the most permissive umask: the file must still be 0600
        defer { umask(previous) }
        try OutputFile(path: path("export.md")).write("# Rolescope\n")
        XCTAssertEqual(contents("export.md"), "# Rolescope\n")
        XCTAssertEqual(mode("export.md"), 0o600)
        assertOnly(["export.md"])
    }

    func testRefusesAnExistingFileWithoutReplacingAndChangesNothing() throws {
        try "keep me".write(toFile: path("export.md"), atomically: false, encoding: .utf8)
        chmod(path("export.md"), 0o644)
        XCTAssertThrowsError(try OutputFile(path: path("export.md")).write("new")) { error in
            XCTAssertEqual(error as? OutputFile.WriteError, .exists(path: path("export.md")))
            XCTAssertTrue("\(error)".contains("already exists"))
            XCTAssertTrue("\(error)".contains("--force"))
            XCTAssertEqual((error as? OutputFile.WriteError)?.exitStatus, 73)
        }
        XCTAssertEqual(contents("export.md"), "keep me")
        XCTAssertEqual(mode("export.md"), 0o644)
        assertOnly(["export.md"])
    }

    func testReplacesWhenAskedAndTheNewFileIsPrivate() throws {
        try "old".write(toFile: path("export.md"), atomically: false, encoding: .utf8)
        chmod(path("export.md"), 0o644)
        try OutputFile(path: path("export.md"), replacing: true).write("new")
        XCTAssertEqual(contents("export.md"), "new")
        XCTAssertEqual(mode("export.md"), 0o600)
        assertOnly(["export.md"])
    }

    func testAMissingDirectoryIsNamed() {
        let target = path("no/such/dir/export.md")
        XCTAssertThrowsError(try OutputFile(path: target).write("x")) { error in
            XCTAssertEqual(error as? OutputFile.WriteError, .noDirectory(path: target, directory: path("no/such/dir")))
            XCTAssertTrue("\(error)".contains(target), "\(error)")
            XCTAssertTrue("\(error)".contains("does not exist"), "\(error)")
        }
        assertOnly([])
    }

    func testADirectoryIsNotAFileName() throws {
        XCTAssertThrowsError(try OutputFile(path: directory, replacing: true).write("x")) { error in
            XCTAssertEqual(error as? OutputFile.WriteError, .isDirectory(path: directory))
        }
        XCTAssertThrowsError(try OutputFile(path: ".").write("x")) { error in
            XCTAssertEqual(error as? OutputFile.WriteError, .isDirectory(path: "."))
        }
    }

    func testASymbolicLinkIsNeitherReplacedNorFollowed() throws {
        // It used to be replaced by a regular file (issue 16): now refused, --force or not.
        try "precious".write(toFile: path("target.txt"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: path("link.md"), withDestinationPath: path("target.txt"))
        XCTAssertThrowsError(try OutputFile(path: path("link.md")).write("x"))
        XCTAssertThrowsError(try OutputFile(path: path("link.md"), replacing: true).write("export"))
        XCTAssertEqual(contents("target.txt"), "precious", "the file the link pointed at is untouched")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.md")), path("target.txt"))
    }

    /// A write that fails half-way (the file-size limit, as a full disk would) leaves the
    /// old file exactly as it was, and no temporary file.
    func testAFailedWriteLeavesTheOldFileWhole() throws {
        try "the old export".write(toFile: path("export.md"), atomically: false, encoding: .utf8)
        var limit = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit), 0)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var small = limit
        small.rlim_cur = 4096
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &small), 0)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limit)
            signal(SIGXFSZ, previousHandler)
        }
        XCTAssertThrowsError(try OutputFile(path: path("export.md"), replacing: true).write(String(repeating: "x", count: 100_000))) { error in
            guard case .cannotWrite(let target, let reason)? = error as? OutputFile.WriteError else { return XCTFail("\(error)") }
            XCTAssertEqual(target, path("export.md"))
            XCTAssertTrue(reason.lowercased().contains("too large"), reason)
        }
        XCTAssertEqual(contents("export.md"), "the old export")
        assertOnly(["export.md"])
    }

    /// A reader that keeps opening the file while it is replaced again and again only
    /// ever sees one whole version, never a mix or a truncated one.
    func testReadersNeverSeeAPartlyWrittenFile() throws {
        let target = path("export.md")
        let versions = ["a", "b"].map { String(repeating: $0, count: 2_000_000) }
        try OutputFile(path: target).write(versions[0])
        let stop = ManagedAtomicFlag()
        let reads = ReadCounter()
        let reader = Thread {
            while !stop.isSet {
                guard let data = FileManager.default.contents(atPath: target) else { continue }
                reads.record(whole: data.count == 2_000_000 && (data.allSatisfy { $0 == 0x61 } || data.allSatisfy { $0 == 0x62 }))
            }
        }
        reader.start()
        for round in 1...20 { try OutputFile(path: target, replacing: true).write(versions[round % 2]) }
        stop.set()
        while !reader.isFinished { usleep(1000) }
        XCTAssertGreaterThan(reads.total, 0)
        XCTAssertEqual(reads.torn, 0, "\(reads.torn) of \(reads.total) reads saw a partly written file")
        assertOnly(["export.md"])
    }
}

final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var total = 0
    private(set) var torn = 0
    func record(whole: Bool) { lock.withLock { total += 1; if !whole { torn += 1 } } }
}
