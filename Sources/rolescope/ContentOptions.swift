import ArgumentParser
import BuiltinCatalog
import Foundation
import RoleModel
import RoleReports

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

/// `--format text|markdown|json` for the document-like commands.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: text, markdown or json.")
    var format: OutputFormat = .text
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
