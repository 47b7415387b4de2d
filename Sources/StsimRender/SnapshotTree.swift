import StsimEngine

/// What the snapshot draws: the objects of the world at one instant.
public struct SnapshotInput: Sendable {
    public var nodes: [Node]
    public var pods: [Pod]
    public var claims: [PersistentVolumeClaim]
    public var volumes: [PersistentVolume]
    public var services: [Service]
    public var endpointSlices: [EndpointSlice]
    /// The truth the API does not see: per node, lines about what its kubelet runs that the API
    /// no longer has (a pod force-deleted while the node was cut off).
    public var unseen: [String: [String]] = [:]
    /// Nodes whose link to the control plane is cut.
    public var unreachable: Set<String> = []
    /// Broken promises that stand now (`at-most-one violated: ...`).
    public var violations: [String] = []

    public init(
        nodes: [Node] = [], pods: [Pod] = [], claims: [PersistentVolumeClaim] = [], volumes: [PersistentVolume] = [],
        services: [Service] = [], endpointSlices: [EndpointSlice] = []
    ) {
        self.nodes = nodes
        self.pods = pods
        self.claims = claims
        self.volumes = volumes
        self.services = services
        self.endpointSlices = endpointSlices
    }

    /// Everything in the cluster's store but the distribution's own pods and DNS Service
    /// (`Namespace.system`), which every cluster has and no workload's picture needs.
    public init(_ store: ObjectStore) {
        let own = { (ns: String) in Namespace.system.contains(ns) }
        self.init(
            nodes: store.list(Node.self), pods: store.list(Pod.self).filter { !own($0.metadata.namespace) },
            claims: store.list(PersistentVolumeClaim.self), volumes: store.list(PersistentVolume.self),
            services: store.list(Service.self).filter { !own($0.metadata.namespace) },
            endpointSlices: store.list(EndpointSlice.self).filter { !own($0.metadata.namespace) })
    }
}

/// `snapshot`: the whole state as one tree with the clock. Nodes hold their pods, each pod its
/// claims and their volumes (data follows the claim, not the pod); services list the DNS names
/// that resolve right now; claims no pod mounts (kept after a scale-down) and volumes no claim
/// holds come last, because those are what a learner forgets exist.
public enum SnapshotTree {
    public static func render(_ world: SnapshotInput, now: VirtualTime, namespace: String = "default") -> String {
        var root = TreeNode("cluster at \(now)")
        let claims = Dictionary(
            world.claims.map { ("\($0.metadata.namespace)/\($0.metadata.name)", $0) }, uniquingKeysWith: { a, _ in a })
        let volumes = Dictionary(world.volumes.map { ($0.metadata.name, $0) }, uniquingKeysWith: { a, _ in a })
        let pods = world.pods.sortedByMetadata(\.metadata)
        func podNode(_ p: Pod) -> TreeNode {
            let printer = PodPrinter(p)
            var parts = ["pod/\(name(p.metadata, namespace))", printer.status]
            if printer.status == "Running" { parts.append(p.isReady ? "Ready" : "not Ready") }
            if let ip = p.status.podIP, !ip.isEmpty { parts.append(ip) }
            var node = TreeNode(parts.joined(separator: "  "))
            for claimName in p.spec.claimNames {
                node.children.append(
                    claimNode(claims["\(p.metadata.namespace)/\(claimName)"], name: claimName, volumes))
            }
            return node
        }

        // Grouped once (pods keep their sorted order inside each group); only looked up by node
        // name below, so dictionary order never reaches the output.
        let podsByNode = Dictionary(grouping: pods) { $0.spec.nodeName ?? "" }
        for n in world.nodes.sorted(byBytes: \.metadata.name) {
            var line = "node/\(n.metadata.name)  \(Columns.nodeStatus(n))"
            let roles = Columns.nodeRoles(n)
            if roles != "<none>" { line += "  (\(roles))" }
            if world.unreachable.contains(n.metadata.name) { line += "  (unreachable)" }
            var children = (podsByNode[n.metadata.name] ?? []).map(podNode)
            children += (world.unseen[n.metadata.name] ?? []).map { TreeNode($0) }
            root.children.append(TreeNode(line, children))
        }
        let known = Set(world.nodes.map(\.metadata.name))
        let unscheduled = pods.filter { !known.contains($0.spec.nodeName ?? "") }
        if !unscheduled.isEmpty { root.children.append(TreeNode("not on a node", unscheduled.map(podNode))) }

        root.children += extras(world)
        return root.render()
    }

