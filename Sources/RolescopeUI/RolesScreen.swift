import RoleModel
import TerminalKit

// TRANSITIONAL: replaced by the real Roles screen before this lands.
public struct RolesScreen: Screen {
    let catalog: Catalog
    public init(catalog: Catalog) { self.catalog = catalog }
    public var breadcrumb: String { "Roles" }
    public var keyHelp: KeyHelp { KeyHelp(rows: []) }
    public var keyHints: KeyHints { KeyHints(entries: []) }
    public var isAtTop: Bool { true }
    public mutating func update(_ event: Event) -> ScreenResult { .ignored }
    public func render(into buffer: inout Buffer, area: Rect) {}
    public mutating func showProfile(role: String, dimension: String?) {}
}
