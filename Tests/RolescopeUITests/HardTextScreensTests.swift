import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Every screen rendered from Tests/Fixtures/layout (CJK, ZWJ emoji, skin tones, flags,
/// combining marks, Hebrew, Arabic, long words and URLs) at several sizes: every row is
/// whole characters (no wide character split, no orphan second half), and nothing
/// crosses a column separator: wherever a screen draws a vertical rule down most of its
/// rows, every row has a rule there, never a letter or half an emoji.
final class HardTextScreensTests: XCTestCase {
    static let layout = AppSnapshotTests.fixtures.appendingPathComponent("layout")
    static let sizes = [(60, 16), (80, 24), (100, 30), (143, 41)]

    /// What may sit where a column separator runs: rules, borders, scrollbars, arrows,
    /// blanks. Anything else there is content that overflowed its column.
    static func isFurniture(_ text: String) -> Bool {
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return false }
        switch scalar.value {
        case 0x20, 0x7C, 0x2B, 0x2D, 0x3A, 0x23, 0x5E, 0x76, 0x2500...0x257F, 0x2580...0x259F, 0x2190...0x21FF, 0x25B2...0x25BC: return true
        default: return false
        }
    }

    /// Screen rows of the Compare table that run across every role column on purpose
    /// (an overlap's description, a message): no separator is drawn through them.
    static func spanningRows(_ model: AppModel) -> Set<Int> {
        guard model.tab == .compare, model.overlay == nil else { return [] }
        let screen = model.compare
        let layout = screen.layout(width: model.contentArea.width)
        let offset = screen.clampedOffset(layout)
        var rows = Set<Int>()
        for row in layout.rows where row.spansColumns {
            for line in row.top..<row.bottom { rows.insert(model.contentArea.y + layout.headerHeight + line - offset) }
        }
        return rows
    }

    static func check(_ buffer: Buffer, _ what: String, spanning: Set<Int> = [], file: StaticString = #filePath, line: UInt = #line) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if cell.text.count > 1 { XCTFail("\(what): two characters in cell (\(x), \(y))", file: file, line: line) }
                if cell.width == 2 && !(x + 1 < buffer.width && buffer[x + 1, y].isContinuation) {
                    XCTFail("\(what): wide character at (\(x), \(y)) without its second half", file: file, line: line)
                }
                if cell.isContinuation && !(x > 0 && buffer[x - 1, y].width == 2) {
                    XCTFail("\(what): orphan second half at (\(x), \(y))", file: file, line: line)
                }
            }
        }
        let rows = Array(2..<max(2, buffer.height - 1))
        // A box drawn over the screen (search, help, the role chooser, details) covers the
        // columns beneath it; its own edges are checked like any separator.
        let boxed = (0..<buffer.height).contains { y in
            (0..<buffer.width).contains { x in
                ["┌", "╭"].contains(buffer[x, y].text) || (buffer[x, y].text == "+" && buffer[x + 1, y].text == "-" && buffer[x, y + 1].text == "|")
            }
        }
        guard rows.count >= 4 else { return }
        for x in 0..<buffer.width {
            let ruled = rows.filter { ["│", "┃", "|"].contains(buffer[x, $0].text) }
            guard ruled.count * 2 >= rows.count else { continue }
            // The separator's own extent: the rows from its first to its last stroke (a
            // header above the columns may run across).
            for y in ruled.first!...ruled.last! where !isFurniture(buffer[x, y].text) && !spanning.contains(y) {
                if boxed && ruled.count < rows.count - 2 && x > 0 && x < buffer.width - 1 { continue }
                // A rule row ("── Pay ───") or a heading may run across the columns.
                let row = (0..<buffer.width).map { buffer[$0, y].text }
                let text = row.joined()
                if text.hasPrefix("──") || text.hasPrefix("--") || text.contains("────") || text.contains("----") { continue }
                XCTFail("\(what): \"\(buffer[x, y].text)\" at (\(x), \(y)) where the column separator runs:\n\(buffer.lines()[y])",
                        file: file, line: line)
            }
        }
    }

    func frames(_ keys: [Key], width: Int, height: Int, glyphs: Glyphs = .unicode, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var model = AppModel(catalog: try CatalogLoader.load(directory: Self.layout), width: width, height: height)
        var texts: [String] = []
        for (index, key) in ([nil] + keys.map { Optional($0) }).enumerated() {
            if let key, model.update(.key(key)) == .quit { break }
            var buffer = Buffer(width: width, height: height, glyphs: glyphs)
            model.render(into: &buffer)
            Self.check(buffer, "step \(index) (\(key.map { "\($0)" } ?? "start")) at \(width)x\(height)", spanning: Self.spanningRows(model),
                       file: file, line: line)
            texts.append(buffer.lines().joined(separator: "\n"))
        }
        return texts
    }

    func testRoles() throws {
        let keys: [Key] = [.char("j"), .char("k"), .enter] + Array(repeating: .pageDown, count: 10) + [.char("q"), .char("j"), .enter, .pageDown]
        for (width, height) in Self.sizes { _ = try frames(keys, width: width, height: height) }
    }

    func testCompare() throws {
        let keys: [Key] = [.char("2")] + Array(repeating: .char("j"), count: 10)
            + [.enter, .pageDown, .escape, .char("g"), .enter, .escape, .char("d"), .char("s"), .char("r"), .escape, .char("o"), .char("t")]
        for (width, height) in Self.sizes { _ = try frames(keys, width: width, height: height) }
        _ = try frames(keys, width: 80, height: 24, glyphs: .ascii)
    }

    func testQuestionnaire() throws {
        var keys: [Key] = [.char("3")]
        for path in [["1", "1", "1"], ["1", "1", "2"], ["2"]] {
            keys += [.enter] + answerKeys(path.joined()) + Array(repeating: .pageDown, count: 6) + [.backspace, .char("R"), .escape, .char("q")]
        }
        for (width, height) in Self.sizes { _ = try frames(keys, width: width, height: height) }
    }

    func testTimeline() throws {
        let keys: [Key] = [.char("4"), .char("j"), .enter, .pageDown, .escape, .char("c"), .char("j"), .enter, .escape, .char("c"),
                           .char("]"), .char("w"), .char("j"), .enter, .escape]
        for (width, height) in Self.sizes { _ = try frames(keys, width: width, height: height) }
    }

    func testSearchAndHelp() throws {
        let keys: [Key] = [.char("/"), .char("e"), .down, .down, .escape, .char("/")] + "データ👩‍💻".map { .char($0) }
            + [.escape, .char("?"), .pageDown, .escape]
        for (width, height) in Self.sizes { _ = try frames(keys, width: width, height: height) }
    }

    /// The Compare table's own arithmetic: every wrapped line fits the column it is for.
    func testCompareLinesFitTheirColumns() throws {
        let catalog = try CatalogLoader.load(directory: Self.layout)
        for width in [57, 60, 77, 80, 100, 143, 200] {
            for (differences, sources) in [(false, true), (true, false)] {
                let layout = CompareLayout(catalog: catalog, roles: catalog.roles, differencesOnly: differences, showSources: sources, width: width)
                let geometry = layout.geometry
                for (column, lines) in layout.header.enumerated() {
                    for line in lines { XCTAssertLessThanOrEqual(line.width, geometry.contentWidth(column), "title at \(width)") }
                }
                for row in layout.rows {
                    for line in row.left { XCTAssertLessThanOrEqual(line.width, geometry.leftTextWidth, "\(row.kind) left at \(width)") }
                    for (column, lines) in row.cells.enumerated() {
                        let limit = row.spansColumns ? geometry.spanWidth : geometry.contentWidth(column)
                        for line in lines { XCTAssertLessThanOrEqual(line.width, limit, "\(row.kind) column \(column) at \(width): \(line.text)") }
                    }
                }
            }
        }
    }

    /// The screens as a reviewer sees them, so a change in how hard text is laid out shows
    /// up in a diff.
    func testSnapshots() throws {
        for (name, keys) in [("roles", [Key]()), ("compare", [.char("2")]), ("timeline-pair", [.char("4"), .char("c")]),
                             ("result", [.char("3"), .enter] + answerKeys("111"))] {
            let text = try frames(keys, width: 100, height: 30).last!
            assertSnapshot(of: text, as: .lines, named: "\(name)-100x30")
        }
    }
}
