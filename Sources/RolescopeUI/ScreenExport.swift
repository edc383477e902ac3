import RoleModel
import TerminalKit

/// What `e` exports: the document the screen shows, named so the app (which owns the
/// Markdown builders and the file system) can write it.
public enum ExportRequest: Hashable, Sendable {
    case compare(roles: [String], differencesOnly: Bool)
    case quiz(QuestionnaireRun)
    case timeline(role: String, kind: TimelineKind)
    case session(id: Int64)
    case plan(role: String, background: String)
    case assessment(SelfAssessment)

    /// "rolescope-compare-ai-engineer-ml-engineer.md".
    public var suggestedFileName: String {
        switch self {
        case .compare(let roles, _): return "rolescope-compare-" + roles.joined(separator: "-") + ".md"
        case .quiz(let run): return "rolescope-quiz-\(run.questionnaire.id).md"
        case .timeline(let role, let kind): return "rolescope-\(kind == .day ? "day" : "week")-\(role).md"
        case .session(let id): return "rolescope-session-\(id).md"
        case .plan(let role, let background): return "rolescope-plan-\(background)-to-\(role).md"
        case .assessment: return "rolescope-self-assessment.md"
        }
    }
}

/// Writes exports: Markdown from the same builders as the plain-text commands, written
/// atomically. `overwrite` false refuses an existing file (`ExportOutcome.exists`).
public protocol ScreenExporter: Sendable {
    /// `catalog` is the one on screen: with pay hidden, the export has no figures either.
    func export(_ request: ExportRequest, catalog: Catalog, to path: String, overwrite: Bool) -> ExportOutcome
}

public enum ExportOutcome: Hashable, Sendable {
    case saved(String)
    case exists(String)
    case failed(String)
}

/// The export prompt: the file name being edited, then, if that file exists, the
/// question whether to replace it.
struct ExportPrompt: Hashable, Sendable {
    var request: ExportRequest
    var editor: LineEditor
    var confirming: String?
}

extension CompareScreen {
    public var exportRequest: ExportRequest? {
        roleIDs.count >= 2 ? .compare(roles: roleIDs, differencesOnly: differencesOnly) : nil
    }
}

extension QuestionnaireScreen {
    /// A result: the session's record when one is recorded, else the walk.
    public var exportRequest: ExportRequest? {
        guard let run, run.outcome != nil else { return nil }
        if let id = session?.id { return .session(id: id) }
        return .quiz(run)
    }
}

extension TimelineScreen {
    public var exportRequest: ExportRequest? { role.isEmpty ? nil : .timeline(role: role, kind: kind) }
}

extension SkillsScreen {
    public var exportRequest: ExportRequest? { assessment.ratings.isEmpty ? nil : .assessment(assessment) }
}
