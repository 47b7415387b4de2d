import StsimEngine

/// PersistentVolumeClaim, PersistentVolume and StorageClass.
extension MappingReader {
    func claimSpec() -> PersistentVolumeClaimSpec? {
        nested("spec", goType: "PersistentVolumeClaimSpec") { s in
            var spec = PersistentVolumeClaimSpec()
            spec.accessModes = s.accessModes()
            spec.storageRequest =
                s.nested("resources", goType: "VolumeResourceRequirements") { r in
                    _ = r.quantityMap("limits")
                    return r.storage(in: "requests")
                } ?? nil
            spec.storageClassName = s.string("storageClassName")
            spec.volumeMode = s.openEnum("volumeMode", PersistentVolumeMode.self, goTypeName: "v1.PersistentVolumeMode")
            spec.volumeName = s.string("volumeName")
            spec.selector = s.labelSelector("selector")
            s.unmodelled("dataSource", "dataSourceRef", "volumeAttributesClassName")
            return spec
        }
    }

    func claimStatus() -> PersistentVolumeClaimStatus? {
        nested("status", goType: "PersistentVolumeClaimStatus") { s in
            var status = PersistentVolumeClaimStatus()
            status.phase = s.phase("phase", PersistentVolumeClaimPhase.self)
            status.accessModes = s.accessModes()
            status.capacity = s.storage(in: "capacity")
            s.unmodelled(
                "conditions", "allocatedResources", "allocatedResourceStatuses", "currentVolumeAttributesClassName",
                "modifyVolumeStatus")
            return status
        }
    }

    func persistentVolumeSpec() -> PersistentVolumeSpec {
        nested("spec", goType: "PersistentVolumeSpec") { s in
            var spec = PersistentVolumeSpec()
            spec.capacity = s.storage(in: "capacity")
            spec.accessModes = s.accessModes()
            spec.persistentVolumeReclaimPolicy = s.openEnum(
                "persistentVolumeReclaimPolicy", ReclaimPolicy.self, goTypeName: "v1.PersistentVolumeReclaimPolicy")
            spec.storageClassName = s.string("storageClassName")
            spec.volumeMode = s.openEnum("volumeMode", PersistentVolumeMode.self, goTypeName: "v1.PersistentVolumeMode")
            spec.claimRef = s.nested("claimRef", goType: "ObjectReference") { r in
                ObjectReference(
                    kind: r.string("kind"), apiVersion: r.string("apiVersion"), namespace: r.string("namespace"),
                    name: r.string("name") ?? "", uid: r.string("uid").flatMap(UID.init),
                    resourceVersion: r.string("resourceVersion"),
                    fieldPath: r.string("fieldPath"))
            }
            spec.source = s.volumeSource()
            if let affinity = s.nested("nodeAffinity", goType: "VolumeNodeAffinity", { $0.volumeNodeAffinity() }) {
                spec.nodeAffinityHostnames = affinity.hosts
                spec.nodeAffinityTopology = affinity.topology
            }
            s.unmodelled("mountOptions", "volumeAttributesClassName")
            return spec
        } ?? PersistentVolumeSpec()
    }

    func persistentVolumeStatus(_ timestamps: Timestamps) -> PersistentVolumeStatus {
        nested("status", goType: "PersistentVolumeStatus") { s in
            PersistentVolumeStatus(
                phase: s.phase("phase", PersistentVolumePhase.self), reason: s.string("reason"),
                message: s.string("message"),
                lastPhaseTransitionTime: s.time("lastPhaseTransitionTime", timestamps))
        } ?? PersistentVolumeStatus()
    }

