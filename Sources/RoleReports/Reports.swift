import RoleModel

/// Builds the `Document` each plain-text command prints.
public struct Reports: Sendable {
    public let catalog: Catalog
    public var values: ValueText

    public init(catalog: Catalog, unicode: Bool = true) {
        self.catalog = catalog
        self.values = ValueText(catalog: catalog, bullet: unicode ? "•" : "-")
    }

    /// Shown by `rolescope` when it cannot start the full-screen app.
    public func overview(commands: [(String, String)]) -> Document {
        var doc = Document()
        doc += .heading(1, "Rolescope")
        doc += .paragraph("See how the data and AI roles differ: compare them side by side, walk a questionnaire to the role you need or the path that fits you, and read a day in each role's life. Every fact cites the article it comes from.")
        doc += .heading(2, "Roles")
        doc += .fields(roleFields())
        doc += .heading(2, "Commands")
        doc += .fields(commands)
        doc += .note("Run `rolescope` in a terminal for the full-screen app; `rolescope help COMMAND` for a command's options.")
        return doc
    }

    public func roleList() -> Document {
        var doc = Document()
        doc += .heading(1, "Roles")
        doc += .fields(roleFields())
        return doc
    }

    /// Each role by name, then the id and aliases a command accepts for it, then its
    /// summary: "Data Engineer: data-engineer (also: de)".
    func roleFields() -> [(String, String)] {
        catalog.roles.map { role in
            (role.title, role.id + (role.aliases.isEmpty ? "" : " (also: \(role.aliases.joined(separator: ", ")))") + "\n" + role.summary)
        }
    }

    public func profile(_ role: Role) -> Document { profile(RoleProfile(role, in: catalog)) }

    /// A profile laid out as a document: summary, values by group, overlaps, ways in,
    /// related titles and where its timelines are.
    public func profile(_ profile: RoleProfile) -> Document {
        let role = profile.role
        var doc = Document()
        doc += .heading(1, role.title)
        doc += .paragraph(role.summary)
        if !role.aliases.isEmpty { doc += .note("Also known as: " + role.aliases.joined(separator: ", ")) }
        for (group, dimensions) in profile.groups {
            doc += .heading(2, group.title)
            for dimension in dimensions {
                doc += .heading(3, dimension.title)
                for value in role.values(for: dimension.id) { doc += .paragraph(values.text(value)) }
            }
        }
        if !profile.overlaps.isEmpty {
            doc += .heading(2, "Overlaps with other roles")
            for overlap in profile.overlaps { doc.blocks += overlapBlocks(overlap) }
        }
        if !profile.transitions.isEmpty {
            doc += .heading(2, "Ways in")
            for transition in profile.transitions { doc.blocks += transitionBlocks(transition) }
        }
        if !role.related.isEmpty {
            doc += .heading(2, "Related titles")
            doc += .fields(role.related.map { ($0.title, "\($0.note) \(values.cite($0.sources))") })
        }
        if !profile.timelines.isEmpty {
            doc += .note("Timelines: " + profile.timelines.map { "`rolescope timeline \(role.id)\($0.kind == .week ? " --week" : "")` (\($0.title))" }.joined(separator: "; "))
        }
        return doc
    }

    func overlapBlocks(_ overlap: Overlap) -> [Block] {
        let names = overlap.roles.map { catalog.role(id: $0)?.title ?? $0 }.joined(separator: " + ")
        var blocks: [Block] = [.heading(3, "\(overlap.title) (\(names))"), .paragraph(overlap.summary + " " + values.cite(overlap.sources))]
        if !overlap.details.isEmpty { blocks.append(.bullets(overlap.details)) }
        return blocks
    }

    func transitionBlocks(_ transition: Transition) -> [Block] {
        let from = catalog.background(id: transition.from)?.title ?? transition.from
        let to = catalog.role(id: transition.to)?.title ?? transition.to
        var blocks: [Block] = [.heading(3, "From \(from) to \(to)")]
        blocks.append(.paragraph("How long: " + (transition.duration?.text ?? "no source gives a duration") + " " + values.cite(transition.sources)))
        if !transition.learn.isEmpty { blocks.append(.numbered(learnSteps(transition))) }
        if let advice = transition.advice { blocks.append(.paragraph(advice)) }
        return blocks
    }

    /// The dimensions a comparison shows, in catalog order.
    public func comparedDimensions(_ roles: [Role], onlyDifferences: Bool, only: [String]) -> [RoleModel.Dimension] {
        catalog.dimensions.filter { dimension in
            (only.isEmpty || only.contains(dimension.id))
                && roles.contains { !$0.values(for: dimension.id).isEmpty }
                && (!onlyDifferences || catalog.differs(dimension.id, among: roles))
        }
    }