    /// What follows the nodes: services with their DNS names, claims no pod mounts, volumes
    /// without a claim, broken promises.
    static func extras(_ world: SnapshotInput) -> [TreeNode] {
        var out: [TreeNode] = []
        let volumes = Dictionary(world.volumes.map { ($0.metadata.name, $0) }, uniquingKeysWith: { a, _ in a })
        var mounted = Set<String>()
        for p in world.pods {
            for c in p.spec.claimNames { mounted.insert("\(p.metadata.namespace)/\(c)") }
        }
        for s in world.services.sortedByMetadata(\.metadata) {
            out.append(serviceNode(s, world.endpointSlices))
        }

        let loose = world.claims.filter { !mounted.contains("\($0.metadata.namespace)/\($0.metadata.name)") }
            .sortedByMetadata(\.metadata)
        if !loose.isEmpty {
            out.append(
                TreeNode("claims no pod mounts", loose.map { claimNode($0, name: $0.metadata.name, volumes) }))
        }
        let free = world.volumes.filter { $0.status.phase != .bound }
            .sorted(byBytes: \.metadata.name)
        if !free.isEmpty {
            out.append(TreeNode("volumes without a claim", free.map { TreeNode(volumeText($0)) }))
        }
        if !world.violations.isEmpty {
            out.append(TreeNode("broken promises", world.violations.map { TreeNode($0) }))
        }
        return out
    }

    /// `pvc/www-web-0  Bound → pv/pvc-0a1b…  1Gi`.
    private static func claimNode(
        _ claim: PersistentVolumeClaim?, name: String, _ volumes: [String: PersistentVolume]
    ) -> TreeNode {
        guard let claim else { return TreeNode("pvc/\(name)  missing") }
        var line =
            "pvc/\(name)  \(claim.metadata.deletionTimestamp != nil ? "Terminating" : (claim.status.phase?.rawValue ?? "Pending"))"
        if let volumeName = claim.spec.volumeName, !volumeName.isEmpty {
            line += " → pv/\(volumeName)"
            if let v = volumes[volumeName], let capacity = v.spec.capacity {
                line += "  \(Formatting.quantity(capacity))"
            }
        }
        return TreeNode(line)
    }

    private static func volumeText(_ v: PersistentVolume) -> String {
        var parts = [
            "pv/\(v.metadata.name)", v.status.phase?.rawValue ?? "Pending", Formatting.quantity(v.spec.capacity),
        ]
        if let ref = v.spec.claimRef { parts.append("was \(ref.namespace ?? "")/\(ref.name)") }
        return parts.filter { !$0.isEmpty }.joined(separator: "  ")
    }

    /// The Service's DNS name, then one `name → ip` per address DNS serves now (ready endpoints,
    /// or all with `publishNotReadyAddresses`), per-pod names where the endpoint has a hostname.
    private static func serviceNode(_ s: Service, _ slices: [EndpointSlice]) -> TreeNode {
        let domain = "\(s.metadata.name).\(s.metadata.namespace).svc.cluster.local"
        let kind = s.isHeadless ? "headless" : "\((s.spec.type ?? .clusterIP).rawValue) \(Columns.clusterIP(s))"
        var node = TreeNode("service/\(s.metadata.name)  \(kind)  \(domain)")
        let publishAll = s.spec.publishNotReadyAddresses == true
        let endpoints = slices.filter {
            $0.metadata.namespace == s.metadata.namespace && Columns.serviceName(of: $0) == s.metadata.name
        }.flatMap(\.endpoints)
        var names: [(String, String)] = []
        var hidden = 0
        for e in endpoints {
            guard let ip = e.addresses.first else { continue }
            guard publishAll || (e.conditions.ready ?? true) else {
                hidden += 1
                continue
            }
            // Without a hostname the record is named after the IP, dots as dashes (10.1).
            let host = e.hostname ?? String(ip.map { $0 == "." ? "-" : $0 })
            names.append(("\(host).\(domain)", ip))
        }
        names = names.sorted(byBytes: \.0)
        node.children = names.map { TreeNode("\($0.0) → \($0.1)") }
        if hidden > 0 {
            node.children.append(TreeNode("\(Formatting.count(hidden, "endpoint")) not ready, not in DNS"))
        }
        return node
    }

    private static func name(_ m: ObjectMeta, _ namespace: String) -> String {
        m.namespace == namespace || m.namespace.isEmpty ? m.name : "\(m.namespace)/\(m.name)"
    }
}

/// A labelled tree drawn with box-drawing branches.
struct TreeNode {
    var label: String
    var children: [TreeNode]

    init(_ label: String, _ children: [TreeNode] = []) {
        self.label = label
        self.children = children
    }

    func render() -> String {
        var out = label + "\n"
        draw(children, prefix: "", into: &out)
        return out
    }

    private func draw(_ nodes: [TreeNode], prefix: String, into out: inout String) {
        for (i, n) in nodes.enumerated() {
            let last = i == nodes.count - 1
            out += prefix + (last ? "└─ " : "├─ ") + n.label + "\n"
            draw(n.children, prefix: prefix + (last ? "   " : "│  "), into: &out)
        }
    }
}
