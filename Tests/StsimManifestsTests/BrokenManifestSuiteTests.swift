import Foundation
import StsimTestSupport
import XCTest

@testable import StsimManifests

/// Every `Broken/NAME.yaml` is loaded and its findings compared with `Broken/NAME.expected`:
/// one line per finding (`FILE:LINE:COL: severity: message`, then `    hint: ...`), the objects the
/// cluster would accept, and kubectl's text for each refused document (`kubectl| `).
/// `STSIM_RECORD=1` rewrites the expected files in the source tree and fails on purpose.
final class BrokenManifestSuiteTests: XCTestCase {
    static func transcript(of result: ManifestLoadResult, file: String) -> String {
        var lines: [String] = []
        for d in result.diagnostics {
            let place = d.location.map { "\($0): " } ?? ""
            lines.append("\(place)\(d.severity.rawValue): \(d.message)")
            if let hint = d.hint { lines.append("    hint: \(hint)") }
        }
        lines.append(
            "objects: " + result.objects.map { "\($0.object.kind.kind)/\($0.object.name)" }.joined(separator: " "))
        for r in result.rejections {
            lines += r.kubectlMessage(file: file).split(separator: "\n", omittingEmptySubsequences: false).map {
                "kubectl| \($0)"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func testEveryBrokenManifestReportsExactlyItsExpectedFindings() throws {
        let bundled = try XCTUnwrap(Bundle.module.url(forResource: "Broken", withExtension: nil))
        let sourceDir = URL(fileURLWithPath: Repository.root).appendingPathComponent("Tests/StsimManifestsTests/Broken")
        let record = ProcessInfo.processInfo.environment["STSIM_RECORD"] == "1"
        let names = try FileManager.default.contentsOfDirectory(atPath: bundled.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        XCTAssertGreaterThanOrEqual(names.count, 40)
        for name in names {
            let text = try String(contentsOf: bundled.appendingPathComponent(name), encoding: .utf8)
            let actual = Self.transcript(of: ManifestLoader.load(text: text, file: name), file: name)
            let expectedName = String(name.dropLast(".yaml".count)) + ".expected"
            if record {
                try actual.write(to: sourceDir.appendingPathComponent(expectedName), atomically: true, encoding: .utf8)
                continue
            }
            let expected = try? String(contentsOf: bundled.appendingPathComponent(expectedName), encoding: .utf8)
            XCTAssertEqual(actual, expected ?? "<missing \(expectedName)>", name)
        }
        if record { XCTFail("recorded the expected files; run again without STSIM_RECORD") }
    }
}
