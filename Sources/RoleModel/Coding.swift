// Explicit, flat JSON shapes for the enums with associated values, so the JSON that
// `rolescope ... --format json` prints is stable and easy to script against:
//   a value's content: {"kind": "prose", "text": "..."}, {"kind": "list", "items": [...]}, ...
//   an answer's target: {"next": "question-id"} or {"outcome": "outcome-id"}

extension ValueContent {
    private enum Keys: String, CodingKey { case kind, text, items, level, money, steps }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(DimensionKind.self, forKey: .kind) {
        case .prose: self = .prose(try c.decode(String.self, forKey: .text))
        case .list: self = .list(try c.decode([String].self, forKey: .items))
        case .level: self = .level(try c.decode(LevelRating.self, forKey: .level))
        case .money: self = .money(try c.decode(MoneyRange.self, forKey: .money))
        case .ladder: self = .ladder(try c.decode([LadderStep].self, forKey: .steps))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .prose(let text): try c.encode(text, forKey: .text)
        case .list(let items): try c.encode(items, forKey: .items)
        case .level(let rating): try c.encode(rating, forKey: .level)
        case .money(let money): try c.encode(money, forKey: .money)
        case .ladder(let steps): try c.encode(steps, forKey: .steps)
        }
    }

    /// The dimension kind this content belongs to.
    public var kind: DimensionKind {
        switch self {
        case .prose: return .prose
        case .list: return .list
        case .level: return .level
        case .money: return .money
        case .ladder: return .ladder
        }
    }
}

extension AnswerTarget {
    private enum Keys: String, CodingKey { case next, outcome }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let next = try c.decodeIfPresent(String.self, forKey: .next) {
            self = .question(next)
        } else {
            self = .outcome(try c.decode(String.self, forKey: .outcome))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .question(let id): try c.encode(id, forKey: .next)
        case .outcome(let id): try c.encode(id, forKey: .outcome)
        }
    }
}
