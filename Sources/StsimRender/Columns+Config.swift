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
