import RoleModel
import TerminalKit

/// One scale for every pay figure in a row, so bars in different columns can be read
/// against each other: 0 at the left edge, a round number at least as high as the
/// highest figure at the right.
struct PayAxis: Hashable, Sendable {
    let maximum: Int
    let currency: String
    let period: String

    /// The axis for `figures`, over those in the same currency and period as the first
    /// (figures in another currency or period get no bar rather than a wrong one).
    init?(_ figures: [MoneyRange]) {
        guard let first = figures.first else { return nil }
        let comparable = figures.filter { $0.currency == first.currency && $0.period == first.period }
        let top = comparable.map(\.top).max() ?? 0
        guard top > 0 else { return nil }
        var maximum = Self.roundUp(top)
        // An open-ended figure at the very top needs room for its arrow.
        if comparable.contains(where: { $0.openEnded && $0.top * 20 > maximum * 19 }) {
            maximum = Self.roundUp(maximum + maximum / 10)
        }
        self.maximum = maximum
        currency = first.currency
        period = first.period
    }

    func covers(_ money: MoneyRange) -> Bool { money.currency == currency && money.period == period }

    /// The next "round" amount at or above `value`: a multiple of half its leading power of ten.
    static func roundUp(_ value: Int) -> Int {
        guard value > 10 else { return max(1, value) }
        var power = 1
        while power * 10 <= value { power *= 10 }
        let step = max(1, power / 2)
        return (value + step - 1) / step * step
    }

    /// The column a given amount falls in on a bar `width` cells wide.
    func column(of amount: Int, width: Int) -> Int {
        guard maximum > 0 else { return 0 }
        return min(width - 1, max(0, Int((Double(amount) * Double(width) / Double(maximum)).rounded(.down))))
    }

    /// The figure as a bar on the axis: a range fills its span of the track, a single
    /// figure is a marker, and an open-ended figure ends in an arrow.
    func bar(_ money: MoneyRange, width: Int, glyphs: Glyphs) -> StyledLine {
        guard width > 0 else { return .empty }
        var cells = Array(repeating: glyphs.barEmpty, count: width)
        var styles = Array(repeating: Style.barEmpty, count: width)
        let style = PayRow.style(for: money.basis)
        let start = column(of: money.low, width: width)
        if let high = money.high, high != money.low {
            let end = max(start, min(width - 1,
                                     Int((Double(high) * Double(width) / Double(maximum)).rounded(.up)) - 1))
            for index in start...end { cells[index] = glyphs.barFull; styles[index] = style }
            if money.openEnded { placeArrow(after: end, cells: &cells, styles: &styles, style: style, glyphs: glyphs) }
        } else {
            cells[start] = glyphs.bullet
            styles[start] = style.bold()
            if money.openEnded { placeArrow(after: start, cells: &cells, styles: &styles, style: style, glyphs: glyphs) }
        }
        var spans: [Span] = []
        for (cell, cellStyle) in zip(cells, styles) {
            if let last = spans.last, last.style == cellStyle {
                spans[spans.count - 1].text += cell
            } else {
                spans.append(Span(cell, style: cellStyle))
            }
        }
        return StyledLine(spans: spans)
    }

    private func placeArrow(after end: Int, cells: inout [String], styles: inout [Style], style: Style, glyphs: Glyphs) {
        let index = min(end + 1, cells.count - 1)
        cells[index] = glyphs.arrowRight
        styles[index] = style.bold()
    }

    /// "$0      $200k      $400k" under the bars: where the axis starts, its middle and end.
    func scale(width: Int) -> StyledLine {
        let low = Self.short(0, currency: currency), high = Self.short(maximum, currency: currency)
        let middle = Self.short(maximum / 2, currency: currency)
        let lowWidth = TextWidth.of(low), highWidth = TextWidth.of(high), middleWidth = TextWidth.of(middle)
        guard width >= lowWidth + highWidth + 1 else {
            return StyledLine(TextWrap.truncate(high, width: width), style: .dim)
        }
        var text = low
        let middleStart = (width - middleWidth) / 2
        if middleStart > lowWidth + 1 && middleStart + middleWidth < width - highWidth - 1 {
            text += String(repeating: " ", count: middleStart - lowWidth) + middle
        }
        text += String(repeating: " ", count: width - TextWidth.of(text) - highWidth) + high
        return StyledLine(text, style: .dim)
    }

