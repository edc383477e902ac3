import Foundation
@_spi(Benchmarks) import RoleModel
import RolescopeUI
import TerminalKit

/// Part 3: how loading, search and rendering grow with the catalog, in process (no
/// terminal), on generated catalogs of 100, 1,000 and 10,000 roles.
enum ScaleBench {
    static let queries: [(label: String, text: String)] = [
        ("common word", "pipeline"),
        ("two words", "data quality"),
        ("one role's title", "Engineer 77"),
        ("accents folded (cafe)", "cafe"),
        ("no match", "zebra crossing"),
    ]

    struct Row {
        var what: String
        var unit = "ms"
        var values: [Int: Double] = [:]
        /// True when the row is held to a target ("≤ 150 ms at 1,000 roles").
        var target: Double?
    }

    static func run(sizes: [Int]) throws {
        Report.line("## Scale: generated catalogs, in process\n")
        Report.line("""
        Each catalog is written as YAML to a temporary directory by `CatalogGenerator`: every role has a value \
        for each of 30 dimensions (12 prose, a third of them with a second source that disagrees; 6 lists; 6 \
        levels; 3 pay, each a salary range and a median; 3 career ladders) and an 8-entry day timeline; one \
        questionnaire of 500 nodes (250 questions, 250 outcomes that between them recommend every role); \
        overlaps and transitions for one role in ten. Times are medians of repeated runs (min–max in the \
        detail table). Screens render into a 200x60 `Buffer` as the app draws them (`AppModel.render`: header, \
        screen, key hints).

        """)
        var rows: [String: Row] = [:]
        var order: [String] = []
        var details = Table("roles", "what", "median ms", "min ms", "max ms", "runs")
        func record(_ what: String, _ size: Int, _ samples: [Double], target: Double? = nil, inSummary: Bool = true) {
            let summary = Summary(samples)
            if rows[what] == nil && inSummary { order.append(what); rows[what] = Row(what: what, target: target) }
            rows[what]?.values[size] = summary.median
            details.add("\(size)", what, fmt(summary.median, 3), fmt(summary.min, 3), fmt(summary.max, 3), "\(summary.count)")
        }
        var facts = Table("roles", "YAML files", "YAML MiB", "dimension values", "search index entries", "hits per query")
        var hitCounts: [Int: [Int]] = [:]
        for size in sizes {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-bench-\(size)-\(getpid())")
            try? FileManager.default.removeItem(at: directory)
            defer { try? FileManager.default.removeItem(at: directory) }
            Report.note("scale: writing \(size) roles to \(directory.path)")
            var generator = CatalogGenerator(roles: size)
            let bytes = try generator.write(to: directory)

            Report.note("scale: loading \(size) roles")
            var catalog: Catalog?
            record("load and validate (read, parse, check)", size, try measure(atLeast: 3, budget: 2000, limit: 30) {
                catalog = try CatalogLoader.load(directory: directory)
            }, target: 150)
            guard let catalog else { continue }
            // How much of that is YAML: every file read into the loader's tree on one thread
            // (nothing checked; the loader does this on every core), and libyaml alone in
            // C, the floor under any libyaml loader.
            let texts = try yamlFiles(in: directory).map { try String(contentsOf: $0, encoding: .utf8) }
            record("of which YAML into the loader's tree, every file on one thread (no checks)", size, try measure(atLeast: 3, budget: 1500, limit: 30) {
                for text in texts { _ = try CatalogLoader.composeTree(text) }
            })
            if let floor = yamlFloor(directory) { record("of which libyaml's parser alone, in C (the floor)", size, [floor]) }
            // The alternative to parsing YAML at start-up: the binary archive that
            // rolescope-pack makes of the built-in catalog, decoded (already validated).
            let archive = CatalogArchive.encode(catalog)
            record("for comparison: decode the same catalog from a CatalogArchive", size, try measure(atLeast: 3, budget: 1000, limit: 50) {
                _ = try CatalogArchive.decode(archive)
            })
            let values = catalog.roles.reduce(0) { $0 + $1.values.values.reduce(0) { $0 + $1.count } }

            var index: SearchIndex?
            record("build the search index (once per app start)", size, measure(atLeast: 3, budget: 1000, limit: 50) {
                index = SearchIndex(catalog)
            })
            // As the app searches (the first 500 hits, as you type) and as `rolescope search`
            // does (every hit).
            var appQuery: [Double] = [], everyHit: [Double] = []
            for query in queries {
                var hits = 0
                let first = measure(atLeast: 5, budget: 300, limit: 200) { _ = index!.search(query.text, limit: 500, prefixLast: true) }
                let all = measure(atLeast: 5, budget: 300, limit: 200) { hits = index!.search(query.text).count }
                record("search: \(query.label), \"\(query.text)\", first 500 hits", size, first, inSummary: false)
                record("search: \(query.label), \"\(query.text)\", every hit", size, all, inSummary: false)
                hitCounts[size, default: []].append(hits)
                appQuery.append(Summary(first).median)
                everyHit.append(Summary(all).median)
            }
            record("search as the app runs it (first 500 hits), slowest of 5 queries", size, [appQuery.max() ?? .nan], target: 5)
            record("search for every hit (`rolescope search`), slowest of 5 queries", size, [everyHit.max() ?? .nan])

            facts.add("\(size)", "\(2 * size + 6)", fmt(Double(bytes) / 1_048_576, 1), "\(values)", "\(index!.count)",
                      hitCounts[size, default: []].map(String.init).joined(separator: ", "))
            var model: AppModel?
            Report.note("scale: screens at \(size) roles")
            record("app model set-up (the four screens)", size, measure(atLeast: 3, budget: 1000, limit: 50) {
                model = AppModel(catalog: catalog, width: 200, height: 60)
            })
            var buffer = Buffer(width: 200, height: 60)
            let content = Rect(x: 0, y: 2, width: 200, height: 57)

            // Compare: a new screen's first frame lays out the table; later frames reuse it.
            record("Compare: open (new screen, lay out, first render)", size, measure(atLeast: 5, budget: 500, limit: 100) {
                var screen = CompareScreen(catalog: catalog)
                _ = screen.update(.resize(width: content.width, height: content.height))
                screen.render(into: &buffer, area: content)
            })
            var app = model!
            _ = app.update(.key(.char("2")))
            app.render(into: &buffer)
            record("Compare: frame (AppModel.render)", size, measure(atLeast: 20, budget: 500, limit: 500) {
                app.render(into: &buffer)
            }, target: 2)
            var step = 0
            record("Compare: key j/k + frame", size, measure(atLeast: 20, budget: 500, limit: 500) {
                _ = app.update(.key(.char(step % 20 < 10 ? "j" : "k")))
                step += 1
                app.render(into: &buffer)
            })

            record("Timeline: open (new screen, first render)", size, measure(atLeast: 5, budget: 500, limit: 100) {
                var screen = TimelineScreen(catalog: catalog)
                _ = screen.update(.resize(width: content.width, height: content.height))
                screen.render(into: &buffer, area: content)
            })
            _ = app.update(.key(.char("4")))
            app.render(into: &buffer)
            record("Timeline: frame (AppModel.render)", size, measure(atLeast: 20, budget: 500, limit: 500) {
                app.render(into: &buffer)
            }, target: 2)
            step = 0
            record("Timeline: key j/k + frame", size, measure(atLeast: 20, budget: 500, limit: 500) {
                _ = app.update(.key(.char(step % 12 < 6 ? "j" : "k")))
                step += 1
                app.render(into: &buffer)
            })
            step = 0
            record("Timeline: key ] (next role) + frame", size, measure(atLeast: 20, budget: 500, limit: 500) {
                _ = app.update(.key(.char("]")))
                app.render(into: &buffer)
            })
        }

        if yamlFloorBinary == nil {
            Report.line("(libyaml's floor was not measured: \(yamlFloorNote))\n")
        }
        Report.table(facts)
        var header = ["what"] + sizes.map { "\($0) roles (ms)" }
        let growthPair = sizes.contains(1000) && sizes.contains(10000)
        if growthPair { header += ["10k ÷ 1k", "target (1k, median)"] }
        var summary = Table()
        summary.header = header
        for what in order {
            guard let row = rows[what] else { continue }
            var cells = [what] + sizes.map { fmt(row.values[$0] ?? .nan, 3) }
            if growthPair {
                let growth = (row.values[10000] ?? .nan) / (row.values[1000] ?? .nan)
                cells.append(fmt(growth, 1) + "x")
                if let target = row.target, let value = row.values[1000] {
                    let linear = growth <= 10.5 ? "linear or better" : "worse than linear"
                    cells.append("≤ \(fmt(target, 0)) ms: \(value <= target ? "met" : "MISSED"); growth \(linear)")
                } else {
                    cells.append("")
                }
            }
            summary.rows.append(cells)
        }
        Report.table(summary)
        Report.line("<details><summary>Every measurement (median, min, max, runs)</summary>\n")
        Report.table(details)
        Report.line("</details>\n")
    }

