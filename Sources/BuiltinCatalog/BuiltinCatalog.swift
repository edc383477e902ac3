#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// The catalog compiled into the binary from `assets/` (see Plugins/EmbedCatalog).
public enum BuiltinCatalog {
    /// Decodes the embedded catalog. Throws the build-time validation problems if the
    /// built-in content was invalid when the binary was built.
    public static func load() throws(ContentError) -> Catalog {
        if embeddedKind.description == "problems" {
            let data = embeddedPayload.withUTF8Buffer { Data($0) }
            let lines = (try? JSONDecoder().decode([String].self, from: data)) ?? []
            throw .invalid(lines.map { ContentProblem(file: "built-in content", message: $0) })
        }
        do {
            return try CatalogArchive.decode(archiveBytes)
        } catch {
            throw .invalid([ContentProblem(file: "built-in content", message: "the embedded catalog could not be read: \(error)",
                                           hint: "rebuild rolescope")])
        }
    }

    /// The embedded archive's bytes, decoded from base64.
    public static var archiveBytes: [UInt8] { embeddedPayload.withUTF8Buffer { Base64.decode($0) } }
}

/// A small base64 decoder over raw bytes: the embedded payload is ASCII base64 in a
/// static string, and this avoids copying it into a `String` first.
enum Base64 {
    static let table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    static func decode(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count / 4 * 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in input {
            let value = table[Int(byte)]
            if value == 0xFF { continue } // padding or anything else
            buffer = (buffer << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }
}
