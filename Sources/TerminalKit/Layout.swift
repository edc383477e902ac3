/// How much room one area of a split asks for.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less if there is not enough room).
    case length(Int)
    /// `p` percent of the whole space being split (0...100).
    case percent(Int)
    /// At least `n` cells, and a share of what is left over like `.fill(1)`.
    case min(Int)
    /// A share of what is left after the fixed areas, in proportion to `weight`.
    case fill(Int)
}

/// Splits a rectangle into areas by constraints (Ratatui's `Layout`).
///
/// Fixed demands (`length`, `percent`, the floor of `min`) are met first, in order; if
/// they do not all fit, later ones get less, down to zero. What remains is shared by
/// `fill` and `min` areas by weight, with the rounding remainder going to the first
/// ones. No area is ever negative and the areas never exceed the rectangle.
///
///     let areas = Layout.vertical([.length(1), .fill(1), .length(1)]).split(screen)
///     let (header, body, footer) = (areas[0], areas[1], areas[2])
public struct Layout: Hashable, Sendable {
    public enum Direction: Hashable, Sendable { case vertical, horizontal }

    public var direction: Direction
    public var constraints: [Constraint]
    /// Cells left empty between neighbouring areas.
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = max(0, spacing)
    }

    /// Areas stacked top to bottom.
    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.vertical, constraints, spacing: spacing)
    }

    /// Areas side by side, left to right.
    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.horizontal, constraints, spacing: spacing)
    }

    /// One rectangle per constraint, in order.
    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .vertical ? area.height : area.width
        let sizes = Layout.sizes(constraints, total: total, spacing: spacing)
        var rects: [Rect] = []
        var offset = 0
        for size in sizes {
            let start = Swift.min(offset, total)
            switch direction {
            case .vertical: rects.append(Rect(x: area.x, y: area.y + start, width: area.width, height: size))
            case .horizontal: rects.append(Rect(x: area.x + start, y: area.y, width: size, height: area.height))
            }
            offset = start + size + spacing
        }
        return rects
    }

    /// The size of each area along the split direction; they sum to at most `total`.
    public static func sizes(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let gaps = Swift.max(0, spacing) * (constraints.count - 1)
        var remaining = Swift.max(0, total - gaps)
        let whole = remaining
        var sizes = Array(repeating: 0, count: constraints.count)
        for (index, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .length(let n): wanted = n
            case .percent(let p): wanted = whole * Swift.min(Swift.max(p, 0), 100) / 100
            case .min(let n): wanted = n
            case .fill: wanted = 0
            }
            let granted = Swift.min(Swift.max(0, wanted), remaining)
            sizes[index] = granted
            remaining -= granted
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let w): return Swift.max(0, w)
            case .min: return 1
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        guard weightSum > 0, remaining > 0 else { return sizes }
        var handedOut = 0
        for index in sizes.indices where weights[index] > 0 {
            let share = remaining * weights[index] / weightSum
            sizes[index] += share
            handedOut += share
        }
        var leftover = remaining - handedOut
        for index in sizes.indices where weights[index] > 0 && leftover > 0 {
            sizes[index] += 1
            leftover -= 1
        }
        return sizes
    }
}

extension Rect {
    /// Splits this rectangle top to bottom by `constraints`.
    public func splitVertically(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.vertical(constraints, spacing: spacing).split(self)
    }

    /// Splits this rectangle left to right by `constraints`.
    public func splitHorizontally(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout.horizontal(constraints, spacing: spacing).split(self)
    }
}
