import ArgumentParser
import RoleModel
import RoleReports

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "How to move from a background into a role: what to learn, in order, and how long it takes.",
        discussion: """
        Backgrounds are the ones the articles name (software-engineer, data-analyst, \
        data-scientist, ml-graduate, quant-stats-econ, ...); an alias or unique prefix works \
        too. When the articles describe no such move, the plan says so, lists the \
        backgrounds that do lead to the role, and exits 1.
        """
    )
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Option(name: .long, help: ArgumentHelp("Where you are coming from (e.g. software-engineer, analyst).", valueName: "background"))
    var from: String
    @Option(name: .long, help: ArgumentHelp("The role you want (id, alias or unique prefix).", valueName: "role"))
    var to: String

    func run() throws {
        let catalog = try content.catalog()
        let background: Background
        do { background = try catalog.background(matching: from) } catch {
            // Backgrounds that are roles too (a data scientist moving on) answer to the
            // role's names as well: --from ds, --from mle.
            guard let role = try? catalog.role(matching: from), let same = catalog.background(id: role.id) else {
                Console.error("rolescope: \(error)")
                throw ExitCode(64)
            }
            background = same
        }
        let role = try catalog.roleArgument(to)
        let plan = catalog.plan(from: background, to: role)
        if output.format == .json {
            try output.destination.emit(JSONReports(catalog: catalog).plan(plan))
        } else {
            try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).plan(plan), format: output.format)
        }
        if plan.transition == nil { throw ExitCode(1) }
    }
}
