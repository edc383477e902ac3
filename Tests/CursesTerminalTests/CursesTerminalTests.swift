import CursesTerminal
import Foundation
import Glibc
import TerminalKit
import XCTest

/// The terminal layer on a real pseudo-terminal: which TERM values it refuses and how
/// (leaving the terminal untouched), the theme and glyphs it picks, that stop() gives the
/// settings back exactly, and that a terminal that goes away ends input instead of
/// letting a run loop spin.
///
/// curses reads TERM and the locale from the process, so each test sets them and puts
/// them back; the tests in this class never run in parallel with each other.
final class CursesTerminalTests: XCTestCase {
    private var master: Int32 = -1
    private var slave: Int32 = -1
    private var slavePath = ""
    private var saved: [String: String?] = [:]
    private var savedLocale = "C"
    private var terminal: CursesTerminal?

    override func setUpWithError() throws {
        for name in ["TERM", "LC_ALL", "LANG", "NO_COLOR"] { saved[name] = getenv(name).map { String(cString: $0) } }
        savedLocale = String(cString: setlocale(LC_ALL, nil))
        // posix_openpt and friends are not in Swift's Glibc module: the Linux ioctls
        // behind them (TIOCSPTLCK, TIOCGPTN; the same numbers on x86_64 and arm64).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw XCTSkip("no pseudo-terminal available")
        }
        slavePath = "/dev/pts/\(number)"
        // Kept open so closing the master is a hang-up, and to read the settings.
        slave = open(slavePath, O_RDWR | O_NOCTTY)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        unsetenv("NO_COLOR")
        setenv("LC_ALL", "C.UTF-8", 1)
    }

    override func tearDown() {
        terminal?.stop()
        terminal = nil
        if slave >= 0 { close(slave) }
        if master >= 0 { close(master) }
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        setlocale(LC_ALL, savedLocale)
    }

    private func options(term: String) -> CursesTerminal.Options {
        setenv("TERM", term, 1)
        var environment = CursesTerminal.processEnvironment()
        environment["TERM"] = term
        return CursesTerminal.Options(capturesStandardError: false, ttyPath: slavePath, environment: environment)
    }

    /// Everything the program wrote to the terminal since the last call.
    private func written() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &chunk, chunk.count)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    private func settings() -> [UInt8] {
        var mode = termios()
        XCTAssertEqual(tcgetattr(slave, &mode), 0)
        return withUnsafeBytes(of: &mode) { Array($0) }
    }

    /// SGR colour parameters (30-49, 90-107) in the output.
    private func colourParameters(_ bytes: [UInt8]) -> [Int] {
        let text = String(decoding: bytes, as: UTF8.self)
        var found: [Int] = []
        for match in text.matches(of: /\x{1B}\[([0-9;:]*)m/) {
            for part in match.1.split(whereSeparator: { $0 == ";" || $0 == ":" }) {
                if let n = Int(part), (30...49).contains(n) || (90...107).contains(n) { found.append(n) }
            }
        }
        return found
    }

    private func styledFrame(_ terminal: CursesTerminal) -> Buffer {
        var buffer = terminal.makeBuffer()
        buffer.put("Rolescope", x: 0, y: 0, style: .title)
        buffer.put("warning", x: 0, y: 1, style: .warning)
        buffer.put("selected", x: 0, y: 2, style: .selected)
        buffer.put("│ ─ ┌", x: 0, y: 3, style: .border)
        return buffer
    }

    private func start(_ term: String) throws(CursesTerminal.StartError) -> CursesTerminal {
        let terminal = CursesTerminal()
        self.terminal = terminal
        try terminal.start(options(term: term))
        return terminal
    }

    func testAnUnknownTerminalTypeIsRefusedAndTheTerminalLeftUntouched() {
        let before = settings()
        XCTAssertThrowsError(try start("no-such-term")) { error in
            XCTAssertEqual(error as? CursesTerminal.StartError, .unknownTerminalType("no-such-term"))
            XCTAssertTrue("\(error)".contains("TERM=no-such-term"), "\(error)")
            XCTAssertTrue("\(error)".contains("set TERM"), "the message says how to fix it")
        }
        XCTAssertEqual(written(), [], "not one byte reached the terminal")
        XCTAssertEqual(settings(), before)
    }

    func testATerminalThatCannotMoveTheCursorIsRefused() {
        let before = settings()
        XCTAssertThrowsError(try start("dumb")) { error in
            XCTAssertEqual(error as? CursesTerminal.StartError, .noCursorAddressing(term: "dumb"))
        }
        XCTAssertEqual(written(), [])
        XCTAssertEqual(settings(), before)
    }

    func testAnEmptyTerminalTypeIsNoTerminal() {
        XCTAssertThrowsError(try start("")) { error in
            XCTAssertEqual(error as? CursesTerminal.StartError, .noTerminal(term: nil))
        }
        XCTAssertEqual(written(), [])
    }

    func testVT100GetsTheMonochromeThemeAndTheSettingsComeBackExactly() throws {
        let before = settings()
        let terminal = try start("vt100")
        XCTAssertEqual(terminal.colorCount, 0)
        XCTAssertEqual(terminal.theme, .monochrome)
        XCTAssertEqual(terminal.size.width, 80)
        XCTAssertEqual(terminal.size.height, 24)
        XCTAssertNotEqual(settings(), before, "full-screen mode changes the settings (raw, no echo)")
        terminal.present(styledFrame(terminal))
        let output = written()
        XCTAssertTrue(output.contains(0x1B), "the frame is drawn with escape sequences")
        XCTAssertEqual(colourParameters(output), [], "no colour escapes on a terminal without colours")
        terminal.stop()
        _ = written()
        XCTAssertEqual(settings(), before, "stop() gives the settings back exactly")
    }

    func testAColourTerminalGetsColours() throws {
        let terminal = try start("xterm-256color")
        XCTAssertEqual(terminal.colorCount, 256)
        XCTAssertEqual(terminal.theme, .color256)
        terminal.present(styledFrame(terminal))
        XCTAssertFalse(colourParameters(written()).isEmpty, "so the check on vt100 above can fail")
    }

    func testNoColorWins() throws {
        setenv("NO_COLOR", "1", 1)
        let terminal = try start("xterm-256color")
        XCTAssertEqual(terminal.theme, .monochrome)
        terminal.present(styledFrame(terminal))
        XCTAssertEqual(colourParameters(written()), [])
    }

    func testGlyphsFollowTheLocale() throws {
        setenv("LC_ALL", "C", 1)
        let ascii = try start("xterm-256color")
        XCTAssertEqual(ascii.glyphs, .ascii)
        ascii.present(styledFrame(ascii))
        XCTAssertTrue(written().allSatisfy { $0 < 0x80 }, "no byte above 0x7f in the C locale")
        ascii.stop()
        setenv("LC_ALL", "C.UTF-8", 1)
        let unicode = try start("xterm-256color")
        XCTAssertEqual(unicode.glyphs, .unicode)
    }

    func testAClosedTerminalEndsInputInsteadOfSpinning() throws {
        let terminal = try start("xterm-256color")
        terminal.present(styledFrame(terminal))
        _ = written()
        close(master)
        master = -1
        var calls = 0
        var closed = false
        while calls < 20 && !closed {
            calls += 1
            do { _ = try terminal.nextEvent(timeoutMilliseconds: 50) } catch { closed = true }
        }
        XCTAssertTrue(closed, "nextEvent throws InputClosed once the terminal hangs up")
        XCTAssertLessThanOrEqual(calls, 3, "and says so at once, not after polling")
        terminal.stop()
    }

    func testCOLUMNSAndLINESDoNotOverrideTheRealSize() throws {
        // Issue 16, item 4: COLUMNS=5000 LINES=5000 in an 80x24 terminal took gigabytes,
        // and COLUMNS=40000 was reported as an unknown terminal type.
        for (columns, lines) in [("5000", "5000"), ("40000", "30")] {
            setenv("COLUMNS", columns, 1)
            setenv("LINES", lines, 1)
            defer { unsetenv("COLUMNS"); unsetenv("LINES") }
            let terminal = try start("xterm-256color")
            XCTAssertEqual(terminal.size.width, 80)
            XCTAssertEqual(terminal.size.height, 24)
            terminal.stop()
        }
    }

    func testAStrayByteHoldsBackNoKey() throws {
        // Issue 16, item 1: a lone UTF-8 lead byte made curses wait for the rest of a
        // character, swallowing the keys typed after it.
        let terminal = try start("xterm-256color")
        var keys: [Key] = []
        for bytes: [UInt8] in [[0xC3, UInt8(ascii: "2")], [0xC3, 0xA9], [0xE2, 0x82, 0x03]] {
            _ = write(master, bytes, bytes.count)
            for _ in 0..<4 {
                if case .key(let key)? = try terminal.nextEvent(timeoutMilliseconds: 100) { keys.append(key) }
            }
        }
        XCTAssertEqual(keys, [.char("2"), .char("é"), .ctrl("c")])
    }
}
