/// How well someone says they know a skill, on the self-assessment's one plain scale. The
/// raw value counts whole levels: a gap is a number of steps, never a fraction.
public enum SkillLevel: Int, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case none = 0, basic, intermediate, advanced, expert

    public var title: String {
        switch self {
        case .none: return "none"
        case .basic: return "basic"
        case .intermediate: return "intermediate"
        case .advanced: return "advanced"
        case .expert: return "expert"
        }
    }

    /// The title as it starts a phrase: "Intermediate".
    public var name: String { title.prefix(1).uppercased() + title.dropFirst() }

    /// What the step means for any skill; each `Skill` says what it means for that skill.
    public var description: String {
        switch self {
        case .none: return "Never used it, or only heard of it."
        case .basic: return "Know the ideas; have tried it with guidance or in a tutorial."
        case .intermediate: return "Use it on real work without help."
        case .advanced: return "Handle the hard cases; others come to you with it."
        case .expert: return "Could teach it, or set how a team does it."
        }
    }

    /// The step named by `text`: its title ("intermediate"), its number (0–4), or the
    /// name it had before the scale was renamed ("working", "strong").
    public init?(named text: String) {
        let wanted = text.lowercased()
        if let found = Self.allCases.first(where: { $0.title == wanted || String($0.rawValue) == wanted }) {
            self = found
        } else if wanted == "working" {
            self = .intermediate
        } else if wanted == "strong" {
            self = .advanced
        } else {
            return nil
        }
    }

    public static func < (lhs: SkillLevel, rhs: SkillLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// "one level", "two levels": a whole number of steps in words.
    public static func levels(_ count: Int) -> String {
        let words = ["no", "one", "two", "three", "four"]
        let number = words.indices.contains(count) ? words[count] : String(count)
        return "\(number) level\(count == 1 ? "" : "s")"
    }
}
