import StsimEngine
import XCTest

@testable import StsimRender

/// Renders a real engine run end to end: every output must be deterministic (two runs of the
/// same script print the same bytes) and tell the StatefulSet story in order.
final class EngineIntegrationTests: XCTestCase {
    typealias F = Fixtures

    func transcript() -> String {
        let cluster = Cluster(config: ClusterConfig())
        var watch = WatchFormatter()
        var out = ""
        _ = watch.format(cluster.drainChanges())
        let service = Service(
            metadata: ObjectMeta(name: "nginx", namespace: "default", labels: ["app": "nginx"]),
            spec: ServiceSpec(
                selector: ["app": "nginx"], ports: [ServicePort(name: "web", port: 80)], clusterIP: "None"))
        var sts = F.statefulSet(replicas: 3, ready: 0)
        sts.metadata = ObjectMeta(name: "web", namespace: "default")
        sts.status = StatefulSetStatus()
        for object in [KubeObject.service(service), .statefulSet(sts)] {
            if case .failure(let e) = cluster.create(object) { return "create failed: \(e)" }
        }
        let result = cluster.settle()
        out += watch.format(cluster.drainChanges(), limit: 40).text
        out +=
            SettleSummary.render(result, pods: cluster.list(Pod.self), claims: cluster.list(PersistentVolumeClaim.self))
            + "\n"
        out +=
            GetOutput.tables(
                [(.pod, cluster.list(.pod))], namespace: "default", options: TableOptions(wide: true), now: cluster.now
            ).text
        out +=
            GetOutput.tables(
                [
                    (.statefulSet, cluster.list(.statefulSet)),
                    (.persistentVolumeClaim, cluster.list(.persistentVolumeClaim)),
                ], namespace: "default", now: cluster.now
            ).text
        out += GetOutput.tables([(.node, cluster.list(.node))], namespace: "default", now: cluster.now).text
        out +=
            GetOutput.tables([(.endpoints, cluster.list(.endpointSlice))], namespace: "default", now: cluster.now).text
        out += EventList.render(cluster.events, namespace: "default", now: cluster.now).text
        let set = cluster.get(StatefulSet.self, "web")!
        out += Describe.statefulSet(
            set, pods: cluster.list(Pod.self), events: cluster.events(about: .statefulSet, "web"),
            blockedReasons: cluster.blockers(statefulSet: "web"), now: cluster.now)
        out += Describe.pod(
            cluster.get(Pod.self, "web-0")!, events: cluster.events(about: .pod, "web-0"), now: cluster.now)
        let name = "nginx.default.svc.cluster.local"
        out += DigOutput.render(query: name, type: .srv, answer: cluster.dnsQuery(name, type: .srv), now: cluster.now)
        out += SnapshotTree.render(SnapshotInput(cluster.store), now: cluster.now)
        _ = cluster.scale(.statefulSet, "web", replicas: 1)
        let down = cluster.settle()
        out += watch.format(cluster.drainChanges(), limit: 40).text
        out +=
            SettleSummary.render(down, pods: cluster.list(Pod.self), claims: cluster.list(PersistentVolumeClaim.self))
            + "\n"
        out += SnapshotTree.render(SnapshotInput(cluster.store), now: cluster.now)
        return out
    }

    /// A crash, then a scale-up held behind an unready pod (OrderedReady): the rows, the summary
    /// and `describe` must say what happened and why nothing more does.
    func blockedTranscript() -> String {
        let cluster = Cluster(config: ClusterConfig())
        var watch = WatchFormatter()
        var sts = F.statefulSet(replicas: 2, ready: 0)
        sts.metadata = ObjectMeta(name: "web", namespace: "default")
        sts.status = StatefulSetStatus()
        // A TCP probe passes as soon as nginx listens (an HTTP one would get 403 from the empty claim).
        sts.spec.template.spec.containers[0].readinessProbe = Probe(handler: .tcpSocket(port: "80"))
        if case .failure(let e) = cluster.create(.statefulSet(sts)) { return "create failed: \(e)" }
        cluster.settle()
        _ = watch.format(cluster.drainChanges())
        cluster.killContainer(pod: "web-1")
        cluster.setReadinessFailing("web-0", true)
        cluster.settle(limit: .seconds(120))
        _ = cluster.scale(.statefulSet, "web", replicas: 3)
        let result = cluster.settle(limit: .seconds(120))
        var out = watch.format(cluster.drainChanges(), limit: 40).text
        out +=
            SettleSummary.render(
                result, pods: cluster.list(Pod.self), claims: cluster.list(PersistentVolumeClaim.self),
                blocked: [("web", cluster.blockers(statefulSet: "web"))]) + "\n"
        out += GetOutput.tables([(.pod, cluster.list(.pod))], namespace: "default", now: cluster.now).text
        out += Describe.statefulSet(
            cluster.get(StatefulSet.self, "web")!, pods: cluster.list(Pod.self),
            events: cluster.events(about: .statefulSet, "web"),
            blockedReasons: cluster.blockers(statefulSet: "web"), now: cluster.now)
        for pod in cluster.list(Pod.self) {
            out += Describe.pod(pod, events: cluster.events(about: .pod, pod.metadata.name), now: cluster.now)
        }
        return out
    }

    func testBlockedStory() {
        let first = blockedTranscript()
        XCTAssertEqual(first, blockedTranscript())
        if ProcessInfoLite.printTranscript { print(first) }
        XCTAssertTrue(first.contains("Blocked:            web-2 waits: web-0 is not Ready (OrderedReady)"), first)
        XCTAssertTrue(first.contains("\n  sts/web: web-2 waits: web-0 is not Ready (OrderedReady)\n"), first)
    }

    func testDeterministicStory() {
        let first = transcript()
        XCTAssertEqual(first, transcript())
        if ProcessInfoLite.printTranscript { print(first) }
        XCTAssertTrue(first.contains("pod/web-2"), first)
        XCTAssertTrue(first.contains("3 pods Running and Ready"), first)
        XCTAssertTrue(first.contains("claims no pod mounts"), first)
    }
}

/// `STSIM_PRINT=1` prints the transcript for a human to read; no Foundation needed for that.
enum ProcessInfoLite {
    static var printTranscript: Bool {
        guard let value = getenv("STSIM_PRINT") else { return false }
        return String(cString: value) == "1"
    }
}
