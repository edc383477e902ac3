import RoleModel
import TerminalKit

/// The Questionnaire tab: choose a questionnaire, answer its questions one at a time,
/// and read where the answers led and why.
///
/// An interviewer may drive it while a candidate watches, or a career changer may use it
/// alone, so every step can be taken back: Esc undoes the last answer, the trail of
/// answers given so far can be revisited and changed, and the result lists the answers
/// that would have changed it, each one a key press away. All the logic of a walk lives
/// in `QuestionnaireRun`; this screen only decides what is highlighted and shown.
public struct QuestionnaireScreen: Screen {
    private(set) var catalog: Catalog

    /// Shows `catalog` (the app's, or its copy with pay hidden).
    public mutating func setPay(hidden: Bool, catalog: Catalog) { self.catalog = catalog }
    /// The questionnaire being answered, or nil while the chooser is shown.
    private(set) var run: QuestionnaireRun?
    /// Walks left part-way (q, or choosing another questionnaire), by questionnaire id,
    /// with their sessions: choosing one again carries on where it stopped. Starting over
    /// is the explicit `restart`.
    private(set) var parked: [String: Parked] = [:]
    /// The chooser's selected questionnaire.
    private(set) var chosen = 0
    /// The highlighted answer of the question shown.
    private(set) var highlighted = 0
    /// An earlier answer (or, on the result, a change) picked with `[`/`]` or the arrows;
    /// while it is set, the keys act on it instead of on the answers.
    private(set) var selection: QuestionnairePage.Item?
    /// An earlier question re-opened from the trail, shown instead of the current one
    /// until it is answered (which changes the answer if it differs) or left with Esc.
    private(set) var reviewing: Review?
    /// The first page row on screen.
    private(set) var scroll = 0
    private(set) var width = 80
    private(set) var height = 21
    /// The recorded session this walk belongs to, if one was started (`S`) or resumed.
    public private(set) var session: SessionState?
    /// The one-line editor open for a candidate's label.
    private(set) var editor: LineEditor?
    /// The note being typed, if one is.
    private(set) var noteEditor: NoteEditor?
    /// What the update being handled asks of the app, returned with its result.
    private var outbox: [Effect] = []
    /// False when the app has no session store (it could not be opened): S then asks for
    /// no candidate name, and says at once that nothing can be recorded.
    public var sessionsAvailable = true

    public struct SessionState: Hashable, Sendable {
        public var label: String
        /// Set by the app once the store has created the session.
        public var id: Int64?
        /// A finished session reopened to read: nothing more is recorded.
        public var readOnly = false
        /// The notes taken in the session, shown beside their answers.
        public var notes: [AnswerNote] = []

        /// The notes on `question`'s answer `answerIndex` (nil: on the question itself).
        func notes(on question: String, answer answerIndex: Int?) -> [String] {
            notes.filter { $0.questionID == question && $0.answerIndex == answerIndex }.map(\.text)
        }
    }

    struct Parked: Hashable, Sendable {
        var run: QuestionnaireRun
        var session: SessionState?
    }

    struct Review: Hashable, Sendable {
        /// The step (0-based) whose question is shown again.
        var step: Int
        /// The answer highlighted on the current question before, restored on Esc.
        var returnHighlight: Int
    }

    enum View: Hashable, Sendable { case chooser, question, result }

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    func depth(of questionnaire: Questionnaire) -> Int { questionnaire.depth }

    /// Opens `questionnaire` (an id): where a walk of it was left, or from its first
    /// question. An unknown id leaves the chooser showing.
    public mutating func start(questionnaire id: String) {
        guard let index = catalog.questionnaires.firstIndex(where: { $0.id == id }) else { return }
        if run?.questionnaire.id == id { return }
        park()
        chosen = index
        if let earlier = parked.removeValue(forKey: id) {
            run = earlier.run
            session = earlier.session
        } else {
            run = QuestionnaireRun(catalog.questionnaires[index])
            session = nil
        }
        editor = nil
        enterPosition()
    }

    /// Shows `target` of questionnaire `id` (a search hit): the walk that reaches it by the
    /// fewest answers, the question then asked or the result. The walk on screen, if any,
    /// is kept aside to be carried on, as when leaving it.
    public mutating func show(questionnaire id: String, reaching target: AnswerTarget) {
        guard let index = catalog.questionnaires.firstIndex(where: { $0.id == id }),
              let answers = catalog.questionnaires[index].answers(reaching: target),
              let walk = try? QuestionnaireRun(catalog.questionnaires[index], answers: answers) else {
            start(questionnaire: id)
            return
        }
        park()
        parked[id] = nil
        chosen = index
        run = walk
        session = nil
        editor = nil
        enterPosition()
    }

