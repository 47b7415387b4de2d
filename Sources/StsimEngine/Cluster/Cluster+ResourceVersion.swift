extension Cluster {
    /// The store's one resourceVersion counter across all kinds: a list's
    /// `metadata.resourceVersion`, where a watch starts.
    public var resourceVersion: Int { store.lastResourceVersion }
}
