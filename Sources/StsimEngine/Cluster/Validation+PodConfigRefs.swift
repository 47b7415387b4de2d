/// The pod checks of what it takes from ConfigMaps and Secrets (pkg/apis/core/validation:
/// `validateConfigMapKeySelector`, `validateSecretKeySelector`, `ValidateEnvFrom`,
/// `validateConfigMapVolumeSource`, `validateSecretVolumeSource`, `validateKeyToPath`).
extension Validation {
    /// Volumes come first, as `ValidatePodSpec` checks them before the containers.
    static func volumeReferences(_ spec: PodSpec) -> [Cause] {
        var causes: [Cause] = []
        for (i, v) in spec.volumes.enumerated() {
            switch v.source {
            case .configMap(let p): causes += projection(p, "spec.volumes[\(i)].configMap", nameField: "name")
            case .secret(let p): causes += projection(p, "spec.volumes[\(i)].secret", nameField: "secretName")
            default: continue
            }
        }
        return causes
    }

    static func environmentReferences(_ list: [Container], _ field: String) -> [Cause] {
        var causes: [Cause] = []
        for (i, c) in list.enumerated() {
            let container = "\(field)[\(i)]"
            for (j, e) in c.env.enumerated() {
                let from = "\(container).env[\(j)].valueFrom"
                if let r = e.configMapKeyRef { causes += keySelector(r, "\(from).configMapKeyRef") }
                if let r = e.secretKeyRef { causes += keySelector(r, "\(from).secretKeyRef") }
            }
            for (j, e) in c.envFrom.enumerated() where e.name.isEmpty {
                let ref = e.source == .configMap ? "configMapRef" : "secretRef"
                causes.append(Cause(field: "\(container).envFrom[\(j)].\(ref).name", body: "Required value"))
            }
        }
        return causes
    }

    private static func keySelector(_ r: KeySelector, _ path: String) -> [Cause] {
        var causes: [Cause] = []
        if r.name.isEmpty { causes.append(Cause(field: "\(path).name", body: "Required value")) }
        causes +=
            r.key.isEmpty ? [Cause(field: "\(path).key", body: "Required value")] : keyFormat(r.key, "\(path).key")
        return causes
    }

    /// `IsConfigMapKey` under a plain field path (`...key`, `...items[0].key`).
    private static func keyFormat(_ key: String, _ path: String) -> [Cause] {
        configKey(key, "x").map { Cause(field: path, body: $0.body) }
    }

    private static func projection(_ p: KeyProjection, _ path: String, nameField: String) -> [Cause] {
        var causes: [Cause] = []
        if p.name.isEmpty { causes.append(Cause(field: "\(path).\(nameField)", body: "Required value")) }
        if let mode = p.defaultMode, !(0...0o777).contains(mode) {
            causes.append(
                Cause(
                    field: "\(path).defaultMode",
                    body: "Invalid value: \(mode): must be a number between 0 and 0777 (octal), both inclusive"))
        }
        for (k, item) in p.items.enumerated() {
            let at = "\(path).items[\(k)]"
            causes += item.key.isEmpty ? [Cause(field: "\(at).key", body: "Required value")] : []
            causes += localPath(item.path, "\(at).path")
            if let mode = item.mode, !(0...0o777).contains(mode) {
                causes.append(
                    Cause(
                        field: "\(at).mode",
                        body: "Invalid value: \(mode): must be a number between 0 and 0777 (octal), both inclusive"))
            }
        }
        return causes
    }

    /// `validateLocalNonReservedPath`: relative, without `..` parts, not starting with `..`.
    private static func localPath(_ path: String, _ field: String) -> [Cause] {
        if path.isEmpty { return [Cause(field: field, body: "Required value")] }
        let value = GoSyntax.quote(path)
        var causes: [Cause] = []
        if path.hasPrefix("/") {
            causes.append(Cause(field: field, body: "Invalid value: \(value): must be a relative path"))
        }
        if path.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
            causes.append(Cause(field: field, body: "Invalid value: \(value): must not contain '..'"))
        }
        if path.hasPrefix("..") {
            causes.append(Cause(field: field, body: "Invalid value: \(value): must not start with '..'"))
        }
        return causes
    }
}
