import StsimTestSupport
import XCTest

/// The generated TranscriptTests must cover exactly the transcripts in Tests/Transcripts.
final class TranscriptListTests: XCTestCase {
    func testEveryTranscriptHasItsGeneratedTest() throws {
        let present = try Transcript.all()
        XCTAssertFalse(present.isEmpty, "no transcripts under \(Transcript.directory)")
        for name in present where !TranscriptTests.covered.contains(name) {
            XCTFail("\(name).sts has no test method; run scripts/generate-transcript-tests")
        }
        for name in TranscriptTests.covered where !present.contains(name) {
            XCTFail("\(name).sts is gone but still has a test method; run scripts/generate-transcript-tests")
        }
    }
}
