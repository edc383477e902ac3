import ArgumentParser
import BuiltinCatalog
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import RoleReports
import TerminalKit

/// `--data DIR`, accepted by every command: use that content directory instead of the
/// built-in catalog.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Use the content in this directory instead of the built-in catalog.", valueName: "dir"))
    var data: String?

    /// The catalog to work with. On invalid content it prints every problem to standard
    /// error and exits 65 (66 when the directory is missing or unreadable).
    func catalog() throws -> Catalog {
        try Self.catalog(data: data)
    }

    static func catalog(data: String?) throws -> Catalog {
        if let data { try refuseNameThatIsNotUTF8(data) }
        do {
            if let data { return try CatalogLoader.load(directory: URL(fileURLWithPath: data), displayPath: data) }
            return try BuiltinCatalog.load()
        } catch {
            Console.error(error.problems.map(\.description).joined(separator: "\n"))
            Console.error("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") in \(data ?? "the built-in content"); nothing was changed.")
            throw ExitCode(error.exitStatus)
        }
    }
}

extension ContentOptions {
    /// The content directory is walked with Foundation, which on Linux turns a name that
    /// is not UTF-8 into another name (U+FFFD) and then reports "no such directory" for a
    /// directory that exists. Until the walk works on bytes, say what the problem is.
    static func refuseNameThatIsNotUTF8(_ path: String) throws {
        guard let raw = RawArguments.notUTF8(path) else { return }
        Console.error("rolescope: \(OutputFile.display(raw)): the directory's name is not UTF-8, which content directories cannot have yet; rename it, or give a symbolic link with a UTF-8 name")
        throw ExitCode(66)
    }
}

/// `--format text|markdown|json` for the document-like commands, and where the document
/// goes: standard output, or a file with `--output`.
struct FormatOptions: ParsableArguments {
    /// Text by default for every command; the values are listed by the parser.
    @Option(name: .long, help: "The output format.")
    var format: OutputFormat = .text
    @OptionGroup var destination: OutputOptions
}

/// `--output FILE` and `--force`: write the document to a file instead of standard output.
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .long],
            help: ArgumentHelp("Write to this file instead of standard output (atomically, readable only by you).", valueName: "file"))
    var output: String?
    @Flag(name: .long, help: "With --output, replace the file if it exists.")
    var force = false

    func validate() throws {
        if force && output == nil { throw ValidationError("--force only applies with --output FILE") }
        if let output, output.isEmpty { throw ValidationError("--output needs a file name") }
    }

    /// Sends `text` where it was asked to go. A file gets the same sanitized bytes the
    /// terminal would; on failure nothing is changed and the command exits 73.
    func emit(_ text: String) throws {
        guard let output = file else { return Console.write(text) }
        let destination = OutputFile(fileSystemPath: RawArguments.bytes(of: output, options: ["--output=", "-o"]), replacing: force)
        do {
            try destination.write(Sanitizer.clean(text))
        } catch {
            Console.error("rolescope: \(error)")
            throw ExitCode(error.exitStatus)
        }
        Console.error("rolescope: wrote \(destination.path)")
    }

    /// Renders a document in `format` for this destination: a file is wrapped to 80
    /// columns (or $COLUMNS), not to whatever terminal the command ran in.
    func emit(_ document: Document, format: OutputFormat) throws {
        try emit(Console.render(document, format: format, width: file == nil ? Console.width : Console.fileWidth))
    }

    /// The file to write, if any: `--output -` means standard output, as it does for
    /// most Unix tools (it used to create a file named "-").
    var file: String? { output == "-" ? nil : output }
}

extension OutputFormat: ExpressibleByArgument {}

extension Catalog {
    /// Resolves a role argument, exiting 64 with the valid ids when it is unknown or ambiguous.
    func roleArgument(_ query: String) throws -> Role {
        do { return try role(matching: query) } catch {
            Console.error("rolescope: \(error)")
            throw ExitCode(64)
        }
    }
}
