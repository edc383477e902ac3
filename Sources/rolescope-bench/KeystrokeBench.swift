import Foundation
import BuiltinCatalog
import RolescopeUI
import TerminalKit

/// Part 2: what a key costs in the running app, seen from the terminal: the time from
/// writing the key to the last byte of the frame it causes, and the frame's bytes.
enum KeystrokeBench {
    /// One screen's keys: how to get there, the keys typed one at a time, and the same
    /// number typed at once (chosen so that they leave the screen changed, so there is a
    /// final frame to time), and how to get back to a known state afterwards.
    struct Scenario {
        var name: String
        var setup: String
        var keys: [String]
        var burst: String
        var reset: String
    }

    static func repeating(_ pattern: [String], count: Int) -> [String] {
        (0..<count).map { pattern[$0 % pattern.count] }
    }

    static func scenarios(count: Int) -> [Scenario] {
        let j = "j", k = "k"
        return [
            Scenario(name: "Roles: move the selection one row (j/k); the preview follows",
                     setup: "", keys: repeating([j, j, j, k, k, k], count: count),
                     burst: String(repeating: j, count: count), reset: "g"),
            Scenario(name: "Compare: next/previous row (j/k), scrolling the table",
                     setup: "2", keys: repeating(Array(repeating: j, count: 25) + Array(repeating: k, count: 25), count: count),
                     burst: String(repeating: j, count: count), reset: "g"),
            Scenario(name: "Questionnaire chooser: move the selection one row (j/k)",
                     setup: "3", keys: repeating([j, k], count: count),
                     burst: String(repeating: j, count: count), reset: "g"),
            Scenario(name: "Questionnaire question: move the highlighted answer (j/k)",
                     setup: "\r", keys: repeating([j, j, k, k], count: count),
                     burst: String(repeating: j, count: count), reset: "q"),
            Scenario(name: "Timeline: step to the next/previous entry (j/k)",
                     setup: "4", keys: repeating(Array(repeating: j, count: 6) + Array(repeating: k, count: 6), count: count),
                     burst: String(repeating: j, count: count), reset: "g"),
            Scenario(name: "Timeline: next/previous role's day (] [)",
                     setup: "", keys: repeating(["]", "]", "]", "[", "[", "["], count: count),
                     burst: String(repeating: "]", count: count - 1) + "[", reset: ""),
            Scenario(name: "Switch tab (Tab): a new screen each key",
                     setup: "", keys: repeating(["\t"], count: count),
                     burst: String(repeating: "\t", count: count - 1) + "1", reset: ""),
        ]
    }

    struct Result {
        var name: String
        var latencies: [Double] = []
        var bytes: [Double] = []
        var silent = 0
        var split = 0
        var burst: PTYSession.Burst?
        var burstMs = Double.nan
        var burstFirstMs = Double.nan
    }

    /// Types each key, then reads until output has been quiet for `quiet` (waiting up to
    /// half a second for the first byte: a key that draws nothing counts as silent).
    static func measure(_ session: PTYSession, name: String, keys: [String], burst: String?, quiet: UInt64) -> Result {
        var result = Result(name: name)
        for key in keys {
            let start = now()
            session.type(Array(key.utf8))
            let frame = session.readUntilQuiet(quiet: quiet, since: start, limit: 500_000_000, waitForFirstByte: true)
            if frame.count == 0 { result.silent += 1; continue }
            if frame.groups > 1 { result.split += 1 }
            result.latencies.append(milliseconds(frame.lastByte - start))
            result.bytes.append(Double(frame.count))
        }
        if let burst {
            settle(session)
            let start = now()
            session.type(Array(burst.utf8))
            let frames = session.readUntilQuiet(quiet: 50_000_000, since: start, limit: 10_000_000_000, waitForFirstByte: true)
            result.burst = frames
            if frames.count > 0 {
                result.burstMs = milliseconds(frames.lastByte - start)
                result.burstFirstMs = milliseconds(frames.firstByte - start)
            }
        }
        return result
    }

    /// Waits until the app has drawn everything pending.
    static func settle(_ session: PTYSession) {
        _ = session.readUntilQuiet(quiet: 100_000_000, since: now(), limit: 5_000_000_000)
    }