    /// The note editor's save key, as its panel names it.
    static var saveKey: String { Action.save.defaultKeys.first?.label() ?? "Ctrl-S" }

    /// Scrolls the page so the first line holding one of `words` is in view.
    public mutating func reveal(words: [String]) {
        let wanted = Set(words.flatMap { SearchIndex.foldedWords($0) })
        let lines = page.lines
        guard let row = lines.firstIndex(where: { !wanted.isDisjoint(with: SearchIndex.foldedWords($0.text.text)) }) else { return }
        if row < scroll || row >= scroll + height { scroll = max(0, row - 1) }
        settleScroll()
    }

    /// Starts `questionnaire` afresh, whatever was answered before.
    public mutating func startOver(questionnaire id: String) {
        parked[id] = nil
        if run?.questionnaire.id == id { run = nil }
        start(questionnaire: id)
    }

    /// Puts the walk on screen aside (if any answer was given), so it can be carried on.
    private mutating func park() {
        guard let run else { return }
        if !run.steps.isEmpty { parked[run.questionnaire.id] = Parked(run: run, session: session) }
        self.run = nil
        session = nil
    }

    /// The walks in progress, by questionnaire id, with the answers given: what the app
    /// remembers between runs.
    public var walks: [String: [Int]] {
        var walks = parked.mapValues { $0.run.steps.map(\.answer) }
        if let run, !run.steps.isEmpty { walks[run.questionnaire.id] = run.steps.map(\.answer) }
        return walks
    }

    /// The questionnaire on screen, if one is.
    public var openQuestionnaire: String? { run?.questionnaire.id }

    /// Brings back remembered walks (answers that no longer fit the content are dropped)
    /// and opens `open` where it was left.
    public mutating func restore(walks: [String: [Int]], open: String?) {
        for (id, answers) in walks {
            guard let questionnaire = catalog.questionnaires.first(where: { $0.id == id }),
                  let run = try? QuestionnaireRun(questionnaire, answers: answers), !run.steps.isEmpty else { continue }
            parked[id] = Parked(run: run, session: nil)
        }
        if let open { start(questionnaire: open) }
    }

    /// Continues a recorded session where it stopped.
    public mutating func resume(_ offer: SessionOffer, readOnly: Bool = false) {
        park()
        parked[offer.run.questionnaire.id] = nil
        chosen = catalog.questionnaires.firstIndex { $0.id == offer.run.questionnaire.id } ?? chosen
        run = offer.run
        session = SessionState(label: offer.candidate, id: offer.id, readOnly: readOnly, notes: offer.notes)
        editor = nil
        noteEditor = nil
        enterPosition()
    }

    /// Session `id` has a new candidate label: the breadcrumb follows, here and on walks
    /// kept aside.
    public mutating func renamed(_ id: Int64, to label: String) {
        if session?.id == id { session?.label = label }
        for (key, kept) in parked where kept.session?.id == id { parked[key]?.session?.label = label }
    }

    /// Session `id` was deleted: the walk goes on, no longer recorded.
    public mutating func deleted(_ id: Int64) {
        if session?.id == id { session = nil }
        for (key, kept) in parked where kept.session?.id == id { parked[key]?.session = nil }
    }

    /// The app has created the session (or could not: nil ends it here).
    public mutating func sessionCreated(_ id: Int64?) {
        if let id { session?.id = id } else { session = nil }
    }

    /// False, with the offer of a new session queued, when the walk is a finished session
    /// shown read-only: its answers stay as they were recorded.
    private mutating func writable() -> Bool {
        guard let session, session.readOnly else { return true }
        let who = session.label.isEmpty ? "" : " (\(session.label))"
        outbox.append(.offerNewSession(label: "Session" + (session.id.map { " #\($0)" } ?? "") + who))
        return false
    }

    /// Carries on the walk shown (a finished session's, read-only) as a new session for the
    /// same candidate, its answers recorded first; the old session stays as it was.
    public mutating func continueAsNewSession() {
        guard let run, let old = session else { return }
        reviewing = nil
        selection = nil
        session = nil
        beginSession(questionnaire: run.questionnaire.id, candidate: old.label)
        outbox.removeAll { if case .message = $0 { return true } else { return false } }
        outbox.append(.message("Started from #\(old.id.map(String.init) ?? "?")'s answers"))
    }

