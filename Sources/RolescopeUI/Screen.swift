import RoleModel
import TerminalKit

/// One screen of the app (a tab's content): a value with state, an `update` that is the
/// only place that state changes, and a `render` that is a pure function of it.
///
/// The app gives a screen its content area only: `.resize` events carry the content
/// area's size (sent once before the first render and whenever it changes), and mouse
/// events arrive in content-area coordinates. Keys the screen does not use it returns as
/// `.ignored`, and the app applies its global keys (tabs, search, help, quit).
public protocol Screen: Sendable {
    /// Where the user is inside the screen, for the header: "ML Engineer › Pay".
    var breadcrumb: String { get }
    /// The keys the screen handles in its current state, from the same `KeyMap` its
    /// `update` dispatches on; the hint bar and the help overlay are drawn from it.
    var keyHelp: KeyHelp { get }
    var keyHints: KeyHints { get }
    /// True when the screen is at its top level, so Esc/q/h/Backspace would leave it.
    var isAtTop: Bool { get }
    /// True when the screen is capturing text (a number pad, a filter): global
    /// single-letter keys are then not applied.
    var capturesText: Bool { get }
    /// True while a one-line editor takes every key (a note being written): the hint
    /// bar then shows only the editor's keys, since `/` and `?` are typed, not run.
    var editsText: Bool { get }

    mutating func update(_ event: Event) -> ScreenResult
    func render(into buffer: inout Buffer, area: Rect)
}

extension Screen {
    public var capturesText: Bool { false }
    public var editsText: Bool { false }
}

/// What a screen did with an event.
public enum ScreenResult: Hashable, Sendable {
    /// The screen used the event.
    case handled
    /// Not the screen's; the app applies its global keys.
    case ignored
    /// Go to another screen (the app switches tab and opens it there).
    case navigate(Destination)
}

/// A place a screen or a search hit can send the user.
public enum Destination: Hashable, Sendable {
    /// A role's full profile, scrolled to a dimension when one is given.
    case profile(role: String, dimension: String?)
    /// The comparison of these roles.
    case compare(roles: [String])
    /// A role's day or week, with an entry highlighted when one is given.
    case timeline(role: String, kind: TimelineKind, entry: Int?)
    /// Two roles' days side by side.
    case timelinePair(String, String)
    /// A questionnaire from its first question.
    case questionnaire(id: String)
    /// The plan for moving into a role, from a background (or the first one with a plan
    /// when nil), opened over the current tab; Esc comes back to it.
    case plan(role: String, background: String?)
}

/// The tabs of the header, in order.
public enum Tab: Int, CaseIterable, Hashable, Sendable {
    case roles, compare, questionnaire, timeline, skills

    public var title: String {
        switch self {
        case .roles: return "Roles"
        case .compare: return "Compare"
        case .questionnaire: return "Questionnaire"
        case .timeline: return "Timeline"
        case .skills: return "Skills"
        }
    }
}
