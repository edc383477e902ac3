import TerminalKit
import XCTest

/// Typed bytes to characters: a broken UTF-8 sequence costs at most itself (issue 16, item 1).
final class KeyByteDecoderTests: XCTestCase {
    /// Feeds `bytes` as the terminal layer does (a byte marked for rereading is fed again)
    /// and returns the characters, with "�" for each ignored sequence.
    private func decode(_ bytes: [UInt8]) -> String {
        var decoder = KeyByteDecoder()
        var result = ""
        var index = 0
        while index < bytes.count {
            switch decoder.feed(bytes[index]) {
            case .character(let scalar): result.unicodeScalars.append(scalar); index += 1
            case .needsMore: index += 1
            case .invalid: result += "�"; index += 1
            case .invalidThenReread: result += "�" // the same byte again
            }
        }
        if decoder.interrupt() != nil { result += "�" }
        return result
    }

    func testWholeCharactersOfEveryLength() {
        XCTAssertEqual(decode(Array("Zoë 김 😀 q".utf8)), "Zoë 김 😀 q")
    }

    func testAStrayLeadByteDoesNotSwallowTheKeysAfterIt() {
        XCTAssertEqual(decode([0xC3, UInt8(ascii: "2")]), "�2")
        XCTAssertEqual(decode([0xE2, 0x82, UInt8(ascii: "q")]), "�q")
        XCTAssertEqual(decode([0xF0, 0x9F, 0x98, 0x03]), "�\u{3}") // Ctrl-C
        XCTAssertEqual(decode([0xC3, 0x1B, UInt8(ascii: "["), UInt8(ascii: "A")]), "�\u{1B}[A")
        XCTAssertEqual(decode([0xC3, 0xC3, 0xA9]), "�é")
    }

    func testBytesUTF8NeverUsesAreEachOneIgnoredKey() {
        XCTAssertEqual(decode([0x80, 0xFF, 0xC0, 0xAF, UInt8(ascii: "x")]), "����x")
        XCTAssertEqual(decode([0xE0, 0x80, 0x80]), "���") // overlong
        XCTAssertEqual(decode([0xED, 0xA0, 0x80]), "���") // a surrogate
        XCTAssertEqual(decode([0xF4, 0x90, 0x80, 0x80]), "����") // past U+10FFFF
    }

    func testATruncatedSequenceAtTheEndIsOneIgnoredKey() {
        XCTAssertEqual(decode([UInt8(ascii: "a"), 0xE2, 0x82]), "a�")
    }

    func testNoASCIIByteIsEverLost() {
        // Every ASCII byte in any byte stream comes out, in order.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0...0x7F, using: &generator) : UInt8.random(in: 0x80...0xFF, using: &generator)
            }
            let ascii = bytes.filter { $0 < 0x80 }
            let out = decode(bytes).unicodeScalars.filter { $0.isASCII }.map { UInt8($0.value) }
            XCTAssertEqual(out, ascii, "\(bytes)")
        }
    }
}
