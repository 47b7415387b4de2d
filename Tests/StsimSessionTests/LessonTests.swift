import StsimSession
import XCTest

/// The lesson format, `lesson check` and `lesson grade`, as a teacher and a learner see them.
final class LessonTests: XCTestCase {
    private let lesson = """
        title: Two pods
        intro:
          Create two pods in order.
        step: Create them
        task:
          Create sts web with 2 replicas.
        check:
          expect pod web-1 Ready
          expect order ready pod/web-0 < created pod/web-1
        hint: create sts NAME --image IMG --replicas N
        solution:
          create sts web --image kubia --replicas 2
        """

    private func run(_ body: (Session) -> Int32) -> (Int32, String) {
        let out = CapturedOutput()
        let status = body(Session(output: out))
        return (status, out.text)
    }

    func testCheckRunsTheSolutionAndPasses() {
        let (status, text) = run { $0.checkLesson(lesson, file: "two.lesson", name: "two") }
        XCTAssertEqual(status, 0, text)
        XCTAssertEqual(text, "two.lesson: 1 step; each solution passes its checks, which fail before it\n")
    }

    func testAnUnknownKeyIsLocated() {
        let broken = lesson.replacingOccurrences(of: "hint:", with: "hnit:")
        let (status, text) = run { $0.checkLesson(broken, file: "two.lesson", name: "two") }
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("two.lesson:10:1: error: unknown key \"hnit\""), text)
        XCTAssertTrue(text.contains("did you mean"), text)
    }

    func testABadCommandInASolutionIsLocatedInTheLessonFile() {
        let broken = lesson.replacingOccurrences(of: "--replicas 2", with: "--replicas two")
        let (status, text) = run { $0.checkLesson(broken, file: "two.lesson", name: "two") }
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("two.lesson:12:43: error: --replicas must be a whole number"), text)
    }

    func testChecksThatCannotFailAreRefused() {
        let weak = lesson.replacingOccurrences(of: "expect pod web-1 Ready", with: "expect never deleted pod/web-0")
            .replacingOccurrences(of: "  expect order ready pod/web-0 < created pod/web-1\n", with: "")
        let (status, text) = run { $0.checkLesson(weak, file: "two.lesson", name: "two") }
        XCTAssertEqual(status, 1)
        XCTAssertTrue(
            text.contains("two.lesson:7:1: step 1 \"Create them\": its checks pass before its solution"), text)
    }

    func testAStepWithoutASolutionIsLocated() {
        let broken = lesson.components(separatedBy: "solution:")[0]
        let (status, text) = run { $0.checkLesson(broken, file: "two.lesson", name: "two") }
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("two.lesson:4:1: error: step \"Create them\" has no solution:"), text)
    }

    func testGradeFailsAWrongOrderWithTheHistory() {
        // Parallel creates web-1 before web-0 is Ready: the order check fails and says when.
        let script = "create sts web --image kubia --replicas 2 --policy Parallel\n"
        let (status, text) = run {
            $0.gradeLesson(lesson, file: "two.lesson", name: "two", script: script, scriptFile: "learner.sts")
        }
        XCTAssertEqual(status, 1)
        XCTAssertTrue(text.contains("step 1 FAILED: Create them"), text)
        XCTAssertTrue(text.contains("two.lesson:9:3: expectation failed: created pod/web-1"), text)
        XCTAssertTrue(text.contains("pod/web-1 created, Pending"), text)
        XCTAssertTrue(text.hasSuffix("two: 0 of 1 steps passed\n"), text)
    }

    func testGradePassesTheSolution() {
        let script = "create sts web --image kubia --replicas 2\n"
        let (status, text) = run {
            $0.gradeLesson(lesson, file: "two.lesson", name: "two", script: script, scriptFile: "learner.sts")
        }
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.hasPrefix("step 1 passed at 00:00:"), text)
        XCTAssertTrue(text.hasSuffix("two: 1 of 1 steps passed\n"), text)
    }

    /// The chapter's trap, graded on the shipped lesson: a force delete while node-2 is only cut
    /// off gives a second web-1 once the volume is force-detached, and the step must fail.
    func testGradeFailsAForceDeleteOfAPodWhoseNodeStillRunsIt() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../lessons/06-node-failure.lesson").standardized.path
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let wrong = "partition node-2\nsettle\ndelete pod web-1 --force --grace-period 0\nsettle\n"
        let (status, out) = run {
            $0.gradeLesson(text, file: "06-node-failure.lesson", name: "node-failure", script: wrong, scriptFile: "l.sts")
        }
        XCTAssertEqual(status, 1, out)
        XCTAssertTrue(out.contains("step 2 FAILED: Replace web-1 without ever running two"), out)
        XCTAssertTrue(out.contains("two copies of pod/web-1 ran at once"), out)
        let right = "partition node-2\nsettle\ncrash node-2\ndelete pod web-1 --force --grace-period 0\nsettle\n"
        let (ok, passed) = run {
            $0.gradeLesson(text, file: "06-node-failure.lesson", name: "node-failure", script: right, scriptFile: "l.sts")
        }
        XCTAssertEqual(ok, 0, passed)
    }
}
