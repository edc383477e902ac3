import RoleModel
import TerminalKit

// TRANSITIONAL: replaced by the real Timeline screen before this lands.
public struct TimelineScreen: Screen {
    let catalog: Catalog
    public init(catalog: Catalog) { self.catalog = catalog }
    public var breadcrumb: String { "Timeline" }
    public var keyHelp: KeyHelp { KeyHelp(rows: []) }
    public var keyHints: KeyHints { KeyHints(entries: []) }
    public var isAtTop: Bool { true }
    public mutating func update(_ event: Event) -> ScreenResult { .ignored }
    public func render(into buffer: inout Buffer, area: Rect) {}
    public mutating func show(role: String, kind: TimelineKind, entry: Int?) {}
    public mutating func showPair(_ first: String, _ second: String) {}
}
