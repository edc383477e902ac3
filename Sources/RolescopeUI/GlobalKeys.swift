import TerminalKit

/// Keys the app handles itself, when the focused screen does not use them.
enum GlobalAction: Hashable, Sendable {
    case tab(Tab)
    case nextTab, previousTab
    case search, help
    case nextHit, previousHit
    case togglePay
    case pastSessions
    case export
    case back
    case quit
}

extension AppModel {
    /// The global key map. While a screen captures text (digits answer a question), the
    /// digit, letter and q keys are the screen's; search, help and tab switching by Tab
    /// stay global.
    func globalKeys(capturesText: Bool) -> KeyMap<GlobalAction> {
        var bindings: [KeyBinding<GlobalAction>] = [
            KeyBinding([.tab], "next tab", action: .nextTab, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.backTab], "previous tab", action: .previousTab, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.escape, .backspace, .left], label: "Esc", "back to the previous tab", action: .back, showsInHintBar: false, section: "Everywhere"),
            KeyBinding(.char("/"), "search", action: .search, section: "Everywhere"),
            KeyBinding(.char("?"), "help", action: .help, section: "Everywhere"),
        ]
        guard !capturesText else { return KeyMap(bindings) }
        bindings = Tab.allCases.map { tab in
            KeyBinding(.char(Character(String(tab.rawValue + 1))), "\(tab.title) tab", action: .tab(tab), showsInHintBar: false, section: "Everywhere")
        } + bindings + [
            KeyBinding([.char("n")], "next search hit", action: .nextHit, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.char("N")], "previous search hit", action: .previousHit, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.char("$")], "hide or show pay figures", action: .togglePay, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.char("e")], "export what is on screen as Markdown", action: .export, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.char("L")], "past sessions (Enter reopens one)", action: .pastSessions, showsInHintBar: false, section: "Everywhere"),
            KeyBinding([.char("h")], "back to the previous tab", action: .back, showsInHintBar: false, section: "Everywhere"),
            KeyBinding(.char("q"), "back, or quit", action: .quit, section: "Everywhere"),
        ]
        return KeyMap(bindings)
    }

    /// Keys no screen can override, listed in help.
    static let fixedKeys: [KeyHelp.Row] = [
        KeyHelp.Row(section: "Everywhere", label: "Ctrl-C", description: "quit at once"),
        KeyHelp.Row(section: "Everywhere", label: "Ctrl-L", description: "redraw the screen"),
    ]
}
