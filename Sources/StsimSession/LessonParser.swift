import StsimEngine

/// Reads a lesson file. The format is line-based: a key at the start of a line (`title:`,
/// `intro:`, `setup:`, `step:`, `task:`, `check:`, `hint:`, `solution:`), its text after the colon
/// or in the lines below it indented by two spaces; `#` at the start of a line is a comment. Keys
/// after a `step:` belong to that step. Every error is located (FILE:LINE:COL).
public enum LessonParser {
    static let blockKeys = ["intro", "setup", "task", "check", "solution"]
    static let lineKeys = ["title", "step", "hint"]

    public static func parse(_ text: String, file: String, name: String) throws(Diagnostic) -> Lesson {
        var lesson = Lesson(name: name, file: file)
        lesson.source = text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let number = i + 1
            i += 1
            if line.trimmingTrailingNewlines.isEmpty || line.hasPrefix("#") { continue }
            let at = SourceLocation(file: file, line: number, column: 1)
            guard !line.hasPrefix(" "), let colon = line.firstIndex(of: ":") else {
                throw Diagnostic(
                    at: at, "expected a key such as \"step:\" at the start of the line",
                    hint: "a block's lines are indented by two spaces under its key")
            }
            let key = String(line[..<colon])
            let inline = String(line[line.index(after: colon)...]).drop { $0 == " " }
            if lineKeys.contains(key) {
                guard !inline.isEmpty else { throw Diagnostic(at: at, "\(key): needs its text on the same line") }
                try take(key, line: String(inline), at: at, into: &lesson)
                continue
            }
            guard blockKeys.contains(key) else {
                throw Diagnostic(
                    at: at, "unknown key \"\(key)\"",
                    hint: Suggestion.hint(for: key, in: blockKeys + lineKeys)
                        ?? "the keys: title, intro, setup, step, task, check, hint, solution")
            }
            var body: [String] = []
            if !inline.isEmpty { body.append(String(repeating: " ", count: key.count) + inline) }
            let first = inline.isEmpty ? number + 1 : number
            while i < lines.count, lines[i].hasPrefix("  ") || lines[i].trimmingTrailingNewlines.isEmpty {
                body.append(String(lines[i].dropFirst(LessonBlock.indent)))
                i += 1
            }
            while body.last?.trimmingTrailingNewlines.isEmpty == true { body.removeLast() }
            guard !body.isEmpty else { throw Diagnostic(at: at, "\(key): is empty") }
            try take(
                key, block: LessonBlock(text: body.joined(separator: "\n"), firstLine: first, location: at),
                into: &lesson)
        }
        try validate(lesson, file: file)
        return lesson
    }

    private static func take(_ key: String, line: String, at: SourceLocation, into lesson: inout Lesson)
        throws(Diagnostic)
    {
        switch key {
        case "title": lesson.title = line
        case "step": lesson.steps.append(LessonStep(title: line, location: at))
        default:
            guard !lesson.steps.isEmpty else {
                throw Diagnostic(at: at, "hint: belongs to a step; put a step: line before it")
            }
            lesson.steps[lesson.steps.count - 1].hints.append(line)
        }
    }

    private static func take(_ key: String, block: LessonBlock, into lesson: inout Lesson) throws(Diagnostic) {
        if lesson.steps.isEmpty {
            switch key {
            case "intro": lesson.intro = block
            case "setup": lesson.setup = block
            default: throw Diagnostic(at: block.location, "\(key): belongs to a step; put a step: line before it")
            }
            return
        }
        let fields: [String: WritableKeyPath<LessonStep, LessonBlock?>] = [
            "task": \.task, "setup": \.setup, "check": \.check, "solution": \.solution,
        ]
        guard let field = fields[key] else {
            throw Diagnostic(at: block.location, "intro: comes before the first step")
        }
        let n = lesson.steps.count - 1
        let already = lesson.steps[n][keyPath: field] != nil
        lesson.steps[n][keyPath: field] = block
        if already { throw Diagnostic(at: block.location, "this step already has a \(key):") }
    }

    private static func validate(_ lesson: Lesson, file: String) throws(Diagnostic) {
        let top = SourceLocation(file: file, line: 1, column: 1)
        if lesson.title.isEmpty { throw Diagnostic(at: top, "the lesson has no title: line") }
        if lesson.steps.isEmpty { throw Diagnostic(at: top, "the lesson has no step: lines") }
        for step in lesson.steps {
            for (key, block) in [("task", step.task), ("check", step.check), ("solution", step.solution)]
            where block == nil {
                throw Diagnostic(at: step.location, "step \"\(step.title)\" has no \(key):")
            }
        }
    }
}
