import Foundation
import StsimTestSupport
import XCTest

/// Scripts from strangers and endless input, through the real executable (issue 17).
final class ScriptSafetyTests: XCTestCase {
    private func start(_ arguments: [String], stdin: FileHandle? = nil) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try StsimExecutable.path())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
        let out = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = stdin ?? input.fileHandleForReading
        try process.run()
        return (process, out, input)
    }

    func testEndlessStandardInputEndsAtTheLineLimit() throws {
        // `stsim - < /dev/zero` grew without end: the whole input was read before running it.
        let zero = try XCTUnwrap(FileHandle(forReadingAtPath: "/dev/zero"))
        let (process, out, _) = try start(["--max-line", "65536", "-"], stdin: zero)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(
            text.hasPrefix(
                "<stdin>:1:1: error: this line is longer than stsim's limit of 65,536 bytes; the script stops here"),
            String(text.prefix(300)))
    }

    func testStandardInputRunsEachCommandAsItArrives() throws {
        let (process, out, input) = try start(["-"])
        input.fileHandleForWriting.write(Data("clock\n".utf8))
        // The answer comes before the input ends: the script is not read to its end first.
        let first = out.fileHandleForReading.availableData
        XCTAssertEqual(String(decoding: first, as: UTF8.self), "00:00:00 (0s since the cluster started)\n")
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    func testSIGINTStopsAScriptWithItsSummaryAndStatus130() throws {
        let (process, out, input) = try start(["-"])
        input.fileHandleForWriting.write(Data("tick 1m\nclock\n".utf8))
        _ = out.fileHandleForReading.availableData
        kill(process.processIdentifier, SIGINT)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "SIGINT killed the process")
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(text.contains("error: interrupted at 00:01:00: the script stops here (SIGINT)"), text)
    }

    func testControlCharactersFromAScriptAreShownEscaped() throws {
        // A title change (OSC 0 ... BEL) and a screen clear reached the terminal raw.
        let r = try StsimProcess.run(["-c", "bogus \u{1b}]0;owned\u{07} \u{1b}[2J"])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.output.unicodeScalars.contains { $0 == "\u{1b}" || $0 == "\u{07}" }, r.output)
        XCTAssertTrue(r.output.contains("\\x1b]0;owned\\x07 \\x1b[2J"), r.output)
    }

    func testAScriptCannotReadHostFilesOutsideItsFolders() throws {
        let folder = NSTemporaryDirectory() + "stsim-confine-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = folder + "/peek.sts"
        try "create -f /proc/self/environ\nrun ../../etc/passwd\n".write(
            toFile: script, atomically: true, encoding: .utf8)
        let r = try StsimProcess.run(["--keep-going", script], in: folder)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(
            r.output.contains(
                "peek.sts:1:11: error: \"/proc/self/environ\" is outside the script's folder and the working directory, where a script may use host files"
            ), r.output)
        XCTAssertTrue(r.output.contains("peek.sts:2:5: error: \"../../etc/passwd\" is outside"), r.output)
        XCTAssertTrue(r.output.contains("hint: run stsim with --allow-host-files"), r.output)
        XCTAssertFalse(r.output.contains("PATH="), "the environment was echoed")
        let allowed = try StsimProcess.run(["--allow-host-files", "-c", "create -f /proc/self/environ"], in: folder)
        XCTAssertFalse(allowed.output.contains("outside the script's folder"), allowed.output)
    }
}
