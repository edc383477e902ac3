import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program the terminal benchmarks run: how to start it, how to quit it, and the text
/// it draws last in its first frame.
struct Program {
    var name: String
    var path: String
    var arguments: [String] = []
    var quitKeys: [UInt8]
    /// Text in the last thing the program draws (its key-hint bar, its OK button).
    var marker: String
}

/// The pseudo-terminal every program runs in.
enum Terminal {
    static let width = 100
    static let height = 30
    /// An empty home, so no one's ~/.dialogrc or ~/.terminfo changes what is measured.
    static let home: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-bench-home-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()
    static var environment: [String: String] {
        ["TERM": "xterm-256color", "LANG": "C.UTF-8", "HOME": home,
         "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"]
    }
}

/// Part 1: exec to first complete frame, its bytes and the peak RSS, for Rolescope and its
/// peers, alternating between them.
enum StartupBench {
    struct Sample {
        var frame: Double
        var marker: Double?
        var bytes: Int
        var peakKB: Int?
        /// Resident memory when the frame was complete: private (heap, stacks, written
        /// data) and file-backed (code and read-only data, shared and reclaimable).
        var anonymousKB: Int?
        var fileKB: Int?
        var quitCleanly: Bool
        var complete: Bool
    }

    /// The first frame: everything written from exec until output has been quiet this long.
    static let quiet: UInt64 = 50_000_000

    static func launch(_ program: Program) -> Sample? {
        guard let session = try? PTYSession(executable: program.path, arguments: program.arguments,
                                             environment: Terminal.environment, width: Terminal.width, height: Terminal.height)
        else { return nil }
        let frame = session.readUntilQuiet(quiet: quiet, since: session.started, limit: 10_000_000_000,
                                           marker: Array(program.marker.utf8), waitForFirstByte: true)
        let peak = session.status("VmHWM")
        let anonymous = session.status("RssAnon"), file = session.status("RssFile")
        let clean = session.quit(program.quitKeys)
        guard frame.count > 0 else { return nil }
        return Sample(frame: milliseconds(frame.lastByte - session.started),
                      marker: frame.markerSeen.map { milliseconds($0 - session.started) },
                      bytes: frame.count, peakKB: peak, anonymousKB: anonymous, fileKB: file,
                      quitCleanly: clean, complete: frame.markerSeen != nil)
    }

