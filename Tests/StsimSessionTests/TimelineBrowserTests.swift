import Foundation
import StsimSession
import XCTest

/// The page `timeline --html` writes, rendered by a real browser (Debian's chromium, headless;
/// scripts/test installs it when missing): the screenshot has the lanes' colours where the
/// phases of the chapter's section 10.5 are.
final class TimelineBrowserTests: XCTestCase {
    /// TimelinePhase's colours: node link cut while the API says Ready, then NotReady; a pod
    /// Running and Ready; Terminating; a copy running unseen.
    static let cut = "#9fd3f0"
    static let notReadyCut = "#9e2a2a"
    static let ready = "#27ae60"
    static let terminating = "#9b51e0"
    static let unseen = "#e84393"

    func testScreenshotShowsTheLanesInTheirColours() throws {
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { throw XCTSkip("chromium is not installed (scripts/test installs it)") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-browser-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("timeline.html")
        let shot = folder.appendingPathComponent("shot.png")
        var options = Session.Options()
        options.allowHostFiles = true
        let session = Session(options: options, output: CapturedOutput())
        let script = """
            create sts web --image nginx --replicas 2
            mode step
            partition node-1
            tick 6m
            settle
            delete pod web-0 --force --grace-period 0
            settle
            tick 30s
            heal node-1
            settle
            timeline --html \(page.path)
            """
        XCTAssertEqual(session.runScript(script, file: "t.sts"), 0)
        try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=1300,500", "--screenshot=\(shot.path)", page.absoluteString,
            ])
        let colours = [Self.cut, Self.notReadyCut, Self.ready, Self.terminating, Self.unseen]
        let report = try run("/usr/bin/env", ["python3", Self.script, shot.path] + colours)
        var runs: [String: (count: Int, x0: Int, x1: Int, y: Int)] = [:]
        for line in report.split(separator: "\n").dropFirst() {
            let f = line.split(separator: " ").map(String.init)
            runs[f[0]] = (Int(f[1])!, Int(f[2])!, Int(f[3])!, Int(f[4])!)
        }
        for c in colours { XCTAssertGreaterThan(runs[c]?.count ?? 0, 100, "\(c) is not in the screenshot") }
        let cut = try XCTUnwrap(runs[Self.cut])
        let notReady = try XCTUnwrap(runs[Self.notReadyCut])
        let ready = try XCTUnwrap(runs[Self.ready])
        let terminating = try XCTUnwrap(runs[Self.terminating])
        let unseen = try XCTUnwrap(runs[Self.unseen])
        // In time, left to right: the cut the API has not noticed, then NotReady; Terminating
        // ends where the copy becomes unseen (the force delete).
        XCTAssertLessThan(cut.x1, notReady.x0 + 3)
        XCTAssertLessThan(cut.x0, terminating.x0)
        XCTAssertEqual(Double(terminating.x1), Double(unseen.x0), accuracy: 4)
        // Top to bottom: node lanes above pod lanes, the unseen copy under a pod lane.
        XCTAssertLessThan(cut.y, ready.y)
        XCTAssertLessThan(notReady.y, unseen.y)
        // The Ready span of a pod that ran the whole time spans most of the 960 px chart.
        XCTAssertGreaterThan(ready.x1 - ready.x0, 700)
    }

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/png-colours").path
    }

    @discardableResult
    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "\(tool) \(arguments.joined(separator: " "))")
        return String(decoding: data, as: UTF8.self)
    }
}
