import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import RoleReports
import SessionStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List, show, export, rename or delete the recorded questionnaire sessions.",
        discussion: """
        Sessions are kept in $ROLESCOPE_DATA_HOME/sessions.sqlite, or else \
        $XDG_DATA_HOME/rolescope/sessions.sqlite, or else ~/.local/share/rolescope/sessions.sqlite. \
        To delete every session, remove that folder.
        """,
        subcommands: [SessionsList.self, SessionsShow.self, SessionsExport.self, SessionsRename.self, SessionsDelete.self,
                      SessionsRecord.self],
        defaultSubcommand: SessionsList.self
    )
}

/// Opening the store for the sessions commands, with their exit codes: 66 when the
/// sessions cannot be read, 73 when they cannot be written. A path problem is one
/// sentence naming the path and the fix, never a raw error.
enum Sessions {
    static var location: URL {
        SessionStore.defaultDirectory().appendingPathComponent(SessionStore.fileName)
    }

    enum Purpose {
        /// list, show, export: never creates anything, and reads a store it cannot write.
        case read
        /// rename, delete: writes into an existing store.
        case change
        /// record: creates the store when there is none.
        case record

        var exitCode: Int32 { self == .read ? 66 : 73 }
    }

    /// The store, or nil when no session was ever recorded and `purpose` does not create
    /// one (so that reading commands never create the data folder).
    static func open(_ purpose: Purpose) throws -> SessionStore? {
        let path = location.path
        let folder = location.deletingLastPathComponent().path
        if let problem = SessionStorePath.problem(location) { fail(problem, purpose) }
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && purpose != .record { return nil }
        if exists && !SessionStorePath.canRead(path) {
            fail("\(path) cannot be read (permission denied); run as the user who owns it, or give yourself read access (chmod u+r)", purpose)
        }
        let writable = exists ? SessionStorePath.canWrite(path) && SessionStorePath.canWrite(folder) : SessionStorePath.canCreate(in: location)
        if !writable {
            guard purpose == .read else {
                fail("\(exists ? path : folder) cannot be written (read-only, or not yours); set ROLESCOPE_DATA_HOME to a folder you can write", purpose)
            }
            return try openReadOnly(note: "\(path) cannot be written, so it is read read-only")
        }
        do { return try SessionStore(location: location) } catch {
            // A store that cannot be written after all (a read-only file system) can still be read.
            if purpose == .read, exists, let store = try? openReadOnly(note: "\(path) cannot be written (\(reason(error))), so it is read read-only") {
                return store
            }
            fail("\(error)", purpose)
        }
    }

    private static func openReadOnly(note: String) throws -> SessionStore {
        do {
            let store = try SessionStore(readingOnly: location)
            Console.error("rolescope: note: \(note)")
            return store
        } catch {
            fail("\(error)", .read)
        }
    }

    private static func reason(_ error: SessionStoreError) -> String {
        switch error {
        case .cannotOpen(_, let reason), .cannotUpgrade(_, let reason), .database(_, let reason): return reason
        default: return "\(error)"
        }
    }

    static func fail(_ sentence: String, _ purpose: Purpose) -> Never {
        Console.error("rolescope: \(sentence)")
        exit(purpose.exitCode)
    }

    static func load(_ id: SessionID) throws -> SessionHistory {
        guard let store = try open(.read) else { throw missing(id) }
        do { return try store.load(id) } catch {
            if case .noSuchSession = error { throw missing(id) }
            Console.error("rolescope: \(error)")
            throw ExitCode(1)
        }
    }

    static func missing(_ id: SessionID) -> ExitCode {
        Console.error("rolescope: \(SessionStoreError.noSuchSession(id))")
        return ExitCode(66)
    }
}

