import StsimEngine

extension Columns {
    static func nodeHeaders(wide: Bool) -> [String] {
        ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]
            + (wide ? ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"] : [])
    }

    static func nodeRow(_ n: Node, now: VirtualTime, wide: Bool) -> [String] {
        var row = [
            n.metadata.name, nodeStatus(n), nodeRoles(n),
            HumanDuration.age(of: n.metadata.creationTimestamp, now: now), n.status.kubeletVersion,
        ]
        if wide {
            row += [
                nonEmpty(n.status.internalIP),
                nonEmpty(n.status.addresses.first { $0.type == "ExternalIP" }?.address),
                n.status.osImage, n.status.kernelVersion, n.status.containerRuntimeVersion,
            ]
        }
        return row
    }

    /// `Ready`, `NotReady` (False or Unknown), `Unknown` (no Ready condition), then
    /// `,SchedulingDisabled` when cordoned.
    static func nodeStatus(_ n: Node) -> String {
        var parts: [String]
        switch n.status.condition(.ready)?.status {
        case .true?: parts = ["Ready"]
        case .false?, .unknown?: parts = ["NotReady"]
        case nil: parts = ["Unknown"]
        }
        if n.spec.unschedulable == true { parts.append("SchedulingDisabled") }
        return parts.joined(separator: ",")
    }

    /// From `node-role.kubernetes.io/<role>` labels and the legacy `kubernetes.io/role` label.
    static func nodeRoles(_ n: Node) -> String {
        let prefix = "node-role.kubernetes.io/"
        var roles = Set<String>()
        for (k, v) in n.metadata.labels {
            if k.hasPrefix(prefix) {
                let role = String(k.dropFirst(prefix.count))
                if !role.isEmpty { roles.insert(role) }
            } else if k == "kubernetes.io/role", !v.isEmpty {
                roles.insert(v)
            }
        }
        return roles.isEmpty ? "<none>" : roles.sorted(byBytes: { $0 }).joined(separator: ",")
    }
}
