#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// A session's id: a number that is never reused, even after the session is deleted.
public typealias SessionID = Int64

/// One walk through a questionnaire: who, when, and where it ended.
public struct Session: Codable, Hashable, Sendable, Identifiable {
    public var id: SessionID
    public var questionnaireID: String
    /// The questionnaire's title when the session started.
    public var questionnaireTitle: String
    /// An optional name or label for the candidate.
    public var candidate: String?
    public var createdAt: Date
    /// When anything in the session last changed: an answer, a note, the outcome.
    public var updatedAt: Date
    public var outcomeID: String?
    public var outcomeTitle: String?
    /// Why the answers led to the outcome, as shown when it was reached.
    public var explanation: String?
    /// `CatalogFingerprint` of the content the session was recorded against.
    public var catalogFingerprint: String
    /// Whether pay figures were hidden when the session last said (at its start, and at
    /// each `$` during it): a resumed session starts with pay hidden again.
    public var payHidden: Bool = false

    public var isFinished: Bool { outcomeID != nil }
}

/// What happened at one moment of a session.
public enum SessionEventKind: String, Codable, Hashable, Sendable, CaseIterable {
    /// The current question was answered.
    case answer
    /// An earlier answer was changed; the answers after it were dropped.
    case change
    /// The last answer was taken back.
    case back
    /// Every answer was dropped, back to the first question.
    case restart
}

/// One event of a session, with the texts as they were shown.
public struct SessionEvent: Codable, Hashable, Sendable {
    /// 1, 2, 3... in the order the events happened.
    public var seq: Int
    public var at: Date
    public var kind: SessionEventKind
    /// The question answered, changed or taken back; nil for a restart.
    public var questionID: String?
    public var prompt: String?
    /// The answer given (0-based); for `back`, the answer taken back.
    public var answerIndex: Int?
    public var answerLabel: String?
}

/// A note on a question, or on one answer to it.
public struct SessionNote: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var questionID: String
    public var prompt: String
    /// The answer the note is about (0-based), or nil for a note on the question itself.
    public var answerIndex: Int?
    public var answerLabel: String?
    public var text: String
    public var createdAt: Date
    /// Equal to `createdAt` until the note is edited.
    public var updatedAt: Date

    public var wasEdited: Bool { updatedAt != createdAt }
}

/// A self-assessment made during a session: the ratings and the fits they produced,
/// stored as computed then, so the session reads the same after the content changes.
public struct StoredAssessment: Codable, Hashable, Sendable, Identifiable {
    public var id: Int64
    public var createdAt: Date
    public var ratings: [Rating]
    public var fits: [RoleFit]

    /// One skill's rating, with the skill's title as it was then.
    public struct Rating: Codable, Hashable, Sendable {
        public var skill: String
        public var title: String
        public var rating: SkillLevel

        public init(skill: String, title: String, rating: SkillLevel) {
            self.skill = skill
            self.title = title
            self.rating = rating
        }
    }

    /// The ratings as a `SelfAssessment`, for showing them again or editing them.
    public var assessment: SelfAssessment {
        SelfAssessment(ratings: Dictionary(ratings.map { ($0.skill, $0.rating) }, uniquingKeysWith: { _, last in last }))
    }
}

/// Where a session ended, and why, in the words shown at the time.
public struct SessionOutcome: Codable, Hashable, Sendable {
    public var id: String
    public var title: String
    public var explanation: String

    public init(id: String, title: String, explanation: String) {
        self.id = id
        self.title = title
        self.explanation = explanation
    }

    /// The outcome of a finished run: its rationale, then why the answers led there.
    public init(_ explanation: Explanation) {
        self.init(id: explanation.outcome.id, title: explanation.outcome.title,
                  explanation: ([explanation.outcome.rationale] + (explanation.becauseSentence.map { [$0] } ?? []))
                      .joined(separator: "\n\n"))
    }

    /// The same, with the rationale's citations as `catalog` names the sources
    /// ("[JoinAI, A.Team]"), so a session's export keeps them.
    public init(_ explanation: Explanation, in catalog: Catalog) {
        var cited = explanation
        if !cited.outcome.sources.isEmpty {
            cited.outcome.rationale += " [" + catalog.shortNames(cited.outcome.sources).joined(separator: ", ") + "]"
        }
        self.init(cited)
    }
}

/// A session as `list` shows it: the session (finished or not, its date, outcome and
/// whether pay was hidden), and how far it got.
public struct SessionSummary: Hashable, Sendable, Identifiable {
    public var session: Session
    /// The answers on the current path (after changes and backs).
    public var answerCount: Int
    public var noteCount: Int

    public var id: SessionID { session.id }
    public var isFinished: Bool { session.isFinished }
    public var payHidden: Bool { session.payHidden }
}
