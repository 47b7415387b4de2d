import StsimSession
import XCTest

/// A lesson at the prompt: start, hint, the pass line after the command that meets the step,
/// progress handed to the library, and `lesson` suggesting what is next.
final class LessonPromptTests: XCTestCase {
    private final class Library: LessonLibrary {
        var saved: [String: Int] = [:]
        let text = """
            title: One pod
            step: Create it
            task:
              Create sts web with 1 replica.
            check:
              expect pod web-0 Ready
            hint: create sts web --image kubia
            solution:
              create sts web --image kubia
            """
        func lessonNames() -> [String] { ["one"] }
        func lessonText(_ name: String) -> (text: String, file: String)? { name == "one" ? (text, "one.lesson") : nil }
        func progress() -> [String: Int] { saved }
        func recordProgress(_ name: String, stepsPassed: Int) { saved[name] = stepsPassed }
    }

    func testALessonFromStartToFinish() {
        let out = CapturedOutput()
        let session = Session(output: out)
        let library = Library()
        session.lessonLibrary = library
        func type(_ line: String) -> String {
            let before = out.text.count
            XCTAssertTrue(session.runInteractive(line, interrupted: { false }))
            return String(out.text.dropFirst(before))
        }
        XCTAssertEqual(type("lesson"), "next: One pod; type: lesson start one   (lesson list shows them all)\n")
        XCTAssertTrue(type("lesson start one").contains("step 1 of 1: Create it\nCreate sts web with 1 replica.\n"))
        XCTAssertEqual(type("hint"), "hint 1 of 1: create sts web --image kubia\n")
        let passed = type("create sts web --image kubia")
        XCTAssertTrue(passed.contains("✓ step 1 passed: Create it (at 00:00:"), passed)
        XCTAssertTrue(passed.hasSuffix("lesson one finished: all 1 steps done\n"), passed)
        XCTAssertEqual(library.saved["one"], 1)
        XCTAssertEqual(type("lesson"), "every lesson is done; lesson list shows them, lesson start NAME repeats one\n")
        XCTAssertEqual(type("lesson list"), "done  one                     One pod\n")
    }

    func testNoLessonUnderWayIsAClearError() {
        let out = CapturedOutput()
        let session = Session(output: out)
        session.lessonLibrary = Library()
        _ = session.runInteractive("hint", interrupted: { false })
        XCTAssertTrue(out.text.contains("no lesson is under way"), out.text)
    }
}
