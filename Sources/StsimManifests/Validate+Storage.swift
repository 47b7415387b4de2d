import StsimEngine

/// PersistentVolume, PersistentVolumeClaim and StorageClass validation (7.7).
extension Validator {
    static let accessModes: [PersistentVolumeAccessMode] = [
        .readOnlyMany, .readWriteMany, .readWriteOnce, .readWriteOncePod,
    ]

    static func validatePersistentVolume(_ pv: PersistentVolume) -> [FieldError] {
        var errs = validateMeta(pv.metadata, namespaced: false, name: NameRules.dns1123Subdomain)
        let spec = pv.spec
        errs += validateAccessModes(spec.accessModes, "spec.accessModes", requiredDetail: "")
        if let c = spec.capacity {
            if c.value <= 0 {
                errs.append(.invalid("spec.capacity[storage]", .string(c.text), "must be greater than zero"))
            }
        } else {
            errs.append(.required("spec.capacity"))
        }
        switch spec.source {
        case nil: errs.append(.required("spec", "must specify a volume type"))
        case .hostPath(let path, _)?: if path.isEmpty { errs.append(.required("spec.hostPath.path")) }
        case .local(let path)?: if path.isEmpty { errs.append(.required("spec.local.path")) }
        case .nfs(let server, let path)?:
            if server.isEmpty { errs.append(.required("spec.nfs.server")) }
            if path.isEmpty { errs.append(.required("spec.nfs.path")) }
        case .csi?: break
        }
        errs += supported(
            spec.persistentVolumeReclaimPolicy, "spec.persistentVolumeReclaimPolicy", [.delete, .recycle, .retain])
        if let cls = spec.storageClassName, !cls.isEmpty {
            errs += NameRules.dns1123Subdomain(cls).map { .invalid("spec.storageClassName", .string(cls), $0) }
        }
        errs += supported(spec.volumeMode, "spec.volumeMode", [.block, .filesystem])
        return errs
    }

    static func validateClaimSpec(_ spec: PersistentVolumeClaimSpec, path: String) -> [FieldError] {
        var errs = validateAccessModes(
            spec.accessModes, "\(path).accessModes", requiredDetail: "at least 1 access mode is required")
        if let s = spec.selector { errs += validateSelector(s, "\(path).selector") }
        if let q = spec.storageRequest {
            if q.value <= 0 {
                errs.append(.invalid("\(path).resources[storage]", .string(q.text), "must be greater than zero"))
            }
        } else {
            errs.append(.required("\(path).resources[storage]"))
        }
        if let cls = spec.storageClassName, !cls.isEmpty {
            errs += NameRules.dns1123Subdomain(cls).map { .invalid("\(path).storageClassName", .string(cls), $0) }
        }
        errs += supported(spec.volumeMode, "\(path).volumeMode", [.block, .filesystem])
        return errs
    }

    private static func validateAccessModes(
        _ modes: [PersistentVolumeAccessMode], _ path: String, requiredDetail: String
    ) -> [FieldError] {
        if modes.isEmpty { return [.required(path, requiredDetail)] }
        var errs = modes.filter { !accessModes.contains($0) }.map {
            var e = FieldError.notSupported(path, $0.rawValue, accessModes.map(\.rawValue))
            e.hint = Suggestion.hint(nearest: $0.rawValue, among: accessModes.map(\.rawValue))
            return e
        }
        if modes.contains(.readWriteOncePod), modes.count > 1 {
            errs.append(.forbidden(path, "may not use ReadWriteOncePod with other access modes"))
        }
        return errs
    }

    static func validateStorageClass(_ sc: StorageClass) -> [FieldError] {
        var errs = validateMeta(sc.metadata, namespaced: false, name: NameRules.dns1123Subdomain)
        if sc.provisioner.isEmpty { errs.append(.required("provisioner")) }
        errs += supported(sc.reclaimPolicy, "reclaimPolicy", [.delete, .retain])
        errs += supported(sc.volumeBindingMode, "volumeBindingMode", [.immediate, .waitForFirstConsumer])
        return errs
    }

    static func validateNode(_ node: Node) -> [FieldError] {
        var errs = validateMeta(node.metadata, namespaced: false, name: NameRules.dns1123Subdomain)
        for (i, t) in node.spec.taints.enumerated() {
            let p = "spec.taints[\(i)]"
            errs += NameRules.qualifiedName(t.key).map { .invalid("\(p).key", .string(t.key), $0) }
            if t.effect.rawValue.isEmpty {
                errs.append(.required("\(p).effect"))
            } else {
                errs += supported(t.effect, "\(p).effect", [.noSchedule, .preferNoSchedule, .noExecute])
            }
        }
        return errs
    }
}
