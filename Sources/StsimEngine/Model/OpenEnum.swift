/// A string-valued API field with well-known values that must still carry anything a manifest says,
/// so that validation can quote the bad value back (`Unsupported value: "Foo"`).
public protocol OpenEnum: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public var description: String { rawValue }
}

public struct RestartPolicy: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let always: Self = "Always", onFailure: Self = "OnFailure", never: Self = "Never"
}

public struct DNSPolicy: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let clusterFirst: Self = "ClusterFirst", `default`: Self = "Default", none: Self = "None"
    public static let clusterFirstWithHostNet: Self = "ClusterFirstWithHostNet"
}

public struct PullPolicy: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let always: Self = "Always", ifNotPresent: Self = "IfNotPresent", never: Self = "Never"
}

public struct PortProtocol: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let tcp: Self = "TCP", udp: Self = "UDP", sctp: Self = "SCTP"
}

public struct TaintEffect: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let noSchedule: Self = "NoSchedule", preferNoSchedule: Self = "PreferNoSchedule"
    public static let noExecute: Self = "NoExecute"
}

public struct TolerationOperator: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let exists: Self = "Exists", equal: Self = "Equal"
}

public struct PersistentVolumeAccessMode: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let readWriteOnce: Self = "ReadWriteOnce", readOnlyMany: Self = "ReadOnlyMany"
    public static let readWriteMany: Self = "ReadWriteMany", readWriteOncePod: Self = "ReadWriteOncePod"
}

public struct PersistentVolumeMode: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let filesystem: Self = "Filesystem", block: Self = "Block"
}

public struct ReclaimPolicy: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let retain: Self = "Retain", delete: Self = "Delete", recycle: Self = "Recycle"
}

public struct VolumeBindingMode: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let immediate: Self = "Immediate", waitForFirstConsumer: Self = "WaitForFirstConsumer"
}

public struct PodManagementPolicy: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let orderedReady: Self = "OrderedReady", parallel: Self = "Parallel"
}

public struct StatefulSetUpdateStrategyType: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let rollingUpdate: Self = "RollingUpdate", onDelete: Self = "OnDelete"
}

public struct RetentionPolicyType: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let retain: Self = "Retain", delete: Self = "Delete"
}

public struct ServiceType: Codable, OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let clusterIP: Self = "ClusterIP", nodePort: Self = "NodePort"
    public static let loadBalancer: Self = "LoadBalancer", externalName: Self = "ExternalName"
}

/// `True` / `False` / `Unknown` of every condition.
public enum ConditionStatus: String, Codable, Hashable, Sendable {
    case `true` = "True"
    case `false` = "False"
    case unknown = "Unknown"
}
