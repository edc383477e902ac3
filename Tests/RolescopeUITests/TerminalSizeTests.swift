import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Terminal sizes from 1x1 to 400x150: every screen renders without a crash into a buffer
/// of exactly that size, keeps every row intact (no wide character split or cut, no
/// control character), shows the "terminal too small" notice exactly below 60x16, and
/// keeps its state through the tiny sizes.
///
/// All 60,000 sizes times ten views would take many minutes in a debug build, so the
/// sweep covers every width 1...400 at heights 1, 15 and 16 and every height 1...150 at
/// widths 1, 59, 60 and 400: the edges that matter, either side of the minimum. A usable
/// size renders the four tabs plus one of the other views (a profile, the comparison's
/// detail, a questionnaire result, a week, help, search) in turn; the notice is the same
/// for every view, so a too-small size renders it once.
final class TerminalSizeTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let assets = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets")

    /// Two models that between them leave every tab in its first state and in its deepest:
    /// the role list and a profile, the comparison and its detail panel, the questionnaire
    /// chooser and a result, a day and a week or two days side by side; plus help and
    /// search open.
    struct Views {
        var first: AppModel
        var deep: AppModel

        init(_ directory: URL, quizToResult: [Key], timeline: [Key]) throws {
            first = AppModel(catalog: try CatalogLoader.load(directory: directory), width: 100, height: 30)
            deep = first
            let keys: [Key] = [.enter, .char("2"), .enter] + quizToResult + [.char("4")] + timeline + [.char("/"), .char("d"), .char("a")]
            for key in keys { _ = deep.update(.key(key)) }
        }

        mutating func resize(width: Int, height: Int) {
            _ = first.update(.resize(width: width, height: height))
            _ = deep.update(.resize(width: width, height: height))
        }

        /// Each view as a model to render (copies: switching tabs here changes nothing).
        var all: [(name: String, app: AppModel)] {
            var result: [(String, AppModel)] = []
            for (label, model) in [("", first), ("deep ", deep)] {
                for tab in Tab.allCases {
                    var copy = model
                    copy.overlay = nil
                    copy.switchTo(tab)
                    result.append(("\(label)\(tab.title)", copy))
                }
            }
            var help = first
            help.openHelp()
            result.append(("help", help))
            result.append(("search", deep))
            return result
        }
    }

    static let minimal = fixtures.appendingPathComponent("minimal")
    /// The fixture has one day and one week (the second role's); the built-in content has days to pair.
    static func fixtureViews() throws -> Views {
        try Views(minimal, quizToResult: [.char("3"), .enter] + answerKeys("111"), timeline: [.char("]"), .char("w")])
    }
    static func builtinViews() throws -> Views {
        try Views(assets, quizToResult: [.char("3"), .char("j"), .enter] + answerKeys("211"), timeline: [.char("c")])
    }

    func testTheDeepStatesAreReached() throws {
        for (views, timeline) in [(try Self.fixtureViews(), "› Week"), (try Self.builtinViews(), "› Days")] {
            let texts = Dictionary(uniqueKeysWithValues: views.all.map { ($0.name, try! frame($0.app, width: 100, height: 30).lines().joined(separator: "\n")) })
            XCTAssertTrue(texts["deep Questionnaire"]!.contains("Recommended"), texts["deep Questionnaire"]!)
            XCTAssertTrue(texts["deep Timeline"]!.contains(timeline), texts["deep Timeline"]!)
            XCTAssertTrue(texts["deep Roles"]!.contains("Roles ›"), texts["deep Roles"]!)
            XCTAssertTrue(texts["help"]!.contains("Keys for Roles"), texts["help"]!)
            XCTAssertTrue(texts["search"]!.contains("Search: da"), texts["search"]!)
            XCTAssertNotEqual(texts["Compare"], texts["deep Compare"], "the detail panel is open")
        }
    }

    func testEveryWidthAndEveryHeight() throws {
        var views = try Self.fixtureViews()
        var rendered = Set<Int>()
        var turn = 0
        /// Renders a size: the notice once when too small; else the four tabs in their first
        /// state and one more view in turn (`extras`), or every view (`everyView`).
        func visit(_ width: Int, _ height: Int, extras: Bool = true, everyView: Bool = false) throws {
            views.resize(width: width, height: height)
            let all = views.all
            rendered.insert(width * 1000 + height)
            if width < AppModel.minimumWidth || height < AppModel.minimumHeight {
                return try checkFrame(all[0].app, width: width, height: height, view: "any view")
            }
            let tabs = all.prefix(Tab.allCases.count)
            let chosen = everyView ? Array(all) : Array(extras ? tabs : []) + [all[(Tab.allCases.count + turn) % all.count]]
            turn += 1
            for view in chosen { try checkFrame(view.app, width: width, height: height, view: view.name) }
        }
        // Width by width (each width lays the screens out once), heights within.
        for width in 1...400 {
            for height in [1, 15, 16] { try visit(width, height) }
        }
        for width in [1, 59, 60] {
            for height in 1...150 { try visit(width, height) }
        }
        // The largest width at every height, views in turn (a 400-wide frame is costly).
        for height in 1...150 { try visit(400, height, extras: false, everyView: height == 150) }
        XCTAssertTrue(rendered.contains(1001) && rendered.contains(400_150), "1x1 and 400x150 are in the sweep")
        XCTAssertEqual(rendered.count, 400 * 3 + 150 * 4 - 12, "every width at three heights, every height at four widths")

        // The state survived 1x1: back at a usable size the deep views are still deep.
        views.resize(width: 100, height: 30)
        XCTAssertTrue(try frame(views.deep, width: 100, height: 30).lines().joined().contains("Search: da"))
        var result = views.deep
        result.overlay = nil
        result.switchTo(.questionnaire)
        XCTAssertTrue(try frame(result, width: 100, height: 30).lines().joined().contains("Recommended"))
    }

    /// The built-in content (long prose, four roles, three pay sources) at the sizes where
    /// layouts change: either side of the minimum and of common widths, up to 400x150.
    func testBuiltinContentAtTheEdges() throws {
        var views = try Self.builtinViews()
        for width in [1, 59, 60, 61, 80, 100, 120, 200, 400] {
            for height in [1, 15, 16, 24, 150] {
                views.resize(width: width, height: height)
                let all = width < AppModel.minimumWidth || height < AppModel.minimumHeight ? [views.all[0]] : views.all
                for view in all { try checkFrame(view.app, width: width, height: height, view: view.name) }
            }
        }
    }

    /// Wide characters meet every column edge somewhere across every width; and a model
    /// created at a size (at start-up) rather than resized to it.
    func testWideCharactersAtEveryWidthAndStartingSmall() throws {
        let catalog = try CatalogLoader.load(directory: Self.fixtures.appendingPathComponent("cjk"))
        var app = AppModel(catalog: catalog, width: 100, height: 30)
        for width in 1...400 {
            _ = app.update(.resize(width: width, height: 16))
            for tab in [Tab.roles, .compare] {
                var copy = app
                copy.switchTo(tab)
                try checkFrame(copy, width: width, height: 16, view: "cjk \(tab.title)")
            }
        }
        for (width, height) in [(1, 1), (2, 2), (10, 5), (59, 15), (60, 16), (400, 150)] {
            try checkFrame(AppModel(catalog: catalog, width: width, height: height), width: width, height: height, view: "started")
        }
    }

    func testTooSmallNoticeAtTheEdges() throws {
        var model = try Self.builtinViews().first
        _ = model.update(.resize(width: 59, height: 30))
        XCTAssertTrue(try frame(model, width: 59, height: 30).lines().contains { $0.contains("need 60x16, have 59x30") })
        _ = model.update(.resize(width: 100, height: 15))
        XCTAssertTrue(try frame(model, width: 100, height: 15).lines().contains { $0.contains("need 60x16, have 100x15") })
        _ = model.update(.resize(width: 60, height: 16))
        XCTAssertTrue(try frame(model, width: 60, height: 16).lines()[0].hasPrefix(" Rolescope"))
        _ = model.update(.resize(width: 1, height: 1))
        XCTAssertEqual(try frame(model, width: 1, height: 1).lines(), ["…"], "1x1: the notice's first word cut to an ellipsis")
        _ = model.update(.resize(width: 2, height: 2))
        XCTAssertEqual(try frame(model, width: 2, height: 2).lines(), ["T…", "n…"])
        XCTAssertEqual(model.update(.key(.char("j"))), .none, "keys other than q do nothing while too small")
        XCTAssertEqual(model.update(.key(.char("q"))), .quit, "q still quits")
    }

    // MARK: Checks

    func frame(_ app: AppModel, width: Int, height: Int) throws -> Buffer {
        var buffer = Buffer(width: width, height: height)
        app.render(into: &buffer)
        return buffer
    }

    func checkFrame(_ app: AppModel, width: Int, height: Int, view: String,
                    file: StaticString = #filePath, line: UInt = #line) throws {
        let buffer = try frame(app, width: width, height: height)
        let here = "\(view) at \(width)x\(height)"
        guard buffer.width == width, buffer.height == height, buffer.cells.count == width * height else {
            return XCTFail("\(here): buffer is \(buffer.width)x\(buffer.height)", file: file, line: line)
        }
        if let problem = Self.rowProblem(buffer) { return XCTFail("\(here): \(problem)", file: file, line: line) }
        if width < AppModel.minimumWidth || height < AppModel.minimumHeight {
            // The notice, vertically centred: its first line, cut to the width with an ellipsis.
            let top = max(0, (height - 3) / 2)
            let title = Self.row(buffer, top).trimmingCharacters(in: .whitespaces)
            let full = "Terminal too small"
            guard title == full || (title.hasSuffix("…") && full.hasPrefix(String(title.dropLast()))) else {
                return XCTFail("\(here): no too-small notice on row \(top): \(buffer.lines())", file: file, line: line)
            }
            let need = "need 60x16, have \(width)x\(height)"
            if top + 1 < height && width >= need.count, !Self.row(buffer, top + 1).contains(need) {
                XCTFail("\(here): the notice does not say \"\(need)\": \(buffer.lines())", file: file, line: line)
            }
            // The notice replaces the app: nothing else is on the screen.
            let rows = (0..<height).map { Self.row(buffer, $0) }.filter { !$0.isEmpty }
            if rows.count > 3 { XCTFail("\(here): more than the notice on screen: \(rows)", file: file, line: line) }
        } else {
            // The app: its header on top, key hints on the bottom row (the notice would
            // have replaced both).
            if !Self.row(buffer, 0).hasPrefix(" Rolescope") { XCTFail("\(here): no header: \(Self.row(buffer, 0))", file: file, line: line) }
            if Self.row(buffer, height - 1).isEmpty { XCTFail("\(here): no key hints on the last row", file: file, line: line) }
        }
    }

    /// Row `y`'s text with trailing spaces trimmed.
    static func row(_ buffer: Buffer, _ y: Int) -> String {
        var text = ""
        for x in 0..<buffer.width { text += buffer.cells[y * buffer.width + x].text }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The first broken row: a continuation cell without the wide character before it, a
    /// wide character without its continuation (split or cut at the right edge), a cell
    /// wider than two, or a control character.
    static func rowProblem(_ buffer: Buffer) -> String? {
        let cells = buffer.cells, width = buffer.width
        for y in 0..<buffer.height {
            var x = 0
            while x < width {
                let cell = cells[y * width + x]
                let utf8 = cell.text.utf8
                // Fast path: one printable ASCII character is one cell.
                if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F { x += 1; continue }
                if cell.isContinuation { return "row \(y) column \(x): a continuation cell without its wide character" }
                if cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    return "row \(y) column \(x): control character in \(cell.text.debugDescription)"
                }
                switch cell.width {
                case 1: x += 1
                case 2:
                    guard x + 1 < width, cells[y * width + x + 1].isContinuation else {
                        return "row \(y) column \(x): wide \(cell.text) split at the edge"
                    }
                    x += 2
                default: return "row \(y) column \(x): cell \(cell.text.debugDescription) is \(cell.width) cells wide"
                }
            }
        }
        return nil
    }
}
