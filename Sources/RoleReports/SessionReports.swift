#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import SessionStore

/// The documents of `rolescope sessions`: the list, and one session in full (shown, or
/// exported as Markdown for sharing after an interview). Built from the stored texts
/// only, so they need no catalog and read the same after the content changes.
public struct SessionReports: Sendable {
    /// The zone times are shown in; nil for the local time zone.
    public var timeZone: TimeZone?

    public init(timeZone: TimeZone? = nil) { self.timeZone = timeZone }

    /// "2026-05-28 20:26", in the report's time zone.
    public func day(_ date: Date) -> String { ClockText.minute(date, zone: timeZone) }
    func clock(_ date: Date) -> String { ClockText.second(date, zone: timeZone) }

    public func status(_ summary: SessionSummary) -> String {
        if let title = summary.session.outcomeTitle { return "finished: \(title)" }
        return "in progress, \(summary.answerCount) answer\(summary.answerCount == 1 ? "" : "s") so far"
    }

    public func list(_ sessions: [SessionSummary], location: String) -> Document {
        var doc = Document()
        doc += .heading(1, "Sessions")
        if sessions.isEmpty {
            doc += .paragraph("No sessions yet. Start one in the app, on the questionnaire.")
        } else {
            doc += .fields(sessions.map { summary in
                let session = summary.session
                let notes = summary.noteCount > 0 ? " · \(summary.noteCount) note\(summary.noteCount == 1 ? "" : "s")" : ""
                let pay = session.payHidden ? " · pay hidden" : ""
                return (String(session.id), [day(session.createdAt), session.candidate ?? "no candidate named",
                                             session.questionnaireTitle, status(summary) + notes + pay].joined(separator: " · "))
            })
        }
        doc += .note("Kept in \(location). `rolescope sessions show ID` shows one; `rolescope sessions export ID --format markdown` writes it for sharing; `rolescope sessions rename ID LABEL` relabels it; `rolescope sessions delete ID` removes it.")
        return doc
    }

    /// One session in full: the answers it ended with (each change and note beside its
    /// answer), the outcome and why, how the session went step by step, notes on answers
    /// later changed, and any self-assessment.
    public func session(_ history: SessionHistory) -> Document {
        let session = history.session
        var doc = Document()
        doc += .heading(1, "Session \(session.id): \(session.questionnaireTitle)")
        var fields: [(String, String)] = []
        if let candidate = session.candidate { fields.append(("Candidate", candidate)) }
        fields.append(("Started", day(session.createdAt)))
        fields.append(("Last change", day(session.updatedAt)))
        fields.append(("Status", session.outcomeTitle.map { "finished: \($0)" } ?? "in progress"))
        if session.payHidden { fields.append(("Pay", "hidden during the session")) }
        doc += .fields(fields)

        doc += .heading(2, "Answers")
        let answers = history.answers
        if answers.isEmpty {
            doc += .paragraph("No answers yet.")
        } else {
            for (number, answer) in answers.enumerated() {
                doc += .heading(3, "\(number + 1). \(answer.prompt)")
                doc += .paragraph("→ \(answer.answerLabel)")
                var extras = answer.replaced.map { "Changed from: \($0)" }
                extras += history.notes(on: answer.questionID, answer: answer.answerIndex).map(noteLine)
                extras += history.notes(on: answer.questionID, answer: nil).map { noteLine($0) + " (on the question)" }
                if !extras.isEmpty { doc += .bullets(extras) }
            }
        }

        if let title = session.outcomeTitle {
            doc += .heading(2, "Outcome: \(title)")
            for paragraph in (session.explanation ?? "").components(separatedBy: "\n\n") where !paragraph.isEmpty {
                doc += .paragraph(paragraph)
            }
        }

        doc += .heading(2, "How the session went")
        if history.steps.isEmpty {
            doc += .paragraph("Nothing recorded yet.")
        } else {
            doc += .numbered(history.steps.map(stepLine))
        }

        let onPath = Set(answers.map(\.questionID))
        let offPath = history.notesOffPath.filter { $0.answerIndex != nil || !onPath.contains($0.questionID) }
        if !offPath.isEmpty {
            doc += .heading(2, "Notes on answers no longer given")
            doc += .bullets(offPath.map { note in
                "\(note.prompt)" + (note.answerLabel.map { " → \($0)" } ?? "") + "\n" + noteLine(note)
            })
        }

        if let assessment = history.assessments.last {
            doc.blocks += AssessmentReport.blocks(ratings: assessment.ratings.map { ($0.title, $0.rating) }, fits: assessment.fits,
                                                  formula: SelfAssessment.rules, heading: "Self-assessment (\(day(assessment.createdAt)))")
            if history.assessments.count > 1 {
                doc += .note("\(history.assessments.count - 1) earlier self-assessment\(history.assessments.count == 2 ? "" : "s") in this session; the JSON export has them all.")
            }
        }
        return doc
    }

    func noteLine(_ note: SessionNote) -> String {
        "Note (\(clock(note.createdAt))\(note.wasEdited ? ", edited \(clock(note.updatedAt))" : "")): \(note.text)"
    }

    func stepLine(_ step: SessionHistory.Step) -> String {
        let event = step.event
        let prompt = "\"\(event.prompt ?? event.questionID ?? "?")\""
        let label = event.answerLabel ?? "?"
        let what: String
        switch event.kind {
        case .answer: what = "Answered \(prompt): \"\(label)\""
        case .change: what = "Changed the answer to \(prompt) from \"\(step.replaced ?? "?")\" to \"\(label)\""
        case .back: what = "Went back from \(prompt), taking back \"\(label)\""
        case .restart: what = "Started again from the first question"
        }
        return "\(clock(event.at)) \(what)"
    }
}
