import Foundation
import StsimTestSupport
import XCTest

/// The golden transcripts: every `Tests/Transcripts/<area>/NAME.sts` is run through the real
/// executable with `--echo --keep-going`, and what it prints must equal `NAME.out` byte for byte.
/// `STSIM_RECORD=1 swift test --filter TranscriptTests` writes the outputs anew, and fails on
/// purpose so that a recording run is never mistaken for a passing one.
final class TranscriptTests: XCTestCase {
    func testEveryTranscriptMatchesItsRecording() throws {
        let root = StsimProcess.packageRoot + "/Tests/Transcripts"
        let recording = ProcessInfo.processInfo.environment["STSIM_RECORD"] == "1"
        let scripts = try Self.scripts(under: root)
        XCTAssertFalse(scripts.isEmpty, "no transcripts found under \(root)")
        var recorded: [String] = []
        for script in scripts {
            let directory = (script as NSString).deletingLastPathComponent
            let name = (script as NSString).lastPathComponent
            let result = try StsimProcess.run(["--echo", "--keep-going", name], in: directory)
            var actual = result.output
            if result.status != 0 { actual += "# exit \(result.status)\n" }
            let expectedPath = String(script.dropLast(4)) + ".out"
            if recording {
                try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
                recorded.append(String(script.dropFirst(root.count + 1)))
                continue
            }
            guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
                XCTFail("\(script): no recording beside it (\(expectedPath)); record with STSIM_RECORD=1")
                continue
            }
            if actual != expected {
                XCTFail("\(script) differs from its recording:\n\(Self.diff(expected, actual))")
            }
        }
        if recording {
            XCTFail(
                "recorded \(recorded.count) transcripts (STSIM_RECORD=1 always fails): \(recorded.joined(separator: ", "))"
            )
        }
    }

    /// A script must give byte-identical output on a second run: determinism is a rule, and a
    /// transcript that changes between runs is a bug, not something to re-record.
    func testTranscriptsAreDeterministic() throws {
        let root = StsimProcess.packageRoot + "/Tests/Transcripts"
        for script in try Self.scripts(under: root).prefix(3) {
            let directory = (script as NSString).deletingLastPathComponent
            let name = (script as NSString).lastPathComponent
            let first = try StsimProcess.run(["--echo", "--keep-going", name], in: directory)
            let second = try StsimProcess.run(["--echo", "--keep-going", name], in: directory)
            XCTAssertEqual(first.output, second.output, "\(script) is not deterministic")
        }
    }

    static func scripts(under root: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        while let path = walker.nextObject() as? String {
            if path.hasSuffix(".sts") { found.append(root + "/" + path) }
        }
        return found.sorted()
    }

    /// The first differing lines, enough to see what changed.
    static func diff(_ expected: String, _ actual: String) -> String {
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
