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
        guard character >= 0x80 else { return characterEvent(UInt32(character)) }
        return inputIsUTF8 ? utf8Event(firstByte: UInt8(truncatingIfNeeded: character)) : localeByteEvent(UInt8(truncatingIfNeeded: character))
    }

    /// The character a non-ASCII byte starts in a UTF-8 locale. The rest of its bytes
    /// arrive together with it; a byte that cannot continue it (a key typed after a
    /// stray byte) is given back to be read as the next key, and a byte that never comes
    /// is waited for only briefly. A broken sequence is ignored.
    private func utf8Event(firstByte: UInt8) -> Event? {
        var decoder = KeyByteDecoder()
        var step = decoder.feed(firstByte)
        while step == .needsMore {
            var next: wint_t = 0
            var closed: Int32 = 0
            let result = rs_read_key(Int32(Self.continuationWaitMilliseconds), &next, &closed)
            if result == rs_err() { return nil }
            if result == rs_key_code_yes() {
                _ = rs_unget_key(Int32(bitPattern: next))
                return nil
            }
            step = decoder.feed(UInt8(truncatingIfNeeded: next))
            if step == .invalidThenReread { _ = rs_unget_key(Int32(bitPattern: next)) }
        }
        if case .character(let scalar) = step { return characterEvent(scalar.value) }
        return nil
    }

    /// How long the rest of a UTF-8 character may take to arrive after its first byte.
    static let continuationWaitMilliseconds = 50

    /// A non-ASCII byte in a locale that is not UTF-8: the locale's character for it, or
    /// nothing when the locale has none (any non-ASCII key under `LANG=C`). Multibyte
    /// locales other than UTF-8 are read a byte at a time, so their characters are lost,
    /// but never the keys after them.
    private func localeByteEvent(_ byte: UInt8) -> Event? {
        let wide = btowc(Int32(byte))
        guard wide != WEOF else { return nil }
        return characterEvent(UInt32(wide))
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
