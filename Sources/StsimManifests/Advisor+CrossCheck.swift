import StsimEngine

/// Checks between objects of one file: a StatefulSet and the Service that should govern it are
/// usually written together, and a mismatch between them fails silently in a real cluster.
extension Advisor {
    static func crossCheck(_ objects: [LoadedObject], source: ManifestSource) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for loaded in objects {
            guard case .statefulSet(let set) = loaded.object, !set.spec.serviceName.isEmpty else { continue }
            let match = objects.first {
                guard case .service(let s) = $0.object else { return false }
                return s.metadata.name == set.spec.serviceName && s.metadata.namespace == set.metadata.namespace
            }
            guard let match, case .service(let svc) = match.object else { continue }
            let at = loaded.fields.location(of: "spec.serviceName")
            func warn(_ message: String, _ hint: String) {
                out.append(Diagnostic(.warning, at: at, message, sourceLine: source.lineText(at: at), hint: hint))
            }
            if !svc.isHeadless {
                warn(
                    "Service \"\(svc.metadata.name)\" is not headless: the pods of StatefulSet \"\(set.metadata.name)\" get no DNS names of their own",
                    "add clusterIP: None to the Service (an existing Service must be deleted and created again)")
            }
            let labels = set.spec.template.metadata.labels
            if !svc.spec.selector.isEmpty, !svc.spec.selector.allSatisfy({ labels[$0.key] == $0.value }) {
                let selector = svc.spec.selector.keys.sorted().map { "\($0)=\(svc.spec.selector[$0]!)" }.joined(
                    separator: ",")
                let podLabels = labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }.joined(separator: ",")
                warn(
                    "Service \"\(svc.metadata.name)\" selects \(selector), which matches none of the pods of StatefulSet \"\(set.metadata.name)\" (labels \(podLabels))",
                    "the Service gets no endpoints, so neither its name nor the pods' names resolve")
            }
        }
        return out
    }
}
