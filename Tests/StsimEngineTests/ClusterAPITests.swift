import XCTest

@testable import StsimEngine

final class ClusterAPITests: XCTestCase {
    func testDefaultCluster() {
        let c = Cluster()
        XCTAssertEqual(c.list(Node.self).map(\.metadata.name), ["control-plane", "node-1", "node-2", "node-3"])
        let cp = c.get(Node.self, "control-plane")!
        XCTAssertEqual(cp.spec.taints.first?.key, "node-role.kubernetes.io/control-plane")
        XCTAssertTrue(c.get(StorageClass.self, "standard")!.isDefault)
        XCTAssertEqual(c.get(Service.self, "kubernetes")?.spec.clusterIP, "10.96.0.1")
        var config = ClusterConfig()
        config.workerCount = 1
        config.defaultStorageClass = false
        let small = Cluster(config: config)
        XCTAssertEqual(small.list(Node.self).count, 2)
        XCTAssertTrue(small.list(StorageClass.self).isEmpty)
    }

    func testPodsNeverLandOnTheControlPlane() {
        let c = Cluster()
        c.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 9)))
        c.settle()
        let nodes = c.list(Pod.self).compactMap(\.spec.nodeName)
        XCTAssertFalse(nodes.contains("control-plane"))
        XCTAssertEqual(nodes.filter { $0 == "node-1" }.count, 3, "fewest pods, then name spreads evenly")
    }

    func testErrorsAreKubernetesTexts() {
        let c = Cluster()
        XCTAssertEqual(c.delete(.pod, "web-9").failure?.message, "pods \"web-9\" not found")
        XCTAssertEqual(
            c.delete(.pod, "web-9").failure?.kubectlMessage, "Error from server (NotFound): pods \"web-9\" not found")
        c.createWeb(replicas: 1)
        let again = c.create(.statefulSet(.make(name: "web", image: "nginx")))
        XCTAssertEqual(again.failure?.reason, .alreadyExists)
        XCTAssertEqual(again.failure?.message, "statefulsets.apps \"web\" already exists")
        var bad = StatefulSet.make(name: "bad", image: "nginx")
        bad.spec.selector = LabelSelector(matchLabels: ["app": "other"])
        XCTAssertEqual(
            c.create(.statefulSet(bad)).failure?.kubectlMessage,
            "The StatefulSet \"bad\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"bad\"}: `selector` does not match template `labels`"
        )
        var changed = c.sts("web")!
        changed.spec.serviceName = "other"
        changed.metadata.resourceVersion = 0
        XCTAssertEqual(
            c.update(.statefulSet(changed)).failure?.kubectlMessage,
            "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
        )
    }

    func testDefaultsAreApplied() {
        let c = Cluster()
        c.createWeb(replicas: 1)
        let s = c.sts("web")!
        XCTAssertEqual(s.spec.podManagementPolicy, .orderedReady)
        XCTAssertEqual(s.spec.updateStrategy?.type, .rollingUpdate)
        XCTAssertEqual(s.spec.updateStrategy?.rollingUpdate?.partition, 0)
        XCTAssertEqual(s.spec.revisionHistoryLimit, 10)
        XCTAssertEqual(s.spec.persistentVolumeClaimRetentionPolicy?.whenScaled, .retain)
        XCTAssertEqual(s.spec.template.spec.terminationGracePeriodSeconds, 30)
        XCTAssertEqual(s.spec.template.spec.containers[0].imagePullPolicy, .ifNotPresent)
        XCTAssertEqual(s.spec.volumeClaimTemplates[0].spec.volumeMode, .filesystem)
        c.settle()
        let pod = c.pod("web-0")!
        XCTAssertEqual(pod.spec.tolerations.count, 2)
        XCTAssertEqual(pod.spec.tolerations[0].tolerationSeconds, 300)
        XCTAssertEqual(c.claim("data-web-0")?.spec.storageClassName, "standard")
        XCTAssertEqual(c.claim("data-web-0")?.metadata.finalizers, ["kubernetes.io/pvc-protection"])
        XCTAssertEqual(
            pod.status.conditions.map(\.type),
            [.podReadyToStartContainers, .initialized, .ready, .containersReady, .podScheduled])
    }

    func testListIsInNameByteOrder() {
        let c = Cluster()
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 12, policy: .parallel)))
        c.settle()
        XCTAssertEqual(Array(c.podNames().prefix(4)), ["web-0", "web-1", "web-10", "web-11"])
    }

    func testStaticBindingPicksTheSmallestFittingVolume() {
        var config = ClusterConfig()
        config.defaultStorageClass = false
        let c = Cluster(config: config)
        c.mustCreate(.persistentVolume(.make(name: "pv-big", capacity: "10Mi")))
        c.mustCreate(.persistentVolume(.make(name: "pv-small", capacity: "2Mi")))
        c.mustCreate(.persistentVolume(.make(name: "pv-tiny", capacity: "512Ki")))
        c.mustCreate(.persistentVolumeClaim(.make(name: "claim", storage: "1Mi")))
        c.settle()
        XCTAssertEqual(c.claim("claim")?.spec.volumeName, "pv-small")
        XCTAssertEqual(c.claim("claim")?.status.capacity, Quantity("2Mi"))
        XCTAssertEqual(c.get(PersistentVolume.self, "pv-big")?.status.phase, .available)
        // Retain: deleting the claim leaves the volume Released, not rebound.
        _ = c.delete(.persistentVolumeClaim, "claim")
        c.settle()
        XCTAssertEqual(c.get(PersistentVolume.self, "pv-small")?.status.phase, .released)
        c.mustCreate(.persistentVolumeClaim(.make(name: "claim", storage: "1Mi")))
        c.settle()
        XCTAssertEqual(c.claim("claim")?.spec.volumeName, "pv-big")
    }

    func testUnboundClaimWithoutClassStaysPending() {
        var config = ClusterConfig()
        config.defaultStorageClass = false
        let c = Cluster(config: config)
        c.createWeb(replicas: 2)
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-0"])
        XCTAssertEqual(c.pod("web-0")?.status.phase, .pending)
        XCTAssertTrue(c.events(about: .persistentVolumeClaim, "data-web-0").contains { $0.reason == "FailedBinding" })
        XCTAssertTrue(
            c.blockers(statefulSet: "web").contains {
                $0.hasPrefix(
                    "web-0 is Pending: 0/4 nodes are available: pod has unbound immediate PersistentVolumeClaims")
            }, "\(c.blockers(statefulSet: "web"))")
        // A hand-made volume appears: the claim binds and creation resumes.
        c.mustCreate(.persistentVolume(.make(name: "pv-a", capacity: "1Mi")))
        c.mustCreate(.persistentVolume(.make(name: "pv-b", capacity: "1Mi")))
        c.settle()
        XCTAssertEqual(c.podNames(), ["web-0", "web-1"])
        XCTAssertTrue(c.list(Pod.self).allSatisfy(\.isRunningAndReady))
    }

    func testCrashLoopBackOff() {
        let c = Cluster()
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 1)))
        c.settle()
        c.killContainer(pod: "web-0")
        c.advance(by: .zero)
        // Until the kubelet's next sync the pod shows the exit (STATUS Error), not yet a restart.
        guard case .terminated(137, "Error", _, _, _) = c.pod("web-0")!.status.containerStatuses[0].state else {
            return XCTFail("the first exit shows as Error")
        }
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses[0].restartCount, 0)
        c.advance(by: .seconds(1))
        XCTAssertEqual(
            c.pod("web-0")?.status.containerStatuses[0].restartCount, 1, "the first exit is restarted at the next sync")
        c.killContainer(pod: "web-0")
        c.advance(by: .zero)
        guard case .terminated(137, "Error", _, _, _) = c.pod("web-0")!.status.containerStatuses[0].state else {
            return XCTFail("a later exit shows as Error first")
        }
        c.advance(by: .seconds(1))
        guard case .waiting(let reason, let message) = c.pod("web-0")!.status.containerStatuses[0].state else {
            return XCTFail()
        }
        XCTAssertEqual(reason, "CrashLoopBackOff")
        XCTAssertTrue(message!.hasPrefix("back-off 10s restarting failed container=web pod=web-0_default("))
        XCTAssertEqual(c.pod("web-0")?.status.phase, .running)
        XCTAssertEqual(c.settle().reason, .onlyRetries)
        c.advance(by: .seconds(10))
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses[0].restartCount, 2)
        c.killContainer(pod: "web-0")
        c.advance(by: .seconds(19))
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses[0].restartCount, 2)
        c.advance(by: .seconds(1))
        XCTAssertEqual(c.pod("web-0")?.status.containerStatuses[0].restartCount, 3)
        XCTAssertTrue(c.events(about: .pod, "web-0").contains { $0.reason == "BackOff" })
    }

    func testGracePeriodForContainersIgnoringSIGTERM() {
        let c = Cluster()
        // nginx stops on its signal by itself: the fault makes it deaf.
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 1)))
        c.settle()
        c.setIgnoresSIGTERM(image: "nginx", true)
        _ = c.delete(.pod, "web-0")
        let t0 = c.now
        let uid = c.pod("web-0")!.metadata.uid
        let r = c.run(until: { $0.pod("web-0")?.metadata.uid != uid }, timeout: .minutes(1))
        XCTAssertEqual(r.reason, .satisfied)
        XCTAssertEqual(c.now - t0, .seconds(30))
    }

    func testEventsAreDeduplicatedAndSpamLimited() {
        let c = Cluster()
        c.mustCreate(.statefulSet(.make(name: "web", image: "nginx", replicas: 40, policy: .parallel)))
        c.settle()
        let about = c.events(about: .statefulSet, "web")
        XCTAssertLessThanOrEqual(about.count, 25)
        XCTAssertTrue(about.contains { $0.message.hasPrefix("(combined from similar events): ") })
    }

    func testDeterminismSameSeedSameHistory() {
        func history(seed: UInt64) -> [String] {
            let c = Cluster(config: ClusterConfig(seed: seed))
            c.createWeb(replicas: 3)
            c.mustCreate(.replicaSet(.make(name: "rs", image: "nginx", replicas: 3)))
            c.settle()
            c.scale(.statefulSet, "web", replicas: 1)
            c.settle()
            return c.drainChanges().changes.map {
                "\($0.time.milliseconds) \($0.type) \($0.key) \($0.resourceVersion) \($0.object.metadata.uid!) \(Pod($0.object)?.status.podIP ?? "")"
            }
                + c.events.map { "\($0.metadata.name) \($0.message) \($0.count)" }
        }
        let a = history(seed: 7)
        let b = history(seed: 7)
        let other = history(seed: 8)
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, other)
    }

    func testChangeFeedLimitCountsDroppedChanges() {
        var config = ClusterConfig()
        config.changeFeedLimit = 10
        let c = Cluster(config: config)
        _ = c.drainChanges()
        c.createWeb(replicas: 3)
        c.settle()
        let batch = c.drainChanges()
        XCTAssertEqual(batch.changes.count, 10)
        XCTAssertGreaterThan(batch.droppedCount, 0)
        XCTAssertEqual(c.drainChanges().changes.count, 0)
    }

    func testResourceKindNames() {
        XCTAssertEqual(ResourceKind(name: "sts"), .statefulSet)
        XCTAssertEqual(ResourceKind(name: "po"), .pod)
        XCTAssertEqual(ResourceKind(name: "pvc"), .persistentVolumeClaim)
        XCTAssertEqual(ResourceKind(name: "ep"), .endpoints)
        XCTAssertEqual(ResourceKind(name: "statefulsets.apps"), .statefulSet)
        XCTAssertEqual(ResourceKind(name: "no"), .node)
        XCTAssertEqual(ResourceKind(apiVersion: "apps/v1", kind: "StatefulSet"), .statefulSet)
        XCTAssertNil(ResourceKind(apiVersion: "apps/v1beta1", kind: "StatefulSet"))
        XCTAssertFalse(ResourceKind.persistentVolume.isNamespaced)
    }

    func testRevisionHashHelpers() {
        // SafeEncodeString maps decimal digits to 4 5 6 7 8 9 b c d f.
        XCTAssertEqual(StatefulSetIdentity.safeEncode("0123456789"), "456789bcdf")
        XCTAssertEqual(StatefulSetIdentity.fnv32([]), 2_166_136_261)
        XCTAssertEqual(Quantity("1Mi")?.value, 1_048_576)
        XCTAssertEqual(Quantity("500M")?.value, 500_000_000)
        XCTAssertEqual(UID("0c43407d-c177-46f7-83f9-1ca7864a7135")?.description, "0c43407d-c177-46f7-83f9-1ca7864a7135")
    }
}

extension Result {
    var failure: Failure? { if case .failure(let e) = self { return e } else { return nil } }
}
