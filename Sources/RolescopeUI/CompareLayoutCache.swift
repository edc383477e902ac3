import Foundation
import TerminalKit

/// Remembers the last layouts the Compare screen built, so a key press and the render
/// that follows it wrap the whole table once instead of twice.
///
/// A layout is a pure function of the inputs in `Key`, and the catalog, which never
/// changes for a screen; copies of a screen share the cache, which is safe because an
/// entry is only ever reused for the very same inputs.
final class CompareLayoutCache: @unchecked Sendable {
    struct Key: Hashable {
        var roleIDs: [String]
        var differencesOnly: Bool
        var showsSources: Bool
        var width: Int
        var glyphs: Glyphs
    }

    private let lock = NSLock()
    private var entries: [(key: Key, layout: CompareLayout)] = []
    /// Update lays out with Unicode glyphs and an ASCII terminal renders with ASCII: keep both.
    private let capacity = 2

    func layout(for key: Key, build: () -> CompareLayout) -> CompareLayout {
        lock.lock()
        if let hit = entries.first(where: { $0.key == key }) {
            lock.unlock()
            return hit.layout
        }
        lock.unlock()
        let layout = build()
        lock.lock()
        entries.removeAll { $0.key == key }
        entries.insert((key, layout), at: 0)
        if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        lock.unlock()
        return layout
    }
}
