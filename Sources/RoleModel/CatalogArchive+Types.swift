// Each model type's archive form: `write(to:)` and `init(from:)` list the fields in the
// same order. CatalogArchiveTests round-trips the built-in catalog, so a field added to a
// type but not here fails a test.

typealias ArchiveWriter = CatalogArchive.Writer
typealias ArchiveReader = CatalogArchive.Reader
typealias ArchiveError = CatalogArchive.FormatError

extension Catalog {
    func write(to w: inout ArchiveWriter) {
        w.array(sources) { $1.write(to: &$0) }
        w.array(groups) { w, g in w.string(g.id); w.string(g.title) }
        w.array(scales) { w, s in w.string(s.id); w.string(s.title); w.strings(s.levels); w.strings(s.sources) }
        w.array(dimensions) { w, d in
            w.string(d.id); w.string(d.title); w.string(d.group); w.string(d.kind.rawValue)
            w.optionalString(d.scale); w.optionalString(d.help)
        }
        w.array(categories) { w, c in w.string(c.id); w.string(c.title); w.string(c.letter); w.optionalString(c.help) }
        w.array(roles) { $1.write(to: &$0) }
        w.array(overlaps) { w, o in
            w.string(o.id); w.string(o.title); w.strings(o.roles); w.string(o.summary); w.strings(o.details); w.strings(o.sources)
        }
        w.array(backgrounds) { w, b in w.string(b.id); w.string(b.title); w.strings(b.aliases) }
        w.array(transitions) { $1.write(to: &$0) }
        w.array(questionnaires) { $1.write(to: &$0) }
        w.array(timelines) { $1.write(to: &$0) }
        w.array(synonyms) { $0.strings($1) }
        w.array(equivalents) { w, e in w.string(e.scale); w.array(e.steps) { w, s in w.int(s.rawValue) } }
        w.array(skills) { w, s in
            w.string(s.id); w.string(s.title); w.string(s.summary); w.strings(s.ratedBy); w.strings(s.describedBy)
            w.array(s.listed) { w, l in w.string(l.role); w.string(l.text); w.strings(l.sources) }
            w.strings(s.levels)
        }
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init()
        sources = try r.array { r throws(ArchiveError) in try Source(from: &r) }
        groups = try r.array { r throws(ArchiveError) in DimensionGroup(id: try r.string(), title: try r.string()) }
        scales = try r.array { r throws(ArchiveError) in
            Scale(id: try r.string(), title: try r.string(), levels: try r.strings(), sources: try r.strings())
        }
        dimensions = try r.array { r throws(ArchiveError) in
            Dimension(id: try r.string(), title: try r.string(), group: try r.string(), kind: try r.raw(DimensionKind.self),
                      scale: try r.optionalString(), help: try r.optionalString())
        }
        categories = try r.array { r throws(ArchiveError) in
            Category(id: try r.string(), title: try r.string(), letter: try r.string(), help: try r.optionalString())
        }
        roles = try r.array { r throws(ArchiveError) in try Role(from: &r) }
        overlaps = try r.array { r throws(ArchiveError) in
            Overlap(id: try r.string(), title: try r.string(), roles: try r.strings(), summary: try r.string(),
                    details: try r.strings(), sources: try r.strings())
        }
        backgrounds = try r.array { r throws(ArchiveError) in Background(id: try r.string(), title: try r.string(), aliases: try r.strings()) }
        transitions = try r.array { r throws(ArchiveError) in try Transition(from: &r) }
        questionnaires = try r.array { r throws(ArchiveError) in try Questionnaire(from: &r) }
        timelines = try r.array { r throws(ArchiveError) in try Timeline(from: &r) }
        synonyms = try r.array { r throws(ArchiveError) in try r.strings() }
        equivalents = try r.array { r throws(ArchiveError) in
            ScaleEquivalent(scale: try r.string(), steps: try r.array { r throws(ArchiveError) in
                guard let step = SkillLevel(rawValue: try r.int()) else { throw ArchiveError(description: "a plain step out of range") }
                return step
            })
        }
        skills = try r.array { r throws(ArchiveError) in
            Skill(id: try r.string(), title: try r.string(), summary: try r.string(), ratedBy: try r.strings(), describedBy: try r.strings(),
                  listed: try r.array { r throws(ArchiveError) in SkillListing(role: try r.string(), text: try r.string(), sources: try r.strings()) },
                  levels: try r.strings())
        }
    }
}

extension Source {
    func write(to w: inout ArchiveWriter) {
        w.string(id); w.string(title); w.string(publisher); w.string(short); w.string(date); w.string(covers)
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.string(), title: try r.string(), publisher: try r.string(), short: try r.string(),
                  date: try r.string(), covers: try r.string())
    }
}

extension Role {
    func write(to w: inout ArchiveWriter) {
        w.string(id); w.string(title); w.strings(aliases); w.string(summary)
        w.array(related) { w, t in w.string(t.title); w.string(t.note); w.strings(t.sources) }
        w.array(values.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.array(pair.value) { $1.write(to: &$0) }
        }
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.string(), title: try r.string(), aliases: try r.strings(), summary: try r.string())
        related = try r.array { r throws(ArchiveError) in RelatedTitle(title: try r.string(), note: try r.string(), sources: try r.strings()) }
        let pairs = try r.array { r throws(ArchiveError) in
            (try r.string(), try r.array { r throws(ArchiveError) in try DimensionValue(from: &r) })
        }
        values = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}

