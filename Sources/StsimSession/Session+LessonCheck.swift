import StsimEngine
import StsimLanguage

/// `stsim lesson check FILE` (a teacher's proof that the lesson works) and `stsim lesson grade
/// NAME SCRIPT` (a learner's script judged step by step, for CI).
extension Session {
    /// Validates the file (located errors), then runs each step's solution and requires that its
    /// checks fail before it and pass after it. Exit 0 when every step does.
    public func checkLesson(_ text: String, file: String, name: String) -> Int32 {
        remember(source: text, as: file, firstLine: 1)
        guard let lesson = parseLesson(text, file: file, name: name), commandsParse(lesson) else { return 1 }
        printer.quiet = []
        startLesson(lesson)
        var problems: [String] = []
        for (i, step) in lesson.steps.enumerated() {
            if let errors = lessonRun?.setupErrors, !errors.isEmpty {
                problems.append("\(file): the lesson's setup failed\n" + errors.joined())
                break
            }
            guard lessonRun?.step == i, let check = step.check, let solution = step.solution else { break }
            let title = "step \(i + 1) \"\(step.title)\""
            if stepChecksPass().passed {
                problems.append(
                    "\(check.location): \(title): its checks pass before its solution runs, so they cannot fail\n")
                break
            }
            printer.quiet = []
            let outcome = runText(solution.text, file: file, firstLine: solution.firstLine, indent: LessonBlock.indent)
            let errors = printer.quiet ?? []
            if lessonRun?.step == i {
                let why = outcome == .failed ? errors : stepChecksPass().errors
                problems.append(
                    "\(solution.location): \(title): the solution does not pass its checks\n" + why.joined())
                break
            }
        }
        printer.quiet = nil
        lessonRun = nil
        stepScope = nil
        for p in problems { printer.block(p) }
        guard problems.isEmpty else { return 1 }
        printer.line(
            "\(file): \(lesson.steps.count) step\(lesson.steps.count == 1 ? "" : "s"); each solution passes its checks, which fail before it"
        )
        return 0
    }

    /// Runs the learner's script in the lesson (after its setup), checking after every command as
    /// at the prompt; prints each step's verdict and a total. Exit 0 only when all pass.
    public func gradeLesson(_ text: String, file: String, name: String, script: String, scriptFile: String) -> Int32 {
        remember(source: text, as: file, firstLine: 1)
        guard let lesson = parseLesson(text, file: file, name: name) else { return 1 }
        printer.quiet = []
        startLesson(lesson)
        options.keepGoing = true
        _ = runText(script, file: scriptFile, firstLine: 1)
        let run = lessonRun ?? LessonRun(lesson: lesson, step: lesson.steps.count, passedAt: [])
        let failing = run.finished ? [] : stepChecksPass().errors
        printer.quiet = nil
        lessonRun = nil
        stepScope = nil
        let passed = run.passedAt.count
        for (i, step) in lesson.steps.enumerated() {
            if i < passed {
                printer.line("step \(i + 1) passed at \(run.passedAt[i]): \(step.title)")
            } else if i == run.step {
                printer.line("step \(i + 1) FAILED: \(step.title)")
                printer.block(failing.joined())
            } else {
                printer.line("step \(i + 1) not reached: \(step.title)")
            }
        }
        printer.line("\(name): \(passed) of \(lesson.steps.count) steps passed")
        return passed == lesson.steps.count ? 0 : 1
    }

    private func parseLesson(_ text: String, file: String, name: String) -> Lesson? {
        do {
            return try LessonParser.parse(text, file: file, name: name)
        } catch {
            report(error)
            return nil
        }
    }

    /// Every command in the lesson parses (a typo in a solution is found before anything runs).
    private func commandsParse(_ lesson: Lesson) -> Bool {
        var blocks = [lesson.setup].compactMap { $0 }
        for s in lesson.steps { blocks += [s.setup, s.check, s.solution].compactMap { $0 } }
        var ok = true
        for block in blocks {
            for item in Lexer.lex(block.text, file: lesson.file, firstLine: block.firstLine, indent: LessonBlock.indent)
            {
                switch item {
                case .error(let d, _):
                    report(d)
                    ok = false
                case .command(let c):
                    do { _ = try Parser.parse(c, variables: variables) } catch {
                        report(error)
                        ok = false
                    }
                case .loop(let loop):
                    do {
                        for c in try loop.commands(variables: variables) {
                            _ = try Parser.parse(c, variables: variables)
                        }
                    } catch {
                        report(error)
                        ok = false
                    }
                }
            }
        }
        return ok
    }
}