    /// A compact amount for the scale only ("$380k", "$1.2M"); figures themselves are
    /// always shown as published.
    static func short(_ amount: Int, currency: String) -> String {
        let symbol = currency == "USD" ? "$" : currency + " "
        if amount >= 1_000_000 {
            let tenths = (amount + 50_000) / 100_000
            return symbol + (tenths % 10 == 0 ? "\(tenths / 10)M" : "\(tenths / 10).\(tenths % 10)M")
        }
        if amount >= 1_000 { return symbol + "\(amount / 1_000)k" }
        return symbol + "\(amount)"
    }
}

/// The pay row of the comparison: every role's figures as bars on one `PayAxis`, in
/// bands that line the same source and basis up across the columns, so JoinAI's total
/// compensation sits beside JoinAI's and H2K's salary bands beside H2K's.
struct PayRow {
    /// One band: the figures that share a basis, a source and a level, per column.
    struct Band {
        var figures: [[DimensionValue]]
    }

    let axis: PayAxis?
    let bands: [Band]
    let bases: [PayBasis]

    /// `columns` holds each role's values for the money dimension, in column order.
    init(columns: [[DimensionValue]], catalog: Catalog) {
        let figures = columns.flatMap { $0.compactMap(\.money) }
        axis = PayAxis(figures)
        let sourceOrder = Dictionary(catalog.sources.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        struct Key: Hashable {
            var basis: PayBasis, sources: [String], seniority: String?, currency: String, period: String
        }
        var keys: [Key] = []
        var grouped: [Key: [[DimensionValue]]] = [:]
        for (index, values) in columns.enumerated() {
            for value in values {
                guard let money = value.money else { continue }
                let key = Key(basis: money.basis, sources: value.sources, seniority: money.seniority,
                              currency: money.currency, period: money.period)
                if grouped[key] == nil {
                    keys.append(key)
                    grouped[key] = Array(repeating: [], count: columns.count)
                }
                grouped[key]![index].append(value)
            }
        }
        func rank(_ key: Key) -> (Int, Int, Int) {
            (PayRow.basisOrder.firstIndex(of: key.basis) ?? 0,
             key.sources.compactMap { sourceOrder[$0] }.min() ?? Int.max,
             PayRow.seniorityRank(key.seniority))
        }
        let ordered = keys.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        bands = ordered.map { Band(figures: grouped[$0]!) }
        bases = PayRow.basisOrder.filter { basis in figures.contains { $0.basis == basis } }
    }

    /// Total compensation first (the highest and broadest figures), then salary bands,
    /// then national medians.
    static let basisOrder: [PayBasis] = [.totalCompensation, .salary, .medianWage]

    static func seniorityRank(_ seniority: String?) -> Int {
        ["entry", "mid", "mid-to-senior", "senior", "all"].firstIndex(of: seniority ?? "all") ?? 5
    }

    /// Each basis keeps its own colour, so total compensation never reads as salary;
    /// the label under every bar says which it is, for screens without colour.
    static func style(for basis: PayBasis) -> Style {
        switch basis {
        case .salary: return .bar
        case .totalCompensation: return .category(1)
        case .medianWage: return .accent
        }
    }

    static func legendName(_ basis: PayBasis) -> String {
        switch basis {
        case .salary: return "salary"
        case .totalCompensation: return "total comp"
        case .medianWage: return "median"
        }
    }

    /// "$200,000–$380,000 mid-level total compensation, 2026": the figure as published
    /// and its basis, and with `withLabel` the article's own label for it.
    static func labelSpans(_ money: MoneyRange, width: Int, withLabel: Bool) -> [Span] {
        let figure = Style.normal.bold()
        var spans = [Span(money.figure, style: figure)]
        // A range too wide for the column breaks after its dash, never inside a number.
        if TextWidth.of(money.figure) > width, let dash = money.figure.firstIndex(of: "–") {
            let after = money.figure.index(after: dash)
            spans = [Span(String(money.figure[..<after]), style: figure), Span(" "),
                     Span(String(money.figure[after...]), style: figure)]
        }
        spans.append(Span(" " + money.basisText))
        if money.period != "year" { spans.append(Span(" per " + money.period)) }
        if withLabel, let label = money.label { spans.append(Span(" (\(label))", style: .dim)) }
        return spans
    }

    /// The lines of one column: for each band, a bar on the shared axis and its label,
    /// blank where this role has no figure in that band; then the axis scale.
    /// Returns per-column lines with every band padded to the same height across columns.
    func columnLines(widths: [Int], writer: CellWriter) -> [[StyledLine]] {
        let barWidth = widths.min() ?? 0
        var columns = Array(repeating: [StyledLine](), count: widths.count)
        for band in bands {
            var blocks: [[StyledLine]] = []
            for (index, values) in band.figures.enumerated() where index < widths.count {
                var block: [StyledLine] = []
                for value in values {
                    guard let money = value.money else { continue }
                    if let axis, axis.covers(money), barWidth > 0 {
                        block.append(axis.bar(money, width: barWidth, glyphs: writer.glyphs))
                    }
                    block += writer.lines(for: value, width: widths[index], withLabel: values.count > 1)
                }
                blocks.append(block)
            }
            let height = blocks.map(\.count).max() ?? 0
            for index in blocks.indices {
                columns[index] += blocks[index] + Array(repeating: .empty, count: height - blocks[index].count)
            }
        }
        let bandsHeight = columns.map(\.count).max() ?? 0
        for index in columns.indices where bands.allSatisfy({ $0.figures[index].isEmpty }) {
            let notCovered = writer.lines(for: [], width: widths[index])
            columns[index] = notCovered + Array(repeating: .empty, count: max(0, bandsHeight - notCovered.count))
        }
        if let axis, barWidth > 0 {
            let height = columns.map(\.count).max() ?? 0
            for index in columns.indices where !bands.allSatisfy({ $0.figures[index].isEmpty }) {
                columns[index] += Array(repeating: .empty, count: height - columns[index].count)
                columns[index].append(axis.scale(width: barWidth))
            }
        }
        let height = columns.map(\.count).max() ?? 0
        return columns.map { $0 + Array(repeating: .empty, count: height - $0.count) }
    }

    /// What the legend says once about how figures are written: each as its source wrote
    /// it ("$220K" from JoinAI, "$85,000" from H2K), never restyled.
    static let styleNote = "Figures keep each source's own style."

    /// The legend under the row's title: which bar style means which basis, and that the
    /// figures are written as their sources wrote them.
    func legend(width: Int, glyphs: Glyphs) -> [StyledLine] {
        // Below six cells the indent would be dropped and the mark would eat a letter.
        guard width >= 6 else { return [] }
        let marks = bases.flatMap { basis -> [StyledLine] in
            let mark = basis == .medianWage ? glyphs.bullet : glyphs.barFull
            let lines = CellWriter.wrap([Span(PayRow.legendName(basis), style: .dim)], width: width, first: "  ", rest: "  ")
            guard let first = lines.first else { return [] }
            let marked = StyledLine(spans: [Span(mark, style: PayRow.style(for: basis)), Span(" ")] + first.spans.dropFirst())
            return [marked] + lines.dropFirst()
        }
        guard !marks.isEmpty else { return [] }
        return marks + CellWriter.wrap([Span(Self.styleNote, style: .dim)], width: width, first: " ", rest: " ")
    }
}

extension DimensionValue {
    /// The pay figure, when this is a money value.
    var money: MoneyRange? {
        if case .money(let money) = content { return money }
        return nil
    }
}
