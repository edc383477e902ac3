/// A key the user pressed, decoded by the terminal backend.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, backspace, tab, backTab, delete
    /// A control chord; the character is lower case (`ctrl("c")`), or one of `@ [ \ ] ^ _`.
    case ctrl(Character)
    case function(Int)

    /// The key for an ASCII control code (0x00–0x1F, 0x7F), as a raw-mode terminal
    /// sends them. Enter, Tab, Backspace and Escape win over their control-letter twins
    /// (Ctrl-M, Ctrl-I, Ctrl-H, Ctrl-[), because that is what the user meant.
    public init?(controlCode code: UInt32) {
        switch code {
        case 0x0D, 0x0A: self = .enter
        case 0x09: self = .tab
        case 0x08, 0x7F: self = .backspace
        case 0x1B: self = .escape
        case 0x00: self = .ctrl(" ")
        case 0x01...0x1A: self = .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0x1C...0x1F: self = .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        default: return nil
        }
    }

    /// How the key is written in hint bars and help: `j`, `↑`, `PgDn`, `Ctrl-C`, `F1`.
    public func label(_ glyphs: Glyphs = .unicode) -> String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return glyphs.arrowUp
        case .down: return glyphs.arrowDown
        case .left: return glyphs.arrowLeft
        case .right: return glyphs.arrowRight
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .delete: return "Del"
        case .ctrl(" "): return "Ctrl-Space"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .function(let n): return "F\(n)"
        }
    }
}

/// A mouse event in buffer coordinates.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press, wheelUp, wheelDown }

    public var x: Int
    public var y: Int
    public var kind: Kind

    public init(x: Int, y: Int, kind: Kind) {
        self.x = x
        self.y = y
        self.kind = kind
    }
}

/// Everything a screen's `update` can receive.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal has a new size, or must be redrawn whole (after Ctrl-L or a
    /// suspend): re-layout and render everything.
    case resize(width: Int, height: Int)
    /// Time passed without input (when the run loop asks for periodic ticks).
    case tick
}
