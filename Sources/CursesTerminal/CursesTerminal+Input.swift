import CNCursesW
import Glibc
import TerminalKit

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` (forever when nil) for the next event.
    ///
    /// Returns nil when the time ran out or the wait was interrupted, so the run loop
    /// can tick. Throws `InputClosed` when the input has ended: a loop that kept asking
    /// would otherwise spin on a dead terminal.
    ///
    /// A resize (or coming back from Ctrl-Z) arrives as `.resize` with the
    /// current size, and the next `present` repaints the whole screen.
    public func nextEvent(timeoutMilliseconds: Int? = nil) throws(InputClosed) -> Event? {
        guard isStarted else { throw InputClosed() }
        if resumeIfContinued() { return .resize(width: size.width, height: size.height) }
        var character: wint_t = 0
        var closed: Int32 = 0
        let timeout = timeoutMilliseconds.map { Int32(clamping: max(0, $0)) } ?? -1
        let result = rs_read_key(timeout, &character, &closed)
        if resumeIfContinued() { return .resize(width: size.width, height: size.height) }

        if result == rs_err() {
            // Hang-up: final. "Readable but nothing read": end of file, confirmed over a
            // few calls because a key may have arrived just after the timeout.
            if closed == 2 { throw InputClosed() }
            if closed == 1 {
                suspectedEndOfInput += 1
                if suspectedEndOfInput >= 3 { throw InputClosed() }
            } else {
                suspectedEndOfInput = 0
            }
            return nil
        }
        suspectedEndOfInput = 0
        if result == rs_key_code_yes() { return functionKeyEvent(Int32(bitPattern: character)) }
        return characterEvent(UInt32(character))
    }

    private func characterEvent(_ code: UInt32) -> Event? {
        if let key = Key(controlCode: code) {
            // Ctrl-L is a key like any other: the app's `redraw` action (which a config
            // may move) asks for the full repaint.
            if options.handlesRepaintAndSuspendKeys, key == .ctrl("z") {
                suspend()
                return .resize(width: size.width, height: size.height)
            }
            return .key(key)
        }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        // C1 controls and other invisible characters are not keys anyone means to type.
        if code >= 0x80 && code < 0xA0 { return nil }
        return .key(.char(Character(scalar)))
    }

    private func functionKeyEvent(_ code: Int32) -> Event? {
        switch code {
        case rs_key_resize():
            size = (Int(rs_cols()), Int(rs_lines()))
            needsFullRepaint = true
            // The guard's exit sequence may address the last line, which just moved.
            rs_guard_arm(rs_output_fd(), options.mouse ? 1 : 0)
            return .resize(width: size.width, height: size.height)
        case rs_key_mouse():
            return mouseEvent()
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_ENTER: return .key(.enter)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_BTAB: return .key(.backTab)
        default:
            let function = code - rs_key_f0()
            if function >= 1 && function <= 63 { return .key(.function(Int(function))) }
            return nil
        }
    }

    private func mouseEvent() -> Event? {
        var y: Int32 = 0, x: Int32 = 0
        var state: UInt = 0
        guard rs_get_mouse(&y, &x, &state) == rs_ok() else { return nil }
        let kind: MouseEvent.Kind
        if state & rs_button4_pressed() != 0 {
            kind = .wheelUp
        } else if state & rs_button5_pressed() != 0 {
            kind = .wheelDown
        } else if state & (rs_button1_pressed() | rs_button1_clicked()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(x: Int(x), y: Int(y), kind: kind))
    }
}
