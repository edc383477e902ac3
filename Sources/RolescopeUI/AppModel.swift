import RoleReports
import RoleModel
import TerminalKit

/// What the run loop should do after an update.
public enum AppEffect: Hashable, Sendable {
    case none
    /// Repaint every cell (Ctrl-L, or after the terminal was disturbed).
    case redrawAll
    case quit
    /// Put this text on the system clipboard (the terminal's OSC 52).
    case copy(String)
}

/// The root of the app: the five tab screens, the tab history that Esc and q walk back
/// through, an overlay (help, search, past sessions, a question, the export prompt) and a
/// plan over a tab. A key goes to the overlay if one is open, else to the focused screen
/// as an action it offers, else to the app's own commands. What screens and overlays ask
/// for comes back as `Effect` values, carried out in `run(_:)`.
public struct AppModel: Sendable {
    public let catalog: Catalog
    /// Which keys do what (the defaults and the config file's changes).
    public let keymap: Keymap
    public internal(set) var tab: Tab = .roles
    public var roles: RolesScreen
    public var compare: CompareScreen
    public var questionnaire: QuestionnaireScreen
    public var timeline: TimelineScreen
    public var skills: SkillsScreen
    public private(set) var width: Int
    public private(set) var height: Int
    /// Tabs visited before the current one, for going back.
    var history: [Tab] = []
    var overlay: (any Overlay)?
    /// The last confirmed search, for n and N.
    var searchTrail: SearchTrail?
    /// The words of the search hit just landed on, marked on screen until the next key.
    var highlight: [String]?
    /// True while every pay figure reads "hidden" (`--hide-pay`, the `$` key).
    public private(set) var payHidden = false
    /// Where sessions are written; nil when the store could not be opened.
    public var recorder: (any SessionRecorder)?
    /// A lasting warning for the header ("sessions unavailable: ...").
    public var warning: String? {
        // A warning too long for the header takes rows from the content: lay out again.
        didSet { if warning != oldValue { resizeScreens() } }
    }
    /// Writes what `e` exports; nil in tests that do not export.
    public var exporter: (any ScreenExporter)?
    /// Whether the terminal takes clipboard copies (OSC 52), as the run loop found out.
    public var canCopy = false
    /// The one transient message ("Saved to PATH", "note saved"), until the next key.
    public private(set) var message: String?
    /// A transition plan open over a tab.
    var plan: (tab: Tab, screen: PlanScreen)?
    /// The session being recorded into, as the app created or resumed it.
    var sessionID: Int64?
    /// The self-assessment last stored, and where: the same ratings are not stored twice.
    private var storedAssessment: (session: Int64, ratings: SelfAssessment)?
    /// Records the store could not take yet, in order, retried with each new one.
    var pending = PendingWrites()
    /// The pending banner last put in `warning`, to take it down (and nothing else).
    var pendingBanner: String?

