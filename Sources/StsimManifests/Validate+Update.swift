import StsimEngine

/// Update validation: which fields may change once an object exists (7.5, 7.6, 7.7). `old` and
/// `new` are both defaulted; the new object is validated as on create as well.
extension Validator {
    public static func validateUpdate(old: KubeObject, new: KubeObject) -> [FieldError] {
        var errs: [FieldError] = []
        switch (old, new) {
        case (.statefulSet(let o), .statefulSet(let n)):
            // ValidateStatefulSetUpdate: the new spec is valid (the name is not re-checked), then the
            // spec is compared with the mutable fields copied over from the old one.
            errs += validate(new).filter { !$0.path.hasPrefix("metadata.name") }
            var masked = n.spec
            masked.replicas = o.spec.replicas
            masked.ordinals = o.spec.ordinals
            masked.template = o.spec.template
            masked.updateStrategy = o.spec.updateStrategy
            masked.persistentVolumeClaimRetentionPolicy = o.spec.persistentVolumeClaimRetentionPolicy
            masked.minReadySeconds = o.spec.minReadySeconds
            if masked != o.spec {
                var e = FieldError.forbidden(
                    "spec",
                    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
                )
                e.hint =
                    "to change \(changedStatefulSetFields(o.spec, n.spec).joined(separator: ", ")), delete the set with --cascade=orphan and create it again; its pods are adopted"
                errs.append(e)
            }
        case (.persistentVolumeClaim(let o), .persistentVolumeClaim(let n)):
            var masked = n.spec
            masked.storageRequest = o.spec.storageRequest
            if masked != o.spec {
                errs.append(
                    .forbidden(
                        "spec",
                        "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
                    ))
            }
            if let a = o.spec.storageRequest, let b = n.spec.storageRequest, b < a {
                errs.append(.forbidden("spec.resources.requests.storage", "field can not be less than previous value"))
            }
            errs += validate(new)
        case (.service(let o), .service(let n)):
            if let a = o.spec.clusterIP, !a.isEmpty, n.spec.clusterIP != a {
                errs.append(.invalid("spec.clusterIPs[0]", .string(n.spec.clusterIP ?? ""), "may not change once set"))
            }
            errs += validate(new)
        default:
            errs += validate(new)
        }
        return errs
    }

    /// The immutable fields that differ, named for the hint.
    private static func changedStatefulSetFields(_ o: StatefulSetSpec, _ n: StatefulSetSpec) -> [String] {
        var out: [String] = []
        if o.selector != n.selector { out.append("selector") }
        if o.serviceName != n.serviceName { out.append("serviceName") }
        if o.volumeClaimTemplates != n.volumeClaimTemplates { out.append("volumeClaimTemplates") }
        if o.podManagementPolicy != n.podManagementPolicy { out.append("podManagementPolicy") }
        if o.revisionHistoryLimit != n.revisionHistoryLimit { out.append("revisionHistoryLimit") }
        return out
    }
}
