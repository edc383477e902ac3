import RoleModel
import TerminalKit

/// A transition plan shown over the tab it was opened from: P on a role's profile opens it
/// over Roles, P on a questionnaire result over Questionnaire. While that tab is shown the
/// plan is the focused screen; Esc or q closes it and the profile or result is there again,
/// as it was. Switching tabs and back keeps it open.
struct PlanLayer: Sendable {
    var tab: Tab
    var screen: PlanScreen
}

extension AppModel {
    /// The plan over the current tab, if one is open there.
    var shownPlan: PlanScreen? {
        guard let planLayer, planLayer.tab == tab else { return nil }
        return planLayer.screen
    }

    /// Opens the plan into `role` over the current tab (replacing any plan open elsewhere).
    /// An unknown role opens nothing.
    mutating func openPlan(role: String, background: String?) {
        guard var screen = PlanScreen(catalog: catalog, role: role, background: background) else { return }
        _ = screen.update(.resize(width: contentArea.width, height: contentArea.height))
        planLayer = PlanLayer(tab: tab, screen: screen)
    }

    /// Closes the plan over `tab`, so a destination opened there is not hidden under it.
    mutating func closePlan(on tab: Tab) {
        if planLayer?.tab == tab { planLayer = nil }
    }

    mutating func sendToPlan(_ event: Event) -> ScreenResult {
        guard var layer = planLayer else { return .ignored }
        let result = layer.screen.update(event)
        planLayer = layer.screen.closed ? nil : layer
        return result
    }

    mutating func resizePlan(_ event: Event) {
        guard var layer = planLayer else { return }
        _ = layer.screen.update(event)
        planLayer = layer
    }
}
