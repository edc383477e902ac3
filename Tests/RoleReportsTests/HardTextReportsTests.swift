import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RoleReports

/// Every plain-text document built from Tests/Fixtures/layout (CJK, ZWJ emoji, skin
/// tones, flags, combining marks, Hebrew, Arabic, long words and URLs), at widths from
/// 20 to 200: no line is wider than the width, and in side-by-side tables no cell
/// spills into the gap between columns.
final class HardTextReportsTests: XCTestCase {
    func catalog() throws -> Catalog { try CatalogLoader.load(directory: ReportsTests.fixtures.appendingPathComponent("layout")) }

    /// The cells of a line: each character, then "" for the second half of a wide one.
    static func cells(_ line: Substring) -> [String] {
        line.flatMap { character -> [String] in
            switch TextWidth.of(character) {
            case 0: return []
            case 2: return [String(character), ""]
            default: return [String(character)]
            }
        }
    }

    static let widths = [20, 27, 33, 40, 57, 60, 80, 101, 120, 200]

    func testNoLineIsWiderThanTheWidth() throws {
        let catalog = try catalog()
        let documents = try HostileContentTests.documents(catalog, unicode: true)
        for (name, document) in documents {
            for width in Self.widths {
                for line in TextRenderer(width: width).render(document).split(separator: "\n") {
                    XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(name) at \(width): \(line)")
                }
            }
        }
    }

    func testTableCellsStayInTheirColumns() throws {
        let catalog = try catalog()
        let reports = Reports(catalog: catalog)
        var tables: [(String, [String], [[String]])] = []
        for document in [reports.compare(catalog.roles), reports.compare(catalog.roles + catalog.roles)] + catalog.timelines.map(reports.timeline) {
            for case .table(let header, let rows) in document.blocks { tables.append(("table of \(header.count) columns", header, rows)) }
        }
        XCTAssertGreaterThan(tables.count, 5)
        var sideBySide = 0
        for (name, header, rows) in tables {
            for width in Self.widths {
                let renderer = TextRenderer(width: width)
                let clean = rows.map { $0.map(renderer.clean) }
                let lines = renderer.table(header: header.map(renderer.clean), rows: clean)
                for line in lines { XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(name) at \(width): \(line)") }
                guard let widths = renderer.tableWidths(columns: header.count, rows: clean) else { continue }
                sideBySide += 1
                var gaps: [Int] = []
                var x = 0
                for column in widths.dropLast() { x += column; gaps += [x, x + 1]; x += TextRenderer.tableGap }
                for line in lines where !line.hasPrefix("─") {
                    let cells = Self.cells(Substring(line))
                    for gap in gaps where gap < cells.count {
                        XCTAssertEqual(cells[gap], " ", "\(name) at \(width): cell \(gap) of \"\(line)\" is in a gap")
                    }
                }
            }
        }
        XCTAssertGreaterThan(sideBySide, 20, "most tables are drawn side by side")
    }
}
