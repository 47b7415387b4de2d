/// The EndpointSlice controller (10.1): for each Service with a selector, slices of at most 100
/// endpoints listing the matching pods that have an IP and are not finished, with
/// `ready = publishNotReadyAddresses || (Ready && !terminating)`, and `hostname` when the pod's
/// subdomain names the Service. Updated per pod change, never by rebuilding the whole Service.
final class EndpointSliceController {
    static let maxEndpointsPerSlice = 100
    static let managedBy = "endpointslice-controller.k8s.io"
    static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
    /// `v1.IsHeadlessService`.
    static let headlessLabel = "service.kubernetes.io/headless"

    /// One Service's endpoints and how they are cut into slices.
    struct ServiceEndpoints: Codable {
        var selector: [String: String]
        var endpoints: [String: Endpoint] = [:]
        /// Pod names per slice, in insertion order.
        var slices: [[String]] = []
        var sliceNames: [String?] = []
        var sliceOfPod: [String: Int] = [:]
        var dirty: Set<Int> = []
        /// No slice below this index has room (new endpoints look from here).
        var firstOpen = 0
        init(selector: [String: String]) { self.selector = selector }
    }

    unowned let cluster: Cluster

    /// Everything this controller remembers between events, as a value: `Cluster.clone` copies it
    /// by assignment (the collections inside are copy-on-write), so nothing added here can be
    /// left out of an undo snapshot.
    struct State: Codable {
        var services: [ObjectKey: ServiceEndpoints] = [:]
        var servicesByNamespace: [String: [ObjectKey]] = [:]
    }
    var state = State()

    init(cluster: Cluster) { self.cluster = cluster }

    /// Names of the slices belonging to a Service, in creation order.
    func sliceNames(for service: ObjectKey) -> [String] { state.services[service]?.sliceNames.compactMap { $0 } ?? [] }

    // MARK: Informers

    func serviceChanged(_ svc: Service, type: ChangeType) {
        let key = ObjectKey(kind: .service, namespace: svc.metadata.namespace, name: svc.metadata.name)
        if type == .deleted || svc.spec.selector.isEmpty {
            if state.services.removeValue(forKey: key) != nil {
                state.servicesByNamespace[key.namespace]?.removeAll { $0 == key }
            }
            return
        }
        if let existing = state.services[key], existing.selector == svc.spec.selector, type == .modified {
            state.services[key]!.dirty.formUnion(existing.slices.indices)
            cluster.enqueueSync(.syncEndpoints(service: key))
            return
        }
        if state.services[key] == nil {
            state.services[key] = ServiceEndpoints(selector: svc.spec.selector)
            state.servicesByNamespace[key.namespace, default: []].append(key)
        }
        state.services[key]!.selector = svc.spec.selector
        let pods = cluster.store.list(Pod.self, namespace: key.namespace)
        Self.refill(&state.services[key]!, svc, pods: pods) { name in
            self.cluster.store.get(Pod.self, namespace: key.namespace, name: name)
        }
        cluster.enqueueSync(.syncEndpoints(service: key))
    }

    /// Recomputes every endpoint of a Service whose selector is new.
    private static func refill(_ s: inout ServiceEndpoints, _ svc: Service, pods: [Pod], lookup: (String) -> Pod?) {
        for pod in pods { update(&s, svc, pod: pod, removed: false) }
        for name in s.endpoints.keys.sorted() where !(lookup(name).map { matches(s, $0) } ?? false) {
            remove(&s, podName: name)
        }
        if s.slices.isEmpty {
            s.slices = [[]]
            s.sliceNames = [nil]
            s.dirty.insert(0)
        }
    }

    func podChanged(_ pod: Pod, type: ChangeType) {
        guard let keys = state.servicesByNamespace[pod.metadata.namespace] else { return }
        for key in keys {
            guard state.services[key] != nil,
                let svc = cluster.store.get(Service.self, namespace: key.namespace, name: key.name)
            else { continue }
            if Self.update(&state.services[key]!, svc, pod: pod, removed: type == .deleted) {
                cluster.enqueueSync(.syncEndpoints(service: key))
            }
        }
    }

    private static func matches(_ state: ServiceEndpoints, _ pod: Pod) -> Bool {
        state.selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
    }

