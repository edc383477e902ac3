import CNCursesW
import TerminalKit

extension CursesTerminal {
    /// Shows `buffer`: writes only the cells that changed since the last frame, then
    /// one `doupdate()`, so a frame costs what changed, not the whole screen. After a
    /// resize, Ctrl-L or a suspend every cell is written and curses repaints the
    /// terminal from scratch (`clearok`), which also repairs anything another program
    /// scribbled on the screen.
    /// `cursor` is where the terminal cursor is left: the focused item, which screen
    /// readers, braille displays and magnifiers follow.
    public func present(_ buffer: Buffer, cursor: (x: Int, y: Int)? = nil) {
        guard isStarted else { return }
        let full = needsFullRepaint || presented == nil
            || presented?.width != buffer.width || presented?.height != buffer.height
        let changes = full ? buffer.diff(from: Buffer(width: 0, height: 0)) : buffer.diff(from: presented!)
        if full {
            // Cells the buffer does not cover (it is smaller than a just-grown screen)
            // must not keep stale content.
            werase(rs_stdscr())
            clearok(rs_curscr(), true)
        }
        let columns = Int(rs_cols()), rows = Int(rs_lines())
        var scalars: [wchar_t] = []
        for change in changes where change.y < rows && change.x < columns {
            let cell = change.cell
            // The character before a continuation cell covers it already.
            if cell.isContinuation { continue }
            let (attributes, pair) = cursesAttributes(for: cell.style)
            var width = cell.width
            scalars.removeAll(keepingCapacity: true)
            if change.x + width > columns {
                // The buffer is wider than the screen (a frame racing a resize): never
                // let a wide character wrap onto the next line.
                scalars.append(wchar_t(32))
                width = 1
            } else {
                for scalar in cell.text.unicodeScalars { scalars.append(wchar_t(bitPattern: scalar.value)) }
            }
            _ = rs_put_cluster(Int32(change.y), Int32(change.x), scalars, Int32(scalars.count), Int32(width),
                               attributes, pair)
        }
        if let cursor, cursor.y < rows, cursor.x < columns {
            wmove(rs_stdscr(), Int32(max(0, cursor.y)), Int32(max(0, cursor.x)))
        }
        wnoutrefresh(rs_stdscr())
        doupdate()
        presented = buffer
        needsFullRepaint = false
    }

    /// Curses attributes and colour pair for a style under the current theme, cached
    /// because a frame asks for the same few styles thousands of times.
    func cursesAttributes(for style: Style) -> (attr_t, Int32) {
        if let cached = attributeCache[style] { return cached }
        let a = theme.attributes(for: style)
        var bits = rs_attr_normal()
        if a.bold { bits |= rs_attr_bold() }
        if a.reverse { bits |= rs_attr_reverse() }
        if a.underline { bits |= rs_attr_underline() }
        if a.dim { bits |= rs_attr_dim() }
        let pair = colorCount > 0 ? colorPairs.pair(foreground: a.foreground, background: a.background) : 0
        attributeCache[style] = (bits, pair)
        return (bits, pair)
    }
}

/// Colour pairs allocated on first use. Curses draws colours only as numbered
/// (foreground, background) pairs; a theme needs a few dozen, far below any limit.
struct ColorPairs {
    var hasDefaultColors = true
    var limit = 0
    private var pairs: [Key: Int32] = [:]

    private struct Key: Hashable {
        var foreground: Int32
        var background: Int32
    }

    mutating func pair(foreground: TerminalColor, background: TerminalColor) -> Int32 {
        let key = Key(foreground: number(foreground, isBackground: false),
                      background: number(background, isBackground: true))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        let next = Int32(pairs.count + 1)
        guard Int(next) < limit, init_extended_pair(next, key.foreground, key.background) == rs_ok() else { return 0 }
        pairs[key] = next
        return next
    }

    /// The curses colour number; -1 is the terminal's default, or white on black when the
    /// terminal cannot keep its defaults.
    private func number(_ color: TerminalColor, isBackground: Bool) -> Int32 {
        switch color {
        case .default: return hasDefaultColors ? -1 : (isBackground ? 0 : 7)
        case .index(let n): return Int32(n)
        }
    }
}
