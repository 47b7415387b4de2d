import StsimTerminal
import XCTest

final class TerminalSettingsTests: XCTestCase {
    func testColourOnlyOnTerminalWithoutNoColor() {
        XCTAssertTrue(TerminalColour.decide(outputIsTerminal: true, noColour: nil))
        XCTAssertFalse(TerminalColour.decide(outputIsTerminal: false, noColour: nil))
        XCTAssertFalse(TerminalColour.decide(outputIsTerminal: true, noColour: "1"))
        // no-color.org: set but empty does not disable colour.
        XCTAssertTrue(TerminalColour.decide(outputIsTerminal: true, noColour: ""))
    }

    func testHistoryPathPrefersStsimHistory() {
        XCTAssertEqual(HistoryFile.resolve(override: "/tmp/h", home: "/home/u"), "/tmp/h")
        XCTAssertEqual(HistoryFile.resolve(override: nil, home: "/home/u"), "/home/u/.stsim_history")
        XCTAssertEqual(HistoryFile.resolve(override: nil, home: "/home/u/"), "/home/u/.stsim_history")
        XCTAssertNil(HistoryFile.resolve(override: "", home: "/home/u"), "an empty STSIM_HISTORY turns saving off")
        XCTAssertNil(HistoryFile.resolve(override: nil, home: nil))
    }
}
