import Foundation
import StsimEngine
import StsimLanguage
import StsimSession
import StsimTestSupport
import XCTest

/// The brief's rule for the session and engine: bad input, in any combination, gets an error and
/// never traps or hangs. Seeded random command sequences (every command's examples, mutated, with
/// manifests, faults, undo/reset and interrupts mixed in) run at the prompt; the only assertion is
/// that each call returns. A trap kills the test process, which is the failure.
final class SessionFuzzTests: XCTestCase {
    /// `save FILE` and other file-writing examples write here, not into the checkout.
    private var previousDirectory = ""
    private var scratch = ""

    override func setUpWithError() throws {
        previousDirectory = FileManager.default.currentDirectoryPath
        scratch = NSTemporaryDirectory() + "stsim-fuzz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        FileManager.default.changeCurrentDirectoryPath(scratch)
    }

    override func tearDownWithError() throws {
        FileManager.default.changeCurrentDirectoryPath(previousDirectory)
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private static let manifests = [
        """
        create -f - <<EOF
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 2
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: c
                image: nginx
                volumeMounts:
                - name: data
                  mountPath: /var/data
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOnce]
              resources:
                requests:
                  storage: 1Mi
        EOF
        """,
        """
        create -f - <<EOF
        apiVersion: v1
        kind: Service
        metadata:
          name: web
        spec:
          clusterIP: None
          selector:
            app: web
          ports:
          - port: 80
        EOF
        """,
        """
        create -f - <<EOF
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: rs1
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: rs
          template:
            metadata:
              labels:
                app: rs
            spec:
              containers:
              - name: c
                image: nginx
        EOF
        """,
        """
        apply -f - <<EOF
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: web
          replicas: 3
          podManagementPolicy: Parallel
          ordinals:
            start: 2147483640
          persistentVolumeClaimRetentionPolicy:
            whenScaled: Delete
            whenDeleted: Delete
          minReadySeconds: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              terminationGracePeriodSeconds: 9223372036854775807
              containers:
              - name: c
                image: busybox
                command: ["sh", "-c", "exit 1"]
                volumeMounts:
                - name: data
                  mountPath: /var/data
          volumeClaimTemplates:
          - metadata:
              name: data
            spec:
              accessModes: [ReadWriteOncePod]
              resources:
                requests:
                  storage: 1Mi
        EOF
        """,
        """
        create -f - <<EOF
        apiVersion: v1
        kind: PersistentVolume
        metadata:
          name: pv-b
        spec:
          capacity:
            storage: 1Mi
          accessModes: [ReadWriteOnce]
          persistentVolumeReclaimPolicy: Retain
          hostPath:
            path: /tmp/pv-b
        EOF
        """,
    ]

    /// Commands the examples do not cover, or not with these names.
    private static let extras = [
        "mode step", "mode auto", "tick 1s", "tick 0s", "settle", "undo", "undo", "reset", "seed 7",
        "partition node-1", "heal node-1", "crash node-2", "boot node-2", "drain node-3 --force",
        "uncordon node-3", "kill pod web-0", "delete pod web-1 --force --grace-period 0",
        "delete pod web-0 --wait=false", "scale sts web 0", "scale sts web 3", "scale rs rs1 3",
        "proxy", "curl localhost:8001/api/v1/namespaces/default/pods/web-0/proxy/",
        "curl web-0.web", "exec web-0 -- ls /var/data", "exec web-0 -- hostname -f", "logs web-0",
        "logs web-1 --previous", "dig SRV web.default.svc.cluster.local",
        "create sts web --image nginx --replicas 2 --service web --storage 1Mi",
        "create svc headless web --selector app=web --port 80", "create pv pv-a --capacity 1Mi",
        "get all", "describe sts web", "describe node node-1", "snapshot", "events",
    ]

    private static let numbers = ["0", "-1", "1", "2", "99999999999", "2147483648", "9223372036854775807"]
    private static let durations = ["0s", "1ms", "9999h", "1s", "30s"]
    private static let names = [
        "web", "web-0", "web-1", "web-2", "data-web-0", "pv-a", "pv-b", "rs1",
        "node-1", "node-2", "node-4", "kubernetes", "é", "pod", "sts", "pvc", "svc",
    ]

    private static let pool: [String] =
        CommandRegistry.standard.specs.flatMap(\.examples)
        .filter { !$0.hasPrefix("run ") && !$0.contains("\n...") && !$0.hasPrefix("edit ") }
        .map { $0.replacingOccurrences(of: "kubia", with: "web") } + extras

    /// One word changed: a number, a duration or a name swapped, or the arguments shuffled.
    private func mutate(_ command: String, _ rng: inout SeededRandom) -> String {
        guard rng.chance(40) else { return command }
        var words = command.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count > 1 else { return command }
        let i = 1 + rng.below(words.count - 1)
        switch rng.below(4) {
        case 0:
            if let last = words[i].last, "smh".contains(last), words[i].first?.isNumber == true {
                words[i] = rng.pick(Self.durations)
            } else if Int(words[i]) != nil {
                words[i] = rng.pick(Self.numbers)
            } else {
                words[i] = rng.pick(Self.numbers)
            }
        case 1: words[i] = rng.pick(Self.names)
        case 2:
            var rest = Array(words.dropFirst())
            for k in stride(from: rest.count - 1, to: 0, by: -1) { rest.swapAt(k, rng.below(k + 1)) }
            words = [words[0]] + rest
        default: words.remove(at: i)
        }
        return words.joined(separator: " ")
    }

    /// A fixed number of sequences (not a wall-clock budget), so every run tries the same ones.
    func testRandomCommandSequencesNeverTrap() {
        var rng = SeededRandom(seed: 0x5717_5EED)
        var ran = 0
        for _ in 0..<Self.sequences {
            let s = Session(output: CapturedOutput())
            // Bounded virtual time keeps a wandering sequence cheap.
            XCTAssertTrue(s.runInteractive("set settle-limit 2m; set watch-limit 20", interrupted: { false }))
            for _ in 0..<(3 + rng.below(12)) {
                let line = rng.chance(12) ? rng.pick(Self.manifests) : mutate(rng.pick(Self.pool), &rng)
                // Now and then a Ctrl-C arrives in the middle of the command.
                let interrupt = rng.chance(10)
                if !s.runInteractive(line, interrupted: { interrupt }) { break }
                ran += 1
            }
        }
        XCTAssertGreaterThan(ran, Self.sequences * 3, "most sequences should run several commands")
    }

    private static let sequences = 400

    // MARK: - Crashers the fuzzing found, minimised

    private func run(_ lines: [String]) -> String {
        let out = CapturedOutput()
        let s = Session(output: out)
        for line in lines { XCTAssertTrue(s.runInteractive(line, interrupted: { false })) }
        return out.text
    }

    /// Was: an arithmetic overflow naming the first event after the clock passed ~292 years.
    func testTheClockStopsAtGosLongestDuration() {
        let text = run([
            "create sts web --image nginx", "tick 2562047h", "tick 2562047h", "crash node-1",
            "tick 1h", "clock", "get events", "tick 99999999999h",
        ])
        XCTAssertTrue(text.contains("error: \"99999999999h\" is not a duration"), text)
    }

    /// Was: a hang (a pending ordinal noted for each of 99999999999 replicas); the API holds an int32.
    func testAReplicaCountBeyondInt32IsRefused() {
        let text = run([
            "create sts web --image nginx", "scale sts web 2147483648",
            "scale sts web --replicas=99999999999", "patch sts web --replicas 9223372036854775807",
            "create sts big --image nginx --replicas 99999999999",
        ])
        XCTAssertTrue(
            text.contains("error: the number of replicas must be at most 2147483647 (an int32), not 2147483648"), text)
        XCTAssertTrue(
            text.contains("error: --replicas must be at most 2147483647 (an int32), not 9223372036854775807"), text)
        XCTAssertTrue(text.contains("error: --replicas must be at most 2147483647 (an int32), not 99999999999"), text)
    }

    /// Was: a trap converting a capacity past Int64 bytes; and a bad --storage silently made a claim
    /// template with no size.
    func testASizeBeyondInt64IsNotAQuantity() {
        let text = run([
            "create pv pv-a --capacity 9223372036854775807", "create pv pv-b --capacity 9Ei",
            "create sts web --image nginx --storage 9Ei", "create sts web --image nginx --storage banana",
        ])
        XCTAssertTrue(text.contains("error: --capacity \"9223372036854775807\" is not a quantity"), text)
        XCTAssertTrue(text.contains("error: --capacity \"9Ei\" is not a quantity"), text)
        XCTAssertTrue(text.contains("error: --storage \"9Ei\" is not a quantity"), text)
        XCTAssertTrue(text.contains("error: --storage \"banana\" is not a quantity"), text)
        XCTAssertFalse(text.contains("created"), text)
    }

    /// Was: an arithmetic overflow turning an int64 grace period into milliseconds.
    func testTheLongestGracePeriodWaitsUntilTheClocksEnd() {
        let text = run([
            "create sts web --image nginx", "delete pod web-0 --grace-period 9223372036854775807 --wait=false",
            "partition node-1", "delete pod web-0 --grace-period 9223372036854775807 --wait=false",
            "tick 2562047h", "get pods",
        ])
        XCTAssertTrue(text.contains("Terminating"), text)
    }

    /// Ctrl-C at the first, second, ... check inside every command that runs the clock: each stops
    /// with the state kept (the session goes on; a later settle, undo and get work).
    func testAnInterruptInTheMiddleOfEveryTimeAdvancingCommand() {
        let commands = [
            "tick 5m", "settle", "settle --timeout 1m", "wait pod web-2 Ready", "wait sts web ready",
            "scale sts web 5", "scale sts web 0", "delete pod web-0", "delete sts web", "drain node-1",
            "crash node-1", "partition node-1", "kill pod web-0",
            "create -f - <<EOF\n\(Self.manifests[2].split(separator: "\n").dropFirst().joined(separator: "\n"))",
            "exec web-0 -- ls /var/data", "curl web-0.web",
            "run -it c --image=busybox --rm --restart=Never -- wget -qO- web-0.web",
            "reset", "undo",
        ]
        for command in commands {
            for k in 1...3 {
                let out = CapturedOutput()
                let s = Session(output: out)
                XCTAssertTrue(
                    s.runInteractive(
                        "mode step; create svc headless web --selector app=web --port 80; "
                            + "create sts web --image nginx --replicas 3 --storage 1Mi", interrupted: { false }))
                var calls = 0
                XCTAssertTrue(
                    s.runInteractive(
                        command,
                        interrupted: {
                            calls += 1
                            return calls >= k
                        }), command)
                XCTAssertTrue(
                    s.runInteractive("mode auto; settle; get pods; undo; get all", interrupted: { false }), command)
            }
        }
    }
}
