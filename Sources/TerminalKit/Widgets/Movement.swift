/// A named movement through a list or a scrolling text (tig's `REQ_MOVE_*` requests).
/// The app's keys become these; `ListState` and `ViewportState` carry them out, so no
/// screen works out a direction from a key.
public enum Movement: Hashable, Sendable, CaseIterable {
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, first, last

    /// Rows moved for a page of `visibleRows` (one row of context kept), or nil for the ends.
    public func delta(visibleRows: Int) -> Int? {
        let page = max(1, visibleRows - 1)
        let half = max(1, visibleRows / 2)
        switch self {
        case .up: return -1
        case .down: return 1
        case .pageUp: return -page
        case .pageDown: return page
        case .halfPageUp: return -half
        case .halfPageDown: return half
        case .first, .last: return nil
        }
    }
}

extension ListState {
    /// Moves the selection as `movement` says over `count` items, `visibleRows` shown.
    public mutating func apply(_ movement: Movement, count: Int, visibleRows: Int) {
        switch movement {
        case .first: selectFirst(count: count, visibleRows: visibleRows)
        case .last: selectLast(count: count, visibleRows: visibleRows)
        default: move(by: movement.delta(visibleRows: visibleRows) ?? 0, count: count, visibleRows: visibleRows)
        }
    }
}

extension ViewportState {
    /// Scrolls as `movement` says through `contentHeight` lines, `visibleRows` shown.
    public mutating func apply(_ movement: Movement, contentHeight: Int, visibleRows: Int) {
        switch movement {
        case .first: scrollToTop()
        case .last: scrollToBottom(contentHeight: contentHeight, visibleRows: visibleRows)
        default: scroll(by: movement.delta(visibleRows: visibleRows) ?? 0, contentHeight: contentHeight, visibleRows: visibleRows)
        }
    }
}
