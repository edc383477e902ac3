import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Search in the app: the results list, and Enter, n and N landing on each kind of place
/// with the matched words on screen, marked, and the cursor on them.
final class SearchLandingTests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")
    static let catalog = try! CatalogLoader.load(directory: assets)

    func type(_ app: inout AppModel, _ text: String) { for character in text { _ = app.update(.key(.char(character))) } }

    func search(_ query: String, width: Int = 100, height: Int = 30) -> AppModel {
        var app = AppModel(catalog: Self.catalog, width: width, height: height)
        _ = app.update(.key(.char("/")))
        type(&app, query)
        return app
    }

    func frame(_ app: AppModel) -> Buffer {
        var buffer = Buffer(width: app.width, height: app.height)
        app.render(into: &buffer)
        return buffer
    }

    /// The cells of the content area marked as a search hit (bold and underlined).
    func marked(_ buffer: Buffer, in area: Rect) -> String {
        var text = ""
        for y in area.y..<area.bottom {
            for x in area.x..<area.right {
                let style = buffer[x, y].style
                text += style.modifiers.contains(.underline) && style.modifiers.contains(.bold) ? buffer[x, y].text : " "
            }
        }
        return text.split(separator: " ").joined(separator: " ")
    }

    /// Lands on every hit with Enter, then n, and checks each landing: the place, the hit's
    /// words on screen and marked, the cursor on them, and "hit k of N".
    func walk(_ query: String, expecting places: Int, file: StaticString = #filePath, line: UInt = #line) {
        var app = search(query)
        let hits = (app.overlay as? SearchOverlay)?.hits ?? []
        XCTAssertEqual(hits.count, places, "\(query): hits", file: file, line: line)
        XCTAssertEqual(hits.count, Self.catalog.search(query).filter { $0.target.place != .source }.count,
                       "\(query): as many as the command line lists", file: file, line: line)
        _ = app.update(.key(.enter))
        var landings: [String] = []
        for index in 0..<hits.count {
            let buffer = frame(app)
            let words = Set(hits[index].matchedWords.flatMap { SearchIndex.foldedWords($0) })
            let marked = SearchIndex.foldedWords(marked(buffer, in: app.contentArea))
            XCTAssertFalse(marked.isEmpty, "\(query) hit \(index + 1) (\(hits[index].title)): nothing marked", file: file, line: line)
            XCTAssertTrue(marked.allSatisfy(words.contains), "\(query) hit \(index + 1): marked \(marked), wanted \(words)", file: file, line: line)
            XCTAssertEqual(app.message, "hit \(index + 1) of \(hits.count)", file: file, line: line)
            let cursor = app.cursor
            XCTAssertTrue(buffer[cursor.x, cursor.y].style.modifiers.contains(.underline), "\(query) hit \(index + 1): the cursor is on the hit",
                          file: file, line: line)
            landings.append(app.focused.breadcrumb + "|" + String(describing: hits[index].target))
            _ = app.update(.key(.char("n")))
        }
        XCTAssertEqual(Set(landings).count, hits.count, "\(query): every hit its own landing", file: file, line: line)
        XCTAssertEqual(app.message, "hit 1 of \(hits.count)", "n wraps round to the first", file: file, line: line)
        _ = app.update(.key(.char("N")))
        XCTAssertEqual(app.message, "hit \(hits.count) of \(hits.count)", "N goes back, wrapping", file: file, line: line)
    }

    func testAirflowKubernetesAndEvalsLandOnEveryHit() {
        walk("Airflow", expecting: 8)
        walk("Kubernetes", expecting: 2)
        walk("k8s", expecting: 2)
        walk("evals", expecting: Self.catalog.search("evals").filter { $0.target.place != .source }.count)
    }

    func testEachKindOfPlaceLandsWhereItIs() {
        // A questionnaire result: its result page, not question 1.
        var app = search("\"Hire a Data Engineer\" in:outcome")
        _ = app.update(.key(.enter))
        XCTAssertEqual(app.tab, .questionnaire)
        XCTAssertTrue(app.focused.breadcrumb.hasSuffix("› Result"), app.focused.breadcrumb)
        // A timeline entry: selected.
        app = search("reranker in:timeline")
        _ = app.update(.key(.enter))
        XCTAssertEqual(app.tab, .timeline)
        XCTAssertTrue(app.focused.breadcrumb.hasPrefix("Timeline ›"))
        // A plan: the plan open, from that background.
        app = search("Dagster in:plan")
        _ = app.update(.key(.enter))
        XCTAssertTrue(app.focused.breadcrumb.hasPrefix("Plan › From Software engineer to Data Engineer"), app.focused.breadcrumb)
        // An overlap: Compare with the overlap's roles and the cursor on its row.
        app = search("in:overlap MLOps")
        _ = app.update(.key(.enter))
        XCTAssertEqual(app.tab, .compare)
        XCTAssertTrue(app.focused.breadcrumb.contains("› Overlaps · row"), app.focused.breadcrumb)
        // A profile section, scrolled to it.
        app = search("dbt role:de")
        _ = app.update(.key(.enter))
        XCTAssertTrue(app.focused.breadcrumb.hasPrefix("Roles › Data Engineer"), app.focused.breadcrumb)
        XCTAssertTrue(frame(app).lines().joined().contains("dbt"))
    }

    func testTheMarkLastsUntilTheNextKey() {
        var app = search("Airflow")
        _ = app.update(.key(.enter))
        XCTAssertFalse(marked(frame(app), in: app.contentArea).isEmpty)
        _ = app.update(.key(.char("j")))
        XCTAssertTrue(marked(frame(app), in: app.contentArea).isEmpty)
    }

    func testResultsAt80x24And140x45() {
        for (width, height) in [(80, 24), (140, 45)] {
            let app = search("RAG", width: width, height: height)
            let buffer = frame(app)
            let lines = buffer.lines()
            XCTAssertTrue(lines[height - 1].contains("1 of "), "the search line counts: \(lines[height - 1])")
            XCTAssertTrue(lines.contains { $0.contains("Role profiles") }, "grouped by place")
            XCTAssertFalse(marked(buffer, in: buffer.area).isEmpty, "the matched words are marked in the list")
            assertSnapshot(of: lines.joined(separator: "\n"), as: .lines, named: "search-rag-\(width)x\(height)")
        }
    }
}
