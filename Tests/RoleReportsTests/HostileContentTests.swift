import Foundation
import RoleModel
import TerminalKit
import XCTest
@testable import RoleReports

/// Every document of every plain-text command, built from Tests/Fixtures/hostile (every
/// string full of escape sequences, C1 controls, bidi overrides and zero-width
/// characters), in text and Markdown: not one such character may reach the output, and
/// the hostile text must still be there, shown. JSON must be valid, escape them as
/// `\uXXXX`, and decode back to exactly the content.
final class HostileContentTests: XCTestCase {
    static let hostileDirectory = ReportsTests.fixtures.appendingPathComponent("hostile")

    /// Scalars that must never reach a terminal, listed here rather than taken from
    /// `Sanitizer` so the test does not trust the code it checks.
    static func forbidden(_ scalar: Unicode.Scalar, newlines: Bool = true) -> Bool {
        switch scalar.value {
        case 0x0A: return !newlines
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0xAD, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B...0x200F, 0x2028...0x202E,
             0x2060...0x206F, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default: return false
        }
    }

    static func assertClean(_ output: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let bad = output.unicodeScalars.filter { forbidden($0) }
        XCTAssertTrue(bad.isEmpty, "\(what): \(bad.prefix(5).map { String(format: "U+%04X", $0.value) })", file: file, line: line)
    }

    func catalog() throws -> Catalog { try CatalogLoader.load(directory: Self.hostileDirectory) }

    /// The fixture really is hostile: each kind of sequence is in the loaded content.
    func testFixtureHoldsEveryHostileSequence() throws {
        let catalog = try catalog()
        let title = catalog.roles.first { $0.id == "builder" }!.title
        for needle in ["\u{1B}]0;", "\u{1B}]2;", "\u{1B}]8;;", "\u{1B}]52;", "\u{1B}P", "\u{1B}[2J", "\u{9B}", "\u{9D}", "\u{1B}_",
                       "\u{1B}^", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{08}", "\r", "\u{07}", "\u{7F}", "\u{0}",
                       "\u{85}", "\u{2028}"] {
            XCTAssertTrue(title.contains(needle), needle.unicodeScalars.map { String($0.value, radix: 16) }.joined())
        }
    }

    /// Every document the commands print, named for failure messages.
    static func documents(_ catalog: Catalog, unicode: Bool) throws -> [(String, Document)] {
        let reports = Reports(catalog: catalog, unicode: unicode)
        var docs: [(String, Document)] = [
            ("overview", reports.overview(commands: [("roles", "every role")])),
            ("roles", reports.roleList()),
            ("quiz --list", reports.questionnaireList()),
            ("export", reports.export()),
        ]
        for role in catalog.roles { docs.append(("show \(role.id)", reports.profile(role))) }
        docs.append(("compare", reports.compare(catalog.roles)))
        docs.append(("compare --only-differences", reports.compare(catalog.roles, onlyDifferences: true)))
        for timeline in catalog.timelines { docs.append(("timeline \(timeline.id)", reports.timeline(timeline))) }
        for questionnaire in catalog.questionnaires {
            for answers in Self.everyPath(questionnaire) {
                docs.append(("quiz --answers \(answers)", reports.quiz(try QuestionnaireRun(questionnaire, answers: answers))))
            }
        }
        for query in ["PWN", "\u{1B}]0;PWN-title\u{07}", "\u{202E}PWN", "no such text \u{9B}31m"] {
            docs.append(("search \(query.debugDescription)", reports.search(query, hits: catalog.search(query))))
        }
        return docs
    }

    /// Answer paths (0-based) from the start to every outcome.
    static func everyPath(_ questionnaire: Questionnaire) -> [[Int]] {
        var paths: [[Int]] = []
        func walk(_ id: String, _ path: [Int]) {
            guard let question = questionnaire.question(id), path.count < 50 else { return }
            for (index, answer) in question.answers.enumerated() {
                switch answer.target {
                case .question(let next): walk(next, path + [index])
                case .outcome: paths.append(path + [index])
                }
            }
        }
        walk(questionnaire.start, [])
        return paths
    }

