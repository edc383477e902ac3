/// Reading the self-assessment's skills (`skills:`), where each article scale sits on the
/// plain scale (`equivalents:`), and the skills a transition's steps teach.
extension CatalogBuilder {
    mutating func readEquivalent(_ map: MapReader) {
        map.allowOnly(["scale", "steps"])
        guard let scale = map.string("scale") else { return }
        guard reference("scale", scale, in: map, key: "scale") else { return }
        if let first = places["equivalent"]?[scale] {
            map.problem("scale", "a second equivalent for scale '\(scale)'", hint: "first given at \(first.file):\(first.mark?.line ?? 0); keep one")
            return
        }
        places["equivalent", default: [:]][scale] = map.place
        let names = map.strings("steps", required: true)
        var steps: [SkillLevel] = []
        for (name, node) in zip(names, map.list("steps")) {
            guard let step = SkillLevel(named: name), step != .none else {
                log.add(map.file, node.mark, "unknown plain step '\(name)' in the equivalent of '\(scale)'",
                        hint: "use one of: " + SkillLevel.allCases.dropFirst().map(\.title).joined(separator: ", "))
                return
            }
            steps.append(step)
        }
        if let levels = catalog.scale(scale)?.levels, levels.count != steps.count {
            map.problem("steps", "scale '\(scale)' has \(levels.count) levels (\(levels.joined(separator: " < "))) but \(steps.count) steps are given",
                        hint: "give one plain step per level, lowest first")
            return
        }
        if zip(steps, steps.dropFirst()).contains(where: { $0 > $1 }) {
            map.problem("steps", "the steps of '\(scale)' go down", hint: "a higher level of the scale never sits on a lower plain step")
        }
        catalog.equivalents.append(ScaleEquivalent(scale: scale, steps: steps))
    }

    mutating func readSkill(_ map: MapReader) {
        map.allowOnly(["id", "title", "summary", "rated-by", "described-by", "listed", "levels"])
        guard let id = define("skill", map) else { return }
        let ratedBy = map.strings("rated-by")
        for (dimension, node) in zip(ratedBy, map.list("rated-by")) {
            guard reference("dimension", dimension, in: map, key: "rated-by", mark: node.mark) else { continue }
            if dimensionsByID[dimension]?.kind != .level {
                log.add(map.file, node.mark, "'\(dimension)' in rated-by of skill '\(id)' is not a level dimension",
                        hint: "rated-by lists dimensions of kind: level; put prose dimensions under described-by")
            }
            if let first = places["rated-by"]?[dimension] {
                log.add(map.file, node.mark, "dimension '\(dimension)' rates two skills",
                        hint: "it is already under rated-by at \(first.file):\(first.mark?.line ?? 0); a source's rating counts for one skill")
            }
            places["rated-by", default: [:]][dimension] = Place(file: map.file, mark: node.mark)
        }
        let describedBy = map.strings("described-by")
        for (dimension, node) in zip(describedBy, map.list("described-by")) {
            reference("dimension", dimension, in: map, key: "described-by", mark: node.mark)
        }
        var listed: [SkillListing] = []
        for node in map.list("listed") {
            guard let entry = MapReader(node, file: map.file, log: log, what: "a listing of skill '\(id)'") else { continue }
            entry.allowOnly(["role", "says", "sources"])
            guard let role = entry.string("role"), let says = entry.string("says") else { continue }
            reference("role", role, in: entry, key: "role")
            listed.append(SkillListing(role: role, text: says, sources: sources(entry)))
        }
        let levels = map.strings("levels", required: true)
        if levels.count != 4 && map.node("levels") != nil {
            map.problem("levels", "skill '\(id)' describes \(levels.count) levels; it needs four",
                        hint: "one line each for basic, intermediate, advanced and expert, in that order")
        }
        if ratedBy.isEmpty && describedBy.isEmpty && listed.isEmpty {
            map.problem(nil, "skill '\(id)' is rated, described and listed by no source",
                        hint: "add rated-by, described-by or listed, or remove the skill")
        }
        let title = map.string("title") ?? id
        for other in catalog.skills {
            let a = title.lowercased(), b = other.title.lowercased()
            if a.contains(b) || b.contains(a) {
                map.problem("title", "skill title '\(title)' contains, or is contained in, '\(other.title)'",
                            hint: "one skill per concept: merge them, or name them so neither title holds the other")
            }
        }
        catalog.skills.append(Skill(id: id, title: title, summary: map.string("summary") ?? "", ratedBy: ratedBy,
                                    describedBy: describedBy, listed: listed, levels: levels))
    }

    /// A transition's `learn` steps: each is text, or `{step: TEXT, skills: [SKILL, ...]}`
    /// naming the skills it teaches.
    func learnSteps(_ map: MapReader) -> [(text: String, skills: [String])] {
        let nodes = map.list("learn", required: true)
        if nodes.isEmpty && map.node("learn") != nil { map.problem("learn", "'learn' in \(map.what) is empty", hint: "list at least one step") }
        var steps: [(text: String, skills: [String])] = []
        for node in nodes {
            if case .scalar(let scalar) = node, !scalar.string.isEmpty {
                steps.append((scalar.string, []))
                continue
            }
            guard let step = MapReader(node, file: map.file, log: log, what: "a step of \(map.what)") else { continue }
            step.allowOnly(["step", "skills"])
            guard let text = step.string("step") else { continue }
            let skills = step.strings("skills")
            for (skill, skillNode) in zip(skills, step.list("skills")) {
                reference("skill", skill, in: step, key: "skills", mark: skillNode.mark)
            }
            steps.append((text, skills))
        }
        return steps
    }

    /// Every level a role is given belongs to a skill, and every scale those levels are on
    /// sits on the plain scale; otherwise a rating would be silently left out of the fits.
    func checkSkills(directoryName: String) {
        guard !catalog.skills.isEmpty else { return }
        let rated = Set(catalog.skills.flatMap(\.ratedBy))
        for dimension in catalog.dimensions where dimension.kind == .level {
            let place = places["dimension"]?[dimension.id]
            let used = catalog.roles.contains { !$0.values(for: dimension.id).isEmpty }
            if used && !rated.contains(dimension.id) {
                log.add(place?.file ?? directoryName, place?.mark, "level dimension '\(dimension.id)' belongs to no skill",
                        hint: "add it to the rated-by list of the skill it rates (see skills.yaml)")
            }
            if rated.contains(dimension.id), let scale = dimension.scale, catalog.equivalent(ofScale: scale) == nil {
                log.add(place?.file ?? directoryName, place?.mark, "scale '\(scale)' has no plain-scale equivalent",
                        hint: "add `equivalents: - {scale: \(scale), steps: [...]}` giving each level's plain step")
            }
        }
    }
}
