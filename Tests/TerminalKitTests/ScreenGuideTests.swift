import XCTest
import TerminalKit

/// The example screen from `ScreenGuide`, compiled and checked so the guide cannot rot.
struct RoleList {
    enum Action: Sendable { case up, down, open, quit }
    static let keys = KeyMap<Action>([
        KeyBinding([.char("j"), .down], label: "j/k", "move", action: .down),
        KeyBinding([.char("k"), .up], "up", action: .up, showsInHintBar: false),
        KeyBinding(.enter, "open", action: .open),
        KeyBinding([.char("q"), .ctrl("c")], label: "q", "quit", action: .quit),
    ])
    var roles: [String]
    var list = ListState()
    var size = (width: 80, height: 24)

    static func areas(_ screen: Rect) -> (header: Rect, body: Rect, footer: Rect) {
        let a = screen.splitVertically([.length(1), .fill(1), .length(1)])
        return (a[0], a[1], a[2])
    }

    mutating func update(_ event: Event) -> Action? {
        if case .resize(let width, let height) = event { size = (width, height) }
        let rows = Self.areas(Rect(x: 0, y: 0, width: size.width, height: size.height)).body.height
        switch Self.keys.action(for: event) {
        case .down?: list.move(by: 1, count: roles.count, visibleRows: rows)
        case .up?: list.move(by: -1, count: roles.count, visibleRows: rows)
        case let other: return other
        }
        return nil
    }

    func render(into buffer: inout Buffer, area: Rect) {
        let notice = TooSmallNotice(minimumWidth: 20, minimumHeight: 4, hint: "q quits")
        if notice.applies(to: area) { return notice.render(into: &buffer, area: area) }
        let (header, body, footer) = Self.areas(area)
        buffer.put("Roles", x: header.x, y: header.y, style: .title)
        ListView(strings: roles).render(into: &buffer, area: body, state: list)
        KeyHints(Self.keys).render(into: &buffer, area: footer)
    }
}

final class ScreenGuideTests: XCTestCase {
    func frame(_ screen: RoleList) -> Buffer {
        var buffer = Buffer(width: screen.size.width, height: screen.size.height)
        screen.render(into: &buffer, area: buffer.area)
        return buffer
    }

    func testTheGuideScreenScrollsAndQuits() {
        var screen = RoleList(roles: ["ML engineer", "Data scientist", "SRE", "Analyst", "PM"])
        XCTAssertNil(screen.update(.resize(width: 30, height: 5)))
        for _ in 0..<4 { XCTAssertNil(screen.update(.key(.char("j")))) }
        XCTAssertEqual(frame(screen).lines(), [
            "Roles",
            "  SRE                        ↑",
            "  Analyst",
            "▶ PM",
            "j/k move  Enter open  q quit",
        ])
        XCTAssertEqual(screen.update(.key(.ctrl("c"))), .quit)
        XCTAssertEqual(screen.update(.key(.enter)), .open)
    }

    func testTheGuideScreenShowsTheTooSmallNotice() {
        var screen = RoleList(roles: ["SRE"])
        _ = screen.update(.resize(width: 18, height: 3))
        XCTAssertTrue(frame(screen).lines().contains { $0.contains("Terminal too small") })
    }
}
