import RoleModel
import TerminalKit

/// The Skills tab: the self-assessment. Each skill the catalog rates is one line, grouped
/// by the article table it comes from, with the user's rating on the five-step scale
/// (none, basic, working, strong, expert) and the selected step's meaning shown below, so
/// people rate alike. The results page gives each role's fit score with its working and
/// the gaps to close for the chosen role, largest first, as bars.
///
/// Levels: the ratings are the top; the results sit below them (Enter or r), and
/// Esc/q/h/Left/Backspace climb back out. Opening the results completes the assessment:
/// the screen queues it (`takeCompleted`), and the app stores it with the running session.
public struct SkillsScreen: Screen {
    enum Action: Hashable, Sendable {
        /// The direction of these comes from the key (`k`/`↑`/`g`/`PgUp` go back).
        case move, ends, page
        case step, clear
        /// The level comes from the digit pressed.
        case rate
        case results, back
    }

    enum Page: Hashable, Sendable { case rating, results }

    /// A line of the ratings list: a table's heading, or a skill (an index into `skills`).
    enum Row: Hashable, Sendable {
        case group(String)
        case skill(Int)
    }

    let catalog: Catalog
    /// The skills the catalog rates, in catalog order.
    let skills: [RatedSkill]
    let rows: [Row]
    /// For each skill, what each role that has a level for it needs ("Data Scientist: Critical").
    let needs: [[String]]
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
    /// A one-off note for the breadcrumb ("stored with session #3"), cleared by the next key.
    private(set) var status: String?
    /// The assessment completed by the last update, for the app to store.
    private var completed: SelfAssessment?
    /// What was last stored, and in which session: the same ratings are not stored twice.
    private(set) var lastStored: (session: Int64, ratings: SelfAssessment)?
    private(set) var width = 0
    private(set) var height = 0

    public init(catalog: Catalog) {
        self.catalog = catalog
        let skills = SelfAssessment.skills(in: catalog)
        self.skills = skills
        var rows: [Row] = []
        for (index, skill) in skills.enumerated() {
            if index == 0 || skills[index - 1].group != skill.group { rows.append(.group(skill.group)) }
            rows.append(.skill(index))
        }
        self.rows = rows
        needs = skills.map { skill in
            catalog.roles.compactMap { role -> String? in
                SelfAssessment.highestLevel(of: role, skill: skill.id).map { "\(role.title): \($0.rating.level)" }
            }
        }
    }

    /// Shows the ratings of an earlier assessment (a resumed session's last one), on the
    /// ratings page; `session` says which session they are already stored in.
    public mutating func restore(_ ratings: SelfAssessment, storedIn session: Int64?) {
        assessment = ratings
        page = .rating
        selection = 0
        offset = 0
        fits = []
        if let session { lastStored = (session, ratings) }
        settle()
    }

    /// The assessment the user completed in the last update (opened the results), once.
    public mutating func takeCompleted() -> SelfAssessment? {
        defer { completed = nil }
        return completed
    }

    /// The app stored `ratings` with `session`.
    public mutating func stored(_ ratings: SelfAssessment, in session: Int64) {
        lastStored = (session, ratings)
        status = "stored with session #\(session)"
    }

    /// Whether `ratings` are what was last stored with `session`.
    public func isStored(_ ratings: SelfAssessment, in session: Int64) -> Bool {
        lastStored.map { $0.session == session && $0.ratings == ratings } ?? false
    }

    var selectedSkill: RatedSkill? { skills.indices.contains(selection) ? skills[selection] : nil }

