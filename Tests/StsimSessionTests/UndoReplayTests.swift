import StsimSession
import XCTest

/// A command replayed after `undo` prints what it printed the first time (issue 17: an extra
/// `sts/web 2/2` row came back, as if the StatefulSet were new).
final class UndoReplayTests: XCTestCase {
    func testReplayAfterUndoPrintsTheSameRows() {
        let out = CapturedOutput()
        let s = Session(output: out)
        XCTAssertEqual(s.runScript("create sts web --image nginx --replicas 2", file: "u.sts"), 0)
        let afterCreate = out.text.count
        XCTAssertEqual(s.runScript("delete pod web-0", file: "u.sts"), 0)
        let first = String(out.text.dropFirst(afterCreate))
        XCTAssertEqual(s.runScript("undo", file: "u.sts"), 0)
        let afterUndo = out.text.count
        XCTAssertEqual(s.runScript("delete pod web-0", file: "u.sts"), 0)
        let replay = String(out.text.dropFirst(afterUndo))
        XCTAssertTrue(first.contains("pod \"web-0\" deleted"), first)
        XCTAssertEqual(replay, first)
    }
}
