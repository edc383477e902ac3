extension CatalogBuilder {
    /// Checks that need the whole catalog: roles that no questionnaire can recommend, and
    /// a directory with no roles at all.
    func check(directoryName: String) {
        checkSkills(directoryName: directoryName)
        if catalog.roles.isEmpty && log.problems.isEmpty {
            log.add(directoryName, nil, "the content defines no roles",
                    hint: "add a file with a `role:` section (see docs/CONTENT.md)")
        }
        guard !catalog.questionnaires.isEmpty else { return }
        var recommended: Set<String> = []
        for questionnaire in catalog.questionnaires {
            let reachable = Set(questionnaire.reachableOutcomes(from: .question(questionnaire.start)))
            for outcome in questionnaire.outcomes where reachable.contains(outcome.id) {
                recommended.formUnion(outcome.recommend)
            }
        }
        for role in catalog.roles where !recommended.contains(role.id) {
            let place = places["role"]?[role.id]
            log.add(place?.file ?? directoryName, place?.mark, "no questionnaire outcome recommends role '\(role.id)'",
                    hint: "add an outcome with `recommend: [\(role.id)]` that an answer leads to")
        }
    }
}
