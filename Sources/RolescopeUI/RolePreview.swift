import RoleModel
import TerminalKit

/// The right-hand side of the role list: the selected role at a glance. Its summary,
/// the few dimensions that tell the roles apart fastest (what it produces and ships, its
/// centre of gravity, who it suits), and every pay figure with its basis and source.
///
/// Where sources give several values for a field, the shortest is shown with the count
/// of the others; the profile shows them all side by side.
struct RolePreview {
    let catalog: Catalog
    /// While pay is hidden the catalog has no money values; the Pay heading still says so.
    var payHidden = false
    let role: Role

    /// The preview's fields by dimension id, with titles as a fallback for catalogs that
    /// name them differently.
    static let fields: [(id: String, title: String)] = [
        ("primary-output", "primary output"),
        ("ships", "what it ships"),
        ("center-of-gravity", "centre of gravity"),
        ("background-fit", "background fit"),
    ]

    /// How much the preview shows: every source's value for each field or only the
    /// shortest, and how many lines a field value and a pay figure may take.
    struct Density {
        var allValues: Bool
        var fieldLines: Int
        var payLines: Int
    }

    /// Most generous first; the preview uses the first that fits its height. With room,
    /// every source's view of a field is shown, side by side as the profile does. Two
    /// lines of a field say more than a pay figure's second line (its basis is cut,
    /// never its source), so fields keep theirs longer.
    static let densities = [
        Density(allValues: true, fieldLines: 2, payLines: 2),
        Density(allValues: false, fieldLines: 3, payLines: 2),
        Density(allValues: false, fieldLines: 2, payLines: 2),
        Density(allValues: false, fieldLines: 2, payLines: 1),
        Density(allValues: false, fieldLines: 1, payLines: 1),
    ]

    var fieldDimensions: [RoleModel.Dimension] {
        Self.fields.compactMap { field in
            catalog.dimension(field.id)
                ?? catalog.dimensions.first { $0.title.equalsIgnoringCase(field.title) }
        }
    }

    /// The pay figures, from every money dimension in catalog order.
    var payValues: [(money: MoneyRange, sources: [String])] {
        catalog.dimensions.filter { $0.kind == .money }.flatMap { role.values(for: $0.id) }.compactMap { value in
            if case .money(let money) = value.content { return (money, value.sources) }
            return nil
        }
    }

    func lines(width: Int, height: Int, glyphs: Glyphs) -> [StyledLine] {
        var best: [StyledLine] = []
        for density in Self.densities {
            best = lines(width: width, density: density, glyphs: glyphs)
            if best.count <= height { break }
        }
        return best
    }

    /// Draws the preview; when it is still too tall, the last row says there is more.
    /// `laidOut` is the preview's lines for this area when the screen already has them.
    func render(into buffer: inout Buffer, area: Rect, laidOut: [StyledLine]? = nil) {
        guard !area.isEmpty else { return }
        let lines = laidOut ?? lines(width: area.width, height: area.height, glyphs: buffer.glyphs)
        let overflows = lines.count > area.height
        let shown = overflows ? area.height - 1 : lines.count
        for (row, line) in lines.prefix(shown).enumerated() {
            buffer.putTruncated(line, x: area.x, y: area.y + row, maxWidth: area.width)
        }
        if overflows {
            buffer.putTruncated(StyledLine("\(buffer.glyphs.arrowDown) more in the full profile: press Enter", style: .hint),
                                x: area.x, y: area.bottom - 1, maxWidth: area.width)
        }
    }

    private func lines(width: Int, density: Density, glyphs: Glyphs) -> [StyledLine] {
        guard width > 0 else { return [] }
        var result = RoleText.wrap(StyledLine(role.title, style: Style.title.bold()), width: width)
        result += RoleText.wrap(StyledLine(role.summary), width: width)

        let dimensions = fieldDimensions
        if !dimensions.isEmpty {
            result.append(.empty)
            // Titles in a column beside their values when that leaves the values two
            // thirds of the width; else each title above its value.
            let titles = (dimensions.map { TextWidth.of($0.title) }.max() ?? 0) + 2
            let besides = titles <= width / 3
            for dimension in dimensions {
                result += field(dimension, labelWidth: besides ? titles : 0, width: width, density: density, glyphs: glyphs)
            }
        }

        let pay = payValues
        if !pay.isEmpty {
            result.append(.empty)
            result.append(StyledLine("Pay", style: Style.normal.bold()))
            let column = min((pay.map { TextWidth.of(RoleText.figure($0.money)) }.max() ?? 0) + 2, width / 2)
            for (money, sources) in pay {
                let cite = StyledLine(RoleText.citation(sources, in: catalog), style: .dim)
                let figure = TextWrap.truncate(RoleText.figure(money), width: column - 2, ellipsis: glyphs.ellipsis)
                let rest = RoleText.wrap(StyledLine(money.basisText), trailer: cite, width: width - column,
                                         maxLines: density.payLines, ellipsis: glyphs.ellipsis)
                result += RoleText.hang(rest, prefix: [Span(TextWrap.pad(figure, to: column))], width: column)
            }
        } else if payHidden {
            result.append(.empty)
            result.append(StyledLine("Pay", style: Style.normal.bold()))
            result += RoleText.wrap(StyledLine(PayHiding.word + " (press $ to show)", style: .dim), width: width)
        }
        return result
    }

    /// `Primary output   Training custom models and getting them deployed. [JoinAI] +4 more`,
    /// or with `labelWidth` 0 the title on a line of its own and the values indented below.
    private func field(_ dimension: RoleModel.Dimension, labelWidth: Int, width: Int, density: Density,
                       glyphs: Glyphs) -> [StyledLine] {
        var title: [StyledLine] = []
        var prefix = TextWrap.pad(dimension.title, to: labelWidth)
        var column = labelWidth
        if labelWidth == 0 {
            title = RoleText.wrap(StyledLine(dimension.title, style: Style.normal.bold()), width: width, maxLines: 1,
                                  ellipsis: glyphs.ellipsis)
            prefix = "  "
            column = 2
        }
        let values = role.values(for: dimension.id).map { (text: $0.texts.first ?? "", sources: $0.sources) }
        guard let shortest = values.min(by: { TextWidth.of($0.text) < TextWidth.of($1.text) }) else {
            return title + RoleText.hang([StyledLine("no source covers this", style: .dim)],
                                         prefix: [Span(prefix, style: Style.normal.bold())], width: column)
        }
        let shown = density.allValues ? values : [shortest]
        // Several sources' views each start with a bullet, so one is told from the next.
        let bullet = shown.count > 1 ? TextWidth.of(glyphs.bullet) + 1 : 0
        var body: [StyledLine] = []
        for value in shown {
            var trailer = [Span(RoleText.citation(value.sources, in: catalog), style: .dim)]
            if shown.count < values.count { trailer.append(Span(" +\(values.count - shown.count) more", style: .dim)) }
            let lines = RoleText.wrap(StyledLine(value.text), trailer: StyledLine(spans: trailer), width: width - column - bullet,
                                      maxLines: density.fieldLines, ellipsis: glyphs.ellipsis)
            body += bullet > 0 ? RoleText.hang(lines, prefix: [Span(glyphs.bullet + " ", style: .dim)], width: bullet) : lines
        }
        return title + RoleText.hang(body, prefix: [Span(prefix, style: Style.normal.bold())], width: column)
    }
}
