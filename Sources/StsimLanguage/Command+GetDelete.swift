import StsimEngine

/// What `get` and `delete` carry: kinds and names, selectors, and kubectl's output and deletion options.

public struct GetCommand: Hashable, Sendable {
    public var kinds: [ResourceKind]
    public var names: [Argument]
    public var output: OutputFormat
    public var selector: String?
    public var watch: Bool
    public var allNamespaces: Bool
    public var showLabels: Bool
    public var namespace: String?
    public var printing = GetPrinting()
    /// `KIND/NAME` words of more than one kind (`get sts/web pod/web-0`), in kubectl's order;
    /// empty when `kinds` and `names` say it all.
    public var groups: [KindNames] = []
    /// `--watch-only`: the changes, without the list before them.
    public var watchOnly = false
    /// `--field-selector`.
    public var fieldSelector: FieldSelector?
    /// `--ignore-not-found`: a named object that is not there is no error.
    public var ignoreNotFound = false
    /// `get -f FILE`: the objects the manifests name.
    public var source: ManifestSource?
}

public struct DeleteCommand: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// `delete pod web-0 web-1`, `delete pvc/data-web-1 pod/web-1`.
        case objects([KindNames])
        case selector([ResourceKind], String)
        case all([ResourceKind])
        case manifests(ManifestSource)
    }
    public var target: Target
    /// `--ignore-not-found`.
    public var ignoreNotFound = false
    public var force: Bool
    public var gracePeriodSeconds: Int?
    public var wait: Bool
    public var now: Bool
    public var namespace: String?
    /// `--cascade`: what happens to the objects it owns.
    public var cascade: Cascade = .background
    /// The boolean form was given (`--cascade=false`), which kubectl warns is deprecated.
    public var cascadeDeprecated: String?
    /// `-A` with `-l` or `--all`: the matching objects of every namespace.
    public var allNamespaces = false
}

/// kubectl's `--cascade` modes (the API's propagation policies).
public enum Cascade: String, Hashable, Sendable {
    case background, foreground, orphan
}
