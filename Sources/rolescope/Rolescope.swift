import ArgumentParser
import CursesTerminal
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import RoleReports

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct Rolescope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rolescope",
        abstract: "See how Data Engineer, ML Engineer, AI Engineer and Data Scientist differ.",
        discussion: """
        With no command, on a terminal, rolescope opens the full-screen app. Every view is \
        also a plain-text command, for pipes, scripts, screen readers and sharing.
        """,
        subcommands: [RolesCommand.self, ShowCommand.self, CompareCommand.self, QuizCommand.self,
                      TimelineCommand.self, SearchCommand.self, PlanCommand.self, AssessCommand.self, SessionsCommand.self,
                      ValidateCommand.self, ExportCommand.self, ConfigCommand.self, VersionCommand.self]
    )

    @OptionGroup var content: ContentOptions
    @Flag(name: .long, help: "Full-screen app: ignore the mouse (keep the terminal's own text selection).")
    var noMouse = false
    @Flag(name: .long, help: "Full-screen app: no colours (bold, reverse and underline only). NO_COLOR does the same.")
    var noColor = false
    @Flag(name: .long, help: "Full-screen app: show \"hidden\" instead of every pay figure (the $ key toggles it).")
    var hidePay = false
    @Flag(name: .long, help: "Full-screen app: open on Roles, ignoring the view remembered from the last run (which is kept).")
    var fresh = false
    @Flag(name: .long, help: "Print the version and the content's fingerprint, then exit.")
    var version = false

    static let commandSummaries: [(String, String)] = [
        ("roles", "every role: name, id, aliases and one-line summary"),
        ("show ROLE", "a role's full profile"),
        ("compare ROLE ROLE...", "roles side by side (--only-differences, --dimension ID)"),
        ("quiz [ID]", "walk a questionnaire (--answers 1,2,1 or interactively; --list)"),
        ("timeline ROLE", "a role's day hour by hour (--week for its week)"),
        ("search TEXT", "find text anywhere in the content"),
        ("plan --from BACKGROUND --to ROLE", "what to learn, in order, to move into a role"),
        ("assess --rate SKILL=LEVEL...", "your fit for each role, and the gaps to close (--list)"),
        ("sessions", "recorded sessions: list, show ID, export ID, delete ID"),
        ("validate [DIR]", "check a content directory"),
        ("export", "the whole catalog (--format text|markdown|json, --output FILE)"),
        ("config", "the settings in effect, every key by action name (--check)"),
        ("version", "the version and the content's fingerprint (also --version)"),
    ]

    /// ArgumentParser's own `main`, with its messages sent through `Console`: a usage
    /// error quotes what was typed ("Unknown option '--x'"), and an argument can hold an
    /// escape sequence as easily as a content file can.
    ///
    /// Without arguments, how the app is nearly always started, there is nothing to
    /// parse: the app starts directly with the defaults, skipping ArgumentParser's
    /// reflection over every command and option (a fifth of the time to the first frame).
    static func main() {
        do {
            if CommandLine.arguments.count <= 1 {
                try launch(data: nil, mouse: true, noColor: false, hidePay: false, fresh: false)
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code.isSuccess { Console.write(message + "\n") } else { Console.error(message) }
            }
            exitProcess(code.rawValue)
        }
    }

    func run() throws {
        if version { return try VersionCommand.printVersion(data: content.data) }
        try Self.launch(data: content.data, mouse: !noMouse, noColor: noColor, hidePay: hidePay, fresh: fresh)
    }

    /// The app on a terminal, or the plain overview when it cannot run there.
    static func launch(data: String?, mouse: Bool, noColor: Bool, hidePay: Bool, fresh: Bool) throws {
        // Content is loaded and validated before the terminal is touched: invalid content
        // prints its problems and never starts the full-screen app.
        let catalog = try ContentOptions.catalog(data: data)
        // Piped, redirected, TERM unset or a terminal that cannot move the cursor
        // (TERM=dumb): the plain overview, exit 0. An unknown TERM is a mistake worth
        // naming: one line on stderr, exit 1, terminal untouched (see README, Keys).
        guard FullScreen.isPossible else { return printOverview(catalog) }
        // A broken config is refused here too, before the terminal is touched.
        let config = try AppFiles.loadConfig()
        do {
            let settings = FullScreen.Settings(mouse: mouse && config.mouse, noColor: noColor || config.monochrome,
                                               hidePay: hidePay || config.hidePay, fresh: fresh, config: config)
            try FullScreen.run(catalog: catalog, settings: settings)
        } catch CursesTerminal.StartError.noCursorAddressing, CursesTerminal.StartError.noTerminal {
            printOverview(catalog)
        } catch {
            Console.error("rolescope: \(error)")
            throw ExitCode(1)
        }
    }

    private static func printOverview(_ catalog: Catalog) {
        Console.print(Reports(catalog: catalog, unicode: Console.unicode).overview(commands: Self.commandSummaries), format: .text)
    }
}

