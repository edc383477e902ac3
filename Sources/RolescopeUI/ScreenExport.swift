import RoleReports
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
    case profile(role: String)
    /// A session with changes the store could not take yet: what is stored, the walk as
    /// on screen, and the changes not saved, in words (offered when quitting).
    case unsavedSession(id: Int64, run: QuestionnaireRun?, pending: [String])

    /// "rolescope-compare-ai-engineer-ml-engineer.md".
    public var suggestedFileName: String { suggestedFileName(.markdown) }

    /// The file name with the format's extension: .md, .txt or .json.
    public func suggestedFileName(_ format: OutputFormat) -> String {
        let stem: String
        switch self {
        case .compare(let roles, _): stem = "rolescope-compare-" + roles.joined(separator: "-")
        case .quiz(let run): stem = "rolescope-quiz-\(run.questionnaire.id)"
        case .timeline(let role, let kind): stem = "rolescope-\(kind == .day ? "day" : "week")-\(role)"
        case .session(let id): stem = "rolescope-session-\(id)"
        case .plan(let role, let background): stem = "rolescope-plan-\(background)-to-\(role)"
        case .assessment: stem = "rolescope-self-assessment"
        case .profile(let role): stem = "rolescope-\(role)"
        case .unsavedSession(let id, _, _): stem = "rolescope-session-\(id)-unsaved"
        }
        return stem + "." + format.fileExtension
    }
}

extension OutputFormat {
    /// The usual extension of a file in this format.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .markdown: return "md"
        case .json: return "json"
        }
    }

    var title: String {
        switch self {
        case .text: return "text"
        case .markdown: return "Markdown"
        case .json: return "JSON"
        }
    }
}

/// Writes exports: Markdown from the same builders as the plain-text commands, written
/// atomically. `overwrite` false refuses an existing file (`ExportOutcome.exists`).
public protocol ScreenExporter: Sendable {
    /// `catalog` is the one on screen: with pay hidden, the export has no figures either.
    func export(_ request: ExportRequest, catalog: Catalog, to path: String, overwrite: Bool, format: OutputFormat) -> ExportOutcome
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

extension RolesScreen {
    /// The open profile, or the selected role's.
    public var exportRequest: ExportRequest? { (openRole ?? selectedRole).map { .profile(role: $0.id) } }
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
