import XCTest
@testable import TerminalKit

/// The 8-colour theme's highlights are readable in the two default palettes an 8-colour
/// terminal most likely has (issue 16, item 7): WCAG 2 contrast of at least 4.5:1,
/// computed from the palettes' RGB values. Both xterm and the Linux console draw a bold
/// foreground of colours 0-7 in the bright colour 8-15, which is how bold black on cyan
/// became grey on cyan (2.0:1), so each highlight is checked with and without bold.
final class ContrastTests: XCTestCase {
    /// xterm's defaults (XTerm-col.ad: color0..15).
    static let xterm: [UInt32] = [0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
                                  0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
    /// The Linux console's defaults (drivers/tty/vt/vt.c: default_red/grn/blu).
    static let linux: [UInt32] = [0x000000, 0xAA0000, 0x00AA00, 0xAA5500, 0x0000AA, 0xAA00AA, 0x00AAAA, 0xAAAAAA,
                                  0x555555, 0xFF5555, 0x55FF55, 0xFFFF55, 0x5555FF, 0xFF55FF, 0x55FFFF, 0xFFFFFF]

    static func luminance(_ rgb: UInt32) -> Double {
        func channel(_ value: UInt32) -> Double {
            let c = Double(value & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb)
    }

    static func contrast(_ a: UInt32, _ b: UInt32) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    func testSelectionAndActiveTabMeetFourAndAHalfToOne() {
        for role in [StyleRole.selected, .tabActive] {
            for bold in [false, true] {
                var attributes = Theme.color8.attributes(for: Style(role))
                attributes.bold = attributes.bold || bold
                guard case .index(let fg) = attributes.foreground, case .index(let bg) = attributes.background else {
                    return XCTFail("\(role) should set both colours")
                }
                for (name, palette) in [("xterm", Self.xterm), ("linux", Self.linux)] {
                    let shown = attributes.bold && fg < 8 ? fg + 8 : fg
                    let ratio = Self.contrast(palette[shown], palette[bg])
                    XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(role) bold=\(attributes.bold) in \(name): \(ratio)")
                }
            }
        }
    }
}
