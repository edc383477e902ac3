import RoleModel

/// `rolescope plan`: the move from a background into a role, as the articles describe it.
extension Reports {
    /// `commandLine` names the other backgrounds and roles with the `--from`/`--to` value
    /// that picks them; the app (which has its own picker) and its exports leave that out.
    public func plan(_ plan: TransitionPlan, commandLine: Bool = true) -> Document {
        var doc = Document()
        doc += .heading(1, "From \(plan.background.title) to \(plan.role.title)")
        if let transition = plan.transition {
            doc += .fields([("How long", (transition.duration?.text ?? "no article gives a timeline for this move") + " " + values.cite(transition.sources))])
            if !transition.learn.isEmpty {
                doc += .heading(2, "What to learn, in order")
                doc += .numbered(learnSteps(transition))
            }
            if let advice = transition.advice {
                doc += .heading(2, "What the articles advise")
                doc += .paragraph(advice)
            }
            doc += .heading(2, "Sources")
            doc += .fields(transition.sources.map { id in
                guard let source = catalog.source(id) else { return (id, id) }
                return ("[\(source.short)]", "\(source.title). \(source.publisher), \(source.date).")
            })
        } else {
            doc += .paragraph("No article describes a move from \(plan.background.title) to \(plan.role.title).")
        }
        if !plan.otherBackgrounds.isEmpty {
            doc += .heading(2, plan.transition == nil ? "Backgrounds the articles do lead to \(plan.role.title) from" : "Other ways into \(plan.role.title)")
            doc += .bullets(plan.otherBackgrounds.map { commandLine ? "\($0.title) (--from \($0.id))" : $0.title })
        } else if plan.transition == nil {
            doc += .paragraph("The articles describe no move into \(plan.role.title) from any background.")
        }
        if !plan.otherRoles.isEmpty {
            doc += .heading(2, "Where else the articles lead from \(plan.background.title)")
            doc += .bullets(plan.otherRoles.map { commandLine ? "\($0.title) (--to \($0.id))" : $0.title })
        }
        return doc
    }
}

extension Reports {
    /// A transition's steps, each with the skills it teaches, by the names the
    /// self-assessment rates them under ("... — skill: Retrieval (RAG)").
    func learnSteps(_ transition: Transition) -> [String] {
        zip(transition.learn, transition.learnSkills).map { step, skills in
            let titles = skills.compactMap { catalog.skill(id: $0)?.title }
            return titles.isEmpty ? step : step + " — skill\(titles.count == 1 ? "" : "s"): " + titles.joined(separator: ", ")
        }
    }
}

extension JSONReports {
    /// `{"from", "to", "found", "duration", "learn", "steps": [{"text", "skills": [{"id",
    /// "title"}]}], "advice", "sources", "otherBackgrounds", "otherRoles"}`.
    public func plan(_ plan: TransitionPlan) -> String {
        struct Named: Encodable { var id, title: String }
        struct Step: Encodable { var text: String; var skills: [Named] }
        struct Result: Encodable {
            var from, to: Named
            var found: Bool
            var duration: TransitionDuration?
            var learn: [String]
            var steps: [Step]
            var advice: String?
            var sources: [Source]
            var otherBackgrounds, otherRoles: [Named]
        }
        let transition = plan.transition
        return Self.encode(Result(
            from: Named(id: plan.background.id, title: plan.background.title), to: Named(id: plan.role.id, title: plan.role.title),
            found: transition != nil, duration: transition?.duration, learn: transition?.learn ?? [],
            steps: transition.map { t in zip(t.learn, t.learnSkills).map { text, skills in
                Step(text: text, skills: skills.compactMap(catalog.skill).map { Named(id: $0.id, title: $0.title) })
            } } ?? [],
            advice: transition?.advice,
            sources: (transition?.sources ?? []).compactMap(catalog.source),
            otherBackgrounds: plan.otherBackgrounds.map { Named(id: $0.id, title: $0.title) },
            otherRoles: plan.otherRoles.map { Named(id: $0.id, title: $0.title) }))
    }
}
