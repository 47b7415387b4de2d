import StsimEngine

/// `ValidateStatefulSet` and `ValidateReplicaSet` (apps/validation, 1.32), causes in the server's order.
extension Validator {
    static func validateStatefulSet(_ set: StatefulSet) -> [FieldError] {
        // Since 1.27 the name must be a DNS-1123 label: it becomes each pod's hostname.
        var errs = validateMeta(set.metadata, namespaced: true, name: NameRules.dns1123Label)
        let spec = set.spec
        if let p = spec.podManagementPolicy, p != .orderedReady, p != .parallel {
            errs.append(
                .invalid("spec.podManagementPolicy", .string(p.rawValue), "must be 'OrderedReady' or 'Parallel'"))
        }
        if let u = spec.updateStrategy {
            switch u.type {
            case .onDelete?:
                if let r = u.rollingUpdate {
                    var e = FieldError.invalid(
                        "spec.updateStrategy.rollingUpdate", goSyntax(r),
                        "only allowed for updateStrategy 'RollingUpdate'")
                    // A merge patch keeps the defaulted rollingUpdate unless it is removed too.
                    e.hint =
                        "remove rollingUpdate in the same change, e.g. patch sts NAME -p '{\"spec\":{\"updateStrategy\":{\"type\":\"OnDelete\",\"rollingUpdate\":null}}}'"
                    errs.append(e)
                }
            case .rollingUpdate?:
                errs += nonNegative(u.rollingUpdate?.partition, "spec.updateStrategy.rollingUpdate.partition")
            case nil:
                errs.append(.required("spec.updateStrategy"))
            case let other?:
                let ru =
                    u.rollingUpdate.map { "&" + goSyntax($0).rendered }
                    ?? "(*apps.RollingUpdateStatefulSetStrategy)(nil)"
                errs.append(
                    .invalid(
                        "spec.updateStrategy",
                        .goSyntax("apps.StatefulSetUpdateStrategy{Type:\"\(other.rawValue)\", RollingUpdate:\(ru)}"),
                        "must be 'RollingUpdate' or 'OnDelete'"))
            }
        }
        if let r = spec.persistentVolumeClaimRetentionPolicy {
            errs += supported(
                r.whenDeleted, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", [.retain, .delete])
            errs += supported(r.whenScaled, "spec.persistentVolumeClaimRetentionPolicy.whenScaled", [.retain, .delete])
        }
        errs += nonNegative(spec.replicas, "spec.replicas")
        errs += nonNegative(spec.minReadySeconds, "spec.minReadySeconds")
        errs += nonNegative(spec.ordinals?.start, "spec.ordinals.start")
        errs += selectorAndTemplate(spec.selector, spec.template, workload: "statefulset")
        // The pod spec itself is not validated here (kubernetes#81147); Advisor warns instead. The
        // label path really is `spec.template.labels` (ValidatePodTemplateSpecForStatefulSet).
        errs += validateLabels(spec.template.metadata.labels, "spec.template.labels")
        errs += validateAnnotations(spec.template.metadata.annotations, "spec.template.annotations")
        errs += supported(spec.template.spec.restartPolicy, "spec.template.spec.restartPolicy", [.always])
        if spec.template.spec.activeDeadlineSeconds != nil {
            errs.append(
                .forbidden(
                    "spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in StatefulSet is not Supported")
            )
        }
        return errs
    }

    static func validateReplicaSet(_ rs: ReplicaSet) -> [FieldError] {
        var errs = validateMeta(rs.metadata, namespaced: true, name: NameRules.dns1123Subdomain)
        let spec = rs.spec
        errs += nonNegative(spec.replicas, "spec.replicas")
        errs += nonNegative(spec.minReadySeconds, "spec.minReadySeconds")
        errs += selectorAndTemplate(spec.selector, spec.template, workload: "deployment")
        errs += validateLabels(spec.template.metadata.labels, "spec.template.metadata.labels")
        // ReplicaSets validate the whole pod template, unlike StatefulSets.
        errs += validatePodSpec(spec.template.spec, path: "spec.template.spec")
        if let p = spec.template.spec.restartPolicy, p != .always {
            errs.append(.notSupported("spec.template.spec.restartPolicy", p.rawValue, ["Always"]))
        }
        if spec.template.spec.activeDeadlineSeconds != nil {
            errs.append(
                .forbidden(
                    "spec.template.spec.activeDeadlineSeconds", "activeDeadlineSeconds in ReplicaSet is not Supported"))
        }
        return errs
    }

    /// A nil selector matches nothing, so it also fails the template-labels check (7.3); an empty
    /// one matches everything and is refused on its own.
    private static func selectorAndTemplate(_ selector: LabelSelector?, _ template: PodTemplateSpec, workload: String)
        -> [FieldError]
    {
        var errs: [FieldError] = []
        guard let selector else {
            errs.append(.required("spec.selector"))
            errs.append(labelMismatch(template))
            return errs
        }
        errs += validateSelector(selector, "spec.selector")
        if selector.isEmpty {
            errs.append(.invalid("spec.selector", goSyntax(selector), "empty selector is invalid for \(workload)"))
        } else if !selector.matches(template.metadata.labels) {
            errs.append(labelMismatch(template))
        }
        return errs
    }

    private static func labelMismatch(_ template: PodTemplateSpec) -> FieldError {
        // Go prints a nil map (no labels at all) as `map[string]string(nil)`.
        let labels: GoValue =
            template.metadata.labels.isEmpty
            ? .goSyntax("map[string]string(nil)") : .stringMap(template.metadata.labels)
        var e = FieldError.invalid(
            "spec.template.metadata.labels", labels, "`selector` does not match template `labels`")
        e.hint = "spec.selector.matchLabels must be a subset of spec.template.metadata.labels"
        return e
    }

    /// The value as field.Invalid prints it: `%#v` of the struct the pointer points to (the
    /// field error dereferences a pointer before formatting; apimachinery's field/errors.go).
    private static func goSyntax(_ r: RollingUpdateStatefulSetStrategy) -> GoValue {
        let mu =
            r.maxUnavailable.map { "&intstr.IntOrString{StrVal:\(GoSyntax.quote($0))}" } ?? "(*intstr.IntOrString)(nil)"
        return .goSyntax("apps.RollingUpdateStatefulSetStrategy{Partition:\(r.partition ?? 0), MaxUnavailable:\(mu)}")
    }
}
