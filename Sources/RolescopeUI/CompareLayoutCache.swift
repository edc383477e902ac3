import TerminalKit

/// The Compare screen remembers its last layouts, so a key press and the render that
/// follows it wrap the whole table once instead of twice. Two entries: update lays out
/// with Unicode glyphs and an ASCII terminal renders with ASCII.
typealias CompareLayoutCache = MemoCache<CompareLayoutKey, CompareLayout>

/// What a layout is built from, besides the catalog (which never changes for a screen).
struct CompareLayoutKey: Hashable {
    var roleIDs: [String]
    var differencesOnly: Bool
    var showsSources: Bool
    var width: Int
    var glyphs: Glyphs
}
