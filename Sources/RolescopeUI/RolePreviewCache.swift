import Foundation
import TerminalKit

/// Remembers the last few role previews the Roles screen laid out, so moving the
/// selection back and forth through the list redraws a preview instead of wrapping its
/// text again (trying up to five densities until one fits took most of a frame).
///
/// A preview is a pure function of the inputs in `Key` and the catalog, which changes
/// only with `payHidden`; copies of a screen share the cache, which is safe because an
/// entry is only ever reused for the very same inputs.
final class RolePreviewCache: @unchecked Sendable {
    struct Key: Hashable {
        var roleID: String
        /// With pay hidden the screen is given a catalog without pay: another preview.
        var payHidden: Bool
        var width: Int
        var height: Int
        var glyphs: Glyphs
    }

    private let lock = NSLock()
    private var entries: [(key: Key, lines: [StyledLine])] = []
    /// Enough for every role of a small catalog, and the neighbours of the selection in a
    /// large one.
    private let capacity = 8

    func lines(for key: Key, build: () -> [StyledLine]) -> [StyledLine] {
        lock.lock()
        if let index = entries.firstIndex(where: { $0.key == key }) {
            let hit = entries.remove(at: index)
            entries.insert(hit, at: 0)
            lock.unlock()
            return hit.lines
        }
        lock.unlock()
        let lines = build()
        lock.lock()
        entries.removeAll { $0.key == key }
        entries.insert((key, lines), at: 0)
        if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        lock.unlock()
        return lines
    }
}
