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
        var text = Self.escapingControls(file)
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": " + message
        if let hint { text += "; " + hint }
        return text
    }

    /// A file name with its control characters shown as the sanitizer shows them in
    /// content (`^J` for a newline, `^[` for ESC, `^?` for DEL, `<U+009B>` for a C1
    /// control), so a name holding a newline cannot split the `file:line:col` line. The
    /// sanitizer keeps newlines (messages have several lines), so names are done here.
    static func escapingControls(_ name: String) -> String {
        guard name.unicodeScalars.contains(where: { isControl($0) }) else { return name }
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 {
                result += "^" + String(Unicode.Scalar(UInt8(scalar.value + 0x40)))
            } else if scalar.value == 0x7F {
                result += "^?"
            } else if isControl(scalar) {
                result += "<U+00" + String(scalar.value, radix: 16, uppercase: true) + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