struct RolesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "roles", abstract: "List every role: its name, id, aliases and a one-line summary.")
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let catalog = try content.catalog()
        if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).roles()) }
        try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).roleList(), format: output.format)
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a role's full profile, grouped by dimension.")
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "A role id, alias or unique prefix (e.g. ml-engineer, mle, data-s).") var role: String

    func run() throws {
        let catalog = try content.catalog()
        let role = try catalog.roleArgument(role)
        if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).profile(role)) }
        try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).profile(role), format: output.format)
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "Compare two to four roles side by side.")
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "Two to four role ids, aliases or unique prefixes.") var roles: [String]
    @Flag(name: .long, help: "Show only the dimensions where the roles differ.") var onlyDifferences = false
    @Option(name: .customLong("dimension"), help: ArgumentHelp("Show only this dimension (repeatable).", valueName: "id"))
    var dimensions: [String] = []

    func validate() throws {
        guard (2...4).contains(roles.count) else { throw ValidationError("compare takes two to four roles, got \(roles.count)") }
    }

    func run() throws {
        let catalog = try content.catalog()
        let chosen = try roles.map { try catalog.roleArgument($0) }
        if Set(chosen.map(\.id)).count != chosen.count {
            Console.error("rolescope: a role is named twice; compare different roles")
            throw ExitCode(64)
        }
        var only: [String] = []
        for name in dimensions {
            do { only.append(try catalog.dimension(matching: name).id) } catch {
                Console.error("rolescope: \(error)")
                throw ExitCode(64)
            }
        }
        let reports = Reports(catalog: catalog, unicode: Console.unicode)
        if output.format == .json {
            let shown = reports.comparedDimensions(chosen, onlyDifferences: onlyDifferences, only: only)
            return try output.destination.emit(JSONReports(catalog: catalog).compare(chosen, dimensions: shown))
        }
        try output.destination.emit(reports.compare(chosen, onlyDifferences: onlyDifferences, only: only), format: output.format)
    }
}

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Show a role's working day hour by hour, or its week.")
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "A role id, alias or unique prefix.") var role: String
    @Flag(name: .long, help: "Show the role's week instead of its day.") var week = false

    func run() throws {
        let catalog = try content.catalog()
        let role = try catalog.roleArgument(role)
        guard let timeline = catalog.timeline(for: role.id, kind: week ? .week : .day) else {
            let have = catalog.timelines(for: role.id).map(\.kind.rawValue)
            Console.error("rolescope: no \(week ? "week" : "day") timeline for \(role.title)" +
                          (have.isEmpty ? "; no source describes its working time" : "; it has: \(have.joined(separator: ", "))"))
            throw ExitCode(1)
        }
        if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).timeline(timeline)) }
        try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).timeline(timeline), format: output.format)
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Find text anywhere in the content.")
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The text to find (case and accents are ignored).") var text: [String]

    func run() throws {
        let catalog = try content.catalog()
        let query = text.joined(separator: " ")
        let hits = catalog.search(query)
        if output.format == .json {
            try output.destination.emit(JSONReports(catalog: catalog).search(query, hits: hits))
        } else {
            try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).search(query, hits: hits), format: output.format)
        }
        if hits.isEmpty { throw ExitCode(1) }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print the whole catalog.")
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let catalog = try content.catalog()
        if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).export()) }
        try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).export(), format: output.format)
    }
}

/// The C library's `exit`, which ParsableCommand's `exit(withError:)` hides in a command.
private func exitProcess(_ status: Int32) -> Never {
    exit(status)
}
