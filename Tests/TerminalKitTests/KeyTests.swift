import XCTest
@testable import TerminalKit

final class KeyTests: XCTestCase {
    enum Action: Sendable, Equatable { case down, up, open, quit, help }

    let bindings: [KeyBinding<Action>] = [
        KeyBinding([.char("j"), .down], label: "j/↓", "down", action: .down, section: "Move"),
        KeyBinding([.char("k"), .up], "up", action: .up, section: "Move"),
        KeyBinding(.enter, "open", action: .open),
        KeyBinding(.char("?"), "help", action: .help, showsInHintBar: false),
        KeyBinding([.char("q"), .ctrl("c")], "quit", action: .quit),
    ]

    func testControlCodes() {
        XCTAssertEqual(Key(controlCode: 0x03), .ctrl("c"))
        XCTAssertEqual(Key(controlCode: 0x0D), .enter)
        XCTAssertEqual(Key(controlCode: 0x0A), .enter)
        XCTAssertEqual(Key(controlCode: 0x09), .tab)
        XCTAssertEqual(Key(controlCode: 0x7F), .backspace)
        XCTAssertEqual(Key(controlCode: 0x08), .backspace)
        XCTAssertEqual(Key(controlCode: 0x1B), .escape)
        XCTAssertEqual(Key(controlCode: 0x1A), .ctrl("z"))
        XCTAssertEqual(Key(controlCode: 0x1C), .ctrl("\\"))
        XCTAssertEqual(Key(controlCode: 0x00), .ctrl(" "))
        XCTAssertNil(Key(controlCode: 0x41))
    }

    func testLabels() {
        XCTAssertEqual(Key.ctrl("c").label(), "Ctrl-C")
        XCTAssertEqual(Key.char(" ").label(), "Space")
        XCTAssertEqual(Key.up.label(), "↑")
        XCTAssertEqual(Key.up.label(.ascii), "^")
        XCTAssertEqual(Key.function(5).label(), "F5")
        XCTAssertEqual(KeyBinding(.pageDown, "next page", action: 1).label, "PgDn")
        XCTAssertEqual(bindings[1].label, "k/↑")
    }

    func testKeyMapFindsTheActionForEveryListedKey() {
        let map = KeyMap(bindings)
        XCTAssertEqual(map.action(for: .char("j")), .down)
        XCTAssertEqual(map.action(for: .down), .down)
        XCTAssertEqual(map.action(for: .ctrl("c")), .quit)
        XCTAssertEqual(map.action(for: Event.key(.enter)), .open)
        XCTAssertNil(map.action(for: .char("x")))
        XCTAssertNil(map.action(for: Event.resize(width: 1, height: 1)))
        XCTAssertEqual(map.shadowedKeys, [])
        XCTAssertEqual(KeyMap(bindings + [KeyBinding(.char("q"), "other", action: .help)]).shadowedKeys, [.char("q")])
    }

    func testHintsAndHelpComeFromTheSameBindings() {
        let map = KeyMap(bindings)
        XCTAssertEqual(KeyHints(map).entries.map(\.description), ["down", "up", "open", "quit"])
        XCTAssertEqual(KeyHelp(map).lines(width: 30).map(\.text), [
            "Move",
            "     j/↓  down",
            "     k/↑  up",
            "",
            "   Enter  open",
            "       ?  help",
            "q/Ctrl-C  quit",
        ])
    }

    func testHelpWrapsLongDescriptionsUnderThemselves() {
        let help = KeyHelp([KeyBinding(.char("e"), "export the comparison as markdown", action: 0)])
        XCTAssertEqual(help.lines(width: 20).map(\.text), ["e  export the", "   comparison as", "   markdown"])
    }
}
