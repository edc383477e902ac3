import ArgumentParser
import RoleModel
import RoleReports

/// `rolescope assess`: the Skills tab as a plain-text command. The fits come from
/// `SelfAssessment.fits`, the same model function the app shows.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Rate yourself once per skill and see how you fit each role, and the gaps to close.",
        discussion: """
        Each --rate SKILL=LEVEL rates one skill: SKILL by the id `assess --list` shows, \
        LEVEL by name (none, basic, intermediate, advanced, expert) or number (0-4). Every \
        role is scored over the same shared skills, in whole levels: fit = levels met ÷ \
        levels needed, shown with its working in words; the gaps come largest first, each \
        with the plan step that closes it; see the README. Skills you do not rate are left \
        out and listed. An unknown skill or level exits 64 with the valid ones.
        """
    )
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: ArgumentHelp("Rate a skill, e.g. statistics=advanced or python=2 (repeatable).", valueName: "skill=level"))
    var rate: [String] = []
    @Flag(name: .long, help: "List the skills to rate, with their ids, what each role's sources give them, and the scale.")
    var list = false

    func validate() throws {
        if list && !rate.isEmpty { throw ValidationError("--list takes no --rate; use one or the other") }
        if !list && rate.isEmpty { throw ValidationError("give at least one --rate SKILL=LEVEL, or --list for the skills and the scale") }
    }

    func run() throws {
        let catalog = try content.catalog()
        if list {
            if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).assessableSkills()) }
            return try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).assessableSkills(), format: output.format)
        }
        let assessment = try Self.assessment(from: rate, in: catalog)
        if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).assessment(assessment)) }
        try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).assessment(assessment), format: output.format)
    }

    /// The ratings `--rate` gives, or exit 64 naming what is wrong and what is valid.
    static func assessment(from rates: [String], in catalog: Catalog) throws -> SelfAssessment {
        let skills = SelfAssessment.skills(in: catalog)
        var ratings: [String: SkillLevel] = [:]
        for rate in rates {
            let parts = rate.split(separator: "=", maxSplits: 1).map { $0.trimmed() }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                Console.error("rolescope: --rate '\(rate)' is not SKILL=LEVEL (for example statistics=advanced); see rolescope assess --list")
                throw ExitCode(64)
            }
            guard let skill = skills.first(where: { $0.id == parts[0].lowercased() }) else {
                Console.error("rolescope: unknown skill '\(parts[0])'; skills to rate: " + skills.map(\.id).joined(separator: ", "))
                throw ExitCode(64)
            }
            guard let level = SkillLevel(named: parts[1]) else {
                Console.error("rolescope: unknown level '\(parts[1])' for \(skill.id); levels: "
                              + SkillLevel.allCases.map { "\($0.title) (\($0.rawValue))" }.joined(separator: ", "))
                throw ExitCode(64)
            }
            ratings[skill.id] = level
        }
        return SelfAssessment(ratings: ratings)
    }
}
