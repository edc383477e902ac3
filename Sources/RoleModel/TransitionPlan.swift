/// What the articles offer someone moving from a background into a role: the transition
/// itself when one is described, and otherwise where else they could start or go.
public struct TransitionPlan: Hashable, Sendable {
    public var background: Background
    public var role: Role
    /// The move the articles describe; nil when none covers this pair.
    public var transition: Transition?
    /// Backgrounds the articles do describe a move into `role` from, in catalog order.
    public var otherBackgrounds: [Background]
    /// Roles the articles describe a move into from `background`, in catalog order.
    public var otherRoles: [Role]

    public init(background: Background, role: Role, transition: Transition?, otherBackgrounds: [Background], otherRoles: [Role]) {
        self.background = background
        self.role = role
        self.transition = transition
        self.otherBackgrounds = otherBackgrounds
        self.otherRoles = otherRoles
    }
}

extension Catalog {
    /// The plan for moving from `background` into `role`.
    public func plan(from background: Background, to role: Role) -> TransitionPlan {
        let into = Set(transitions(into: role.id).map(\.from))
        let outOf = Set(transitions.filter { $0.from == background.id }.map(\.to))
        return TransitionPlan(
            background: background, role: role, transition: transition(from: background.id, to: role.id),
            otherBackgrounds: backgrounds.filter { into.contains($0.id) && $0.id != background.id },
            otherRoles: roles.filter { outOf.contains($0.id) && $0.id != role.id })
    }
}
