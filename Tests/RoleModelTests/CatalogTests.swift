import Foundation
import XCTest
@testable import RoleModel

final class CatalogTests: XCTestCase {
    func testRoleLookupByIdAliasTitleAndPrefix() throws {
        let catalog = try Fixtures.minimalCatalog()
        XCTAssertEqual(try catalog.role(matching: "builder").id, "builder")
        XCTAssertEqual(try catalog.role(matching: "PB").id, "builder")
        XCTAssertEqual(try catalog.role(matching: "Data Thinker").id, "thinker")
        XCTAssertEqual(try catalog.role(matching: "thi").id, "thinker")
        XCTAssertThrowsError(try catalog.role(matching: "nobody")) { error in
            XCTAssertEqual(error as? LookupError, .unknown(kind: "role", query: "nobody", known: ["builder", "thinker"]))
        }
    }

    func testAmbiguousPrefixListsTheMatches() throws {
        var catalog = try Fixtures.minimalCatalog()
        catalog.roles.append(Role(id: "thinker-two", title: "Thinker Two", summary: "s"))
        XCTAssertEqual(try catalog.role(matching: "thinker").id, "thinker", "an exact id beats a prefix")
        XCTAssertThrowsError(try catalog.role(matching: "thin")) { error in
            XCTAssertEqual(error as? LookupError, .ambiguous(kind: "role", query: "thin", matches: ["thinker", "thinker-two"]))
        }
    }

    func testSearchFindsTypedHitsIgnoringCaseAndAccents() throws {
        let catalog = try Fixtures.minimalCatalog()
        let hits = catalog.search("PIPELINES")
        XCTAssertTrue(hits.contains { $0.target == .value(role: "builder", dimension: "output") })
        XCTAssertTrue(hits.contains { $0.target == .value(role: "thinker", dimension: "output") })
        XCTAssertEqual(catalog.search("stand-up").first?.target, .timelineEntry(timeline: "builder-day", entry: 1))
        XCTAssertEqual(catalog.search("clean?").first?.target, .question(questionnaire: "pick", question: "q2"))
        XCTAssertEqual(catalog.search("fix the pipes").first?.target, .outcome(questionnaire: "pick", outcome: "get-builder"))
        XCTAssertTrue(catalog.search("").isEmpty)
        let hit = try XCTUnwrap(catalog.search("ARRIVES").first)
        XCTAssertEqual(Array(hit.text)[hit.matchOffset..<hit.matchOffset + hit.matchLength].map(String.init).joined(), "arrives")
        var accented = catalog
        accented.roles[0].summary = "Café données"
        XCTAssertEqual(accented.search("cafe").first?.target, .role(role: "builder"))
    }

    func testDifferencesAndOverlaps() throws {
        let catalog = try Fixtures.minimalCatalog()
        let roles = catalog.roles
        XCTAssertTrue(catalog.differs("modelling", among: roles))
        // A value one role has and the other lacks is a gap in the sources, not a difference.
        XCTAssertFalse(catalog.differs("deliverables", among: roles))
        XCTAssertEqual(catalog.comparison("deliverables", among: roles), .uncovered)
        var same = catalog
        same.roles[1].values["output"] = same.roles[0].values["output"]
        XCTAssertFalse(same.differs("output", among: same.roles))
        XCTAssertEqual(catalog.overlaps(among: ["builder", "thinker"]).map(\.id), ["shared-data"])
        XCTAssertEqual(catalog.overlaps(among: ["builder"]).map(\.id), ["shared-data"])
    }

    func testMoneyFiguresReadAsPublished() throws {
        let catalog = try Fixtures.minimalCatalog()
        guard case .money(let entry) = catalog.role(id: "builder")!.values(for: "pay")[0].content,
              case .money(let median) = catalog.role(id: "builder")!.values(for: "pay")[1].content,
              case .money(let open) = catalog.role(id: "thinker")!.values(for: "pay")[0].content else { return XCTFail("pay values") }
        XCTAssertEqual(entry.figure, "$90,000–$120,000")
        XCTAssertEqual(entry.basisText, "entry-level salary, US, 2026")
        XCTAssertEqual(median.figure, "$150,000")
        XCTAssertEqual(median.basisText, "median annual wage, US, 2024-05")
        XCTAssertEqual(open.figure, "$100,000–$140,000+")
        XCTAssertEqual(open.basisText, "mid-level total compensation, US")
    }

    func testLevelsCarryTheirRank() throws {
        let catalog = try Fixtures.minimalCatalog()
        guard case .level(let rating) = catalog.role(id: "thinker")!.values(for: "modelling")[0].content else { return XCTFail() }
        XCTAssertEqual(rating.level, "Advanced")
        XCTAssertEqual(rating.rank, 2)
        XCTAssertEqual(rating.outOf, 3)
        XCTAssertEqual(rating.fraction, 1)
        XCTAssertEqual(rating.label, "Statistical modelling")
    }

    func testTimelineUnitsAndSummary() throws {
        let catalog = try Fixtures.minimalCatalog()
        let day = try XCTUnwrap(catalog.timeline(for: "builder", kind: .day))
        XCTAssertEqual(day.entries.map { $0.slot.text(for: .day) }, ["09:00–10:30", "10:30–11:00", "12:00–13:00", "13:00–16:00"])
        XCTAssertEqual(day.timeByCategory.map(\.category), ["build", "break", "meetings"])
        XCTAssertEqual(day.timeByCategory.first?.amount, 270)
        XCTAssertEqual(day.entries[1].sources, ["beta"], "an entry's own sources win")
        XCTAssertEqual(day.entries[0].sources, ["alpha"], "otherwise the timeline's apply")
        XCTAssertEqual(day.provenance, .composed)
        let week = try XCTUnwrap(catalog.timeline(for: "thinker", kind: .week))
        XCTAssertEqual(week.entries.map { $0.slot.text(for: .week) }, ["Monday morning", "Monday afternoon", "Tuesday–Wednesday", "Friday"])
        XCTAssertEqual(week.entries.map(\.slot.start), [0, 1, 2, 8])
        XCTAssertEqual(week.entries.map(\.slot.end), [1, 2, 6, 10])
    }

    func testJSONRoundTripKeepsEverything() throws {
        let catalog = try Fixtures.minimalCatalog()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(catalog)
        XCTAssertEqual(try JSONDecoder().decode(Catalog.self, from: data), catalog)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.contains(#"{"kind":"prose","text":"Pipelines that work."}"#), "flat, documented value shape")
        XCTAssertTrue(text.contains(#"{"next":"q2"}"#))
    }
}
