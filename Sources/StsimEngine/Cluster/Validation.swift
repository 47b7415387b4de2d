/// The API server's validation of the kinds users create (reference 7.3, 7.5, 7.7, 7.8), with
/// Kubernetes' field paths and messages. The StatefulSet pod template is deliberately not
/// validated (7.3: the problem surfaces later as FailedCreate events).
enum Validation {
    typealias Cause = APIError.Cause

    static let dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"

    private static func alnum(_ c: UInt8) -> Bool { (c >= 97 && c <= 122) || (c >= 48 && c <= 57) }

    static func isDNS1123Label<S: Collection>(_ b: S) -> Bool where S.Element == UInt8 {
        guard let first = b.first, b.count <= 63 else { return false }
        var last = first
        for c in b {
            guard alnum(c) || c == 45 else { return false }
            last = c
        }
        return alnum(first) && alnum(last)
    }

    static func isDNS1123Label(_ s: String) -> Bool { isDNS1123Label(s.utf8) }

    static func isDNS1123Subdomain(_ s: String) -> Bool {
        s.utf8.count <= 253 && !s.isEmpty
            && s.utf8.split(separator: 46, omittingEmptySubsequences: false).allSatisfy { isDNS1123Label($0) }
    }

    static func isDNS1035Label(_ s: String) -> Bool {
        guard isDNS1123Label(s), let f = s.utf8.first else { return false }
        return f >= 97 && f <= 122
    }

    static func quoted(_ s: String) -> String { "\"" + s + "\"" }

    /// Go's `%#v` of a `map[string]string`, sorted by key as Go prints maps.
    static func goMap(_ m: [String: String]) -> String {
        "map[string]string{" + m.keys.sorted().map { "\(quoted($0)):\(quoted(m[$0]!))" }.joined(separator: ", ") + "}"
    }

    static func validateName(_ o: KubeObject) -> [Cause] {
        let name = o.metadata.name
        switch o.kind {
        case .statefulSet:
            if name.utf8.count > 63 {
                return [
                    Cause(
                        field: "metadata.name",
                        body: "Invalid value: \(quoted(name)): must be no more than 63 characters")
                ]
            }
            if !isDNS1123Label(name) {
                return [Cause(field: "metadata.name", body: "Invalid value: \(quoted(name)): \(dns1123LabelMessage)")]
            }
        case .service:
            if !isDNS1035Label(name) {
                return [Cause(field: "metadata.name", body: "Invalid value: \(quoted(name)): \(dns1035LabelMessage)")]
            }
        default:
            if !isDNS1123Subdomain(name) {
                return [
                    Cause(field: "metadata.name", body: "Invalid value: \(quoted(name)): \(dns1123SubdomainMessage)")
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
                            "Unsupported value: \(quoted(r.rawValue)): supported values: \"Delete\", \"Recycle\", \"Retain\""
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
        var causes: [Cause] = []
        for (i, c) in spec.containers.enumerated() {
            if c.image.isEmpty { causes.append(Cause(field: "spec.containers[\(i)].image", body: "Required value")) }
            if !isDNS1123Label(c.name) {
                causes.append(
                    Cause(
                        field: "spec.containers[\(i)].name",
                        body: "Invalid value: \(quoted(c.name)): \(dns1123LabelMessage)"))
            }
            for (j, m) in c.volumeMounts.enumerated() where !spec.volumes.contains(where: { $0.name == m.name }) {
                causes.append(
                    Cause(field: "spec.containers[\(i)].volumeMounts[\(j)].name", body: "Not found: \(quoted(m.name))"))
            }
        }
        if let sub = spec.subdomain, !isDNS1123Label(sub) {
            causes.append(Cause(field: "spec.subdomain", body: "Invalid value: \(quoted(sub)): \(dns1123LabelMessage)"))
        }
        return causes
    }

    /// `ValidateStatefulSetSpec` (7.3), without the pod template.
    static func validate(_ spec: StatefulSetSpec) -> [Cause] {
        var causes: [Cause] = []
        if let p = spec.podManagementPolicy, p != .orderedReady, p != .parallel {
            causes.append(
                Cause(
                    field: "spec.podManagementPolicy",
                    body: "Invalid value: \(quoted(p.rawValue)): must be 'OrderedReady' or 'Parallel'"))
        }
        if let t = spec.updateStrategy?.type {
            if t != .rollingUpdate, t != .onDelete {
                causes.append(
                    Cause(
                        field: "spec.updateStrategy.type",
                        body: "Invalid value: \(quoted(t.rawValue)): must be 'RollingUpdate' or 'OnDelete'"))
            }
            if t == .onDelete, spec.updateStrategy?.rollingUpdate != nil {
                causes.append(
                    Cause(
                        field: "spec.updateStrategy.rollingUpdate",
                        body: "Invalid value: \"OnDelete\": only allowed for updateStrategy 'RollingUpdate'"))
            }
        }
        if let p = spec.updateStrategy?.rollingUpdate?.partition, p < 0 {
            causes.append(
                Cause(
                    field: "spec.updateStrategy.rollingUpdate.partition",
                    body: "Invalid value: \(p): must be greater than or equal to 0"))
        }
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
                        body: "Unsupported value: \(quoted(v.rawValue)): supported values: \"Retain\", \"Delete\""))
            }
        }
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
                        body: "Invalid value: \(goMap(labels)): `selector` does not match template `labels`"))
            }
        } else {
            causes.append(Cause(field: "spec.selector", body: "Required value"))
            causes.append(
                Cause(
                    field: "spec.template.metadata.labels",
                    body: "Invalid value: \(goMap(labels)): `selector` does not match template `labels`"))
        }
        if let rp = spec.template.spec.restartPolicy, rp != .always {
            causes.append(
                Cause(
                    field: "spec.template.spec.restartPolicy",
                    body: "Unsupported value: \(quoted(rp.rawValue)): supported values: \"Always\""))
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
