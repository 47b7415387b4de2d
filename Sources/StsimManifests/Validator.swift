import StsimEngine

/// The API server's create validation for the fields stsim models (reference 7.3–7.8), returning
/// causes in the order the server lists them. Runs after defaulting, as in the server.
public enum Validator {
    public static func validate(_ object: KubeObject) -> [FieldError] {
        switch object {
        case .statefulSet(let s): return validateStatefulSet(s)
        case .replicaSet(let r): return validateReplicaSet(r)
        case .pod(let p):
            return validateMeta(p.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
                + validatePodSpec(p.spec, path: "spec")
        case .service(let s): return validateService(s)
        case .persistentVolumeClaim(let c):
            return validateMeta(c.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
                + validateClaimSpec(c.spec, path: "spec")
        case .persistentVolume(let v): return validatePersistentVolume(v)
        case .storageClass(let c): return validateStorageClass(c)
        case .node(let n): return validateNode(n)
        case .namespace(let n): return validateMeta(n.metadata, namespaced: false, name: NameRules.dns1123Label)
        case .podDisruptionBudget(let b): return validatePodDisruptionBudget(b)
        case .configMap(let c): return validateMeta(c.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
        case .secret(let s): return validateMeta(s.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
        case .serviceAccount(let a):
            return validateMeta(a.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
        // Only the distribution makes DaemonSets (KindResolver refuses a manifest's).
        case .endpointSlice, .endpoints, .event, .controllerRevision, .daemonSet: return []
        }
    }

    /// Warnings the API server itself returns on create (kubectl prints them as `Warning: ...`).
    public static func apiWarnings(_ object: KubeObject) -> [String] {
        switch object {
        case .persistentVolume(let v) where v.spec.persistentVolumeReclaimPolicy == .recycle:
            return [
                "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning."
            ]
        case .service(let s) where s.isHeadless && s.spec.sessionAffinity == "ClientIP":
            return ["spec.SessionAffinity is ignored for headless services"]
        default:
            return []
        }
    }

    /// `ValidateNonnegativeField`.
    static func nonNegative(_ value: Int?, _ path: String) -> [FieldError] {
        guard let value, value < 0 else { return [] }
        return [.invalid(path, .int(value), "must be greater than or equal to 0")]
    }

    static func portNumber(_ value: Int, _ path: String) -> [FieldError] {
        (1...65535).contains(value) ? [] : [.invalid(path, .int(value), "must be between 1 and 65535, inclusive")]
    }

    static func supported<E: OpenEnum>(_ value: E?, _ path: String, _ values: [E]) -> [FieldError] {
        guard let value, !values.contains(value) else { return [] }
        return [.notSupported(path, value.rawValue, values.map(\.rawValue))]
    }
}