extension DimensionValue {
    func write(to w: inout ArchiveWriter) {
        w.string(content.kind.rawValue)
        switch content {
        case .prose(let text): w.string(text)
        case .list(let items): w.strings(items)
        case .level(let l): w.string(l.level); w.int(l.rank); w.int(l.outOf); w.optionalString(l.label)
        case .money(let m):
            w.int(m.low); w.optionalInt(m.high); w.bool(m.openEnded); w.string(m.currency); w.string(m.period)
            w.string(m.basis.rawValue); w.optionalString(m.seniority); w.optionalString(m.region); w.optionalString(m.asOf)
            w.optionalString(m.label); w.optionalString(m.published)
        case .ladder(let steps):
            w.array(steps) { w, s in w.string(s.title); w.optionalInt(s.minYears); w.optionalInt(s.maxYears); w.optionalString(s.focus) }
        }
        w.optionalString(note)
        w.strings(sources)
        w.optionalString(summary)
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        let content: ValueContent
        switch try r.raw(DimensionKind.self) {
        case .prose: content = .prose(try r.string())
        case .list: content = .list(try r.strings())
        case .level:
            content = .level(LevelRating(level: try r.string(), rank: try r.int(), outOf: try r.int(), label: try r.optionalString()))
        case .money:
            content = .money(MoneyRange(low: try r.int(), high: try r.optionalInt(), openEnded: try r.bool(), currency: try r.string(),
                                        period: try r.string(), basis: try r.raw(PayBasis.self), seniority: try r.optionalString(),
                                        region: try r.optionalString(), asOf: try r.optionalString(), label: try r.optionalString(),
                                        published: try r.optionalString()))
        case .ladder:
            content = .ladder(try r.array { r throws(ArchiveError) in
                LadderStep(title: try r.string(), minYears: try r.optionalInt(), maxYears: try r.optionalInt(), focus: try r.optionalString())
            })
        }
        self.init(content, note: try r.optionalString(), sources: try r.strings(), summary: try r.optionalString())
    }
}

extension Transition {
    func write(to w: inout ArchiveWriter) {
        w.string(from); w.string(to)
        w.optional(duration) { w, d in w.string(d.text); w.optionalInt(d.minMonths); w.optionalInt(d.maxMonths) }
        w.strings(learn); w.array(learnSkills) { $0.strings($1) }; w.optionalString(advice); w.strings(sources)
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        let from = try r.string(), to = try r.string()
        let duration = try r.bool() ? TransitionDuration(text: try r.string(), minMonths: try r.optionalInt(), maxMonths: try r.optionalInt()) : nil
        self.init(from: from, to: to, duration: duration, learn: try r.strings(),
                  learnSkills: try r.array { r throws(ArchiveError) in try r.strings() }, advice: try r.optionalString(), sources: try r.strings())
    }
}

extension Questionnaire {
    func write(to w: inout ArchiveWriter) {
        w.string(id); w.string(title); w.string(audience.rawValue); w.string(summary); w.string(start)
        w.array(questions) { w, q in
            w.string(q.id); w.string(q.prompt); w.string(q.why)
            w.array(q.answers) { w, a in
                w.string(a.label); w.optionalString(a.because)
                switch a.target {
                case .question(let id): w.bool(false); w.string(id)
                case .outcome(let id): w.bool(true); w.string(id)
                }
            }
        }
        w.array(outcomes) { w, o in
            w.string(o.id); w.string(o.title); w.strings(o.recommend); w.bool(o.ordered); w.strings(o.runnerUp)
            w.string(o.rationale); w.strings(o.advice)
            w.array(o.transitions) { w, t in w.string(t.from); w.string(t.to) }
            w.strings(o.sources)
        }
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        let id = try r.string(), title = try r.string(), audience = try r.raw(Audience.self), summary = try r.string(), start = try r.string()
        let questions = try r.array { r throws(ArchiveError) in
            Question(id: try r.string(), prompt: try r.string(), why: try r.string(), answers: try r.array { r throws(ArchiveError) in
                let label = try r.string(), because = try r.optionalString()
                let target: AnswerTarget = try r.bool() ? .outcome(try r.string()) : .question(try r.string())
                return Answer(label: label, because: because, target: target)
            })
        }
        let outcomes = try r.array { r throws(ArchiveError) in
            Outcome(id: try r.string(), title: try r.string(), recommend: try r.strings(), ordered: try r.bool(), runnerUp: try r.strings(),
                    rationale: try r.string(), advice: try r.strings(),
                    transitions: try r.array { r throws(ArchiveError) in TransitionRef(from: try r.string(), to: try r.string()) },
                    sources: try r.strings())
        }
        self.init(id: id, title: title, audience: audience, summary: summary, start: start, questions: questions, outcomes: outcomes)
    }
}

extension Timeline {
    func write(to w: inout ArchiveWriter) {
        w.string(id); w.string(role); w.string(kind.rawValue); w.string(title); w.string(provenance.rawValue)
        w.strings(sources); w.optionalString(note)
        w.array(entries) { w, e in
            w.int(e.slot.start); w.int(e.slot.end); w.string(e.title); w.string(e.detail); w.string(e.category); w.strings(e.sources)
        }
    }

    init(from r: inout ArchiveReader) throws(ArchiveError) {
        self.init(id: try r.string(), role: try r.string(), kind: try r.raw(TimelineKind.self), title: try r.string(),
                  provenance: try r.raw(Provenance.self), sources: try r.strings(), note: try r.optionalString(),
                  entries: try r.array { r throws(ArchiveError) in
                      TimelineEntry(slot: TimeSlot(start: try r.int(), end: try r.int()), title: try r.string(), detail: try r.string(),
                                    category: try r.string(), sources: try r.strings())
                  })
    }
}
