import CNCursesW
import Glibc
import TerminalKit

/// The one place that owns the terminal (htop's `CRT.c`): curses set-up and tear-down,
/// capabilities, input events and presenting a `Buffer`. Nothing else in Rolescope
/// imports curses, and nothing here knows about roles.
///
/// A terminal is never left broken: `stop()` restores it exactly; SIGTERM, SIGHUP,
/// SIGINT and SIGQUIT restore it and then end the process by the default action; a
/// crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, which includes Swift
/// traps) restores it before the crash report; Ctrl-Z or SIGTSTP suspends cleanly and
/// SIGCONT repaints everything. Those handlers live in C (`tty_guard.c`) because only
/// async-signal-safe calls are allowed there.
///
/// Use from one thread (the main run loop).
public final class CursesTerminal {
    /// Choices the user or the run loop can make about the session.
    public struct Options: Sendable {
        /// Forces the monochrome theme (`--no-color`); `NO_COLOR` in the environment does too.
        public var noColor: Bool
        /// Reports clicks and the wheel. Off leaves the terminal's own text selection alone.
        public var mouse: Bool
        /// Draws with ASCII glyphs even in a UTF-8 locale.
        public var asciiOnly: Bool
        /// How long a lone Escape waits for the rest of an escape sequence.
        public var escapeDelayMilliseconds: Int
        /// Handles Ctrl-Z (suspend) here, as every terminal program does, reporting the
        /// return to the screen as `.resize` so it re-renders.
        public var handlesRepaintAndSuspendKeys: Bool
        /// Holds back stderr while the screen is ours and prints it after (see tty_guard.c),
        /// so a stray warning cannot garble the screen or vanish with the alternate screen.
        public var capturesStandardError: Bool
        /// The terminal device; `nil` uses stdin/stdout.
        public var ttyPath: String?
        public var environment: [String: String]
        /// Shows the terminal cursor where `present` puts it (on the focused item). Hidden,
        /// it is still moved there, for screen readers and magnifiers that follow it.
        public var cursorVisible = false

        public init(noColor: Bool = false, mouse: Bool = true, asciiOnly: Bool = false,
                    escapeDelayMilliseconds: Int = 25, handlesRepaintAndSuspendKeys: Bool = true,
                    capturesStandardError: Bool = true, ttyPath: String? = "/dev/tty",
                    environment: [String: String] = CursesTerminal.processEnvironment()) {
            self.noColor = noColor
            self.mouse = mouse
            self.asciiOnly = asciiOnly
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.handlesRepaintAndSuspendKeys = handlesRepaintAndSuspendKeys
            self.capturesStandardError = capturesStandardError
            self.ttyPath = ttyPath
            self.environment = environment
        }
    }

    /// Why full-screen mode did not start. In every case the terminal was left untouched.
    public enum StartError: Error, CustomStringConvertible, Equatable {
        case alreadyStarted
        /// No terminal to draw on: no /dev/tty, and stdin/stdout are not terminals.
        case noTerminal(term: String?)
        /// `TERM` names a terminal type with no terminfo entry on this system (a typo, or
        /// a terminal's own type on a remote host that lacks its entry).
        case unknownTerminalType(String)
        /// The terminal type cannot move the cursor (`TERM=dumb`, an editor's shell
        /// buffer, a hardcopy terminal): no full screen is possible, plain text is.
        case noCursorAddressing(term: String)

        public var description: String {
            switch self {
            case .alreadyStarted: return "the terminal is already in full-screen mode"
            case .noTerminal(let term):
                return "cannot start full-screen mode: no usable terminal (TERM=\(term ?? "unset")); "
                    + "run it in an interactive terminal, or use the plain-text commands"
            case .unknownTerminalType(let term):
                return "unknown terminal type TERM=\(term) (no terminfo entry on this system); "
                    + "set TERM to your terminal's type, e.g. TERM=xterm-256color, or run a plain-text command (see --help)"
            case .noCursorAddressing(let term):
                return "the terminal type TERM=\(term) cannot move the cursor, so there is no full screen; "
                    + "use the plain-text commands"
            }
        }
    }

    /// The input is gone (end of file, a closed terminal): the app should quit, since
    /// waiting for more keys would spin or hang.
    public struct InputClosed: Error, Sendable {}

    public internal(set) var isStarted = false
    /// The terminal size in cells.
    public internal(set) var size: (width: Int, height: Int) = (0, 0)
    public internal(set) var theme: Theme = .monochrome
    public internal(set) var glyphs: Glyphs = .ascii
    /// Number of colours the terminal reported (0 when colours are not used).
    public internal(set) var colorCount = 0

    var options = Options()
    var inputFD: Int32 = -1
    /// The last buffer written to curses; present() sends only the difference.
    var presented: Buffer?
    var needsFullRepaint = true
    var suspectedEndOfInput = 0
    /// Whether typed bytes are UTF-8 (the locale's codeset), decoded by `KeyByteDecoder`.
    var inputIsUTF8 = true
    var colorPairs = ColorPairs()
    var attributeCache: [Style: (attr_t, Int32)] = [:]

    public init() {}

    deinit { stop() }

