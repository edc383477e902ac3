import RoleModel
import TerminalKit

/// What the app remembers between runs (`$XDG_STATE_HOME/rolescope/state.yaml`): the tab,
/// the roles in Compare and its toggles, the timeline's role and mode, the questionnaires
/// in progress with their answers, the self-assessment's ratings, and whether pay is
/// hidden. Written on quit, read at start unless `--fresh`.
public struct ViewState: Hashable, Sendable {
    public var tab: Tab = .roles
    public var compareRoles: [String] = []
    public var differencesOnly = false
    public var showsSources = true
    /// Compare in full text rather than at a glance.
    public var fullText = false
    public var timelineRole: String?
    public var timelineKind: TimelineKind = .day
    public var timelinePartner: String?
    /// The questionnaire on screen, if one was.
    public var questionnaire: String?
    /// Answers given so far, by questionnaire id.
    public var walks: [String: [Int]] = [:]
    public var ratings: [String: SkillLevel] = [:]
    public var payHidden = false

    public init() {}

    /// Why a state file could not be read: it is set aside, never a reason not to start.
    public struct Unreadable: Error, Hashable, Sendable {
        public var line: Int
        public var message: String
    }

    /// The state as a small YAML file.
    public var text: String {
        var lines = ["# Rolescope's view when it last quit; delete this file (or start with --fresh) to start afresh.",
                     "version: 1",
                     "tab: \(tab.name)",
                     "compare: [\(compareRoles.map(Self.quote).joined(separator: ", "))]",
                     "differences-only: \(differencesOnly)",
                     "sources: \(showsSources)",
                     "full-text: \(fullText)"]
        if let timelineRole { lines.append("timeline-role: \(Self.quote(timelineRole))") }
        lines.append("timeline-kind: \(timelineKind.rawValue)")
        if let timelinePartner { lines.append("timeline-partner: \(Self.quote(timelinePartner))") }
        if let questionnaire { lines.append("questionnaire: \(Self.quote(questionnaire))") }
        lines.append("walks:" + (walks.isEmpty ? " {}" : ""))
        for (id, answers) in walks.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(Self.quote(id)): [\(answers.map(String.init).joined(separator: ", "))]")
        }
        lines.append("ratings:" + (ratings.isEmpty ? " {}" : ""))
        for (skill, level) in ratings.sorted(by: { $0.key < $1.key }) {
            lines.append("  \(Self.quote(skill)): \(level.rawValue)")
        }
        lines.append("hide-pay: \(payHidden)")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func parse(_ text: String) throws(Unreadable) -> ViewState {
        var state = ViewState()
        let document: YAMLValue?
        do throws(YAMLValue.ParseError) { document = try YAMLValue.parse(text) } catch {
            throw Unreadable(line: error.line, message: error.message)
        }
        guard let document else { return state }
        guard case .mapping(let pairs, _, _) = document else { throw Unreadable(line: document.line, message: "not a mapping") }
        for pair in pairs {
            let value = pair.value
            switch pair.key {
            case "version":
                guard try scalar(value) == "1" else { throw Unreadable(line: value.line, message: "unknown version") }
            case "tab":
                guard let tab = Tab.allCases.first(where: { $0.name == (try? scalar(value)) }) else {
                    throw Unreadable(line: value.line, message: "unknown tab")
                }
                state.tab = tab
            case "compare": state.compareRoles = try list(value)
            case "differences-only": state.differencesOnly = try scalar(value) == "true"
            case "sources": state.showsSources = try scalar(value) != "false"
            case "full-text": state.fullText = try scalar(value) == "true"
            case "timeline-role": state.timelineRole = try scalar(value)
            case "timeline-kind": state.timelineKind = TimelineKind(rawValue: try scalar(value)) ?? .day
            case "timeline-partner": state.timelinePartner = try scalar(value)
            case "questionnaire": state.questionnaire = try scalar(value)
            case "walks":
                for (id, answers) in try mapping(value) {
                    let numbers = try list(answers).compactMap { Int($0) }
                    state.walks[id] = numbers
                }
            case "ratings":
                for (skill, level) in try mapping(value) {
                    guard let number = Int(try scalar(level)), let rating = SkillLevel(rawValue: number) else {
                        throw Unreadable(line: level.line, message: "a rating is 0 to 4")
                    }
                    state.ratings[skill] = rating
                }
            case "hide-pay": state.payHidden = try scalar(value) == "true"
            default: break // written by a later version: ignored
            }
        }
        return state
    }

    private static func scalar(_ value: YAMLValue) throws(Unreadable) -> String {
        guard case .scalar(let text, _, _) = value else { throw Unreadable(line: value.line, message: "expected a value") }
        return text
    }

    private static func list(_ value: YAMLValue) throws(Unreadable) -> [String] {
        guard case .list(let items, _, _) = value else { throw Unreadable(line: value.line, message: "expected a list") }
        var result: [String] = []
        for item in items { result.append(try scalar(item)) }
        return result
    }

    private static func mapping(_ value: YAMLValue) throws(Unreadable) -> [(String, YAMLValue)] {
        guard case .mapping(let pairs, _, _) = value else { throw Unreadable(line: value.line, message: "expected a mapping") }
        return pairs.map { ($0.key, $0.value) }
    }

    private static func quote(_ text: String) -> String {
        var quoted = "\""
        for character in text {
            if character == "\\" || character == "\"" { quoted.append("\\") }
            if character.isNewline { continue }
            quoted.append(character)
        }
        return quoted + "\""
    }
}

extension Tab {
    /// The tab's name in the state file.
    public var name: String { title.lowercased() }
}

extension AppModel {
    /// The view as it is now, for the state file.
    public var viewState: ViewState {
        var state = ViewState()
        state.tab = tab
        (state.compareRoles, state.differencesOnly, state.showsSources, state.fullText) = compare.place
        let place = timeline.place
        state.timelineRole = place.role
        state.timelineKind = place.kind
        state.timelinePartner = place.partner
        state.questionnaire = questionnaire.openQuestionnaire
        state.walks = questionnaire.walks
        state.ratings = skills.ratings
        state.payHidden = payHidden
        return state
    }

    /// Opens the app where `state` left it. What no longer fits the content (a role or a
    /// questionnaire since removed, answers to a changed question) is quietly dropped.
    /// Each screen settles its own place; nothing is laid out for a screen not shown.
    public mutating func restore(_ state: ViewState) {
        if state.compareRoles.count >= 2 { compare.compare(roles: state.compareRoles) }
        compare.setToggles(differencesOnly: state.differencesOnly, showsSources: state.showsSources, fullText: state.fullText)
        if let role = state.timelineRole, catalog.role(id: role) != nil {
            if let partner = state.timelinePartner {
                timeline.showPair(role, partner)
            } else {
                timeline.show(role: role, kind: state.timelineKind, entry: nil)
            }
        }
        questionnaire.restore(walks: state.walks, open: state.questionnaire)
        if !state.ratings.isEmpty { skills.restore(SelfAssessment(ratings: state.ratings)) }
        if state.payHidden { setPayHidden(true) }
        tab = state.tab
        history = []
    }
}