    static func yamlFiles(in directory: URL) throws -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "yaml" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    nonisolated(unsafe) static var yamlFloorNote = ""

    /// benchmarks/yaml-floor.c, compiled against the system's libyaml (the one the loader
    /// links), once per run.
    nonisolated(unsafe) static var yamlFloorBinary: String? = {
        let source = repositoryRoot.appendingPathComponent("benchmarks/yaml-floor.c").path
        let binary = FileManager.default.temporaryDirectory.appendingPathComponent("rolescope-bench-yaml-floor-\(getpid())").path
        let compiler = findInPath("cc") ?? findInPath("gcc") ?? findInPath("clang") ?? "cc"
        guard FileManager.default.fileExists(atPath: "/usr/include/yaml.h") else {
            yamlFloorNote = "the system's libyaml was not found (apt-get install libyaml-dev)"
            return nil
        }
        let arguments = ["-O2", "-o", binary, source, "-lyaml"]
        let build = shell(compiler, arguments, echo: true)
        guard build.status == 0 else {
            yamlFloorNote = "benchmarks/yaml-floor.c did not compile: \(build.output.prefix(200))"
            return nil
        }
        return binary
    }()

    /// The best of three passes of libyaml over every file of `directory`, in ms.
    static func yamlFloor(_ directory: URL) -> Double? {
        guard let binary = yamlFloorBinary, let files = try? yamlFiles(in: directory) else { return nil }
        let list = directory.appendingPathComponent("files.list")
        guard (try? files.map(\.path).joined(separator: "\n").write(to: list, atomically: true, encoding: .utf8)) != nil else { return nil }
        let result = shell(binary, ["3", list.path])
        guard result.status == 0 else { return nil }
        return Double(result.output.split(separator: " ").first ?? "")
    }
}
