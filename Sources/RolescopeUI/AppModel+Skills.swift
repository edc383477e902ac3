import RoleModel

/// The self-assessment and sessions: a completed assessment is stored with the running
/// session (once per change of ratings), and a resumed session shows its last ratings.
extension AppModel {
    /// Stores what the Skills tab completed, when a session is recording (not read-only).
    mutating func storeAssessment() {
        guard let assessment = skills.takeCompleted(),
              let session = questionnaire.session, !session.readOnly, let id = session.id, let recorder,
              !skills.isStored(assessment, in: id) else { return }
        do {
            try recorder.record(.assessment(assessment), in: id)
            skills.stored(assessment, in: id)
        } catch {
            warning = "self-assessment not saved: \(error)"
        }
    }

    /// Shows a resumed or reopened session's last self-assessment on the Skills tab.
    mutating func restoreAssessment(_ offer: SessionOffer) {
        if let assessment = offer.assessment { skills.restore(assessment, storedIn: offer.id) }
    }
}
