import XCTest
@testable import StsimEngine
#if canImport(Glibc)
import Glibc
#endif
@_silgen_name("malloc_trim") private func trim(_ pad: Int) -> Int32

final class ZMem: XCTestCase {
    func rss() -> Int {
        _ = trim(0)
        guard let f = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, 256, f) != nil {
            let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if s.hasPrefix("VmRSS:") { return Int(s.split(separator: " ").dropFirst().first ?? "0") ?? 0 }
        }
        return 0
    }
    func testMem() throws {
        guard getenv("STSIM_MEM") != nil else { throw XCTSkip("") }
        let n = 30000
        let r0 = rss()
        let (c, _) = Benchmark.statefulSetToReady(replicas: n, nodes: 300, policy: .parallel)
        let r1 = rss()
        print("MEM total \((r1 - r0) * 1024 / n) B/pod")
        for k in c.kubelets.values { k.dropAllForMeasurement() }
        let r2 = rss()
        print("MEM kubelets \((r1 - r2) * 1024 / n) B/pod")
        c.statefulSets.dropAllForMeasurement()
        let r3 = rss()
        print("MEM sts state \((r2 - r3) * 1024 / n) B/pod")
        c.scheduler.dropAllForMeasurement()
        let r4 = rss()
        print("MEM scheduler \((r3 - r4) * 1024 / n) B/pod")
        c.ipam = PodIPAllocator()
        let r5 = rss()
        print("MEM ipam \((r4 - r5) * 1024 / n) B/pod")
        c.queue = EventQueue()
        c.recorder = EventRecorder(timing: c.timing, retention: 10)
        let r6 = rss()
        print("MEM queue+events \((r5 - r6) * 1024 / n) B/pod; rest (store) \(r6 - r0 > 0 ? (r6 - r0) * 1024 / n : 0) B/pod")
    }
}
