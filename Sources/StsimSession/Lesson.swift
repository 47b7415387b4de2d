import StsimEngine

/// Commands or text from a lesson file, with the line its first line is on (so a command's
/// errors point into the lesson file). Command lines keep their indentation, so columns match too.
public struct LessonBlock: Sendable, Hashable {
    public var text: String
    public var firstLine: Int
    public var location: SourceLocation
    /// The block as prose: the indentation taken off, blank lines kept.
    public var prose: String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }
            .joined(separator: "\n")
            .trimmingTrailingNewlines
    }
}

public struct LessonStep: Sendable {
    public var title: String
    public var location: SourceLocation
    public var task: LessonBlock?
    public var setup: LessonBlock?
    public var check: LessonBlock?
    public var hints: [String] = []
    public var solution: LessonBlock?
}

/// One lesson, as its file says: a title, an introduction, an optional setup (commands run before
/// the first step) and steps, each with a task, checks in the command language, hints in order
/// and a solution. docs/lessons.md describes the format.
public struct Lesson: Sendable {
    public var name: String
    public var file: String
    public var title = ""
    public var intro: LessonBlock?
    public var setup: LessonBlock?
    public var steps: [LessonStep] = []
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}
