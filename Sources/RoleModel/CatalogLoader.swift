#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// Reads a directory of YAML content files into a validated `Catalog`, collecting every
/// problem rather than stopping at the first.
public enum CatalogLoader {
    /// Files larger than this are refused before parsing, so a mistake can never hang a
    /// load: parsing a mebibyte of YAML takes well under a second, and the largest
    /// built-in file is about 33 KB.
    public static let maximumFileSize = 1024 * 1024
    /// The longest text (one YAML scalar, in UTF-8 bytes). The longest built-in value is
    /// about 1 KB; a value is a sentence or a paragraph, never a document.
    public static let maximumTextLength = 64 * 1024
    /// How deeply a file may nest collections. Content needs about ten levels (a ladder
    /// step in a role's values is eight deep); see `YAMLNesting`.
    public static let maximumNesting = 64

    /// How many .yaml files a directory may hold, and how many entries the walk looks at
    /// before deciding it was pointed at the wrong directory. A catalog of 10,000 roles,
    /// each with a day (one file per role and per timeline), is about 20,000 files: the
    /// size BENCHMARKS.md loads. Walking 100,000 entries of a wrong directory takes about
    /// a second before the loader says so.
    public static let maximumFiles = 25_000
    public static let maximumEntries = 100_000

    /// The sections a content file may hold, in the order they are read.
    public static let sections = ["sources", "groups", "scales", "dimensions", "categories", "backgrounds",
                                  "role", "overlaps", "equivalents", "skills", "transitions", "questionnaire", "timeline",
                                  "synonyms"]

