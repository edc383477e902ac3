import BuiltinCatalog
import Foundation
import FuzzSupport
import RoleModel
import RolescopeUI
import TerminalKit

// The app's screen state machines fed arbitrary event sequences.
//
// `AppModel` owns all four screens (Roles, Compare, Questionnaire, Timeline), the search
// and the help overlays, so one model reaches every state machine the user can. The
// first bytes pick the catalog (built-in, or a test fixture: minimal, CJK), the glyphs
// (Unicode or ASCII), the starting size and, in one input of four, a piece of text that
// replaces titles, prompts and labels across the catalog (escape sequences, wide and
// zero-width characters, right-to-left marks: whatever the bytes hold). The rest is
// events: keys from the whole `Key` set (any character, every named key, control
// chords, function keys), mouse presses and wheel turns at any coordinates, resizes from
// 0x0 to 500x200 (and negative ones, which the model must clamp to 0x0), and ticks.
//
// After every event the app renders into a fresh buffer of the size it was last given,
// as the run loop does, and the buffer is checked: its size matches the model, every
// cell holds one printable character of width 1, or a wide character followed by its
// continuation cell, and no control character or escape sequence survived. At the end
// the render is repeated and must be identical (render is a pure function of state).

private let catalogs: [Catalog] = {
    var found: [Catalog] = []
    if let builtin = try? BuiltinCatalog.load() { found.append(builtin) }
    for name in ["minimal", "cjk"] {
        if let catalog = try? CatalogLoader.load(directory: RepositoryPaths.fixtures.appendingPathComponent(name)) {
            found.append(catalog)
        }
    }
    precondition(!found.isEmpty, "no catalog: the built-in catalog and the fixtures did not load")
    return found
}()

/// A model per catalog, built once: `AppModel` is a value, so each input starts from a copy.
private let startingModels: [AppModel] = catalogs.map { AppModel(catalog: $0, width: 80, height: 24) }

/// Loads the catalogs before the first input, so their cost is not counted per input.
func prepare() {
    FileHandle.standardError.write("fuzz-screens: \(startingModels.count) catalogs\n".data(using: .utf8)!)
}

private let namedKeys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown,
                                .enter, .escape, .backspace, .tab, .backTab, .delete]
private let chordCharacters: [Character] = Array("abcdefghijklmnopqrstuvwxyz @[\\]^_")

/// One input: libFuzzer calls this for each byte string it tries.
func fuzzScreens(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let setup = input.byte()
    let catalogIndex = Int(setup & 0x0F) % catalogs.count
    let glyphs: Glyphs = setup & 0x10 == 0 ? .unicode : .ascii
    let hostile = setup & 0x60 == 0x60
    var app: AppModel
    if hostile {
        let text = input.string(maxBytes: 200)
        app = AppModel(catalog: replacingText(in: catalogs[catalogIndex], with: text), width: 80, height: 24)
    } else {
        app = startingModels[catalogIndex]
    }
    if setup & 0x80 != 0 { _ = app.update(.resize(width: Int(input.byte()), height: Int(input.byte() % 101))) }

    var buffer = Buffer(width: app.width, height: app.height, glyphs: glyphs)
    app.render(into: &buffer)
    check(buffer, app: app, after: .tick)
    var events = 0
    while !input.isAtEnd && events < 200 {
        events += 1
        let event = nextEvent(&input)
        let effect = app.update(event)
        if case .resize = event {
            buffer = Buffer(width: app.width, height: app.height, glyphs: glyphs)
        }
        app.render(into: &buffer)
        check(buffer, app: app, after: event)
        if effect == .quit { break }
    }
    var again = Buffer(width: app.width, height: app.height, glyphs: glyphs)
    app.render(into: &again)
    require(again == buffer, "rendering the same state twice gives different buffers")
    return 0
}

