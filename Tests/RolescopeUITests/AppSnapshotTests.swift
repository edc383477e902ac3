import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// The whole app as a user sees it: every tab at the two common terminal sizes, the
/// too-small notice, the monochrome theme's attributes, and CJK content.
final class AppSnapshotTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let assets = fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("assets")

    func app(_ directory: URL = assets, width: Int, height: Int) throws -> AppModel {
        AppModel(catalog: try CatalogLoader.load(directory: directory), width: width, height: height)
    }

    func text(_ app: AppModel, width: Int, height: Int, glyphs: Glyphs = .unicode) -> String {
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        app.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    /// One row of letters per screen row showing what the monochrome theme draws in each
    /// cell: B bold, R reverse, U underline, D dim, combinations as the first that applies
    /// in that order, and space for plain. It proves the theme tells things apart without
    /// colour.
    func attributeMap(_ app: AppModel, width: Int, height: Int) -> String {
        var buffer = Buffer(width: width, height: height)
        app.render(into: &buffer)
        return (0..<height).map { y in
            String((0..<width).map { x -> Character in
                let a = Theme.monochrome.attributes(for: buffer[x, y].style)
                return a.reverse ? "R" : a.bold ? "B" : a.underline ? "U" : a.dim ? "D" : " "
            }).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    func testEveryTabAt80x24And120x40() throws {
        for (width, height) in [(80, 24), (120, 40)] {
            var model = try app(width: width, height: height)
            for tab in ["1", "2", "3", "4", "5"] {
                _ = model.update(.key(.char(Character(tab))))
                assertSnapshot(of: text(model, width: width, height: height), as: .lines, named: "tab\(tab)-\(width)x\(height)")
            }
        }
    }

    func testQuestionnaireResultAndSideBySideDays() throws {
        var model = try app(width: 100, height: 30)
        for key: Key in [.char("3"), .char("j"), .enter] + answerKeys("211") { _ = model.update(.key(key)) }
        assertSnapshot(of: text(model, width: 100, height: 30), as: .lines, named: "hiring-result-100x30")
        for key: Key in [.char("4"), .char("c")] { _ = model.update(.key(key)) }
        assertSnapshot(of: text(model, width: 100, height: 30), as: .lines, named: "days-side-by-side-100x30")
    }

    func testTooSmallAt40x12() throws {
        let model = try app(width: 40, height: 12)
        assertSnapshot(of: text(model, width: 40, height: 12), as: .lines, named: "too-small-40x12")
    }

    func testMonochromeThemeMarksWithoutColour() throws {
        var model = try app(width: 80, height: 24)
        _ = model.update(.key(.char("4")))
        assertSnapshot(of: attributeMap(model, width: 80, height: 24), as: .lines, named: "monochrome-timeline-80x24")
        _ = model.update(.key(.char("2")))
        assertSnapshot(of: attributeMap(model, width: 80, height: 24), as: .lines, named: "monochrome-compare-80x24")
    }

    func testCJKContentStaysInItsColumns() throws {
        var model = try app(Self.fixtures.appendingPathComponent("cjk"), width: 80, height: 24)
        assertSnapshot(of: text(model, width: 80, height: 24), as: .lines, named: "cjk-roles-80x24")
        _ = model.update(.key(.char("2")))
        assertSnapshot(of: text(model, width: 80, height: 24), as: .lines, named: "cjk-compare-80x24")
    }

    func testASCIIGlyphsOutsideUTF8() throws {
        var model = try app(width: 80, height: 24)
        _ = model.update(.key(.char("2")))
        let ascii = text(model, width: 80, height: 24, glyphs: .ascii)
        XCTAssertTrue(ascii.unicodeScalars.allSatisfy { $0.value < 0x80 || TextWidth.of(scalar: $0) == 2 }, "only ASCII besides wide text")
        assertSnapshot(of: ascii, as: .lines, named: "ascii-compare-80x24")
    }
}
