import StsimEngine
import StsimLanguage

/// Lessons at the prompt: the task, the checks after every command, hints, the solution, progress.
extension Session {
    func lesson(_ action: LessonAction) throws {
        if case .list = action { return try listLessons() }
        if case .start(let name) = action { return try startLesson(named: name) }
        if case .overview = action { return try lessonOverview() }
        guard var run = lessonRun, !run.finished else {
            throw SessionError("no lesson is under way", hint: "lesson list shows them; lesson start NAME begins one")
        }
        let step = run.lesson.steps[run.step]
        switch action {
        case .hint:
            guard run.hintsShown < step.hints.count else {
                printer.line(
                    step.hints.isEmpty
                        ? "this step has no hints; solution shows the answer"
                        : "no more hints; solution shows the answer")
                return
            }
            run.hintsShown += 1
            printer.line("hint \(run.hintsShown) of \(step.hints.count): \(step.hints[run.hintsShown - 1])")
            lessonRun = run
        case .solution:
            printer.line("a solution to step \(run.step + 1):")
            printer.block(step.solution?.prose ?? "")
        case .skip:
            printer.line("skipped step \(run.step + 1): \(step.title)")
            lessonRun?.step += 1
            beginStep()
        case .restart: startLesson(run.lesson)
        case .stop:
            lessonRun = nil
            stepScope = nil
            printer.line("left the lesson \(run.lesson.name); lesson start \(run.lesson.name) picks it up again")
        default: break
        }
    }

    private func listLessons() throws {
        let library = try requireLibrary()
        let progress = library.progress()
        for name in library.lessonNames() {
            guard let lesson = loadLesson(name, library) else { continue }
            let done = min(progress[name] ?? 0, lesson.steps.count)
            let mark = done == lesson.steps.count ? "done" : done == 0 ? "    " : "\(done)/\(lesson.steps.count)"
            printer.line("\(mark.padding(4))  \(name.padding(22))  \(lesson.title)")
        }
    }

    private func lessonOverview() throws {
        if let run = lessonRun, !run.finished {
            printer.line(
                "lesson \(run.lesson.name), step \(run.step + 1) of \(run.lesson.steps.count): \(run.lesson.steps[run.step].title)"
            )
            printer.block(run.lesson.steps[run.step].task?.prose ?? "")
            let (passed, errors) = stepChecksPass()
            if !passed { printer.block("not yet:\n" + errors.joined()) }
            return
        }
        let library = try requireLibrary()
        let progress = library.progress()
        for name in library.lessonNames() {
            guard let lesson = loadLesson(name, library), (progress[name] ?? 0) < lesson.steps.count else { continue }
            printer.line("next: \(lesson.title); type: lesson start \(name)   (lesson list shows them all)")
            return
        }
        printer.line("every lesson is done; lesson list shows them, lesson start NAME repeats one")
    }

    private func requireLibrary() throws -> LessonLibrary {
        guard let library = lessonLibrary else {
            throw SessionError(
                "no lessons are installed with this stsim",
                hint: "set STSIM_LESSONS to a folder of .lesson files, such as the repository's lessons/")
        }
        return library
    }

    private func loadLesson(_ name: String, _ library: LessonLibrary) -> Lesson? {
        guard let (text, file) = library.lessonText(name) else { return nil }
        return try? LessonParser.parse(text, file: file, name: name)
    }

    private func startLesson(named name: Argument) throws {
        let library = try requireLibrary()
        guard let (text, file) = library.lessonText(name.text) else {
            throw Diagnostic(
                at: name.location, "no lesson named \"\(name.text)\"",
                hint: Suggestion.hint(for: name.text, in: library.lessonNames()) ?? "lesson list shows them")
        }
        startLesson(try LessonParser.parse(text, file: file, name: name.text))
    }

    /// A fresh cluster, the lesson's setup (quietly), the introduction and the first task.
    func startLesson(_ lesson: Lesson) {
        cluster = Session.makeCluster(options)
        watchFormatter.reset()
        _ = discardChanges()
        forgetHistoryScopes()
        lessonRun = LessonRun(lesson: lesson)
        remember(source: lesson.source, as: lesson.file, firstLine: 1)
        printer.line("lesson \(lesson.name): \(lesson.title)")
        if let intro = lesson.intro { printer.block(intro.prose) }
        if let setup = lesson.setup { reportSetup(runQuietly(setup, file: lesson.file)) }
        beginStep()
    }

    /// Runs the step's setup and shows its task; after the last step, says the lesson is done.
    func beginStep() {
        guard let run = lessonRun else { return }
        lessonLibrary?.recordProgress(run.lesson.name, stepsPassed: run.step)
        guard !run.finished else {
            printer.line("lesson \(run.lesson.name) finished: all \(run.lesson.steps.count) steps done")
            // The finished run stays (grading reads when each step passed); nothing checks it.
            stepScope = nil
            return
        }
        let step = run.lesson.steps[run.step]
        if let setup = step.setup { reportSetup(runQuietly(setup, file: run.lesson.file)) }
        stepScope = HistoryScope.now(cluster, name: "the start of the step")
        printer.line("")
        printer.line("step \(run.step + 1) of \(run.lesson.steps.count): \(step.title)")
        if let task = step.task { printer.block(task.prose) }
        printer.line("(hint, solution, skip, restart; lesson shows the task again)")
    }

    private func reportSetup(_ result: (ok: Bool, errors: [String])) {
        guard !result.ok else { return }
        lessonRun?.setupErrors += result.errors
        printer.block("the lesson's setup failed:\n" + result.errors.joined())
    }

    /// After each command of the learner: a met step prints its pass line and the next task.
    func lessonAfterCommand() {
        guard lessonBlockDepth == 0, let run = lessonRun, !run.finished else { return }
        guard stepChecksPass().passed else { return }
        printer.line("✓ step \(run.step + 1) passed: \(run.lesson.steps[run.step].title) (at \(cluster.now))")
        lessonRun?.step += 1
        lessonRun?.hintsShown = 0
        lessonRun?.passedAt.append(cluster.now)
        beginStep()
    }

    func stepChecksPass() -> (passed: Bool, errors: [String]) {
        guard let run = lessonRun, !run.finished, let check = run.lesson.steps[run.step].check else {
            return (false, [])
        }
        let (ok, errors) = runQuietly(check, file: run.lesson.file)
        return (ok, errors)
    }

    /// Runs a lesson's block with nothing printed; its errors and failed checks are returned.
    func runQuietly(_ block: LessonBlock, file: String) -> (ok: Bool, errors: [String]) {
        // The learner's `expect output` and `expect within` must not see the lesson's own commands.
        let learner = (previousOutput, previousCommandStart)
        defer { (previousOutput, previousCommandStart) = learner }
        let saved = (printer.quiet, interactive, options.echo, options.keepGoing)
        printer.quiet = []
        interactive = false
        options.echo = false
        options.keepGoing = false
        lessonBlockDepth += 1
        defer {
            lessonBlockDepth -= 1
            (printer.quiet, interactive, options.echo, options.keepGoing) = saved
        }
        let outcome = runText(block.text, file: file, firstLine: block.firstLine, indent: LessonBlock.indent)
        return (outcome == .ok, printer.quiet ?? [])
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
