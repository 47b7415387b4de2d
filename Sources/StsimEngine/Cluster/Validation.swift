/// The API server's validation of the kinds users create (reference 7.3, 7.5, 7.7, 7.8), with
/// Kubernetes' field paths and messages. The StatefulSet pod template is deliberately not
/// validated (7.3: the problem surfaces later as FailedCreate events).
public enum Validation {
    typealias Cause = APIError.Cause

    static func validateName(_ o: KubeObject) -> [Cause] {
        let name = o.metadata.name
        switch o.kind {
        case .statefulSet, .namespace:
            if name.utf8.count > 63 {
                return [
                    Cause(
                        field: "metadata.name",
                        body: "Invalid value: \(GoSyntax.quote(name)): must be no more than 63 characters")
                ]
            }
            if !NameRules.isDNS1123Label(name) {
                return [
                    Cause(
                        field: "metadata.name",
                        body: "Invalid value: \(GoSyntax.quote(name)): \(NameRules.dns1123LabelMessage)")
                ]
            }
        case .service:
            if !NameRules.isDNS1035Label(name) {
                return [
                    Cause(
                        field: "metadata.name",
                        body: "Invalid value: \(GoSyntax.quote(name)): \(NameRules.dns1035LabelMessage)")
                ]
            }
        default:
            if !NameRules.isDNS1123Subdomain(name) {
                return [
                    Cause(
                        field: "metadata.name",
                        body: "Invalid value: \(GoSyntax.quote(name)): \(NameRules.dns1123SubdomainMessage)")
                ]
            }
        }
        return []
    }

    static func validateCreate(_ o: KubeObject) -> [Cause] {
        var causes = validateName(o)
        switch o {
        case .statefulSet(let s): causes += validate(s.spec)
        case .pod(let p): causes += validate(p.spec)
        case .podDisruptionBudget(let b): causes += validate(b.spec)
        case .configMap(let c): causes += validate(c)
        case .secret(let s): causes += validate(s)
        case .persistentVolume(let v):
            if v.spec.capacity == nil { causes.append(Cause(field: "spec.capacity", body: "Required value")) }
            if v.spec.accessModes.isEmpty { causes.append(Cause(field: "spec.accessModes", body: "Required value")) }
            if v.spec.source == nil {
                causes.append(Cause(field: "spec", body: "Required value: must specify a volume type"))
            }
            if let r = v.spec.persistentVolumeReclaimPolicy, ![.delete, .recycle, .retain].contains(r) {
                causes.append(
                    Cause(
                        field: "spec.persistentVolumeReclaimPolicy",
                        body:
                            "Unsupported value: \(GoSyntax.quote(r.rawValue)): supported values: \"Delete\", \"Recycle\", \"Retain\""
                    ))
            }
        case .persistentVolumeClaim(let c):
            if c.spec.accessModes.isEmpty {
                causes.append(
                    Cause(field: "spec.accessModes", body: "Required value: at least 1 access mode is required"))
            }
            if c.spec.storageRequest == nil {
                causes.append(Cause(field: "spec.resources[storage]", body: "Required value"))
            }
        case .service(let s):
            if s.spec.ports.isEmpty, !s.isHeadless, s.spec.type != .externalName {
                causes.append(Cause(field: "spec.ports", body: "Required value"))
            }
            if s.spec.ports.count > 1 {
                for (i, p) in s.spec.ports.enumerated() where (p.name ?? "").isEmpty {
                    causes.append(Cause(field: "spec.ports[\(i)].name", body: "Required value"))
                }
            }
        default: break
        }
        return causes
    }

    /// The pod checks a broken StatefulSet template runs into (7.3): images, mounts, subdomain.
    static func validate(_ spec: PodSpec) -> [Cause] {
        var causes = volumeReferences(spec)
        causes += containers(spec.containers, "spec.containers", spec)
        causes += containers(spec.initContainers, "spec.initContainers", spec)
        // Init and app containers share one namespace of names (validateInitContainers).
        var seen = Set(spec.containers.map(\.name))
        for (i, c) in spec.initContainers.enumerated() where !seen.insert(c.name).inserted {
            causes.append(
                Cause(field: "spec.initContainers[\(i)].name", body: "Duplicate value: \(GoSyntax.quote(c.name))"))
        }
        if let sub = spec.subdomain, !NameRules.isDNS1123Label(sub) {
            causes.append(
                Cause(
                    field: "spec.subdomain",
                    body: "Invalid value: \(GoSyntax.quote(sub)): \(NameRules.dns1123LabelMessage)"))
        }
        return causes
    }

    /// One list's checks (`validateContainerCommon`): image, name, mounts, then what each
    /// variable takes from ConfigMaps and Secrets.
    private static func containers(_ list: [Container], _ field: String, _ spec: PodSpec) -> [Cause] {
        var causes: [Cause] = []
        for (i, c) in list.enumerated() {
            if c.image.isEmpty { causes.append(Cause(field: "\(field)[\(i)].image", body: "Required value")) }
            if !NameRules.isDNS1123Label(c.name) {
                causes.append(
                    Cause(
                        field: "\(field)[\(i)].name",
                        body: "Invalid value: \(GoSyntax.quote(c.name)): \(NameRules.dns1123LabelMessage)"))
            }
            for (j, m) in c.volumeMounts.enumerated() where !spec.volumes.contains(where: { $0.name == m.name }) {
                causes.append(
                    Cause(
                        field: "\(field)[\(i)].volumeMounts[\(j)].name",
                        body: "Not found: \(GoSyntax.quote(m.name))"))
            }
        }
        return causes + environmentReferences(list, field)
    }

