import RoleModel

/// A role's profile, gathered from the catalog once: what `rolescope show` prints as text
/// or Markdown (`Reports.profile`) and as JSON (`JSONReports.profile`). Both render this one
/// value, so the formats cannot disagree about what a profile holds.
public struct RoleProfile: Sendable {
    public var role: Role
    /// The dimensions the role has values for, in catalog order, each with its group.
    public var dimensions: [RoleModel.Dimension]
    /// Those dimensions under their groups, in the catalog's group order.
    public var groups: [(group: DimensionGroup, dimensions: [RoleModel.Dimension])]
    public var overlaps: [Overlap]
    /// The moves into the role the articles describe.
    public var transitions: [Transition]
    /// Its day and week, days first.
    public var timelines: [Timeline]

    public init(_ role: Role, in catalog: Catalog) {
        self.role = role
        dimensions = catalog.dimensions.filter { !role.values(for: $0.id).isEmpty }
        groups = catalog.dimensionsByGroup.compactMap { entry -> (group: DimensionGroup, dimensions: [RoleModel.Dimension])? in
            let filled = entry.dimensions.filter { !role.values(for: $0.id).isEmpty }
            return filled.isEmpty ? nil : (entry.group, filled)
        }
        overlaps = catalog.overlaps(among: [role.id])
        transitions = catalog.transitions(into: role.id)
        timelines = catalog.timelines(for: role.id)
    }
}
