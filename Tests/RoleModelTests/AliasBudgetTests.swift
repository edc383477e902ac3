@testable import RoleModel
import XCTest

/// A "billion laughs" file: a kilobyte of nested YAML aliases that stands for billions of
/// values. The loader must refuse it at once, naming the alias that crossed the budget.
final class AliasBudgetTests: XCTestCase {
    /// `levels` anchors, each a list of ten aliases of the one before (issue 16, item 3).
    static func bomb(levels: Int) -> String {
        var lines = ["sources:", "  - &l0 \"lol\""]
        for level in 1...levels {
            let items = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("  - &l\(level) [\(items)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testAnAliasBombIsRefusedAtTheAliasWellUnderASecond() throws {
        for levels in [6, 9, 12] {
            let text = Self.bomb(levels: levels)
            let started = ContinuousClock.now
            XCTAssertThrowsError(try CatalogLoader.load(documents: [("bomb.yaml", text)])) { error in
                guard case ContentError.invalid(let problems) = error else { return XCTFail("\(error)") }
                let alias = problems.first { $0.message.contains("alias") }
                XCTAssertNotNil(alias, "\(problems)")
                XCTAssertEqual(alias?.file, "bomb.yaml")
                // Level 5 alone stands for 10^5 values: its line (7) crosses the 100,000 budget.
                XCTAssertEqual(alias?.line, 7)
            }
            let elapsed = ContinuousClock.now - started
            XCTAssertLessThan(elapsed, .milliseconds(500), "\(levels) levels took \(elapsed)")
        }
    }

    func testAliasesNestingDeeperThanTheLimitAreRefused() throws {
        // Each anchor one list deeper than the last: 100 lines, 100 levels once expanded.
        var lines = ["sources:", "  - &d0 [x]"]
        for level in 1...100 { lines.append("  - &d\(level) [*d\(level - 1)]") }
        XCTAssertThrowsError(try YAMLTree.compose(lines.joined(separator: "\n"))) { error in
            guard case YAMLError.aliasBudget(let mark, _, let depth) = error else { return XCTFail("\(error)") }
            XCTAssertGreaterThan(depth, YAMLTree.Limits.content.depth)
            XCTAssertEqual(mark.line, 64) // *d61 inside three collections: 62 + 3 > 64
        }
    }

    func testAliasesWithinTheBudgetStillWork() throws {
        let root = try XCTUnwrap(YAMLTree.compose(Self.bomb(levels: 4)))
        guard case .mapping(let mapping) = root, case .sequence(let list) = mapping.values[0] else {
            return XCTFail("expected a mapping holding a list")
        }
        XCTAssertEqual(list.items.count, 5)
    }
}

extension AliasBudgetTests {
    /// The most a file can cost within the budget: aliases of mappings whose every key is
    /// unknown, so each expanded value is also a reported problem.
    func testTheWorstFileWithinTheBudgetLoadsWellUnderASecond() throws {
        // 2,400 sources, each the same 20 unknown keys: 98,400 values and 50,000 problems.
        let source = "{" + (0..<20).map { "k\($0): v" }.joined(separator: ", ") + "}"
        let lines = ["sources: [&m0 \(source), " + Array(repeating: "*m0", count: 2_399).joined(separator: ", ") + "]"]
        let started = ContinuousClock.now
        XCTAssertThrowsError(try CatalogLoader.load(documents: [("wide.yaml", lines.joined(separator: "\n"))]))
        // The time is printed, not asserted: a debug build on a loaded machine says little.
        // Tests/e2e/hardening.sh holds the release binary to a second on this case.
        print("worst case within the alias budget: \(ContinuousClock.now - started)")
    }
}

extension AliasBudgetTests {
    /// Without aliases a 1 MiB file can hold 140,000 mistakes: the first thousand are
    /// listed and the rest counted, so reporting them cannot take seconds.
    func testAFileFullOfMistakesListsTheFirstThousand() throws {
        let source = "  - {" + (0..<20).map { "k\($0): v" }.joined(separator: ", ") + "}\n"
        let text = "sources:\n" + String(repeating: source, count: (CatalogLoader.maximumFileSize - 20) / source.utf8.count)
        XCTAssertThrowsError(try CatalogLoader.load(documents: [("full.yaml", text)])) { error in
            let problems = (error as! ContentError).problems
            XCTAssertEqual(problems.count, ProblemLog.limit + 1)
            XCTAssertTrue(problems.last!.message.hasPrefix("and "), problems.last!.message)
            XCTAssertTrue(problems.last!.message.contains("more problems, not listed"), problems.last!.message)
        }
    }
}
