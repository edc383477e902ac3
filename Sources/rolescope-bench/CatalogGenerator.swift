import Foundation
import RoleModel

/// Writes a synthetic content directory of `roles` roles, each with a value for each of
/// 30 dimensions (prose, lists, levels, pay and ladders, some dimensions with two
/// disagreeing sources, as the built-in roles have), a day timeline per role, a 500-node
/// questionnaire (250 questions, 250 outcomes) whose outcomes between them recommend
/// every role, and overlaps and transitions for one role in ten. Deterministic: the same
/// size always gives the same files. The result is valid content.
struct CatalogGenerator {
    let roles: Int
    static let dimensionCount = 30
    static let questionCount = 250
    static let outcomeCount = 250
    private var random = SplitMix(seed: 42)

    init(roles: Int) { self.roles = roles }

    static let vocabulary: [String] = """
    pipeline model data feature deploy monitor evaluate train serve batch stream warehouse lakehouse \
    schema query dashboard experiment hypothesis metric stakeholder product review latency cost \
    quality reliable scalable prompt retrieval embedding vector agent orchestration airflow spark \
    kafka python sql notebook statistics regression forecast churn cohort funnel inference gpu \
    cluster container kubernetes terraform observability incident alert backfill lineage contract \
    governance privacy security audit roadmap planning interview hiring mentoring career senior staff \
    principal architecture design system library platform tooling automation testing validation \
    drift retraining labelling annotation dataset benchmark baseline ablation rollout canary shadow \
    café naïve résumé coördinate façade
    """.split(whereSeparator: \.isWhitespace).map(String.init)

    static func roleID(_ index: Int) -> String { String(format: "role-%05d", index) }

    /// Writes the files under `directory` (created if needed); returns their total size.
    @discardableResult
    mutating func write(to directory: URL) throws -> Int {
        let fm = FileManager.default
        for sub in ["roles", "timelines", "questionnaires"] {
            try fm.createDirectory(at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        var total = 0
        func save(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            total += data.count
            try data.write(to: directory.appendingPathComponent(name))
        }
        try save("sources.yaml", sources())
        try save("dimensions.yaml", dimensions())
        try save("categories.yaml", categories())
        for index in 0..<roles {
            try save("roles/\(Self.roleID(index)).yaml", role(index))
            try save("timelines/\(Self.roleID(index))-day.yaml", timeline(index))
        }
        try save("overlaps.yaml", overlaps())
        try save("transitions.yaml", transitions())
        try save("questionnaires/big.yaml", questionnaire())
        return total
    }

    // MARK: Text

    private mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in Self.vocabulary[random.next(below: Self.vocabulary.count)] }.joined(separator: " ")
    }

