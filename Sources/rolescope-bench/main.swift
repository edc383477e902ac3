import BuiltinCatalog
import Foundation
import RoleModel

// Benchmarks for Rolescope. Timings are reported, never asserted: a slow machine must
// not fail anything. See BENCHMARKS.md for the results and how to read them.

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Runs `body` `count` times and returns the sorted durations in milliseconds.
func measure(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var samples: [Double] = []
    for _ in 0..<count {
        let start = now()
        try body()
        samples.append(Double(now() - start) / 1_000_000)
    }
    return samples.sorted()
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func row(_ name: String, _ samples: [Double]) {
    print(String(format: "| %@ | %.3f | %.3f | %.3f | %d |", name, percentile(samples, 0.5), samples.first ?? 0, samples.last ?? 0, samples.count))
}

let arguments = Set(CommandLine.arguments.dropFirst())
let all = arguments.isEmpty

if all || arguments.contains("load") {
    print("## Built-in catalog load (in process)\n")
    print("| what | median ms | min ms | max ms | runs |")
    print("|---|---|---|---|---|")
    row("load the built-in catalog (base64 + archive)", try measure(200) { _ = try BuiltinCatalog.load() })
    let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("assets")
    if FileManager.default.fileExists(atPath: assets.path) {
        row("parse and validate assets/ (YAML), for comparison", try measure(20) { _ = try CatalogLoader.load(directory: assets) })
    }
    print("")
}

if arguments.contains("probe") {
    // The alternatives the archive was chosen over, on the same catalog.
    let catalog = try BuiltinCatalog.load()
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = try encoder.encode(catalog)
    let archive = CatalogArchive.encode(catalog)
    print("catalog as JSON: \(json.count) bytes; as archive: \(archive.count) bytes\n")
    print("| what | median ms | min ms | max ms | runs |")
    print("|---|---|---|---|---|")
    row("base64 decode of the payload", measure(200) { _ = BuiltinCatalog.archiveBytes })
    row("archive decode", try measure(200) { _ = try CatalogArchive.decode(archive) })
    row("JSONSerialization parse only", try measure(100) { _ = try JSONSerialization.jsonObject(with: json) })
    row("JSONDecoder to Catalog", try measure(100) { _ = try JSONDecoder().decode(Catalog.self, from: json) })
    print("")
}
