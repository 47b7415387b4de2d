/// What really runs on a node, as its kubelet knows it (the "truth" side of the snapshot; the API
/// side is the Pod objects). The two differ while a node's link is cut (`partition`, `crash`).
public struct RuntimePodView: Sendable, Hashable {
    public struct ContainerView: Sendable, Hashable {
        public var name: String
        public var image: String
        public var state: ContainerState
        public var ready: Bool
        public var restartCount: Int
    }
    public var namespace: String
    public var name: String
    public var uid: UID
    public var podIP: String?
    public var terminating: Bool
    public var containers: [ContainerView]
}

extension Cluster {
    /// The pods a node's kubelet is running, by name.
    public func runtimePods(onNode node: String) -> [RuntimePodView] {
        guard let kubelet = kubelets[node] else { return [] }
        return kubelet.pods.values.map { rp in
            RuntimePodView(
                namespace: rp.key.namespace, name: rp.key.name, uid: rp.uid, podIP: rp.podIP,
                terminating: rp.terminating,
                containers: rp.appContainers.map {
                    .init(
                        name: $0.name, image: $0.image, state: $0.state, ready: $0.ready, restartCount: $0.restartCount)
                })
        }.sorted { a, b in
            a.namespace != b.namespace
                ? a.namespace.utf8.lexicographicallyPrecedes(b.namespace.utf8)
                : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }
    }

    /// Whether the node's kubelet can reach the control plane (false while partitioned or crashed).
    public func isLinkConnected(node: String) -> Bool { kubelets[node]?.link.isConnected ?? false }

    /// The EndpointSlices of a Service (what `get endpoints` and DNS read), in creation order.
    public func endpointSlices(forService name: String, namespace: String? = nil) -> [EndpointSlice] {
        let key = ObjectKey(kind: .service, namespace: namespace ?? config.namespace, name: name)
        return endpoints.sliceNames(for: key).compactMap {
            store.get(EndpointSlice.self, namespace: key.namespace, name: $0)
        }
    }
}
