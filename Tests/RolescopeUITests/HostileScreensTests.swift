import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RolescopeUI

/// Every screen of the app, rendered from Tests/Fixtures/hostile (every string full of
/// escape sequences, C1 controls, bidi overrides and zero-width characters): no cell may
/// hold such a character, wide characters stay whole, and the hostile text is visibly
/// there. The curses backend writes cell text only, so a clean buffer is a clean terminal.
final class HostileScreensTests: XCTestCase {
    static let hostile = AppSnapshotTests.fixtures.appendingPathComponent("hostile")

    /// Scalars that must never be in a cell, listed here rather than taken from
    /// `Sanitizer` so the test does not trust the code it checks. (The hostile fixture
    /// has no emoji, so a zero-width joiner in a cell is a leak too.)
    static func forbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0xAD, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B...0x200F, 0x2028...0x202E,
             0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default: return false
        }
    }

    /// Checks one rendered frame; returns its text.
    @discardableResult
    static func check(_ buffer: Buffer, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if let bad = cell.text.unicodeScalars.first(where: forbidden) {
                    XCTFail("\(what): cell (\(x), \(y)) holds U+\(String(bad.value, radix: 16, uppercase: true))", file: file, line: line)
                    return ""
                }
                XCTAssertLessThanOrEqual(cell.text.count, 1, "\(what): one character per cell at (\(x), \(y))", file: file, line: line)
                if cell.width == 2 {
                    XCTAssertTrue(x + 1 < buffer.width && buffer[x + 1, y].isContinuation,
                                  "\(what): wide character at (\(x), \(y)) without its second half", file: file, line: line)
                }
                if cell.isContinuation {
                    XCTAssertTrue(x > 0 && buffer[x - 1, y].width == 2,
                                  "\(what): continuation cell at (\(x), \(y)) without a wide character", file: file, line: line)
                }
            }
        }
        return buffer.lines().joined(separator: "\n")
    }

    /// Feeds `keys` to a fresh app of the given size, rendering and checking after each.
    /// Returns every frame's text.
    func frames(_ keys: [Key], width: Int, height: Int, glyphs: Glyphs = .unicode,
                file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        var model = AppModel(catalog: try CatalogLoader.load(directory: Self.hostile), width: width, height: height)
        var buffer = Buffer(width: width, height: height, glyphs: glyphs)
        model.render(into: &buffer)
        var texts = [Self.check(buffer, "start \(width)x\(height)", file: file, line: line)]
        for (index, key) in keys.enumerated() {
            if model.update(.key(key)) == .quit { break }
            buffer = Buffer(width: width, height: height, glyphs: glyphs)
            model.render(into: &buffer)
            texts.append(Self.check(buffer, "after key \(index + 1) (\(key)) at \(width)x\(height)", file: file, line: line))
        }
        return texts
    }

    static let sizes = [(80, 24), (120, 40), (60, 16)]

    func testRolesListAndProfile() throws {
        let keys: [Key] = [.char("j"), .char("k"), .enter] + Array(repeating: .pageDown, count: 12)
            + [.char("]"), .char("]"), .char("["), .char("G"), .char("q"), .char("j"), .enter]
        for (width, height) in Self.sizes {
            let texts = try frames(keys, width: width, height: height)
            XCTAssertTrue(texts.contains { $0.contains("Roles ›") && $0.contains("PWN") }, "the profile shows the hostile title")
            XCTAssertTrue(texts.joined().contains("^[]0;PWN-title^G"))
            XCTAssertTrue(texts.joined().contains("<U+202E>PWN-evil"))
        }
    }

    func testCompareRowsDetailsChooserAndToggles() throws {
        let keys: [Key] = [.char("2")] + Array(repeating: .char("j"), count: 10)
            + [.enter, .pageDown, .pageDown, .escape, .char("g"), .enter, .escape, .char("d"), .char("s"), .char("d"),
               .char("r"), .char("j"), .char("x"), .char("k"), .escape, .char("o"), .char("G"), .char("t")]
        for (width, height) in Self.sizes {
            let texts = try frames(keys, width: width, height: height)
            XCTAssertTrue(texts.contains { $0.contains("Compare ›") && $0.contains("PWN") })
        }
        _ = try frames(keys, width: 80, height: 24, glyphs: .ascii)
    }

    func testQuestionnaireQuestionsTrailAndEveryResult() throws {
        // Chooser, then each path through the fixture's questionnaire to its outcome,
        // reading the whole result, then back and restart.
        var keys: [Key] = [.char("3")]
        for path in [["1", "1", "1"], ["1", "1", "2"], ["1", "2"], ["2"]] {
            keys += [.enter] + answerKeys(path.joined()) + Array(repeating: .pageDown, count: 8)
            keys += [.char("["), .char("]"), .backspace, .char("R"), .escape, .char("q")]
        }
        for (width, height) in Self.sizes {
            let texts = try frames(keys, width: width, height: height)
            XCTAssertTrue(texts.contains { $0.contains("Why we ask") && $0.contains("PWN") }, "a question was shown")
            XCTAssertTrue(texts.contains { $0.contains("Recommended") && $0.contains("PWN") }, "a result was shown")
        }
    }

    func testTimelineDayWeekPairAndDetails() throws {
        let keys: [Key] = [.char("4"), .char("j"), .char("j"), .enter, .pageDown, .escape, .char("w"), .char("j"), .enter,
                           .escape, .char("w"), .char("c"), .char("]"), .char("j"), .enter, .escape, .char("c"), .char("]"),
                           .char("w"), .char("G")]
        for (width, height) in Self.sizes {
            let texts = try frames(keys, width: width, height: height)
            XCTAssertTrue(texts.contains { $0.contains("Timeline ›") && $0.contains("PWN") })
        }
    }

    func testSearchOverlayWithAHostileQueryAndHelp() throws {
        let typed = "PWN\u{1B}]0;x\u{07}\u{9B}31m\u{9D}\u{202E}\u{2066}\u{200B}\u{FEFF}\u{08}\r\u{7F}\u{85}"
        var keys: [Key] = [.char("/")] + typed.map { .char($0) }
        keys += [.down, .down, .up, .enter, .char("n"), .char("N"), .char("/"), .char("P"), .char("W"), .char("N"),
                 .pageDown, .escape, .char("?"), .pageDown, .pageDown, .escape]
        for (width, height) in Self.sizes {
            let texts = try frames(keys, width: width, height: height)
            XCTAssertTrue(texts.contains { $0.contains("^[]0;x^G<U+009B>31m<U+009D><U+202E>") }, "the typed query is shown, sanitized")
            XCTAssertTrue(texts.contains { $0.contains("Everywhere") }, "the help overlay was shown")
        }
    }

    /// A long seeded random walk over every key the screens use, with resizes between,
    /// to reach states no script thought of.
    func testRandomWalkOverEveryKey() throws {
        let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .enter, .escape, .backspace, .tab,
                           .backTab, .ctrl("d"), .ctrl("u")]
            + "1234jkgGlhqcdtswro[] ?/xnNbPW".map { .char($0) }
        var generator = SplitMix(seed: 6)
        var model = AppModel(catalog: try CatalogLoader.load(directory: Self.hostile), width: 80, height: 24)
        var (width, height) = (80, 24)
        for step in 0..<600 {
            if step % 60 == 59 {
                (width, height) = [(80, 24), (61, 17), (140, 45), (100, 30)][Int(generator.next() % 4)]
                _ = model.update(.resize(width: width, height: height))
            }
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            if model.update(.key(key)) == .quit {
                model = AppModel(catalog: model.catalog, width: width, height: height)
            }
            var buffer = Buffer(width: width, height: height)
            model.render(into: &buffer)
            Self.check(buffer, "random walk step \(step) (\(key))")
        }
    }
}

/// A small deterministic generator, so a failing walk can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
