/// Pure helpers of the StatefulSet controller (stateful_set_utils.go): names, ordinals, the pod
/// and claims for an ordinal, and revision names (reference 2.1–2.4).
enum StatefulSetIdentity {
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"
    static let revisionLabel = "controller-revision-hash"
    static let revisionHashLabel = "controller.kubernetes.io/hash"

    static func podName(_ set: String, _ ordinal: Int) -> String { "\(set)-\(ordinal)" }

    static func claimName(_ template: String, _ set: String, _ ordinal: Int) -> String {
        "\(template)-\(set)-\(ordinal)"
    }

    /// `(.*)-([0-9]+)$`: the parent name and ordinal of a pod name, or nil when it does not parse.
    static func parse(_ podName: String) -> (parent: Substring, ordinal: Int)? {
        guard let dash = podName.lastIndex(of: "-") else { return nil }
        let digits = podName[podName.index(after: dash)...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = Int32(digits) else {
            return nil
        }
        return (podName[..<dash], Int(n))
    }

    static func ownerReference(_ set: StatefulSet) -> OwnerReference {
        OwnerReference(
            apiVersion: "apps/v1", kind: "StatefulSet", name: set.metadata.name, uid: set.metadata.uid!,
            controller: true, blockOwnerDeletion: true)
    }

    /// `newVersionedStatefulSetPod`: the pod for an ordinal built from a template revision (2.2).
    static func newPod(
        _ set: StatefulSet, template: PodTemplateSpec, revision: String, ordinal: Int,
        ownerReferences: [OwnerReference]? = nil
    ) -> Pod {
        let name = podName(set.metadata.name, ordinal)
        var labels = template.metadata.labels
        labels[podNameLabel] = name
        labels[podIndexLabel] = String(ordinal)
        labels[revisionLabel] = revision
        var spec = template.spec
        spec.hostname = name
        spec.subdomain = set.spec.serviceName.isEmpty ? nil : set.spec.serviceName
        let claimVolumes = set.spec.volumeClaimTemplates.map { t in
            Volume(
                name: t.metadata.name,
                source: .persistentVolumeClaim(.init(claimName: claimName(t.metadata.name, set.metadata.name, ordinal)))
            )
        }
        if !claimVolumes.isEmpty {
            let claimNames = Set(claimVolumes.map(\.name))
            spec.volumes = claimVolumes + spec.volumes.filter { !claimNames.contains($0.name) }
        }
        let meta = ObjectMeta(
            name: name, generateName: set.metadata.name + "-", namespace: set.metadata.namespace,
            labels: labels, annotations: template.metadata.annotations,
            ownerReferences: ownerReferences ?? [ownerReference(set)], finalizers: template.metadata.finalizers)
        return Pod(metadata: meta, spec: spec)
    }

    /// The claims of an ordinal (2.3): template labels with the selector's matchLabels merged in.
    static func newClaims(_ set: StatefulSet, ordinal: Int) -> [PersistentVolumeClaim] {
        set.spec.volumeClaimTemplates.map { t in
            var c = PersistentVolumeClaim()
            c.metadata.name = claimName(t.metadata.name, set.metadata.name, ordinal)
            c.metadata.namespace = set.metadata.namespace
            var labels = t.metadata.labels
            for (k, v) in set.spec.selector?.matchLabels ?? [:] { labels[k] = v }
            c.metadata.labels = labels
            c.metadata.annotations = t.metadata.annotations
            c.spec = t.spec
            return c
        }
    }

    // MARK: Revision names (2.4)

    /// `<set>-<hash>`: FNV-32 (not 32a) over the stored template bytes followed by the collision
    /// count, printed in decimal and passed through `SafeEncodeString`.
    static func revisionName(_ set: String, template: PodTemplateSpec, collisionCount: Int = 0) -> String {
        var bytes = TemplateEncoding.bytes(template)
        bytes += Array(String(collisionCount).utf8)
        return "\(set)-\(safeEncode(String(fnv32(bytes))))"
    }

    static func fnv32(_ bytes: [UInt8]) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for b in bytes {
            h = h &* 16_777_619
            h ^= UInt32(b)
        }
        return h
    }

    /// `rand.SafeEncodeString`: each character c becomes `alphabet[c % 27]`.
    static func safeEncode(_ s: String) -> String {
        let alphabet = SeededRandom.nameAlphabet
        return String(s.utf8.map { alphabet[Int($0) % alphabet.count] })
    }
}
