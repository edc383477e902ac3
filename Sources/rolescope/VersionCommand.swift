import ArgumentParser
import RoleModel
import SessionStore

/// `rolescope version` and `rolescope --version`: the program's version and a fingerprint
/// of the content it shows (the one each recorded session keeps, `CatalogFingerprint`),
/// so two people comparing output can tell whether they ran the same program on the same
/// content.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version and the content's fingerprint."
    )
    @OptionGroup var content: ContentOptions

    /// The release this source tree builds. The Makefile's `dist` names its archive after it.
    static let current = "0.1.0"

    func run() throws { try Self.printVersion(data: content.data) }

    static func printVersion(data: String?) throws {
        let catalog = try ContentOptions.catalog(data: data)
        Console.write("rolescope \(current)\ncontent: \(data ?? "built-in"), fingerprint \(CatalogFingerprint.of(catalog))\n")
    }
}
