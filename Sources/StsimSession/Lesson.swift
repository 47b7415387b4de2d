import StsimEngine

/// Commands or text from a lesson file, its two-space indentation taken off (so a here-document
/// reads as it would in a script), with the line its first line is on: a command's errors point
/// into the lesson file, columns too (`LessonBlock.indent`).
public struct LessonBlock: Sendable, Hashable {
    public static let indent = 2
    public var text: String
    public var firstLine: Int
    public var location: SourceLocation
    public var prose: String { text.trimmingTrailingNewlines }
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
    /// The file's text, for diagnostics that show the offending line.
    public var source = ""
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" || s.last == " " { s.removeLast() }
        return s
    }
}
