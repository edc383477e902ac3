/// One terminal cell: a grapheme cluster and the style it is drawn in.
///
/// A wide character (`日`, most emoji) occupies two cells: the first holds the
/// character, the second is a *continuation* cell whose text is `""`. Keeping the
/// continuation explicit lets the diff and the backend reason cell by cell.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String = " ", style: Style = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()

    /// True for the second half of a wide character.
    public var isContinuation: Bool { text.isEmpty }

    /// Cells this cell's character covers: 0 for a continuation, else 1 or 2.
    public var width: Int {
        // One printable ASCII character: a single cell (the common case, checked first
        // because every write to a cell asks whether it is half of a wide character).
        if text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20 && byte < 0x7F { return 1 }
        return text.isEmpty ? 0 : max(1, TextWidth.of(text))
    }
}

/// A cell that differs between two buffers, as `Buffer.diff(from:)` reports it.
public struct CellChange: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell

    public init(x: Int, y: Int, cell: Cell) {
        self.x = x
        self.y = y
        self.cell = cell
    }
}
