import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The repository this benchmark was built from (its sources sit in
/// Sources/rolescope-bench), or the working directory when the sources have moved.
let repositoryRoot: URL = {
    let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    if FileManager.default.fileExists(atPath: fromSource.appendingPathComponent("Package.swift").path) { return fromSource }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()

/// Runs a program to completion; returns its exit status and what it printed (standard
/// output and standard error together). `echo` prints the command and its output as it runs.
@discardableResult
func shell(_ executable: String, _ arguments: [String], directory: URL? = nil, echo: Bool = false) -> (status: Int32, output: String) {
    guard let path = executable.hasPrefix("/") ? executable : findInPath(executable) else { return (127, "\(executable): not found") }
    if echo { Report.note("$ \(([executable] + arguments).joined(separator: " "))") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { return (127, "\(executable): \(error)") }
    var data = Data()
    while true {
        let chunk = pipe.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        data.append(chunk)
        if echo { FileHandle.standardError.write(chunk) }
    }
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

func findInPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    let directories: [String] = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"]
    for directory in directories {
        let candidate = directory + "/" + name
        if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
}

func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

/// The 1-minute load average.
func loadOne() -> Double { Double(loadAverage().split(separator: " ").first ?? "") ?? .nan }

/// Date, machine, OS, toolchain and load, for the top of the results.
func machineDescription() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    let memory: String = {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
              let kB = Double(line.filter(\.isNumber)) else { return "?" }
        return fmt(kB / 1_048_576, 1) + " GiB"
    }()
    let os: String = {
        guard let text = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("PRETTY_NAME=") }) else { return "?" }
        return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
    }()
    let cpu: String = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }) else { return "?" }
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
    }()
    var name = utsname()
    uname(&name)
    let kernel = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    let swift = shell("swift", ["--version"]).output.split(separator: "\n").first.map(String.init) ?? "?"
    return """
    | | |
    |---|---|
    | date | \(formatter.string(from: Date())) |
    | command | `swift run -c release rolescope-bench \(CommandLine.arguments.dropFirst().joined(separator: " "))` |
    | CPU | \(ProcessInfo.processInfo.activeProcessorCount) cores (`nproc`), \(cpu) |
    | memory | \(memory) |
    | OS | \(os), Linux \(kernel) |
    | Swift | \(swift) |
    | load average at start (1, 5, 15 min) | \(loadAverage()) |
    """
}
