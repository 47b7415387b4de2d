/// kube-controller-manager's tokens controller (pkg/controller/serviceaccount, tokens_controller.go)
/// for the Secrets people still make by hand: a Secret of type
/// `kubernetes.io/service-account-token` annotated with an account's name gets the account's uid
/// annotation and its `token`, `ca.crt` and `namespace` keys; one whose account is gone (or has
/// another uid) is deleted, and so are an account's tokens when the account is deleted.
final class TokensController {
    unowned let cluster: Cluster

    static let type = "kubernetes.io/service-account-token"
    static let nameAnnotation = "kubernetes.io/service-account.name"
    static let uidAnnotation = "kubernetes.io/service-account.uid"

    init(cluster: Cluster) { self.cluster = cluster }

    func secretChanged(_ key: ObjectKey, type: ChangeType) {
        guard key.kind == .secret, type != .deleted,
            cluster.store.get(Secret.self, namespace: key.namespace, name: key.name)?.type == Self.type
        else { return }
        cluster.enqueueSync(.syncToken(key))
    }

    /// `deleteTokens`: the account's token Secrets go with it.
    func serviceAccountChanged(_ sa: ServiceAccount, type: ChangeType) {
        guard type == .deleted else { return }
        for s in cluster.store.list(Secret.self, namespace: sa.metadata.namespace)
        where s.type == Self.type && s.metadata.annotations[Self.nameAnnotation] == sa.metadata.name {
            cluster.enqueueSync(.syncToken(s.erased.key))
        }
    }

    /// `syncSecret`.
    func sync(_ key: ObjectKey) {
        guard var secret = cluster.store.get(Secret.self, namespace: key.namespace, name: key.name),
            secret.type == Self.type, secret.metadata.deletionTimestamp == nil
        else { return }
        let name = secret.metadata.annotations[Self.nameAnnotation] ?? ""
        let wanted = secret.metadata.annotations[Self.uidAnnotation].flatMap { $0.isEmpty ? nil : $0 }
        guard let account = cluster.store.get(ServiceAccount.self, namespace: key.namespace, name: name),
            let uid = account.metadata.uid, wanted == nil || wanted == "\(uid)"
        else {
            _ = cluster.delete(.secret, key.name, namespace: key.namespace)
            return
        }
        let namespace = Array(key.namespace.utf8)
        let ca = Array(ClusterCertificate.rootCA.utf8)
        guard
            wanted == nil || secret.data["token"] == nil || secret.data["ca.crt"] != ca
                || secret.data["namespace"] != namespace
        else { return }
        secret.metadata.annotations[Self.uidAnnotation] = "\(uid)"
        if secret.data["token"] == nil { secret.data["token"] = Array(legacyToken(secret, account).utf8) }
        secret.data["ca.crt"] = ca
        secret.data["namespace"] = namespace
        _ = cluster.update(.secret(secret))
    }

    /// A legacy (secret-based, non-expiring) token: the claims `LegacyClaims` lists, signed by
    /// a key stsim does not have, so its signature is bytes from the seeded generator.
    private func legacyToken(_ secret: Secret, _ account: ServiceAccount) -> String {
        let namespace = secret.metadata.namespace
        let uid = account.metadata.uid.map { "\($0)" } ?? ""
        var random = SeededRandom(
            seed: cluster.config.seed ^ (account.metadata.uid?.low ?? 0) ^ UInt64(cluster.store.lastResourceVersion))
        let claims =
            "{\"iss\":\"kubernetes/serviceaccount\",\"kubernetes.io/serviceaccount/namespace\":\(GoSyntax.quote(namespace)),"
            + "\"kubernetes.io/serviceaccount/secret.name\":\(GoSyntax.quote(secret.metadata.name)),"
            + "\"kubernetes.io/serviceaccount/service-account.name\":\(GoSyntax.quote(account.metadata.name)),"
            + "\"kubernetes.io/serviceaccount/service-account.uid\":\"\(uid)\","
            + "\"sub\":\"system:serviceaccount:\(namespace):\(account.metadata.name)\"}"
        let keyID = Cluster.base64URL((0..<32).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        let header = "{\"alg\":\"RS256\",\"kid\":\"\(keyID)\"}"
        let signature = (0..<256).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        return [
            Cluster.base64URL(Array(header.utf8)), Cluster.base64URL(Array(claims.utf8)), Cluster.base64URL(signature),
        ].joined(separator: ".")
    }
}
