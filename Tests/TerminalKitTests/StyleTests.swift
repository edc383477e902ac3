import XCTest
@testable import TerminalKit

final class StyleTests: XCTestCase {
    let themes: [Theme] = [.color256, .color8, .monochrome]

    func testEveryThemeKeepsTheTerminalBackgroundForPlainText() {
        for theme in themes {
            for role in [StyleRole.normal, .dim, .heading, .hint, .key, .border] {
                XCTAssertEqual(theme.attributes(for: Style(role)).background, .default, "\(theme.kind) \(role)")
            }
        }
    }

    func testMonochromeUsesOnlyBoldReverseAndUnderline() {
        for role in StyleRole.allCases {
            let a = Theme.monochrome.attributes(for: Style(role))
            XCTAssertEqual(a.foreground, .default)
            XCTAssertEqual(a.background, .default)
            XCTAssertFalse(a.dim)
        }
    }

    func testMonochromeStillDistinguishesWhatMatters() {
        let mono = Theme.monochrome
        let normal = mono.attributes(for: .normal)
        for role in [StyleRole.selected, .heading, .key, .tabActive, .error] {
            XCTAssertNotEqual(mono.attributes(for: Style(role)), normal, "\(role)")
        }
        XCTAssertNotEqual(mono.attributes(for: .selected), mono.attributes(for: .selectedInactive))
        XCTAssertNotEqual(mono.attributes(for: .heading), mono.attributes(for: .key))
        let categories = (0..<8).map { mono.attributes(for: .category($0)) }
        XCTAssertEqual(Set(categories).count, 8)
        // A reversed full block would look empty, so bars must not be reversed.
        XCTAssertFalse(mono.attributes(for: .bar).reverse)
    }

    func testColourThemesGiveEightDistinctCategories() {
        for theme in [Theme.color256, .color8] {
            XCTAssertEqual(Set((0..<8).map { theme.attributes(for: .category($0)) }).count, 8, "\(theme.kind)")
            XCTAssertNotEqual(theme.attributes(for: .selected), theme.attributes(for: .normal))
        }
    }

    func testCategoriesWrapAround() {
        XCTAssertEqual(Style.category(9), Style.category(1))
        XCTAssertEqual(Style.category(-1), Style.category(7))
    }

    func testModifiersAddToTheRole() {
        let a = Theme.color256.attributes(for: Style.normal.bold().underline())
        XCTAssertTrue(a.bold)
        XCTAssertTrue(a.underline)
        XCTAssertFalse(a.reverse)
        XCTAssertTrue(Theme.monochrome.attributes(for: Style.heading.reverse()).reverse)
    }

    func testDetectionFollowsColourCountAndNoColor() {
        XCTAssertEqual(Theme.detect(colors: 256).kind, .color256)
        XCTAssertEqual(Theme.detect(colors: 16).kind, .color8)
        XCTAssertEqual(Theme.detect(colors: 2).kind, .monochrome)
        XCTAssertEqual(Theme.detect(colors: 256, noColor: true).kind, .monochrome)
        XCTAssertEqual(Theme.detect(colors: 256, environment: ["NO_COLOR": "1"]).kind, .monochrome)
        XCTAssertEqual(Theme.detect(colors: 256, environment: ["NO_COLOR": ""]).kind, .color256)
    }

    func testGlyphsFollowTheCodeset() {
        XCTAssertTrue(Glyphs.forCodeset("UTF-8").isUnicode)
        XCTAssertTrue(Glyphs.forCodeset("utf8").isUnicode)
        XCTAssertFalse(Glyphs.forCodeset("ANSI_X3.4-1968").isUnicode)
        XCTAssertFalse(Glyphs.forCodeset("ISO-8859-1").isUnicode)
    }

    func testAsciiGlyphsAreAscii() {
        let g = Glyphs.ascii
        let all = [g.horizontal, g.vertical, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight, g.barFull,
                   g.barEmpty, g.arrowUp, g.arrowDown, g.arrowLeft, g.arrowRight, g.ellipsis, g.bullet,
                   g.pointer, g.separator, g.scrollTrack, g.scrollThumb] + g.barEighths
        XCTAssertTrue(all.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    func testUnicodeGlyphsAreOneCellWide() {
        let g = Glyphs.unicode
        let all = [g.horizontal, g.vertical, g.topLeft, g.barFull, g.barEmpty, g.arrowUp, g.ellipsis,
                   g.bullet, g.pointer, g.separator, g.scrollTrack, g.scrollThumb] + g.barEighths
        XCTAssertTrue(all.allSatisfy { TextWidth.of($0) == 1 })
    }
}
