import TerminalKit

/// The app's side of recording a session safely: the queue of records the store could
/// not take yet and its banner, quitting with a queue, and the session lost to another
/// rolescope (or deleted) on a write.
extension AppModel {
    /// Another rolescope took the session over, or it was deleted: this app writes nothing
    /// more into it, drops what waited for it, and says so (the walk goes on, unrecorded).
    mutating func stopRecording(_ lost: SessionLost) {
        let dropped = pending.drop(session: lost.session)
        showPending()
        if sessionID == lost.session {
            sessionID = nil
            questionnaire.sessionCreated(nil)
        }
        let what = dropped == 1 ? "1 change made here was" : "\(dropped) changes made here were"
        switch lost.reason {
        case .takenOver: warning = "session #\(lost.session) is recorded by another rolescope now: \(what) not written to it"
        case .deleted: warning = "session #\(lost.session) was deleted: \(what) not written (S starts a new session)"
        }
    }

    /// Lets the session being recorded go, for another rolescope to carry on (quitting).
    public mutating func releaseSession() {
        if let id = sessionID { recorder?.release(id) }
    }

    /// The pending banner in the header's warning slot while anything waits; cleared
    /// (if it is still the warning shown) when the queue empties.
    mutating func showPending() {
        if let banner = pending.banner {
            warning = banner
            pendingBanner = banner
        } else if let shown = pendingBanner {
            if warning == shown { warning = nil }
            pendingBanner = nil
        }
    }

    /// How many records wait to be written.
    public var pendingCount: Int { pending.count }

    /// Tries the waiting records once more (the app is quitting); returns nil when all
    /// are written, else a sentence saying what was lost, for after the terminal is back.
    public mutating func retryPending() -> String? {
        if let recorder, !pending.isEmpty { pending.flush(to: recorder) }
        showPending()
        guard !pending.isEmpty else { return nil }
        return "\(pending.count) change\(pending.count == 1 ? "" : "s") to session #\(pending.entries[0].session) could not be saved (\(PendingWrites.short(pending.reason))): "
            + pending.descriptions.joined(separator: "; ")
    }

    /// Quitting with records still waiting: try once more, and if they still cannot be
    /// written, say so and offer to export the session first.
    mutating func quitOrAsk() -> AppEffect {
        guard retryPending() != nil else { return .quit }
        let session = pending.entries[0].session
        // The walk on screen, or kept aside (parked) when the chooser is shown.
        let run = questionnaire.session?.id == session ? questionnaire.run
            : questionnaire.parked.values.first { $0.session?.id == session }?.run
        overlay = UnsavedQuitPrompt(count: pending.count, reason: PendingWrites.short(pending.reason),
                                    request: .unsavedSession(id: session, run: run, pending: pending.descriptions), keymap: keymap)
        return .none
    }
}