    private func volumeSource() -> PersistentVolumeSource? {
        var found: [(String, PersistentVolumeSource)] = []
        if let h = nested(
            "hostPath", goType: "HostPathVolumeSource",
            { h in
                PersistentVolumeSource.hostPath(path: h.string("path") ?? "", type: h.string("type"))
            })
        {
            found.append(("hostPath", h))
        }
        if let l = nested(
            "local", goType: "LocalVolumeSource",
            { l in
                l.unmodelled("fsType")
                return PersistentVolumeSource.local(path: l.string("path") ?? "")
            })
        {
            found.append(("local", l))
        }
        if let n = nested(
            "nfs", goType: "NFSVolumeSource",
            { n in
                n.unmodelled("readOnly")
                return PersistentVolumeSource.nfs(server: n.string("server") ?? "", path: n.string("path") ?? "")
            })
        {
            found.append(("nfs", n))
        }
        if let c = nested(
            "csi", goType: "CSIPersistentVolumeSource",
            { c in
                c.unmodelled(
                    "readOnly", "fsType", "volumeAttributes", "controllerPublishSecretRef", "nodeStageSecretRef",
                    "nodePublishSecretRef", "controllerExpandSecretRef", "nodeExpandSecretRef")
                return PersistentVolumeSource.csi(
                    driver: c.string("driver") ?? "", volumeHandle: c.string("volumeHandle") ?? "")
            })
        {
            found.append(("csi", c))
        }
        // The book's GCE variant and other cloud disks: real types, simulated as a provisioned volume.
        for other in [
            "gcePersistentDisk", "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "rbd", "iscsi", "fc",
            "cinder", "glusterfs", "portworxVolume", "vsphereVolume",
        ] where node(other) != nil {
            ctx.report(
                .note, path: child(other),
                "volume type \"\(other)\" is not simulated by stsim; it behaves as a provisioned volume")
            found.append((other, .csi(driver: other, volumeHandle: "")))
        }
        if found.count > 1 {
            ctx.invalid(.forbidden(child(found[1].0), "may not specify more than 1 volume type"))
        }
        return found.first?.1
    }

    /// The one form of node affinity stsim keeps: `kubernetes.io/hostname In [...]`.
    /// The hostnames and one other `KEY In [...]` requirement (a zone) of a volume's required
    /// node affinity; anything else is noted and ignored.
    private func volumeNodeAffinity() -> (hosts: [String]?, topology: TopologyRequirement?) {
        var hosts: [String]?
        var topology: TopologyRequirement?
        _ = nested("required", goType: "NodeSelector") { r in
            _ = r.objects("nodeSelectorTerms", goType: "NodeSelectorTerm") { t in
                t.unmodelled("matchFields")
                _ = t.objects("matchExpressions", goType: "NodeSelectorRequirement") { e in
                    let key = e.string("key") ?? ""
                    let op = e.string("operator") ?? ""
                    let values = e.strings("values") ?? []
                    if op == "In", key == StsimEngine.Node.hostnameLabel {
                        hosts = (hosts ?? []) + values
                    } else if op == "In", topology == nil {
                        topology = TopologyRequirement(key: key, values: values)
                    } else {
                        e.ctx.report(
                            .note, path: e.path,
                            "stsim models node affinity of volumes only as \(StsimEngine.Node.hostnameLabel) In [...] and one other KEY In [...]; this term is ignored"
                        )
                    }
                }
            }
        }
        return (hosts, topology)
    }

    func storageClassFields(into c: inout StorageClass) {
        c.provisioner = string("provisioner") ?? ""
        c.reclaimPolicy = openEnum("reclaimPolicy", ReclaimPolicy.self, goTypeName: "v1.PersistentVolumeReclaimPolicy")
        c.volumeBindingMode = openEnum("volumeBindingMode", VolumeBindingMode.self, goTypeName: "v1.VolumeBindingMode")
        c.allowVolumeExpansion = bool("allowVolumeExpansion")
        c.parameters = stringMap("parameters") ?? [:]
        unmodelled("mountOptions", "allowedTopologies")
    }

    func accessModes() -> [PersistentVolumeAccessMode] {
        strings("accessModes", goTypeName: "[]v1.PersistentVolumeAccessMode")?.map(
            PersistentVolumeAccessMode.init(rawValue:)) ?? []
    }

    /// `storage` out of a resource list; other names are kept by nobody, so a misspelt one is
    /// pointed out here (the API accepts it and then misses `storage`).
    func storage(in key: String) -> Quantity? {
        guard let list = quantityMap(key) else { return nil }
        for entry in list where entry.name != "storage" {
            ctx.report(
                .warning, path: "\(child(key)).\(entry.name)",
                "unknown resource \"\(entry.name)\" in \(child(key)); volumes are sized by \"storage\" only",
                hint: Suggestion.hint(nearest: entry.name, among: ["storage"]))
        }
        return list.first { $0.name == "storage" }?.quantity
    }

    func phase<P: RawRepresentable>(_ key: String, _ type: P.Type) -> P? where P.RawValue == String {
        guard let text = string(key) else { return nil }
        if let p = P(rawValue: text) { return p }
        ctx.report(.error, path: child(key), "\(child(key)): Unsupported value: \"\(text)\"")
        return nil
    }
}