    /// What `continueAsNewSession` queued for the app.
    public mutating func takeEffects() -> [Effect] {
        defer { outbox = [] }
        return outbox
    }

    private mutating func queue(_ record: SessionRecord) {
        guard let session, !session.readOnly else { return }
        outbox.append(.record(record))
    }

    /// Starts recording: the questionnaire chosen (or the one being answered, whose
    /// answers so far are recorded first) with an optional candidate label.
    private mutating func beginSession(questionnaire id: String, candidate: String) {
        if run?.questionnaire.id != id { start(questionnaire: id) }
        guard let run else { return }
        let label = candidate.trimmed()
        session = SessionState(label: label, id: nil)
        outbox.append(.record(.start(questionnaire: run.questionnaire, candidate: label.isEmpty ? nil : label)))
        var replay = QuestionnaireRun(run.questionnaire)
        for step in run.steps {
            guard let question = replay.currentQuestion, (try? replay.answer(step.answer)) != nil else { break }
            outbox.append(.record(.answer(question, index: step.answer, reaching: replay.explanation)))
        }
        outbox.append(.message("recording"))
    }

    /// The answer a note is about: the one under discussion. That is the earlier answer
    /// picked in the trail or re-opened, else the answer just given (on a question, the
    /// previous one's; on the result, the last); before any answer, the question shown.
    var noteTarget: (question: Question, answerIndex: Int?, step: Int?)? {
        guard let run else { return nil }
        let trail = run.trail
        if case .trail(let step)? = selection, trail.indices.contains(step) { return (trail[step].question, trail[step].answerIndex, step) }
        if let reviewing, trail.indices.contains(reviewing.step) {
            return (trail[reviewing.step].question, trail[reviewing.step].answerIndex, reviewing.step)
        }
        if let last = trail.last { return (last.question, last.answerIndex, trail.count - 1) }
        if view == .question, let question = shownQuestion { return (question, nil, nil) }
        return nil
    }

    /// Opens the note editor on the answer under discussion.
    private mutating func openNote() {
        guard session?.readOnly == false, let target = noteTarget else { return }
        let about: String
        if let step = target.step, let answer = target.answerIndex {
            about = "your answer \(answer + 1) to question \(step + 1):"
        } else {
            about = "question \(shownQuestionNumber) (no answer yet):"
        }
        noteEditor = NoteEditor(question: target.question, answerIndex: target.answerIndex, step: target.step, about: about)
    }

    /// Keeps the note typed: recorded with the session, shown beside its answer.
    private mutating func saveNote() {
        guard let note = noteEditor else { return }
        noteEditor = nil
        let text = note.saved
        guard !text.isEmpty else {
            outbox.append(.message("Empty note not saved"))
            return
        }
        queue(.note(note.question, answerIndex: note.answerIndex, text: text))
        session?.notes.append(AnswerNote(questionID: note.question.id, answerIndex: note.answerIndex, text: text))
        // Short, so the header keeps the session and candidate beside it.
        outbox.append(.message(note.step.map { "Note saved on answer \($0 + 1)" } ?? "Note saved on this question"))
    }

    private mutating func handleEditor(_ key: Key) {
        if var note = noteEditor {
            switch note.handle(key) {
            case .editing: noteEditor = note
            case .cancelled:
                noteEditor = nil
                outbox.append(.message("Note discarded"))
            }
            return
        }
        guard var editor else { return }
        switch editor.handle(key) {
        case .editing: self.editor = editor
        case .cancelled: self.editor = nil
        case .accepted(let text):
            self.editor = nil
            // The candidate's label: for the walk on screen, or the questionnaire chosen.
            if let id = run?.questionnaire.id ?? (catalog.questionnaires.indices.contains(chosen) ? catalog.questionnaires[chosen].id : nil) {
                beginSession(questionnaire: id, candidate: text)
            }
        }
    }

    // MARK: State, as the app and the renderer see it

    var view: View {
        guard let run else { return .chooser }
        return reviewing != nil || run.outcome == nil ? .question : .result
    }

    /// The question on screen: the re-opened one, or the current one.
    var shownQuestion: Question? {
        guard let run else { return nil }
        if let reviewing, run.trail.indices.contains(reviewing.step) { return run.trail[reviewing.step].question }
        return run.currentQuestion
    }