private func nextEvent(_ input: inout FuzzInput) -> Event {
    let op = input.byte()
    switch op % 16 {
    case 0...5:
        // Printable ASCII: what most bindings and the search box use.
        return .key(.char(Character(Unicode.Scalar(0x20 + input.byte() % 95))))
    case 6:
        // Any character at all, including controls, combining marks and wide ones.
        return .key(.char(Character(input.scalar())))
    case 7, 8:
        return .key(input.pick(namedKeys))
    case 9:
        return .key(.ctrl(input.pick(chordCharacters)))
    case 10:
        return .key(.function(Int(Int8(bitPattern: input.byte()))))
    case 11, 12:
        let kind: MouseEvent.Kind = [.press, .press, .wheelUp, .wheelDown][Int(op >> 4) % 4]
        // Mostly on screen; with the high bit, anywhere an Int16 reaches.
        let x = op & 0x80 == 0 ? Int(input.byte()) : input.int16()
        let y = op & 0x80 == 0 ? Int(input.byte() % 64) : input.int16()
        return .mouse(MouseEvent(x: x, y: y, kind: kind))
    case 13:
        // Mostly up to 255x100 (a large render costs the fuzzer time, not depth); with the
        // high bit, anything from -500x-200 to 500x200 (negative sizes must clamp to 0x0).
        if op & 0x80 != 0 { return .resize(width: input.int16() % 501, height: input.int16() % 201) }
        return .resize(width: Int(input.byte()), height: Int(input.byte() % 101))
    case 14:
        return .tick
    default:
        // A character of several scalars: an emoji sequence, a letter and its marks.
        let text = input.string(maxBytes: 12)
        return .key(.char(text.first ?? "a"))
    }
}

private func check(_ buffer: Buffer, app: AppModel, after event: Event) {
    require(buffer.width == app.width && buffer.height == app.height,
            "buffer \(buffer.width)x\(buffer.height) for a \(app.width)x\(app.height) app after \(event)")
    require(buffer.cells.count == buffer.width * buffer.height, "buffer holds \(buffer.cells.count) cells")
    for y in 0..<buffer.height {
        var x = 0
        while x < buffer.width {
            let cell = buffer[x, y]
            require(!cell.isContinuation, "a continuation cell without its wide character at \(x),\(y) after \(event)")
            for scalar in cell.text.unicodeScalars {
                require(!isControlOrHidden(scalar.value),
                        "control or hidden character U+\(String(scalar.value, radix: 16)) in cell \(x),\(y) after \(event)")
            }
            let width = TextWidth.of(cell.text)
            require(width == 1 || width == 2, "cell \(x),\(y) holds '\(cell.text)' of width \(width) after \(event)")
            if width == 2 {
                require(x + 1 < buffer.width && buffer[x + 1, y].isContinuation,
                        "wide '\(cell.text)' at \(x),\(y) without its continuation after \(event)")
                x += 2
            } else {
                x += 1
            }
        }
    }
}

/// C0 and C1 controls, DEL, bidirectional controls and invisible format characters:
/// what `Sanitizer` must have made visible before text reached a cell.
private func isControlOrHidden(_ v: UInt32) -> Bool {
    switch v {
    case 0..<0x20, 0x7F...0x9F, 0x061C, 0x200B, 0x200C, 0x200E, 0x200F, 0x2028, 0x2029,
         0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
        return true
    default:
        return false
    }
}

/// The catalog with `text` in place of the titles, prompts and labels the screens show
/// most: role titles and summaries, question prompts and answer labels, outcome titles,
/// timeline entries and category titles.
private func replacingText(in catalog: Catalog, with text: String) -> Catalog {
    var catalog = catalog
    for index in catalog.roles.indices {
        catalog.roles[index].title += text
        catalog.roles[index].summary = text + catalog.roles[index].summary
        catalog.roles[index].aliases.append(text)
    }
    for q in catalog.questionnaires.indices {
        catalog.questionnaires[q].title += text
        for i in catalog.questionnaires[q].questions.indices {
            catalog.questionnaires[q].questions[i].prompt += text
            catalog.questionnaires[q].questions[i].why = text
            for a in catalog.questionnaires[q].questions[i].answers.indices {
                catalog.questionnaires[q].questions[i].answers[a].label = text + catalog.questionnaires[q].questions[i].answers[a].label
            }
        }
        for o in catalog.questionnaires[q].outcomes.indices {
            catalog.questionnaires[q].outcomes[o].title += text
            catalog.questionnaires[q].outcomes[o].advice.append(text)
        }
    }
    for t in catalog.timelines.indices {
        catalog.timelines[t].title += text
        for e in catalog.timelines[t].entries.indices {
            catalog.timelines[t].entries[e].title = text + catalog.timelines[t].entries[e].title
            catalog.timelines[t].entries[e].detail += text
        }
    }
    for c in catalog.categories.indices { catalog.categories[c].title += text }
    for d in catalog.dimensions.indices { catalog.dimensions[d].title += text }
    return catalog
}
