import TerminalKit

/// The Roles screen remembers the last few previews it laid out, so moving the selection
/// back and forth through the list redraws a preview instead of wrapping its text again
/// (trying up to five densities until one fits took most of a frame). Eight entries:
/// every role of a small catalog, and the neighbours of the selection in a large one.
typealias RolePreviewCache = MemoCache<RolePreviewKey, [StyledLine]>

/// What a preview is laid out from, besides the catalog (which changes only with
/// `payHidden`).
struct RolePreviewKey: Hashable {
    var roleID: String
    /// With pay hidden the screen is given a catalog without pay: another preview.
    var payHidden: Bool
    var width: Int
    var height: Int
    var glyphs: Glyphs
}