    /// The 1-based number of the question on screen.
    var shownQuestionNumber: Int {
        if let reviewing { return reviewing.step + 1 }
        return (run?.steps.count ?? 0) + 1
    }

    public var breadcrumb: String {
        guard let run else { return "Questionnaire" }
        // The session and its candidate come first: a narrow header cuts the end, and the
        // interviewer must always see whose record this is.
        var text = "Questionnaire"
        if let session {
            text += " · session" + (session.id.map { " #\($0)" } ?? "")
            if !session.label.isEmpty { text += " (\(session.label))" }
            if session.readOnly { text += " · read-only" }
        }
        text += " › " + run.questionnaire.title
        switch view {
        case .result: text += " › Result"
        default: text += " › Question \(shownQuestionNumber)"
        }
        return text
    }

    public var isAtTop: Bool { run == nil }
    public var editsText: Bool { editor != nil || noteEditor != nil }

    // MARK: Update

    public mutating func update(_ event: Event) -> ScreenResult {
        switch event {
        case .resize(let w, let h):
            width = max(0, w)
            height = max(0, h)
            settleScroll()
            return .handled
        case .mouse(let mouse):
            return click(mouse)
        case .key(let key):
            return handle(key: key)
        case .tick:
            return .ignored
        }
    }

    public mutating func type(_ key: Key) -> ScreenResult {
        handleEditor(key)
        return drainOutbox()
    }

    public mutating func perform(_ action: Action) -> ScreenResult {
        let result = apply(action)
        let effects = outbox
        outbox = []
        if result == .ignored && effects.isEmpty { return .ignored }
        return .done(effects + result.effects)
    }

    private mutating func drainOutbox() -> ScreenResult {
        defer { outbox = [] }
        return .done(outbox)
    }

    private mutating func apply(_ action: Action) -> ScreenResult {
        if noteEditor != nil {
            guard action == .save else { return .ignored }
            saveNote()
            return .handled
        }
        switch (view, action) {
        case (.chooser, .up), (.chooser, .down): choose(chosen + (action == .down ? 1 : -1))
        case (.chooser, .first), (.chooser, .pageUp), (.chooser, .halfPageUp): choose(0)
        case (.chooser, .last), (.chooser, .pageDown), (.chooser, .halfPageDown): choose(catalog.questionnaires.count - 1)
        case (.chooser, .open):
            guard catalog.questionnaires.indices.contains(chosen) else { return .handled }
            start(questionnaire: catalog.questionnaires[chosen].id)
        case (.chooser, .restart):
            guard catalog.questionnaires.indices.contains(chosen) else { return .handled }
            startOver(questionnaire: catalog.questionnaires[chosen].id)

        case (.question, .up), (.question, .down): moveInQuestion(down: action == .down)
        case (.question, .first): highlightAnswer(0)
        case (.question, .last): highlightAnswer((shownQuestion?.answers.count ?? 1) - 1)
        case (.question, .open):
            if case .trail(let step)? = selection { reopen(step) } else { answer(highlighted) }
        case (.question, .previousSection), (.question, .nextSection): pickInQuestion(down: action == .nextSection)
        case (.question, .back): backFromQuestion()

        case (.result, .up), (.result, .down): scroll(by: action == .down ? 1 : -1)
        case (.result, .first): scroll = 0
        case (.result, .last): scroll = Int.max; settleScroll()
        case (.result, .open):
            switch selection {
            case .trail(let step)?: reopen(step)
            case .alternative(let index)?: applyAlternative(index)
            default: break
            }
        case (.result, .previousSection), (.result, .nextSection): pickInResult(down: action == .nextSection)
        case (.result, .back): undoLastAnswer()
        case (_, .restart):
            guard writable() else { return .handled }
            queue(.restart)
            run?.restart()
            enterPosition()
        case (.result, .compare):
            if let roles = comparedRoles { return .navigate(.compare(roles: roles)) }
        case (.result, .day):
            if let role = recommendedRole, let kind = timelineKind(for: role) {
                return .navigate(.timeline(role: role, kind: kind, entry: nil))
            }
        case (.result, .profile):
            if let role = recommendedRole { return .navigate(.profile(role: role, dimension: nil)) }
        case (.result, .plan):
            if let role = recommendedRole { return .navigate(.plan(role: role, background: planBackground)) }

        case (_, .startSession) where !sessionsAvailable:
            return .done([.message("No session started: sessions are unavailable")])
        case (_, .startSession):
            // On the chooser, for the questionnaire chosen; on a walk, unless one records.
            guard view == .chooser ? catalog.questionnaires.indices.contains(chosen) : session == nil else { return .handled }
            editor = LineEditor(prompt: " Candidate (optional), Enter starts, Esc cancels: ")
        case (_, .note): openNote()
        case (_, .pageUp), (_, .pageDown): scroll(by: (action == .pageDown ? 1 : -1) * max(1, height - 1))
        case (_, .halfPageUp), (_, .halfPageDown): scroll(by: (action == .halfPageDown ? 1 : -1) * max(1, height / 2))
        case (_, .quit): leaveToChooser()
        default: return .ignored
        }
        return .handled
    }

