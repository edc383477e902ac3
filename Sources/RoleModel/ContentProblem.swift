/// One thing wrong with a content directory, with where it is and how to fix it.
public struct ContentProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user named the directory (`assets/roles/x.yaml`).
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: message; hint`, the shape compilers use so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": " + message
        if let hint { text += "; " + hint }
        return text
    }
}

/// Why a content directory could not be loaded.
public enum ContentError: Error, Sendable, CustomStringConvertible {
    /// The directory is missing or unreadable (exit status 66, EX_NOINPUT).
    case unreadable(ContentProblem)
    /// The content is invalid; every problem found (exit status 65, EX_DATAERR).
    case invalid([ContentProblem])

    public var problems: [ContentProblem] {
        switch self {
        case .unreadable(let problem): return [problem]
        case .invalid(let problems): return problems
        }
    }

    /// The sysexits.h status a command should exit with.
    public var exitStatus: Int32 {
        switch self {
        case .unreadable: return 66
        case .invalid: return 65
        }
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