    /// `ValidateStatefulSetSpec` (7.3), without the pod template.
    static func validate(_ spec: StatefulSetSpec) -> [Cause] {
        var causes: [Cause] = []
        if let p = spec.podManagementPolicy, p != .orderedReady, p != .parallel {
            causes.append(
                Cause(
                    field: "spec.podManagementPolicy",
                    body: "Invalid value: \(GoSyntax.quote(p.rawValue)): must be 'OrderedReady' or 'Parallel'"))
        }
        if let t = spec.updateStrategy?.type {
            if t != .rollingUpdate, t != .onDelete {
                causes.append(
                    Cause(
                        field: "spec.updateStrategy.type",
                        body: "Invalid value: \(GoSyntax.quote(t.rawValue)): must be 'RollingUpdate' or 'OnDelete'"))
            }
            if t == .onDelete, spec.updateStrategy?.rollingUpdate != nil {
                causes.append(
                    Cause(
                        field: "spec.updateStrategy.rollingUpdate",
                        body: "Invalid value: \"OnDelete\": only allowed for updateStrategy 'RollingUpdate'"))
            }
        }
        causes += rollingUpdate(spec.updateStrategy?.rollingUpdate)
        if let r = spec.replicas, r < 0 {
            causes.append(
                Cause(field: "spec.replicas", body: "Invalid value: \(r): must be greater than or equal to 0"))
        }
        if let m = spec.minReadySeconds, m < 0 {
            causes.append(
                Cause(field: "spec.minReadySeconds", body: "Invalid value: \(m): must be greater than or equal to 0"))
        }
        if let s = spec.ordinals?.start, s < 0 {
            causes.append(
                Cause(field: "spec.ordinals.start", body: "Invalid value: \(s): must be greater than or equal to 0"))
        }
        for (field, value) in [
            ("whenDeleted", spec.persistentVolumeClaimRetentionPolicy?.whenDeleted),
            ("whenScaled", spec.persistentVolumeClaimRetentionPolicy?.whenScaled),
        ] {
            if let v = value, v != .retain, v != .delete {
                causes.append(
                    Cause(
                        field: "spec.persistentVolumeClaimRetentionPolicy.\(field)",
                        body:
                            "Unsupported value: \(GoSyntax.quote(v.rawValue)): supported values: \"Retain\", \"Delete\""
                    ))
            }
        }
        causes += templateCauses(spec)
        return causes
    }

    /// The selector against the template's labels, and what a StatefulSet's pods may not set.
    private static func templateCauses(_ spec: StatefulSetSpec) -> [Cause] {
        var causes: [Cause] = []
        let labels = spec.template.metadata.labels
        if let selector = spec.selector {
            if selector.isEmpty {
                causes.append(
                    Cause(
                        field: "spec.selector", body: "Invalid value: \"\": empty selector is invalid for statefulset"))
            } else if !selector.matches(labels) {
                causes.append(
                    Cause(
                        field: "spec.template.metadata.labels",
                        body:
                            "Invalid value: \(GoSyntax.stringMap(labels)): `selector` does not match template `labels`")
                )
            }
        } else {
            causes.append(Cause(field: "spec.selector", body: "Required value"))
            causes.append(
                Cause(
                    field: "spec.template.metadata.labels",
                    body: "Invalid value: \(GoSyntax.stringMap(labels)): `selector` does not match template `labels`"))
        }
        if let rp = spec.template.spec.restartPolicy, rp != .always {
            causes.append(
                Cause(
                    field: "spec.template.spec.restartPolicy",
                    body: "Unsupported value: \(GoSyntax.quote(rp.rawValue)): supported values: \"Always\""))
        }
        if spec.template.spec.activeDeadlineSeconds != nil {
            causes.append(
                Cause(
                    field: "spec.template.spec.activeDeadlineSeconds",
                    body: "Forbidden: activeDeadlineSeconds in StatefulSet is not Supported"))
        }
        return causes
    }

    static func validateUpdate(old: KubeObject, new: KubeObject) -> [Cause] {
        if let causes = validateConfigUpdate(old: old, new: new) { return causes }
        switch (old, new) {
        case (.statefulSet(let a), .statefulSet(let b)):
            // 7.5: only these fields may change; compare everything else.
            var x = a.spec
            var y = b.spec
            x.replicas = nil
            y.replicas = nil
            x.ordinals = nil
            y.ordinals = nil
            x.template = PodTemplateSpec()
            y.template = PodTemplateSpec()
            x.updateStrategy = nil
            y.updateStrategy = nil
            x.persistentVolumeClaimRetentionPolicy = nil
            y.persistentVolumeClaimRetentionPolicy = nil
            x.minReadySeconds = nil
            y.minReadySeconds = nil
            if x != y {
                return [
                    Cause(
                        field: "spec",
                        body:
                            "Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
                    )
                ]
            }
            return validate(b.spec)
        case (.persistentVolumeClaim(let a), .persistentVolumeClaim(let b)):
            var x = a.spec
            var y = b.spec
            x.storageRequest = nil
            y.storageRequest = nil
            if y.volumeName == nil { y.volumeName = x.volumeName }
            if y.storageClassName == nil { y.storageClassName = x.storageClassName }
            if x != y {
                return [
                    Cause(
                        field: "spec",
                        body:
                            "Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
                    )
                ]
            }
            if let o = a.spec.storageRequest, let n = b.spec.storageRequest, n < o {
                return [
                    Cause(
                        field: "spec.resources.requests.storage",
                        body: "Forbidden: field can not be less than previous value")
                ]
            }
            return []
        default:
            return []
        }
    }
}
