/// What a screen draws instead of itself when the terminal is smaller than it needs
/// (ncdu's "terminal too small" screen): a clear message, never a crash or a garble.
public struct TooSmallNotice: Sendable {
    public var minimumWidth: Int
    public var minimumHeight: Int
    /// The last line: what the user can do (the screen knows its quit key; this does not).
    public var hint: String

    public init(minimumWidth: Int, minimumHeight: Int, hint: String = "enlarge the window") {
        self.minimumWidth = minimumWidth
        self.minimumHeight = minimumHeight
        self.hint = hint
    }

    /// Whether `area` is too small, i.e. whether to draw this notice instead.
    public func applies(to area: Rect) -> Bool {
        area.width < minimumWidth || area.height < minimumHeight
    }

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let message = [
            StyledLine("Terminal too small", style: .warning),
            StyledLine("need \(minimumWidth)x\(minimumHeight), have \(area.width)x\(area.height)", style: .dim),
            StyledLine(hint, style: .hint),
        ]
        let top = area.y + max(0, (area.height - message.count) / 2)
        for (index, line) in message.enumerated() where top + index < area.bottom {
            let x = area.x + max(0, (area.width - line.width) / 2)
            buffer.putTruncated(line, x: x, y: top + index, maxWidth: area.right - x)
        }
    }
}
