/// Resource kinds as kubectl users type them: singular, plural, short name, `plural.group`.
/// The language only names kinds; the session maps the canonical plural to the engine's kind.
public struct KindName: Hashable, Sendable {
    /// Canonical plural, as in an API path (`statefulsets`).
    public let plural: String
    public let singular: String
    public let kind: String
    public let shortNames: [String]
    public let group: String

    public static let all: [KindName] = [
        KindName(plural: "pods", singular: "pod", kind: "Pod", shortNames: ["po"], group: ""),
        KindName(plural: "statefulsets", singular: "statefulset", kind: "StatefulSet", shortNames: ["sts"], group: "apps"),
        KindName(plural: "replicasets", singular: "replicaset", kind: "ReplicaSet", shortNames: ["rs"], group: "apps"),
        KindName(plural: "persistentvolumeclaims", singular: "persistentvolumeclaim", kind: "PersistentVolumeClaim",
                 shortNames: ["pvc"], group: ""),
        KindName(plural: "persistentvolumes", singular: "persistentvolume", kind: "PersistentVolume",
                 shortNames: ["pv"], group: ""),
        KindName(plural: "services", singular: "service", kind: "Service", shortNames: ["svc"], group: ""),
        KindName(plural: "nodes", singular: "node", kind: "Node", shortNames: ["no"], group: ""),
        KindName(plural: "endpoints", singular: "endpoints", kind: "Endpoints", shortNames: ["ep"], group: ""),
        KindName(plural: "endpointslices", singular: "endpointslice", kind: "EndpointSlice", shortNames: [],
                 group: "discovery.k8s.io"),
        KindName(plural: "events", singular: "event", kind: "Event", shortNames: ["ev"], group: ""),
        KindName(plural: "storageclasses", singular: "storageclass", kind: "StorageClass", shortNames: ["sc"],
                 group: "storage.k8s.io"),
        KindName(plural: "controllerrevisions", singular: "controllerrevision", kind: "ControllerRevision",
                 shortNames: [], group: "apps"),
    ]

    /// Every spelling a user may type, for completion and suggestions.
    public static var spellings: [String] {
        all.flatMap { [$0.singular, $0.plural] + $0.shortNames }
    }

    /// Resolves `po`, `pods`, `Pod`, `statefulsets.apps`, `statefulset.apps`.
    public static func resolve(_ word: String) -> KindName? {
        let w = word.lowercased()
        for k in all {
            if w == k.plural || w == k.singular || k.shortNames.contains(w) || w == k.kind.lowercased() { return k }
            if !k.group.isEmpty && (w == "\(k.plural).\(k.group)" || w == "\(k.singular).\(k.group)") { return k }
        }
        return nil
    }

    /// `the server doesn't have a resource type "foo"`, kubectl's text, with a suggestion.
    public static func unknown(_ word: String) -> (message: String, hint: String?) {
        ("the server doesn't have a resource type \"\(word)\"", Suggestion.hint(for: word, in: spellings))
    }
}
