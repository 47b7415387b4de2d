import StsimEngine
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Not a timed test: prints benchmark figures only when STSIM_BENCH is set (for scripts/bench).
final class BenchmarkProbe: XCTestCase {
    func testPrintBenchmarkFigures() throws {
        guard getenv("STSIM_BENCH") != nil else { throw XCTSkip("set STSIM_BENCH=1 to print benchmark figures") }
        func wall() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        func rssKiB() -> Int {
            guard let f = fopen("/proc/self/status", "r") else { return 0 }
            defer { fclose(f) }
            var line = [CChar](repeating: 0, count: 256)
            while fgets(&line, 256, f) != nil {
                let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if s.hasPrefix("VmRSS:") { return Int(s.split(separator: " ").dropFirst().first ?? "0") ?? 0 }
            }
            return 0
        }
        func env(_ name: String, _ fallback: Int) -> Int {
            getenv(name).flatMap { Int(String(cString: $0)) } ?? fallback
        }
        let n1 = env("STSIM_BENCH_ORDERED", 10000)
        let n2 = env("STSIM_BENCH_PARALLEL", 100000)
        var t = wall()
        let before1 = rssKiB()
        let (c1, r1) = Benchmark.statefulSetToReady(replicas: n1, nodes: 100, policy: .orderedReady)
        print(
            "BENCH ordered \(n1): \(wall() - t)s cpu, virtual \(r1.virtualTime), ready \(r1.readyReplicas), steps \(r1.steps), rss +\(rssKiB() - before1) KiB"
        )
        _ = c1
        t = wall()
        let before2 = rssKiB()
        let (c2, r2) = Benchmark.statefulSetToReady(replicas: n2, nodes: 1000, policy: .parallel)
        _ = mallocTrim(0)
        let rss2 = rssKiB() - before2
        print(
            "BENCH parallel \(n2): \(wall() - t)s cpu, virtual \(r2.virtualTime), ready \(r2.readyReplicas), steps \(r2.steps), rss +\(rss2) KiB = \(rss2 * 1024 / max(1, n2)) B/pod"
        )
        t = wall()
        let r3 = Benchmark.scale(c2, to: 0)
        print("BENCH scale to 0: \(wall() - t)s cpu, replicas \(r3.replicas), steps \(r3.steps)")
        t = wall()
        let (_, r4) = Benchmark.statefulSetToReady(replicas: n1, nodes: 100, policy: .orderedReady, storage: "1Mi")
        print(
            "BENCH ordered \(n1) with claims and a headless Service: \(wall() - t)s cpu, virtual \(r4.virtualTime), ready \(r4.readyReplicas), steps \(r4.steps)"
        )
        t = wall()
        let (_, r5) = Benchmark.statefulSetToReady(replicas: n2, nodes: 1000, policy: .parallel, storage: "1Mi")
        print(
            "BENCH parallel \(n2) with claims and a headless Service: \(wall() - t)s cpu, virtual \(r5.virtualTime), ready \(r5.readyReplicas), steps \(r5.steps)"
        )
    }
}

@_silgen_name("malloc_trim") private func mallocTrim(_ pad: Int) -> Int32
