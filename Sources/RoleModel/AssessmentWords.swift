/// The self-assessment's working in plain words, shared by the Skills tab and every
/// export (stored sessions included, which have no catalog), so a person can check it by
/// hand: whole levels, each need with its sources' own levels, never a fraction.
public enum AssessmentWords {
    /// "3 + 4 = 7", or just "3" for one number: a sum as the working writes it.
    public static func sum(_ parts: [Int]) -> String {
        parts.count == 1 ? "\(parts[0])" : parts.map(String.init).joined(separator: " + ") + " = \(parts.reduce(0, +))"
    }

    static func short(_ cited: [String]) -> String { cited.joined(separator: ", ") }

    /// "H2K: Advanced on Basic < Moderate < Advanced".
    public static func sourceLevel(_ rating: SourceRating) -> String {
        "\(short(rating.cited)): \(rating.level) on \(rating.scaleLevels.joined(separator: " < "))"
    }

    /// "Expert (AI Graduate: Critical), Advanced (H2K: Advanced, High)": each plain step a
    /// role's sources give, highest first, with the sources' own levels.
    public static func needs(_ ratings: [SourceRating]) -> String {
        // Levels from one source on one step read together: "H2K: Advanced, High".
        var steps: [(step: SkillLevel, sources: [(name: String, levels: [String])])] = []
        for rating in ratings.sorted(by: { $0.step > $1.step }) {
            let name = short(rating.cited)
            if steps.last?.step != rating.step { steps.append((rating.step, [])) }
            let last = steps.count - 1
            if let index = steps[last].sources.firstIndex(where: { $0.name == name }) {
                if !steps[last].sources[index].levels.contains(rating.level) { steps[last].sources[index].levels.append(rating.level) }
            } else {
                steps[last].sources.append((name, [rating.level]))
            }
        }
        return steps.map { step in
            "\(step.step.name) (" + step.sources.map { "\($0.name): \($0.levels.joined(separator: ", "))" }.joined(separator: "; ") + ")"
        }.joined(separator: ", ")
    }

    /// "a gap of two levels", "no gap".
    public static func gap(_ short: Int, atLeast: Bool = false) -> String {
        short == 0 ? "no gap" : "a gap of \(atLeast ? "at least " : "")\(SkillLevel.levels(short))"
    }

    /// "you: Intermediate; ML Engineer needs Expert (AI Graduate: Critical), Advanced (H2K:
    /// Advanced): a gap of two levels".
    public static func working(_ skill: SkillFit, role: String) -> String {
        "you: \(skill.yours.name); \(role) needs \(needs(skill.ratings)): \(gap(skill.short))"
    }

    static func uniqued(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    /// What a gap is short of, for a role: the need and where it comes from.
    public static func gapReason(_ gap: SkillGap, role: String, sayingTheGap: Bool = true) -> String {
        let size = sayingTheGap ? ": " + self.gap(gap.short, atLeast: gap.atLeast) : ""
        if gap.atLeast {
            return "you: \(gap.yours.name); \(role) needs it, no level given (\(short(uniqued(gap.mentions.flatMap(\.cited)))))" + size
        }
        return "you: \(gap.yours.name); \(role) needs \(needs(gap.ratings))" + size
    }

    /// "step 1 of the plan from Software engineer: Retrieval: designing and building RAG
    /// pipelines" (and how many other plans teach it), or nil.
    public static func planLink(_ gap: SkillGap) -> String? {
        guard let first = gap.plan.first else { return nil }
        let more = gap.plan.count - 1
        return "step \(first.step) of the plan from \(first.background): \(first.text)"
            + (more > 0 ? " (and \(more) other plan\(more == 1 ? "" : "s"))" : "")
    }

    /// "9 of the 11 levels needed: 82%".
    public static func score(_ fit: RoleFit) -> String? {
        fit.percent.map { "\(fit.metLevels) of the \(fit.neededLevels) levels needed: \($0)%" }
    }

    /// Why a role has no score.
    public static func noScore(_ fit: RoleFit) -> String {
        if !fit.scored { return "no score: no source rates \(fit.title)'s skills on a scale" }
        return "no score: you rated none of the shared skills"
    }

    /// One line per skill: whether each role is rated on it, named without a level, or not
    /// covered, e.g. "AI Engineer rated, ML Engineer rated, Data Engineer not covered".
    public static func coverage(_ skill: Skill, in catalog: Catalog, roles: [Role]? = nil) -> [(role: String, text: String)] {
        (roles ?? catalog.roles).map { role in
            let need = SelfAssessment.need(of: role, skill: skill, in: catalog)
            switch need.coverage {
            case .rated:
                let words = need.mentions.isEmpty ? "" : "; in words, on no scale, by " + short(uniqued(need.mentions.flatMap(\.cited)))
                return (role.title, need.ratings.map(sourceLevel).joined(separator: "; ") + " (= \(need.step!.title))" + words)
            case .listed: return (role.title, "listed without a level (\(short(uniqued(need.mentions.flatMap(\.cited)))))")
            case .notCovered: return (role.title, "not covered")
            }
        }
    }
}