    public func compare(_ roles: [Role], onlyDifferences: Bool = false, only: [String] = []) -> Document {
        var doc = Document()
        doc += .heading(1, roles.map(\.title).joined(separator: " vs "))
        let shown = comparedDimensions(roles, onlyDifferences: onlyDifferences, only: only)
        if onlyDifferences {
            var count = DifferenceCount()
            for dimension in comparedDimensions(roles, onlyDifferences: false, only: only) {
                count.rows += 1
                switch catalog.comparison(dimension.id, among: roles) {
                case .differ: count.differing += 1
                case .same: count.same += 1
                case .uncovered: count.uncovered += 1
                }
            }
            doc += .paragraph(count.sentence + ". Only the rows that differ are shown: rows where every role has the same "
                              + "level from the same source, the same items or the same statement from the same sources are "
                              + "left out, and so are rows where the sources cover only some of the roles and those agree.")
        }
        for (group, dimensions) in catalog.dimensionsByGroup {
            let rows = dimensions.filter { dimension in shown.contains { $0.id == dimension.id } }
            guard !rows.isEmpty else { continue }
            doc += .heading(2, group.title)
            doc += .table(header: [""] + roles.map(\.title), rows: rows.flatMap { dimension -> [[String]] in
                guard dimension.kind == .money else {
                    return [[dimension.title] + roles.map { values.text($0.values(for: dimension.id)) ?? "—" }]
                }
                return Self.payBands(roles.map { $0.values(for: dimension.id) }).map { band in
                    ["\(dimension.title): \(band.title)"] + band.cells.map { values.text($0) ?? "—" }
                }
            })
        }
        if shown.isEmpty {
            doc += .paragraph(onlyDifferences ? "These roles do not differ on the dimensions asked for." : "No source covers the dimensions asked for.")
        }
        let overlaps = catalog.overlaps(among: roles.map(\.id))
        if !overlaps.isEmpty && only.isEmpty {
            doc += .heading(2, "Where they overlap")
            for overlap in overlaps { doc.blocks += overlapBlocks(overlap) }
        }
        doc += .note("— means no source covers that role on that dimension. Figures are shown as each source published them; see `rolescope show ROLE` for notes.")
        return doc
    }

    /// Pay figures grouped into bands that line up across the roles' columns: one band
    /// per source, basis and level ("mid-level total compensation", JoinAI), in the order
    /// entry, mid, mid-to-senior, senior, then figures for every level; each band holds
    /// each role's figures for it (none where the source gives that role none).
    static func payBands(_ columns: [[DimensionValue]]) -> [(title: String, cells: [[DimensionValue]])] {
        struct Band: Hashable { var source: String; var basis: PayBasis; var seniority: String }
        let levels = ["entry", "mid", "mid-to-senior", "senior", "all", ""]
        var order: [Band] = []
        for column in columns {
            for value in column {
                guard case .money(let money) = value.content else { continue }
                let band = Band(source: value.sources.first ?? "", basis: money.basis, seniority: money.seniority ?? "")
                if !order.contains(band) { order.append(band) }
            }
        }
        let sources = order.map(\.source).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        order.sort { a, b in
            if a.source != b.source { return sources.firstIndex(of: a.source)! < sources.firstIndex(of: b.source)! }
            if a.basis != b.basis { return PayBasis.allCases.firstIndex(of: a.basis)! < PayBasis.allCases.firstIndex(of: b.basis)! }
            return (levels.firstIndex(of: a.seniority) ?? levels.count) < (levels.firstIndex(of: b.seniority) ?? levels.count)
        }
        return order.map { band in
            // Short enough for the label column: "entry salary", "mid-to-senior total comp".
            let title = band.seniority.isEmpty || band.seniority == "all" ? band.basis.shortTitle : "\(band.seniority) \(band.basis.shortTitle)"
            return (title, columns.map { column in
                column.filter { value in
                    guard case .money(let money) = value.content else { return false }
                    return money.basis == band.basis && (money.seniority ?? "") == band.seniority
                        && (value.sources.first ?? "") == band.source
                }
            })
        }
    }

    public func questionnaireList() -> Document {
        var doc = Document()
        doc += .heading(1, "Questionnaires")
        doc += .fields(catalog.questionnaires.map { ($0.id, "\($0.title) (for a \($0.audience.title)) \($0.summary)") })
        return doc
    }

