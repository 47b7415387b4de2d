import StsimEngine

// The floor of scripts/bench: how long it takes, in this process, only to build N pods and store
// them (StsimEngine's Benchmark.storePods), and how many bytes each pod holds once stored. Every
// whole-process figure of scripts/bench is also printed as a ratio to this floor, so a reader sees
// how far the simulation is from the cost of merely having N pods.
//
//   StsimFloor [--runs R] N...     one JSON object per N on standard output
//
// The issue asked for ordo-one/benchmark; its 1.38.1 needs swift-runtime-interposer on Linux with
// Swift 6.3, which the machines this runs on cannot fetch, so this is a plain timer: one warm-up
// run, then R timed runs (minimum and median), and the growth of resident memory over the first run for the bytes per pod.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's resident memory in bytes (Linux's /proc/self/statm: size, then resident, in
/// pages), or nil where there is no such file.
func residentBytes() -> Int? {
    guard let file = fopen("/proc/self/statm", "r") else { return nil }
    defer { fclose(file) }
    var line = [CChar](repeating: 0, count: 128)
    guard fgets(&line, Int32(line.count), file) != nil else { return nil }
    let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        .split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// A line on standard error (the usage), without Foundation.
func complain(_ text: String) {
    var bytes = Array((text + "\n").utf8)
    _ = write(2, &bytes, bytes.count)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 5
if let i = arguments.firstIndex(of: "--runs"), i + 1 < arguments.count, let r = Int(arguments[i + 1]), r > 0 {
    runs = r
    arguments.removeSubrange(i...i + 1)
}
let counts = arguments.compactMap { Int($0) }
guard !counts.isEmpty, counts.count == arguments.count, counts.allSatisfy({ $0 > 0 }) else {
    complain("usage: StsimFloor [--runs R] N...   (N: a number of pods)")
    exit(2)
}
let clock = ContinuousClock()
for n in counts {
    var times: [Double] = []
    var bytesPerPod: Double?
    for run in 0...runs {
        let before = residentBytes()
        let start = clock.now
        let store = Benchmark.storePods(n)
        let elapsed = clock.now - start
        if let before, let after = residentBytes(), bytesPerPod == nil {
            bytesPerPod = Double(after - before) / Double(n)
        }
        precondition(store.count(.pod) == n)
        if run > 0 {  // run 0 warms the allocator and the caches
            times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
    }
    times.sort()
    let median =
        times.count % 2 == 1 ? times[times.count / 2] : (times[times.count / 2 - 1] + times[times.count / 2]) / 2
    let bytes = bytesPerPod.map { String(Int($0.rounded())) } ?? "null"
    print(
        "{\"pods\": \(n), \"runs\": \(runs), \"min_s\": \(times[0]), \"median_s\": \(median), \"bytes_per_pod\": \(bytes)}"
    )
}
