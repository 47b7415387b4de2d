import StsimEngine

/// `events`: which of the cluster's events to list (kubectl events' flags).
public struct EventsCommand: Hashable, Sendable {
    public var since: VirtualDuration?
    /// `--for KIND/NAME`: only the events about that object.
    public var regarding: Regarding?
    /// `--types Warning,Normal`: only these types.
    public var types: [String] = []
    /// `-A`: every namespace's events, with a NAMESPACE column.
    public var allNamespaces = false
    public init(since: VirtualDuration? = nil) { self.since = since }

    public struct Regarding: Hashable, Sendable {
        public var kind: ResourceKind
        public var name: String
        public init(kind: ResourceKind, name: String) {
            self.kind = kind
            self.name = name
        }
    }
}