    /// The path a run took, its outcome and why.
    public func quiz(_ run: QuestionnaireRun) -> Document {
        var doc = Document()
        doc += .heading(1, run.questionnaire.title)
        doc += .heading(2, "Your answers")
        doc += .numbered(run.trail.map { "\($0.question.prompt) → \($0.answerIndex + 1). \($0.answer.label)" })
        guard let explanation = run.explanation else {
            if let question = run.currentQuestion {
                doc += .paragraph("Not finished: the next question is \"\(question.prompt)\"")
                doc += .numbered(question.answers.map(\.label))
            }
            return doc
        }
        doc.blocks += outcomeBlocks(explanation.outcome)
        if let because = explanation.becauseSentence {
            doc += .heading(3, "Why")
            doc += .paragraph(because)
        }
        if !explanation.alternatives.isEmpty {
            doc += .heading(3, "What would have changed the result")
            // Grouped by the result the answers lead to: each result once, with every answer
            // that leads there.
            var singles: [String] = []
            for group in explanation.alternativeGroups {
                if group.count == 1 {
                    singles.append(alternativeSentence(group[0], current: explanation.outcome)
                                   + " To try it: --answers \(answerNumbers(run, changing: group[0])).")
                    continue
                }
                if !singles.isEmpty { doc += .bullets(singles); singles = [] }
                doc += .paragraph("These \(group.count) answers lead to " + destination(group[0], current: explanation.outcome) + ":")
                doc += .bullets(group.map { alternative in
                    let alone = alternative.outcomes.allSatisfy { $0.id != explanation.outcome.id }
                    return "\"\(alternative.answer)\" to \"\(alternative.question)\""
                        + (alone ? "" : ", depending on the answers after it")
                        + ". To try it: --answers \(answerNumbers(run, changing: alternative))."
                })
            }
            if !singles.isEmpty { doc += .bullets(singles) }
        }
        return doc
    }

    /// "Answering "…" to "…" would have led to …", worded as the app's questionnaire
    /// result words it (QuestionnaireScreen's `alternativeLine`), so the two never read
    /// differently. An answer that leads on to more questions may still end at the
    /// current result; only the other places it can lead are named.
    public func alternativeSentence(_ alternative: Explanation.Alternative, current: Outcome) -> String {
        "Answering \"\(alternative.answer)\" to \"\(alternative.question)\" " + leadSentence(alternative, current: current)
    }

    /// The other results an answer leads to: a title, "a or b", or "one of 7 other results,
    /// recommending …".
    func destination(_ alternative: Explanation.Alternative, current: Outcome) -> String {
        let others = alternative.outcomes.filter { $0.id != current.id }
        if others.count <= 2 { return Self.joined(others.map(\.title)) }
        var roles: [String] = []
        for role in others.flatMap(\.recommend) where !roles.contains(role) { roles.append(role) }
        return "one of \(others.count) other results, recommending " + Self.joined(roles.map { catalog.role(id: $0)?.title ?? $0 })
    }

    /// Where an answer leads: "would have led to …." or "could have led to …, depending
    /// on the answers after it."
    func leadSentence(_ alternative: Explanation.Alternative, current: Outcome) -> String {
        let others = alternative.outcomes.filter { $0.id != current.id }
        if others.isEmpty { return "would have led elsewhere." }
        if alternative.outcomes.count == 1 { return "would have led to \(others[0].title)." }
        if others.count <= 2 {
            return "could have led to " + Self.joined(others.map(\.title)) + ", depending on the answers after it."
        }
        // Many results: name the roles they recommend rather than every title.
        var roles: [String] = []
        for role in others.flatMap(\.recommend) where !roles.contains(role) { roles.append(role) }
        return "could have led to one of \(others.count) other results, recommending "
            + Self.joined(roles.map { catalog.role(id: $0)?.title ?? $0 }) + ", depending on the answers after it."
    }

    /// "a, b or c".
    static func joined(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items[items.count - 1]
    }

    /// The --answers value that takes the alternative, for trying it.
    func answerNumbers(_ run: QuestionnaireRun, changing alternative: Explanation.Alternative) -> String {
        (run.steps.prefix(alternative.step).map { $0.answer + 1 } + [alternative.answerIndex + 1]).map(String.init).joined(separator: ",")
    }

    public func outcomeBlocks(_ outcome: Outcome) -> [Block] {
        var blocks: [Block] = [.heading(2, "Result: \(outcome.title)")]
        let names = outcome.recommend.map { catalog.role(id: $0)?.title ?? $0 }
        if outcome.ordered && names.count > 1 {
            blocks.append(.paragraph("Hire in this order:"))
            blocks.append(.numbered(names))
        } else {
            blocks.append(.paragraph("Recommended: " + names.joined(separator: " and ")))
        }
        if !outcome.runnerUp.isEmpty {
            blocks.append(.paragraph("Runner-up: " + outcome.runnerUp.map { catalog.role(id: $0)?.title ?? $0 }.joined(separator: ", ")))
        }
        blocks.append(.paragraph(outcome.rationale + " " + values.cite(outcome.sources)))
        if !outcome.advice.isEmpty {
            blocks.append(.heading(3, "Advice"))
            blocks.append(.bullets(outcome.advice))
        }
        for ref in outcome.transitions {
            if let transition = catalog.transition(from: ref.from, to: ref.to) { blocks += transitionBlocks(transition) }
        }
        return blocks
    }

