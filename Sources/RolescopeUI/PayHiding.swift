#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// Hiding pay (`--hide-pay`, the `$` key) for interviews where pay is not the topic.
///
/// Rather than teach every widget to skip figures, the app shows its screens a copy of
/// the catalog with the pay taken out: every money value becomes the word "hidden" (its
/// sources kept, so the reader still sees who published a figure), money dimensions are
/// shown as plain text (no bars, no axis), and any pay figure an article's prose quotes
/// ("$400K–$800K total comp") reads "[pay hidden]". The screens keep their places, since
/// ids, dimensions and roles are the same in both catalogs.
extension Catalog {
    /// This catalog with every pay figure replaced by "hidden".
    public func hidingPay() -> Catalog {
        var copy = self
        copy.dimensions = dimensions.map { dimension in
            var dimension = dimension
            if dimension.kind == .money { dimension.kind = .prose }
            dimension.help = dimension.help.map(PayHiding.redact)
            return dimension
        }
        copy.roles = roles.map { role in
            var role = role
            role.summary = PayHiding.redact(role.summary)
            role.related = role.related.map { related in
                var related = related
                related.note = PayHiding.redact(related.note)
                return related
            }
            role.values = role.values.mapValues { $0.map(PayHiding.hide) }
            return role
        }
        copy.overlaps = overlaps.map { overlap in
            var overlap = overlap
            overlap.summary = PayHiding.redact(overlap.summary)
            overlap.details = overlap.details.map(PayHiding.redact)
            return overlap
        }
        copy.transitions = transitions.map { transition in
            var transition = transition
            transition.learn = transition.learn.map(PayHiding.redact)
            transition.advice = transition.advice.map(PayHiding.redact)
            return transition
        }
        return copy
    }
}

enum PayHiding {
    /// What a pay figure reads while pay is hidden.
    static let word = "hidden"
    /// What a figure quoted in prose reads while pay is hidden.
    static let inProse = "[pay hidden]"

    /// A money value becomes "hidden"; any other value has the figures in its text hidden.
    static func hide(_ value: DimensionValue) -> DimensionValue {
        var value = value
        value.note = value.note.map(redact)
        switch value.content {
        case .money: value.content = .prose(word)
        case .prose(let text): value.content = .prose(redact(text))
        case .list(let items): value.content = .list(items.map(redact))
        case .level(var rating):
            rating.label = rating.label.map(redact)
            value.content = .level(rating)
        case .ladder(let steps):
            value.content = .ladder(steps.map { step in
                var step = step
                step.focus = step.focus.map(redact)
                return step
            })
        }
        return value
    }

    /// `text` with every pay figure it quotes replaced by "[pay hidden]". A figure is a
    /// currency sign, a number, an optional K/M/B (not the start of a word) and plus, and
    /// optionally a second figure after a dash or "to": "$400K–$800K", "$1.2M+",
    /// "$170,000 to $200,000". Scanned by hand rather than with the standard library's
    /// Regex, whose one-time parse of the pattern leaves allocations LeakSanitizer
    /// reports (the screens fuzzer found it), and which costs more than this scan.
    static func redact(_ text: String) -> String {
        guard text.contains(where: { $0 == "$" || $0 == "£" || $0 == "€" }) else { return text }
        let chars = Array(text)
        var result = ""
        var i = 0
        while i < chars.count {
            if let end = figureEnd(chars, from: i) {
                var stop = end
                // "… – $800K" or "… to $200,000": the second figure of a range.
                var j = end
                if j < chars.count, chars[j] == " " { j += 1 }
                var joined = false
                if j < chars.count, "-–—".contains(chars[j]) { j += 1; joined = true }
                else if j + 1 < chars.count, chars[j] == "t", chars[j + 1] == "o" { j += 2; joined = true }
                if joined {
                    if j < chars.count, chars[j] == " " { j += 1 }
                    if let second = figureEnd(chars, from: j) { stop = second }
                }
                result += inProse
                i = stop
            } else {
                result.append(chars[i])
                i += 1
            }
        }
        return result
    }

    /// Where one figure starting at `start` ends (one past it), or nil when none starts there.
    private static func figureEnd(_ chars: [Character], from start: Int) -> Int? {
        guard start < chars.count, "$£€".contains(chars[start]) else { return nil }
        var i = start + 1
        if i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count, chars[i].isASCII, chars[i].isNumber else { return nil }
        while i < chars.count, chars[i].isASCII, chars[i].isNumber || chars[i] == "," || chars[i] == "." { i += 1 }
        // A trailing comma or full stop ends the sentence, not the number.
        while chars[i - 1] == "," || chars[i - 1] == "." { i -= 1 }
        var k = i
        if k < chars.count, chars[k] == " " { k += 1 }
        if k < chars.count, "KkMmBb".contains(chars[k]), !(k + 1 < chars.count && chars[k + 1].isLowercase) { i = k + 1 }
        if i < chars.count, chars[i] == "+" { i += 1 }
        return i
    }
}
