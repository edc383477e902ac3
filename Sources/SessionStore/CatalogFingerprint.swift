#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// A short fingerprint of a catalog, stored with each session so a resume can tell
/// whether the content changed since the session was recorded. FNV-1a (64-bit) over the
/// catalog's key-sorted JSON: stable across runs and machines, and not a security measure.
public enum CatalogFingerprint {
    public static func of(_ catalog: Catalog) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(catalog)) ?? Data()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
