import Foundation
import StsimSession
import XCTest

/// `edit` with `EDITOR` set to small shell scripts that change the file with sed, as a person would.
final class EditTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stsim-edit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        unsetenv("EDITOR")
        try? FileManager.default.removeItem(at: directory)
    }

    /// An editor: a shell script whose body sees the file as "$1".
    private func editor(_ body: String) throws {
        let path = directory.appendingPathComponent("editor-\(UUID().uuidString).sh").path
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        setenv("EDITOR", path, 1)
    }

    private func sessionWithWeb() -> (Session, CapturedOutput) {
        let out = CapturedOutput()
        let s = Session(output: out)
        XCTAssertTrue(s.runInteractive("create sts web --image nginx", interrupted: { false }))
        return (s, out)
    }

    func testAnEditIsAppliedAndConfirmed() throws {
        let (s, out) = sessionWithWeb()
        // The first `replicas: 1` in the file is spec's (spec comes before status).
        try editor("sed -i '0,/replicas: 1/s//replicas: 2/' \"$1\"")
        XCTAssertTrue(s.runInteractive("edit sts web", interrupted: { false }))
        XCTAssertTrue(out.text.contains("statefulset.apps/web edited\n"), out.text)
        XCTAssertTrue(s.runInteractive("expect count pods == 2", interrupted: { false }))
        XCTAssertFalse(out.text.contains("expectation failed"), out.text)
    }

    func testSavingUnchangedCancels() throws {
        let (s, out) = sessionWithWeb()
        try editor("true")
        XCTAssertTrue(s.runInteractive("edit sts web", interrupted: { false }))
        XCTAssertTrue(out.text.hasSuffix("Edit cancelled, no changes made.\n"), out.text)
    }

    func testAnInvalidEditReopensWithTheErrorsAsComments() throws {
        let (s, out) = sessionWithWeb()
        let seen = directory.appendingPathComponent("seen.yaml").path
        try editor(
            """
            if grep -q 'was not valid' "$1"; then
              cp "$1" '\(seen)'
              sed -i 's/replicas: -1/replicas: 3/' "$1"
            else
              sed -i '0,/replicas: 1/s//replicas: -1/' "$1"
            fi
            """)
        XCTAssertTrue(s.runInteractive("edit sts web", interrupted: { false }))
        XCTAssertTrue(out.text.contains("statefulset.apps/web edited\n"), out.text)
        let reopened = try String(contentsOfFile: seen, encoding: .utf8)
        XCTAssertTrue(
            reopened.hasPrefix(
                """
                # Please edit the object below. Lines beginning with a '#' will be ignored,
                # and an empty file will abort the edit. If an error occurs while saving this file will be
                # reopened with the relevant failures.
                #
                # statefulsets.apps "web" was not valid:
                # * spec.replicas: Invalid value: -1: must be greater than or equal to 0
                """), reopened)
        XCTAssertTrue(reopened.contains("\napiVersion: apps/v1\n"), reopened)
    }

    func testAnImmutableFieldReopensAndGivingUpSavesNothing() throws {
        let (s, out) = sessionWithWeb()
        try editor("grep -q 'was not valid' \"$1\" || sed -i 's/serviceName: web/serviceName: other/' \"$1\"")
        XCTAssertTrue(s.runInteractive("edit sts web", interrupted: { false }))
        XCTAssertTrue(out.text.contains("Edit cancelled, no valid changes were saved."), out.text)
    }

    func testAScriptEditsWithAHereDocumentNotAnEditor() {
        let out = CapturedOutput()
        let s = Session(output: out)
        XCTAssertEqual(s.runScript("create sts web --image nginx\nedit sts web", file: "t.sts"), 1)
        XCTAssertTrue(out.text.contains("t.sts:2:1: error: edit opens an editor, and a script has none"), out.text)
        XCTAssertTrue(out.text.contains("edit sts web <<EOF"), out.text)
    }
}
