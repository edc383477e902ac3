import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Compare's summary view, its full text, its differences and four roles, in the whole
/// app at the sizes people use: 80x24, the smallest the app takes (60x16) and a large
/// 140x45.
final class CompareSummaryTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")
    static let catalog = try! CatalogLoader.load(directory: assets)

    /// The app on Compare with `roles`, after `keys`.
    func app(width: Int, height: Int, roles: [String] = ["ai-engineer", "ml-engineer"], keys: [Key] = []) -> AppModel {
        var model = AppModel(catalog: Self.catalog, width: width, height: height)
        _ = model.update(.key(.char("2")))
        model.compare.compare(roles: roles)
        for key in keys { _ = model.update(.key(key)) }
        return model
    }

    func lines(_ model: AppModel, width: Int, height: Int) -> [String] {
        var buffer = Buffer(width: width, height: height)
        model.render(into: &buffer)
        return buffer.lines()
    }

    /// Whether the value a role shows first on a row fits one line of `width` at a glance:
    /// a level is drawn as its bar; anything else is its summary, or its own text or short
    /// form where it has none.
    static func glanceFits(_ values: [DimensionValue], width: Int) -> Bool {
        guard let value = values.first else { return true }
        if case .level = value.content { return true }
        return TextWidth.of(value.glance) <= width
    }

    /// With two roles at 80x24 each role's column is 28 cells, the summary limit, so every
    /// summary written in the content fits one line, whole: a row is one line, and two
    /// only where a value has no summary and its short form (pay's figure, a ladder's
    /// steps) is wider than the column (only such a row may end in "…"); no row is taller.
    /// The content gives its ladders summaries too, so for every pair of roles today every
    /// row is one line. For AI and ML Engineer no blank line sits between rows, and the
    /// last row is on screen after at most four page-downs.
    func testSummaryRowsAreOneLineWhereTheyFitAndReachTheEndInFivePagesAt80x24() {
        let ids = Self.catalog.roles.map(\.id)
        for pair in ids.indices.flatMap({ a in ids.indices.filter { $0 > a }.map { [ids[a], ids[$0]] } }) {
            let model = app(width: 80, height: 24, roles: pair)
            XCTAssertFalse(model.compare.fullText, "Compare opens on the summary")
            let layout = model.compare.layout()
            XCTAssertEqual(layout.geometry.contentWidths, [DimensionValue.summaryLimit, DimensionValue.summaryLimit],
                           "the summary limit is a role's column with two roles at 80 columns")
            var twoLineRows: [RoleModel.Dimension] = []
            for row in layout.rows {
                let text = row.cells.map { $0.map(\.text) }
                // An overlap's sentence runs across the columns, cut to one line (Enter has it).
                guard case .dimension(let dimension) = row.kind else {
                    XCTAssertEqual(row.height, 1, "\(pair) \(row.kind): \(text)")
                    continue
                }
                let values = model.compare.roles.map { $0.values(for: dimension.id) }
                let fits = values.indices.allSatisfy { Self.glanceFits(values[$0], width: layout.geometry.contentWidth($0)) }
                XCTAssertEqual(row.height, fits ? 1 : 2, "\(pair) \(dimension.id): \(text)")
                if fits { XCTAssertFalse(text.joined().contains { $0.contains("…") }, "cut short: \(pair) \(dimension.id): \(text)") }
                if !fits { twoLineRows.append(dimension) }
                for (column, value) in values.enumerated() {
                    if let summary = value.first?.summary {
                        XCTAssertEqual(text[column].first.map { $0.hasPrefix(summary) }, true, "\(pair) \(dimension.id): \(summary) whole")
                    }
                }
            }
            XCTAssertTrue(twoLineRows.allSatisfy { $0.kind == .money || $0.kind == .ladder },
                          "only pay and ladders, which may have no summary, may take two lines: \(pair) \(twoLineRows.map(\.id))")
            XCTAssertEqual(twoLineRows.map(\.id), [], "\(pair)")
        }
        var model = app(width: 80, height: 24)
        let layout = model.compare.layout()
        XCTAssertEqual(layout.totalLines, layout.rows.count, "one line a row, no blank lines between rows")
        let last = layout.rows[layout.focus.last!].left[0].text
        var pages = 1
        while !lines(model, width: 80, height: 24).contains(where: { $0.hasPrefix(" " + last) || $0.hasPrefix("▶" + last) }) {
            _ = model.update(.key(.pageDown))
            pages += 1
            if pages > 10 { break }
        }
        XCTAssertLessThanOrEqual(pages, 5, "the last row, \(last), is on screen after at most four page-downs")
    }

    /// The check above can fail: a summary over the limit (validation would refuse it;
    /// here it is set in memory) makes its row two lines, whole, rather than one line cut
    /// with "…", and the comparison longer.
    func testASummaryWiderThanItsColumnTakesTwoLinesNotAnEllipsis() {
        var catalog = Self.catalog
        let index = catalog.roles.firstIndex { $0.id == "ai-engineer" }!
        let long = "A summary of forty characters, too wide"
        XCTAssertGreaterThan(long.count, DimensionValue.summaryLimit)
        catalog.roles[index].values["primary-output"]![0].summary = long
        let roles = ["ai-engineer", "ml-engineer"].map { catalog.role(id: $0)! }
        let before = CompareLayout(catalog: Self.catalog, roles: roles.map { Self.catalog.role(id: $0.id)! }, differencesOnly: false,
                                   showSources: true, width: 80, summary: true)
        let after = CompareLayout(catalog: catalog, roles: roles, differencesOnly: false, showSources: true, width: 80, summary: true)
        let row = after.rows.first { $0.key == "dimension:primary-output" }!
        XCTAssertEqual(row.height, 2)
        XCTAssertEqual(row.cells[0].map(\.text).joined(separator: " ").hasPrefix(long), true, "\(row.cells[0].map(\.text))")
        XCTAssertFalse(row.cells.joined().contains { $0.text.contains("…") })
        XCTAssertEqual(after.totalLines, before.totalLines + 1)
    }

    func testVSwitchesBetweenSummaryAndFullTextKeepingTheRow() {
        var model = app(width: 80, height: 24)
        model.compare.focus(row: "dimension:pay")
        _ = model.update(.key(.char("v")))
        XCTAssertTrue(model.compare.fullText)
        XCTAssertEqual(model.compare.currentKey(model.compare.layout()), "dimension:pay")
        XCTAssertTrue(lines(model, width: 80, height: 24).joined().contains("░"), "pay on its axis in full text")
        XCTAssertTrue(model.hints.entries.contains { $0.label == "v" && $0.description == "summary" })
        _ = model.update(.key(.char("v")))
        XCTAssertFalse(model.compare.fullText)
        XCTAssertTrue(model.hints.entries.contains { $0.label == "v" && $0.description == "full text" })
    }

    func testACellSaysWhenTheSourcesDoNotCoverTheRole() {
        let model = app(width: 80, height: 24)
        let layout = model.compare.layout()
        let row = layout.rows.first { $0.key == "dimension:ag-mlops" }!
        XCTAssertEqual(row.cells[0].map(\.text), ["not covered by the sources"])
        let detail = CompareDetail.lines(key: "dimension:ag-mlops", catalog: Self.catalog, roles: model.compare.roles,
                                         width: 70, glyphs: .unicode).map(\.text)
        XCTAssertTrue(detail.contains("The sources do not cover every role shown here."), "\(detail)")
        XCTAssertTrue(detail.contains("  No source covers this for the role."), "\(detail)")
    }

    func testDifferencesShowTheirCountAndHideTheRest() {
        var model = app(width: 80, height: 24)
        let all = model.compare.layout().focus.count
        _ = model.update(.key(.char("d")))
        let count = Self.catalog.differenceCount(among: model.compare.roles)
        XCTAssertTrue(lines(model, width: 80, height: 24)[3].contains(" \(count.differing) of \(count.rows) rows differ "))
        let shown = model.compare.layout().rows.compactMap { row -> String? in
            if case .dimension(let dimension) = row.kind { return dimension.id } else { return nil }
        }
        XCTAssertEqual(shown.count, count.differing)
        XCTAssertTrue(shown.allSatisfy { Self.catalog.comparison($0, among: model.compare.roles) == .differ })
        XCTAssertLessThan(model.compare.layout().focus.count, all)
    }

    func testSnapshotsAtThreeSizes() {
        let all = ["data-engineer", "ml-engineer", "ai-engineer", "data-scientist"]
        for (width, height) in [(80, 24), (60, 16), (140, 45)] {
            let views: [(String, AppModel)] = [
                ("summary", app(width: width, height: height)),
                ("full", app(width: width, height: height, keys: [.char("v")])),
                ("differences", app(width: width, height: height, keys: [.char("d"), .char("]")])),
                ("four-roles", app(width: width, height: height, roles: all, keys: [.char("]"), .char("]")])),
                ("four-roles-full", app(width: width, height: height, roles: all, keys: [.char("v")])),
            ]
            for (name, model) in views {
                assertSnapshot(of: lines(model, width: width, height: height).joined(separator: "\n"), as: .lines,
                               named: "\(name)-\(width)x\(height)")
            }
        }
    }

    // MARK: Words are never split

    /// Every word the content (and the table's own phrases) uses, folded to lower case.
    static let vocabulary: Set<String> = {
        var words = Set<String>()
        func add(_ any: Any) {
            if let text = any as? String {
                for token in tokens(text) { words.insert(token) }
            } else if let array = any as? [Any] {
                array.forEach(add)
            } else if let map = any as? [String: Any] {
                map.values.forEach(add)
            }
        }
        let data = try! JSONEncoder().encode(catalog)
        add(try! JSONSerialization.jsonObject(with: data))
        add("not covered by the sources steps to hidden total comp salary median entry mid senior all yrs")
        // The pay legend's own words (drawn in the label column, not from the content).
        add(PayRow.styleNote)
        return words
    }()

    /// The words of `text` as the check reads them: split at spaces and rules, with
    /// punctuation around them taken off.
    static func tokens(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { $0.isWhitespace || "│┃|/".contains($0) }).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "[](),.;:\"'“”‘’!?"))
        }.filter { !$0.isEmpty }
    }

    /// The words in the table's cells that are not words of the content: a word split
    /// across lines leaves pieces ("infrastructur", "e") that are not. A piece ending in
    /// a hyphen, and the piece at the start of the next line under it, are a word too
    /// wide for its column, broken as it should be; a word cut with "…" is a summary cut
    /// short; figures, bars and "+2" are not words.
    func splitWords(_ screen: [String], from top: Int, to bottom: Int) -> [String] {
        var strange: [String] = []
        var continuing = Set<Int>()
        for y in top..<bottom {
            // The top line may continue a line scrolled off; a page moves by one line
            // less than the screen, so it was checked as the last line of the page before.
            if y == top { continuing = Set(-1..<screen[y].count) }
            var next = Set<Int>()
            // Cells at the columns where they start, so a piece can be matched to the
            // line under it.
            let line = Array(screen[y])
            var x = 0
            while x < line.count {
                guard !line[x].isWhitespace, !"│┃".contains(line[x]) else { x += 1; continue }
                var end = x
                while end < line.count && !line[end].isWhitespace && !"│┃".contains(line[end]) { end += 1 }
                let raw = String(line[x..<end])
                // The cell is known by the rule to its left; the first word in it is
                // where a piece from the line above continues.
                let cell = line[..<x].lastIndex(where: { "│┃".contains($0) }) ?? -1
                let first = !line[(cell + 1)..<x].contains(where: { !$0.isWhitespace })
                x = end
                if raw.hasSuffix("-") { next.insert(cell) }
                if raw.hasSuffix("-") || (first && continuing.contains(cell)) { continue }
                if raw.hasSuffix("…") || raw.contains(where: { $0.isNumber || "$¥█░▶→•←↑↓━─".contains($0) }) || raw.hasPrefix("+") { continue }
                for token in Self.tokens(raw) where !Self.vocabulary.contains(token) && !token.contains("-") {
                    strange.append("\(token) (line \(y))")
                }
            }
            continuing = next
        }
        return strange
    }

    func testNoWordIsSplitWithFourRolesAt80x24() {
        let all = ["data-engineer", "ml-engineer", "ai-engineer", "data-scientist"]
        for keys in [[], [Key.char("v")]] {
            var model = app(width: 80, height: 24, roles: all, keys: keys)
            let header = model.compare.layout().headerHeight
            var seen = Set<[String]>()
            for _ in 0..<400 {
                let screen = lines(model, width: 80, height: 24)
                guard seen.insert(screen).inserted else { break }
                let strange = splitWords(screen, from: 2 + header, to: 23)
                XCTAssertEqual(strange, [], (keys.isEmpty ? "summary: " : "full text: ") + screen.joined(separator: "\n"))
                if !strange.isEmpty { break }
                _ = model.update(.key(.pageDown))
            }
        }
    }
}
