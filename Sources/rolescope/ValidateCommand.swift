import ArgumentParser
import BuiltinCatalog
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a content directory and print every problem.",
        discussion: "Exits 0 when the content is valid, 65 when it is not, 66 when the directory cannot be read."
    )
    @OptionGroup var content: ContentOptions
    @Argument(help: "The directory to check (default: --data, or the built-in content).") var directory: String?

    func run() throws {
        let path = directory ?? content.data
        if let path { try ContentOptions.refuseNameThatIsNotUTF8(path) }
        do {
            let catalog: Catalog
            if let path { catalog = try CatalogLoader.load(directory: URL(fileURLWithPath: path), displayPath: path) } else {
                catalog = try BuiltinCatalog.load()
            }
            let values = catalog.roles.reduce(0) { $0 + $1.values.values.reduce(0) { $0 + $1.count } }
            Console.write("""
            \(path ?? "built-in content"): valid
              \(catalog.roles.count) roles, \(catalog.dimensions.count) dimensions, \(values) values from \(catalog.sources.count) sources
              \(catalog.questionnaires.count) questionnaires, \(catalog.timelines.count) timelines, \(catalog.overlaps.count) overlaps, \(catalog.transitions.count) transitions

            """)
        } catch {
            Console.write(error.problems.map(\.description).joined(separator: "\n") + "\n")
            Console.error("\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s") in \(path ?? "the built-in content")")
            throw ExitCode(error.exitStatus)
        }
    }
}
