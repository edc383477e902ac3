import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import RoleModel
import RoleReports
import TerminalKit

#if canImport(Glibc)
import Glibc
#endif

struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Walk a questionnaire to a recommended role.",
        discussion: """
        With --answers, follows those answer numbers and prints the path, the outcome and why. \
        Without it, on a terminal, asks one question at a time on plain lines: type an answer's \
        number, b to go back, q to stop. This is the screen-reader-friendly way through.
        """
    )
    @OptionGroup var content: ContentOptions
    @OptionGroup var output: FormatOptions
    @Argument(help: "The questionnaire's id or a unique prefix (default: the first one).") var questionnaire: String?
    @Option(name: .long, help: ArgumentHelp("Answer numbers in order, e.g. 2,1,1.", valueName: "n,n,..."))
    var answers: String?
    @Flag(name: .long, help: "List the questionnaires.") var list = false

    func run() throws {
        let catalog = try content.catalog()
        if list {
            if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).questionnaires()) }
            return try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).questionnaireList(), format: output.format)
        }
        let chosen: Questionnaire
        if let questionnaire {
            do { chosen = try catalog.questionnaire(matching: questionnaire) } catch {
                Console.error("rolescope: \(error)")
                throw ExitCode(64)
            }
        } else if let first = catalog.questionnaires.first {
            chosen = first
        } else {
            Console.error("rolescope: this content has no questionnaires")
            throw ExitCode(1)
        }
        var run = QuestionnaireRun(chosen)
        if let answers {
            try replay(answers, into: &run)
        } else {
            guard isatty(STDIN_FILENO) == 1 else {
                Console.error("rolescope: standard input is not a terminal; give the answers with --answers 1,2,...")
                throw ExitCode(64)
            }
            guard try ask(&run, catalog: catalog) else { return }
        }
        if output.format == .json { return try output.destination.emit(JSONReports(catalog: catalog).quiz(run)) }
        try output.destination.emit(Reports(catalog: catalog, unicode: Console.unicode).quiz(run), format: output.format)
    }

    private func replay(_ text: String, into run: inout QuestionnaireRun) throws {
        let parts = text.split(separator: ",").map { $0.trimmed() }
        for (index, part) in parts.enumerated() {
            guard let number = Int(part) else {
                Console.error("rolescope: '\(part)' in --answers is not a number; write answer numbers like 2,1,1")
                throw ExitCode(64)
            }
            do { try run.answer(number - 1) } catch {
                switch error {
                case .finished:
                    Console.error("rolescope: the questionnaire ended after \(index) answers; drop the rest of --answers")
                case .noSuchAnswer(_, let count):
                    Console.error("rolescope: answer \(index + 1) is \(number), but \"\(run.currentQuestion?.prompt ?? "")\" has answers 1 to \(count)")
                default:
                    Console.error("rolescope: \(error)")
                }
                throw ExitCode(64)
            }
        }
    }

    /// Asks on plain lines until an outcome; false when the user stops or input ends.
    /// Every line is wrapped to the terminal's width (80 when it is not one), with no
    /// cursor movement, so a screen reader reads it as it is printed: one question, its
    /// answers one to a line, then the prompt on a line of its own.
    private func ask(_ run: inout QuestionnaireRun, catalog: Catalog) throws -> Bool {
        let width = Console.width
        Console.write(Self.wrapped(run.questionnaire.title, width: width) + Self.wrapped("Type an answer's number; b goes back, q stops.", width: width))
        while let question = run.currentQuestion {
            // Read again for each question: the window may have been resized.
            let width = Console.width
            var text = "\n" + Self.wrapped("Question \(run.steps.count + 1): \(question.prompt)", width: width)
            text += Self.wrapped("Why we ask: \(question.why)", width: width)
            let digits = String(question.answers.count).count
            for (index, answer) in question.answers.enumerated() {
                let number = String(index + 1)
                text += Self.wrapped(answer.label, width: width, prefix: "  " + String(repeating: " ", count: digits - number.count) + number + ". ")
            }
            Console.write(text + "> ")
            guard let line = readLine()?.trimmed() else { Console.write("\n"); return false }
            switch line.lowercased() {
            case "q", "quit": return false
            case "b", "back":
                if !run.back() { Console.write(Self.wrapped("This is the first question.", width: width)) }
            default:
                if let number = Int(line), question.answers.indices.contains(number - 1) {
                    try? run.answer(number - 1)
                } else {
                    Console.write(Self.wrapped("Type a number from 1 to \(question.answers.count), b or q.", width: width))
                }
            }
        }
        Console.write("\n")
        return true
    }

    /// `text` wrapped to `width` terminal cells after `prefix`, continuation lines indented
    /// under the text, each line ending in a newline.
    static func wrapped(_ text: String, width: Int, prefix: String = "") -> String {
        let indent = TextWidth.of(prefix)
        let lines = TextWrap.lines(Sanitizer.clean(text), width: max(10, width - indent))
        return lines.enumerated().map { ($0.offset == 0 ? prefix : String(repeating: " ", count: indent)) + $0.element + "\n" }.joined()
    }
}
