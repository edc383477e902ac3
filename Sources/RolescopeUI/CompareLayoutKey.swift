import TerminalKit

/// What the Compare table is laid out from, besides the catalog: the table `update` laid
/// out is drawn as it is when the frame asks for the same.
struct CompareLayoutKey: Hashable {
    var roleIDs: [String]
    var differencesOnly: Bool
    var showsSources: Bool
    var width: Int
    var glyphs: Glyphs
    var payHidden: Bool
    var fullText: Bool
}
