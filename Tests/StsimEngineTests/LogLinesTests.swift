import XCTest

@testable import StsimEngine

/// nginx's start-up and stop are kept as facts and written out when read: a reader must see the
/// lines themselves, in order, as if each had been kept (SaveLoadTests checks what a save holds).
final class LogLinesTests: XCTestCase {
    func testBlocksReadAsTheirLinesInOrder() {
        var log = LogLines()
        log.append(.line("first"), at: .zero)
        log.append(.nginxStart(image: "nginx:1.27", kernel: "6.8.0", cpus: 2, at: .zero), at: .zero)
        log.append(.nginxQuit(cpus: 2, at: VirtualTime.zero + .seconds(5)), at: VirtualTime.zero + .seconds(5))
        let start = NginxLog.start(image: "nginx:1.27", kernel: "6.8.0", cpus: 2, at: .zero)
        let quit = NginxLog.quit(cpus: 2, at: VirtualTime.zero + .seconds(5))
        XCTAssertEqual(log.lines, ["first"] + start + quit)
        XCTAssertTrue(start.contains { $0.hasSuffix("nginx/1.27.4") })
        // Each line carries its entry's time (logs --timestamps); a save keeps the lines only.
        XCTAssertEqual(log.timedLines?.map(\.time).last, VirtualTime.zero + .seconds(5))
        XCTAssertEqual(log.timedLines?.count, log.lines.count)
    }
}
