import StsimEngine

/// What a pod takes from ConfigMaps and Secrets: `configMapKeyRef`/`secretKeyRef`, `envFrom`,
/// and the keys of `configMap`/`secret` volumes.
extension MappingReader {
    func keySelector() -> KeySelector {
        KeySelector(name: string("name") ?? "", key: string("key") ?? "", optional: bool("optional"))
    }

    func envFromSource() -> EnvFromSource? {
        let prefix = string("prefix")
        let configMap = nested("configMapRef", goType: "ConfigMapEnvSource") { r in
            EnvFromSource(
                source: .configMap, name: r.string("name") ?? "", prefix: prefix, optional: r.bool("optional"))
        }
        let secret = nested("secretRef", goType: "SecretEnvSource") { r in
            EnvFromSource(source: .secret, name: r.string("name") ?? "", prefix: prefix, optional: r.bool("optional"))
        }
        return configMap ?? secret
    }

    /// `nameKey`: `name` for a ConfigMap, `secretName` for a Secret. A projected volume's
    /// projection (`mode: false`) has no `defaultMode`.
    func keyProjection(_ nameKey: String, mode: Bool = true) -> KeyProjection {
        KeyProjection(
            name: string(nameKey) ?? "",
            items: objects("items", goType: "KeyToPath") { i in
                KeyProjection.Item(key: i.string("key") ?? "", path: i.string("path") ?? "", mode: i.int("mode"))
            } ?? [],
            optional: bool("optional"), defaultMode: mode ? int("defaultMode") : nil)
    }
}