    /// Recomputes one pod's endpoint; true when something changed.
    @discardableResult
    private static func update(_ state: inout ServiceEndpoints, _ svc: Service, pod: Pod, removed: Bool) -> Bool {
        let name = pod.metadata.name
        let finished = pod.status.phase == .succeeded || pod.status.phase == .failed
        guard !removed, matches(state, pod), let ip = pod.status.podIP, !finished else {
            return remove(&state, podName: name)
        }
        let terminating = pod.metadata.deletionTimestamp != nil
        let serving = pod.isReady
        let ready = (svc.spec.publishNotReadyAddresses ?? false) || (serving && !terminating)
        let hostname = pod.spec.hostname != nil && pod.spec.subdomain == svc.metadata.name ? pod.spec.hostname : nil
        let ep = Endpoint(
            addresses: [ip], conditions: EndpointConditions(ready: ready, serving: serving, terminating: terminating),
            hostname: hostname, nodeName: pod.spec.nodeName,
            targetRef: ObjectReference(
                kind: "Pod", namespace: pod.metadata.namespace, name: name, uid: pod.metadata.uid))
        if state.endpoints[name] == ep { return false }
        state.endpoints[name] = ep
        if let i = state.sliceOfPod[name] {
            state.dirty.insert(i)
        } else {
            while state.firstOpen < state.slices.count, state.slices[state.firstOpen].count >= Self.maxEndpointsPerSlice
            {
                state.firstOpen += 1
            }
            if state.firstOpen == state.slices.count {
                state.slices.append([])
                state.sliceNames.append(nil)
            }
            let i = state.firstOpen
            state.slices[i].append(name)
            state.sliceOfPod[name] = i
            state.dirty.insert(i)
        }
        return true
    }

    @discardableResult
    private static func remove(_ state: inout ServiceEndpoints, podName: String) -> Bool {
        guard state.endpoints.removeValue(forKey: podName) != nil, let i = state.sliceOfPod.removeValue(forKey: podName)
        else { return false }
        state.slices[i].removeAll { $0 == podName }
        state.dirty.insert(i)
        state.firstOpen = min(state.firstOpen, i)
        return true
    }

    // MARK: Sync

    func sync(_ key: ObjectKey) {
        guard let s = state.services[key],
            let svc = cluster.store.get(Service.self, namespace: key.namespace, name: key.name)
        else { return }
        let ports = svc.spec.ports.map { p in
            EndpointPort(name: p.name ?? "", port: Int(p.targetPort ?? "") ?? p.port, protocol: p.protocol ?? .tcp)
        }
        for i in s.dirty.sorted() {
            let endpoints = s.slices[i].compactMap { s.endpoints[$0] }
            if let name = s.sliceNames[i],
                var slice = cluster.store.get(EndpointSlice.self, namespace: key.namespace, name: name)
            {
                if endpoints.isEmpty, i > 0 {
                    cluster.deleteObject(.endpointSlice(slice))
                    state.services[key]?.sliceNames[i] = nil
                    continue
                }
                let labels = Self.sliceLabels(svc)
                if slice.endpoints == endpoints, slice.ports == ports, slice.metadata.labels == labels { continue }
                slice.endpoints = endpoints
                slice.ports = ports
                slice.metadata.labels = labels
                cluster.write(.endpointSlice(slice))
            } else if !endpoints.isEmpty || i == 0 {
                var meta = ObjectMeta(generateName: key.name + "-", namespace: key.namespace)
                meta.labels = Self.sliceLabels(svc)
                meta.ownerReferences = [
                    OwnerReference(
                        apiVersion: "v1", kind: "Service", name: key.name, uid: svc.metadata.uid!, controller: true,
                        blockOwnerDeletion: true)
                ]
                if case .success(let o) = cluster.create(
                    .endpointSlice(EndpointSlice(metadata: meta, endpoints: endpoints, ports: ports)))
                {
                    state.services[key]?.sliceNames[i] = o.metadata.name
                }
            }
        }
        state.services[key]?.dirty = []
    }

    /// The labels a Service's slices carry (k8s.io/endpointslice utils.go `setEndpointSliceLabels`):
    /// the Service's own but the three the controller owns, `service.kubernetes.io/headless` when
    /// the Service has no cluster IP, and the Service's name and the controller's.
    static func sliceLabels(_ svc: Service) -> [String: String] {
        let reserved = [EndpointSlice.serviceNameLabel, managedByLabel, headlessLabel]
        var labels = svc.metadata.labels.filter { !reserved.contains($0.key) }
        let ipSet = svc.spec.clusterIP.map { $0 != "None" && !$0.isEmpty } ?? false
        if !ipSet { labels[headlessLabel] = "" }
        labels[EndpointSlice.serviceNameLabel] = svc.metadata.name
        labels[managedByLabel] = managedBy
        return labels
    }
}
