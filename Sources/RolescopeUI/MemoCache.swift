#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel

/// The last few values a screen computed, by the inputs they were computed from, most
/// recently used first. Screens are values and their copies share one cache, which is
/// safe because an entry is only ever reused for the very same inputs; the lock makes
/// it safe to share across threads too.
final class MemoCache<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = ThreadLock()
    private var entries: [(key: Key, value: Value)] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The value for `key`, built (outside the lock) only when it is not remembered.
    func value(for key: Key, build: () -> Value) -> Value {
        lock.lock()
        if let index = entries.firstIndex(where: { $0.key == key }) {
            let hit = entries.remove(at: index)
            entries.insert(hit, at: 0)
            lock.unlock()
            return hit.value
        }
        lock.unlock()
        let value = build()
        lock.lock()
        entries.removeAll { $0.key == key }
        entries.insert((key, value), at: 0)
        if entries.count > capacity { entries.removeLast(entries.count - capacity) }
        lock.unlock()
        return value
    }
}