    /// Loads and validates every `.yaml`/`.yml` file below `directory`.
    /// `displayPath` is how the directory is named in problems (defaults to its path).
    public static func load(directory: URL, displayPath: String? = nil) throws(ContentError) -> Catalog {
        let shown = displayPath ?? directory.path
        let files = try contentFiles(in: directory, shown: shown)
        // Files are read on every core at once, like they are parsed, and kept in order.
        let reads = Slots<Result<String, ContentProblem>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            reads.store(read(files[index].0, shown: files[index].1), at: index)
        }
        var documents: [(file: String, text: String)] = []
        var early: [ContentProblem] = []
        for (index, result) in reads.results.enumerated() {
            switch result {
            case .success(let text)?: documents.append((files[index].1, text))
            case .failure(let problem)?: early.append(problem)
            case nil: break
            }
        }
        return try load(documents: documents, problems: early, directoryName: shown)
    }

    /// Loads content from in-memory documents (file name, YAML text); used by tests and
    /// by the loader itself.
    public static func load(documents: [(file: String, text: String)], problems early: [ContentProblem] = [],
                            directoryName: String = ".") throws(ContentError) -> Catalog {
        // Parsing is most of a load and each file parses on its own, so files are parsed
        // on every core at once; their sections and problems are then taken in file order,
        // so the result does not depend on which thread finished first.
        let parsed = Slots<ParsedFile>(count: documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            parsed.store(parseSections(of: documents[index]), at: index)
        }
        let log = ProblemLog()
        var sections: [String: [(file: String, node: Node)]] = [:]
        var droppedWhileParsing = 0
        for file in parsed.results {
            guard let file else { continue }
            droppedWhileParsing += file.dropped
            for problem in file.problems { log.add(problem) }
            for (name, node) in file.sections { sections[name, default: []].append((file.name, node)) }
        }
        var builder = CatalogBuilder(log: log)
        builder.read(sections)
        builder.check(directoryName: directoryName)
        var problems = early + log.problems
        let dropped = log.dropped + droppedWhileParsing
        guard problems.isEmpty else {
            problems.sort(by: Self.order)
            if dropped > 0 {
                problems.append(ContentProblem(file: directoryName, message: "and \(dropped) more problems, not listed (only the first \(ProblemLog.limit) found are)",
                                               hint: "fix these first: the rest are often the same mistake repeated"))
            }
            throw .invalid(problems)
        }
        return builder.catalog
    }

    /// One file's top-level sections in file order, and the problems found reading it.
    private struct ParsedFile {
        var name: String
        var sections: [(String, Node)] = []
        var problems: [ContentProblem] = []
        var dropped = 0
    }

    /// One slot per file, filled from many threads at once: each task writes only its
    /// own slot, into memory allocated up front (no array to copy or resize), and the
    /// slots are read after `concurrentPerform` returns, when every task has finished.
    private final class Slots<Value>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Value?>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
        func store(_ value: Value, at index: Int) { slots[index] = value }
        var results: [Value?] { Array(slots) }
    }

    private static func parseSections(of document: (file: String, text: String)) -> ParsedFile {
        let log = ProblemLog()
        var result = ParsedFile(name: document.file)
        guard let root = parse(document.text, file: document.file, log: log),
              checkTextLengths(root, file: document.file, log: log) else {
            result.problems = log.problems
            return result
        }
        guard case .mapping(let mapping) = root else {
            log.add(document.file, root.mark, "a content file should be a mapping of sections, found \(root.kindName)",
                    hint: "start with one of: \(Self.sections.joined(separator: ", "))")
            result.problems = log.problems
            return result
        }
        for (key, value) in mapping.pairs {
            guard let name = key.string, Self.sections.contains(name) else {
                log.add(document.file, key.mark, "unknown section '\(key.string ?? key.kindName)'",
                        hint: "a content file holds these sections: \(Self.sections.joined(separator: ", "))")
                continue
            }
            result.sections.append((name, value))
        }
        result.problems = log.problems
        result.dropped = log.dropped
        return result
    }

    /// Reads one YAML text into the loader's tree and nothing more: for the scale
    /// benchmark, to show how much of a load is YAML.
    @_spi(Benchmarks) public static func composeTree(_ text: String) throws {
        _ = try YAMLTree.compose(text)
    }

    static func order(_ a: ContentProblem, _ b: ContentProblem) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }

    private static func contentFiles(in directory: URL, shown: String) throws(ContentError) -> [(URL, String)] {
        var info = stat()
        guard stat(directory.path, &info) == 0 else {
            throw .unreadable(ContentProblem(file: shown, message: "no such directory",
                                             hint: "check the path given to --data, or create the directory"))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .unreadable(ContentProblem(file: shown, message: "not a directory",
                                             hint: "--data takes a directory of .yaml files"))
        }
        guard access(directory.path, R_OK | X_OK) == 0, var walker = DirectoryWalk(directory) else {
            throw .unreadable(ContentProblem(file: shown, message: "cannot read the directory",
                                             hint: "check its permissions (it must be readable and searchable)"))
        }
        let base = directory.standardizedFileURL.path
        func named(_ url: URL) -> String {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            if shown.isEmpty { return relative }
            return shown.hasSuffix("/") ? shown + relative : shown + "/" + relative
        }
        var found: [(URL, String)] = []
        var visited = 0
        while let url = walker.next() {
            visited += 1
            if ["yaml", "yml"].contains(url.pathExtension.lowercased()) { found.append((url, named(url))) }
            // `--data /` or `--data ~` would otherwise read a whole disk before complaining.
            if visited > maximumEntries || found.count > maximumFiles {
                throw .invalid([ContentProblem(file: shown, message: visited > maximumEntries
                                                   ? "more than \(maximumEntries) files and folders below this directory; stopped looking"
                                                   : "more than \(maximumFiles) .yaml files below this directory; stopped looking",
                                               hint: "is it the right directory? A content directory holds a few dozen files (see docs/CONTENT.md)")])
            }
        }
        // A subdirectory that cannot be listed would silently hide its files.
        for url in walker.unreadable where !found.contains(where: { $0.0 == url }) {
            found.append((url, named(url)))
        }
        guard !found.isEmpty else {
            throw .invalid([ContentProblem(file: shown, message: "no content files (.yaml or .yml) in the directory",
                                           hint: "see docs/CONTENT.md for the files a content directory holds")])
        }
        return found.sorted { $0.1 < $1.1 }
    }


    private static func read(_ url: URL, shown: String) -> Result<String, ContentProblem> {
        // What is at the path, following symbolic links: a FIFO named x.yaml would block a
        // read forever, and a directory or a device is not a content file.
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            let code = errno
            let reason = String(cString: strerror(code))
            if code == ELOOP {
                return .failure(ContentProblem(file: shown, line: 1, message: "a symbolic link loop (the links lead back to themselves)",
                                               hint: "point the link at a content file or delete it"))
            }
            var link = stat()
            let dangling = lstat(url.path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
            return .failure(ContentProblem(file: shown, line: 1, message: dangling ? "a symbolic link to nothing" : "cannot read the file (\(reason))",
                                           hint: dangling ? "point the link at a content file or delete it" : "check that it exists and its permissions let you read it"))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR && !["yaml", "yml"].contains(url.pathExtension.lowercased()) {
            // Reported by the directory walk: a subdirectory it could not list.
            return .failure(ContentProblem(file: shown, line: 1, message: "cannot read the directory, so its files were not checked",
                                           hint: "check its permissions (it must be readable and searchable)"))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(ContentProblem(file: shown, line: 1, message: "not a regular file (\(fileKind(info.st_mode)))",
                                           hint: "content files are plain .yaml files; remove it or rename it so it does not end in .yaml"))
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(ContentProblem(file: shown, line: 1, message: "cannot read the file (\(String(cString: strerror(errno))))",
                                           hint: "check its permissions (it must be readable)"))
        }
        defer { close(descriptor) }
        // Read one byte past the limit rather than trusting the reported size.
        // Sized by what stat reported, not by the limit: zeroing a mebibyte per file was a
        // third of a large catalog's load.
        let limit = maximumFileSize + 1
        var data = Data(capacity: min(limit, max(0, Int(info.st_size)) + 1))
        var failure: Int32?
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64 * 1024) { chunk in
            while data.count < limit {
                let count = readBytes(descriptor, chunk.baseAddress!, min(chunk.count, limit - data.count))
                if count == 0 { break }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                data.append(chunk.baseAddress!, count: count)
            }
        }
        if let failure {
            return .failure(ContentProblem(file: shown, line: 1, message: "cannot read the file (\(String(cString: strerror(failure))))",
                                           hint: "check that it is a file on a working disk"))
        }
        if data.count > maximumFileSize {
            let line = data.prefix(maximumFileSize).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let size = Int64(info.st_size) > Int64(maximumFileSize) ? Int64(info.st_size) : Int64(data.count)
            return .failure(ContentProblem(file: shown, line: line,
                                           message: "file is too large (\(Self.describe(bytes: size)); the limit is \(maximumFileSize / 1024 / 1024) MiB, passed on this line)",
                                           hint: "split it into several files (every .yaml file in the directory is read)"))
        }
        if let encoding = unicodeEncoding(byteOrderMark: data) {
            return .failure(ContentProblem(file: shown, line: 1, column: 1, message: "file is \(encoding) (it starts with that byte-order mark), not UTF-8",
                                           hint: "save it as UTF-8 (e.g. `iconv -f \(encoding.split(separator: " ")[0]) -t UTF-8`)"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            return .failure(ContentProblem(file: shown, line: line, column: column, message: "file is not valid UTF-8",
                                           hint: "save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"))
        }
        return .success(text)
    }

    /// The encoding a UTF-16 or UTF-32 byte-order mark at the start of `data` names, or nil.
    /// (Such a file is not UTF-8, and suggesting a conversion from Latin-1 would garble it.)
    static func unicodeEncoding(byteOrderMark data: Data) -> String? {
        let head = Array(data.prefix(4))
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE (big-endian)" }
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE (little-endian)" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16BE (big-endian)" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16LE (little-endian)" }
        return nil
    }

    /// Reports every text longer than `maximumTextLength`; false when there was one.
    /// Walks the nodes with an explicit stack, so no depth can overflow it.
    static func checkTextLengths(_ root: Node, file: String, log: ProblemLog) -> Bool {
        var clean = true
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar):
                let length = scalar.string.utf8.count
                if length > maximumTextLength {
                    log.add(file, scalar.mark, "text is too long (\(describe(bytes: Int64(length))); the limit is \(maximumTextLength / 1024) KiB)",
                            hint: "shorten it: a value is a sentence or a paragraph; put longer material in the source it cites")
                    clean = false
                } else if length >= 16, let phrase = filler(in: scalar.string) {
                    log.add(file, scalar.mark, "a sentence says only that the source says nothing more (\"\(phrase)\")",
                            hint: "leave it out: a title or value shows with its source, and what a source does not say needs no sentence")
                }
            case .mapping(let mapping):
                for (key, value) in mapping.pairs { pending.append(value); pending.append(key) }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.items.reversed())
            }
        }
        return clean
    }

    /// Phrases whose sentence says only that a source gives nothing more: filler, refused
    /// wherever it appears.
    static let fillerPhrases = ["no further detail", "gives no further", "says nothing else", "says nothing more",
                                "nothing else about it", "no more detail", "nothing further"]

    /// The filler phrase `text` holds, if any. Most texts hold neither "urther" nor "othing"
    /// nor "ore detail", which settles it without lower-casing them (and the loader asks only
    /// of texts of 16 bytes or more: ids, levels and keys are shorter than any such sentence).
    static func filler(in text: String) -> String? {
        guard mayHoldFiller(text) else { return nil }
        let lower = text.lowercased()
        return fillerPhrases.first { lower.contains($0) }
    }

    /// One pass over the bytes for "urther", "othing" or "detail", one of which every
    /// filler phrase holds (three Foundation searches per text were a visible part of a load).
    static func mayHoldFiller(_ text: String) -> Bool {
        let needles: [[UInt8]] = [Array("urther".utf8), Array("othing".utf8), Array("detail".utf8)]
        var utf8 = text
        return utf8.withUTF8 { bytes in
            guard bytes.count >= 6 else { return false }
            for start in 0...(bytes.count - 6) {
                let first = bytes[start]
                guard first == UInt8(ascii: "u") || first == UInt8(ascii: "o") || first == UInt8(ascii: "d") else { continue }
                for needle in needles where needle[0] == first {
                    var match = true
                    for offset in 1..<6 where bytes[start + offset] != needle[offset] {
                        match = false
                        break
                    }
                    if match { return true }
                }
            }
            return false
        }
    }

    static func describe(bytes: Int64) -> String {
        if bytes >= 1024 * 1024 {
            let tenths = Int64((Double(bytes) / 1024 / 1024 * 10).rounded())
            return "\(tenths / 10).\(tenths % 10) MiB"
        }
        if bytes >= 1024 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    /// What kind of file a stat mode describes, for messages.
    static func fileKind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        default: return "not a plain file"
        }
    }

    /// The line and column of the character `offset` characters into `text`.
    static func position(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (index, character) in text.enumerated() {
            if index >= offset { break }
            if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// The line and column of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return (line, column)
            }
        }
    }

    /// The last line of `text` and the column just past its last character, counting
    /// lines as libyaml does (LF, CR, CRLF, NEL, LS and PS end a line). A final line
    /// break ends the last line rather than starting another.
    static func end(of text: String) -> (line: Int, column: Int) {
        var lengths = [0]
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where previous == 0x0D: break
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: lengths.append(0)
            default: lengths[lengths.count - 1] += 1
            }
            previous = scalar.value
        }
        if lengths.count > 1 && lengths.last == 0 { lengths.removeLast() }
        return (lengths.count, lengths[lengths.count - 1] + 1)
    }

    private static func parse(_ text: String, file: String, log: ProblemLog) -> Node? {
        // Refuse deep nesting before composing: composing recurses once per level.
        if let deep = YAMLNesting.firstPlace(in: text, deeperThan: maximumNesting) {
            log.add(ContentProblem(file: file, line: deep.line, column: deep.column,
                                               message: "the YAML nests more than \(maximumNesting) levels deep here",
                                               hint: "content needs about ten levels (a role's values are five deep); close the brackets or lists that were left open, or flatten it"))
            return nil
        }
        do {
            guard let root = try YAMLTree.compose(text) else {
                log.add(ContentProblem(file: file, line: 1, message: "file is empty",
                                                   hint: "add a section (see docs/CONTENT.md) or delete the file"))
                return nil
            }
            return root
        } catch {
            switch error {
            case .syntax(let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
                log.add(file, mark, "the YAML nests too deeply here",
                        hint: "close the brackets or lists that were left open, or flatten it")
            case .syntax(let problem, let mark, let context):
                // libyaml puts the end of input on the line after the last one, which no
                // editor can go to: name the end of the last line instead.
                let end = end(of: text)
                let where_ = context.map { " (\($0.text) at line \(min($0.mark.line, end.line)))" } ?? ""
                let place = mark.line > end.line ? end : (line: mark.line, column: mark.column)
                log.add(file, line: place.line, column: place.column, "YAML syntax error: \(problem)\(where_)",
                        hint: "check indentation and quoting on this line and the one before")
            case .duplicateKeys(let duplicates, let mark):
                log.add(file, mark, "the same key appears twice in one mapping: \(duplicates.joined(separator: ", "))",
                        hint: "keep one of them")
            case .reader(let problem, let offset, let value):
                let characters = String(decoding: text.utf8.prefix(offset), as: UTF8.self).count
                let (line, column) = position(ofCharacter: characters, in: text)
                if problem.contains("control characters"), value >= 0, let scalar = Unicode.Scalar(UInt32(value)) {
                    log.add(ContentProblem(file: file, line: line, column: column,
                                                       message: "a raw control character (U+\(scalar.value.hexDigits(width: 4))) is not allowed in YAML",
                                                       hint: "remove it, or write it as an escape such as \\e or \\x9b inside a double-quoted string"))
                } else {
                    log.add(ContentProblem(file: file, line: line, column: column, message: "YAML cannot read this: \(problem)",
                                                       hint: "save the file as UTF-8 text"))
                }
            case .memory:
                log.add(ContentProblem(file: file, line: 1, message: "YAML error: out of memory reading the file",
                                       hint: "split the file into smaller ones"))
            case .aliasBudget(let mark, let nodes, let depth):
                let limits = YAMLTree.Limits.content
                let what = depth > limits.depth
                    ? "nests the file \(depth) levels deep once expanded; the limit is \(limits.depth)"
                    : "expands the file to more than \(limits.nodes) values; the limit is \(limits.nodes)"
                _ = nodes
                log.add(file, mark, "this YAML alias \(what)",
                        hint: "an alias (*name) repeats everything under its anchor (&name); write the repeated part out once, or alias less")
            }
            return nil
        }
    }
}

/// The C library's `read`, which `CatalogLoader.read` hides inside the enum.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
