import RoleModel

/// The documents of `rolescope assess` (and the Skills tab's export): the skills there are
/// to rate, and one self-assessment with each role's fit, its working and the gaps. The
/// fits come from `SelfAssessment.fits`, the model function the app uses too.
extension Reports {
    /// `assess --list`: each rated skill by id under its article's table, then the scale.
    public func assessableSkills() -> Document {
        var doc = Document()
        doc += .heading(1, "Skills to rate")
        let skills = SelfAssessment.skills(in: catalog)
        if skills.isEmpty {
            doc += .paragraph("No article in this content rates skills on a scale, so there is nothing to assess.")
            return doc
        }
        doc += .paragraph("Rate yourself with --rate SKILL=LEVEL (repeatable), SKILL by the id below and LEVEL by name or 0-4.")
        var groups: [(title: String, skills: [RatedSkill])] = []
        for skill in skills {
            if groups.last?.title == skill.group { groups[groups.count - 1].skills.append(skill) } else { groups.append((skill.group, [skill])) }
        }
        for group in groups {
            let scale = group.skills[0].scale
            doc += .heading(2, "\(group.title) (\(scale.title): \(scale.levels.joined(separator: " < ")))")
            doc += .fields(group.skills.map { ($0.id, "\($0.title) (needs: \(needs($0)))") })
        }
        doc += .heading(2, "The scale")
        doc += .table(header: ["Rating", "Value", "Means"], rows: SkillLevel.allCases.map { [$0.title, String($0.rawValue), $0.description] })
        return doc
    }

    /// What each role needs of `skill`, as the articles put it ("Data Scientist Critical").
    func needs(_ skill: RatedSkill) -> String {
        let parts = catalog.roles.compactMap { role in SelfAssessment.highestLevel(of: role, skill: skill.id).map { "\(role.title) \($0.rating.level)" } }
        return parts.isEmpty ? "no role" : parts.joined(separator: ", ")
    }

    /// One self-assessment: the ratings, each role's fit with the working, the gaps, and
    /// the skills left out.
    public func assessment(_ assessment: SelfAssessment) -> Document {
        var doc = Document()
        doc += .heading(1, "Self-assessment")
        let skills = SelfAssessment.skills(in: catalog)
        let rated = skills.filter { assessment.ratings[$0.id] != nil }
        doc += .paragraph("\(rated.count) of \(skills.count) skills rated. Each role's fit is worked out over the skills you rated that the articles rate for it; the gaps are what to close, largest first.")
        let fits = assessment.fits(in: catalog)
        doc.blocks += AssessmentReport.blocks(ratings: rated.map { ($0.title, assessment.ratings[$0.id]!) }, fits: fits, heading: "Your ratings")
        for fit in RoleFit.ranked(fits) where !fit.gaps.isEmpty {
            doc += .heading(3, "Gaps to close for \(fit.title), largest first")
            doc += .numbered(fit.gaps.map { "\($0.title): gap \(AssessmentReport.number($0.gap)) (needs \($0.level) = \(AssessmentReport.number($0.required)), you \($0.yours.title) = \($0.yours.rawValue))" })
        }
        let unrated = skills.filter { assessment.ratings[$0.id] == nil }
        if !unrated.isEmpty {
            doc += .heading(3, "Left out (not rated)")
            doc += .paragraph(unrated.map(\.title).joined(separator: ", ") + ".")
        }
        return doc
    }
}

extension JSONReports {
    /// `assess --list --format json`: `{"skills": [{"id", "title", "group", "scale",
    /// "levels", "needs": {ROLE: LEVEL}}], "scale": [{"value", "title", "description"}]}`.
    public func assessableSkills() -> String {
        struct Skill: Encodable {
            var id, title, group, scale: String
            var levels: [String]
            var needs: [String: String]
        }
        struct Step: Encodable { var value: Int; var title, description: String }
        struct List: Encodable { var skills: [Skill]; var scale: [Step] }
        let skills = SelfAssessment.skills(in: catalog).map { skill in
            Skill(id: skill.id, title: skill.title, group: skill.group, scale: skill.scale.title, levels: skill.scale.levels,
                  needs: Dictionary(catalog.roles.compactMap { role in SelfAssessment.highestLevel(of: role, skill: skill.id).map { (role.id, $0.rating.level) } },
                                    uniquingKeysWith: { first, _ in first }))
        }
        return Self.encode(List(skills: skills, scale: SkillLevel.allCases.map { Step(value: $0.rawValue, title: $0.title, description: $0.description) }))
    }

    /// `assess --format json`: `{"ratings": [{"skill", "title", "rating"}], "fits": [FIT],
    /// "unrated": [ID], "formula": [TEXT]}`, fits best first, `rating` 0–4.
    public func assessment(_ assessment: SelfAssessment) -> String {
        struct Rating: Encodable { var skill, title: String; var rating: SkillLevel }
        struct Result: Encodable {
            var ratings: [Rating]
            var fits: [RoleFit]
            var unrated: [String]
            var formula: [String]
        }
        let skills = SelfAssessment.skills(in: catalog)
        return Self.encode(Result(
            ratings: skills.compactMap { skill in assessment.ratings[skill.id].map { Rating(skill: skill.id, title: skill.title, rating: $0) } },
            fits: RoleFit.ranked(assessment.fits(in: catalog)),
            unrated: skills.filter { assessment.ratings[$0.id] == nil }.map(\.id),
            formula: SelfAssessment.formula))
    }
}