    /// Below this the app shows a "terminal too small" notice instead of a screen.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public init(catalog: Catalog, width: Int, height: Int, payHidden: Bool = false, keymap: Keymap = .standard) {
        self.catalog = catalog
        self.keymap = keymap
        self.width = width
        self.height = height
        roles = RolesScreen(catalog: catalog)
        compare = CompareScreen(catalog: catalog)
        questionnaire = QuestionnaireScreen(catalog: catalog)
        timeline = TimelineScreen(catalog: catalog)
        skills = SkillsScreen(catalog: catalog)
        resizeScreens()
        if payHidden { setPayHidden(true) }
    }

    /// The tab screens as one table: every loop over them goes through here.
    subscript(tab: Tab) -> any Screen {
        get {
            switch tab {
            case .roles: return roles
            case .compare: return compare
            case .questionnaire: return questionnaire
            case .timeline: return timeline
            case .skills: return skills
            }
        }
        set {
            switch tab {
            case .roles: roles = newValue as! RolesScreen
            case .compare: compare = newValue as! CompareScreen
            case .questionnaire: questionnaire = newValue as! QuestionnaireScreen
            case .timeline: timeline = newValue as! TimelineScreen
            case .skills: skills = newValue as! SkillsScreen
            }
        }
    }

    // MARK: Layout

    var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    var frame: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Row 0: tabs. Row 1: where you are. Then the screen. Last row: key hints.
    /// A warning too long to share the header's row wraps onto rows of its own below it
    /// (at most a quarter of the screen), so its remedy is never cut off.
    var warningLines: [String] {
        guard let warning, width > 0 else { return [] }
        // Beside the breadcrumb (20 cells at least) and "pay hidden", or on rows of its own;
        // decided by the warning, pay hiding and the width (each change lays the screens out
        // again), not by the passing message, so the layout holds still under it.
        if TextWidth.of(warning) + 2 + 20 + (payHidden ? 22 : 0) <= width { return [] }
        return Array(TextWrap.lines(Sanitizer.clean(warning, keepNewlines: false), width: max(1, width - 2)).prefix(max(1, height / 4)))
    }

    /// Row 0: tabs. Row 1: where you are (and any long warning below it). Then the screen.
    /// Last row: key hints.
    var contentArea: Rect {
        let extra = warningLines.count
        return Rect(x: 0, y: 2 + extra, width: width, height: max(0, height - 3 - extra))
    }

    mutating func resizeScreens() {
        let event = Event.resize(width: contentArea.width, height: contentArea.height)
        for tab in Tab.allCases { _ = self[tab].update(event) }
        _ = plan?.screen.update(event)
        if var help = overlay as? HelpOverlay {
            help.lines = helpLines(under: focused, width: HelpOverlay.textWidth(frameWidth: width))
            help.visibleRows = max(1, HelpOverlay.area(frame, lineCount: help.lines.count).height - 2)
            overlay = help
        }
    }

    /// Hides or shows pay on every screen: they are given the catalog with pay taken out
    /// (or the real one back) and keep their places; search then finds no figures either.
    public mutating func setPayHidden(_ hidden: Bool) {
        guard hidden != payHidden else { return }
        payHidden = hidden
        let shown = hidden ? catalog.hidingPay() : catalog
        for tab in Tab.allCases { self[tab].setPay(hidden: hidden, catalog: shown) }
        resizeScreens()
    }

    // MARK: Focus

    /// The plan over the current tab, if one is open there.
    var shownPlan: PlanScreen? { plan?.tab == tab ? plan?.screen : nil }

    var focused: any Screen { shownPlan ?? self[tab] }

    private mutating func withFocused(_ body: (inout any Screen) -> ScreenResult) -> ScreenResult {
        if var open = plan, open.tab == tab {
            var screen: any Screen = open.screen
            let result = body(&screen)
            open.screen = screen as! PlanScreen
            plan = open
            return result
        }
        var screen = self[tab]
        let result = body(&screen)
        self[tab] = screen
        return result
    }

    // MARK: Update

    public mutating func update(_ event: Event) -> AppEffect {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            resizeScreens()
            return .redrawAll
        case .key(.ctrl("c")):
            return .quit
        case .key(let key) where keymap.action(for: key) == .redraw && !(overlay?.editsText ?? focused.editsText):
            return .redrawAll
        case .tick:
            return .none
        default: break
        }
        if isTooSmall {
            if case .key(let key) = event, keymap.action(for: key) == .quit { return .quit }
            return .none
        }
        if case .key = event {
            message = nil
            highlight = nil
        }
        if var open = overlay {
            let result: ScreenResult
            switch event {
            case .key(let key): result = open.handle(key: key, keymap: keymap)
            case .mouse(let mouse):
                if var search = open as? SearchOverlay, let wheel = Event.mouse(mouse).wheel { search.wheel(wheel); open = search }
                result = mouse.kind == .press && open is HelpOverlay ? .done([.close]) : .handled
            default: result = .handled
            }
            overlay = open
            return run(result.effects, from: .overlay)
        }
        if case .mouse(let mouse) = event { return updateMouse(mouse) }
        guard case .key(let key) = event else { return .none }
        let keymap = self.keymap
        let result = withFocused { $0.handle(key: key, keymap: keymap) }
        if result != .ignored { return run(result.effects, from: .screen) }
        guard let action = keymap.action(for: key), globalCommands.offers(action) else { return .none }
        return perform(action)
    }

    /// Keys the app handles when the focused screen does not.
    var globalCommands: [Command] {
        var commands = [Command(.search, "search"), Command(.help, "help")]
        commands += Tab.allCases.map { Command(.tab($0), "\($0.title) tab", hint: false) }
        commands += [
            Command(.nextTab, "next tab", hint: false), Command(.previousTab, "previous tab", hint: false),
            Command(.back, "back to the previous tab", hint: false),
            Command(.nextHit, "next search hit", hint: false), Command(.previousHit, "previous search hit", hint: false),
            Command(.togglePay, payHidden ? "show pay figures" : "hide pay figures", hint: false),
            // In the hint bar wherever there is something to export.
            Command(.export, focused.exportRequest == nil ? "export what is on screen to a file" : "export",
                    hint: focused.exportRequest != nil),
            Command(.copy, "copy the focused thing to the clipboard", hint: false),
            Command(.pastSessions, "past sessions (Enter reopens one)", hint: false),
            Command(.redraw, "redraw the screen", hint: false),
            Command(.quit, "quit"),
        ]
        return commands
    }

    mutating func perform(_ action: Action) -> AppEffect {
        if let target = action.tab {
            switchTo(target)
            return .none
        }
        switch action {
        case .nextTab: switchTo(Tab(rawValue: (tab.rawValue + 1) % Tab.allCases.count)!)
        case .previousTab: switchTo(Tab(rawValue: (tab.rawValue + Tab.allCases.count - 1) % Tab.allCases.count)!)
        case .help: openHelp()
        case .search: overlay = SearchOverlay(index: SearchIndex(payHidden ? catalog.hidingPay() : catalog), keymap: keymap)
        case .togglePay:
            setPayHidden(!payHidden)
            // Kept with the session being recorded, so resuming it hides pay again.
            write(.payHidden(payHidden))
        case .pastSessions: openPastSessions()
        case .export:
            if let request = focused.exportRequest {
                overlay = ExportOverlay(request: request)
            } else {
                message = "Nothing to export here: e exports a role, Compare, a questionnaire result, a timeline, a plan or a self-assessment"
            }
        case .copy:
            guard let copied = focused.copied else {
                message = "Nothing to copy here"
                return .none
            }
            guard canCopy else {
                message = "This terminal does not take copies (OSC 52): \(keymap.shortLabel(.export)) exports to a file instead"
                return .none
            }
            message = "Copied \(copied.what)"
            return .copy(copied.text)
        case .nextHit: stepHit(by: 1)
        case .previousHit: stepHit(by: -1)
        case .back:
            if let previous = history.popLast() { tab = previous }
        case .quit: return quitOrAsk()
        default: break
        }
        return .none
    }

    /// Switches tab as a user choice: it starts a new history.
    mutating func switchTo(_ target: Tab) {
        guard target != tab else { return }
        history = [tab]
        tab = target
    }

    /// Opens a destination on the screen it belongs to, remembering where we came from.
    public mutating func open(_ destination: Destination) {
        let target: Tab
        switch destination {
        case .profile(let role, let dimension):
            roles.showProfile(role: role, dimension: dimension)
            target = .roles
        case .compare(let ids):
            compare.compare(roles: ids)
            target = .compare
        case .timeline(let role, let kind, let entry):
            timeline.show(role: role, kind: kind, entry: entry)
            target = .timeline
        case .timelinePair(let first, let second):
            timeline.showPair(first, second)
            target = .timeline
        case .questionnaire(let id):
            questionnaire.start(questionnaire: id)
            target = .questionnaire
        case .question(let id, let question):
            questionnaire.show(questionnaire: id, reaching: .question(question))
            target = .questionnaire
        case .outcome(let id, let outcome):
            questionnaire.show(questionnaire: id, reaching: .outcome(outcome))
            target = .questionnaire
        case .overlap(let id):
            guard let overlap = catalog.overlaps.first(where: { $0.id == id }) else { return }
            compare.compare(roles: overlap.roles)
            compare.focus(row: "overlap:\(id)", inFull: true)
            target = .compare
        case .plan(let role, let background):
            guard var screen = PlanScreen(catalog: payHidden ? catalog.hidingPay() : catalog, role: role, background: background) else { return }
            _ = screen.update(.resize(width: contentArea.width, height: contentArea.height))
            plan = (tab, screen)
            return
        }
        if plan?.tab == target { plan = nil }
        if target != tab {
            history.append(tab)
            tab = target
        }
    }

    private mutating func updateMouse(_ mouse: MouseEvent) -> AppEffect {
        if mouse.y == 0, mouse.kind == .press {
            if let index = tabsWidget.tab(atColumn: mouse.x, area: Rect(x: 0, y: 0, width: width, height: 1)),
               let target = Tab(rawValue: index) { switchTo(target) }
            return .none
        }
        let area = contentArea
        guard area.contains(x: mouse.x, y: mouse.y) else { return .none }
        let local = MouseEvent(x: mouse.x - area.x, y: mouse.y - area.y, kind: mouse.kind)
        return run(withFocused { $0.update(.mouse(local)) }.effects, from: .screen)
    }

    // MARK: Effects

    enum Origin { case screen, overlay }

    /// Carries out what a screen or an overlay asked for.
    mutating func run(_ effects: [Effect], from origin: Origin) -> AppEffect {
        var outcome = AppEffect.none
        for effect in effects {
            switch effect {
            case .navigate(let destination): open(destination)
            case .record(let record): write(record)
            case .message(let text): message = text
            case .close:
                if origin == .overlay { overlay = (overlay as? HelpOverlay)?.under } else if plan?.tab == tab { plan = nil }
            case .resume(let offer, let readOnly): resume(offer, readOnly: readOnly)
            case .reopen(let id, let readOnly):
                guard let recorder else { break }
                do {
                    let offer = try recorder.reopen(id)
                    if !readOnly, offer.heldBy != nil, offer.id != sessionID {
                        overlay = YesNoPrompt(purpose: .resumeHeld(offer), keymap: keymap)
                    } else {
                        resume(offer, readOnly: readOnly)
                    }
                } catch { warning = "session #\(id) cannot be reopened: \(error)" }
            case .export(let request, let path, let overwrite, let format): export(request, to: path, overwrite: overwrite, format: format)
            case .askExport(let request, let path, let format): overlay = ExportOverlay(request: request, path: path, format: format)
            case .searched(let hits, let selected):
                searchTrail = SearchTrail(hits: hits, index: selected)
                land(on: hits, at: selected)
            case .quit: outcome = .quit
            case .offerNewSession(let label):
                guard recorder != nil, questionnaire.sessionsAvailable else { message = "Nothing changed: the session is read-only"; break }
                overlay = YesNoPrompt(purpose: .newSession(label: label), keymap: keymap)
            case .renameSession(let id, let label):
                guard let recorder else { break }
                do {
                    try recorder.rename(id, to: label.isEmpty ? nil : label)
                    questionnaire.renamed(id, to: label)
                    let filter = (overlay as? PastSessionsOverlay)?.filter ?? ""
                    overlay = PastSessionsOverlay(sessions: try recorder.past(), filter: filter, selecting: id)
                    message = label.isEmpty ? "Session #\(id) has no candidate label now" : "Session #\(id) is now \"\(label)\""
                } catch { warning = "session #\(id) not renamed: \(error)" }
            case .askDelete(let session):
                let filter = (overlay as? PastSessionsOverlay)?.filter ?? ""
                overlay = YesNoPrompt(purpose: .delete(session, filter: filter), keymap: keymap)
            case .deleteSession(let id, let filter):
                guard let recorder else { break }
                do {
                    try recorder.delete(id)
                    if sessionID == id { sessionID = nil }
                    questionnaire.deleted(id)
                    overlay = PastSessionsOverlay(sessions: try recorder.past(), filter: filter)
                    message = "Session #\(id) deleted"
                } catch { warning = "session #\(id) not deleted: \(error)" }
            case .help:
                if origin == .overlay, let under = overlay { openHelp(over: under) }
            case .pastSessions(let filter, let id):
                guard let recorder else { break }
                do { overlay = PastSessionsOverlay(sessions: try recorder.past(), filter: filter, selecting: id) } catch { warning = "sessions: \(error)" }
            case .newSessionFromShown:
                sessionID = nil
                questionnaire.continueAsNewSession()
                if tab != .questionnaire { switchTo(.questionnaire) }
                outcome = run(questionnaire.takeEffects(), from: .screen)
            }
        }
        return outcome
    }

    private mutating func resume(_ offer: SessionOffer, readOnly requested: Bool) {
        // Pay hidden in the session is hidden again; pay hidden now is never shown by resuming.
        if offer.payHidden { setPayHidden(true) }
        // A store that can only be read (sessions unavailable for recording) opens every
        // session read-only, without trying to hold it.
        var readOnly = requested || !questionnaire.sessionsAvailable
        if !readOnly, offer.id != sessionID, let recorder {
            // One writer per session: take it (over, when the user said so) or read it.
            do {
                try recorder.hold(offer.id, takingOver: offer.heldBy != nil)
                if let previous = sessionID { recorder.release(previous) }
            } catch {
                readOnly = true
                warning = "session #\(offer.id) opened read-only: \(error)"
            }
        }
        questionnaire.resume(offer, readOnly: readOnly)
        sessionID = readOnly ? nil : offer.id
        if let assessment = offer.assessment {
            skills.restore(assessment)
            storedAssessment = (offer.id, assessment)
        }
        message = readOnly ? "read-only" : "resumed"
        if tab != .questionnaire { switchTo(.questionnaire) }
    }

    /// Writes a record to the session. An answer, change or note the store cannot take
    /// waits in memory behind any earlier one (never skipped, so the stored path stays
    /// one the questionnaire allows), with a banner saying how many wait; each later
    /// record, and quitting, tries the queue again, and the banner goes once it is empty.
    private mutating func write(_ record: SessionRecord) {
        switch record {
        case .start(let questionnaireToRecord, let candidate):
            guard let recorder else {
                warning = warning ?? "sessions unavailable: the session store could not be opened"
                questionnaire.sessionCreated(nil)
                return
            }
            do {
                let id = try recorder.start(questionnaire: questionnaireToRecord, candidate: candidate, payHidden: payHidden)
                if let previous = sessionID { recorder.release(previous) }
                sessionID = id
                questionnaire.sessionCreated(id)
            } catch {
                warning = "session not started: \(error)"
                questionnaire.sessionCreated(nil)
            }
        case .assessment(let assessment):
            guard let id = sessionID, let recorder else { return }
            if let stored = storedAssessment, stored.session == id, stored.ratings == assessment { return }
            storedAssessment = (id, assessment)
            let error = pending.write(record, in: id, to: recorder)
            if error == nil { message = "stored with session #\(id)" }
            showPending()
            if let lost = error as? SessionLost { stopRecording(lost) }
        default:
            guard let id = sessionID, let recorder else { return }
            let error = pending.write(record, in: id, to: recorder)
            showPending()
            if let lost = error as? SessionLost { stopRecording(lost) }
        }
    }

    private mutating func export(_ request: ExportRequest, to path: String, overwrite: Bool, format: OutputFormat) {
        switch exporter?.export(request, catalog: payHidden ? catalog.hidingPay() : catalog, to: path, overwrite: overwrite, format: format) {
        case .saved(let saved)?: message = "Saved to \(saved)"
        case .exists(let existing)?: overlay = YesNoPrompt(purpose: .overwrite(request, path: existing, format: format), keymap: keymap)
        case .failed(let reason)?: message = "Not saved: \(reason)"
        case nil: message = "Export is not available here"
        }
    }

    // MARK: Overlays

    /// The keys of an overlay (the past sessions list), in a help box over it; closing the
    /// help brings the overlay back as it was.
    mutating func openHelp(over under: any Overlay) {
        let rows = KeyHelp(under.keyMap(keymap)).rows + [KeyHelp.Row(section: "Everywhere", label: "Ctrl-C", description: "quit at once")]
        let lines = [StyledLine(spans: [Span("Keys for \(under.section)", style: .heading)]), StyledLine(spans: [])]
            + KeyHelp(rows: rows).lines(width: HelpOverlay.textWidth(frameWidth: width))
            + [StyledLine(spans: []), StyledLine(spans: [Span("Any other key closes this help.", style: .hint)])]
        var help = HelpOverlay(lines: lines, keymap: keymap)
        help.under = under
        help.visibleRows = max(1, HelpOverlay.area(frame, lineCount: help.lines.count).height - 2)
        overlay = help
    }

    mutating func openHelp() {
        var help = HelpOverlay(lines: helpLines(under: focused, width: HelpOverlay.textWidth(frameWidth: width)), keymap: keymap)
        help.visibleRows = max(1, HelpOverlay.area(frame, lineCount: help.lines.count).height - 2)
        overlay = help
    }

    /// Opens the list of past sessions (the `L` key).
    mutating func openPastSessions() {
        guard let recorder else {
            warning = warning ?? "sessions unavailable: the session store could not be opened"
            return
        }
        do { overlay = PastSessionsOverlay(sessions: try recorder.past()) } catch { warning = "sessions: \(error)" }
    }

    /// Offers to resume an unfinished session (y or Enter resumes, n or Esc starts fresh).
    /// When the session had pay hidden, pay is hidden from this frame on: the prompt is
    /// drawn over a screen with no figure on it, whatever the answer.
    public mutating func offerResume(_ offer: SessionOffer) {
        if offer.payHidden { setPayHidden(true) }
        overlay = YesNoPrompt(purpose: offer.heldBy == nil ? .resume(offer) : .resumeHeld(offer), keymap: keymap)
    }

    mutating func stepHit(by delta: Int) {
        guard var trail = searchTrail, !trail.hits.isEmpty else {
            message = "No search yet: / searches"
            return
        }
        trail.index = (trail.index + delta + trail.hits.count) % trail.hits.count
        searchTrail = trail
        land(on: trail.hits, at: trail.index)
    }

    /// Opens the place of hit `index`, scrolled so its words are in view and marked there,
    /// and says which hit of how many it is.
    mutating func land(on hits: [SearchHit], at index: Int) {
        let hit = hits[index]
        guard let destination = catalog.destination(for: hit.target) else { return }
        open(destination)
        let words = hit.matchedWords
        _ = withFocused { screen in
            screen.reveal(words: words)
            return .handled
        }
        highlight = words
        message = "hit \(index + 1) of \(hits.count)"
    }
}

extension Event {
    /// +1 for a wheel turn down, -1 up, nil for anything else.
    public var wheel: Int? {
        guard case .mouse(let mouse) = self else { return nil }
        switch mouse.kind {
        case .wheelDown: return 1
        case .wheelUp: return -1
        case .press: return nil
        }
    }
}
