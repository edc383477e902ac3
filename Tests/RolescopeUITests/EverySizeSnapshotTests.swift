import Foundation
import RoleModel
import SnapshotTesting
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Every screen and overlay at 80x24 and at 60x16, the smallest size the app takes, as the
/// user sees it (reviewed), and the priorities that must hold there: the hint bar keeps
/// `? help` (and, on a screen, its way out), and an overlay leaves nothing of the screen
/// below on the rows its box covers.
final class EverySizeSnapshotTests: XCTestCase {
    static let catalog = CompareSummaryTests.catalog

    /// Each place by name, and the keys that reach it from a fresh start.
    static let places: [(name: String, keys: [Key])] = [
        ("roles", [.char("1")]),
        ("profile", [.char("1"), .enter]),
        ("plan", [.char("1"), .enter, .char("P")]),
        ("compare", [.char("2")]),
        ("compare-chooser", [.char("2"), .char("r")]),
        ("compare-detail", [.char("2"), .enter]),
        ("questionnaires", [.char("3")]),
        ("question", [.char("3"), .char("j"), .enter] + answerKeys("21")),
        ("result", [.char("3"), .char("j"), .enter] + answerKeys("211")),
        ("timeline", [.char("4")]),
        ("timeline-week", [.char("4"), .char("]"), .char("]"), .char("w")]),
        ("skills", [.char("5")]),
        ("skills-fit", [.char("5"), .char("+"), .char("f")]),
        ("help", [.char("2"), .char("?")]),
        ("search", [.char("/"), .char("r"), .char("a"), .char("g")]),
        ("export", [.char("1"), .char("e")]),
    ]

    func frame(_ keys: [Key], width: Int, height: Int) -> (AppModel, [String]) {
        var model = AppModel(catalog: Self.catalog, width: width, height: height)
        for key in keys { _ = model.update(.key(key)) }
        var buffer = Buffer(width: width, height: height)
        model.render(into: &buffer)
        return (model, buffer.lines())
    }

    func testEveryScreenAndOverlayAt80x24And60x16() {
        for (width, height) in [(80, 24), (60, 16)] {
            for place in Self.places {
                let (model, lines) = frame(place.keys, width: width, height: height)
                let name = "\(place.name)-\(width)x\(height)"
                assertSnapshot(of: lines.joined(separator: "\n"), as: .lines, named: name)
                if !model.focused.editsText && model.overlay.map({ !$0.editsText }) ?? true {
                    XCTAssertTrue(lines.last?.contains("? help") ?? false, "\(name): the hint bar keeps ? help: \(lines.last ?? "")")
                }
                assertOverlayClearsItsRows(lines, name)
            }
        }
    }

    /// On every row between a box's top and bottom corners, nothing is drawn outside the
    /// box (the screen below does not show at its edges).
    func assertOverlayClearsItsRows(_ lines: [String], _ name: String) {
        guard let top = lines.firstIndex(where: { $0.contains("┌─ ") }),
              let bottom = lines[top...].firstIndex(where: { $0.contains("└") }) else { return }
        let left = Array(lines[top]).firstIndex(of: "┌")!
        let right = Array(lines[top]).firstIndex(of: "┐") ?? Array(lines[top]).count - 1
        for y in top...bottom {
            let row = Array(lines[y])
            let outside = String(row.prefix(left)) + (row.count > right + 1 ? String(row[(right + 1)...]) : "")
            XCTAssertTrue(outside.allSatisfy(\.isWhitespace), "\(name) line \(y): \"\(outside)\" beside the box")
        }
    }

    /// The yes/no prompts keep their choices at both sizes: the question wraps, never the
    /// y/n line.
    func testPromptsKeepTheirChoicesAt80x24And60x16() throws {
        for (width, height) in [(80, 24), (60, 16)] {
            var model = AppModel(catalog: Self.catalog, width: width, height: height)
            let exporter = ExportUITests.FakeExporter()
            exporter.existing = ["rolescope-compare-ai-engineer-ml-engineer.md"]
            model.exporter = exporter
            model.open(.compare(roles: ["ai-engineer", "ml-engineer"]))
            for key: Key in [.char("e"), .enter] { _ = model.update(.key(key)) }
            var buffer = Buffer(width: width, height: height)
            model.render(into: &buffer)
            let overwrite = buffer.lines().joined(separator: "\n")
            assertSnapshot(of: overwrite, as: .lines, named: "overwrite-\(width)x\(height)")
            XCTAssertTrue(overwrite.contains("y/Enter replaces it; n/Esc picks another name."), overwrite)
            assertOverlayClearsItsRows(buffer.lines(), "overwrite-\(width)x\(height)")

            var resume = AppModel(catalog: Self.catalog, width: width, height: height)
            let run = try QuestionnaireRun(Self.catalog.questionnaires[0], answers: [0])
            resume.offerResume(SessionOffer(id: 7, label: "#7 Which path fits me? for Ada, 1 answer", run: run))
            buffer = Buffer(width: width, height: height)
            resume.render(into: &buffer)
            let offer = buffer.lines().joined(separator: "\n")
            assertSnapshot(of: offer, as: .lines, named: "resume-\(width)x\(height)")
            XCTAssertTrue(offer.contains("y/Enter resumes; n/Esc starts fresh."), offer)
            assertOverlayClearsItsRows(buffer.lines(), "resume-\(width)x\(height)")
        }
    }

    /// A recorded session's result keeps the session number and candidate at the start of
    /// the header line at both sizes; the questionnaire's title is what gets cut.
    func testASessionsResultHeaderShowsTheSessionFirst() {
        for (width, height) in [(80, 24), (60, 16)] {
            var model = AppModel(catalog: Self.catalog, width: width, height: height)
            model.recorder = MemoryRecorder()
            for key: Key in [.char("3"), .char("S"), .char("A"), .char("d"), .char("a"), .enter] + answerKeys("212") {
                _ = model.update(.key(key))
            }
            var buffer = Buffer(width: width, height: height)
            model.render(into: &buffer)
            let header = buffer.lines()[1]
            XCTAssertTrue(header.prefix(40).contains("session #1 (Ada)"), "\(width)x\(height): \(header)")
            assertSnapshot(of: buffer.lines().joined(separator: "\n"), as: .lines, named: "session-result-\(width)x\(height)")
        }
    }
}
