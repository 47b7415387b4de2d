/// The EndpointSlice controller (10.1): for each Service with a selector, slices of at most 100
/// endpoints listing the matching pods that have an IP and are not finished, with
/// `ready = publishNotReadyAddresses || (Ready && !terminating)`, and `hostname` when the pod's
/// subdomain names the Service. Updated per pod change, never by rebuilding the whole Service.
final class EndpointSliceController {
    static let maxEndpointsPerSlice = 100
    static let managedBy = "endpointslice-controller.k8s.io"

    private final class ServiceEndpoints {
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

        func copy() -> ServiceEndpoints {
            let c = ServiceEndpoints(selector: selector)
            c.endpoints = endpoints
            c.slices = slices
            c.sliceNames = sliceNames
            c.sliceOfPod = sliceOfPod
            c.dirty = dirty
            c.firstOpen = firstOpen
            return c
        }
    }

    unowned let cluster: Cluster
    private var services: [ObjectKey: ServiceEndpoints] = [:]
    private var servicesByNamespace: [String: [ObjectKey]] = [:]

    init(cluster: Cluster) { self.cluster = cluster }

    func copyState(from o: EndpointSliceController) {
        services = o.services.mapValues { $0.copy() }
        servicesByNamespace = o.servicesByNamespace
    }

    /// Names of the slices belonging to a Service, in creation order.
    func sliceNames(for service: ObjectKey) -> [String] { services[service]?.sliceNames.compactMap { $0 } ?? [] }

    // MARK: Informers

    func serviceChanged(_ svc: Service, type: ChangeType) {
        let key = ObjectKey(kind: .service, namespace: svc.metadata.namespace, name: svc.metadata.name)
        if type == .deleted || svc.spec.selector.isEmpty {
            if services.removeValue(forKey: key) != nil { servicesByNamespace[key.namespace]?.removeAll { $0 == key } }
            return
        }
        if let existing = services[key], existing.selector == svc.spec.selector, type == .modified {
            for i in existing.slices.indices { existing.dirty.insert(i) }
            cluster.enqueueSync(.syncEndpoints(service: key))
            return
        }
        let state = services[key] ?? ServiceEndpoints(selector: svc.spec.selector)
        state.selector = svc.spec.selector
        if services[key] == nil {
            services[key] = state
            servicesByNamespace[key.namespace, default: []].append(key)
        }
        for pod in cluster.store.list(Pod.self, namespace: key.namespace) {
            update(state, svc, pod: pod, removed: false)
        }
        for name in state.endpoints.keys.sorted()
        where !(cluster.store.get(Pod.self, namespace: key.namespace, name: name).map { matches(state, $0) } ?? false) {
            remove(state, podName: name)
        }
        if state.slices.isEmpty {
            state.slices = [[]]
            state.sliceNames = [nil]
            state.dirty.insert(0)
        }
        cluster.enqueueSync(.syncEndpoints(service: key))
    }

    func podChanged(_ pod: Pod, type: ChangeType) {
        guard let keys = servicesByNamespace[pod.metadata.namespace] else { return }
        for key in keys {
            guard let state = services[key],
                let svc = cluster.store.get(Service.self, namespace: key.namespace, name: key.name)
            else { continue }
            if update(state, svc, pod: pod, removed: type == .deleted) {
                cluster.enqueueSync(.syncEndpoints(service: key))
            }
        }
    }

    private func matches(_ state: ServiceEndpoints, _ pod: Pod) -> Bool {
        state.selector.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
    }

    /// Recomputes one pod's endpoint; true when something changed.
    @discardableResult
    private func update(_ state: ServiceEndpoints, _ svc: Service, pod: Pod, removed: Bool) -> Bool {
        let name = pod.metadata.name
        let finished = pod.status.phase == .succeeded || pod.status.phase == .failed
        guard !removed, matches(state, pod), let ip = pod.status.podIP, !finished else {
            return remove(state, podName: name)
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
    private func remove(_ state: ServiceEndpoints, podName: String) -> Bool {
        guard state.endpoints.removeValue(forKey: podName) != nil, let i = state.sliceOfPod.removeValue(forKey: podName)
        else { return false }
        state.slices[i].removeAll { $0 == podName }
        state.dirty.insert(i)
        state.firstOpen = min(state.firstOpen, i)
        return true
    }

    // MARK: Sync

    func sync(_ key: ObjectKey) {
        guard let state = services[key],
            let svc = cluster.store.get(Service.self, namespace: key.namespace, name: key.name)
        else { return }
        let ports = svc.spec.ports.map { p in
            EndpointPort(name: p.name ?? "", port: Int(p.targetPort ?? "") ?? p.port, protocol: p.protocol ?? .tcp)
        }
        for i in state.dirty.sorted() {
            let endpoints = state.slices[i].compactMap { state.endpoints[$0] }
            if let name = state.sliceNames[i],
                var slice = cluster.store.get(EndpointSlice.self, namespace: key.namespace, name: name)
            {
                if endpoints.isEmpty, i > 0 {
                    cluster.deleteObject(.endpointSlice(slice))
                    state.sliceNames[i] = nil
                    continue
                }
                if slice.endpoints == endpoints, slice.ports == ports { continue }
                slice.endpoints = endpoints
                slice.ports = ports
                cluster.write(.endpointSlice(slice))
            } else if !endpoints.isEmpty || i == 0 {
                var meta = ObjectMeta(generateName: key.name + "-", namespace: key.namespace)
                meta.labels = [
                    EndpointSlice.serviceNameLabel: key.name, "endpointslice.kubernetes.io/managed-by": Self.managedBy,
                ]
                meta.ownerReferences = [
                    OwnerReference(
                        apiVersion: "v1", kind: "Service", name: key.name, uid: svc.metadata.uid!, controller: true,
                        blockOwnerDeletion: true)
                ]
                if case .success(let o) = cluster.create(
                    .endpointSlice(EndpointSlice(metadata: meta, endpoints: endpoints, ports: ports)))
                {
                    state.sliceNames[i] = o.metadata.name
                }
            }
        }
        state.dirty = []
    }
}