    // MARK: Chooser

    private mutating func choose(_ index: Int) {
        chosen = min(max(0, index), max(0, catalog.questionnaires.count - 1))
        reveal(.questionnaire(chosen))
    }

    /// Back to the chooser; the walk is kept (`parked`) to be carried on.
    private mutating func leaveToChooser() {
        park()
        reviewing = nil
        selection = nil
        scroll = 0
        reveal(.questionnaire(chosen))
    }

    // MARK: Questions

    private mutating func highlightAnswer(_ index: Int) {
        let count = shownQuestion?.answers.count ?? 0
        highlighted = min(max(0, index), max(0, count - 1))
        selection = nil
        reveal(.answer(highlighted))
    }

    /// Up and down walk the answers; up from the first answer goes on into the trail of
    /// earlier answers above it, and down from the trail's last entry comes back.
    private mutating func moveInQuestion(down: Bool) {
        let steps = run?.steps.count ?? 0
        if case .trail(let step)? = selection {
            if down {
                if step + 1 < steps { select(.trail(step + 1)) } else { highlightAnswer(highlighted) }
            } else {
                select(.trail(max(0, step - 1)))
            }
            return
        }
        if !down && highlighted == 0 {
            if steps > 0 { select(.trail(steps - 1)) }
            return
        }
        highlightAnswer(highlighted + (down ? 1 : -1))
    }

    /// `[` goes to earlier answers, `]` to later ones and, past the last, back to the
    /// answers of the question shown.
    private mutating func pickInQuestion(down: Bool) {
        let steps = run?.steps.count ?? 0
        guard steps > 0 else { return }
        if case .trail(let step)? = selection {
            if down {
                if step + 1 < steps { select(.trail(step + 1)) } else { highlightAnswer(highlighted) }
            } else {
                select(.trail(max(0, step - 1)))
            }
        } else if !down {
            select(.trail(steps - 1))
        }
    }

    private mutating func answer(_ index: Int) {
        guard var run, let question = shownQuestion, question.answers.indices.contains(index) else { return }
        if let reviewing {
            // The same answer again keeps the answers after it; another one replaces it
            // and drops them, since they may belong to questions no longer asked.
            if run.steps[reviewing.step].answer == index || !writable() {
                self.reviewing = nil
                highlighted = reviewing.returnHighlight
                selection = nil
                scroll = 0
                reveal(view == .question ? .answer(highlighted) : nil)
                return
            }
            try? run.change(step: reviewing.step, to: index)
            queue(.change(question, index: index, reaching: run.explanation))
        } else {
            guard writable() else { return }
            try? run.answer(index)
            queue(.answer(question, index: index, reaching: run.explanation))
        }
        self.run = run
        enterPosition()
    }

    /// Shows the question of `step` again, with the answer given then highlighted.
    private mutating func reopen(_ step: Int) {
        guard let run, run.steps.indices.contains(step) else { return }
        let returnHighlight = reviewing?.returnHighlight ?? highlighted
        reviewing = Review(step: step, returnHighlight: returnHighlight)
        highlighted = run.steps[step].answer
        selection = nil
        scroll = 0
        reveal(.answer(highlighted))
    }

    private mutating func backFromQuestion() {
        if case .trail? = selection {
            highlightAnswer(highlighted)
        } else if let reviewing {
            self.reviewing = nil
            highlighted = reviewing.returnHighlight
            selection = nil
            scroll = 0
            reveal(view == .question ? .answer(highlighted) : nil)
        } else if run?.steps.isEmpty ?? true {
            leaveToChooser()
        } else {
            undoLastAnswer()
        }
    }