    /// Takes over the terminal: alternate screen, raw keys, no echo, hidden cursor.
    public func start(_ options: Options = Options()) throws(StartError) {
        guard !isStarted else { throw .alreadyStarted }
        self.options = options
        // Before curses starts, so it measures characters in the user's locale.
        setlocale(LC_ALL, "")
        let fd = options.ttyPath.map { rs_open_terminal($0) } ?? rs_open_terminal(nil)
        let term = options.environment["TERM"] ?? ""
        if Int(fd) == Int(RS_OPEN_UNKNOWN_TERMINAL_TYPE) {
            // curses looks up "unknown" when TERM is unset or empty: no type was given at all.
            throw term.isEmpty ? .noTerminal(term: nil) : .unknownTerminalType(term)
        }
        if Int(fd) == Int(RS_OPEN_NO_CURSOR_ADDRESSING) { throw .noCursorAddressing(term: term) }
        guard fd >= 0 else { throw .noTerminal(term: options.environment["TERM"]) }
        inputFD = fd
        isStarted = true

        // raw, not cbreak: Ctrl-C, Ctrl-Z and Ctrl-S arrive as keys instead of signals or
        // flow control. Signals sent from outside still reach the guard.
        raw()
        noecho()
        nonl()
        keypad(rs_stdscr(), true)
        // The cursor is placed on the focused item after every frame (see `present`).
        leaveok(rs_stdscr(), false)
        set_escdelay(Int32(options.escapeDelayMilliseconds))
        curs_set(options.cursorVisible ? 1 : 0)

        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        inputIsUTF8 = Glyphs.forCodeset(codeset) == .unicode
        glyphs = options.asciiOnly ? .ascii : Glyphs.forCodeset(codeset)
        configureColors()
        if options.mouse { rs_enable_mouse(1) }
        // Again, now that the modes are final: SIGCONT restores these, and the exit
        // sequence now includes switching the mouse off.
        rs_guard_arm(rs_output_fd(), options.mouse ? 1 : 0)
        if options.capturesStandardError { rs_guard_capture_stderr() }

        size = (Int(rs_cols()), Int(rs_lines()))
        presented = nil
        needsFullRepaint = true
        suspectedEndOfInput = 0
        _ = rs_guard_take_resume() // a stop before this session is not this session's
    }

    /// Gives the terminal back exactly as it was. Safe to call more than once.
    public func stop() {
        guard isStarted else { return }
        isStarted = false
        // Handlers first, so a signal arriving now cannot run the guard on a closed screen.
        rs_guard_disarm()
        if options.mouse { rs_enable_mouse(0) }
        rs_close_terminal()
        rs_guard_release_stderr()
        presented = nil
    }

    /// While held, SIGTERM and SIGHUP end `nextEvent`'s wait instead of the program, and
    /// `exitRequest` names the signal, so the app can save its view before it goes.
    public func holdExitSignals(_ hold: Bool) { rs_guard_hold_exit_signals(hold ? 1 : 0) }

    /// The SIGTERM or SIGHUP held for the run loop, if one came.
    public var exitRequest: Int32? {
        let signal = rs_guard_take_exit_request()
        return signal == 0 ? nil : signal
    }

    /// Ends the program by `signal`'s default action, as if it had not been held.
    public static func die(of signal: Int32) -> Never {
        rs_guard_die_of(signal)
        fatalError("unreachable: the signal's default action ends the program")
    }

    /// Whether the terminal says (terminfo's `Ms`) that it takes clipboard copies sent as
    /// OSC 52, as xterm, tmux (with `set-clipboard on`), kitty and others do.
    public var canCopyToClipboard: Bool { isStarted && rs_has_string_capability("Ms") != 0 }

    /// Puts `text` on the system clipboard through OSC 52, which works over SSH and in tmux.
    /// Written straight to the terminal between frames; curses' picture of the screen is
    /// unchanged by it.
    public func copyToClipboard(_ text: String) {
        guard isStarted else { return }
        let sequence = "\u{1B}]52;c;" + Self.base64(Array(text.utf8)) + "\u{07}"
        let bytes = Array(sequence.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBufferPointer { write(rs_output_fd(), $0.baseAddress, $0.count) }
            if n <= 0 { break }
            written += n
        }
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(table[Int(b0 >> 2)])
            out.append(table[Int((b0 & 0x03) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? table[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? table[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// An empty buffer the size of the terminal, with its glyphs: what a frame starts from.
    public func makeBuffer() -> Buffer {
        Buffer(width: size.width, height: size.height, glyphs: glyphs)
    }

    /// Makes the next `present` repaint every cell (after the screen was disturbed).
    public func requestFullRepaint() {
        needsFullRepaint = true
    }

    /// Stops the process as Ctrl-Z would; returns after the user continues it, with the
    /// screen repainted from the last presented buffer.
    public func suspend() {
        guard isStarted else { return }
        rs_guard_suspend()
        _ = resumeIfContinued()
    }

    /// After SIGCONT: re-enter full-screen mode and repaint what was on screen.
    /// Returns true when the process had been stopped.
    func resumeIfContinued() -> Bool {
        guard rs_guard_take_resume() != 0 else { return false }
        // endwin then a refresh is curses' documented way back: it re-sends the
        // alternate screen, keypad, mouse and cursor modes, and clearok repaints all.
        rs_resume_screen()
        curs_set(options.cursorVisible ? 1 : 0)
        size = (Int(rs_cols()), Int(rs_lines()))
        needsFullRepaint = true
        return true
    }

    private func configureColors() {
        colorPairs = ColorPairs()
        attributeCache = [:]
        let noColor = options.noColor || !(options.environment["NO_COLOR"] ?? "").isEmpty
        guard !noColor, has_colors() else {
            colorCount = 0
            theme = .monochrome
            return
        }
        start_color()
        // Keeps the terminal's own background (and foreground) as "default".
        colorPairs.hasDefaultColors = use_default_colors() == rs_ok()
        colorCount = Int(rs_colors())
        colorPairs.limit = Int(rs_color_pairs())
        theme = Theme.detect(colors: colorCount)
    }

    /// The process environment as a dictionary (the default for `Options.environment`).
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
