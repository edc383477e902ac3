#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line as bytes. Swift decodes arguments as UTF-8, replacing what is not
/// (`f\xFF.md` becomes `f\u{FFFD}.md`), and the argument parser only sees that text; a
/// file name must reach `open()` as the bytes the user gave, so it is looked up here.
enum RawArguments {
    /// The bytes of the argument that decoded to `value` (also as `--option=value` or
    /// `-ovalue`), or `value`'s own UTF-8 when it holds no replacement character.
    static func bytes(of value: String, options: [String] = []) -> [UInt8] {
        guard value.unicodeScalars.contains("\u{FFFD}") else { return Array(value.utf8) }
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let raw = UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(bitPattern: $0) }
            if String(decoding: raw, as: UTF8.self) == value { return raw }
            for option in options where raw.starts(with: option.utf8) {
                let rest = Array(raw.dropFirst(option.utf8.count))
                if String(decoding: rest, as: UTF8.self) == value { return rest }
            }
        }
        return Array(value.utf8)
    }

    /// The raw bytes of the argument `value` came from, when they are not UTF-8.
    static func notUTF8(_ value: String) -> [UInt8]? {
        let raw = bytes(of: value)
        return String(validating: raw, as: UTF8.self) == nil ? raw : nil
    }
}
