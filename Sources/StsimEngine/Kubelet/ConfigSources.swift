/// Why the kubelet cannot take what a pod asks of a ConfigMap or Secret (kubelet_pods.go
/// `makeEnvironmentVariables`, the configmap and secret volume plugins), with the kubelet's words,
/// and the object whose creation or change lets it try again.
public struct ConfigSourceError: Error, Hashable, Sendable {
    public var message: String
    public var object: ObjectKey
}

/// Reading ConfigMaps and Secrets as the kubelet does, from the API's view.
extension Cluster {
    /// `configmap "NAME" not found`: the kubelet's object cache names the resource in the singular.
    static func notFound(_ kind: ResourceKind, _ name: String) -> String { "\(kind.singular) \"\(name)\" not found" }

    /// The keys and bytes of the ConfigMap or Secret, nil when it does not exist.
    func configEntries(_ kind: ResourceKind, namespace: String, name: String) -> [String: [UInt8]]? {
        switch kind {
        case .configMap:
            guard let c = store.get(ConfigMap.self, namespace: namespace, name: name) else { return nil }
            return Dictionary(c.entries.map { ($0.key, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        default:
            guard let s = store.get(Secret.self, namespace: namespace, name: name) else { return nil }
            return s.data
        }
    }

    /// The files a `configMap`, `secret` or `projected` volume holds (path to text), nil for other
    /// volumes. A missing object or item key fails unless the volume is `optional` (then it is empty).
    public func configVolumeFiles(_ volume: Volume, in pod: Pod) -> Result<[(String, String)], ConfigSourceError>? {
        switch volume.source {
        case .configMap(let p): keyFiles(.configMap, p, namespace: pod.metadata.namespace)
        case .secret(let p): keyFiles(.secret, p, namespace: pod.metadata.namespace)
        case .projected(let p): projectedFiles(p, pod: pod)
        default: nil
        }
    }

    /// A ConfigMap's or Secret's keys as files: all of them, or the projection's `items`. A
    /// ConfigMap's text is handed on as it is stored, so every pod's copy of `kube-root-ca.crt`
    /// shares one string.
    func keyFiles(_ kind: ResourceKind, _ p: KeyProjection, namespace: String) -> Result<
        [(String, String)], ConfigSourceError
    > {
        let key = ObjectKey(kind: kind, namespace: namespace, name: p.name)
        func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }
        let entries: [String: String]
        if kind == .configMap, let c = store.get(ConfigMap.self, namespace: namespace, name: p.name) {
            entries = c.data.merging(c.binaryData.mapValues(text)) { a, _ in a }
        } else if kind == .secret, let s = store.get(Secret.self, namespace: namespace, name: p.name) {
            entries = s.data.mapValues(text)
        } else {
            if p.optional == true { return .success([]) }
            return .failure(ConfigSourceError(message: Self.notFound(kind, p.name), object: key))
        }
        guard !p.items.isEmpty else {
            return .success(entries.keys.sorted().map { ($0, entries[$0]!) })
        }
        var files: [(String, String)] = []
        for item in p.items {
            guard let value = entries[item.key] else {
                if p.optional == true { continue }
                let what =
                    kind == .configMap
                    ? "configmap references non-existent config key" : "references non-existent secret key"
                return .failure(ConfigSourceError(message: "\(what): \(item.key)", object: key))
            }
            files.append((item.path, value))
        }
        return .success(files)
    }

    /// `makeEnvironmentVariables` for the sources in ConfigMaps and Secrets: `envFrom` first (keys
    /// that are not valid variable names are left out), then `env`, later names replacing earlier
    /// ones. Values come back in that order; `fieldRef` and literal values stay the caller's.
    public func configEnvironment(_ c: Container, namespace: String) -> Result<[(String, String?)], ConfigSourceError> {
        var env: [(String, String?)] = []
        func set(_ name: String, _ value: String?) {
            env.removeAll { $0.0 == name }
            env.append((name, value))
        }
        for from in c.envFrom {
            let kind: ResourceKind = from.source == .configMap ? .configMap : .secret
            guard let entries = configEntries(kind, namespace: namespace, name: from.name) else {
                if from.optional == true { continue }
                return .failure(
                    ConfigSourceError(
                        message: Self.notFound(kind, from.name),
                        object: ObjectKey(kind: kind, namespace: namespace, name: from.name)))
            }
            for k in entries.keys.sorted() {
                let name = (from.prefix ?? "") + k
                if NameRules.isEnvVarName(name) { set(name, String(decoding: entries[k]!, as: UTF8.self)) }
            }
        }
        for e in c.env {
            guard
                let (kind, ref) = e.configMapKeyRef.map({ (ResourceKind.configMap, $0) })
                    ?? e.secretKeyRef.map({ (ResourceKind.secret, $0) })
            else {
                set(e.name, nil)
                continue
            }
            let key = ObjectKey(kind: kind, namespace: namespace, name: ref.name)
            guard let entries = configEntries(kind, namespace: namespace, name: ref.name) else {
                if ref.optional == true { continue }
                return .failure(ConfigSourceError(message: Self.notFound(kind, ref.name), object: key))
            }
            guard let bytes = entries[ref.key] else {
                if ref.optional == true { continue }
                return .failure(
                    ConfigSourceError(
                        message: "couldn't find key \(ref.key) in \(kind.kind) \(namespace)/\(ref.name)", object: key))
            }
            set(e.name, String(decoding: bytes, as: UTF8.self))
        }
        return .success(env)
    }
}