    static func run(programs: [Program], rounds: Int, notes: [String]) {
        Report.line("## Start-up: exec to first complete frame, in a pseudo-terminal\n")
        Report.line("""
        Each program is started with `forkpty` in a \(Terminal.width)x\(Terminal.height) terminal with \
        `TERM=xterm-256color LANG=C.UTF-8` and an empty `HOME`. The clock starts just before `forkpty` and \
        stops at the arrival of the last byte of the first frame; the frame is over when output has been \
        quiet for \(quiet / 1_000_000) ms (that wait is not counted). As a check that the frame was complete, \
        the text each program draws last (its key-hint bar, dialog's OK button) must be in it; the time that \
        text arrived is shown too. Peak RSS is `VmHWM` from `/proc/PID/status`, read after the frame, just \
        before quitting (with `RssAnon` and `RssFile` from the same read: private memory, and code and \
        read-only data mapped from files, which is shared and reclaimable) (`q`, or Enter for dialog). One untimed warm-up run each, then \(rounds) rounds; each \
        round runs every program once, starting with a different one each round (A B C, B C A, ...).

        """)
        for note in notes { Report.line("- " + note) }
        if !notes.isEmpty { Report.line() }
        for program in programs { _ = launch(program) }
        var samples: [String: [Sample]] = [:]
        var failures: [String: Int] = [:]
        for round in 0..<rounds {
            for step in 0..<programs.count {
                let program = programs[(round + step) % programs.count]
                if let sample = launch(program) { samples[program.name, default: []].append(sample) } else { failures[program.name, default: 0] += 1 }
            }
            Report.note("start-up round \(round + 1)/\(rounds), load \(loadAverage())")
        }
        var table = Table("program", "first frame, median ms", "min–max ms", "last-drawn text seen, median ms",
                          "frame bytes", "peak RSS (VmHWM), median MiB", "min–max MiB", "of it private / file-backed MiB",
                          "runs (complete, quit cleanly)")
        var medians: [String: Double] = [:]
        for program in programs {
            let runs = samples[program.name] ?? []
            let frames = Summary(runs.map(\.frame))
            medians[program.name] = frames.median
            let markers = Summary(runs.compactMap(\.marker))
            let bytes = Summary(runs.map { Double($0.bytes) })
            let rss = Summary(runs.compactMap { $0.peakKB.map { Double($0) / 1024 } })
            let anonymous = Summary(runs.compactMap { $0.anonymousKB.map { Double($0) / 1024 } })
            let file = Summary(runs.compactMap { $0.fileKB.map { Double($0) / 1024 } })
            table.add("`\(program.name)`", fmt(frames.median), "\(fmt(frames.min))–\(fmt(frames.max))", fmt(markers.median),
                      bytes.min == bytes.max ? fmt(bytes.median, 0) : "\(fmt(bytes.median, 0)) (\(fmt(bytes.min, 0))–\(fmt(bytes.max, 0)))",
                      fmt(rss.median, 1), "\(fmt(rss.min, 1))–\(fmt(rss.max, 1))",
                      "\(fmt(anonymous.median, 1)) / \(fmt(file.median, 1))",
                      "\(runs.count) (\(runs.filter(\.complete).count), \(runs.filter(\.quitCleanly).count))"
                        + ((failures[program.name] ?? 0) > 0 ? ", \(failures[program.name]!) failed to start" : ""))
        }
        Report.table(table)
        // Ratios of medians: each Rolescope build against the two peers the issue names.
        let subjects = programs.filter { $0.name.hasPrefix("rolescope") }
        let peers = programs.filter { $0.name == "dialog" || $0.name == "peer" }
        if !peers.isEmpty && !subjects.isEmpty {
            var ratios = Table("first frame, ratio of medians")
            ratios.header += peers.map { "÷ `\($0.name)`" } + ["target ≤ 1.5x dialog"]
            for subject in subjects {
                let toDialog = (medians[subject.name] ?? .nan) / (medians["dialog"] ?? .nan)
                ratios.rows.append(["`\(subject.name)`"] + peers.map { fmt((medians[subject.name] ?? .nan) / (medians[$0.name] ?? .nan)) + "x" }
                                   + [toDialog.isNaN ? "n/a" : toDialog <= 1.5 ? "met" : "MISSED"])
            }
            Report.table(ratios)
        }
        // Where the time goes: the same C drawing code, started from C, from Swift, and from
        // Swift with Foundation; then Rolescope. Each step's difference is what it adds.
        for (suffix, label) in [("", "Swift runtime linked dynamically"), (" (static stdlib)", "Swift runtime linked statically")] {
            let steps = [("C peer", "peer"), ("+ Swift runtime", "swift-peer" + suffix),
                         ("+ Foundation", "swift-peer+Foundation" + suffix), ("+ Rolescope's own work", "rolescope" + suffix)]
            guard steps.allSatisfy({ medians[$0.1] != nil }) else { continue }
            var table = Table("where the first frame's time goes (\(label))", "program", "median ms", "adds ms", "peak RSS MiB")
            var previous: Double?
            for (step, name) in steps {
                let median = medians[name]!
                let rss = Summary((samples[name] ?? []).compactMap { $0.peakKB.map { Double($0) / 1024 } }).median
                table.add(step, "`\(name)`", fmt(median), previous.map { fmt(median - $0) } ?? "", fmt(rss, 1))
                previous = median
            }
            Report.table(table)
        }
    }
}
