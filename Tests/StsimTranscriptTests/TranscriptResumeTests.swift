import StsimTestSupport
import XCTest

/// Every golden transcript, cut near its middle with a `save` and resumed by `stsim --load` in a
/// new process, prints what the straight run printed.
final class TranscriptResumeTests: XCTestCase {
    func testEveryTranscriptResumedFromASavedStatePrintsItsRecording() throws {
        var skipped: [String] = []
        let all = try Transcript.all()
        for name in all {
            let resume = TranscriptResume(name)
            guard let output = try resume.output() else {
                skipped.append(name)
                continue
            }
            let expected = try String(contentsOfFile: resume.transcript.recordingPath, encoding: .utf8)
            if output != expected {
                XCTFail("\(name) resumed from a saved state differs:\n\(Transcript.diff(expected, output))")
            }
        }
        // Only a script that ends in undo has no place to cut (undo states stay in the process).
        XCTAssertEqual(skipped, ["language/undo"], "transcripts without a place to cut")
        XCTAssertGreaterThan(all.count, 30)
    }
}
