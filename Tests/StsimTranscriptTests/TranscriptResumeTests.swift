import StsimTestSupport
import XCTest

/// Every golden transcript, cut near its middle with a `save` and resumed by `stsim --load` in a
/// new process, prints what the straight run printed.
final class TranscriptResumeTests: XCTestCase {
    func testEveryTranscriptResumedFromASavedStatePrintsItsRecording() throws {
        var resumed = 0
        for name in try Transcript.all() {
            let resume = TranscriptResume(name)
            guard let output = try resume.output() else { continue }
            resumed += 1
            let expected = try String(contentsOfFile: resume.transcript.recordingPath, encoding: .utf8)
            if output != expected {
                XCTFail("\(name) resumed from a saved state differs:\n\(Transcript.diff(expected, output))")
            }
        }
        XCTAssertGreaterThan(resumed, 50, "too few transcripts had a place to cut")
    }
}
