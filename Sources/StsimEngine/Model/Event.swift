/// `v1/Event` (core events, as `kubectl get events` and `describe` show them).
public struct Event: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var involvedObject: ObjectReference
    public var reason: String
    public var message: String
    public var type: EventType
    /// `source.component` (`statefulset-controller`, `kubelet`, `default-scheduler`...).
    public var sourceComponent: String
    /// `source.host` for kubelet events.
    public var sourceHost: String?
    public var firstTimestamp: VirtualTime
    public var lastTimestamp: VirtualTime
    public var count: Int

    public init(
        metadata: ObjectMeta = ObjectMeta(), involvedObject: ObjectReference, reason: String, message: String,
        type: EventType = .normal, sourceComponent: String, sourceHost: String? = nil,
        firstTimestamp: VirtualTime, lastTimestamp: VirtualTime, count: Int = 1
    ) {
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.type = type
        self.sourceComponent = sourceComponent
        self.sourceHost = sourceHost
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
        self.count = count
    }
}

public enum EventType: String, Codable, Hashable, Sendable {
    case normal = "Normal"
    case warning = "Warning"
}
