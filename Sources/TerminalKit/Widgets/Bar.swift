/// A horizontal bar showing a fraction 0...1 in a fixed number of cells.
///
/// In Unicode the end of the bar uses eighth blocks, so 40 cells resolve 320 steps; in
/// ASCII whole `#` cells, rounded. The track is drawn with the glyph set's empty bar
/// so the bar's full length is visible without colour.
public struct Bar: Sendable {
    public var fraction: Double
    public var style: Style
    public var emptyStyle: Style

    public init(_ fraction: Double, style: Style = .bar, emptyStyle: Style = .barEmpty) {
        self.fraction = fraction
        self.style = style
        self.emptyStyle = emptyStyle
    }

    /// The bar's cells, filled ones first, then the track; `filled` counts the cells
    /// drawn in the bar style (including a partial one).
    public static func cells(fraction: Double, width: Int, glyphs: Glyphs) -> (cells: [String], filled: Int) {
        guard width > 0 else { return ([], 0) }
        let clamped = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        var cells: [String] = []
        if glyphs.barEighths.count == 7 {
            let eighths = Int((clamped * Double(width * 8)).rounded())
            cells = Array(repeating: glyphs.barFull, count: eighths / 8)
            if eighths % 8 > 0 { cells.append(glyphs.barEighths[eighths % 8 - 1]) }
        } else {
            cells = Array(repeating: glyphs.barFull, count: Int((clamped * Double(width)).rounded()))
        }
        let filled = cells.count
        return (cells + Array(repeating: glyphs.barEmpty, count: width - filled), filled)
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let (cells, filled) = Bar.cells(fraction: fraction, width: area.width, glyphs: buffer.glyphs)
        for (index, cell) in cells.enumerated() {
            buffer.put(cell, x: area.x + index, y: area.y, style: index < filled ? style : emptyStyle, maxWidth: 1)
        }
    }
}
