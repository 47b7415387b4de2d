import StsimEngine

/// `printConfigMap` and `printSecret` (pkg/printers/internalversion/printers.go): DATA counts keys.
extension Columns {
    static let configMapHeaders = ["NAME", "DATA", "AGE"]
    static let secretHeaders = ["NAME", "TYPE", "DATA", "AGE"]

    static func configMapRow(_ c: ConfigMap, now: VirtualTime) -> [String] {
        [
            c.metadata.name, "\(c.data.count + c.binaryData.count)",
            HumanDuration.age(of: c.metadata.creationTimestamp, now: now),
        ]
    }

    static func secretRow(_ s: Secret, now: VirtualTime) -> [String] {
        [
            s.metadata.name, s.type ?? "", "\(s.data.count)",
            HumanDuration.age(of: s.metadata.creationTimestamp, now: now),
        ]
    }
}

/// `printServiceAccount`: SECRETS counts `secrets` (0 for the accounts 1.24+ makes, which get
/// projected tokens instead of Secrets).
extension Columns {
    static let serviceAccountHeaders = ["NAME", "SECRETS", "AGE"]

    static func serviceAccountRow(_ a: ServiceAccount, now: VirtualTime) -> [String] {
        [a.metadata.name, "\(a.secrets.count)", HumanDuration.age(of: a.metadata.creationTimestamp, now: now)]
    }
}
