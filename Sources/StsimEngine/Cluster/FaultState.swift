/// Faults injected into the simulation that live outside any one node: failing readiness probes,
/// images that ignore SIGTERM, broken images. (Partitions and crashes are each node's link and
/// power state: `Cluster+Faults`.)
public struct FaultState: Codable, Sendable {
    /// Pods (by namespace/name) whose readiness probes fail while listed.
    public internal(set) var failingReadiness: Set<ObjectKey> = []
    /// Images whose containers ignore SIGTERM and are killed only at the end of the grace period.
    public internal(set) var ignoresSIGTERM: Set<String> = []
    /// Images that cannot be pulled (and, when already on a node, exit as soon as they start).
    public internal(set) var brokenImages: Set<String> = []

    public init() {}
}

extension Cluster {
    /// Makes the readiness probes of a pod fail (or succeed again). The kubelet notices at its
    /// next probe; after `failureThreshold` failures the pod turns NotReady. A pod without a
    /// readiness probe is not affected, as in Kubernetes.
    public func setReadinessFailing(_ pod: String, namespace: String? = nil, _ failing: Bool) {
        let key = ObjectKey(kind: .pod, namespace: namespace ?? config.namespace, name: pod)
        if failing { faults.failingReadiness.insert(key) } else { faults.failingReadiness.remove(key) }
        if let p = store.get(Pod.self, namespace: key.namespace, name: key.name), let node = p.spec.nodeName,
            let uid = p.metadata.uid
        {
            kubelets[node]?.readinessFaultChanged(uid)
        }
    }

    /// Containers of this image ignore SIGTERM (like `sleep` as PID 1): deletion takes the full grace period.
    public func setIgnoresSIGTERM(image: String, _ ignores: Bool) {
        if ignores { faults.ignoresSIGTERM.insert(image) } else { faults.ignoresSIGTERM.remove(image) }
    }

    /// `break image IMG` / `fix image IMG`: pulls of the image fail (ErrImagePull, then
    /// ImagePullBackOff); containers of it already on a node exit right after starting. Pods in
    /// back-off notice a fix at their next retry.
    public func setImageBroken(_ image: String, _ broken: Bool) {
        if broken { faults.brokenImages.insert(image) } else { faults.brokenImages.remove(image) }
        guard !broken else { return }
        for node in kubelets.keys.sorted() { kubelets[node]!.imageFixed(image) }
    }

    /// The container exits (`kill pod`): the kubelet restarts it with back-off.
    @discardableResult
    public func killContainer(pod: String, namespace: String? = nil, container: String? = nil, exitCode: Int = 137)
        -> Result<Void, APIError>
    {
        guard let p = store.get(Pod.self, namespace: namespace ?? config.namespace, name: pod) else {
            return .failure(.notFound(.pod, pod))
        }
        guard let node = p.spec.nodeName, let uid = p.metadata.uid, let kubelet = kubelets[node] else {
            return .success(())
        }
        // The kubelet's index: init containers come first.
        let index =
            container.flatMap { c in p.asRun.spec.containers.firstIndex { $0.name == c } }
            ?? p.spec.initContainers.count
        history.recordFault(
            .killed, on: ObjectKey(kind: .pod, namespace: p.metadata.namespace, name: p.metadata.name), at: now)
        kubelet.containerExited(uid, index: index, exitCode: exitCode)
        return .success(())
    }
}
