import BuiltinCatalog
import Foundation
import RoleModel

#if canImport(Glibc)
import Glibc
#endif

// Benchmarks for Rolescope: `swift run -c release rolescope-bench` runs everything; name
// parts to run only those (load, startup, keys, scale, probe). Timings are reported,
// never asserted: a slow machine must not fail anything. See BENCHMARKS.md.

let usage = """
usage: rolescope-bench [load] [startup] [keys] [scale] [probe] [options]
       rolescope-bench generate ROLES DIR   (write a generated catalog, to try with --data)
  (no part: load, startup, keys and scale)
  --rounds N        start-up rounds (default 25)
  --keys N          keys per screen (default 300)
  --quiet-ms N      quiet window that ends a key's frame (default 10)
  --sizes A,B,...   generated catalog sizes (default 100,1000,10000)
  --no-static       skip the --static-swift-stdlib build of rolescope
  --baseline PATH   also start and type into this rolescope binary (an earlier build, for
                    before-and-after figures from one run)
  --output FILE     also write the results here (default benchmarks/last-run.md)
"""

var parts: Set<String> = []
var rounds = 25
var keyCount = 300
var quietMs = 10.0
var sizes = [100, 1000, 10000]
var includeStatic = true
var baseline: String?
var output = repositoryRoot.appendingPathComponent("benchmarks/last-run.md").path
var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate" {
    guard arguments.count == 3, let roles = Int(arguments[1]), roles > 0 else {
        FileHandle.standardError.write(Data("\(usage)\n".utf8))
        exit(64)
    }
    var generator = CatalogGenerator(roles: roles)
    let bytes = try generator.write(to: URL(fileURLWithPath: arguments[2]))
    print("wrote \(roles) roles (\(bytes) bytes of YAML) to \(arguments[2])")
    exit(0)
}
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    func value() -> String {
        guard !arguments.isEmpty else { FileHandle.standardError.write(Data("\(argument) needs a value\n\(usage)\n".utf8)); exit(64) }
        return arguments.removeFirst()
    }
    switch argument {
    case "load", "startup", "keys", "scale", "probe": parts.insert(argument)
    case "--rounds": rounds = max(1, Int(value()) ?? rounds)
    case "--keys": keyCount = max(1, Int(value()) ?? keyCount)
    case "--quiet-ms": quietMs = max(0.5, Double(value()) ?? quietMs)
    case "--sizes": sizes = value().split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
    case "--no-static": includeStatic = false
    case "--baseline": baseline = value()
    case "--output": output = value()
    case "-h", "--help": print(usage); exit(0)
    default: FileHandle.standardError.write(Data("unknown argument '\(argument)'\n\(usage)\n".utf8)); exit(64)
    }
}
if parts.isEmpty { parts = ["load", "startup", "keys", "scale"] }

Report.line("# Rolescope benchmark results\n")
Report.line(machineDescription())
Report.line()

if parts.contains("load") {
    Report.line("## Built-in catalog load (in process)\n")
    var table = Table("what", "median ms", "min ms", "max ms", "runs")
    func row(_ name: String, _ samples: [Double]) {
        let summary = Summary(samples)
        table.add(name, fmt(summary.median, 3), fmt(summary.min, 3), fmt(summary.max, 3), "\(summary.count)")
    }
    row("load the built-in catalog (base64 + archive)", try measure(200) { _ = try BuiltinCatalog.load() })
    let assets = repositoryRoot.appendingPathComponent("assets")
    if FileManager.default.fileExists(atPath: assets.path) {
        row("parse and validate assets/ (YAML), for comparison", try measure(20) { _ = try CatalogLoader.load(directory: assets) })
    }
    Report.table(table)
}

if parts.contains("startup") || parts.contains("keys") {
    var notes: [String] = []
    var programs: [Program] = []
    let prepared = Preparation.run(includeStatic: includeStatic, notes: &notes)
    if let release = prepared.release { programs.append(release) }
    if let staticBuild = prepared.staticBuild { programs.append(staticBuild) }
    if let dialog = prepared.dialog { programs.append(dialog) }
    if let peer = prepared.peer { programs.append(peer) }
    programs += prepared.swiftPeers
    var before: Program?
    if let baseline {
        let size = (try? FileManager.default.attributesOfItem(atPath: baseline)[.size] as? Int) ?? 0
        notes.append("`rolescope (before)`: `\(baseline)` (\(fmt(Double(size) / 1_048_576, 1)) MiB), given with --baseline.")
        before = Program(name: "rolescope (before)", path: baseline, quitKeys: Array("q".utf8), marker: "quit")
        programs.append(before!)
    }
    if parts.contains("startup") {
        StartupBench.run(programs: programs, rounds: rounds, notes: notes)
    } else {
        for note in notes { Report.line("- " + note) }
    }
    // Keys are typed into the binary as shipped (.ci/run and the README build it with
    // --static-swift-stdlib), or the plain release build when that one did not build.
    if parts.contains("keys"), let shipped = prepared.staticBuild ?? prepared.release {
        KeystrokeBench.run(rolescope: shipped, peer: prepared.peer, count: keyCount, quietMs: quietMs)
        if let before { KeystrokeBench.run(rolescope: before, peer: nil, count: keyCount, quietMs: quietMs, inProcess: false) }
    }
}

if parts.contains("scale") {
    try ScaleBench.run(sizes: sizes)
}

if parts.contains("probe") {
    // The alternatives the archive was chosen over, on the same catalog.
    let catalog = try BuiltinCatalog.load()
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(catalog)
    let archive = CatalogArchive.encode(catalog)
    Report.line("## Catalog encodings\n")
    Report.line("catalog as JSON: \(json.count) bytes; as archive: \(archive.count) bytes\n")
    var table = Table("what", "median ms", "min ms", "max ms", "runs")
    func row(_ name: String, _ samples: [Double]) {
        let summary = Summary(samples)
        table.add(name, fmt(summary.median, 3), fmt(summary.min, 3), fmt(summary.max, 3), "\(summary.count)")
    }
    row("base64 decode of the payload", measure(200) { _ = BuiltinCatalog.archiveBytes })
    row("archive decode", try measure(200) { _ = try CatalogArchive.decode(archive) })
    row("JSONSerialization parse only", try measure(100) { _ = try JSONSerialization.jsonObject(with: json) })
    row("JSONDecoder to Catalog", try measure(100) { _ = try JSONDecoder().decode(Catalog.self, from: json) })
    Report.table(table)
}

Report.line("Load average at the end (1, 5, 15 min): \(loadAverage())")
do {
    try FileManager.default.createDirectory(at: URL(fileURLWithPath: output).deletingLastPathComponent(), withIntermediateDirectories: true)
    try Report.text.write(toFile: output, atomically: true, encoding: .utf8)
    Report.note("results written to \(output)")
} catch {
    Report.note("could not write \(output): \(error)")
}