    public func timeline(_ timeline: Timeline) -> Document {
        var doc = Document()
        let role = catalog.role(id: timeline.role)?.title ?? timeline.role
        doc += .heading(1, timeline.title)
        doc += .note("\(role) · \(timeline.provenance == .composed ? "composed from the role's responsibilities, not from a described day" : "retold from the source") \(values.cite(timeline.sources))" + (timeline.note.map { "\n\($0)" } ?? ""))
        doc += .table(header: [timeline.kind == .day ? "Time" : "Day", "What", "Category"], rows: timeline.entries.map { entry in
            let category = catalog.category(entry.category)
            let own = entry.sources != timeline.sources ? " " + values.cite(entry.sources) : ""
            return [entry.slot.text(for: timeline.kind), entry.title + (entry.detail.isEmpty ? "" : "\n" + entry.detail) + own,
                    "[\(category?.letter ?? "?")] \(category?.title ?? entry.category)"]
        })
        doc += .heading(2, "Time by category")
        doc += .fields(timeline.timeByCategory.map { item in
            (catalog.category(item.category)?.title ?? item.category, amountText(item.amount, kind: timeline.kind))
        })
        return doc
    }

    func amountText(_ amount: Int, kind: TimelineKind) -> String {
        switch kind {
        case .day:
            let hours = amount / 60, minutes = amount % 60
            return hours == 0 ? "\(minutes) min" : minutes == 0 ? "\(hours) h" : "\(hours) h \(minutes) min"
        case .week:
            return amount % 2 == 0 ? "\(amount / 2) day\(amount == 2 ? "" : "s")" : "\(Double(amount) / 2) days"
        }
    }

    /// The hits grouped by where they are, each with the words that matched marked.
    public func search(_ query: String, hits: [SearchHit]) -> Document {
        var doc = Document()
        doc += .heading(1, "Search: \(query)")
        if hits.isEmpty {
            doc += .paragraph("Nothing matches \"\(query)\". Try a shorter or different word.")
            return doc
        }
        doc += .paragraph("\(hits.count) match\(hits.count == 1 ? "" : "es")")
        var place: SearchPlace?
        var group: [(String, String)] = []
        func flush() {
            if let place, !group.isEmpty {
                doc += .heading(2, place.title)
                doc += .fields(group)
            }
            group = []
        }
        for hit in hits {
            if hit.target.place != place {
                flush()
                place = hit.target.place
            }
            group.append((hit.title, Self.excerpt(hit)))
        }
        flush()
        return doc
    }

    /// About 60 characters around the first match, every matched word in it marked.
    static func excerpt(_ hit: SearchHit, context: Int = 60) -> String {
        let characters = Array(hit.text)
        let first = hit.ranges.first ?? 0..<0
        let start = max(0, first.lowerBound - context / 2)
        let end = min(characters.count, max(first.upperBound + context / 2, start + context))
        var out = start > 0 ? "…" : ""
        var index = start
        for range in hit.ranges where range.lowerBound >= index && range.upperBound <= end {
            out += String(characters[index..<range.lowerBound])
            out += Document.emphasised(String(characters[range]))
            index = range.upperBound
        }
        out += String(characters[index..<end])
        return out.replacingNewlines(" ") + (end < characters.count ? "…" : "")
    }

    /// The whole catalog, for `rolescope export`.
    public func export() -> Document {
        var doc = Document()
        doc += .heading(1, "Rolescope catalog")
        doc += .heading(2, "Sources")
        doc += .fields(catalog.sources.map { ("[\($0.short)] \($0.id)", "\($0.title). \($0.publisher), \($0.date). \($0.covers)") })
        for role in catalog.roles { doc.blocks += profile(role).blocks }
        for questionnaire in catalog.questionnaires {
            doc += .heading(1, "Questionnaire: \(questionnaire.title)")
            doc += .paragraph("For a \(questionnaire.audience.title). \(questionnaire.summary)")
            for question in questionnaire.questions {
                doc += .heading(3, question.prompt)
                doc += .note("Why we ask: \(question.why)")
                doc += .numbered(question.answers.map { answer in
                    switch answer.target {
                    case .question(let next): return "\(answer.label) → next: \(questionnaire.question(next)?.prompt ?? next)"
                    case .outcome(let id): return "\(answer.label) → result: \(questionnaire.outcome(id)?.title ?? id)"
                    }
                })
            }
            for outcome in questionnaire.outcomes { doc.blocks += outcomeBlocks(outcome) }
        }
        for timeline in catalog.timelines { doc.blocks += self.timeline(timeline).blocks }
        return doc
    }
}
