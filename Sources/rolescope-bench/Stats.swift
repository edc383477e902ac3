import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A monotonic clock in nanoseconds (CLOCK_MONOTONIC, the clock `poll` waits on).
func now() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func milliseconds(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1_000_000 }

/// Runs `body` `count` times and returns the durations in milliseconds, sorted.
func measure(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var samples: [Double] = []
    samples.reserveCapacity(count)
    for _ in 0..<count {
        let start = now()
        try body()
        samples.append(milliseconds(now() - start))
    }
    return samples.sorted()
}

/// Runs `body` for at least `count` runs and about `budget` milliseconds, whichever is
/// more runs (capped at `limit`), so that fast operations get many samples and slow ones
/// (a 10,000-role load) do not take minutes.
func measure(atLeast count: Int, budget: Double, limit: Int = 1000, _ body: () throws -> Void) rethrows -> [Double] {
    var samples: [Double] = []
    var spent = 0.0
    while samples.count < limit && (samples.count < count || spent < budget) {
        let start = now()
        try body()
        let sample = milliseconds(now() - start)
        samples.append(sample)
        spent += sample
    }
    return samples.sorted()
}

/// Summary statistics of a sample, in whatever unit the sample is in.
struct Summary {
    var sorted: [Double]

    init(_ samples: [Double]) { sorted = samples.sorted() }

    var count: Int { sorted.count }
    var min: Double { sorted.first ?? .nan }
    var max: Double { sorted.last ?? .nan }
    var median: Double { percentile(0.5) }
    var mean: Double { sorted.isEmpty ? .nan : sorted.reduce(0, +) / Double(sorted.count) }

    /// Nearest-rank percentile (p in 0...1).
    func percentile(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((Double(sorted.count) * p).rounded(.up)) - 1
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
    }
}

/// Formats a number for a table: `digits` decimals, or "n/a" for NaN.
func fmt(_ value: Double, _ digits: Int = 2) -> String {
    value.isNaN ? "n/a" : String(format: "%.\(digits)f", value)
}

/// A Markdown table built row by row.
struct Table {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: String...) { self.header = header }

    mutating func add(_ cells: String...) { rows.append(cells) }

    var markdown: String {
        var lines = ["| " + header.joined(separator: " | ") + " |",
                     "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        lines += rows.map { "| " + $0.joined(separator: " | ") + " |" }
        return lines.joined(separator: "\n")
    }
}

/// Everything the run prints goes through here, so it also lands in the results file.
enum Report {
    nonisolated(unsafe) static var text = ""

    static func line(_ line: String = "") {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
        text += line + "\n"
    }

    static func table(_ table: Table) {
        line(table.markdown)
        line()
    }

    /// Progress notes go to standard error: they are not part of the results.
    static func note(_ line: String) {
        FileHandle.standardError.write(Data(("  " + line + "\n").utf8))
    }
}
