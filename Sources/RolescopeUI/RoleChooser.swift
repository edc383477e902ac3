import RoleModel
import TerminalKit

/// The overlay where the user picks the two to four roles to compare. It keeps the
/// order roles were chosen in (kept roles first, new ones after), which is the order of
/// the columns, so "the first two roles" stays predictable.
struct RoleChooser: Hashable, Sendable {
    enum Outcome: Hashable, Sendable {
        case stay
        case apply([String])
        case cancel
    }

    static let allowed = 2...4

    /// The role ids ticked, in column order.
    var chosen: [String]
    var list = ListState()
    /// Why the last key did nothing ("choose at least 2"), until the next key.
    var message: String?

    init(chosen: [String]) {
        self.chosen = chosen
    }

    static let commands = [
        Command(.down, "next role", hint: false), Command(.up, "previous role", hint: false),
        Command(.first, "first role", hint: false), Command(.last, "last role", hint: false),
        Command(.tick, "tick or untick"), Command(.open, "compare the ticked roles"),
        Command(.back, "cancel"), Command(.quit, "cancel", hint: false),
    ]

    mutating func perform(_ action: Action, roles: [Role]) -> Outcome {
        message = nil
        if let movement = action.movement {
            list.apply(movement, count: roles.count, visibleRows: roles.count)
            return .stay
        }
        switch action {
        case .tick:
            if let index = list.selected, index < roles.count { toggle(roles[index].id) }
        case .open:
            guard Self.allowed.contains(chosen.count) else {
                message = chosen.count < Self.allowed.lowerBound
                    ? "Tick at least \(Self.allowed.lowerBound) roles to compare (\(chosen.count) ticked)."
                    : "Tick at most \(Self.allowed.upperBound) roles (\(chosen.count) ticked)."
                return .stay
            }
            return .apply(chosen)
        case .back, .quit: return .cancel
        default: break
        }
        return .stay
    }

    mutating func toggle(_ id: String) {
        if let index = chosen.firstIndex(of: id) {
            chosen.remove(at: index)
        } else if chosen.count >= Self.allowed.upperBound {
            message = "At most \(Self.allowed.upperBound) roles fit side by side: untick one first."
        } else {
            chosen.append(id)
        }
    }

    // MARK: Drawing

    /// The overlay's box inside the screen's area.
    static func frame(in area: Rect, roleCount: Int) -> Rect {
        area.centered(width: min(area.width - 2, 50), height: min(area.height, roleCount + 5))
    }

    /// The area of the role list inside the box.
    static func listArea(in frame: Rect) -> Rect {
        let inner = Box.inner(frame).inset(horizontal: 1)
        return inner.splitBottom(min(3, max(0, inner.height - 1))).rest
    }

    func render(into buffer: inout Buffer, area: Rect, roles: [Role]) {
        let frame = Self.frame(in: area, roleCount: roles.count)
        guard frame.width >= 8, frame.height >= 3 else { return }
        clearBehind(frame, frame: area, in: &buffer)
        Box(title: "Roles to compare").render(into: &buffer, area: frame)
        let listArea = Self.listArea(in: frame)
        let items = roles.map { role -> StyledLine in
            let position = chosen.firstIndex(of: role.id)
            var spans = [Span(position == nil ? "[ ] " : "[x] ", style: position == nil ? .normal : .accent),
                         Span(role.title)]
            if let position { spans.append(Span("  column \(position + 1)", style: .dim)) }
            return StyledLine(spans: spans)
        }
        ListView(items).render(into: &buffer, area: listArea, state: list)
        let inner = Box.inner(frame).inset(horizontal: 1)
        let status = Rect(x: inner.x, y: listArea.bottom + 1, width: inner.width, height: max(0, inner.bottom - listArea.bottom - 1))
        let text = message ?? "Tick \(Self.allowed.lowerBound) to \(Self.allowed.upperBound) roles, then Enter. \(chosen.count) ticked."
        let lines = CellWriter.wrap([Span(text, style: message == nil ? .hint : .warning)], width: status.width)
        for (index, line) in lines.prefix(status.height).enumerated() {
            buffer.putTruncated(line, x: status.x, y: status.y + index, maxWidth: status.width)
        }
    }

    /// A click on a role ticks or unticks it.
    mutating func click(x: Int, y: Int, area: Rect, roles: [Role]) {
        let listArea = Self.listArea(in: Self.frame(in: area, roleCount: roles.count))
        guard listArea.contains(x: x, y: y),
              let index = ListView(roles.map { StyledLine($0.title) }).index(atRow: y, area: listArea, state: list)
        else { return }
        message = nil
        list.select(index, count: roles.count)
        toggle(roles[index].id)
    }
}
