#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import SessionStore

/// The JSON of `rolescope sessions`. Answer numbers are 1-based, as in `quiz`; times are
/// ISO 8601 in UTC.
public enum SessionJSON {
    struct Summary: Encodable {
        var id: SessionID
        var questionnaire, questionnaireTitle: String
        var candidate: String?
        var createdAt, updatedAt: Date
        var finished: Bool
        var outcome: String?
        var outcomeTitle: String?
        var answers, notes: Int
        var payHidden: Bool
    }

    struct Note: Encodable {
        var id: Int64
        var question, prompt: String
        var answer: Int?
        var label: String?
        var text: String
        var createdAt, updatedAt: Date
        init(_ note: SessionNote) {
            id = note.id; question = note.questionID; prompt = note.prompt; answer = note.answerIndex.map { $0 + 1 }
            label = note.answerLabel; text = note.text; createdAt = note.createdAt; updatedAt = note.updatedAt
        }
    }

    public static func list(_ sessions: [SessionSummary]) -> String {
        encode(["sessions": sessions.map { summary in
            let s = summary.session
            return Summary(id: s.id, questionnaire: s.questionnaireID, questionnaireTitle: s.questionnaireTitle, candidate: s.candidate,
                           createdAt: s.createdAt, updatedAt: s.updatedAt, finished: s.isFinished, outcome: s.outcomeID,
                           outcomeTitle: s.outcomeTitle, answers: summary.answerCount, notes: summary.noteCount,
                           payHidden: s.payHidden)
        }])
    }

    /// `{"id", "questionnaire", "questionnaireTitle", "candidate", "createdAt", "updatedAt",
    /// "finished", "payHidden", "outcome": {"id", "title", "explanation"}?, "catalogFingerprint",
    /// "answers": [{"question", "prompt", "answer", "label", "replaced", "notes"}],
    /// "events": [{"seq", "at", "kind", "question", "prompt", "answer", "label", "replaced"}],
    /// "notes": [...], "assessments": [{"createdAt", "ratings", "fits"}]}`.
    public static func session(_ history: SessionHistory) -> String {
        struct Outcome: Encodable { var id, title, explanation: String }
        struct Answer: Encodable {
            var question, prompt, label: String
            var answer: Int
            var replaced: [String]
            var notes: [Note]
        }
        struct Event: Encodable {
            var seq: Int
            var at: Date
            var kind: String
            var question, prompt, label, replaced: String?
            var answer: Int?
        }
        struct Assessment: Encodable {
            var createdAt: Date
            var ratings: [StoredAssessment.Rating]
            var fits: [RoleFit]
        }
        struct Full: Encodable {
            var id: SessionID
            var questionnaire, questionnaireTitle, catalogFingerprint: String
            var candidate: String?
            var createdAt, updatedAt: Date
            var finished: Bool
            var payHidden: Bool
            var outcome: Outcome?
            var answers: [Answer]
            var events: [Event]
            var notes: [Note]
            var assessments: [Assessment]
        }
        let s = history.session
        return encode(Full(
            id: s.id, questionnaire: s.questionnaireID, questionnaireTitle: s.questionnaireTitle, catalogFingerprint: s.catalogFingerprint,
            candidate: s.candidate, createdAt: s.createdAt, updatedAt: s.updatedAt, finished: s.isFinished,
            payHidden: s.payHidden, outcome: s.outcomeID.map { Outcome(id: $0, title: s.outcomeTitle ?? $0, explanation: s.explanation ?? "") },
            answers: history.answers.map { answer in
                Answer(question: answer.questionID, prompt: answer.prompt, label: answer.answerLabel, answer: answer.answerIndex + 1,
                       replaced: answer.replaced,
                       notes: (history.notes(on: answer.questionID, answer: answer.answerIndex)).map(Note.init))
            },
            events: history.steps.map { step in
                let e = step.event
                return Event(seq: e.seq, at: e.at, kind: e.kind.rawValue, question: e.questionID, prompt: e.prompt,
                             label: e.answerLabel, replaced: step.replaced, answer: e.answerIndex.map { $0 + 1 })
            },
            notes: history.notes.map(Note.init),
            assessments: history.assessments.map { Assessment(createdAt: $0.createdAt, ratings: $0.ratings, fits: $0.fits) }))
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
