import StsimEngine
import StsimLanguage
import StsimManifests

/// `patch KIND NAME --subresource scale|status -p PATCH`.
extension Session {
    func patchSubresource(_ sub: PatchSubresource, _ live: KubeObject, _ text: String, format: PatchFormat) throws {
        // Only the workloads have /scale; the API answers any other kind with a bare 404.
        if sub == .scale, Self.replicas(live) == nil {
            throw APIError(reason: .notFound, message: "the server could not find the requested resource")
        }
        let patched = try ManifestUpdate.patched(
            live, patch: text, type: ManifestUpdate.PatchType(format), timestamps: Session.timestamps
        ).get()
        let updated: KubeObject
        let shown: String
        switch sub {
        case .scale:
            guard let replicas = Self.replicas(patched) else {
                throw APIError(reason: .notFound, message: "the server could not find the requested resource")
            }
            updated = try cluster.scale(live.kind, live.name, namespace: live.namespace, replicas: replicas).get()
            shown = "scale.autoscaling/\(live.name)"
        case .status:
            guard live.kind == .statefulSet || live.kind == .replicaSet else {
                throw SessionError(
                    "stsim patches the status subresource of StatefulSets and ReplicaSets only, not of \(live.kind.plural)"
                )
            }
            updated = try cluster.updateStatus(patched).get()
            shown = "\(live.kind.qualifiedSingular)/\(live.name)"
        }
        let noChange = updated.metadata.resourceVersion == live.metadata.resourceVersion
        printer.line("\(shown) patched\(noChange ? " (no change)" : "")")
    }

    private static func replicas(_ o: KubeObject) -> Int? {
        switch o {
        case .statefulSet(let s): s.spec.replicas ?? 1
        case .replicaSet(let r): r.spec.replicas ?? 1
        default: nil
        }
    }
}
