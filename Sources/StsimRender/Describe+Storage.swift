import StsimEngine

extension Describe {
    /// `kubectl describe pvc`. `usedBy` are the pods that mount the claim ("Used By").
    public static func persistentVolumeClaim(
        _ c: PersistentVolumeClaim, usedBy: [Pod], events: [Event], now: VirtualTime,
        calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(c.metadata.name)")
        w.line(0, "Namespace:\t\(c.metadata.namespace)")
        w.line(0, "StorageClass:\t\(c.storageClass)")
        if let deletion = c.metadata.deletionTimestamp {
            w.line(0, "Status:\tTerminating (lasts \(w.age(deletion)))")
        } else {
            w.line(0, "Status:\t\(c.status.phase?.rawValue ?? "")")
        }
        w.line(0, "Volume:\t\(c.spec.volumeName ?? "")")
        w.labels("Labels", c.metadata.labels)
        w.annotations(c.metadata.annotations)
        w.line(0, "Finalizers:\t[\(c.metadata.finalizers.joined(separator: " "))]")
        // Capacity and access modes are the bound volume's, and empty until there is one (8.5).
        let bound = !(c.spec.volumeName ?? "").isEmpty
        w.line(0, "Capacity:\t\(bound ? Formatting.quantity(c.status.capacity) : "")")
        w.line(0, "Access Modes:\t\(bound ? Formatting.accessModes(c.status.accessModes) : "")")
        if let mode = c.spec.volumeMode { w.line(0, "VolumeMode:\t\(mode.rawValue)") }
        let names = usedBy.map(\.metadata.name).sorted(byBytes: { $0 })
        w.list("Used By", names)
        w.events(events)
        return w.finish()
    }

    /// `kubectl describe pv`.
    public static func persistentVolume(
        _ v: PersistentVolume, events: [Event], now: VirtualTime, calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        w.line(0, "Name:\t\(v.metadata.name)")
        w.labels("Labels", v.metadata.labels)
        w.annotations(v.metadata.annotations)
        w.line(0, "Finalizers:\t[\(v.metadata.finalizers.joined(separator: " "))]")
        w.line(0, "StorageClass:\t\(v.storageClass)")
        if let deletion = v.metadata.deletionTimestamp {
            w.line(0, "Status:\tTerminating (lasts \(w.age(deletion)))")
        } else {
            w.line(0, "Status:\t\(v.status.phase?.rawValue ?? "")")
        }
        w.line(0, "Claim:\t\(v.spec.claimRef.map { "\($0.namespace ?? "")/\($0.name)" } ?? "")")
        w.line(0, "Reclaim Policy:\t\(v.spec.persistentVolumeReclaimPolicy?.rawValue ?? "")")
        w.line(0, "Access Modes:\t\(Formatting.accessModes(v.spec.accessModes))")
        if let mode = v.spec.volumeMode { w.line(0, "VolumeMode:\t\(mode.rawValue)") }
        w.line(0, "Capacity:\t\(Formatting.quantity(v.spec.capacity))")
        nodeAffinity(v.spec, &w)
        w.line(0, "Message:\t\(v.status.message ?? "")")
        w.line(0, "Source:")
        switch v.spec.source {
        case .hostPath(let path, let type)?:
            w.hostPath(path, type)
        case .local(let path)?:
            w.line(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)")
            w.line(2, "Path:\t\(path)")
        case .nfs(let server, let path)?:
            w.line(2, "Type:\tNFS (an NFS mount that lasts the lifetime of a pod)")
            w.line(2, "Server:\t\(server)")
            w.line(2, "Path:\t\(path)")
            w.line(2, "ReadOnly:\tfalse")
        case .csi(let driver, let handle)?:
            w.line(2, "Type:\tCSI (a Container Storage Interface (CSI) volume source)")
            w.line(2, "Driver:\t\(driver)")
            w.line(2, "FSType:\t")
            w.line(2, "VolumeHandle:\t\(handle)")
            w.line(2, "ReadOnly:\tfalse")
            w.line(2, "VolumeAttributes:\t<none>")
        case nil:
            break
        }
        w.events(events)
        return w.finish()
    }
}

extension Describe {
    /// describe.go printNodeSelectorTermsMultilineWithIndent: one requirement per line.
    static func nodeAffinity(_ spec: PersistentVolumeSpec, _ w: inout DescribeWriter) {
        var requirements: [String] = []
        if let hosts = spec.nodeAffinityHostnames {
            requirements.append("kubernetes.io/hostname in [\(hosts.joined(separator: ", "))]")
        }
        if let t = spec.nodeAffinityTopology {
            requirements.append("\(t.key) in [\(t.values.joined(separator: ", "))]")
        }
        if let first = requirements.first {
            w.line(0, "Node Affinity:\t")
            w.line(1, "Required Terms:\t")
            w.line(2, "Term 0:\t\(first)")
            for r in requirements.dropFirst() { w.line(2, "\t\(r)") }
        } else {
            w.line(0, "Node Affinity:\t<none>")
        }
    }
}
