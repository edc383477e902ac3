import Foundation
import RoleModel
import RoleReports
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// `e`: a file name prefilled from what is on screen, an existing file is never replaced
/// without a y, and the header says where it went.
final class ExportUITests: XCTestCase {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("assets")

    final class FakeExporter: ScreenExporter, @unchecked Sendable {
        var existing: Set<String> = []
        var written: [(ExportRequest, String, Bool)] = []
        var formats: [OutputFormat] = []
        func export(_ request: ExportRequest, catalog: Catalog, to path: String, overwrite: Bool, format: OutputFormat) -> ExportOutcome {
            if existing.contains(path) && !overwrite { return .exists(path) }
            written.append((request, path, overwrite))
            formats.append(format)
            return .saved("/here/" + path)
        }
    }

    func press(_ model: inout AppModel, _ keys: [Key]) { for key in keys { _ = model.update(.key(key)) } }

    func text(_ model: AppModel) -> String {
        var buffer = Buffer(width: 100, height: 24)
        model.render(into: &buffer)
        return buffer.lines().joined(separator: "\n")
    }

    func testExportCompareAsksForANameAndNeverOverwritesSilently() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 100, height: 24)
        let exporter = FakeExporter()
        model.exporter = exporter
        model.open(.compare(roles: ["ai-engineer", "ml-engineer"]))
        press(&model, [.char("e")])
        XCTAssertTrue(text(model).contains("Export as Markdown (Tab: format) to: rolescope-compare-ai-engineer-ml-engineer.md"), text(model))
        press(&model, [.enter])
        XCTAssertEqual(exporter.written.count, 1)
        XCTAssertEqual(exporter.written.first?.0, .compare(roles: ["ai-engineer", "ml-engineer"], differencesOnly: false))
        XCTAssertTrue(text(model).split(separator: "\n")[1].contains("Saved to /here/rolescope-compare-ai-engineer-ml-engineer.md"))

        // The same name again: asked, n keeps the file, y replaces it.
        exporter.existing = ["rolescope-compare-ai-engineer-ml-engineer.md"]
        press(&model, [.char("e"), .enter])
        XCTAssertTrue(text(model).contains("rolescope-compare-ai-engineer-ml-engineer.md exists. Replace it?"), text(model))
        XCTAssertTrue(text(model).contains("y/Enter replaces it; n/Esc picks another name."), text(model))
        press(&model, [.char("n")])
        XCTAssertEqual(exporter.written.count, 1)
        press(&model, [.backspace, .backspace, .char("t"), .char("x"), .char("t"), .enter])
        XCTAssertEqual(exporter.written.last?.1, "rolescope-compare-ai-engineer-ml-engineer.txt")
        press(&model, [.char("e"), .enter, .char("y")])
        XCTAssertEqual(exporter.written.last?.2, true)
    }

    func testExportQuizResultAndTimelineAndARoleProfile() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 100, height: 24)
        let exporter = FakeExporter()
        model.exporter = exporter
        XCTAssertEqual(model.focused.exportRequest, .profile(role: "ai-engineer"), "the selected role, from the list")
        press(&model, [.char("j"), .enter, .char("e")])
        XCTAssertTrue(text(model).contains("rolescope-data-engineer.md"), text(model))
        press(&model, [.tab])
        XCTAssertTrue(text(model).contains("Export as text (Tab: format) to: rolescope-data-engineer.txt"), text(model))
        press(&model, [.tab])
        XCTAssertTrue(text(model).contains("Export as JSON (Tab: format) to: rolescope-data-engineer.json"), text(model))
        press(&model, [.enter])
        XCTAssertEqual(exporter.written.last?.0, .profile(role: "data-engineer"))
        XCTAssertEqual(exporter.formats.last, .json)
        press(&model, [.char("q")])
        model.open(.questionnaire(id: "career"))
        for _ in 0..<6 where model.questionnaire.view == .question { press(&model, [.enter]) }
        XCTAssertEqual(model.focused.exportRequest?.suggestedFileName, "rolescope-quiz-career.md")
        press(&model, [.char("4")])
        XCTAssertEqual(model.focused.exportRequest?.suggestedFileName.hasPrefix("rolescope-day-"), true)
    }

    func testYCopiesTheFocusedThingOrSaysWhyNot() throws {
        let catalog = try CatalogLoader.load(directory: Self.assets)
        var model = AppModel(catalog: catalog, width: 100, height: 24)
        XCTAssertEqual(model.update(.key(.char("y"))), .none, "a terminal without OSC 52 copies nothing")
        XCTAssertTrue(model.message?.contains("does not take copies (OSC 52): e exports") == true, model.message ?? "")
        model.canCopy = true
        _ = model.update(.key(.char("j")))
        guard case .copy(let text) = model.update(.key(.char("y"))) else { return XCTFail("y copies") }
        XCTAssertTrue(text.hasPrefix("DATA ENGINEER"), text)
        XCTAssertEqual(model.message, "Copied Data Engineer's profile")
        model.open(.compare(roles: ["ai-engineer", "ml-engineer"]))
        guard case .copy(let row) = model.update(.key(.char("y"))) else { return XCTFail("y copies a row") }
        XCTAssertTrue(row.hasPrefix("Primary output"), row)
        XCTAssertTrue(row.contains("[JoinAI]") || row.contains("JoinAI"), "with its sources: \(row)")
    }
}
