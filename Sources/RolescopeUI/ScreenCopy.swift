import RoleModel
import RoleReports
import TerminalKit

/// What `y` copies from each screen: the focused thing, as the plain-text commands print
/// it (the same documents, rendered as text), so a copy reads like `rolescope show`.
func plainText(_ document: Document) -> String { TextRenderer(width: 80, unicode: true).render(document) }

extension RolesScreen {
    /// On the list, the selected role's profile; on a profile, the section at the top.
    public var copied: (what: String, text: String)? {
        if let role = openRole {
            let document = layout(role)
            let top = document.sections.last { $0 <= scroll.offset } ?? 0
            let end = document.sections.first { $0 > top } ?? document.lines.count
            let text = document.lines[top..<end].map(\.text).joined(separator: "\n")
            return ("a section of \(role.title)'s profile", text.trimmed() + "\n")
        }
        guard let role = selectedRole else { return nil }
        return ("\(role.title)'s profile", plainText(Reports(catalog: catalog).profile(role)))
    }
}

extension CompareScreen {
    /// The cursor's row, every role's values in full with their sources.
    public var copied: (what: String, text: String)? {
        guard let key = currentKey(layout()) else { return nil }
        let title = CompareDetail.title(key: key, catalog: catalog)
        let lines = CompareDetail.lines(key: key, catalog: catalog, roles: roles, width: 78, glyphs: .unicode)
        return ("the \(title) row", ([title] + lines.map(\.text)).joined(separator: "\n") + "\n")
    }
}

extension QuestionnaireScreen {
    /// A result as `rolescope quiz` prints it; a question with its answers.
    public var copied: (what: String, text: String)? {
        guard let run else { return nil }
        if run.outcome != nil, view == .result { return ("the result", plainText(Reports(catalog: catalog).quiz(run))) }
        guard let question = shownQuestion else { return nil }
        let answers = question.answers.enumerated().map { "\($0.offset + 1). \($0.element.label)" }
        return ("the question", ([question.prompt] + answers).joined(separator: "\n") + "\n")
    }
}

extension TimelineScreen {
    /// The selected entry: when, what, the detail and its sources.
    public var copied: (what: String, text: String)? {
        guard let entry = selectedEntry, let timeline = timeline(for: role, kind: kind) else { return nil }
        var lines = ["\(entry.slot.text(for: kind))  \(entry.title)"]
        if !entry.detail.isEmpty { lines.append(entry.detail) }
        let sources = entry.sources.compactMap { catalog.source($0)?.short }
        if !sources.isEmpty { lines.append("Sources: " + sources.joined(separator: ", ")) }
        lines.append("(\(timeline.title))")
        return ("the \(entry.slot.text(for: kind)) entry", lines.joined(separator: "\n") + "\n")
    }
}

extension PlanScreen {
    /// The plan as `rolescope plan` prints it.
    public var copied: (what: String, text: String)? {
        guard let background else { return nil }
        return ("the plan", plainText(Reports(catalog: catalog).plan(catalog.plan(from: background, to: role), commandLine: false)))
    }
}

extension SkillsScreen {
    /// The self-assessment as `rolescope assess` prints it.
    public var copied: (what: String, text: String)? {
        assessment.ratings.isEmpty ? nil : ("the self-assessment", plainText(Reports(catalog: catalog).assessment(assessment)))
    }
}
