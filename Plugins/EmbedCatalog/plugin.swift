import Foundation
import PackagePlugin

/// Turns the YAML in `assets/` into a Swift source file holding the validated catalog as
/// JSON, so the release binary carries its content and needs no files beside it, and
/// start-up decodes JSON instead of parsing YAML.
@main
struct EmbedCatalog: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let assets = context.package.directoryURL.appending(path: "assets")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinCatalogData.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: assets, includingPropertiesForKeys: nil) {
            for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) { inputs.append(url) }
        }
        return [.buildCommand(
            displayName: "Embedding the built-in catalog from assets/",
            executable: try context.tool(named: "rolescope-pack").url,
            arguments: [assets.path, output.path],
            inputFiles: inputs.sorted { $0.path < $1.path },
            outputFiles: [output]
        )]
    }
}
