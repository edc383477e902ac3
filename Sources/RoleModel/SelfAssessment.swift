/// One person's ratings of the skills, and what they make of each role.
///
/// The working, in whole levels (also in the README, and in `formula` for display):
///
/// - Each article's levels sit one whole step each on the plain scale (`equivalents:`);
///   a role needs the highest step any source gives it for a skill.
/// - short = needed step − your step, or 0 when yours is at least the need.
/// - Every role is scored over the same skills: those the sources rate on a scale for
///   every role that has any rating (the shared skills). fit = levels met ÷ levels needed,
///   over the shared skills you rated, as a whole percentage.
/// - Gaps cover every skill you rated, shared or not: largest first; a skill a source
///   names for the role without a level, rated none, is short of at least one level.
public struct SelfAssessment: Codable, Hashable, Sendable {
    /// Your rating of each skill, by skill id. Skills not in here are unrated.
    public var ratings: [String: SkillLevel]

    public init(ratings: [String: SkillLevel] = [:]) { self.ratings = ratings }

    /// The skills to rate, in catalog order.
    public static func skills(in catalog: Catalog) -> [Skill] { catalog.skills }

    /// The rules of the working, in the words the app and the exports show; the first
    /// says where each of `catalog`'s article scales sits on the plain scale.
    public static func formula(in catalog: Catalog) -> [String] {
        let places = catalog.equivalents.compactMap { equivalent -> String? in
            guard let scale = catalog.scale(equivalent.scale) else { return nil }
            return "\(scale.title) " + zip(scale.levels, equivalent.steps).map { "\($0.0) = \($0.1.title)" }.joined(separator: ", ")
        }
        return ["Each source's levels sit one whole step each on the plain scale (none, basic, intermediate, advanced, expert): "
                + places.joined(separator: "; ") + "."] + rules
    }

    /// The rules that need no catalog (a stored session's export shows these).
    public static let rules = [
        "A role needs the highest step any source gives it; you are short by the steps between your rating and that need (none when yours is at least the need).",
        "Fit = levels met ÷ levels needed, over the shared skills you rated: the skills the sources rate on a scale for every scored role, so every score rests on the same skills.",
        "A skill a source names for a role without a level is not in the score; rated none, it is a gap of at least one level.",
    ]

    /// Ratings by skill id, from ratings that may name the article dimensions skills were
    /// rated by before the canonical list (`h2k-python`): each becomes its skill's rating
    /// (the highest when several map to one skill); anything else is dropped.
    public static func canonical(_ ratings: [String: SkillLevel], in catalog: Catalog) -> [String: SkillLevel] {
        var result: [String: SkillLevel] = [:]
        for (id, level) in ratings {
            let skill = catalog.skill(id: id)?.id ?? catalog.skills.first { $0.ratedBy.contains(id) }?.id
            guard let skill else { continue }
            if catalog.skill(id: id) != nil || result[skill] == nil || result[skill]! < level { result[skill] = level }
        }
        // A rating given by the skill's own id wins over one carried over from a dimension.
        for (id, level) in ratings where catalog.skill(id: id) != nil { result[id] = level }
        return result
    }

    /// What the sources say `role` needs of `skill`: every rating on a scale, then the
    /// listings and the described-by cells.
    public static func need(of role: Role, skill: Skill, in catalog: Catalog) -> SkillNeed {
        var need = SkillNeed()
        for dimensionID in skill.ratedBy {
            guard let dimension = catalog.dimension(dimensionID), let scaleID = dimension.scale, let scale = catalog.scale(scaleID),
                  let equivalent = catalog.equivalent(ofScale: scaleID) else { continue }
            for value in role.values(for: dimensionID) {
                guard let rating = value.levelRating, equivalent.steps.indices.contains(rating.rank) else { continue }
                need.ratings.append(SourceRating(dimension: dimensionID, label: rating.label, level: rating.level, scale: scale.title,
                                                 scaleLevels: scale.levels, step: equivalent.steps[rating.rank], sources: value.sources,
                                                 cited: catalog.shortNames(value.sources)))
            }
        }
        for listing in skill.listed where listing.role == role.id {
            need.mentions.append(SourceMention(text: listing.text, sources: listing.sources, cited: catalog.shortNames(listing.sources)))
        }
        for dimensionID in skill.describedBy {
            for value in role.values(for: dimensionID) {
                if case .prose(let text) = value.content { need.mentions.append(SourceMention(text: text, sources: value.sources, cited: catalog.shortNames(value.sources))) }
            }
        }
        return need
    }

