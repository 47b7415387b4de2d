import StsimEngine
import XCTest

@testable import StsimSession

/// Issue 17: a long `tick` or `wait` over a steady retry loop jumps over whole cycles in closed
/// form. Each scenario runs a day of virtual time twice, fast-forward on and off (the engine's
/// internal switch), and everything a user sees must be byte-for-byte the same: the printed
/// output (watch rows, `get pods`, `describe pod`, `get events`, `logs`), the history `expect`
/// reads, and every change the feed handed out.
final class FastForwardTests: XCTestCase {
    private struct Run: Equatable {
        var text: String
        var status: Int32
        var history: [HistoryRecord]
        var changes: [[Change]]
        var dropped: [Int]
        var processedEvents: Int
    }

    private func run(_ script: String, fastForward: Bool) -> Run {
        let out = CapturedOutput()
        let s = Session(options: Session.Options(), output: out)
        s.cluster.fastForwards = fastForward
        var changes: [[Change]] = []
        var dropped: [Int] = []
        s.changeObserver = { batch in
            changes.append(batch.changes)
            dropped.append(batch.droppedCount)
        }
        let status = s.runScript(script, file: "t.sts")
        return Run(
            text: out.text, status: status, history: s.cluster.history.records(from: 0), changes: changes,
            dropped: dropped, processedEvents: s.cluster.processedEvents)
    }

    /// `jumps`: whether fast-forward takes over most of the day (it then runs far fewer events).
    private func assertSameBothWays(
        _ script: String, expecting phrases: [String], jumps: Bool = true, line: UInt = #line
    ) {
        let fast = run(script, fastForward: true)
        let slow = run(script, fastForward: false)
        if jumps {
            XCTAssertLessThan(fast.processedEvents * 2, slow.processedEvents, "no jump happened", line: line)
        }
        XCTAssertEqual(fast.text, slow.text, line: line)
        XCTAssertEqual(fast.status, slow.status, line: line)
        XCTAssertEqual(fast.history.count, slow.history.count, line: line)
        XCTAssertTrue(fast.history == slow.history, "the history differs", line: line)
        XCTAssertEqual(fast.dropped, slow.dropped, line: line)
        XCTAssertTrue(fast.changes == slow.changes, "the change feed differs", line: line)
        for phrase in phrases {
            XCTAssertTrue(fast.text.contains(phrase), "missing \(phrase)\n\(fast.text)", line: line)
        }
    }

    /// `apply` of a pod `web-0` running nginx:1.27; `rest` goes on after the container's image
    /// (indented as in the manifest: container fields by 4, pod fields by 2).
    private func webPod(_ rest: String) -> String {
        """
        apply -f - <<EOF
        apiVersion: v1
        kind: Pod
        metadata:
          name: web-0
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
        \(rest)
        EOF
        """
    }

    /// `apply` of a StatefulSet `web` of 2 replicas whose pods have `podSpec`.
    private func webSet(podSpec: String) -> String {
        let spec = podSpec.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
        return """
            apply -f - <<EOF
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              serviceName: web
              replicas: 2
              template:
                metadata:
                  labels:
                    app: web
                spec:
            \(spec)
            EOF
            """
    }

    private let looks = """
        get pods
        describe pod web-0
        get events
        expect happened event BackOff on pod/web-0
        """

    func testACrashLoopForADay() {
        assertSameBothWays(
            """
            create sts web --image nginx:1.27 --replicas 1
            break image nginx:1.27
            kill pod web-0
            tick 1d
            \(looks)
            logs web-0
            logs web-0 --previous
            tick 3h
            get pods
            fix image nginx:1.27
            tick 10m
            get pods
            """,
            expecting: [
                "web-0   0/1     CrashLoopBackOff   292 (4m51s ago)   24h", "(x292 over 24h)",
                "web-0   1/1     Running   329 (14m ago)   27h",
            ])
    }

    /// Three pods crash-looping out of step (killed a minute apart, one more a little later): the
    /// queue repeats every 5 minutes, each pod at its own offset.
    func testThreePodsCrashLoopingOutOfStepForADay() {
        assertSameBothWays(
            """
            create sts web --image nginx:1.27 --replicas 3
            break image nginx:1.27
            kill pod web-0
            tick 1m
            kill pod web-1
            tick 100s
            kill pod web-2
            tick 1d
            get pods
            describe pod web-1
            get events
            """, expecting: ["web-2   0/1     CrashLoopBackOff"])
    }

    /// A cycle is the 300 s back-off plus the 2.5 s pull, so the recorder's spam filter gains a
    /// fraction of a token each cycle and, every ten hours or so, lets a "Failed to pull" through
    /// as a new event: the recorder never repeats exactly, so a jump replays its calls.
    func testAnImagePullBackOffForADay() {
        assertSameBothWays(
            """
            break image nginx:1.99
            create sts web --image nginx:1.99 --replicas 2
            tick 1d
            \(looks)
            fix image nginx:1.99
            tick 10m
            get pods
            """, expecting: ["ImagePullBackOff", "Back-off pulling image \"nginx:1.99\""])
    }

    func testAWaitThatTimesOutAfterADayOfCrashLoop() {
        assertSameBothWays(
            """
            create sts web --image nginx:1.27 --replicas 1
            break image nginx:1.27
            kill pod web-0
            wait pod web-0 Ready --timeout 26h
            get pods
            describe pod web-0
            """, expecting: ["timed out at 26:00:06: pod/web-0 is not Ready after 26h"])
    }

