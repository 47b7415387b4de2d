import StsimEngine
import StsimSession
import XCTest

@testable import StsimExplore

/// The whole-state fingerprint: equal states agree whatever the order sets and dictionaries
/// were built in; any change, including work only queued for later, tells states apart.
final class StateDigestTests: XCTestCase {
    func testSetsAndDictionariesIgnoreTheirOrder() throws {
        var a = Set<String>(minimumCapacity: 4)
        var b = Set<String>(minimumCapacity: 512)
        for s in ["web-0", "web-1", "web-2", "node-1"] { a.insert(s) }
        for s in ["node-1", "web-2", "web-1", "web-0"] { b.insert(s) }
        XCTAssertEqual(try digest(a), try digest(b))
        var d1 = [String: Int](minimumCapacity: 2)
        var d2 = [String: Int](minimumCapacity: 300)
        d1["a"] = 1
        d1["b"] = 2
        d2["b"] = 2
        d2["a"] = 1
        XCTAssertEqual(try digest(d1), try digest(d2))
        d2["a"] = 3
        XCTAssertNotEqual(try digest(d1), try digest(d2))
    }

    func testNestingIsPartOfTheFingerprint() throws {
        XCTAssertNotEqual(try digest([["a"], ["b"]]), try digest([["a", "b"]]))
        XCTAssertNotEqual(try digest(["a": "b"]), try digest(["b": "a"]))
    }

    func testCopiesAgreeAndAnyChangeIsSeen() throws {
        let session = Session.quiet(Session.Options())
        _ = try session.runScenario("create sts web --image nginx --replicas 2", file: "t.sts").get()
        let base = session.simulation
        XCTAssertEqual(StateDigest(base), StateDigest(base.clone()))
        let cut = base.clone()
        _ = cut.partition(node: "node-1")
        XCTAssertNotEqual(StateDigest(cut), StateDigest(base))
        // The same fault at the same moment on two copies: one state.
        let again = base.clone()
        _ = again.partition(node: "node-1")
        XCTAssertEqual(StateDigest(cut), StateDigest(again))
        let later = base.clone()
        _ = later.runNextInstant(notAfter: .end)
        XCTAssertNotEqual(StateDigest(later), StateDigest(base))
    }

    private func digest<T: Encodable>(_ value: T) throws -> Int {
        let e = DigestEncoder()
        try e.add(value)
        return e.finish()
    }
}
