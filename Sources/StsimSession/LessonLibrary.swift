import StsimEngine

/// Where lessons and a learner's progress live: the executable reads the `lessons/` folder and
/// keeps progress in `$XDG_STATE_HOME/stsim/progress.json`; the session only asks.
public protocol LessonLibrary: AnyObject {
    /// Lesson names in the order they are taught.
    func lessonNames() -> [String]
    /// The lesson's text and the file name its errors should give.
    func lessonText(_ name: String) -> (text: String, file: String)?
    /// Steps passed so far, by lesson name.
    func progress() -> [String: Int]
    func recordProgress(_ name: String, stepsPassed: Int)
}

/// A lesson under way: which step, how many hints were shown.
struct LessonRun {
    var lesson: Lesson
    var step = 0
    var hintsShown = 0
    /// When each passed step passed (grading reports it).
    var passedAt: [VirtualTime] = []
    /// What the lesson's own setups reported when they failed (`lesson check` names them).
    var setupErrors: [String] = []
    var finished: Bool { step >= lesson.steps.count }
}