    /// The roles that get a score: those the sources rate on a scale for at least one skill.
    public static func scoredRoles(in catalog: Catalog) -> [Role] {
        catalog.roles.filter { role in catalog.skills.contains { !need(of: role, skill: $0, in: catalog).ratings.isEmpty } }
    }

    /// The skills every scored role is rated on: the one set all scores rest on.
    public static func sharedSkills(in catalog: Catalog) -> [Skill] {
        let roles = scoredRoles(in: catalog)
        guard !roles.isEmpty else { return [] }
        return catalog.skills.filter { skill in roles.allSatisfy { !need(of: $0, skill: skill, in: catalog).ratings.isEmpty } }
    }

    /// The plan steps into `role` that teach `skill`, earliest step first (then catalog order).
    public static func planSteps(into role: String, teaching skill: String, in catalog: Catalog) -> [PlanStep] {
        var steps: [PlanStep] = []
        for transition in catalog.transitions(into: role) {
            guard let index = transition.learnSkills.firstIndex(where: { $0.contains(skill) }) else { continue }
            steps.append(PlanStep(from: transition.from, background: catalog.background(id: transition.from)?.title ?? transition.from,
                                  step: index + 1, text: transition.learn[index]))
        }
        return steps.enumerated().sorted { a, b in
            a.element.step != b.element.step ? a.element.step < b.element.step : a.offset < b.offset
        }.map(\.element)
    }

    /// How the ratings measure up to one role.
    public func fit(for role: Role, in catalog: Catalog) -> RoleFit {
        fit(for: role, shared: Self.sharedSkills(in: catalog), scored: Self.scoredRoles(in: catalog).contains { $0.id == role.id }, in: catalog)
    }

    func fit(for role: Role, shared: [Skill], scored: Bool, in catalog: Catalog) -> RoleFit {
        var result = RoleFit(role: role.id, title: role.title, scored: scored)
        if scored {
            for skill in shared {
                let need = Self.need(of: role, skill: skill, in: catalog)
                guard let needed = need.step else { continue }
                guard let yours = ratings[skill.id] else {
                    result.unrated.append(skill.id)
                    continue
                }
                result.skills.append(SkillFit(skill: skill.id, title: skill.title, needs: needed, yours: yours,
                                              short: max(0, needed.rawValue - yours.rawValue), ratings: need.ratings))
            }
        }
        var gaps: [(gap: SkillGap, order: Int)] = []
        for (order, skill) in catalog.skills.enumerated() {
            guard let yours = ratings[skill.id] else { continue }
            let need = Self.need(of: role, skill: skill, in: catalog)
            var gap: SkillGap?
            if let needed = need.step, needed > yours {
                gap = SkillGap(skill: skill.id, title: skill.title, yours: yours, needs: needed, short: needed.rawValue - yours.rawValue,
                               atLeast: false, ratings: need.ratings, mentions: [])
            } else if need.coverage == .listed && yours == .none {
                gap = SkillGap(skill: skill.id, title: skill.title, yours: yours, needs: nil, short: 1, atLeast: true,
                               ratings: [], mentions: need.mentions)
            }
            guard var found = gap else { continue }
            found.plan = Self.planSteps(into: role.id, teaching: skill.id, in: catalog)
            gaps.append((found, order))
        }
        result.gaps = gaps.sorted { a, b in
            if a.gap.short != b.gap.short { return a.gap.short > b.gap.short }
            if a.gap.yours != b.gap.yours { return a.gap.yours < b.gap.yours }
            let stepA = a.gap.plan.first?.step ?? Int.max, stepB = b.gap.plan.first?.step ?? Int.max
            if stepA != stepB { return stepA < stepB }
            return a.order < b.order
        }.map(\.gap)
        return result
    }

    /// Every role's fit, in catalog order (see `RoleFit.ranked` for best first).
    public func fits(in catalog: Catalog) -> [RoleFit] {
        let shared = Self.sharedSkills(in: catalog)
        let scored = Set(Self.scoredRoles(in: catalog).map(\.id))
        return catalog.roles.map { fit(for: $0, shared: shared, scored: scored.contains($0.id), in: catalog) }
    }
}

extension Catalog {
    /// The sources' short names ("H2K"), in the order given.
    public func shortNames(_ sources: [String]) -> [String] { sources.map { source($0)?.short ?? $0 } }
}

extension DimensionValue {
    /// The level, when the value is one.
    public var levelRating: LevelRating? {
        if case .level(let rating) = content { return rating }
        return nil
    }
}
