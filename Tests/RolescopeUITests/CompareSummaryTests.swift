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

    func testTheSummaryIsOneLinePerRowAndReachesTheEndInFivePagesAt80x24() {
        var model = app(width: 80, height: 24)
        XCTAssertFalse(model.compare.fullText, "Compare opens on the summary")
        let layout = model.compare.layout()
        XCTAssertTrue(layout.rows.allSatisfy { $0.height == 1 }, "every row one line")
        XCTAssertEqual(layout.totalLines, layout.rows.count, "no blank lines between rows")
        let last = layout.rows[layout.focus.last!].left[0].text
        var pages = 1
        while !lines(model, width: 80, height: 24).contains(where: { $0.hasPrefix(" " + last) || $0.hasPrefix("▶" + last) }) {
            _ = model.update(.key(.pageDown))
            pages += 1
            if pages > 10 { break }
        }
        XCTAssertLessThanOrEqual(pages, 5, "the last row, \(last), is on screen after at most four page-downs")
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