    func rating(of skill: RatedSkill) -> SkillLevel? { assessment.ratings[skill.id] }

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
            guard let action = keyMap.action(for: key) else { return .ignored }
            status = nil
            perform(action, backwards: Self.goesBack(key), level: Self.level(of: key))
            settle()
            return .handled
        }
    }

    static func goesBack(_ key: Key) -> Bool {
        switch key {
        case .up, .char("k"), .char("g"), .home, .pageUp, .ctrl("u"), .left, .char("h"): return true
        default: return false
        }
    }

    /// The step a digit key names (0 none … 4 expert).
    static func level(of key: Key) -> SkillLevel? {
        guard case .char(let character) = key, let digit = character.wholeNumberValue else { return nil }
        return SkillLevel(rawValue: digit)
    }

    mutating func perform(_ action: Action, backwards: Bool, level: SkillLevel? = nil) {
        let delta = backwards ? -1 : 1
        switch page {
        case .rating:
            switch action {
            case .move: selection += delta
            case .ends: selection = backwards ? 0 : skills.count - 1
            case .page: selection += delta * max(1, listHeight - 1)
            case .step: step(by: delta)
            case .clear: if let skill = selectedSkill { assessment.ratings[skill.id] = nil }
            case .rate:
                if let skill = selectedSkill, let level { assessment.ratings[skill.id] = level }
                selection += 1
            case .results: openResults()
            case .back: break
            }
        case .results:
            switch action {
            case .move:
                roleSelection = min(max(0, roleSelection + delta), max(0, fits.count - 1))
                detailOffset = 0
            case .page: detailOffset += delta * max(1, detailHeight - 1)
            case .ends: detailOffset = backwards ? 0 : Int.max
            case .back, .results: page = .rating
            default: break
            }
        }
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
    mutating func openResults() {
        fits = RoleFit.ranked(assessment.fits(in: catalog))
        roleSelection = 0
        detailOffset = 0
        page = .results
        if !assessment.ratings.isEmpty { completed = assessment }
    }

    /// Keeps the selection on a skill and in view, and the working's scroll in range.
    mutating func settle() {
        selection = min(max(0, selection), max(0, skills.count - 1))
        if let row = rows.firstIndex(of: .skill(selection)) {
            // The table's heading stays in view with its first skill.
            let top = row > 0 && rows[row - 1] != .skill(selection - 1) ? row - 1 : row
            if top < offset { offset = top }
            if row >= offset + listHeight { offset = row - listHeight + 1 }
        }
        offset = min(max(0, offset), max(0, rows.count - listHeight))
        let lines = detailLines(width: resultsArea.detail.width, glyphs: .ascii).count
        detailOffset = min(max(0, detailOffset), max(0, lines - detailHeight))
    }

    mutating func handleMouse(_ mouse: MouseEvent) -> ScreenResult {
        status = nil
        switch page {
        case .rating:
            if let wheel = Event.mouse(mouse).wheel {
                selection += wheel
            } else if mouse.kind == .press, ratingArea.list.contains(x: mouse.x, y: mouse.y),
                      rows.indices.contains(offset + mouse.y - ratingArea.list.y),
                      case .skill(let index) = rows[offset + mouse.y - ratingArea.list.y] {
                selection = index
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
        if let status { crumb += " · " + status }
        return crumb
    }

    public var isAtTop: Bool { page == .rating }

    public var keyHelp: KeyHelp { KeyHelp(keyMap) }
    public var keyHints: KeyHints { KeyHints(keyMap) }

    var keyMap: KeyMap<Action> {
        guard !skills.isEmpty else { return KeyMap([]) }
        switch page {
        case .rating:
            return KeyMap([
                KeyBinding([.down, .up, .char("j"), .char("k")], label: "j/k", "next / previous skill", action: .move, showsInHintBar: false),
                KeyBinding([.char("g"), .char("G"), .home, .end], label: "g/G", "first / last skill", action: .ends, showsInHintBar: false),
                KeyBinding([.pageDown, .pageUp, .ctrl("d"), .ctrl("u")], label: "PgDn/PgUp", "a page of skills", action: .page, showsInHintBar: false),
                KeyBinding([.left, .right, .char("h"), .char("l")], label: "h/l", "lower/raise", action: .step),
                // Digits rate here (Tab and Shift-Tab still switch tabs).
                KeyBinding(SkillLevel.allCases.map { .char(Character(String($0.rawValue))) }, label: "0-4",
                           "rate", action: .rate),
                KeyBinding([.char("x"), .delete], label: "x", "clear the rating (not rated; h below none does too)", action: .clear, showsInHintBar: false),
                KeyBinding([.enter, .char("r")], label: "Enter", "fit by role", action: .results),
            ])
        case .results:
            return KeyMap([
                KeyBinding([.down, .up, .char("j"), .char("k")], label: "j/k", "choose role", action: .move),
                KeyBinding([.pageDown, .pageUp, .ctrl("d"), .ctrl("u")], label: "PgDn/PgUp", "scroll the working", action: .page, showsInHintBar: false),
                KeyBinding([.char("g"), .char("G"), .home, .end], label: "g/G", "top / bottom of the working", action: .ends, showsInHintBar: false),
                KeyBinding([.escape, .char("q"), .char("h"), .left, .backspace, .enter, .char("r")], label: "Esc", "back to ratings", action: .back),
            ])
        }
    }
}
