import Foundation
import XCTest

/// One golden transcript, `Tests/Transcripts/<area>/NAME.sts` with its recording `NAME.out`: the
/// script runs through the real executable with `--echo --keep-going --allow-host-files`, and what it prints must
/// equal the recording byte for byte, on two runs (a transcript that changes between runs is a
/// determinism bug, never something to re-record). `STSIM_RECORD=1` writes the recording anew and
/// fails on purpose, so that a recording run is never mistaken for a passing one.
public struct Transcript {
    /// `<area>/NAME`, as the generated test names it.
    public let name: String

    public init(_ name: String) { self.name = name }

    public static var directory: String { Repository.root + "/Tests/Transcripts" }

    /// Every transcript in the repository, `<area>/NAME`, sorted.
    public static func all() throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".sts") { found.append(String(path.dropLast(4))) }
        }
        return found.sorted()
    }

    var script: String { Self.directory + "/" + name + ".sts" }
    var recording: String { Self.directory + "/" + name + ".out" }
    public var recordingPath: String { recording }

    /// What the script prints, with a nonzero exit status noted on a last line.
    func output() throws -> String {
        let url = URL(fileURLWithPath: script)
        // The repository's own scripts share manifests across folders (`../statefulset/web.yaml`,
        // `seed/` links to examples/seed): they are trusted with host files.
        let result = try StsimProcess.run(
            ["--echo", "--keep-going", "--allow-host-files", url.lastPathComponent],
            in: url.deletingLastPathComponent().path)
        return result.output + (result.status == 0 ? "" : "# exit \(result.status)\n")
    }

    /// Compares with the recording (or records), then checks a second run prints the same.
    public func check(file: StaticString = #filePath, line: UInt = #line) throws {
        guard FileManager.default.fileExists(atPath: script) else {
            return XCTFail("\(name).sts is gone; run scripts/generate-transcript-tests", file: file, line: line)
        }
        let first = try output()
        if ProcessInfo.processInfo.environment["STSIM_RECORD"] == "1" {
            try first.write(toFile: recording, atomically: true, encoding: .utf8)
            return XCTFail("recorded \(name).out (STSIM_RECORD=1 always fails)", file: file, line: line)
        }
        guard let expected = try? String(contentsOfFile: recording, encoding: .utf8) else {
            return XCTFail("\(name): no recording (\(recording)); record with STSIM_RECORD=1", file: file, line: line)
        }
        if first != expected {
            XCTFail("\(name) differs from its recording:\n\(Self.diff(expected, first))", file: file, line: line)
        }
        let second = try output()
        if second != first {
            XCTFail("\(name) is not deterministic:\n\(Self.diff(first, second))", file: file, line: line)
        }
    }

    /// The first differing lines, enough to see what changed.
    public static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? String(e[i]) : "<end>"
            let y = i < a.count ? String(a[i]) : "<end>"
            if x != y {
                out.append("line \(i + 1):\n  expected: \(x)\n  actual:   \(y)")
                if out.count == 5 { break }
            }
        }
        return out.joined(separator: "\n")
    }
}