    private mutating func sentence(_ count: Int) -> String {
        let text = words(count)
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// A few words cut to the summary limit.
    private mutating func summary() -> String { String(sentence(4).prefix(DimensionValue.summaryLimit)) }

    private mutating func sourceList() -> String { "[s\(random.next(below: 5) + 1)]" }

    // MARK: Files

    private func sources() -> String {
        "sources:\n" + (1...5).map { n in
            """
              - id: s\(n)
                title: Synthetic article number \(n)
                publisher: Publisher \(n)
                short: Source \(n)
                date: "2026-0\(n)-01"
                covers: Everything, synthetically.

            """
        }.joined()
    }

    static func kind(ofDimension index: Int) -> String {
        switch index % 10 {
        case 0...3: return "prose"
        case 4, 5: return "list"
        case 6, 7: return "level"
        case 8: return "money"
        default: return "ladder"
        }
    }

    private func dimensions() -> String {
        var text = "groups:\n" + (1...5).map { "  - {id: g\($0), title: Group \($0)}\n" }.joined()
        text += "scales:\n  - {id: skill, title: Skill, levels: [Basic, Moderate, Advanced, Expert], sources: [s1]}\n"
        text += "dimensions:\n"
        for index in 0..<Self.dimensionCount {
            let kind = Self.kind(ofDimension: index)
            text += "  - {id: d\(index), title: Dimension \(index) \(Self.vocabulary[index]), group: g\(index / 6 + 1), kind: \(kind)"
            text += (kind == "level" ? ", scale: skill" : "") + ", help: What dimension \(index) compares.}\n"
        }
        // The self-assessment rates each level dimension as a skill of its own.
        text += "equivalents:\n  - {scale: skill, steps: [basic, intermediate, advanced, expert]}\nskills:\n"
        for index in 0..<Self.dimensionCount where Self.kind(ofDimension: index) == "level" {
            text += "  - {id: s\(index), title: Skill \(index) \(Self.vocabulary[index]), summary: What dimension \(index) rates., "
                + "rated-by: [d\(index)], levels: [Tried it., Does it alone., Does the hard cases., Teaches it.]}\n"
        }
        return text
    }

    private func categories() -> String {
        "categories:\n" + [("build", "B"), ("meet", "M"), ("review", "R"), ("ops", "O"), ("pause", "-")].map {
            "  - {id: \($0.0), title: \($0.0.capitalized), letter: \"\($0.1)\"}\n"
        }.joined()
    }

    private mutating func role(_ index: Int) -> String {
        let id = Self.roleID(index)
        var text = """
        role:
          id: \(id)
          title: \(Self.vocabulary[index % 40].capitalized) \(Self.vocabulary[40 + index % 40].capitalized) Engineer \(index)
          aliases: [r\(index)]
          summary: \(sentence(14))
          related:
            - title: \(Self.vocabulary[index % 60].capitalized) Specialist
              note: \(sentence(16))
              sources: [s1]
          values:

        """
        for dimension in 0..<Self.dimensionCount {
            text += "    d\(dimension):\n"
            switch Self.kind(ofDimension: dimension) {
            case "prose":
                // Long values carry a summary, as the loader requires (at most `DimensionValue.summaryLimit` characters).
                text += "      - text: \(sentence(24))\n        summary: \(summary())\n        sources: \(sourceList())\n"
                if dimension % 3 == 0 {
                    text += "      - text: \(sentence(18))\n        summary: \(summary())\n        note: \(sentence(10))\n        sources: \(sourceList())\n"
                }
            case "list":
                text += "      - items: [\((0..<4).map { _ in words(3) }.joined(separator: ", "))]\n        summary: \(summary())\n        sources: \(sourceList())\n"
            case "level":
                let level = ["Basic", "Moderate", "Advanced", "Expert"][random.next(below: 4)]
                text += "      - level: \(level)\n        label: \(words(2))\n        sources: \(sourceList())\n"
            case "money":
                let low = 60_000 + random.next(below: 100) * 1_000
                text += """
                      - low: \(low)
                        high: \(low + 20_000 + random.next(below: 60) * 1_000)
                        currency: USD
                        period: year
                        basis: salary
                        seniority: mid
                        region: US
                        asOf: "2026"
                        label: \(words(4))
                        sources: \(sourceList())
                      - low: \(low + 40_000)
                        basis: median-wage
                        label: \(words(3))
                        sources: \(sourceList())

                """
            default:
                text += "      - steps:\n"
                for (step, years) in [(0, 2), (2, 5), (5, 10)].enumerated() {
                    text += "          - {title: Step \(step + 1) \(words(2)), minYears: \(years.0), maxYears: \(years.1), focus: \(words(6))}\n"
                }
                text += "        sources: \(sourceList())\n"
            }
        }
        return text
    }

    private mutating func timeline(_ index: Int) -> String {
        let id = Self.roleID(index)
        var text = """
        timeline:
          id: \(id)-day
          role: \(id)
          kind: day
          title: A day as role \(index)
          provenance: composed
          sources: [s1]
          note: \(sentence(20))
          entries:

        """
        let categories = ["build", "meet", "review", "ops", "pause"]
        for hour in 9..<17 {
            text += "    - {start: \"\(String(format: "%02d", hour)):00\", end: \"\(String(format: "%02d", hour)):50\", "
            text += "category: \(categories[(hour + index) % 5]), title: \(words(3)), detail: \(sentence(18))}\n"
        }
        return text
    }

    private mutating func overlaps() -> String {
        var text = "overlaps:\n"
        for index in stride(from: 0, to: roles - 1, by: 10) {
            text += """
              - id: overlap-\(index)
                title: \(words(3))
                roles: [\(Self.roleID(index)), \(Self.roleID(index + 1))]
                summary: \(sentence(20))
                details: [\(words(5)), \(words(5))]
                sources: [s2]

            """
        }
        return text
    }

    private mutating func transitions() -> String {
        var text = "backgrounds:\n" + (1...5).map { "  - {id: b\($0), title: Background \($0), aliases: [bg\($0)]}\n" }.joined()
        text += "transitions:\n"
        for index in stride(from: 0, to: roles, by: 10) {
            text += """
              - from: b\(index % 5 + 1)
                to: \(Self.roleID(index))
                duration: {text: about \(index % 12 + 1) months, minMonths: \(index % 12 + 1), maxMonths: \(index % 12 + 3)}
                learn: [\(words(3)), \(words(3)), \(words(3))]
                advice: \(sentence(15))
                sources: [s3]

            """
        }
        return text
    }

    /// A binary tree numbered like a heap: node n's answers lead to nodes 2n+1 and 2n+2;
    /// nodes 0..<250 are questions and 250..<500 outcomes. Outcome k recommends every
    /// role whose index is k modulo 250 (or role k modulo the role count, when there are
    /// fewer roles than outcomes), so each role is recommended somewhere.
    private mutating func questionnaire() -> String {
        let nodes = Self.questionCount + Self.outcomeCount
        func target(_ node: Int) -> String {
            node < Self.questionCount ? "next: q\(node)" : "outcome: o\(node - Self.questionCount)"
        }
        var text = """
        questionnaire:
          id: big
          title: A large questionnaire
          audience: hiring-manager
          summary: \(sentence(10))
          start: q0
          questions:

        """
        for node in 0..<Self.questionCount {
            let children = [2 * node + 1, 2 * node + 2].map { $0 < nodes ? $0 : nodes - 1 }
            text += "    - id: q\(node)\n      prompt: \(sentence(12))\n      why: \(sentence(16))\n      answers:\n"
            for child in children {
                text += "        - label: \(sentence(6))\n          because: \(words(6))\n          \(target(child))\n"
            }
        }
        text += "  outcomes:\n"
        for outcome in 0..<Self.outcomeCount {
            var recommended = Array(stride(from: outcome, to: roles, by: Self.outcomeCount))
            if recommended.isEmpty { recommended = [outcome % roles] }
            text += """
                - id: o\(outcome)
                  title: \(sentence(5))
                  recommend: [\(recommended.map(Self.roleID).joined(separator: ", "))]
                  runnerUp: [\(Self.roleID((outcome + 1) % roles))]
                  rationale: \(sentence(30))
                  advice: [\(words(6)), \(words(6))]
                  sources: [s4]

            """
        }
        return text
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
