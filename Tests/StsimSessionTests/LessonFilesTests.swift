import Foundation
import StsimSession
import XCTest

/// A lesson's own commands use files beside the lesson wherever stsim was started (a lesson may
/// start from a saved state), and never files outside its folder, even with --allow-host-files.
final class LessonFilesTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "stsim-lesson-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/lesson", withIntermediateDirectories: true)
        var options = Session.Options()
        options.allowHostFiles = true
        let s = Session(options: options, output: CapturedOutput())
        let saved = s.runScript(
            "create sts web --image kubia --replicas 2\nsettle\nsave \(directory)/lesson/start.json", file: "<test>")
        XCTAssertEqual(saved, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    private func lesson(loading file: String) -> String {
        """
        title: From a saved state
        setup:
          load \(file)
        step: One more
        task:
          Scale web to 3.
        check:
          expect pod web-2 Ready
        solution:
          scale sts web 3
        """
    }

    private func check(_ text: String, allowHostFiles: Bool = false) -> (Int32, String) {
        var options = Session.Options()
        options.allowHostFiles = allowHostFiles
        let out = CapturedOutput()
        let status = Session(options: options, output: out)
            .checkLesson(text, file: directory + "/lesson/from-state.lesson", name: "from-state")
        return (status, out.text)
    }

    func testALessonStartsFromAStateSavedBesideIt() {
        // The working directory is not the lesson's folder: the name resolves beside the lesson.
        XCTAssertNotEqual(FileManager.default.currentDirectoryPath, directory + "/lesson")
        let (status, text) = check(lesson(loading: "start.json"))
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("1 step; each solution passes its checks"), text)
    }

    func testALessonMayNotLeaveItsFolderEvenWithAllowHostFiles() throws {
        try "{}".write(toFile: directory + "/outside.json", atomically: true, encoding: .utf8)
        let (status, text) = check(lesson(loading: "../outside.json"), allowHostFiles: true)
        XCTAssertEqual(status, 1, text)
        XCTAssertTrue(text.contains("the lesson's setup failed"), text)
        XCTAssertTrue(
            text.contains(
                "from-state.lesson:3:8: error: \"../outside.json\" is outside the lesson's folder, where a lesson may use host files"
            ), text)
    }

    func testAFailedSetupFailsTheCheck() {
        let (status, text) = check(lesson(loading: "missing.json"))
        XCTAssertEqual(status, 1, text)
        XCTAssertTrue(text.contains("error: no such file: \"\(directory)/lesson/missing.json\""), text)
    }
}
