import Foundation
import XCTest

@testable import StsimRender

/// The page rendered by a real browser (Debian's chromium, headless; scripts/test installs it
/// when missing): the screenshot has each lane's colours where its phases are.
final class TimelineBrowserTests: XCTestCase {
    func testScreenshotShowsTheLanesInTheirColours() throws {
        guard
            let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else {
            throw XCTSkip("chromium is not installed (scripts/test installs it)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-browser-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("timeline.html")
        let shot = folder.appendingPathComponent("shot.png")
        try TimelineHTML.render(TimelineTests.timeline).write(to: page, atomically: true, encoding: .utf8)
        try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--window-size=1300,420", "--screenshot=\(shot.path)", page.absoluteString,
            ])
        let colours = [TimelinePhase.nodeReady, .nodeReadyCut, .nodeNotReadyCut, .pending, .creating, .ready, .unseen]
        let report = try run("/usr/bin/env", ["python3", Self.script, shot.path] + colours.map(\.colour))
        var runs: [TimelinePhase: (count: Int, x0: Int, x1: Int, y: Int)] = [:]
        for line in report.split(separator: "\n").dropFirst() {
            let f = line.split(separator: " ").map(String.init)
            guard let phase = colours.first(where: { $0.colour == f[0] }) else { continue }
            runs[phase] = (Int(f[1])!, Int(f[2])!, Int(f[3])!, Int(f[4])!)
        }
        // The chart starts 220 px into the SVG, which sits at the body's 12 px margin; 960 px
        // are the 100 s of the timeline.
        func x(_ seconds: Double) -> Int { 12 + 220 + Int(seconds / 100 * 960) }
        for phase in colours {
            XCTAssertGreaterThan(runs[phase]?.count ?? 0, 0, "\(phase) is not in the screenshot")
        }
        let ready = try XCTUnwrap(runs[.ready])
        XCTAssertEqual(Double(ready.x0), Double(x(5)), accuracy: 3)
        XCTAssertEqual(Double(ready.x1), Double(x(60)), accuracy: 3)
        let unseen = try XCTUnwrap(runs[.unseen])
        XCTAssertEqual(Double(unseen.x0), Double(x(60)), accuracy: 3)
        XCTAssertEqual(Double(unseen.x1), Double(x(100)), accuracy: 3)
        let cut = try XCTUnwrap(runs[.nodeReadyCut])
        XCTAssertEqual(Double(cut.x0), Double(x(10)), accuracy: 3)
        XCTAssertEqual(Double(cut.x1), Double(x(50)), accuracy: 3)
        // Lanes top to bottom: the node, the pod, the copy.
        XCTAssertLessThan(cut.y, ready.y)
        XCTAssertLessThan(ready.y, unseen.y)
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
