import RoleModel
import TerminalKit

/// The Skills tab: the self-assessment. Each skill is one line, once, however many
/// articles rate it, with the user's rating on the plain scale (none, basic, intermediate,
/// advanced, expert); below the list, what the selected step means for that skill and
/// what each role's sources say of it on their own scales. The results page gives each
/// role's fit over the same shared skills, the working in words, and the gaps to close,
/// largest first, each with the plan step that closes it.
///
/// Levels: the ratings are the top; the results sit below them (Enter or f), and
/// Esc/q/h/Left/Backspace climb back out. Opening the results completes the assessment:
/// it is returned as a `.record` effect, and the app stores it with the running session.
public struct SkillsScreen: Screen {
    enum Page: Hashable, Sendable { case rating, results }

    let catalog: Catalog
    /// The skills to rate, in catalog order.
    let skills: [Skill]
    /// How many skills every score rests on, worked out when the results open.
    private(set) var sharedCount = 0
    public private(set) var assessment = SelfAssessment()
    /// The selected skill, an index into `skills`.
    private(set) var selection = 0
    /// The first list row shown.
    private(set) var offset = 0
    private(set) var page: Page = .rating
    /// The fits as of the last time the results were opened, best first.
    private(set) var fits: [RoleFit] = []
    /// The role whose gaps are shown, an index into `fits`.
    private(set) var roleSelection = 0
    /// The results' working, scrolled to this line.
    private(set) var detailOffset = 0
    private(set) var width = 0
    private(set) var height = 0

    public init(catalog: Catalog) {
        self.catalog = catalog
        let skills = SelfAssessment.skills(in: catalog)
        self.skills = skills
    }

    /// The most roles the footer gives a line each, and the needs column names; a catalog
    /// with more says how many more (a line names only a few before it is cut anyway).
    static let rolesShown = 6

    /// What the first roles' sources give a skill, in short ("AI Engineer advanced").
    func needs(_ index: Int) -> [String] {
        catalog.roles.prefix(Self.rolesShown).compactMap { role -> String? in
            let need = SelfAssessment.need(of: role, skill: skills[index], in: catalog)
            switch need.coverage {
            case .rated: return "\(role.title) \(need.step!.title)"
            case .listed: return "\(role.title) listed"
            case .notCovered: return nil
            }
        }
    }

    /// Shows the ratings of an earlier assessment (a resumed session's last one), on the
    /// ratings page; `session` says which session they are already stored in.
    public mutating func restore(_ ratings: SelfAssessment) {
        assessment = SelfAssessment(ratings: SelfAssessment.canonical(ratings.ratings, in: catalog))
        page = .rating
        selection = 0
        offset = 0
        fits = []
        settle()
    }

    /// The ratings given, for the state file.
    public var ratings: [String: SkillLevel] { assessment.ratings }

    var selectedSkill: Skill? { skills.indices.contains(selection) ? skills[selection] : nil }

    func rating(of skill: Skill) -> SkillLevel? { assessment.ratings[skill.id] }

    var ratedCount: Int { skills.filter { assessment.ratings[$0.id] != nil }.count }

    // MARK: Update

