import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds or builds what the terminal benchmarks run: the release `rolescope`, its
/// static-stdlib variant, `dialog` (installed with apt-get only when missing) and the C
/// peer (compiled from benchmarks/peer/peer.c). Anything that cannot be had is left out
/// with a note saying why; nothing here fails the run.
enum Preparation {
    struct Programs {
        var release: Program?
        var staticBuild: Program?
        var dialog: Program?
        var peer: Program?
        /// The C peer's screen started from Swift: without and with Foundation, dynamic
        /// and static, to show what the runtime costs before any of Rolescope's work.
        var swiftPeers: [Program] = []
    }

    static func run(includeStatic: Bool, notes: inout [String]) -> Programs {
        var programs = Programs()
        programs.release = rolescope(flags: [], name: "rolescope", notes: &notes)
        if includeStatic {
            programs.staticBuild = rolescope(flags: ["--static-swift-stdlib", "--scratch-path", ".build/static-stdlib"],
                                             name: "rolescope (static stdlib)", notes: &notes)
        }
        programs.dialog = dialog(notes: &notes)
        programs.peer = peer(notes: &notes)
        if includeStatic { programs.swiftPeers = swiftPeers(notes: &notes) }
        return programs
    }

    /// Builds the release binary (a no-op when it is up to date) and finds it.
    static func rolescope(flags: [String], name: String, notes: inout [String]) -> Program? {
        let base = ["build", "-c", "release"] + flags
        Report.note("building \(name)")
        let build = shell("swift", base + ["--product", "rolescope"], directory: repositoryRoot, echo: true)
        guard build.status == 0 else {
            notes.append("`\(name)` is left out: `swift \((base + ["--product", "rolescope"]).joined(separator: " "))` failed (exit \(build.status)).")
            return nil
        }
        let binPath = shell("swift", base + ["--show-bin-path"], directory: repositoryRoot).output
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last.map(String.init) ?? ""
        let path = binPath + "/rolescope"
        guard access(path, X_OK) == 0 else {
            notes.append("`\(name)` is left out: no executable at \(path).")
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let linkage = shell("ldd", [path]).output.contains("libswiftCore") ? "Swift runtime linked dynamically" : "Swift runtime linked statically"
        notes.append("`\(name)`: `\(path)` (\(fmt(Double(size) / 1_048_576, 1)) MiB, \(linkage)), built with `swift \((base).joined(separator: " "))`.")
        return Program(name: name, path: path, quitKeys: Array("q".utf8), marker: "quit")
    }

    /// `dialog --msgbox`, installing dialog with apt-get when it is missing.
    static func dialog(notes: inout [String]) -> Program? {
        var path = findInPath("dialog")
        if path == nil {
            if findInPath("apt-get") != nil {
                Report.note("dialog is missing: installing it with apt-get")
                shell("apt-get", ["update", "-qq"], echo: true)
                let install = shell("/usr/bin/env", ["DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "dialog"], echo: true)
                path = findInPath("dialog")
                notes.append(path != nil ? "dialog was missing and was installed with `apt-get install -y dialog`."
                                         : "dialog is missing and `apt-get install -y dialog` failed (exit \(install.status)); it is left out.")
            } else {
                notes.append("dialog is missing and there is no apt-get to install it with; it is left out.")
            }
        }
        guard let path else { return nil }
        let version = shell(path, ["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        notes.append("`dialog`: `\(path) --msgbox 'A message box from the Rolescope benchmark.' 10 50` (\(version)).")
        return Program(name: "dialog", path: path, arguments: ["--msgbox", "A message box from the Rolescope benchmark.", "10", "50"],
                       quitKeys: Array("\r".utf8), marker: "benchmark.")
    }

    static let peerDirectory: URL = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-bench-peer-\(getpid())")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }()

    /// Compiles benchmarks/peer/peer.c into a temporary directory.
    static func peer(notes: inout [String]) -> Program? {
        let source = repositoryRoot.appendingPathComponent("benchmarks/peer/peer.c").path
        let directory = peerDirectory
        let binary = directory.appendingPathComponent("peer").path
        let compiler = findInPath("cc") ?? findInPath("gcc") ?? findInPath("clang") ?? "cc"
        let arguments = ["-O2", "-o", binary, source, "-lncursesw"]
        let compile = shell(compiler, arguments, echo: true)
        guard compile.status == 0 else {
            notes.append("the C peer is left out: `\(compiler) \(arguments.joined(separator: " "))` failed: \(compile.output.prefix(300))")
            return nil
        }
        notes.append("`peer`: benchmarks/peer/peer.c, compiled with `\(URL(fileURLWithPath: compiler).lastPathComponent) -O2 -o peer peer.c -lncursesw`.")
        return Program(name: "peer", path: binary, quitKeys: Array("q".utf8), marker: "q quit")
    }

    /// Compiles benchmarks/peer/swift-peer.swift four ways around peer.c's drawing code.
    static func swiftPeers(notes: inout [String]) -> [Program] {
        let peerSource = repositoryRoot.appendingPathComponent("benchmarks/peer/peer.c").path
        let swiftSource = repositoryRoot.appendingPathComponent("benchmarks/peer/swift-peer.swift").path
        let object = peerDirectory.appendingPathComponent("peer-library.o").path
        let compiler = findInPath("cc") ?? findInPath("gcc") ?? findInPath("clang") ?? "cc"
        guard shell(compiler, ["-O2", "-DPEER_LIBRARY", "-c", peerSource, "-o", object], echo: true).status == 0 else {
            notes.append("the Swift peers are left out: peer.c did not compile with -DPEER_LIBRARY.")
            return []
        }
        var programs: [Program] = []
        for (name, flags) in [("swift-peer", [String]()), ("swift-peer+Foundation", ["-D", "FOUNDATION"]),
                              ("swift-peer (static stdlib)", ["-static-stdlib"]),
                              ("swift-peer+Foundation (static stdlib)", ["-D", "FOUNDATION", "-static-stdlib"])] {
            let binary = peerDirectory.appendingPathComponent(name.filter { $0.isLetter || $0 == "-" || $0 == "+" }).path
            let arguments = ["-O"] + flags + [swiftSource, object, "-lncursesw", "-o", binary]
            let build = shell("swiftc", arguments, echo: true)
            guard build.status == 0 else {
                notes.append("`\(name)` is left out: `swiftc \(arguments.joined(separator: " "))` failed.")
                continue
            }
            programs.append(Program(name: name, path: binary, quitKeys: Array("q".utf8), marker: "q quit"))
        }
        if !programs.isEmpty {
            notes.append("Swift peers: benchmarks/peer/swift-peer.swift calling peer.c's drawing code (`cc -O2 -DPEER_LIBRARY -c`), "
                         + "built with `swiftc -O` plus `-D FOUNDATION` and/or `-static-stdlib`.")
        }
        return programs
    }
}
