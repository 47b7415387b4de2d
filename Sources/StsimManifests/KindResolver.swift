import StsimEngine

/// Maps a manifest's `apiVersion` and `kind` to a kind stsim can create, with kubectl's error texts
/// for the mistakes books make (7.2).
enum KindResolver {
    /// The kinds a manifest may create; the others (events, endpoint slices, revisions) are written
    /// only by controllers.
    static let loadable: [ResourceKind] = [
        .statefulSet, .replicaSet, .pod, .service, .persistentVolumeClaim, .persistentVolume, .storageClass, .node,
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
        if let near = Suggestion.closest(to: kind, among: names) {
            return .noMatch(message: message, hint: "did you mean kind \"\(near)\"? stsim knows: \(names.joined(separator: ", "))")
        }
        return .noMatch(message: message, hint: "stsim knows the kinds: \(names.joined(separator: ", "))")
    }
}
