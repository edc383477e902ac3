/// Everything Rolescope knows: sources, how roles are compared, the roles, their overlaps
/// and transitions, the questionnaires and the timelines. Built by `CatalogLoader` from a
/// content directory (or decoded from the built-in data), and valid by construction.
public struct Catalog: Codable, Hashable, Sendable {
    public var sources: [Source]
    public var groups: [DimensionGroup]
    public var scales: [Scale]
    public var dimensions: [Dimension]
    public var categories: [Category]
    public var roles: [Role]
    public var overlaps: [Overlap]
    public var backgrounds: [Background]
    public var transitions: [Transition]
    public var questionnaires: [Questionnaire]
    public var timelines: [Timeline]
    /// Words and phrases search treats as the same ("k8s", "Kubernetes"), in groups.
    public var synonyms: [[String]] = []
    /// The skills a person rates, one per concept, each gathering every source's rating of it.
    public var skills: [Skill] = []
    /// Where each article scale's levels sit on the self-assessment's plain scale.
    public var equivalents: [ScaleEquivalent] = []

    public init(sources: [Source] = [], groups: [DimensionGroup] = [], scales: [Scale] = [],
                dimensions: [Dimension] = [], categories: [Category] = [], roles: [Role] = [],
                overlaps: [Overlap] = [], backgrounds: [Background] = [],
                transitions: [Transition] = [], questionnaires: [Questionnaire] = [],
                timelines: [Timeline] = []) {
        self.sources = sources
        self.groups = groups
        self.scales = scales
        self.dimensions = dimensions
        self.categories = categories
        self.roles = roles
        self.overlaps = overlaps
        self.backgrounds = backgrounds
        self.transitions = transitions
        self.questionnaires = questionnaires
        self.timelines = timelines
    }

    // MARK: Lookup by id

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }
    public func group(_ id: String) -> DimensionGroup? { groups.first { $0.id == id } }
    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    public func dimension(_ id: String) -> Dimension? { dimensions.first { $0.id == id } }
    public func category(_ id: String) -> Category? { categories.first { $0.id == id } }
    public func role(id: String) -> Role? { roles.first { $0.id == id } }
    public func background(id: String) -> Background? { backgrounds.first { $0.id == id } }
    public func questionnaire(id: String) -> Questionnaire? { questionnaires.first { $0.id == id } }
    public func timeline(id: String) -> Timeline? { timelines.first { $0.id == id } }
    public func skill(id: String) -> Skill? { skills.first { $0.id == id } }
    public func equivalent(ofScale id: String) -> ScaleEquivalent? { equivalents.first { $0.scale == id } }

    /// Dimensions in catalog order, grouped under their groups in group order.
    public var dimensionsByGroup: [(group: DimensionGroup, dimensions: [Dimension])] {
        groups.map { group in (group, dimensions.filter { $0.group == group.id }) }
            .filter { !$0.dimensions.isEmpty }
    }

    /// The timelines of a role, days before weeks.
    public func timelines(for role: String) -> [Timeline] {
        timelines.filter { $0.role == role }.sorted { ($0.kind == .day ? 0 : 1) < ($1.kind == .day ? 0 : 1) }
    }

    public func timeline(for role: String, kind: TimelineKind) -> Timeline? {
        timelines.first { $0.role == role && $0.kind == kind }
    }

    /// Overlaps that involve every one of `roles` (or, with one role, all of its overlaps).
    public func overlaps(among roles: [String]) -> [Overlap] {
        overlaps.filter { overlap in
            roles.count <= 1 ? roles.allSatisfy(overlap.roles.contains)
                : overlap.roles.filter(roles.contains).count >= 2
        }
    }

    public func transitions(into role: String) -> [Transition] { transitions.filter { $0.to == role } }

    public func transition(from background: String, to role: String) -> Transition? {
        transitions.first { $0.from == background && $0.to == role }
    }

    /// How the roles compare on `dimension`, by the rules of `Sameness` for its kind.
    public func comparison(_ dimension: String, among roles: [Role]) -> Sameness.Outcome {
        guard let kind = self.dimension(dimension)?.kind else { return .same }
        return Sameness.compare(kind, roles.map { $0.values(for: dimension) })
    }

    /// True when at least two of the roles have values for `dimension` and those differ.
    public func differs(_ dimension: String, among roles: [Role]) -> Bool {
        comparison(dimension, among: roles) == .differ
    }

    /// Of the dimensions at least one of `roles` has a value for, how many differ, how
    /// many are the same and how many only some roles are covered on: the count behind
    /// "36 of 61 rows differ".
    public func differenceCount(among roles: [Role]) -> DifferenceCount {
        var count = DifferenceCount()
        for dimension in dimensions where roles.contains(where: { !$0.values(for: dimension.id).isEmpty }) {
            count.rows += 1
            switch comparison(dimension.id, among: roles) {
            case .differ: count.differing += 1
            case .same: count.same += 1
            case .uncovered: count.uncovered += 1
            }
        }
        return count
    }
}

/// How many rows of a comparison differ, are the same, or cover only some roles.
public struct DifferenceCount: Hashable, Sendable {
    public var rows = 0
    public var differing = 0
    public var same = 0
    public var uncovered = 0

    public init() {}

    /// "36 of 61 rows differ (4 the same, 21 not covered for every role)".
    public var sentence: String {
        var parts: [String] = []
        if same > 0 { parts.append("\(same) the same") }
        if uncovered > 0 { parts.append("\(uncovered) not covered for every role") }
        return "\(differing) of \(rows) rows differ" + (parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")")
    }
}
