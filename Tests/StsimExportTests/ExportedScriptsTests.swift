import Foundation
import StsimTestSupport
import XCTest

/// `stsim export` end to end: every example and transcript that parses becomes a script bash
/// accepts, and exported scenarios run with the real kubectl against `stsim serve`.
final class ExportedScriptsTests: XCTestCase {
    private var root: String { Repository.root }

    /// Runs a program to the end; stdout and stderr apart.
    private func run(
        _ program: String, _ arguments: [String], environment: [String: String] = [:], directory: String? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        p.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let out = Pipe()
        // Standard error goes to a file: two pipes read one after the other could stall the child.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stsim-export-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        p.standardOutput = out
        p.standardError = try FileHandle(forWritingTo: errFile)
        try p.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (p.terminationStatus, String(decoding: stdout, as: UTF8.self), stderr)
    }

    private func scripts() throws -> [String] {
        let fm = FileManager.default
        var paths = try fm.contentsOfDirectory(atPath: root + "/examples").filter { $0.hasSuffix(".sts") }
            .map { "examples/" + $0 }
        let transcripts = try XCTUnwrap(fm.enumerator(atPath: root + "/Tests/Transcripts"))
        for case let path as String in transcripts where path.hasSuffix(".sts") {
            paths.append("Tests/Transcripts/" + path)
        }
        return paths.sorted()
    }

    func testEveryScriptThatParsesExportsToABashScript() throws {
        let stsim = try StsimExecutable.path()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var exported = 0
        var refused = 0
        for path in try scripts() {
            let result = try run(stsim, ["export", path])
            guard result.status == 0 else {
                // Scripts that show stsim's parse errors cannot be exported: the error is located.
                XCTAssertEqual(result.status, 1, path)
                let located = try NSRegularExpression(
                    pattern: "^" + NSRegularExpression.escapedPattern(for: path) + ":[0-9]+:[0-9]+: error: ")
                XCTAssertNotNil(
                    located.firstMatch(
                        in: result.stderr, range: NSRange(result.stderr.startIndex..., in: result.stderr)),
                    "\(path): \(result.stderr)")
                XCTAssertFalse(path.hasPrefix("examples/"), "\(path) should export: \(result.stderr)")
                refused += 1
                continue
            }
            XCTAssertEqual(result.stderr, "", path)
            XCTAssertTrue(result.stdout.hasPrefix("#!/usr/bin/env bash\n# Exported by `stsim export \(path)`"), path)
            let file = folder.appendingPathComponent("run.sh")
            try result.stdout.write(to: file, atomically: true, encoding: .utf8)
            let check = try run("/bin/bash", ["-n", file.path])
            XCTAssertEqual(check.status, 0, "bash -n refuses the export of \(path): \(check.stderr)")
            exported += 1
        }
        XCTAssertGreaterThan(exported, 100, "exported \(exported), refused \(refused)")
    }

    func testAParseErrorExitsNonZeroWithItsLocation() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stsim-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("bad.sts").path
        try "get pods\nscale sts web --replicas\n".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try run(try StsimExecutable.path(), ["export", script])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(
            result.stderr.hasPrefix("\(script):2:15: error: flag --replicas N needs a value\n"), result.stderr)
    }
}
