import RoleModel
import TerminalKit

/// The user's settings: `$XDG_CONFIG_HOME/rolescope/config.yaml`. Keys by action name,
/// the theme, the mouse, the cursor and whether pay starts hidden.
///
/// ```yaml
/// keys:
///   help: ["?", F1]
///   quit: [q]
/// theme: default        # or monochrome
/// mouse: true
/// cursor: hidden        # or visible
/// hide-pay: false
/// ```
public struct AppConfig: Hashable, Sendable {
    public var keymap = Keymap.standard
    public var monochrome = false
    public var mouse = true
    public var cursorVisible = false
    public var hidePay = false

    public init() {}

    /// A problem in the file, where it is and what to do about it.
    public struct Problem: Error, Hashable, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
        public var hint: String

        /// `config.yaml:3:9: unknown action 'hepl'` and the hint on the next line.
        public func describe(file: String) -> String {
            "\(file):\(line):\(column): \(message)\n  hint: \(hint)"
        }
    }

    /// Reads a config file's text; the first problem found is thrown.
    public static func parse(_ text: String) throws(Problem) -> AppConfig {
        var config = AppConfig()
        let document: YAMLValue?
        do throws(YAMLValue.ParseError) { document = try YAMLValue.parse(text) } catch {
            throw Problem(line: error.line, column: error.column, message: "not valid YAML: \(error.message)",
                          hint: "check the indentation and quoting on that line (`rolescope config` prints a valid file)")
        }
        guard let document else { return config }
        guard case .mapping(let pairs, _, _) = document else {
            throw Problem(line: document.line, column: document.column, message: "the config must be a mapping of settings",
                          hint: "start lines with a setting name: keys, theme, mouse, cursor, hide-pay")
        }
        for pair in pairs {
            switch pair.key {
            case "keys": config.keymap = try keymap(pair.value)
            case "theme":
                let value = try scalar(pair.value, of: "theme")
                switch value {
                case "default": config.monochrome = false
                case "monochrome": config.monochrome = true
                default: throw Problem(line: pair.value.line, column: pair.value.column, message: "unknown theme '\(value)'",
                                       hint: "use default or monochrome")
                }
            case "mouse": config.mouse = try bool(pair.value, of: "mouse")
            case "hide-pay": config.hidePay = try bool(pair.value, of: "hide-pay")
            case "cursor":
                let value = try scalar(pair.value, of: "cursor")
                guard value == "visible" || value == "hidden" else {
                    throw Problem(line: pair.value.line, column: pair.value.column, message: "unknown cursor setting '\(value)'",
                                  hint: "use visible or hidden")
                }
                config.cursorVisible = value == "visible"
            default:
                throw Problem(line: pair.keyLine, column: pair.keyColumn, message: "unknown setting '\(pair.key)'",
                              hint: "the settings are keys, theme, mouse, cursor and hide-pay")
            }
        }
        return config
    }

    private static func keymap(_ value: YAMLValue) throws(Problem) -> Keymap {
        guard case .mapping(let pairs, _, _) = value else {
            throw Problem(line: value.line, column: value.column, message: "keys must map action names to lists of keys",
                          hint: "for example  keys: {help: [\"?\", F1]}")
        }
        var overrides: [Action: [Key]] = [:]
        var places: [Key: (line: Int, column: Int)] = [:]
        for pair in pairs {
            guard let action = Action(rawValue: pair.key) else {
                throw Problem(line: pair.keyLine, column: pair.keyColumn, message: "unknown action '\(pair.key)'",
                              hint: "`rolescope config` lists every action by name")
            }
            let items: [YAMLValue]
            switch pair.value {
            case .list(let list, _, _): items = list
            case .scalar: items = [pair.value]
            case .mapping:
                throw Problem(line: pair.value.line, column: pair.value.column, message: "the keys of '\(pair.key)' must be a list",
                              hint: "for example  \(pair.key): [x, F2]")
            }
            var keys: [Key] = []
            for item in items {
                guard case .scalar(let name, let line, let column) = item else {
                    throw Problem(line: item.line, column: item.column, message: "a key must be a name, not a list or mapping",
                                  hint: "write keys as q, Enter, Ctrl-L, F1, Space, Up, PgDn")
                }
                guard let key = Key(name: name) else {
                    throw Problem(line: line, column: column, message: "unknown key name '\(name)'",
                                  hint: "write keys as q, Enter, Esc, Tab, Space, Up, PgDn, Home, F1, Ctrl-L")
                }
                keys.append(key)
                places[key] = (line, column)
            }
            overrides[action] = keys
        }
        do throws(Keymap.Clash) { return try Keymap(overrides: overrides) } catch {
            let place = places[error.key] ?? (value.line, value.column)
            throw Problem(line: place.line, column: place.column,
                          message: "'\(error.key.name)' is bound to both \(error.actions[0].rawValue) and \(error.actions[1].rawValue)",
                          hint: "a key can do one thing: give one of them another key (their defaults count too)")
        }
    }

    private static func scalar(_ value: YAMLValue, of setting: String) throws(Problem) -> String {
        guard case .scalar(let text, _, _) = value else {
            throw Problem(line: value.line, column: value.column, message: "\(setting) must be a single value",
                          hint: "write it on one line, e.g.  \(setting): ...")
        }
        return text
    }

    private static func bool(_ value: YAMLValue, of setting: String) throws(Problem) -> Bool {
        switch try scalar(value, of: setting) {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let other:
            throw Problem(line: value.line, column: value.column, message: "\(setting) must be true or false, not '\(other)'",
                          hint: "write  \(setting): true  or  \(setting): false")
        }
    }

    /// The configuration as a file: every action with its keys (a file to copy and edit).
    public var text: String {
        var lines = ["# Rolescope settings: \(AppConfig.defaultPathDescription)",
                     "# Every action and its keys; a key may do one thing on a screen.",
                     "keys:"]
        for action in Action.allCases {
            let keys = keymap.keys(for: action).map { Self.quote($0.name) }.joined(separator: ", ")
            lines.append("  \(action.rawValue): [\(keys)]".padding(toLength: 44) + "# " + action.summary)
        }
        lines += ["theme: \(monochrome ? "monochrome" : "default")     # or monochrome (no colours)",
                  "mouse: \(mouse)          # false leaves the terminal's own text selection alone (like --no-mouse)",
                  "cursor: \(cursorVisible ? "visible" : "hidden")       # visible shows the terminal cursor on the focused item",
                  "hide-pay: \(hidePay)      # true starts with every pay figure hidden (like --hide-pay)"]
        return lines.joined(separator: "\n") + "\n"
    }

    static let defaultPathDescription = "$XDG_CONFIG_HOME/rolescope/config.yaml (~/.config/rolescope/config.yaml)"

    private static func quote(_ name: String) -> String {
        let plain = name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        if plain { return name }
        var quoted = "\""
        for character in name {
            if character == "\\" || character == "\"" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        let width = TextWidth.of(self)
        return width >= length ? self + " " : self + String(repeating: " ", count: length - width)
    }
}
