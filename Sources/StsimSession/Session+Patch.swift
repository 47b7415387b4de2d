import StsimEngine
import StsimLanguage
import StsimManifests

extension Session {
    /// `patch KIND NAME -p PATCH | --replicas N | --image C=IMG`: kubectl's `patched`, or
    /// `patched (no change)` when the object came out as it was.
    func patch(_ kind: ResourceKind, name: Argument, change: PatchChange, namespace: String?) throws {
        let live = try cluster.get(kind, namespace: namespace, name: name.text).get()
        let changed: KubeObject
        switch change {
        case .subresource(let sub, let text, let format):
            try patchSubresource(sub, live, text, format: format)
            autoSettle()
            return
        case .document(let text, let format):
            changed = try ManifestUpdate.patched(
                live, patch: text, type: ManifestUpdate.PatchType(format),
                timestamps: Session.timestamps
            ).get()
        case .replicas(let n):
            guard kind == .statefulSet || kind == .replicaSet else {
                throw SessionError("--replicas patches a StatefulSet or a ReplicaSet, not a \(kind.singular)")
            }
            changed = try ManifestUpdate.patched(
                live, patch: "{\"spec\":{\"replicas\":\(n)}}", type: .merge,
                timestamps: Session.timestamps
            ).get()
        case .image(let image):
            changed = try withImages(live, [image])
        }
        let updated = try updateReportingHints(live, changed, at: name.location)
        let noChange = updated.metadata.resourceVersion == live.metadata.resourceVersion
        printer.line("\(updated.kind.qualifiedSingular)/\(updated.name) patched\(noChange ? " (no change)" : "")")
        autoSettle()
    }

    /// `set image sts/NAME C=IMG...`: a template change, so a new revision for the controller.
    func setImage(_ kind: ResourceKind, name: Argument, images: [ContainerImage], namespace: String?) throws {
        let live = try cluster.get(kind, namespace: namespace, name: name.text).get()
        let updated = try updateReportingHints(live, try withImages(live, images), at: name.location)
        printer.line("\(updated.kind.qualifiedSingular)/\(updated.name) image updated")
        autoSettle()
    }

    /// The engine's update; a refusal is kubectl's error with stsim's hint, when it has one.
    private func updateReportingHints(_ live: KubeObject, _ changed: KubeObject, at location: SourceLocation) throws
        -> KubeObject
    {
        switch cluster.update(changed) {
        case .success(let updated): return updated
        case .failure(let error):
            guard let hint = updateHint(old: live, new: changed) else { throw error }
            if interactive {
                printer.errorLine(error.kubectlMessage)
                printer.errorLine("  hint: \(hint)")
                throw AlreadyReported()
            }
            throw Diagnostic(at: location, error.kubectlMessage, hint: hint)
        }
    }

    /// The object with each named container's image replaced (`*`: every container), as
    /// kubectl set image does; a name that matches no container is kubectl's error.
    private func withImages(_ object: KubeObject, _ images: [ContainerImage]) throws -> KubeObject {
        func update(_ spec: inout PodSpec) throws {
            for image in images {
                var found = false
                for i in spec.containers.indices
                where image.container == "*" || spec.containers[i].name == image.container {
                    spec.containers[i].image = image.image
                    found = true
                }
                for i in spec.initContainers.indices
                where image.container != "*" && spec.initContainers[i].name == image.container {
                    spec.initContainers[i].image = image.image
                    found = true
                }
                if !found {
                    let names = spec.containers.map(\.name)
                    throw Diagnostic(
                        at: image.location, "unable to find container named \"\(image.container)\"",
                        hint: "the containers are: \(names.joined(separator: ", "))")
                }
            }
        }
        switch object {
        case .statefulSet(var s):
            try update(&s.spec.template.spec)
            return .statefulSet(s)
        case .replicaSet(var r):
            try update(&r.spec.template.spec)
            return .replicaSet(r)
        case .pod(var p):
            try update(&p.spec)
            return .pod(p)
        default:
            throw SessionError(
                "a \(object.kind.singular) has no containers whose image could be set",
                hint: "images are set on sts, rs and pods")
        }
    }
}

extension ManifestUpdate.PatchType {
    init(_ format: PatchFormat) {
        switch format {
        case .strategic: self = .strategic
        case .merge: self = .merge
        case .json: self = .json
        }
    }
}
