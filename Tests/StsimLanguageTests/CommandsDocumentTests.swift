import Foundation
import StsimLanguage
import XCTest

/// `docs/commands.md` is generated from the registry and must be current.
final class CommandsDocumentTests: XCTestCase {
    func testCommandsDocumentIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("docs/commands.md").path
        let generated = HelpText.markdownReference()
        if ProcessInfo.processInfo.environment["STSIM_RECORD"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
            XCTFail("wrote \(path) (STSIM_RECORD=1 always fails)")
            return
        }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertEqual(current, generated, "docs/commands.md is stale; regenerate with STSIM_RECORD=1")
    }
}
