import RoleModel

/// The documents of `rolescope assess` (and the Skills tab's export): the skills to rate,
/// and one self-assessment with each role's fit, its working and the gaps. The fits come
/// from `SelfAssessment.fits`, the model function the app uses too.
extension Reports {
    /// `assess --list`: each skill once, with what each role's sources say of it on their
    /// own scales, and what each plain step means for it; then the scale.
    public func assessableSkills() -> Document {
        var doc = Document()
        doc += .heading(1, "Skills to rate")
        let skills = SelfAssessment.skills(in: catalog)
        if skills.isEmpty {
            doc += .paragraph("This content defines no skills to rate, so there is nothing to assess.")
            return doc
        }
        doc += .paragraph("Rate each skill once with --rate SKILL=LEVEL, SKILL by the id in brackets and LEVEL on one plain scale: "
                          + SkillLevel.allCases.map { "\($0.title) (\($0.rawValue))" }.joined(separator: ", ") + ".")
        doc.blocks += AssessmentReport.sharedBlocks(in: catalog)
        for skill in skills {
            doc += .heading(2, "\(skill.title) (\(skill.id))")
            doc += .paragraph(skill.summary)
            doc += .fields(AssessmentWords.coverage(skill, in: catalog))
            doc += .fields(SkillLevel.allCases.dropFirst().map { ($0.title, skill.meaning(of: $0)) })
        }
        doc += .heading(2, "The plain scale")
        doc += .table(header: ["Rating", "Value", "Means, for any skill"], rows: SkillLevel.allCases.map { [$0.title, String($0.rawValue), $0.description] })
        doc += .note(SelfAssessment.formula(in: catalog)[0])
        return doc
    }

    /// One self-assessment: the ratings, each role's fit with the working, and the gaps.
    public func assessment(_ assessment: SelfAssessment) -> Document {
        var doc = Document()
        doc += .heading(1, "Self-assessment")
        let skills = SelfAssessment.skills(in: catalog)
        let rated = skills.filter { assessment.ratings[$0.id] != nil }
        doc += .paragraph("\(rated.count) of \(skills.count) skills rated.")
        doc.blocks += AssessmentReport.sharedBlocks(in: catalog)
        doc.blocks += AssessmentReport.blocks(ratings: rated.map { ($0.title, assessment.ratings[$0.id]!) }, fits: assessment.fits(in: catalog),
                                              formula: SelfAssessment.formula(in: catalog), heading: "Your ratings")
        let unrated = skills.filter { assessment.ratings[$0.id] == nil }
        if !unrated.isEmpty {
            doc += .heading(3, "Not rated (left out)")
            doc += .paragraph(unrated.map(\.title).joined(separator: ", ") + ".")
        }
        return doc
    }
}

/// A self-assessment as a document: each role's fit with the working, and the gaps. Built
/// from the fits alone, so a stored session's assessment reads without the catalog.
public enum AssessmentReport {
    /// Which skills every score rests on, and which roles get none.
    public static func sharedBlocks(in catalog: Catalog) -> [Block] {
        let shared = SelfAssessment.sharedSkills(in: catalog)
        let scored = SelfAssessment.scoredRoles(in: catalog)
        var text = shared.isEmpty
            ? "No skill is rated on a scale for every scored role, so no role gets a score."
            : "Every role is scored over the same \(shared.count) skill\(shared.count == 1 ? "" : "s"), the ones the sources rate on a scale for "
              + (scored.count == 1 ? scored[0].title
                 : scored.count <= 4 ? "all of " + scored.map(\.title).joined(separator: ", ") : "all \(scored.count) roles that have any")
              + ": " + shared.map(\.title).joined(separator: ", ") + "."
        let scoredIDs = Set(scored.map(\.id))
        let unscored = catalog.roles.filter { !scoredIDs.contains($0.id) }
        if unscored.count > 4 {
            text += " \(unscored.count) roles get no score: no source rates their skills on a scale."
        } else if !unscored.isEmpty {
            text += " " + unscored.map(\.title).joined(separator: " and ") + " get\(unscored.count == 1 ? "s" : "") no score: no source rates "
                + (unscored.count == 1 ? "its" : "their") + " skills on a scale."
        }
        return [.paragraph(text + " The other skills still show as gaps where you fall short.")]
    }

    public static func blocks(ratings: [(String, SkillLevel)], fits: [RoleFit], formula: [String], heading: String = "Self-assessment") -> [Block] {
        var blocks: [Block] = [.heading(2, heading)]
        blocks.append(.fields(ratings.map { ($0.0, $0.1.title) }))
        let ranked = RoleFit.ranked(fits)
        blocks.append(.heading(3, "Fit by role"))
        if fits.isEmpty {
            // A session stored before the canonical skills kept its fits in a form this
            // version does not read; the ratings are still shown above.
            blocks.append(.paragraph("No fit by role is kept with these ratings in a form this version reads (they were stored by an earlier one); resume the session and open the Skills tab to work the fits out again."))
            return blocks
        }
        blocks.append(.table(header: ["Role", "Fit", "Largest gaps"], rows: ranked.map { fit in
            let gaps = fit.gaps.prefix(3).map(\.title)
            return [fit.title, AssessmentWords.score(fit) ?? AssessmentWords.noScore(fit), gaps.isEmpty ? "none" : gaps.joined(separator: ", ")]
        }))
        for fit in ranked {
            if !fit.skills.isEmpty {
                blocks.append(.heading(3, "\(fit.title): how \(fit.percent.map { "\($0)%" } ?? "the score") was worked out"))
                blocks.append(.bullets(fit.skills.map { "\($0.title): " + AssessmentWords.working($0, role: fit.title) }))
                blocks.append(.paragraph("Levels needed: " + AssessmentWords.sum(fit.skills.map(\.needs.rawValue)) + ". "
                                         + "Levels short: " + AssessmentWords.sum(fit.skills.map(\.short)) + ". "
                                         + "Met: \(fit.neededLevels) − \(fit.shortLevels) = \(fit.metLevels), and \(fit.metLevels) ÷ \(fit.neededLevels) = \(fit.percent.map { "\($0)%" } ?? "—")."))
            }
            if !fit.gaps.isEmpty {
                blocks.append(.heading(3, "Gaps to close for \(fit.title), largest first"))
                blocks.append(.numbered(fit.gaps.map { gap in
                    "\(gap.title): " + AssessmentWords.gapReason(gap, role: fit.title)
                        + (AssessmentWords.planLink(gap).map { ". Closed by \($0)" } ?? ". No plan into \(fit.title) teaches it")
                }))
            }
        }
        if !formula.isEmpty { blocks.append(.note("How fit is worked out: " + formula.joined(separator: " "))) }
        return blocks
    }
}

