import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RolescopeUI

/// Where the app keeps the user's settings and its remembered view, by the XDG base
/// directory rules: `$XDG_CONFIG_HOME/rolescope/config.yaml` (else
/// `~/.config/rolescope/config.yaml`) and `$XDG_STATE_HOME/rolescope/state.yaml` (else
/// `~/.local/state/rolescope/state.yaml`).
enum AppFiles {
    static func base(_ variable: String, fallback: String) -> String {
        let environment = ProcessInfo.processInfo.environment
        if let value = environment[variable], value.hasPrefix("/") { return value }
        return home + "/" + fallback
    }

    static var home: String { ProcessInfo.processInfo.environment["HOME"] ?? "/" }

    /// `path` with the home folder written as `~`, for messages.
    static func tilde(_ path: String) -> String {
        let home = self.home
        return home != "/" && path.hasPrefix(home + "/") ? "~" + path.dropFirst(home.count) : path
    }

    static var configPath: String { base("XDG_CONFIG_HOME", fallback: ".config") + "/rolescope/config.yaml" }
    static var statePath: String { base("XDG_STATE_HOME", fallback: ".local/state") + "/rolescope/state.yaml" }

    /// The config in effect: the defaults when there is no file. A file that is there but
    /// wrong ends the program with its place and a hint (exit 78, EX_CONFIG), before the
    /// terminal is touched.
    static func loadConfig() throws -> AppConfig {
        let path = configPath
        guard FileManager.default.fileExists(atPath: path) else { return AppConfig() }
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("rolescope: \(path): cannot be read; check its permissions")
            throw ExitCode(78)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Console.error("rolescope: \(path):1:1: not UTF-8 text\n  hint: save the file as UTF-8")
            throw ExitCode(78)
        }
        do throws(AppConfig.Problem) { return try AppConfig.parse(text) } catch {
            Console.error("rolescope: " + error.describe(file: path))
            throw ExitCode(78)
        }
    }

    /// The view the app last quit on, or nil. A file that cannot be read is set aside
    /// (renamed `state.yaml.unreadable`) with a one-line notice: never a refusal to start.
    static func loadState() -> (state: ViewState?, notice: String?) {
        let path = statePath
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, nil) }
        do throws(ViewState.Unreadable) {
            return (try ViewState.parse(String(decoding: data, as: UTF8.self)), nil)
        } catch {
            let aside = path + ".unreadable"
            try? FileManager.default.removeItem(atPath: aside)
            try? FileManager.default.moveItem(atPath: path, toPath: aside)
            return (nil, "last view not restored: \(path):\(error.line): \(error.message); set aside as \(aside)")
        }
    }

    /// Writes the view atomically (a temporary file renamed over the old one). A failure
    /// is only a lost view, never a lost session: it is not reported.
    static func saveState(_ state: ViewState) {
        let path = statePath
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(state.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the configuration in effect, with every action's keys (a file to copy and edit).",
        discussion: "The file is \(AppFiles.tilde(AppFiles.configPath)) by default ($XDG_CONFIG_HOME/rolescope/config.yaml)."
    )

    @Flag(name: .long, help: "Only check the config file: print its problem (FILE:LINE:COLUMN) and exit 78, or say it is fine.")
    var check = false

    func run() throws {
        let config = try AppFiles.loadConfig()
        if check {
            let path = AppFiles.configPath
            Console.write(FileManager.default.fileExists(atPath: path) ? "\(path): fine\n" : "\(path): no config file; the defaults apply\n")
            return
        }
        Console.write(config.text)
    }
}
