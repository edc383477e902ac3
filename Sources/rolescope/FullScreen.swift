import CursesTerminal
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import RolescopeUI
import SessionStore
import TerminalKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the full-screen app: keys become events, the model updates, the whole screen is
/// rendered into a Buffer, and the terminal writes only the cells that changed.
enum FullScreen {
    struct Settings {
        var mouse = true
        var noColor = false
        var hidePay = false
        var fresh = false
        var config = AppConfig()
    }

    /// Whether to try the full-screen app: both ends are terminals and TERM names a type.
    /// Whether curses knows the type and it can move the cursor, `CursesTerminal.start`
    /// finds out from terminfo (so TERM=dumb, and any other such type, is refused there).
    static var isPossible: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !term.isEmpty
    }

    static func run(catalog: Catalog, settings: Settings) throws {
        let terminal = CursesTerminal()
        // Changes to a session that could not be written even at the very end (the app
        // asked first, unless it was Ctrl-C): said on the terminal once it is given back.
        var unsaved: String?
        defer { if let unsaved { Console.error("rolescope: \(unsaved)") } }
        var options = CursesTerminal.Options(noColor: settings.noColor, mouse: settings.mouse)
        options.cursorVisible = settings.config.cursorVisible
        try terminal.start(options)
        defer { terminal.stop() }
        var model = AppModel(catalog: catalog, width: terminal.size.width, height: terminal.size.height,
                             keymap: settings.config.keymap)
        model.canCopy = terminal.canCopyToClipboard
        // The view the last run quit on (unless --fresh), pay hidden before the first frame
        // when it was hidden then or is asked for now.
        let remembered = settings.fresh ? (state: nil, notice: nil) : AppFiles.loadState()
        if let state = remembered.state { model.restore(state) }
        if settings.hidePay { model.setPayHidden(true) }
        // A session left unfinished with pay hidden (the app killed mid-interview) hides pay
        // from the first frame on: its resume prompt comes a frame later, and pay must not
        // flash in between. A quick read-only look; the store itself opens after the frame.
        if !model.payHidden,
           SessionStore.resumableSessionHidesPay(at: SessionStore.defaultDirectory().appendingPathComponent(SessionStore.fileName)) {
            model.setPayHidden(true)
        }
        if let notice = remembered.notice { model.warning = notice }
        // SIGTERM and SIGHUP end the loop below (which saves the view) instead of the
        // program at once.
        terminal.holdExitSignals(true)
        defer {
            AppFiles.saveState(model.viewState)
            terminal.holdExitSignals(false)
        }
        // The first frame goes out before anything else: opening the session store (and
        // creating it on a first run, with its migrations and fsyncs) took longer than
        // everything else start-up does. A session left unfinished (the app killed
        // mid-walk) is then offered for resuming on the next frame, a few milliseconds on.
        var buffer = terminal.makeBuffer()
        model.render(into: &buffer)
        terminal.present(buffer, cursor: (model.cursor.x, model.cursor.y))
        // If the store cannot be opened the app still runs, without sessions, and says so
        // in the header.
        do {
            let recorder = StoreRecorder(store: try SessionStore.openDefault(), catalog: catalog)
            model.recorder = recorder
            model.exporter = FileExporter(store: recorder.store)
            if let offer = try recorder.resumeOffer() { model.offerResume(offer) }
        } catch {
            // A store that cannot be written (a copy of an archive, a read-only folder) can
            // still be read: L lists its sessions and opens them read-only.
            let location = SessionStore.defaultDirectory().appendingPathComponent(SessionStore.fileName)
            if FileManager.default.fileExists(atPath: location.path), let store = try? SessionStore(readingOnly: location) {
                model.recorder = StoreRecorder(store: store, catalog: catalog)
                model.exporter = FileExporter(store: store)
                model.warning = "sessions read-only: \(location.path) cannot be written; L reads them, nothing new is recorded"
            } else {
                model.warning = "sessions unavailable: \(error)"
            }
            model.questionnaire.sessionsAvailable = false
            if model.exporter == nil { model.exporter = FileExporter(store: nil) }
        }
        model.render(into: &buffer)
        terminal.present(buffer, cursor: (model.cursor.x, model.cursor.y))
        // A test hook, used only by Tests/e2e/terminal.sh: ROLESCOPE_TEST_CRASH=1 traps
        // (as any Swift runtime error does) with the first frame on screen, to prove that
        // a crash gives the terminal back and its message reaches the user afterwards.
        if ProcessInfo.processInfo.environment["ROLESCOPE_TEST_CRASH"] == "1" {
            fatalError("deliberate crash after the first frame (ROLESCOPE_TEST_CRASH=1)")
        }
        while true {
            let event: Event?
            do { event = try terminal.nextEvent() } catch { return }
            if let signal = terminal.exitRequest {
                AppFiles.saveState(model.viewState)
                let lost = model.retryPending()
                model.releaseSession()
                terminal.stop()
                if let lost { Console.error("rolescope: \(lost)") }
                CursesTerminal.die(of: signal)
            }
            guard var event else { continue }
            // Apply every event already waiting before drawing, so a burst of keys (a held
            // key, a paste) costs one frame, not one per key.
            while true {
                if case .resize = event { buffer = terminal.makeBuffer() }
                switch model.update(event) {
                case .quit:
                    unsaved = model.retryPending()
                    model.releaseSession()
                    return
                case .redrawAll: terminal.requestFullRepaint()
                case .copy(let text): terminal.copyToClipboard(text)
                case .none: break
                }
                guard let next = try? terminal.nextEvent(timeoutMilliseconds: 0) else { break }
                event = next
            }
            model.render(into: &buffer)
            terminal.present(buffer, cursor: (model.cursor.x, model.cursor.y))
        }
    }
}
