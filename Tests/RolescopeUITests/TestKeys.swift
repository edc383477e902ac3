import TerminalKit

/// The keys a user presses to answer questions with the new vocabulary, one digit per
/// question naming the answer (1 is the first): `g` to the first answer, `j` down to
/// the one wanted, Enter. (Digits themselves switch tabs.)
func answerKeys(_ answers: String) -> [Key] {
    answers.flatMap { digit -> [Key] in
        let number = Int(String(digit)) ?? 1
        return [.char("g")] + Array(repeating: .char("j"), count: max(0, number - 1)) + [.enter]
    }
}

/// Whether a hint-bar label (a command's first key, "Enter") names a row of the help,
/// whose label lists all of the command's keys ("Enter/→/l").
func help(_ labels: [String], covers hint: String) -> Bool {
    labels.contains { $0 == hint || $0.split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) == hint }
}
