/// A grid of cells that a screen renders into and a terminal backend presents.
///
/// This is the seam between logic and terminal (Ratatui's `Buffer`): screens and
/// widgets only write here, tests read it back with `lines()`, and the backend writes
/// only what `diff(from:)` says changed. Every string enters through `put`, which runs
/// it through `Sanitizer` once, so content can never emit a raw control sequence.
///
/// Wide characters keep the grid consistent: writing one also writes its continuation
/// cell; overwriting either half of a wide character blanks the other half; and a wide
/// character that would cross the right edge of the area being written is replaced by
/// a space instead of being split.
public struct Buffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// The drawing characters for this terminal; widgets read them from here so a
    /// screen never needs to know whether it is drawing in Unicode or ASCII.
    public var glyphs: Glyphs

    /// The largest buffer drawn: wider or taller than any real terminal window (a 4K
    /// screen in a 6-pixel font is 640 columns). A terminal reporting more gets a frame
    /// of this size in its top-left corner instead of gigabytes of cells.
    public static let maximumWidth = 1024
    public static let maximumHeight = 512

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.width = min(max(0, width), Self.maximumWidth)
        self.height = min(max(0, height), Self.maximumHeight)
        self.glyphs = glyphs
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// Resets every cell to a blank in the normal style.
    public mutating func clear() {
        for index in cells.indices { cells[index] = .blank }
    }

    /// Writes `text` on row `y` from column `x`, in at most `maxWidth` cells (and never
    /// past the right edge). Returns the number of cells used. Control characters are
    /// made visible by `Sanitizer` (a newline shows as `^J`, a tab as a space), so one
    /// call always writes exactly one row. Zero-width clusters (a lone combining mark) are
    /// dropped, because a cell must have a width.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal,
                             maxWidth: Int = Int.max) -> Int {
        guard y >= 0, y < height, maxWidth > 0 else { return 0 }
        let limit = maxWidth >= width - x ? width : x + maxWidth
        var column = x
        for original in Sanitizer.clean(text, keepNewlines: false) {
            // Outside UTF-8 locales, typographic punctuation becomes its one-cell ASCII
            // look-alike instead of mojibake, keeping every layout's widths unchanged.
            let character = glyphs.isUnicode ? original : Glyphs.asciiLookalike(original)
            let cellWidth = TextWidth.of(character)
            if cellWidth == 0 { continue }
            if column + cellWidth > limit {
                // A wide character that would be cut by the edge becomes a space, so the
                // row still reaches the edge and nothing half-drawn is left.
                if column < limit { set(" ", x: column, y: y, style: style); column += 1 }
                break
            }
            if column >= 0 {
                set(String(character), x: column, y: y, style: style, wide: cellWidth == 2)
            } else if column + cellWidth > 0 {
                // The left half is clipped away: show the visible half as a space.
                set(" ", x: 0, y: y, style: style)
            }
            column += cellWidth
        }
        return max(0, column - max(x, 0))
    }

    /// Writes `text` like `put`, but ends it with the glyph set's ellipsis when it does
    /// not fit in `maxWidth`, so the reader can tell text was cut.
    @discardableResult
    public mutating func putTruncated(_ text: String, x: Int, y: Int, style: Style = .normal,
                                      maxWidth: Int) -> Int {
        let clean = Sanitizer.clean(text, keepNewlines: false)
        let shown = TextWrap.truncate(clean, width: maxWidth, ellipsis: glyphs.ellipsis)
        return put(shown, x: x, y: y, style: style, maxWidth: maxWidth)
    }

    /// Fills `rect` (clipped to the buffer) with `character` in `style`. A wide fill
    /// character is replaced by a space, and a control character by `?`, because a fill
    /// must cover every cell exactly once.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        var text = String(character)
        if Sanitizer.clean(text, keepNewlines: false) != text {
            text = "?"
        } else if TextWidth.of(character) != 1 {
            text = " "
        }
        for y in area.y..<area.bottom {
            for x in area.x..<area.right { set(text, x: x, y: y, style: style) }
        }
    }

    /// Changes the style of the cells in `rect`, keeping their text (a selection bar
    /// over an already drawn row).
    public mutating func setStyle(_ style: Style, in rect: Rect) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.bottom {
            for x in area.x..<area.right { cells[y * width + x].style = style }
        }
    }

    /// The text of each row with trailing spaces trimmed, for snapshot tests.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The cells that differ from `previous`, row by row. When the sizes differ every
    /// cell is reported, because the old screen says nothing about the new one.
    public func diff(from previous: Buffer) -> [CellChange] {
        var changes: [CellChange] = []
        let sameSize = previous.width == width && previous.height == height
        for y in 0..<height {
            for x in 0..<width {
                let cell = cells[y * width + x]
                if sameSize && previous.cells[y * width + x] == cell { continue }
                changes.append(CellChange(x: x, y: y, cell: cell))
            }
        }
        return changes
    }

    /// Sets one cell, keeping wide characters whole: either half of a wide character
    /// that gets overwritten takes its partner down with it (as a blank in the partner's
    /// style), so the grid never holds half a character.
    private mutating func set(_ text: String, x: Int, y: Int, style: Style, wide: Bool = false) {
        breakWideCharacter(at: x, y: y)
        cells[y * width + x] = Cell(text, style: style)
        if wide && x + 1 < width {
            breakWideCharacter(at: x + 1, y: y)
            cells[y * width + x + 1] = Cell("", style: style)
        }
    }

    private mutating func breakWideCharacter(at x: Int, y: Int) {
        let index = y * width + x
        let cell = cells[index]
        if cell.isContinuation {
            if x > 0 { cells[index - 1].text = " " }
            cells[index].text = " "
        } else if cell.width == 2, x + 1 < width, cells[index + 1].isContinuation {
            cells[index + 1].text = " "
        }
    }
}
