#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What can go wrong with the session store, each with what to do about it.
public enum SessionStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSuchSession(SessionID)
    case noSuchNote(Int64)
    case noSuchAnswer(question: String, index: Int, count: Int)
    case emptyNote
    /// The database could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The schema upgrade failed (the file is left as it was).
    case cannotUpgrade(path: String, reason: String)
    /// The database was written by a newer rolescope, with migrations this one lacks.
    case newerSchema(path: String, unknown: [String])
    /// A read or write failed.
    case database(path: String, reason: String)
    case questionnaireMissing(String, known: [String])
    case cannotReplay(session: SessionID, seq: Int, reason: String)
    /// Another running rolescope holds the session (the one-writer rule).
    case heldElsewhere(session: SessionID, holder: String, since: Date)
    /// This rolescope does not hold the session (any more): it was taken over, and let go.
    case notHeld(session: SessionID)
    /// The store was opened read-only.
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .noSuchSession(let id):
            return "no session \(id); `rolescope sessions list` shows the sessions there are"
        case .noSuchNote(let id):
            return "no note \(id)"
        case .noSuchAnswer(let question, let index, let count):
            return "question '\(question)' has no answer \(index + 1); it has \(count)"
        case .emptyNote:
            return "a note needs some text; delete the note instead of emptying it"
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the sessions database: \(reason); check that you can write to its folder, move a damaged file aside, or set ROLESCOPE_DATA_HOME to another folder"
        case .cannotUpgrade(let path, let reason):
            return "\(path): upgrading the sessions database failed: \(reason); the failed step was rolled back; move the file aside to start afresh (it keeps the old sessions)"
        case .newerSchema(let path, let unknown):
            return "\(path): written by a newer rolescope (schema \(unknown.joined(separator: ", "))); use that version, or move the file aside to start afresh"
        case .database(let path, let reason):
            return "\(path): \(reason)"
        case .questionnaireMissing(let id, let known):
            return "the session's questionnaire '\(id)' is not in this content; known questionnaires: \(known.joined(separator: ", "))"
        case .heldElsewhere(let session, let holder, _):
            return "session \(session) is being recorded by another rolescope (\(holder)); nothing was written here: open it read-only, or take it over there"
        case .notHeld(let session):
            return "session \(session) is not held by this rolescope (another took it over, or it was never resumed here); nothing was written here"
        case .readOnly(let path):
            return "\(path): opened read-only (the file or its folder cannot be written); nothing was written"
        case .cannotReplay(let session, let seq, let reason):
            return "session \(session) cannot be resumed on this content: event \(seq): \(reason); the content changed since it was recorded (it can still be shown and exported)"
        }
    }
}
