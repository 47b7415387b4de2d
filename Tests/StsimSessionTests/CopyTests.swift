import Foundation
import XCTest

@testable import StsimSession

/// `cp` between the host and a container, both ways, files and folders, with kubectl's and tar's
/// words for what goes wrong.
final class CopyTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "stsim-cp-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/site/sub", withIntermediateDirectories: true)
        try "hello\n".write(toFile: directory + "/page.html", atomically: true, encoding: .utf8)
        try "a\n".write(toFile: directory + "/site/a.html", atomically: true, encoding: .utf8)
        try "b\n".write(toFile: directory + "/site/sub/b.html", atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: directory) }

    private func run(_ lines: [String]) -> (Session, String) {
        let out = CapturedOutput()
        var options = Session.Options()
        options.allowHostFiles = true
        let s = Session(options: options, output: out)
        for l in ["create sts web --image nginx --replicas 1 --storage 1Mi"] + lines {
            _ = s.runScript(l.replacingOccurrences(of: "DIR", with: directory), file: "t.sts")
        }
        return (s, out.text)
    }

    private func read(_ path: String) -> String? { try? String(contentsOfFile: directory + path, encoding: .utf8) }

    func testAFileGoesInAndComesBack() {
        let (_, text) = run([
            "cp DIR/page.html web-0:/usr/share/nginx/html/index.html",
            "exec web-0 -- cat /usr/share/nginx/html/index.html",
            "cp web-0:/usr/share/nginx/html/index.html DIR/back.html",
        ])
        XCTAssertTrue(text.contains("hello\n"), text)
        XCTAssertTrue(text.contains("tar: Removing leading `/' from member names"), text)
        XCTAssertEqual(read("/back.html"), "hello\n")
    }

    func testFoldersAreCopiedWhole() {
        let (_, text) = run([
            "cp DIR/site web-0:/usr/share/nginx/html/site",
            "exec web-0 -- cat /usr/share/nginx/html/site/sub/b.html",
            "cp web-0:/usr/share/nginx/html/site DIR/copied",
        ])
        XCTAssertTrue(text.contains("b\n"), text)
        XCTAssertEqual(read("/copied/a.html"), "a\n")
        XCTAssertEqual(read("/copied/sub/b.html"), "b\n")
    }

    func testAFileOntoAnExistingFolderFailsAsKubectlDoes() {
        let (_, text) = run(["cp web-0:/etc/hostname DIR/site"])
        XCTAssertTrue(text.contains("error: open \(directory)/site: is a directory"), text)
    }

    func testHostFilesOutsideTheScriptsFolderNeedThePermission() {
        let out = CapturedOutput()
        let s = Session(output: out)
        _ = s.runScript("create sts web --image nginx --replicas 1", file: "t.sts")
        XCTAssertEqual(s.runScript("cp web-0:/etc/hostname \(directory)/x", file: "t.sts"), 1)
        XCTAssertTrue(out.text.contains("--allow-host-files"), out.text)
        XCTAssertNil(read("/x"))
    }
}
