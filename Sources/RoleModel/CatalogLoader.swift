import Foundation
import Yams

/// Reads a directory of YAML content files into a validated `Catalog`, collecting every
/// problem rather than stopping at the first.
public enum CatalogLoader {
    /// Files larger than this are refused before parsing, so a mistake can never hang a load.
    public static let maximumFileSize = 4 * 1024 * 1024

    /// The sections a content file may hold, in the order they are read.
    public static let sections = ["sources", "groups", "scales", "dimensions", "categories", "backgrounds",
                                  "role", "overlaps", "transitions", "questionnaire", "timeline"]

    /// Loads and validates every `.yaml`/`.yml` file below `directory`.
    /// `displayPath` is how the directory is named in problems (defaults to its path).
    public static func load(directory: URL, displayPath: String? = nil) throws(ContentError) -> Catalog {
        let shown = displayPath ?? directory.path
        let files = try contentFiles(in: directory, shown: shown)
        var documents: [(file: String, text: String)] = []
        var early: [ContentProblem] = []
        for (url, name) in files {
            switch read(url, shown: name) {
            case .success(let text): documents.append((name, text))
            case .failure(let problem): early.append(problem)
            }
        }
        return try load(documents: documents, problems: early, directoryName: shown)
    }

    /// Loads content from in-memory documents (file name, YAML text); used by tests and
    /// by the loader itself.
    public static func load(documents: [(file: String, text: String)], problems early: [ContentProblem] = [],
                            directoryName: String = ".") throws(ContentError) -> Catalog {
        let log = ProblemLog()
        var sections: [String: [(file: String, node: Node)]] = [:]
        for document in documents {
            guard let root = parse(document.text, file: document.file, log: log) else { continue }
            guard case .mapping(let mapping) = root else {
                log.add(document.file, root.mark, "a content file should be a mapping of sections, found \(root.kindName)",
                        hint: "start with one of: \(Self.sections.joined(separator: ", "))")
                continue
            }
            for (key, value) in mapping.pairs {
                guard let name = key.string, Self.sections.contains(name) else {
                    log.add(document.file, key.mark, "unknown section '\(key.string ?? key.kindName)'",
                            hint: "a content file holds these sections: \(Self.sections.joined(separator: ", "))")
                    continue
                }
                sections[name, default: []].append((document.file, value))
            }
        }
        var builder = CatalogBuilder(log: log)
        builder.read(sections)
        builder.check(directoryName: directoryName)
        let problems = early + log.problems
        guard problems.isEmpty else { throw .invalid(problems.sorted(by: Self.order)) }
        return builder.catalog
    }

    static func order(_ a: ContentProblem, _ b: ContentProblem) -> Bool {
        (a.file, a.line ?? 0, a.column ?? 0) < (b.file, b.line ?? 0, b.column ?? 0)
    }

    private static func contentFiles(in directory: URL, shown: String) throws(ContentError) -> [(URL, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw .unreadable(ContentProblem(file: shown, message: "no such directory",
                                             hint: "check the path given to --data, or create the directory"))
        }
        guard isDirectory.boolValue else {
            throw .unreadable(ContentProblem(file: shown, message: "not a directory",
                                             hint: "--data takes a directory of .yaml files"))
        }
        guard FileManager.default.isReadableFile(atPath: directory.path),
              let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey],
                                                          options: [.skipsHiddenFiles]) else {
            throw .unreadable(ContentProblem(file: shown, message: "cannot read the directory",
                                             hint: "check its permissions (it must be readable and searchable)"))
        }
        let base = directory.standardizedFileURL.path
        var found: [(URL, String)] = []
        for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension.lowercased()) {
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : url.lastPathComponent
            found.append((url, (shown as NSString).appendingPathComponent(relative)))
        }
        guard !found.isEmpty else {
            throw .invalid([ContentProblem(file: shown, message: "no content files (.yaml or .yml) in the directory",
                                           hint: "see docs/CONTENT.md for the files a content directory holds")])
        }
        return found.sorted { $0.1 < $1.1 }
    }

    private static func read(_ url: URL, shown: String) -> Result<String, ContentProblem> {
        let data: Data
        do {
            var status = stat()
            let size = stat(url.path, &status) == 0 ? Int(status.st_size) : 0
            if size > maximumFileSize {
                return .failure(ContentProblem(file: shown, message: "file is too large (\(size / 1024) KiB; the limit is \(maximumFileSize / 1024 / 1024) MiB)",
                                               hint: "split it into several files"))
            }
            data = try Data(contentsOf: url)
        } catch {
            return .failure(ContentProblem(file: shown, message: "cannot read the file", hint: "check its permissions"))
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(in: data)
            return .failure(ContentProblem(file: shown, line: line, column: column, message: "file is not valid UTF-8",
                                           hint: "save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)"))
        }
        return .success(text)
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

    private static func parse(_ text: String, file: String, log: ProblemLog) -> Node? {
        do {
            // The basic resolver tags every plain scalar as text instead of trying Yams's
            // regular expressions (bool, int, float, null, timestamp...) on each one, which
            // took most of a load; the reader converts the few numbers and booleans itself.
            // Naming the encoding keeps Yams from reading the whole environment per file.
            guard let root = try Yams.compose(yaml: text, Resolver.basic, Constructor.default, .utf8) else {
                log.add(file, nil, "file is empty", hint: "add a section (see docs/CONTENT.md) or delete the file")
                return nil
            }
            return root
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let where_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
                log.add(file, mark, "YAML syntax error: \(problem)\(where_)",
                        hint: "check indentation and quoting on this line and the one before")
            case .duplicatedKeysInMapping(let duplicates, let context):
                log.add(file, context.mark, "the same key appears twice in one mapping: \(duplicates.joined(separator: ", "))",
                        hint: "keep one of them")
            case .reader(let problem, _, _, _):
                log.add(file, nil, "YAML reader error: \(problem)", hint: "save the file as UTF-8 text")
            default:
                log.add(file, nil, "YAML error: \(error)")
            }
            return nil
        } catch {
            log.add(file, nil, "YAML error: \(error)")
            return nil
        }
    }
}