struct SessionsList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every session, newest first: date, candidate, finished or not, outcome, whether pay was hidden.")
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: ArgumentHelp("Only sessions whose candidate label contains this text (any case).", valueName: "text"))
    var candidate: String?

    func run() throws {
        var sessions: [SessionSummary] = []
        if let store = try Sessions.open(.read) {
            do { sessions = try store.list(candidate: candidate) } catch {
                Console.error("rolescope: \(error)")
                throw ExitCode(1)
            }
        }
        if output.format == .json { return try output.destination.emit(SessionJSON.list(sessions)) }
        try output.destination.emit(SessionReports().list(sessions, location: Sessions.location.path), format: output.format)
    }
}

struct SessionsShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One session in full: answers, changes, notes, outcome.")
    @OptionGroup var output: FormatOptions
    @Argument(help: "The session's id, from `rolescope sessions list`.") var id: SessionID

    func run() throws {
        let history = try Sessions.load(id)
        if output.format == .json { return try output.destination.emit(SessionJSON.session(history)) }
        try output.destination.emit(SessionReports().session(history), format: output.format)
    }
}

struct SessionsExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a session as text, Markdown or JSON, for sharing after an interview.",
        discussion: "With --output, the file is written whole or not at all, readable by you only (0600), and an existing file is kept unless --force is given."
    )
    @Argument(help: "The session's id.") var id: SessionID
    @OptionGroup var output: FormatOptions

    func run() throws {
        let history = try Sessions.load(id)
        if output.format == .json { return try output.destination.emit(SessionJSON.session(history)) }
        try output.destination.emit(SessionReports().session(history), format: output.format)
    }
}

struct SessionsRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Set a session's candidate label (an empty label clears it).")
    @Argument(help: "The session's id.") var id: SessionID
    @Argument(help: "The new candidate name or label.") var label: String

    func run() throws {
        guard let store = try Sessions.open(.change) else { throw Sessions.missing(id) }
        do { try store.rename(id, candidate: label) } catch {
            if case .noSuchSession = error { throw Sessions.missing(id) }
            Console.error("rolescope: \(error)")
            throw ExitCode(1)
        }
        let trimmed = label.trimmed()
        Console.write(trimmed.isEmpty ? "Session \(id) has no candidate label now.\n" : "Session \(id) is now labelled \(trimmed).\n")
    }
}

struct SessionsDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a session and everything recorded in it (asks first, unless --yes).")
    @Argument(help: "The session's id.") var id: SessionID
    @Flag(name: .long, help: "Delete without asking (needed when stdin is not a terminal).") var yes = false

    func run() throws {
        guard let store = try Sessions.open(.change) else { throw Sessions.missing(id) }
        if !yes {
            let summary: SessionSummary
            do {
                guard let found = try store.list().first(where: { $0.id == id }) else { throw Sessions.missing(id) }
                summary = found
            } catch let error as SessionStoreError {
                Console.error("rolescope: \(error)")
                throw ExitCode(1)
            }
            guard isatty(STDIN_FILENO) == 1 else {
                Console.error("rolescope: sessions delete asks before deleting, and stdin is not a terminal; run `rolescope sessions delete \(id) --yes` to delete session \(id) without asking")
                throw ExitCode(64)
            }
            let who = summary.session.candidate.map { " (\($0))" } ?? ""
            Console.error("Delete session \(id)\(who), \(summary.session.questionnaireTitle), \(SessionReports().status(summary))? [y/N] ")
            let reply = readLine()?.trimmed().lowercased() ?? ""
            guard reply == "y" || reply == "yes" else {
                Console.write("Kept session \(id).\n")
                return
            }
        }
        do { try store.delete(id) } catch {
            if case .noSuchSession = error { throw Sessions.missing(id) }
            if case .heldElsewhere(_, let holder, _) = error {
                Console.error("rolescope: session \(id) is being recorded by another rolescope (\(holder)); nothing was deleted: quit it there first")
                throw ExitCode(75)
            }
            Console.error("rolescope: \(error)")
            throw ExitCode(1)
        }
        Console.write("Deleted session \(id).\n")
    }
}