    /// A liveness probe failing every minute with a threshold of 1,000 kills the container after
    /// about 16.7 hours: its failure count moves by one a cycle, as linearly as a restart count,
    /// but crosses a bound, so no jump may skip over it (fast-forward leaves such counts alone).
    func testALivenessProbeThatFailsForHoursBeforeItsThreshold() {
        assertSameBothWays(
            """
            \(webPod(
                """
                    livenessProbe:
                      httpGet:
                        path: /healthz
                        port: 80
                      periodSeconds: 60
                      failureThreshold: 1000
                """))
            tick 1d
            get pods
            describe pod web-0
            """, expecting: ["web-0   1/1     Running   1 (", "Liveness probe failed"], jumps: false)
    }

    /// Each retry (every 1000 s) records a new FailedCreate event, since the recorder's 10-minute
    /// dedup window has passed, and old ones expire: the event list never repeats, so a jump
    /// replays the recorder's calls.
    func testAStatefulSetWhosePodsCannotBeCreatedForADay() {
        assertSameBothWays(
            """
            \(webSet(podSpec: """
                containers:
                - name: nginx
                  image: nginx:1.27
                  volumeMounts:
                  - name: missing
                    mountPath: /data
                """))
            tick 1d
            get pods
            describe sts web
            get events
            """, expecting: ["FailedCreate"])
    }

    /// The 10-second retry records two events, the recorder's spam filter lets one through about
    /// every 300 s, and its token count (a fraction) never repeats exactly: a jump replays the
    /// recorder's calls.
    func testAContainerWaitingADayForItsConfigMap() {
        assertSameBothWays(
            """
            \(webPod(
                """
                    env:
                    - name: GREETING
                      valueFrom:
                        configMapKeyRef:
                          name: site
                          key: greeting
                """))
            tick 1d
            \(looks.replacingOccurrences(of: "BackOff", with: "Failed"))
            create configmap site --from-literal greeting=hello
            tick 1m
            get pods
            """, expecting: ["CreateContainerConfigError", "(x299 over 23h)"])
    }

    /// A StatefulSet whose pods the API server forbids (their ServiceAccount does not exist):
    /// the controller retries every 1000 s, each retry a new FailedCreate event. `wait` over it
    /// jumps too (the issue's finding: it ran one retry at a time).
    func testAWaitOnAStatefulSetForbiddenByAMissingServiceAccount() {
        assertSameBothWays(
            """
            \(webSet(podSpec: """
                serviceAccountName: builder
                containers:
                - name: nginx
                  image: nginx:1.27
                """))
            expect error wait pod web-0 Running --timeout 26h
            describe sts web
            get events
            create serviceaccount builder
            tick 20m
            get pods
            """,
            expecting: [
                "timed out at 26:00:00: pod/web-0 is not Running after 26h", "FailedCreate",
                "serviceaccount \"builder\" not found", "web-1   1/1     Running",
            ])
    }

    func testAWaitThatTimesOutAfterADayOfImagePullBackOff() {
        assertSameBothWays(
            """
            break image nginx
            create sts web --image nginx --replicas 1
            expect error wait pod web-0 Ready --timeout 26h
            describe pod web-0
            get events
            fix image nginx
            tick 10m
            get pods
            """, expecting: ["pod/web-0 is not Ready after 26h", "ImagePullBackOff", "web-0   1/1     Running"])
    }

    /// A secret volume whose Secret does not exist: the kubelet retries the mount (FailedMount)
    /// and the container waits in ContainerCreating.
    func testAVolumeWaitingADayForItsSecret() {
        assertSameBothWays(
            """
            \(webPod(
                """
                    volumeMounts:
                    - name: creds
                      mountPath: /etc/creds
                  volumes:
                  - name: creds
                    secret:
                      secretName: creds
                """))
            expect error wait pod web-0 Ready --timeout 26h
            tick 1d
            \(looks.replacingOccurrences(of: "BackOff", with: "FailedMount"))
            create secret generic creds --from-literal password=s3cret
            tick 3m
            get pods
            """,
            expecting: ["ContainerCreating", "FailedMount", "secret \"creds\" not found", "web-0   1/1     Running"])
    }

    /// `tick 10000d` over a crash loop took 64 s, one 5-minute retry at a time; now it jumps and
    /// the restart count is what 2,880,000 back-offs give.
    func testTenThousandDaysOfCrashLoopFinish() {
        let out = CapturedOutput()
        let s = Session(options: Session.Options(), output: out)
        let status = s.runScript(
            """
            create sts web --image nginx:1.27 --replicas 1
            break image nginx:1.27
            kill pod web-0
            tick 10000d
            get pods
            expect pod web-0 CrashLoopBackOff
            """, file: "t.sts")
        XCTAssertEqual(status, 0, out.text)
        XCTAssertTrue(out.text.contains("web-0   0/1     CrashLoopBackOff   2880004 (4m51s ago)   27y"), out.text)
        XCTAssertLessThan(s.cluster.processedEvents, 100_000, "the days were simulated one retry at a time")
    }

    /// `tick 1000d` over an image pull back-off ran one 302.5 s retry at a time; now it jumps,
    /// replaying only the event recorder's calls (its spam filter lets "Pulling" through once a
    /// cycle and a new "Failed to pull" every ten hours or so).
    func testAThousandDaysOfImagePullBackOffFinish() {
        let out = CapturedOutput()
        let s = Session(options: Session.Options(), output: out)
        let status = s.runScript(
            """
            break image nginx
            create sts web --image nginx --replicas 1
            tick 1000d
            get pods
            describe pod web-0
            """, file: "t.sts")
        XCTAssertEqual(status, 0, out.text)
        XCTAssertTrue(out.text.contains("web-0   0/1     ImagePullBackOff   0          2y270d"), out.text)
        XCTAssertTrue(out.text.contains("Pulling image \"nginx\""), out.text)
        XCTAssertLessThan(s.cluster.processedEvents, 100_000, "the days were simulated one retry at a time")
    }
}