    public mutating func update(_ event: Event) -> ScreenResult {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            settle()
            return .handled
        case .tick:
            return .ignored
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .key(let key):
            return handle(key: key)
        }
    }

    public mutating func perform(_ action: Action) -> ScreenResult {
        defer { settle() }
        switch page {
        case .rating:
            if let movement = action.movement {
                var list = ListState(selected: selection)
                list.apply(movement, count: skills.count, visibleRows: max(1, listHeight))
                selection = list.selected ?? 0
                return .handled
            }
            switch action {
            case .raise: step(by: 1)
            case .lower: step(by: -1)
            case .clear: if let skill = selectedSkill { assessment.ratings[skill.id] = nil }
            case .open, .fit: return openResults()
            default: return .ignored
            }
        case .results:
            switch action {
            case .up, .down:
                roleSelection = min(max(0, roleSelection + (action == .up ? -1 : 1)), max(0, fits.count - 1))
                detailOffset = 0
            case .pageUp, .pageDown, .halfPageUp, .halfPageDown, .first, .last:
                var state = ViewportState(offset: detailOffset)
                let lines = detailLines(width: resultsArea.detail.width, glyphs: .ascii).count
                state.apply(action.movement!, contentHeight: lines, visibleRows: detailHeight)
                detailOffset = state.offset
            case .back, .quit, .fit, .open: page = .rating
            case .plan:
                // The plan into the chosen role, from the background whose plan closes its
                // largest gap (the gap list names that step).
                guard fits.indices.contains(roleSelection), !catalog.backgrounds.isEmpty else { return .ignored }
                let fit = fits[roleSelection]
                return .navigate(.plan(role: fit.role, background: fit.gaps.lazy.compactMap(\.plan.first).first?.from))
            default: return .ignored
            }
        }
        return .handled
    }

    /// One step along none < basic < ... < expert; below none is "not rated".
    mutating func step(by delta: Int) {
        guard let skill = selectedSkill else { return }
        let current = assessment.ratings[skill.id].map(\.rawValue) ?? -1
        let next = min(max(-1, current + delta), SkillLevel.expert.rawValue)
        assessment.ratings[skill.id] = next < 0 ? nil : SkillLevel(rawValue: next)
    }

    /// Works out the fits (one model function, the same as `rolescope assess`) and shows
    /// them, the best fit chosen; this completes the assessment.
    mutating func openResults() -> ScreenResult {
        fits = RoleFit.ranked(assessment.fits(in: catalog))
        sharedCount = SelfAssessment.sharedSkills(in: catalog).count
        roleSelection = 0
        detailOffset = 0
        page = .results
        return assessment.ratings.isEmpty ? .handled : .done([.record(.assessment(assessment))])
    }

    /// Keeps the selection on a skill and in view, and the working's scroll in range.
    mutating func settle() {
        selection = min(max(0, selection), max(0, skills.count - 1))
        if selection < offset { offset = selection }
        if selection >= offset + listHeight { offset = selection - listHeight + 1 }
        offset = min(max(0, offset), max(0, skills.count - listHeight))
        let lines = detailLines(width: resultsArea.detail.width, glyphs: .ascii).count
        detailOffset = min(max(0, detailOffset), max(0, lines - detailHeight))
    }

    mutating func handleMouse(_ mouse: MouseEvent) -> ScreenResult {
        switch page {
        case .rating:
            if let wheel = Event.mouse(mouse).wheel {
                selection += wheel
            } else if mouse.kind == .press, ratingArea.list.contains(x: mouse.x, y: mouse.y),
                      skills.indices.contains(offset + mouse.y - ratingArea.list.y) {
                selection = offset + mouse.y - ratingArea.list.y
            }
        case .results:
            if let wheel = Event.mouse(mouse).wheel {
                detailOffset += wheel * 3
            } else if mouse.kind == .press, resultsArea.roles.contains(x: mouse.x, y: mouse.y) {
                let index = mouse.y - resultsArea.roles.y - 1
                if fits.indices.contains(index), index != roleSelection {
                    roleSelection = index
                    detailOffset = 0
                }
            }
        }
        settle()
        return .handled
    }

    // MARK: Keys

    public var breadcrumb: String {
        var crumb = "Skills › " + (page == .rating ? "Rate yourself" : "Fit by role")
        if page == .results, fits.indices.contains(roleSelection) { crumb += " › " + fits[roleSelection].title }
        return crumb
    }

    public var isAtTop: Bool { page == .rating }

    public var section: String { page == .rating ? "Rate yourself" : "Fit by role" }

    public var commands: [Command] {
        guard !skills.isEmpty else { return [] }
        switch page {
        case .rating:
            return [
                Command(.down, "next skill", hint: false), Command(.up, "previous skill", hint: false),
                Command(.first, "first skill", hint: false), Command(.last, "last skill", hint: false),
                Command(.pageDown, "a page of skills", hint: false), Command(.pageUp, "a page of skills back", hint: false),
                Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
                Command(.raise, "raise"), Command(.lower, "lower"),
                Command(.clear, "clear the rating (not rated; lowering below none does too)", hint: false),
                Command(.fit, "fit by role"), Command(.open, "fit by role", hint: false),
            ]
        case .results:
            return [
                Command(.down, "next role"), Command(.up, "previous role", hint: false),
            ] + (catalog.backgrounds.isEmpty ? [] : [Command(.plan, "plan")]) + [
                Command(.pageDown, "scroll the working", hint: false), Command(.pageUp, "scroll the working back", hint: false),
                Command(.halfPageDown, "half a page down", hint: false), Command(.halfPageUp, "half a page up", hint: false),
                Command(.first, "top of the working", hint: false), Command(.last, "bottom of the working", hint: false),
                Command(.back, "back to ratings"), Command(.quit, "back to ratings", hint: false),
                Command(.fit, "back to ratings", hint: false), Command(.open, "back to ratings", hint: false),
            ]
        }
    }

    /// The selected skill's row, or the chosen role in the results.
    public var focus: Point? {
        switch page {
        case .rating:
            guard skills.indices.contains(selection) else { return nil }
            return Point(x: ratingArea.list.x, y: ratingArea.list.y + selection - offset)
        case .results:
            return Point(x: resultsArea.roles.x, y: resultsArea.roles.y + 1 + roleSelection)
        }
    }
}
