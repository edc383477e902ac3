import FuzzSupport
import RoleModel
import RolescopeUI
import TerminalKit

// The content loader fed arbitrary bytes.
//
// The input is split at every 0xFF byte (a byte that never occurs in UTF-8) into up to
// 16 files, each decoded as UTF-8 with repair, as `CatalogLoader.load(directory:)`
// would read them, and the files are loaded together, so references across files,
// duplicate ids and sections spread over several files are all reachable.
//
// Never a crash or a hang, whatever the bytes. Beyond that:
// - a refused load names at least one problem, each in one of the files given (or the
//   directory), at a line that exists in that file, with a message, sorted by place;
// - an accepted catalog survives the binary archive unchanged, and the app can start
//   on it and draw every tab, since the validator is what stands between a content
//   directory and the screens.

private let separator: UInt8 = 0xFF
private let maximumFiles = 16

/// One input: libFuzzer calls this for each byte string it tries.
func fuzzContent(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var documents: [(file: String, text: String)] = []
    for chunk in bytes.split(separator: separator, maxSplits: maximumFiles - 1, omittingEmptySubsequences: false) {
        documents.append(("f\(documents.count).yaml", String(decoding: chunk, as: UTF8.self)))
    }
    do {
        let catalog = try CatalogLoader.load(documents: documents)
        checkAccepted(catalog)
    } catch {
        checkRefused(error, documents: documents)
    }
    return 0
}

private func checkRefused(_ error: ContentError, documents: [(file: String, text: String)]) {
    guard case .invalid(let problems) = error else {
        require(false, "load(documents:) reads no directory, so it cannot be unreadable: \(error)")
        return
    }
    require(!problems.isEmpty, "a refused load names at least one problem")
    var lineCounts: [String: Int] = [:]
    for document in documents { lineCounts[document.file] = lineCount(document.text) }
    for problem in problems {
        require(problem.file == "." || lineCounts[problem.file] != nil, "problem in an unknown file: \(problem)")
        require(!problem.message.isEmpty, "problem without a message: \(problem)")
        if let line = problem.line {
            // A line past the last one is a line the user cannot go to.
            let last = lineCounts[problem.file] ?? 1
            require(line >= 1 && line <= last, "problem at line \(line) of a \(last)-line file: \(problem)")
        }
        if let column = problem.column { require(column >= 1, "problem at column \(column): \(problem)") }
    }
    for (earlier, later) in zip(problems, problems.dropFirst()) {
        require((earlier.file, earlier.line ?? 0, earlier.column ?? 0) <= (later.file, later.line ?? 0, later.column ?? 0),
                "problems are reported in file and line order")
    }
}

/// Lines as an editor shows them and libyaml counts them: LF, CR, CRLF, NEL, LS and PS
/// each end a line, and a final line break does not start another.
private func lineCount(_ text: String) -> Int {
    var breaks = 0
    var previous: UInt32 = 0
    var endsWithBreak = false
    for scalar in text.unicodeScalars {
        let v = scalar.value
        let isBreak = [0x0A, 0x0D, 0x85, 0x2028, 0x2029].contains(v)
        if isBreak && !(v == 0x0A && previous == 0x0D) { breaks += 1 }
        endsWithBreak = isBreak
        previous = v
    }
    return max(1, endsWithBreak ? breaks : breaks + 1)
}

private func checkAccepted(_ catalog: Catalog) {
    let archived = CatalogArchive.encode(catalog)
    let decoded: Catalog
    do { decoded = try CatalogArchive.decode(archived) } catch {
        require(false, "an accepted catalog's archive does not decode: \(error)")
        return
    }
    require(decoded == catalog, "an accepted catalog changes through the archive")

    var app = AppModel(catalog: catalog, width: 80, height: 24)
    for key in ["1", "2", "3", "4"] as [Character] {
        _ = app.update(.key(.char(key)))
        var buffer = Buffer(width: app.width, height: app.height)
        app.render(into: &buffer)
        require(buffer.cells.count == 80 * 24, "the buffer keeps its size")
    }
}
