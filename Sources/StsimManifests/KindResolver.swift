import StsimEngine

/// Maps a manifest's `apiVersion` and `kind` to a kind stsim can create, with kubectl's error texts
/// for the mistakes books make (7.2).
enum KindResolver {
    /// The kinds a manifest may create; the others (events, endpoint slices, revisions) are written
    /// only by controllers.
    static let loadable: [ResourceKind] = [
        .statefulSet, .replicaSet, .pod, .service, .persistentVolumeClaim, .persistentVolume, .storageClass, .node,
        .namespace,
        .podDisruptionBudget, .configMap, .secret, .serviceAccount,
    ]

    /// Kinds of a real 1.32 cluster that stsim leaves out, with their apiVersion.
    static let realKinds: [String: String] = [
        "Deployment": "apps/v1", "Job": "batch/v1", "CronJob": "batch/v1",
        "Endpoints": "v1",
        "Ingress": "networking.k8s.io/v1", "NetworkPolicy": "networking.k8s.io/v1",
        "HorizontalPodAutoscaler": "autoscaling/v2",
        "Role": "rbac.authorization.k8s.io/v1", "RoleBinding": "rbac.authorization.k8s.io/v1",
        "ClusterRole": "rbac.authorization.k8s.io/v1", "ClusterRoleBinding": "rbac.authorization.k8s.io/v1",
        "LimitRange": "v1", "ResourceQuota": "v1", "PodTemplate": "v1",
    ]

    enum Outcome {
        case kind(ResourceKind)
        /// kubectl's "no matches for kind" (client-side, via discovery), with stsim's explanation.
        case noMatch(message: String, hint: String)
    }

    static func resolve(apiVersion: String, kind: String) -> Outcome {
        let message = "no matches for kind \"\(kind)\" in version \"\(apiVersion)\""
        if let k = loadable.first(where: { $0.kind == kind }) {
            if k.apiVersion == apiVersion { return .kind(k) }
            let removed = ["apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"].contains(apiVersion)
            let why = removed ? " (\(apiVersion) was removed in Kubernetes 1.16)" : ""
            return .noMatch(message: message, hint: "use apiVersion: \(k.apiVersion) for \(kind)\(why)")
        }
        let names = loadable.map(\.kind).sorted()
        if kind == ResourceKind.daemonSet.kind {
            return .noMatch(
                message: message,
                hint:
                    "stsim does not simulate DaemonSets of your own: the cluster's (kube-proxy, kind's kindnet) are there to read (get ds -n kube-system); a manifest may create: \(names.joined(separator: ", "))"
            )
        }
        if ResourceKind.allCases.contains(where: { $0.kind == kind }) {
            return .noMatch(
                message: message,
                hint:
                    "stsim's controllers write \(kind) objects themselves; a manifest may create: \(names.joined(separator: ", "))"
            )
        }
        if let version = realKinds[kind] {
            // A real cluster would know it; say so, so the learner does not hunt for a typo.
            let why = version == apiVersion || version.isEmpty ? "" : " (its apiVersion is \(version))"
            return .noMatch(
                message: message,
                hint:
                    "\(kind) is a Kubernetes kind that stsim does not simulate\(why); stsim knows: \(names.joined(separator: ", "))"
            )
        }
        if let near = Suggestion.nearest(to: kind, among: names) {
            return .noMatch(
                message: message, hint: "did you mean kind \"\(near)\"? stsim knows: \(names.joined(separator: ", "))")
        }
        return .noMatch(message: message, hint: "stsim knows the kinds: \(names.joined(separator: ", "))")
    }
}
