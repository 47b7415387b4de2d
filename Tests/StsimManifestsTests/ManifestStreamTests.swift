import StsimEngine
import XCTest

@testable import StsimManifests

/// A streamed list is byte for byte the list `ManifestWriter` prints whole, and arrives in pieces.
final class ManifestStreamTests: XCTestCase {
    private func objects() throws -> [KubeObject] {
        Fixtures.load(try Fixtures.seed("pv-list-fixed.yaml")).objects.map(\.object)
            + Fixtures.load(try Fixtures.seed("headless-service-fixed.yaml")).objects.map(\.object)
    }

    func testSameBytesAsTheWholeList() throws {
        let objects = try objects()
        XCTAssertGreaterThan(objects.count, 1)
        for subset in [objects, Array(objects.prefix(1)), []] {
            var json: [String] = []
            ManifestStream.json(list: subset) { json.append($0) }
            XCTAssertEqual(json.joined(), ManifestWriter.json(list: subset))
            var yaml: [String] = []
            ManifestStream.yaml(list: subset) { yaml.append($0) }
            XCTAssertEqual(yaml.joined(), ManifestWriter.yaml(list: subset))
            // One piece per object, then the list's tail.
            XCTAssertEqual(json.count, subset.count + 1)
            XCTAssertEqual(yaml.count, subset.count + 1)
        }
    }
}
