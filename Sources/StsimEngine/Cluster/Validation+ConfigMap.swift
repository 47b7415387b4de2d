/// pkg/apis/core/validation `ValidateConfigMap`, `ValidateSecret` and their update checks: key
/// names, a key in both `data` and `binaryData`, the 1 MiB bound on the values, and `immutable`.
extension Validation {
    /// `core.MaxSecretSize`, which bounds ConfigMaps too.
    public static let maxDataSize = 1024 * 1024

    static func validate(_ c: ConfigMap) -> [Cause] {
        let text = keys(c.data.mapValues(\.utf8.count), "data", other: c.binaryData.keys, "binaryData")
        let binary = keys(c.binaryData.mapValues(\.count), "binaryData", other: c.data.keys, "data")
        var causes = text.causes + binary.causes
        let total = text.bytes + binary.bytes
        if total > maxDataSize {
            causes.append(Cause(field: "[]", body: "Too long: must have at most \(maxDataSize) bytes"))
        }
        return causes
    }

    /// One map's keys, by their values' sizes: each key's format, and a key the other map holds too.
    private static func keys(
        _ sizes: [String: Int], _ field: String, other: Dictionary<String, some Any>.Keys, _ otherField: String
    ) -> (causes: [Cause], bytes: Int) {
        var causes: [Cause] = []
        for key in sizes.keys.sorted() {
            causes += configKey(key, field)
            if other.contains(key) {
                causes.append(
                    Cause(
                        field: "\(field)[\(key)]",
                        body: "Invalid value: \(GoSyntax.quote(key)): duplicate of key present in \(otherField)"))
            }
        }
        return (causes, sizes.values.reduce(0, +))
    }

    static func validate(_ s: Secret) -> [Cause] {
        var causes: [Cause] = []
        for key in s.data.keys.sorted() { causes += configKey(key, "data") }
        if s.data.values.reduce(0, { $0 + $1.count }) > maxDataSize {
            causes.append(Cause(field: "data", body: "Too long: must have at most \(maxDataSize) bytes"))
        }
        return causes + requiredKeys(s)
    }

    /// The keys a Secret's built-in type requires (`ValidateSecret`'s switch on the type). The
    /// JSON of a docker config is not checked.
    private static func requiredKeys(_ s: Secret) -> [Cause] {
        func missing(_ keys: [String]) -> [Cause] {
            keys.filter { s.data[$0] == nil }.map { Cause(field: "data[\($0)]", body: "Required value") }
        }
        switch s.type ?? "" {
        case "kubernetes.io/service-account-token":
            let key = "kubernetes.io/service-account.name"
            return (s.metadata.annotations[key] ?? "").isEmpty
                ? [Cause(field: "metadata.annotations[\(key)]", body: "Required value")] : []
        case "kubernetes.io/dockercfg": return missing([".dockercfg"])
        case "kubernetes.io/dockerconfigjson": return missing([".dockerconfigjson"])
        case "kubernetes.io/basic-auth":
            return s.data["username"] == nil && s.data["password"] == nil ? missing(["username", "password"]) : []
        case "kubernetes.io/ssh-auth":
            return (s.data["ssh-privatekey"] ?? []).isEmpty
                ? [Cause(field: "data[ssh-privatekey]", body: "Required value")] : []
        case "kubernetes.io/tls": return missing(["tls.crt", "tls.key"])
        default: return []
        }
    }

    /// `IsConfigMapKey`.
    public static func configKey(_ key: String, _ field: String) -> [APIError.Cause] {
        let path = "\(field)[\(key)]"
        let value = GoSyntax.quote(key)
        var causes: [Cause] = []
        if key.utf8.count > 253 {
            causes.append(Cause(field: path, body: "Invalid value: \(value): must be no more than 253 characters"))
        }
        let allowed = key.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2D || c == 0x2E
                || c == 0x5F
        }
        if key.isEmpty || !allowed {
            causes.append(
                Cause(
                    field: path,
                    body:
                        "Invalid value: \(value): a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"
                ))
        }
        if key == "." {
            causes.append(Cause(field: path, body: "Invalid value: \(value): must not be '.'"))
        } else if key == ".." {
            causes.append(Cause(field: path, body: "Invalid value: \(value): must not be '..'"))
        } else if key.hasPrefix("..") {
            causes.append(Cause(field: path, body: "Invalid value: \(value): must not start with '..'"))
        }
        return causes
    }

    /// `ValidateConfigMapUpdate` / `ValidateSecretUpdate`: an immutable object keeps its data;
    /// `immutable` cannot be unset; a Secret keeps its type.
    static func validateConfigUpdate(old: KubeObject, new: KubeObject) -> [Cause]? {
        let immutableMessage = "Forbidden: field is immutable when `immutable` is set"
        switch (old, new) {
        case (.configMap(let a), .configMap(let b)):
            var causes: [Cause] = []
            if a.immutable == true {
                if b.immutable != true { causes.append(Cause(field: "immutable", body: immutableMessage)) }
                if a.data != b.data { causes.append(Cause(field: "data", body: immutableMessage)) }
                if a.binaryData != b.binaryData { causes.append(Cause(field: "binaryData", body: immutableMessage)) }
            }
            return causes + validate(b)
        case (.secret(let a), .secret(let b)):
            var causes: [Cause] = []
            if a.type != b.type {
                causes.append(
                    Cause(field: "type", body: "Invalid value: \(GoSyntax.quote(b.type ?? "")): field is immutable"))
            }
            if a.immutable == true {
                if b.immutable != true { causes.append(Cause(field: "immutable", body: immutableMessage)) }
                if a.data != b.data { causes.append(Cause(field: "data", body: immutableMessage)) }
            }
            return causes + validate(b)
        default:
            return nil
        }
    }
}
