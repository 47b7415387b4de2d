import StsimEngine

extension Columns {
    static func claimHeaders(wide: Bool) -> [String] {
        ["NAME", "STATUS", "VOLUME", "CAPACITY", "ACCESS MODES", "STORAGECLASS", "VOLUMEATTRIBUTESCLASS", "AGE"]
            + (wide ? ["VOLUMEMODE"] : [])
    }

    /// VOLUME, CAPACITY and ACCESS MODES stay empty until the claim names a volume (8.5); CAPACITY
    /// is the bound volume's size from status, not the request.
    static func claimRow(_ c: PersistentVolumeClaim, now: VirtualTime, wide: Bool) -> [String] {
        let bound = !(c.spec.volumeName ?? "").isEmpty
        let phase = c.metadata.deletionTimestamp != nil ? "Terminating" : (c.status.phase?.rawValue ?? "")
        var row = [
            c.metadata.name, phase, c.spec.volumeName ?? "",
            bound ? Formatting.quantity(c.status.capacity) : "",
            bound ? Formatting.accessModes(c.status.accessModes) : "",
            c.storageClass, "<unset>", HumanDuration.age(of: c.metadata.creationTimestamp, now: now),
        ]
        if wide { row.append(c.spec.volumeMode?.rawValue ?? "<unset>") }
        return row
    }

    static func volumeHeaders(wide: Bool) -> [String] {
        [
            "NAME", "CAPACITY", "ACCESS MODES", "RECLAIM POLICY", "STATUS", "CLAIM", "STORAGECLASS",
            "VOLUMEATTRIBUTESCLASS", "REASON", "AGE",
        ] + (wide ? ["VOLUMEMODE"] : [])
    }

    static func volumeRow(_ v: PersistentVolume, now: VirtualTime, wide: Bool) -> [String] {
        let phase = v.metadata.deletionTimestamp != nil ? "Terminating" : (v.status.phase?.rawValue ?? "")
        var row = [
            v.metadata.name, Formatting.quantity(v.spec.capacity), Formatting.accessModes(v.spec.accessModes),
            v.spec.persistentVolumeReclaimPolicy?.rawValue ?? "", phase, claimRefText(v.spec.claimRef),
            v.storageClass, "<unset>", v.status.reason ?? "",
            HumanDuration.age(of: v.metadata.creationTimestamp, now: now),
        ]
        if wide { row.append(v.spec.volumeMode?.rawValue ?? "<unset>") }
        return row
    }

    /// `default/www-web-0`; kept while the volume is Released.
    static func claimRefText(_ ref: ObjectReference?) -> String {
        guard let ref else { return "" }
        return "\(ref.namespace ?? "")/\(ref.name)"
    }

    static let storageClassHeaders = [
        "NAME", "PROVISIONER", "RECLAIMPOLICY", "VOLUMEBINDINGMODE", "ALLOWVOLUMEEXPANSION", "AGE",
    ]

    static func storageClassRow(_ c: StorageClass, now: VirtualTime) -> [String] {
        [
            c.isDefault ? "\(c.metadata.name) (default)" : c.metadata.name, c.provisioner,
            (c.reclaimPolicy ?? .delete).rawValue, (c.volumeBindingMode ?? .immediate).rawValue,
            "\(c.allowVolumeExpansion ?? false)", HumanDuration.age(of: c.metadata.creationTimestamp, now: now),
        ]
    }
}

extension Columns {
    static let namespaceHeaders = ["NAME", "STATUS", "AGE"]

    static func namespaceRow(_ n: Namespace, now: VirtualTime) -> [String] {
        [n.metadata.name, n.phase?.rawValue ?? "", HumanDuration.age(of: n.metadata.creationTimestamp, now: now)]
    }
}
