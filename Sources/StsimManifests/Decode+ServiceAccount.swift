import StsimEngine

extension MappingReader {
    /// A ServiceAccount's `secrets`, `imagePullSecrets` and `automountServiceAccountToken`.
    func serviceAccount(metadata: ObjectMeta) -> ServiceAccount {
        let secrets =
            objects("secrets", goType: "ObjectReference") { r -> SecretReference in
                r.unmodelled("kind", "uid", "apiVersion", "resourceVersion", "fieldPath")
                return SecretReference(name: r.string("name") ?? "", namespace: r.string("namespace"))
            } ?? []
        let pullSecrets = objects("imagePullSecrets", goType: "LocalObjectReference") { $0.string("name") ?? "" } ?? []
        return ServiceAccount(
            metadata: metadata, secrets: secrets, imagePullSecrets: pullSecrets,
            automountServiceAccountToken: bool("automountServiceAccountToken"))
    }
}
