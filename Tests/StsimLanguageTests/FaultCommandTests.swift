import StsimEngine
import StsimLanguage
import XCTest

final class FaultCommandTests: XCTestCase {
    private func texts(_ c: Command?) -> [String]? {
        switch c {
        case .fault(.partition(let nodes))?, .fault(.heal(let nodes))?: nodes.map(\.text)
        default: nil
        }
    }

    func testPartitionAndHealTakeNodes() {
        XCTAssertEqual(texts(parsed("partition node-1 node-2")), ["node-1", "node-2"])
        XCTAssertEqual(texts(parsed("reconnect node-1")), ["node-1"])
        guard case .fault(.heal)? = parsed("heal node-3") else { return XCTFail("heal") }
        XCTAssertEqual(parseError("partition")?.message, "partition: missing NODE")
    }

    func testImageFaults() {
        guard case .fault(.imageFault(let image, true))? = parsed("break image nginx:1.99") else {
            return XCTFail("break")
        }
        XCTAssertEqual(image.text, "nginx:1.99")
        guard case .fault(.imageFault(_, false))? = parsed("fix image nginx:1.99") else { return XCTFail("fix") }
        XCTAssertEqual(parseError("break pod web-0")?.message, "break works on images, not \"pod\"")
        XCTAssertEqual(parseError("fix image a b")?.message, "fix: unexpected argument \"b\"")
    }
}
