import RoleModel
import TerminalKit

/// How a timeline category is marked on screen: its letter and its style, so a block is
/// told apart by the letter on a monochrome terminal and by colour at a glance.
struct CategoryMark: Hashable, Sendable {
    var letter: String
    var title: String
    var style: Style

    init(catalog: Catalog, id: String) {
        if let index = catalog.categories.firstIndex(where: { $0.id == id }) {
            let category = catalog.categories[index]
            // Blocks, the bar and the legend give the letter exactly one cell: a wide one
            // (会) would push "[B]" to four cells and the text after it out of its column.
            letter = TextWidth.of(category.letter) == 1 ? category.letter : "?"
            title = category.title
            style = .category(index)
        } else {
            letter = "?"
            title = id
            style = .dim
        }
    }

    /// "[B]": how a block's first row and the legend show the category.
    var bracketed: String { "[" + letter + "]" }
}

/// Time spent in each category of one timeline: a stacked bar of category letters, and a
/// legend of letter, title and amount (hours and minutes for a day, days for a week).
struct CategoryLegend {
    var kind: TimelineKind
    var totals: [(mark: CategoryMark, amount: Int)]

    init(timeline: Timeline, catalog: Catalog) {
        kind = timeline.kind
        totals = timeline.timeByCategory.map { (CategoryMark(catalog: catalog, id: $0.category), $0.amount) }
    }

    var total: Int { totals.reduce(0) { $0 + $1.amount } }

    /// "3h 00m" or "45m" for a day; "half a day" or "2.5 days" for a week (half-day units).
    static func amountText(_ amount: Int, kind: TimelineKind) -> String {
        switch kind {
        case .day:
            let hours = amount / 60, minutes = amount % 60
            if hours == 0 { return "\(minutes)m" }
            return "\(hours)h " + (minutes < 10 ? "0" : "") + "\(minutes)m"
        case .week:
            if amount == 1 { return "half a day" }
            let days = amount / 2
            let text = amount % 2 == 0 ? "\(days)" : "\(days).5"
            return text + (amount == 2 ? " day" : " days")
        }
    }

    /// One row: each category's share of `area.width` cells, filled with its letter in its
    /// style reversed, largest first, so the bar reads without colour too.
    func renderBar(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        let cells = Self.allocate(totals.map(\.amount), width: area.width)
        var x = area.x
        for (index, count) in cells.enumerated() where count > 0 {
            let mark = totals[index].mark
            buffer.put(String(repeating: mark.letter, count: count), x: x, y: area.y, style: mark.style.reverse(), maxWidth: count)
            x += count
        }
    }

    /// One line per category: "[B] Build" and, right-aligned, its amount.
    func lines(width: Int) -> [StyledLine] {
        guard width > 0 else { return [] }
        let amounts = totals.map { Self.amountText($0.amount, kind: kind) }
        let amountWidth = amounts.map { TextWidth.of($0) }.max() ?? 0
        return zip(totals, amounts).map { item, amount in
            let titleWidth = max(0, width - 4 - 1 - amountWidth)
            let title = TextWrap.pad(TextWrap.truncate(Sanitizer.clean(item.mark.title, keepNewlines: false), width: titleWidth), to: titleWidth)
            let amountText = String(repeating: " ", count: amountWidth - TextWidth.of(amount)) + amount
            return StyledLine(spans: [Span(item.mark.bracketed, style: item.mark.style), Span(" " + title + " "),
                                      Span(amountText, style: .dim)])
        }
    }

    /// The legend on one line, for narrow layouts: "[B] Build 3h 00m  [A] Analysis 45m".
    func inlineLine(showsAmounts: Bool = true) -> StyledLine {
        var spans: [Span] = []
        for (index, item) in totals.enumerated() {
            if index > 0 { spans.append(Span("  ")) }
            spans.append(Span(item.mark.bracketed, style: item.mark.style))
            spans.append(Span(" " + item.mark.title))
            if showsAmounts { spans.append(Span(" " + Self.amountText(item.amount, kind: kind), style: .dim)) }
        }
        return StyledLine(spans: spans)
    }

    /// Splits `width` cells in proportion to `amounts` (largest remainders get the spare
    /// cells), giving every non-zero amount at least one cell when there are enough.
    static func allocate(_ amounts: [Int], width: Int) -> [Int] {
        let total = amounts.reduce(0, +)
        guard total > 0, width > 0 else { return amounts.map { _ in 0 } }
        var cells = amounts.map { $0 * width / total }
        let nonZero = amounts.filter { $0 > 0 }.count
        if width >= nonZero {
            for index in cells.indices where amounts[index] > 0 && cells[index] == 0 { cells[index] = 1 }
        }
        let remainder = { (index: Int) in (amounts[index] * width) % total }
        let byRemainder = amounts.indices.sorted { remainder($0) != remainder($1) ? remainder($0) > remainder($1) : $0 < $1 }
        var sum = cells.reduce(0, +)
        var cursor = 0
        while sum < width, !byRemainder.isEmpty {
            let index = byRemainder[cursor % byRemainder.count]
            if amounts[index] > 0 { cells[index] += 1; sum += 1 }
            cursor += 1
        }
        while sum > width, let largest = cells.indices.max(by: { cells[$0] < cells[$1] }), cells[largest] > 1 {
            cells[largest] -= 1
            sum -= 1
        }
        return cells
    }
}
