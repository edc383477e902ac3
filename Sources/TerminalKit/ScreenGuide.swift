/// How a screen uses TerminalKit, end to end. (A namespace for this guide only; the
/// example below is compiled and checked in `Tests/TerminalKitTests/ScreenGuideTests`.)
///
/// **1. State and keys.** A screen is a value. Selection and scroll positions are plain
/// state (`ListState`, `ViewportState`) kept in it, never in a widget. Its keys are one
/// `[KeyBinding<Action>]`; the same list maps keys to actions (`KeyMap`), fills the
/// hint bar (`KeyHints`) and the help overlay (`KeyHelp`), so none can drift apart.
///
///     struct RoleList {
///         enum Action: Sendable { case up, down, open, quit }
///         static let keys = KeyMap<Action>([
///             KeyBinding([.char("j"), .down], label: "j/k", "move", action: .down),
///             KeyBinding([.char("k"), .up], "up", action: .up, showsInHintBar: false),
///             KeyBinding(.enter, "open", action: .open),
///             KeyBinding([.char("q"), .ctrl("c")], label: "q", "quit", action: .quit),
///         ])
///         var roles: [String]
///         var list = ListState()
///         var size = (width: 80, height: 24)
///
/// **2. One layout.** `update` and `render` split the screen with the same function,
/// so `update` knows how many rows the list has (from the last `.resize`) and scrolls
/// it exactly as `render` will draw it.
///
///         static func areas(_ screen: Rect) -> (header: Rect, body: Rect, footer: Rect) {
///             let a = screen.splitVertically([.length(1), .fill(1), .length(1)])
///             return (a[0], a[1], a[2])
///         }
///
/// **3. Update is the only place state changes** (Bubble Tea). It returns what the
/// app should do next; the terminal reports a new size, Ctrl-L and a return from
/// Ctrl-Z all as `.resize`.
///
///         mutating func update(_ event: Event) -> Action? {
///             if case .resize(let width, let height) = event { size = (width, height) }
///             let rows = Self.areas(Rect(x: 0, y: 0, width: size.width, height: size.height)).body.height
///             switch Self.keys.action(for: event) {
///             case .down?: list.move(by: 1, count: roles.count, visibleRows: rows)
///             case .up?: list.move(by: -1, count: roles.count, visibleRows: rows)
///             case let other: return other
///             }
///             return nil
///         }
///
/// **4. Render is a pure function of state** into a `Buffer` (Ratatui): widgets draw
/// into rectangles and read glyphs from the buffer, styles are roles (`.title`,
/// `.selected`), never colours. Below its minimum size a screen draws the
/// `TooSmallNotice` instead of itself.
///
///         func render(into buffer: inout Buffer, area: Rect) {
///             let notice = TooSmallNotice(minimumWidth: 20, minimumHeight: 4, hint: "q quits")
///             if notice.applies(to: area) { return notice.render(into: &buffer, area: area) }
///             let (header, body, footer) = Self.areas(area)
///             buffer.put("Roles", x: header.x, y: header.y, style: .title)
///             ListView(strings: roles).render(into: &buffer, area: body, state: list)
///             KeyHints(Self.keys).render(into: &buffer, area: footer)
///         }
///     }
///
/// **5. The run loop** (in the executable) ties it to the one terminal owner:
///
///     let terminal = CursesTerminal()
///     try terminal.start(CursesTerminal.Options(noColor: noColorFlag))
///     defer { terminal.stop() }          // signals and crashes are covered by the guard
///     var screen = RoleList(roles: names)
///     _ = screen.update(.resize(width: terminal.size.width, height: terminal.size.height))
///     while true {
///         var frame = terminal.makeBuffer()   // terminal size, Unicode or ASCII glyphs
///         screen.render(into: &frame, area: frame.area)
///         terminal.present(frame)             // writes only the cells that changed
///         guard let event = try terminal.nextEvent(timeoutMilliseconds: nil) else { continue }
///         if screen.update(event) == .quit { break }
///     }
///
/// Tests skip the terminal entirely: feed events to `update`, render into a
/// `Buffer(width:height:)` and compare `buffer.lines()` (and cell styles) with what
/// the user should see.
public enum ScreenGuide {}