    /// `inProcess`: also time this build's own update, render and diff (meaningless for a
    /// `--baseline` binary, whose code is not the one linked into the benchmark).
    static func run(rolescope: Program, peer: Program?, count: Int, quietMs: Double, inProcess: Bool = true) {
        let quiet = UInt64(quietMs * 1_000_000)
        Report.line("## Keystrokes: the running app, key by key, in a pseudo-terminal\n")
        Report.line("""
        `\(rolescope.name)` runs in a \(Terminal.width)x\(Terminal.height) pseudo-terminal as above, with the \
        built-in catalog. On each screen \(count) navigation keys are typed one at a time; after each, the \
        benchmark reads until output has been quiet for \(fmt(quietMs, 0)) ms (a frame normally arrives in one \
        read; a longer quiet window only makes each key slower to measure). Latency is from writing the key \
        to the arrival of the frame's last byte; bytes are everything the frame wrote. "Split" counts frames \
        that arrived in more than one group of reads (gaps of more than 1 ms); "silent" counts keys that drew \
        nothing within 0.5 s. Then the same number of keys is written at once, in one `write`: time to the \
        first and to the last byte (output quiet for 50 ms), the bytes, and how many groups of output \
        (separated by more than 1 ms) they came in. The run loop applies every key already waiting before it \
        draws, so a burst should cost one frame.

        """)
        var results: [Result] = []
        var peak: Int?
        if let session = try? PTYSession(executable: rolescope.path, arguments: rolescope.arguments, environment: Terminal.environment,
                                         width: Terminal.width, height: Terminal.height) {
            _ = session.readUntilQuiet(quiet: 100_000_000, since: session.started, limit: 10_000_000_000, waitForFirstByte: true)
            for scenario in scenarios(count: count) {
                Report.note("keys: \(scenario.name)")
                if !scenario.setup.isEmpty {
                    session.type(Array(scenario.setup.utf8))
                    settle(session)
                }
                results.append(measure(session, name: scenario.name, keys: scenario.keys, burst: scenario.burst, quiet: quiet))
                if !scenario.reset.isEmpty {
                    session.type(Array(scenario.reset.utf8))
                    settle(session)
                }
            }
            peak = session.status("VmHWM")
            session.quit([3])
        }
        if let peer, let session = try? PTYSession(executable: peer.path, arguments: peer.arguments, environment: Terminal.environment,
                                                    width: Terminal.width, height: Terminal.height) {
            _ = session.readUntilQuiet(quiet: 100_000_000, since: session.started, limit: 10_000_000_000, waitForFirstByte: true)
            var result = measure(session, name: "", keys: repeating(["j", "j", "j", "k", "k", "k"], count: count),
                                 burst: String(repeating: "j", count: count), quiet: quiet)
            result.name = "Peer `\(peer.name)` (C ncurses): move the highlight one row (j/k), the preview follows"
            results.append(result)
            session.quit(peer.quitKeys)
        }

        var table = Table("screen and keys", "p50 ms", "p90 ms", "max ms", "bytes per key, median (min–max)", "split", "silent")
        for result in results {
            let latency = Summary(result.latencies), bytes = Summary(result.bytes)
            table.add(result.name, fmt(latency.median, 3), fmt(latency.percentile(0.9), 3), fmt(latency.max, 3),
                      "\(fmt(bytes.median, 0)) (\(fmt(bytes.min, 0))–\(fmt(bytes.max, 0)))", "\(result.split)", "\(result.silent)")
        }
        Report.table(table)
        var bursts = Table("\(count) keys in one write", "first byte ms", "last byte ms", "bytes", "output groups",
                           "one at a time: bytes in total", "coalesced?")
        for result in results {
            guard let burst = result.burst else { continue }
            let oneByOne = result.bytes.reduce(0, +)
            let coalesced = burst.count == 0 ? "nothing drawn" : burst.groups <= 2 ? "yes (\(burst.groups == 1 ? "one frame" : "two frames at most"))" : "no (\(burst.groups) groups)"
            bursts.add(result.name, fmt(result.burstFirstMs, 2), fmt(result.burstMs, 2), "\(burst.count)", "\(burst.groups)",
                       fmt(oneByOne, 0), coalesced)
        }
        Report.table(bursts)
        if inProcess {
            Report.line("For comparison, the same keys in process: the app's own work per key, without curses or a terminal.\n")
            try? FrameCostBench.run(count: count)
        }
        if let peak { Report.line("Peak RSS of `\(rolescope.name)` after all of the above (VmHWM): \(fmt(Double(peak) / 1024, 1)) MiB.\n") }
    }
}

/// The run loop's own work for the same keys, in process and without a terminal:
/// `AppModel.update`, `AppModel.render` into a 100x30 `Buffer`, and the diff against the
/// previous frame that `CursesTerminal.present` starts from. What the terminal
/// measurement adds on top is curses, the pseudo-terminal and scheduling.
enum FrameCostBench {
    static func run(count: Int) throws {
        let catalog = try BuiltinCatalog.load()
        var model = AppModel(catalog: catalog, width: Terminal.width, height: Terminal.height)
        var buffer = Buffer(width: Terminal.width, height: Terminal.height)
        var previous = buffer
        model.render(into: &buffer)
        var table = Table("screen and keys (in process)", "update p50 ms", "render p50 ms", "diff p50 ms", "total p50 ms", "total p90 ms", "cells changed, median")
        for scenario in KeystrokeBench.scenarios(count: count) {
            for key in scenario.setup { _ = model.update(.key(FrameCostBench.key(key))) }
            model.render(into: &buffer)
            var update: [Double] = [], render: [Double] = [], diff: [Double] = [], total: [Double] = [], cells: [Double] = []
            for key in scenario.keys {
                previous = buffer
                let t0 = now()
                for character in key { _ = model.update(.key(FrameCostBench.key(character))) }
                let t1 = now()
                model.render(into: &buffer)
                let t2 = now()
                let changes = buffer.diff(from: previous)
                let t3 = now()
                update.append(milliseconds(t1 - t0))
                render.append(milliseconds(t2 - t1))
                diff.append(milliseconds(t3 - t2))
                total.append(milliseconds(t3 - t0))
                cells.append(Double(changes.count))
            }
            for key in scenario.reset { _ = model.update(.key(FrameCostBench.key(key))) }
            let t = Summary(total)
            table.add(scenario.name, fmt(Summary(update).median, 3), fmt(Summary(render).median, 3), fmt(Summary(diff).median, 3),
                      fmt(t.median, 3), fmt(t.percentile(0.9), 3), fmt(Summary(cells).median, 0))
        }
        Report.table(table)
    }

    static func key(_ character: Character) -> Key {
        switch character {
        case "\r": return .enter
        case "\t": return .tab
        default: return .char(character)
        }
    }
}
