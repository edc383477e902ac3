import FuzzSupport
import TerminalKit

// The key decoder (`KeyByteDecoder`) fed arbitrary bytes, as a terminal could send them:
// stray and truncated UTF-8, overlong forms, surrogates, bytes UTF-8 never uses. The
// screens fuzzer starts from decoded keys, so it never reaches this.
//
// Fed as `CursesTerminal` feeds it (a byte marked for rereading is fed again), and
// checked: it always terminates (no byte fed more than twice); every ASCII byte comes out,
// in order, as itself, so no control key is ever swallowed; and the characters it
// decodes are exactly those the standard library's UTF-8 decoder finds, leaving out the
// replacement characters (both recover at the same byte).

func fuzzKeys(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var decoder = KeyByteDecoder()
    var scalars: [Unicode.Scalar] = []
    var index = 0
    var feeds = 0
    while index < bytes.count {
        feeds += 1
        require(feeds <= 2 * bytes.count, "fed \(feeds) times for \(bytes.count) bytes")
        switch decoder.feed(bytes[index]) {
        case .character(let scalar):
            scalars.append(scalar)
            index += 1
        case .needsMore, .invalid:
            index += 1
        case .invalidThenReread:
            require(!decoder.isPending, "a byte to reread with a sequence still pending")
        }
    }
    _ = decoder.interrupt()
    require(!decoder.isPending, "still pending after an interrupt")

    let ascii = bytes.filter { $0 < 0x80 }
    let asciiOut = scalars.filter(\.isASCII).map { UInt8($0.value) }
    require(asciiOut == ascii, "ASCII bytes lost or reordered: \(bytes) -> \(scalars)")
    let expected = String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 != "\u{FFFD}" }
    require(Array(expected) == scalars.filter { $0 != "\u{FFFD}" }, "differs from the standard decoder: \(bytes) -> \(scalars)")
    return 0
}
