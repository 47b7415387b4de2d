import XCTest

@testable import StsimEngine

/// Small helpers shared by the engine tests.
extension Cluster {
    func pod(_ name: String) -> Pod? { get(Pod.self, name) }
    func claim(_ name: String) -> PersistentVolumeClaim? { get(PersistentVolumeClaim.self, name) }
    func sts(_ name: String) -> StatefulSet? { get(StatefulSet.self, name) }

    func podNames() -> [String] { list(Pod.self).map(\.metadata.name) }
    /// What a node's kubelet runs but the cluster's own kube-proxy pod.
    func workloadPods(onNode node: String) -> [RuntimePodView] {
        runtimePods(onNode: node).filter { !$0.name.hasPrefix("kube-proxy-") }
    }

    @discardableResult
    func mustCreate(_ o: KubeObject, file: StaticString = #filePath, line: UInt = #line) -> KubeObject? {
        switch create(o) {
        case .success(let x): return x
        case .failure(let e):
            XCTFail("create failed: \(e.message)", file: file, line: line)
            return nil
        }
    }

    /// A StatefulSet `web` with a headless Service `web` and a 1Mi claim template `data`.
    func createWeb(
        replicas: Int = 3, policy: PodManagementPolicy = .orderedReady, probe: Bool = false, storage: String? = "1Mi"
    ) {
        let p = probe ? Probe(handler: .httpGet(path: "/", port: "8080", scheme: nil), periodSeconds: 10) : nil
        mustCreate(.service(.headless(name: "web", selector: ["app": "web"], port: 8080, portName: "http")))
        mustCreate(
            .statefulSet(
                .make(
                    name: "web", image: "nginx:1.27", replicas: replicas, serviceName: "web", storage: storage,
                    policy: policy, readinessProbe: p)))
    }
}

extension Change {
    var podName: String? { key.kind == .pod ? key.name : nil }
    var pod: Pod? { Pod(object) }
}

/// Index of the first change satisfying a predicate.
func firstIndex(_ changes: [Change], _ p: (Change) -> Bool) -> Int? { changes.firstIndex(where: p) }
