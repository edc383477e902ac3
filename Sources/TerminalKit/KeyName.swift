extension Key {
    /// A key from how a person writes it in a config file: `q`, `?`, `Space`, `Enter`,
    /// `Esc`, `Tab`, `S-Tab`, `Bksp`, `Del`, `Up` (or `↑`), `PgDn`, `Home`, `F1`, `Ctrl-L`.
    /// Names are matched without regard to case, except a single character, which is itself.
    public init?(name: String) {
        if name.count == 1, let character = name.first {
            switch character {
            case "↑": self = .up
            case "↓": self = .down
            case "←": self = .left
            case "→": self = .right
            default:
                guard !character.isWhitespace, character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F })
                else { return nil }
                self = .char(character)
            }
            return
        }
        let lower = name.lowercased()
        for prefix in ["ctrl-", "ctrl+", "c-", "^"] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            guard rest.count == 1, let c = rest.first, c.isASCII, c.isLetter || "@[\\]^_".contains(c) else { return nil }
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let number = Int(lower.dropFirst()), (1...24).contains(number) {
            self = .function(number)
            return
        }
        switch lower {
        case "space": self = .char(" ")
        case "enter", "return": self = .enter
        case "esc", "escape": self = .escape
        case "tab": self = .tab
        case "s-tab", "shift-tab", "backtab": self = .backTab
        case "bksp", "backspace": self = .backspace
        case "del", "delete": self = .delete
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "home": self = .home
        case "end": self = .end
        case "pgup", "pageup": self = .pageUp
        case "pgdn", "pagedown": self = .pageDown
        default: return nil
        }
    }

    /// The key's name as `init(name:)` reads it and a config file writes it.
    public var name: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return label(.ascii)
        }
    }
}
