/// A unique id for an object. Kubernetes prints uids as RFC 4122 strings; two 64-bit words keep
/// 100,000 pods from holding 100,000 heap-allocated 36-character strings.
public struct UID: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Parses `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (dashes optional, hex case-insensitive).
    public init?(_ text: String) {
        var digits: [UInt8] = []
        for c in text.utf8 where c != UInt8(ascii: "-") {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digits.append(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digits.append(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }
        guard digits.count == 32 else { return nil }
        var h: UInt64 = 0
        var l: UInt64 = 0
        for d in digits[0..<16] { h = h << 4 | UInt64(d) }
        for d in digits[16..<32] { l = l << 4 | UInt64(d) }
        self.init(high: h, low: l)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func < (a: UID, b: UID) -> Bool { (a.high, a.low) < (b.high, b.low) }

    public var description: String {
        // 8-4-4-4-12 lowercase hex digits, built byte by byte (uids are printed a lot).
        let digits = Self.hexDigits
        return String(unsafeUninitializedCapacity: 36) { buffer in
            var i = 0
            func put(_ v: UInt64, _ count: Int) {
                for k in stride(from: count - 1, through: 0, by: -1) {
                    buffer[i] = digits[Int((v >> (UInt64(k) * 4)) & 0xF)]
                    i += 1
                }
            }
            func dash() {
                buffer[i] = UInt8(ascii: "-")
                i += 1
            }
            put(high >> 32, 8)
            dash()
            put((high >> 16) & 0xFFFF, 4)
            dash()
            put(high & 0xFFFF, 4)
            dash()
            put(low >> 48, 4)
            dash()
            put(low & 0xFFFF_FFFF_FFFF, 12)
            return i
        }
    }
}

/// `metadata.ownerReferences[]`.
public struct OwnerReference: Codable, Hashable, Sendable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: UID
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(
        apiVersion: String, kind: String, name: String, uid: UID,
        controller: Bool? = nil, blockOwnerDeletion: Bool? = nil
    ) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }
}

/// `metadata`, shared by every kind. Timestamps are virtual.
public struct ObjectMeta: Codable, Hashable, Sendable {
    public var name: String
    public var generateName: String?
    /// Empty for cluster-scoped kinds (Node, PersistentVolume, StorageClass).
    public var namespace: String
    public var uid: UID?
    /// One counter for all kinds, as in etcd; 0 until the store accepts the object.
    public var resourceVersion: Int
    public var generation: Int
    public var creationTimestamp: VirtualTime?
    public var deletionTimestamp: VirtualTime?
    public var deletionGracePeriodSeconds: Int?
    public var labels: [String: String]
    public var annotations: [String: String]
    public var ownerReferences: [OwnerReference]
    public var finalizers: [String]

    public init(
        name: String = "", generateName: String? = nil, namespace: String = "",
        uid: UID? = nil, resourceVersion: Int = 0, generation: Int = 0,
        creationTimestamp: VirtualTime? = nil, deletionTimestamp: VirtualTime? = nil,
        deletionGracePeriodSeconds: Int? = nil,
        labels: [String: String] = [:], annotations: [String: String] = [:],
        ownerReferences: [OwnerReference] = [], finalizers: [String] = []
    ) {
        self.name = name
        self.generateName = generateName
        self.namespace = namespace
        self.uid = uid
        self.resourceVersion = resourceVersion
        self.generation = generation
        self.creationTimestamp = creationTimestamp
        self.deletionTimestamp = deletionTimestamp
        self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.finalizers = finalizers
    }

    /// The owner reference with `controller: true`, if any.
    public var controllerRef: OwnerReference? { ownerReferences.first { $0.controller == true } }
    public var isTerminating: Bool { deletionTimestamp != nil }
}

/// `metav1.LabelSelector`.
public struct LabelSelector: Codable, Hashable, Sendable {
    public var matchLabels: [String: String]
    public var matchExpressions: [LabelSelectorRequirement]

    public init(matchLabels: [String: String] = [:], matchExpressions: [LabelSelectorRequirement] = []) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

    /// An empty selector matches everything (as for PV claim selectors); callers that need
    /// "nothing" for empty (StatefulSet validation) check `isEmpty` first.
    public func matches(_ labels: [String: String]) -> Bool {
        for (k, v) in matchLabels where labels[k] != v { return false }
        for e in matchExpressions where !e.matches(labels) { return false }
        return true
    }
}

public struct LabelSelectorRequirement: Codable, Hashable, Sendable {
    public enum Operator: String, Codable, Hashable, Sendable {
        case `in` = "In"
        case notIn = "NotIn"
        case exists = "Exists"
        case doesNotExist = "DoesNotExist"
    }
    public var key: String
    public var `operator`: Operator
    public var values: [String]

    public init(key: String, operator: Operator, values: [String] = []) {
        self.key = key
        self.operator = `operator`
        self.values = values
    }

    public func matches(_ labels: [String: String]) -> Bool {
        switch `operator` {
        case .in: return labels[key].map { values.contains($0) } ?? false
        case .notIn: return labels[key].map { !values.contains($0) } ?? true
        case .exists: return labels[key] != nil
        case .doesNotExist: return labels[key] == nil
        }
    }
}
