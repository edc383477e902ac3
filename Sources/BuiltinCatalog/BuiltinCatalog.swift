import Foundation
import RoleModel

/// The catalog compiled into the binary from `assets/` (see Plugins/EmbedCatalog).
public enum BuiltinCatalog {
    /// Decodes the embedded catalog. Throws the build-time validation problems if the
    /// built-in content was invalid when the binary was built.
    public static func load() throws(ContentError) -> Catalog {
        let data = embeddedJSON.withUTF8Buffer { Data($0) }
        if embeddedKind.description == "problems" {
            let lines = (try? JSONDecoder().decode([String].self, from: data)) ?? []
            throw .invalid(lines.map { ContentProblem(file: "built-in content", message: $0) })
        }
        do {
            return try JSONDecoder().decode(Catalog.self, from: data)
        } catch {
            throw .invalid([ContentProblem(file: "built-in content", message: "the embedded catalog could not be decoded: \(error)",
                                           hint: "rebuild rolescope")])
        }
    }
}
