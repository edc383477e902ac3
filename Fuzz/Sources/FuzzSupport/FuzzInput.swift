/// The fuzzer's bytes read as a stream of choices, in the manner of LLVM's
/// `FuzzedDataProvider`: every read succeeds, and an exhausted input reads as zeros, so
/// any byte string is a valid program for a target.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public init(_ start: UnsafePointer<UInt8>?, _ count: Int) {
        bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    }

    public var isAtEnd: Bool { index >= bytes.count }
    public var remaining: Int { max(0, bytes.count - index) }

    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    public mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A little-endian 16-bit value, sign-extended: small and negative numbers are both
    /// one mutation away.
    public mutating func int16() -> Int {
        let low = UInt16(byte()), high = UInt16(byte())
        return Int(Int16(bitPattern: low | high << 8))
    }

    /// A number in `range` (inclusive), taken from one byte, or two when the range needs it.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = range.upperBound - range.lowerBound
        guard span > 0 else { return range.lowerBound }
        let raw = span < 256 ? Int(byte()) : Int(UInt16(byte()) | UInt16(byte()) << 8)
        return range.lowerBound + raw % (span + 1)
    }

    public mutating func pick<T>(_ choices: [T]) -> T {
        precondition(!choices.isEmpty, "pick from an empty list")
        return choices[int(in: 0...choices.count - 1)]
    }

    /// A string of at most `maxBytes` bytes: a length byte, then the bytes, decoded as
    /// UTF-8 with repair so invalid sequences become U+FFFD as they would from a file.
    public mutating func string(maxBytes: Int = 64) -> String {
        let count = min(int(in: 0...255), maxBytes, remaining)
        var raw: [UInt8] = []
        raw.reserveCapacity(count)
        for _ in 0..<count { raw.append(byte()) }
        return String(decoding: raw, as: UTF8.self)
    }

    /// One Unicode scalar from three bytes; invalid code points (surrogates, beyond
    /// U+10FFFF) fold into the valid range, so all of Unicode is reachable.
    public mutating func scalar() -> Unicode.Scalar {
        let value = UInt32(byte()) | UInt32(byte()) << 8 | UInt32(byte() & 0x1F) << 16
        let folded = value % 0x11_0000
        return Unicode.Scalar(folded) ?? Unicode.Scalar(folded - 0x800) ?? "?"
    }
}

/// Stops the run with a message when an invariant does not hold; libFuzzer records the
/// input that got here as a crash.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
                    file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError("invariant broken: \(message())", file: file, line: line) }
}
