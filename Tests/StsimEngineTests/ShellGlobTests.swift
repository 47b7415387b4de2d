import XCTest

@testable import StsimEngine

/// Pathname expansion in the container's shell: `*`, `?` and `[...]` against its files.
final class ShellGlobTests: XCTestCase {
    func testUnquotedPatternsMatchFilesInByteOrderAndQuotedOnesDoNot() throws {
        let c = Cluster()
        c.createWeb(replicas: 1)
        c.settle()
        let pod = try XCTUnwrap(c.pod("web-0"))
        let hooks = ShellHooks(sleep: { _ in })
        func sh(_ script: String) throws -> String {
            try c.execInContainer(pod, argv: ["sh", "-c", script], hooks: hooks).stdout
        }
        _ = try sh("mkdir /tmp/g; touch /tmp/g/b.txt /tmp/g/a.txt /tmp/g/c.log /tmp/g/.hidden")
        XCTAssertEqual(try sh("echo /tmp/g/*"), "/tmp/g/a.txt /tmp/g/b.txt /tmp/g/c.log\n")
        XCTAssertEqual(try sh("cd /tmp/g; echo *.txt ?.log [ab].*"), "a.txt b.txt c.log a.txt b.txt\n")
        XCTAssertEqual(try sh("echo '/tmp/g/*' /tmp/g/*.none"), "/tmp/g/* /tmp/g/*.none\n")
        XCTAssertEqual(try sh("ls /tmp/g/*.txt"), "/tmp/g/a.txt\n/tmp/g/b.txt\n")
    }
}
