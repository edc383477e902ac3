@testable import RoleModel
import XCTest

/// The loader's YAML tree, read from libyaml's events: what it keeps and the errors it gives.
final class YAMLTreeTests: XCTestCase {
    private func compose(_ text: String) throws -> Node? { try YAMLTree.compose(text) }

    func testKeepsKeyOrderMarksAndScalarStyles() throws {
        let root = try XCTUnwrap(compose("b: 1\na: 'two'\nc:\n  - x\n  - \"y\"\n"))
        guard case .mapping(let mapping) = root else { return XCTFail("expected a mapping, got \(root)") }
        XCTAssertEqual(mapping.keys.compactMap(\.string), ["b", "a", "c"])
        XCTAssertEqual(mapping.keys[1].mark, Mark(line: 2, column: 1))
        XCTAssertEqual(mapping.values[1].mark, Mark(line: 2, column: 4))
        guard case .scalar(let plain) = mapping.values[0], case .scalar(let quoted) = mapping.values[1] else {
            return XCTFail("expected scalars")
        }
        XCTAssertEqual(plain.style, .plain)
        XCTAssertEqual(quoted.style, .singleQuoted)
        XCTAssertEqual(quoted.string, "two")
        guard case .sequence(let list) = mapping.values[2] else { return XCTFail("expected a list") }
        XCTAssertEqual(list.items.compactMap(\.string), ["x", "y"])
        XCTAssertEqual(list.mark, Mark(line: 4, column: 3))
    }

    func testEmptyOrCommentOnlyTextHasNoDocument() throws {
        XCTAssertNil(try compose(""))
        XCTAssertNil(try compose("# only a comment\n\n"))
    }

    func testAliasesAreResolvedAndAnUndefinedAliasIsAnError() throws {
        let root = try XCTUnwrap(compose("a: &name hello\nb: *name\n"))
        guard case .mapping(let mapping) = root else { return XCTFail("expected a mapping") }
        XCTAssertEqual(mapping.values.compactMap(\.string), ["hello", "hello"])
        XCTAssertThrowsError(try compose("a: *missing\n")) { error in
            guard case YAMLError.syntax(let problem, let mark, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem, "found undefined alias")
            XCTAssertEqual(mark.line, 1)
        }
    }

    func testDuplicateKeysNameEveryRepeatedKeyAtTheFirstOne() throws {
        XCTAssertThrowsError(try compose("x: 1\nb: 2\nx: 3\nb: 4\n")) { error in
            guard case YAMLError.duplicateKeys(let keys, let mark) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(keys, ["b", "x"])
            XCTAssertEqual(mark, Mark(line: 2, column: 1))
        }
    }

    func testASecondDocumentIsAnError() throws {
        XCTAssertThrowsError(try compose("a: 1\n---\nb: 2\n")) { error in
            guard case YAMLError.syntax(let problem, let mark, let context) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problem, "but found another document")
            XCTAssertEqual(mark.line, 2)
            XCTAssertEqual(context?.text, "expected a single document in the stream")
        }
    }

    func testSyntaxAndReaderErrorsCarryWhereTheyHappened() throws {
        XCTAssertThrowsError(try compose("a: [1, 2\nb: 3\n")) { error in
            guard case YAMLError.syntax(_, let mark, _) = error else { return XCTFail("\(error)") }
            XCTAssertGreaterThanOrEqual(mark.line, 2)
        }
        XCTAssertThrowsError(try compose("a: ok\nb: x\u{7}y\n")) { error in
            guard case YAMLError.reader(let problem, let offset, let value) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(problem.contains("control characters"), problem)
            XCTAssertEqual(offset, 10)
            XCTAssertEqual(value, 7)
        }
    }

    func testWholeNumbersMayUseUnderscores() {
        XCTAssertEqual(MapReader.wholeNumber("120_000"), 120_000)
        XCTAssertEqual(MapReader.wholeNumber("85000"), 85_000)
        XCTAssertNil(MapReader.wholeNumber("12a"))
        XCTAssertNil(MapReader.wholeNumber("_"))
    }
}