extension JSONReports {
    /// `assess --list --format json`: `{"skills": [{"id", "title", "summary", "levels":
    /// {STEP: MEANING}, "roles": {ROLE: {"coverage", "needs", "ratings", "mentions"}}}],
    /// "shared": [ID], "scale": [{"value", "title", "description"}], "equivalents": [...]}`.
    public func assessableSkills() -> String {
        struct RoleNeed: Encodable {
            var coverage: SkillNeed.Coverage
            var needs: SkillLevel?
            var ratings: [SourceRating]
            var mentions: [SourceMention]
        }
        struct Skill: Encodable {
            var id, title, summary: String
            var levels: [String: String]
            var roles: [String: RoleNeed]
        }
        struct Step: Encodable { var value: Int; var title, description: String }
        struct List: Encodable { var skills: [Skill]; var shared: [String]; var scale: [Step]; var equivalents: [ScaleEquivalent] }
        let skills = SelfAssessment.skills(in: catalog).map { skill in
            Skill(id: skill.id, title: skill.title, summary: skill.summary,
                  levels: Dictionary(SkillLevel.allCases.map { ($0.title, skill.meaning(of: $0)) }, uniquingKeysWith: { first, _ in first }),
                  roles: Dictionary(catalog.roles.map { role in
                      let need = SelfAssessment.need(of: role, skill: skill, in: catalog)
                      return (role.id, RoleNeed(coverage: need.coverage, needs: need.step, ratings: need.ratings, mentions: need.mentions))
                  }, uniquingKeysWith: { first, _ in first }))
        }
        return Self.encode(List(skills: skills, shared: SelfAssessment.sharedSkills(in: catalog).map(\.id),
                                scale: SkillLevel.allCases.map { Step(value: $0.rawValue, title: $0.title, description: $0.description) },
                                equivalents: catalog.equivalents))
    }

    /// `assess --format json`: `{"ratings": [{"skill", "title", "rating"}], "shared": [ID],
    /// "coverage": {SKILL: {ROLE: "rated"|"listed"|"not-covered"}}, "fits": [FIT],
    /// "unrated": [ID], "formula": [TEXT]}`, fits best first, ratings and levels as whole
    /// steps 0–4; each fit's `working` is its sums in words.
    public func assessment(_ assessment: SelfAssessment) -> String {
        struct Rating: Encodable { var skill, title: String; var rating: SkillLevel }
        struct Fit: Encodable {
            var fit: RoleFit
            var percent: Int?
            var neededLevels, shortLevels, metLevels: Int
            var working: [String]
            func encode(to encoder: Encoder) throws {
                try fit.encode(to: encoder)
                enum Keys: String, CodingKey { case percent, neededLevels, shortLevels, metLevels, working }
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(percent, forKey: .percent)
                try container.encode(neededLevels, forKey: .neededLevels)
                try container.encode(shortLevels, forKey: .shortLevels)
                try container.encode(metLevels, forKey: .metLevels)
                try container.encode(working, forKey: .working)
            }
        }
        struct Result: Encodable {
            var ratings: [Rating]
            var shared: [String]
            var coverage: [String: [String: SkillNeed.Coverage]]
            var fits: [Fit]
            var unrated: [String]
            var formula: [String]
        }
        let skills = SelfAssessment.skills(in: catalog)
        let fits = RoleFit.ranked(assessment.fits(in: catalog)).map { fit in
            Fit(fit: fit, percent: fit.percent, neededLevels: fit.neededLevels, shortLevels: fit.shortLevels, metLevels: fit.metLevels,
                working: fit.skills.map { "\($0.title): " + AssessmentWords.working($0, role: fit.title) })
        }
        return Self.encode(Result(
            ratings: skills.compactMap { skill in assessment.ratings[skill.id].map { Rating(skill: skill.id, title: skill.title, rating: $0) } },
            shared: SelfAssessment.sharedSkills(in: catalog).map(\.id),
            coverage: Dictionary(skills.map { skill in
                (skill.id, Dictionary(catalog.roles.map { ($0.id, SelfAssessment.need(of: $0, skill: skill, in: catalog).coverage) }, uniquingKeysWith: { a, _ in a }))
            }, uniquingKeysWith: { a, _ in a }),
            fits: fits,
            unrated: skills.filter { assessment.ratings[$0.id] == nil }.map(\.id),
            formula: SelfAssessment.formula(in: catalog)))
    }
}
