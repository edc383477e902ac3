@_spi(_Unicode) import Swift

// The few text operations Rolescope took from full Foundation, which FoundationEssentials
// leaves out because they need ICU (whose data alone is 34 MB of a static binary).
// Each is done here with the standard library's Unicode tables.

extension StringProtocol {
    /// The text without white space or line breaks at either end (what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gave).
    public func trimmed() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = lastIndex(where: { !$0.isWhitespace })!
        return String(self[first...last])
    }

    /// Lower case, without accents or other combining marks: "Résumé" is "resume". The
    /// text is decomposed (NFD) and the non-spacing marks dropped, as Foundation's
    /// `.diacriticInsensitive` folding does.
    public func foldedForMatching() -> String {
        var ascii = true
        for byte in utf8 where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii { return lowercased() }
        var scalars = String.UnicodeScalarView()
        for scalar in String(self)._nfd where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return String(scalars).lowercased()
    }

    /// Equal, ignoring case.
    public func equalsIgnoringCase(_ other: some StringProtocol) -> Bool {
        lowercased() == other.lowercased()
    }
}

extension BinaryInteger {
    /// Upper-case hexadecimal, zero-padded to `width` digits: `0x1F` is "001F" at 4.
    public func hexDigits(width: Int) -> String {
        let digits = String(self, radix: 16, uppercase: true)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
