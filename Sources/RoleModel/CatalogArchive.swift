/// A compact binary form of a `Catalog`, used to embed the built-in content in the
/// binary. Decoding it is several times faster than JSON (see BENCHMARKS.md), which keeps
/// start-up inside its budget. It is an internal format: written and read only by the
/// same build (the archive starts with a version), and covered by a round-trip test.
///
/// Layout: integers as LEB128 varints (zig-zag for signed), strings as a length and UTF-8
/// bytes, arrays as a count then elements, optionals as a 0/1 byte then the value.
public enum CatalogArchive {
    static let version = 2

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func encode(_ catalog: Catalog) -> [UInt8] {
        var w = Writer()
        w.int(version)
        catalog.write(to: &w)
        return w.bytes
    }

    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(FormatError) -> Catalog {
        var r = Reader(bytes: bytes)
        guard try r.int() == version else { throw FormatError(description: "archive version mismatch; rebuild") }
        let catalog = try Catalog(from: &r)
        guard r.offset == bytes.count else { throw FormatError(description: "trailing bytes in archive") }
        return catalog
    }

    public static func decode(_ bytes: [UInt8]) throws(FormatError) -> Catalog {
        do {
            return try bytes.withUnsafeBufferPointer { try decode($0) }
        } catch let error as FormatError {
            throw error
        } catch {
            throw FormatError(description: "\(error)")
        }
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func uint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func int(_ value: Int) { uint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func string(_ value: String) {
            var copy = value
            copy.withUTF8 { utf8 in
                uint(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
        mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }
        mutating func optionalInt(_ value: Int?) { optional(value) { $0.int($1) } }

        mutating func array<T>(_ values: [T], _ element: (inout Writer, T) -> Void) {
            uint(UInt64(values.count))
            for value in values { element(&self, value) }
        }

        mutating func optional<T>(_ value: T?, _ body: (inout Writer, T) -> Void) {
            if let value { bool(true); body(&self, value) } else { bool(false) }
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var offset = 0

        mutating func byte() throws(FormatError) -> UInt8 {
            guard offset < bytes.count else { throw FormatError(description: "archive ends early") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func uint() throws(FormatError) -> UInt64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
                guard shift < 64 else { throw FormatError(description: "varint too long") }
            }
        }

        mutating func int() throws(FormatError) -> Int {
            let raw = try uint()
            return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
        }

        mutating func count() throws(FormatError) -> Int {
            let n = try uint()
            guard n <= UInt64(bytes.count - offset) else { throw FormatError(description: "count beyond archive") }
            return Int(n)
        }

        mutating func bool() throws(FormatError) -> Bool { try byte() != 0 }

        mutating func string() throws(FormatError) -> String {
            let n = try count()
            defer { offset += n }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<offset + n]), as: UTF8.self)
        }

        mutating func strings() throws(FormatError) -> [String] { try array { r throws(FormatError) in try r.string() } }
        mutating func optionalString() throws(FormatError) -> String? { try bool() ? try string() : nil }
        mutating func optionalInt() throws(FormatError) -> Int? { try bool() ? try int() : nil }

        mutating func array<T>(_ element: (inout Reader) throws(FormatError) -> T) throws(FormatError) -> [T] {
            let n = try count()
            var result: [T] = []
            result.reserveCapacity(n)
            for _ in 0..<n { result.append(try element(&self)) }
            return result
        }

        mutating func raw<T: RawRepresentable>(_ type: T.Type) throws(FormatError) -> T where T.RawValue == String {
            let text = try string()
            guard let value = T(rawValue: text) else { throw FormatError(description: "unknown \(T.self) '\(text)'") }
            return value
        }
    }
}