    func testTextAndMarkdownShowHostileTextButNeverPassItThrough() throws {
        let catalog = try catalog()
        for unicode in [true, false] {
            for (name, document) in try Self.documents(catalog, unicode: unicode) {
                for width in [80, 40, 20] {
                    let text = TextRenderer(width: width, unicode: unicode).render(document)
                    Self.assertClean(text, "text \(name) at \(width)")
                }
                let markdown = MarkdownRenderer().render(document)
                Self.assertClean(markdown, "markdown \(name)")
                if !name.hasPrefix("search \"no such") && name != "quiz --list" {
                    let text = TextRenderer(width: 200, unicode: unicode).render(document)
                    XCTAssertTrue(text.contains("PWN"), "the hostile content is shown in \(name)")
                }
            }
        }
        let profile = TextRenderer(width: 400).render(Reports(catalog: catalog).profile(catalog.roles.first { $0.id == "builder" }!))
        for shown in ["^[]0;PWN-title^G", "^[]2;PWN-title2^[\\", "^[]8;;https://evil.example/^[\\PWN-link^[]8;;^[\\",
                      "^[]52;c;cm0gLXJmIH4K^G", "^[P+q544e^[\\", "^[[2J^[[H^[[31m", "<U+009B>2J<U+009D>0;PWN-c1<U+009C>",
                      "^[_PWN-apc^[\\^[^PWN-pm^[\\^[XPWN-sos^[\\", "<U+202E>PWN-evil<U+202C>", "<U+2066>iso<U+2069>",
                      "PWN<U+200B>zero<U+200C>width<U+200D><U+2060><U+FEFF><U+00AD>",
                      "PWN-bs^H^H^HCR^MBEL^GDEL^?NUL^@VT^KFF^L", "PWN<U+0085>nel<U+2028>ls<U+2029>ps"] {
            XCTAssertTrue(profile.contains(shown), "shown as \(shown)")
        }
    }

    func testTextLinesKeepTheirWidthWithHostileText() throws {
        let catalog = try catalog()
        for (name, document) in try Self.documents(catalog, unicode: true) {
            for width in [80, 60] {
                for line in TextRenderer(width: width).render(document).split(separator: "\n") {
                    XCTAssertLessThanOrEqual(TextWidth.of(line), width, "\(name) at \(width): \(line)")
                }
            }
        }
    }

    func testJSONIsValidEscapedAndDecodesToTheContent() throws {
        let catalog = try catalog()
        let json = JSONReports(catalog: catalog)
        let builder = try XCTUnwrap(catalog.roles.first { $0.id == "builder" })
        let questionnaire = try XCTUnwrap(catalog.questionnaires.first)
        var outputs: [(String, String)] = [
            ("roles", json.roles()), ("export", json.export()), ("quiz --list", json.questionnaires()),
            ("compare", json.compare(catalog.roles, dimensions: catalog.dimensions)),
            ("search", json.search("PWN", hits: catalog.search("PWN"))),
            ("search hostile query", json.search("\u{1B}]0;x\u{07}\u{202E}", hits: [])),
        ]
        for role in catalog.roles { outputs.append(("show \(role.id)", json.profile(role))) }
        for timeline in catalog.timelines { outputs.append(("timeline \(timeline.id)", json.timeline(timeline))) }
        for answers in Self.everyPath(questionnaire) {
            outputs.append(("quiz \(answers)", json.quiz(try QuestionnaireRun(questionnaire, answers: answers))))
        }
        for (name, output) in outputs {
            // Not even newlines inside strings: pretty-printed JSON's own newlines are the only ones.
            Self.assertClean(output, "json \(name)")
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(output.utf8)), "json \(name) parses")
        }
        let roles = try JSONSerialization.jsonObject(with: Data(json.roles().utf8)) as? [String: [[String: Any]]]
        XCTAssertEqual(roles?["roles"]?.first { $0["id"] as? String == "builder" }?["title"] as? String, builder.title,
                       "the escapes decode back to exactly the content")
        for escape in ["\\u001b]0;PWN-title\\u0007", "\\u009b2J\\u009d0;PWN-c1\\u009c", "\\u202ePWN-evil\\u202c",
                       "PWN\\u200bzero\\u200cwidth\\u200d\\u2060\\ufeff\\u00ad", "DEL\\u007fNUL\\u0000",
                       "PWN\\u0085nel\\u2028ls\\u2029ps"] {
            XCTAssertTrue(json.roles().contains(escape), escape)
        }
    }

    func testJSONEscapesScalarsBeyondTheBasicPlaneAsSurrogatePairs() throws {
        let escaped = JSONReports.escapingUnsafe("\"a\u{E0041}b\"")
        XCTAssertEqual(escaped, "\"a\\udb40\\udc41b\"")
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8), options: .fragmentsAllowed) as? String
        XCTAssertEqual(decoded, "a\u{E0041}b")
    }
}
