import StsimEngine

/// stsim's own warnings for objects the API server accepts but the cluster then cannot run
/// (issue 4): a StatefulSet's pod template is not validated on create (kubernetes#81147), so its
/// mistakes only show up later as FailedCreate events. Saying so at load time is the point.
enum Advisor {
    struct Warning {
        var path: String
        var message: String
        var hint: String?
    }

    static func warnings(for object: KubeObject) -> [Warning] {
        switch object {
        case .statefulSet(let s):
            return statefulSetWarnings(s) + imageWarnings(s.spec.template.spec, path: "spec.template.spec")
        case .replicaSet(let r): return imageWarnings(r.spec.template.spec, path: "spec.template.spec")
        case .pod(let p): return imageWarnings(p.spec, path: "spec")
        case .service(let s):
            return Validator.apiWarnings(.service(s)).map { Warning(path: "spec.sessionAffinity", message: $0) }
        case .persistentVolume(let v):
            return Validator.apiWarnings(.persistentVolume(v)).map {
                Warning(
                    path: "spec.persistentVolumeReclaimPolicy", message: $0,
                    hint:
                        "stsim simulates Recycle as the book describes: the volume is wiped and becomes Available again"
                )
            }
        default: return []
        }
    }

    private static func statefulSetWarnings(_ set: StatefulSet) -> [Warning] {
        let name = set.metadata.name.isEmpty ? "<name>" : set.metadata.name
        let pod = "\(name)-\(set.spec.ordinalStart)"
        return templateWarnings(set, name: name, pod: pod) + claimTemplateWarnings(set, pod: pod)
            + namingWarnings(set, name: name)
    }

    /// Pods the API server will reject: the template checked as the controller will send it.
    private static func templateWarnings(_ set: StatefulSet, name: String, pod: String) -> [Warning] {
        var out: [Warning] = []
        // A template without a name is its own finding (below); its volume would only add echoes.
        let templates = set.spec.volumeClaimTemplates.map(\.metadata.name).filter { !$0.isEmpty }
        let volumes = Set(set.spec.template.spec.volumes.map(\.name))
        // The controller adds one volume per claim template before creating the pod, so a pod's
        // mounts may name either.
        var podSpec = set.spec.template.spec
        for t in templates where !volumes.contains(t) {
            podSpec.volumes.append(Volume(name: t, source: .persistentVolumeClaim(.init(claimName: "\(t)-\(pod)"))))
        }
        for cause in Validator.validatePodSpec(podSpec, path: "spec") {
            let path = "spec.template." + cause.path
            if cause.body.hasPrefix("Not found: "), cause.path.contains(".volumeMounts[") {
                let mount = String(cause.body.dropFirst("Not found: ".count).dropFirst().dropLast())
                let known = (templates + set.spec.template.spec.volumes.map(\.name))
                let list =
                    templates.isEmpty
                    ? "there are no claim templates" : "the templates are: \(templates.joined(separator: ", "))"
                out.append(
                    Warning(
                        path: path,
                        message: "volumeMount \"\(mount)\" matches no volume or claim template; \(list)",
                        hint: hintForFailedCreate(pod: pod, set: name, cause: cause)
                            + (Suggestion.hint(nearest: mount, among: known).map { "; " + $0 } ?? "")))
            } else {
                out.append(
                    Warning(
                        path: path, message: "pods of StatefulSet \"\(name)\" will be rejected: \(cause.text)",
                        hint: hintForFailedCreate(pod: pod, set: name, cause: cause)))
            }
        }
        return out
    }

    /// Claim templates that are never checked until a claim is created from them.
    private static func claimTemplateWarnings(_ set: StatefulSet, pod: String) -> [Warning] {
        var out: [Warning] = []
        for (i, t) in set.spec.volumeClaimTemplates.enumerated() {
            guard !t.metadata.name.isEmpty else {
                out.append(
                    Warning(
                        path: "spec.volumeClaimTemplates[\(i)]",
                        message:
                            "claim template \(i) has no metadata.name: its claims cannot be named, so no pod starts",
                        hint: "write the name as metadata: {name: data}; volumeMounts refer to it by that name"))
                continue
            }
            let claim = "\(t.metadata.name)-\(pod)"
            for cause in Validator.validateClaimSpec(t.spec, path: "spec") {
                out.append(
                    Warning(
                        path: "spec.volumeClaimTemplates[\(i)].\(cause.path)",
                        message: "claims from template \"\(t.metadata.name)\" will be rejected: \(cause.text)",
                        hint:
                            "the API server does not check claim templates; once the set exists, every claim creation fails (PersistentVolumeClaim \"\(claim)\" is invalid) and no pod starts"
                    ))
            }
        }
        return out
    }

    /// Names that break the pods' DNS names or their revision label.
    private static func namingWarnings(_ set: StatefulSet, name: String) -> [Warning] {
        var out: [Warning] = []
        if set.spec.serviceName.isEmpty {
            out.append(
                Warning(
                    path: "spec", message: "spec.serviceName is empty: pods get no stable DNS names",
                    hint: "name the headless Service that governs the set, e.g. serviceName: \(name)"))
        } else if !NameRules.matchesDNS1123Label(set.spec.serviceName.utf8) {
            out.append(
                Warning(
                    path: "spec.serviceName",
                    message:
                        "pods of StatefulSet \"\(name)\" will be rejected: spec.subdomain: Invalid value: \(GoSyntax.quote(set.spec.serviceName)): \(NameRules.dns1123LabelMessage)",
                    hint: "serviceName becomes each pod's subdomain, so it must be a DNS-1123 label"))
        }
        // The controller-revision-hash label is "<name>-<hash>" and label values stop at 63 characters.
        if set.metadata.name.count > 52 {
            out.append(
                Warning(
                    path: "metadata.name",
                    message:
                        "StatefulSet name is \(set.metadata.name.count) characters: its pods' controller-revision-hash label (name plus 11 characters) exceeds 63, so no pod can be created",
                    hint: "use a name of at most 52 characters"))
        }
        return out
    }

    /// Images the kubelet cannot parse: accepted by the API, then `InvalidImageName` forever.
    private static func imageWarnings(_ spec: PodSpec, path: String) -> [Warning] {
        let all =
            spec.initContainers.enumerated().map { ("initContainers[\($0.offset)]", $0.element) }
            + spec.containers.enumerated().map { ("containers[\($0.offset)]", $0.element) }
        return all.compactMap { field, c in
            ImageReference.problem(c.image).map {
                Warning(
                    path: "\(path).\(field).image",
                    message: "image \"\(c.image)\" is not a valid image reference: \($0)",
                    hint: "the API server accepts it, then the container waits forever with reason InvalidImageName")
            }
        }
    }

    private static func hintForFailedCreate(pod: String, set: String, cause: FieldError) -> String {
        "the API server does not check the pod template; once the set exists, every pod creation fails: FailedCreate ... create Pod \(pod) in StatefulSet \(set) failed error: Pod \"\(pod)\" is invalid: \(cause.text)"
    }
}