    /// Takes back the last answer and shows its question with that answer highlighted.
    private mutating func undoLastAnswer() {
        guard var run, let last = run.steps.last, writable() else { return }
        if let item = run.trail.last { queue(.back(item.question, index: item.answerIndex)) }
        run.back()
        self.run = run
        enterPosition(highlight: last.answer)
    }

    // MARK: Result

    /// `[` and `]` step through the result's pickable lines: the answers given, then the
    /// changes that would have led elsewhere.
    private mutating func pickInResult(down: Bool) {
        let items = resultItems
        guard !items.isEmpty else { return }
        let next: Int
        if let selection, let index = items.firstIndex(of: selection) {
            next = min(max(0, index + (down ? 1 : -1)), items.count - 1)
        } else {
            next = down ? 0 : items.count - 1
        }
        select(items[next])
    }

    var resultItems: [QuestionnairePage.Item] {
        guard let run else { return [] }
        return run.steps.indices.map { .trail($0) } + (run.explanation?.alternatives.indices.map { .alternative($0) } ?? [])
    }

    private mutating func applyAlternative(_ index: Int) {
        guard var run, let alternatives = run.explanation?.alternatives, alternatives.indices.contains(index), writable() else { return }
        let alternative = alternatives[index]
        let question = run.trail[alternative.step].question
        try? run.change(step: alternative.step, to: alternative.answerIndex)
        queue(.change(question, index: alternative.answerIndex, reaching: run.explanation))
        self.run = run
        enterPosition()
    }

    // MARK: Focus and scrolling

    /// Resets what is highlighted for a new question or result.
    private mutating func enterPosition(highlight: Int = 0) {
        reviewing = nil
        selection = nil
        highlighted = highlight
        scroll = 0
        reveal(view == .question ? .answer(highlighted) : nil)
    }

    private mutating func select(_ item: QuestionnairePage.Item) {
        selection = item
        reveal(item)
    }

    /// The page as laid out for the current size (glyph widths are the same in Unicode
    /// and ASCII for everything that affects the line count).
    var page: QuestionnairePage { page(width: Self.pageWidth(areaWidth: width), glyphs: .unicode) }

    /// A margin on the left, and on the right a gap and the scrollbar's column.
    static func pageWidth(areaWidth: Int) -> Int { max(1, areaWidth - 3) }

    /// Scrolls as little as possible to show `item` (its top, if it is taller than the view).
    private mutating func reveal(_ item: QuestionnairePage.Item?) {
        let page = self.page
        if let item, let rows = page.rows(of: item) {
            if rows.upperBound > scroll + height { scroll = rows.upperBound - height }
            if rows.lowerBound < scroll { scroll = rows.lowerBound }
        }
        clampScroll(pageHeight: page.height)
    }

    private mutating func scroll(by lines: Int) {
        scroll += lines
        settleScroll()
    }

    private mutating func settleScroll() { clampScroll(pageHeight: page.height) }

    private mutating func clampScroll(pageHeight: Int) {
        scroll = min(max(0, scroll), max(0, pageHeight - height))
    }

    // MARK: Mouse

    /// A click picks what is under it; a click on what is already picked acts on it
    /// (answers it, starts it, revisits it, tries it). The wheel scrolls.
    private mutating func click(_ mouse: MouseEvent) -> ScreenResult {
        if mouse.kind != .press {
            scroll(by: mouse.kind == .wheelDown ? 3 : -3)
            return .handled
        }
        guard let item = page.item(atRow: scroll + mouse.y) else { return .handled }
        switch item {
        case .questionnaire(let index):
            if chosen == index { start(questionnaire: catalog.questionnaires[index].id) } else { choose(index) }
        case .answer(let index):
            if highlighted == index && selection == nil { answer(index) } else { highlightAnswer(index) }
        case .trail(let step):
            if selection == item { reopen(step) } else { select(item) }
        case .alternative(let index):
            if selection == item { applyAlternative(index) } else { select(item) }
        }
        return .handled
    }

    // MARK: Render

    public func render(into buffer: inout Buffer, area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area)
        let page = page(width: Self.pageWidth(areaWidth: area.width), glyphs: buffer.glyphs)
        let lines = page.lines.map(\.text)
        let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 1), height: area.height)
        Viewport(lines).render(into: &buffer, area: inner, state: ViewportState(offset: scroll))
        if let editor { editor.render(into: &buffer, row: Rect(x: area.x, y: area.bottom - 1, width: area.width, height: 1)) }
        if let noteEditor { noteEditor.render(into: &buffer, area: area, saveKey: Self.saveKey) }
    }
}
