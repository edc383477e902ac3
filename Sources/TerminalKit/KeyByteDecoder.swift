/// Turns the bytes a UTF-8 terminal sends for typed characters into characters, one byte
/// at a time, so that a broken sequence costs at most itself.
///
/// curses' own `wget_wch` waits for a multibyte character to complete: one stray lead
/// byte (`0xC3`), or any non-ASCII key in a non-UTF-8 locale, made it swallow the keys
/// that followed, `q` and Ctrl-C included (issue 16). Here a byte that cannot continue
/// the sequence ends it: the bytes before it are dropped and the byte itself is read
/// again as the start of the next key. So an ASCII byte (every control key, every
/// escape sequence) is never consumed by a broken sequence.
public struct KeyByteDecoder: Sendable {
    /// What to do after a byte.
    public enum Step: Equatable, Sendable {
        /// A whole character.
        case character(Unicode.Scalar)
        /// The start of a character: read the next byte (with a short wait).
        case needsMore
        /// The bytes so far are not a character: ignore them.
        case invalid
        /// The bytes before this one are not a character and are ignored; this byte
        /// starts afresh: give it back to the input and read it again.
        case invalidThenReread
    }

    private var bytes: [UInt8] = []
    private var expected = 0

    public init() {}

    /// True while a sequence is incomplete.
    public var isPending: Bool { !bytes.isEmpty }

    public mutating func feed(_ byte: UInt8) -> Step {
        if bytes.isEmpty {
            switch byte {
            case 0x00...0x7F: return .character(Unicode.Scalar(byte))
            case 0xC2...0xDF: expected = 2
            case 0xE0...0xEF: expected = 3
            case 0xF0...0xF4: expected = 4
            default: return .invalid // a continuation byte alone, or a byte UTF-8 never uses
            }
            bytes = [byte]
            return .needsMore
        }
        guard Self.continues(bytes, with: byte) else {
            reset()
            return .invalidThenReread
        }
        bytes.append(byte)
        guard bytes.count == expected else { return .needsMore }
        defer { reset() }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return .character(scalar) }
        return .invalid
    }

    /// No byte came in time, or something other than a byte (a function key) came:
    /// the sequence so far is abandoned.
    public mutating func interrupt() -> Step? {
        guard isPending else { return nil }
        reset()
        return .invalid
    }

    private mutating func reset() {
        bytes = []
        expected = 0
    }

    /// Whether `byte` may follow `bytes`: a continuation byte, within the narrower range
    /// the lead byte allows for the second one (no overlong forms, no surrogates, nothing
    /// past U+10FFFF).
    private static func continues(_ bytes: [UInt8], with byte: UInt8) -> Bool {
        guard bytes.count == 1 else { return (0x80...0xBF).contains(byte) }
        switch bytes[0] {
        case 0xE0: return (0xA0...0xBF).contains(byte)
        case 0xED: return (0x80...0x9F).contains(byte)
        case 0xF0: return (0x90...0xBF).contains(byte)
        case 0xF4: return (0x80...0x8F).contains(byte)
        default: return (0x80...0xBF).contains(byte)
        }
    }
}
