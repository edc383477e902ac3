import Foundation
import XCTest
@testable import RoleModel

/// Content directories broken in every way the loader must survive: each gives a clear
/// problem naming the file, the line and the fix, the right exit status, and no crash
/// or hang. Big inputs are generated here, in a temporary directory, never committed.
final class BrokenContentTests: XCTestCase {
    var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// A copy of the minimal fixture with `change` applied, as a directory on disk.
    func directory(_ name: String, _ change: (URL) throws -> Void) throws -> URL {
        let dir = scratch.appendingPathComponent(name)
        try FileManager.default.copyItem(at: Fixtures.minimal, to: dir)
        try change(dir)
        return dir
    }

    func write(_ text: String, to dir: URL, _ file: String) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent(file))
    }

    /// Loads `dir` (named "d" in problems) and returns the error, failing if it loads.
    func error(loading dir: URL, line: UInt = #line) -> ContentError? {
        let started = Date()
        defer { print("  loading \(dir.lastPathComponent) took \(String(format: "%.3f", Date().timeIntervalSince(started))) s") }
        do {
            _ = try CatalogLoader.load(directory: dir, displayPath: "d")
            XCTFail("\(dir.lastPathComponent) loaded", line: line)
            return nil
        } catch {
            return error
        }
    }

    /// Asserts one problem containing `message`, at `file` and `atLine`, with a hint.
    func assertOne(_ error: ContentError?, status: Int32 = 65, _ message: String, file: String, atLine: Int?,
                   hint: String, line: UInt = #line) {
        guard let error else { return }
        XCTAssertEqual(error.exitStatus, status, line: line)
        assertProblem(error.problems, message, file: file, atLine: atLine, hint: hint, line: line)
    }

    // MARK: Synonyms

    func testABrokenSynonymsFileNamesTheFileAndLine() throws {
        let lonely = try directory("synonyms-one-term") { try write("synonyms:\n  - terms: [k8s]\n", to: $0, "synonyms.yaml") }
        assertOne(error(loading: lonely), "a synonym group needs at least two terms", file: "d/synonyms.yaml", atLine: 2,
                  hint: "terms: [k8s, Kubernetes]")
        let twice = try directory("synonyms-twice") {
            try write("synonyms:\n  - terms: [k8s, Kubernetes]\n  - terms: [K8S, kube]\n", to: $0, "synonyms.yaml")
        }
        assertOne(error(loading: twice), "'K8S' is already in a synonym group", file: "d/synonyms.yaml", atLine: 3,
                  hint: "first listed at d/synonyms.yaml:2")
        let unknown = try directory("synonyms-key") { try write("synonyms:\n  - words: [a, b]\n", to: $0, "synonyms.yaml") }
        XCTAssertEqual(error(loading: unknown)?.exitStatus, 65)
        let good = try directory("synonyms-good") { try write("synonyms:\n  - terms: [k8s, Kubernetes]\n", to: $0, "synonyms.yaml") }
        XCTAssertEqual(try CatalogLoader.load(directory: good).synonyms, [["k8s", "Kubernetes"]])
    }

    // MARK: Files and directories

    func testEmptyFileAndCommentsOnlyFile() throws {
        let empty = try directory("empty-file") { try write("", to: $0, "empty.yaml") }
        assertOne(error(loading: empty), "file is empty", file: "d/empty.yaml", atLine: 1, hint: "add a section")
        let comments = try directory("comments-only") { try write("# nothing yet\n", to: $0, "notes.yaml") }
        assertOne(error(loading: comments), "file is empty", file: "d/notes.yaml", atLine: 1, hint: "or delete the file")
    }

    func testEmptyDirectory() throws {
        let dir = scratch.appendingPathComponent("empty-dir")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        assertOne(error(loading: dir), "no content files (.yaml or .yml) in the directory", file: "d", atLine: nil, hint: "docs/CONTENT.md")
    }

    func testMissingDirectoryAndNotADirectory() throws {
        assertOne(error(loading: scratch.appendingPathComponent("nowhere")), status: 66, "no such directory", file: "d", atLine: nil,
                  hint: "check the path given to --data")
        let file = scratch.appendingPathComponent("plain.yaml")
        try write("sources: []\n", to: scratch, "plain.yaml")
        assertOne(error(loading: file), status: 66, "not a directory", file: "d", atLine: nil, hint: "--data takes a directory")
    }

    func testAFIFOIsRefusedWithoutReadingIt() throws {
        // Reading a FIFO blocks until someone writes to it: the loader must not try.
        let dir = try directory("fifo") { XCTAssertEqual(mkfifo($0.appendingPathComponent("pipe.yaml").path, 0o644), 0) }
        assertOne(error(loading: dir), "not a regular file (a FIFO)", file: "d/pipe.yaml", atLine: 1, hint: "remove it or rename it")
    }

    func testADirectoryNamedYamlAndADanglingLink() throws {
        let dir = try directory("odd-entries") {
            try FileManager.default.createDirectory(at: $0.appendingPathComponent("folder.yaml"), withIntermediateDirectories: false)
            try FileManager.default.createSymbolicLink(atPath: $0.appendingPathComponent("gone.yaml").path, withDestinationPath: "/nonexistent/x")
        }
        let error = error(loading: dir)
        assertOne(error, "not a regular file (a directory)", file: "d/folder.yaml", atLine: 1, hint: "remove it or rename it")
        assertOne(error, "a symbolic link to nothing", file: "d/gone.yaml", atLine: 1, hint: "point the link at a content file")
    }

    func testNotUTF8() throws {
        let dir = try directory("latin1") { try Data([0x73, 0x3A, 0x0A, 0x20, 0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: $0.appendingPathComponent("bad.yaml")) }
        assertOne(error(loading: dir), "file is not valid UTF-8", file: "d/bad.yaml", atLine: 2, hint: "save it as UTF-8")
    }

    func testRawControlCharacterNamesItsLine() throws {
        let dir = try directory("raw-esc") { try write("sources:\n  - {id: gamma, title: \"a\u{1B}]0;x\u{07}\"}\n", to: $0, "esc.yaml") }
        let error = error(loading: dir)
        assertOne(error, "a raw control character (U+001B) is not allowed in YAML", file: "d/esc.yaml", atLine: 2, hint: "double-quoted")
        XCTAssertEqual(error?.problems.first?.column, 26)
    }

    func testTheWrongDirectoryIsNotReadToTheEnd() throws {
        // `--data ~` by mistake: the walk stops instead of reading a whole disk.
        let dir = scratch.appendingPathComponent("too-many")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for index in 0...CatalogLoader.maximumFiles {
            XCTAssertTrue(FileManager.default.createFile(atPath: dir.appendingPathComponent("f\(index).yaml").path, contents: Data("x: 1\n".utf8)))
        }
        assertOne(error(loading: dir), "more than \(CatalogLoader.maximumFiles) .yaml files below this directory; stopped looking", file: "d", atLine: nil,
                  hint: "is it the right directory?")
    }

    // MARK: Size and depth

    func testTwentyMegabyteFileIsRefusedBeforeParsing() throws {
        let dir = try directory("huge") {
            let line = "  - {id: s, title: Twenty megabytes of sources, publisher: P, date: '2026', covers: c}\n"
            let text = "sources:\n" + String(repeating: line, count: 20 * 1024 * 1024 / line.utf8.count + 1)
            try write(text, to: $0, "huge.yaml")
        }
        let error = error(loading: dir)
        assertOne(error, "file is too large (20.0 MiB; the limit is 1 MiB, passed on this line)", file: "d/huge.yaml", atLine: 12_054,
                  hint: "split it into several files")
    }

    func testTenThousandLevelsOfBracketsAreRefusedBeforeComposing() throws {
        let dir = try directory("deep-flow") {
            try write("sources:\n  - " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n", to: $0, "deep.yaml")
        }
        let error = error(loading: dir)
        assertOne(error, "the YAML nests more than 64 levels deep here", file: "d/deep.yaml", atLine: 2, hint: "flatten it")
        XCTAssertEqual(error?.problems.first?.column, 66)
    }

    func testTenThousandLevelsOfListsAndOfIndentationAreRefused() throws {
        let dashes = try directory("deep-dashes") { try write("sources:\n" + String(repeating: "- ", count: 10_000) + "x\n", to: $0, "deep.yaml") }
        assertOne(error(loading: dashes), "nests more than 64 levels", file: "d/deep.yaml", atLine: 2, hint: "close the brackets or lists")
        let keys = try directory("deep-keys") {
            try write("sources:\n" + (1..<10_000).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(), to: $0, "deep.yaml")
        }
        // 10,000 indented levels are 50 MB: too large long before too deep.
        assertOne(error(loading: keys), "file is too large", file: "d/deep.yaml", atLine: 1_443, hint: "split it")
        let keys300 = try directory("deep-keys-300") {
            try write("sources:\n" + (1..<300).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined(), to: $0, "deep.yaml")
        }
        assertOne(error(loading: keys300), "nests more than 64 levels", file: "d/deep.yaml", atLine: 65, hint: "flatten it")
    }

    func testAOneMegabyteStringIsRefused() throws {
        let dir = try directory("long-string") {
            try write("overlaps:\n  - id: big\n    title: Big\n    roles: [builder, thinker]\n    summary: \"" + String(repeating: "x", count: 1_000_000)
                      + "\"\n    sources: [alpha]\n", to: $0, "big.yaml")
        }
        assertOne(error(loading: dir), "text is too long (976 KiB; the limit is 64 KiB)", file: "d/big.yaml", atLine: 5, hint: "shorten it")
    }

    func testABlockScalarOverTheLimitIsRefusedToo() throws {
        let dir = try directory("long-block") {
            let body = (0..<2_000).map { _ in "      " + String(repeating: "word ", count: 10) }.joined(separator: "\n")
            try write("overlaps:\n  - id: big\n    title: Big\n    roles: [builder, thinker]\n    summary: |\n" + body + "\n    sources: [alpha]\n",
                      to: $0, "big.yaml")
        }
        assertOne(error(loading: dir), "text is too long", file: "d/big.yaml", atLine: 5, hint: "shorten it")
    }

    // MARK: Content errors, through a directory on disk

    func testMalformedYAML() throws {
        let dir = try directory("malformed") { try write("sources:\n  - {id: gamma, title: [oops\n", to: $0, "extra.yaml") }
        // The flow sequence opened on line 2 is never closed; the error names that last line, not the empty one after it.
        assertOne(error(loading: dir), "YAML syntax error", file: "d/extra.yaml", atLine: 2, hint: "check indentation and quoting")
    }

    func testWrongTypesAndMissingFields() throws {
        let dir = try directory("types") {
            try write("sources:\n  - id: gamma\n    title: [a, b]\n    publisher: P\n    date: 2026\n  - {id: delta, title: D, publisher: P, date: '1', covers: {a: b}}\n",
                      to: $0, "extra.yaml")
        }
        let error = error(loading: dir)
        assertOne(error, "source 'gamma' is missing 'covers'", file: "d/extra.yaml", atLine: 2, hint: "add `covers: ...`")
        assertOne(error, "'title' in source 'gamma' should be text, found a list", file: "d/extra.yaml", atLine: 3, hint: "quote it")
        assertOne(error, "'covers' in source 'delta' should be text, found a mapping", file: "d/extra.yaml", atLine: 6, hint: "quote it")
    }

    func testDuplicateIDsDanglingReferencesCyclesAndUnreachableQuestions() throws {
        let dir = try directory("references") {
            let quiz = try String(contentsOf: $0.appendingPathComponent("quiz.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "{label: Both, because: you need both, outcome: get-both}", with: "{label: Both, next: q1}")
                .replacingOccurrences(of: "recommend: [thinker]", with: "recommend: [thinkr]")
                .replacingOccurrences(of: "  outcomes:\n", with: "    - id: orphan\n      prompt: Lost?\n      why: w\n      answers:\n        - {label: x, outcome: get-builder}\n  outcomes:\n")
            try write(quiz, to: $0, "quiz.yaml")
            try write("sources:\n  - {id: alpha, title: Again, publisher: P, date: '2026', covers: c}\n", to: $0, "z-again.yaml")
        }
        let error = error(loading: dir)
        assertOne(error, "duplicate source id 'alpha'", file: "d/z-again.yaml", atLine: 2, hint: "first defined at d/shared.yaml:3")
        assertOne(error, "unknown role 'thinkr'", file: "d/quiz.yaml", atLine: 33, hint: "known roles: builder, thinker")
        assertOne(error, "leads back to 'q1', making a loop", file: "d/quiz.yaml", atLine: 25, hint: "point it at a question further down")
        assertOne(error, "question 'orphan' cannot be reached from the start", file: "d/quiz.yaml", atLine: 26, hint: "lead an answer to it")
    }

    func testCategoryLetterMustBeVisible() throws {
        let dir = try directory("letter") {
            let shared = try String(contentsOf: $0.appendingPathComponent("shared.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "letter: M}", with: "letter: \"\\e\"}")
            try write(shared, to: $0, "shared.yaml")
        }
        assertOne(error(loading: dir), "a category's letter must be visible, found U+001B", file: "d/shared.yaml", atLine: 19, hint: "pick a letter")
    }

    func testEveryProblemNamesFileLineAndFix() throws {
        // The whole gallery at once: every problem has a line and a hint.
        let dir = try directory("gallery") {
            try write("", to: $0, "a-empty.yaml")
            try write("sources:\n  - {id: gamma, title: [oops\n", to: $0, "b-syntax.yaml")
            try write("sources: " + String(repeating: "[", count: 10_000) + "\n", to: $0, "c-deep.yaml")
            try write("groups:\n  - {id: g, title: \"" + String(repeating: "y", count: 70_000) + "\"}\n", to: $0, "d-long.yaml")
            XCTAssertEqual(mkfifo($0.appendingPathComponent("e-fifo.yaml").path, 0o644), 0)
            try Data([0xFF, 0xFE, 0x00]).write(to: $0.appendingPathComponent("f-binary.yaml"))
        }
        let problems = error(loading: dir)?.problems ?? []
        XCTAssertEqual(problems.count, 6, problems.map(\.description).joined(separator: "\n"))
        for problem in problems {
            XCTAssertNotNil(problem.line, problem.description)
            XCTAssertFalse(problem.hint?.isEmpty ?? true, problem.description)
            XCTAssertTrue(problem.file.hasPrefix("d/"), problem.description)
        }
    }

    func testSlugRule() {
        for id in ["a", "ml-engineer", "a1-b2-c3", "2026"] { XCTAssertTrue(CatalogBuilder.isSlug(id), id) }
        for id in ["", "-a", "a-", "a--b", "A", "a_b", "é", "a b", "a\u{1B}", "bad\u{1B}]0;x\u{07}"] {
            XCTAssertFalse(CatalogBuilder.isSlug(id), id)
        }
    }

    // MARK: The nesting scan

    func testNestingScanHasNoFalseAlarmsOnRealContent() throws {
        var files: [URL] = []
        for root in [Fixtures.assets, Fixtures.root] {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL { if url.pathExtension == "yaml" { files.append(url) } }
        }
        XCTAssertGreaterThan(files.count, 20)
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertNil(YAMLNesting.firstPlace(in: text, deeperThan: 12), url.path)
        }
    }

    func testNestingScanCountsCollectionsNotText() {
        XCTAssertNil(YAMLNesting.firstPlace(in: "a: [[[1]]]\n", deeperThan: 4))
        XCTAssertEqual(YAMLNesting.firstPlace(in: "a: [[[[1]]]]\n", deeperThan: 4), .init(line: 1, column: 7, depth: 5))
        XCTAssertNil(YAMLNesting.firstPlace(in: "a: \"[[[[[[\"\nb: '{{{{{{'\nc: x[[[[[[\n# [[[[[[\n", deeperThan: 2))
        XCTAssertNil(YAMLNesting.firstPlace(in: "a: |\n  [[[[[[\n  - - - - - -\nb: >-\n  {{{{{{\n", deeperThan: 2))
        XCTAssertEqual(YAMLNesting.firstPlace(in: "a:\n  - - - x\n", deeperThan: 3)?.line, 2)
        // A flow collection that starts on its own line counts that line's indentation as
        // a level too: one too many, the safe direction.
        XCTAssertEqual(YAMLNesting.firstPlace(in: "a:\n  [\n   [\n    [\n     [1]]]]\n", deeperThan: 4), .init(line: 4, column: 5, depth: 5))
        XCTAssertNil(YAMLNesting.firstPlace(in: "a: \"multi\n  line [[[[[[\n  text\"\nb: 1\n", deeperThan: 2))
    }
}
