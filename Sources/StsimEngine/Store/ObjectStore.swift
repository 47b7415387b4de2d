/// The API server's storage: every object by kind, namespace and name, a few indexes controllers
/// need (uid, owner → dependents, node → pods), one resourceVersion counter for all kinds, and
/// the change feed. Mutations happen only through the engine; readers get copies.
public final class ObjectStore {
    private var tables: [ObjectTable]
    private var keyByUID: [UID: ObjectKey] = [:]
    private var dependentsByOwner: [UID: ObjectKeySet] = [:]
    private var podsByNode: [String: ObjectKeySet] = [:]
    public private(set) var lastResourceVersion = 0
    var feed: ChangeFeed
    /// Called after every change, once indexes are up to date (the engine's informers).
    var observer: ((Change) -> Void)?

    init(feedLimit: Int) {
        tables = ResourceKind.allCases.map { _ in ObjectTable() }
        feed = ChangeFeed(limit: feedLimit)
    }

    /// A kind's place in `allCases`, written out: `allCases.firstIndex(of:)` built the array of
    /// kinds on every lookup, several times per event.
    static func slot(_ kind: ResourceKind) -> Int {
        switch kind {
        case .pod: 0
        case .service: 1
        case .replicaSet: 2
        case .statefulSet: 3
        case .persistentVolumeClaim: 4
        case .persistentVolume: 5
        case .storageClass: 6
        case .node: 7
        case .endpoints: 8
        case .endpointSlice: 9
        case .event: 10
        case .controllerRevision: 11
        case .namespace: 12
        case .podDisruptionBudget: 13
        case .configMap: 14
        case .secret: 15
        case .serviceAccount: 16
        case .daemonSet: 17
        }
    }

    /// Everything the store holds but its observer, as a value (`Cluster.savedState`).
    struct Contents: Codable {
        var tables: [ObjectTable]
        var keyByUID: [UID: ObjectKey]
        var dependentsByOwner: [UID: ObjectKeySet]
        var podsByNode: [String: ObjectKeySet]
        var lastResourceVersion: Int
        var feed: ChangeFeed
    }

    var contents: Contents {
        Contents(
            tables: tables, keyByUID: keyByUID, dependentsByOwner: dependentsByOwner, podsByNode: podsByNode,
            lastResourceVersion: lastResourceVersion, feed: feed)
    }

    /// A store holding `contents`, with no observer.
    convenience init(contents: Contents) {
        self.init(feedLimit: contents.feed.limit)
        restore(contents)
    }

    /// Holds `contents` from now on (the observer stays).
    func restore(_ contents: Contents) {
        // A state saved before a kind was added has fewer tables: the new kinds start empty.
        let missing = max(0, ResourceKind.allCases.count - contents.tables.count)
        tables = contents.tables + (0..<missing).map { _ in ObjectTable() }
        keyByUID = contents.keyByUID
        dependentsByOwner = contents.dependentsByOwner
        podsByNode = contents.podsByNode
        lastResourceVersion = contents.lastResourceVersion
        feed = contents.feed
    }

    // MARK: Reading

    public func get(_ key: ObjectKey) -> KubeObject? { tables[Self.slot(key.kind)][key] }

    public func get<T: KubeResource>(_ type: T.Type, namespace: String, name: String) -> T? {
        get(ObjectKey(kind: T.resourceKind, namespace: namespace, name: name)).flatMap(T.init)
    }

    /// The key of an object by uid. Pods are not indexed (they own nothing here).
    public func key(forUID uid: UID) -> ObjectKey? { keyByUID[uid] }
    public func object(withUID uid: UID) -> KubeObject? { keyByUID[uid].flatMap(get) }

    public func count(_ kind: ResourceKind) -> Int { tables[Self.slot(kind)].count }

    /// Objects of a kind, in the API's list order: namespace, then name in byte order.
    /// `namespace: nil` lists every namespace.
    public func list(_ kind: ResourceKind, namespace: String? = nil) -> [KubeObject] {
        let table = tables[Self.slot(kind)]
        var objects: [KubeObject] = []
        if let ns = namespace, kind.isNamespaced {
            table.keys.visit(inNamespace: ns) { objects.append(table[$0]!) }
        } else {
            objects.reserveCapacity(table.count)
            table.keys.visit { objects.append(table[$0]!) }
        }
        return objects
    }

    /// The writes to a kind's chunks so far, one number per chunk, and each chunk's objects: what
    /// `ObjectTally` reads to recount only what changed.
    func chunks(_ kind: ResourceKind) -> [ObjectTable.Chunk] { tables[Self.slot(kind)].chunks }

    public func list<T: KubeResource>(_ type: T.Type, namespace: String? = nil) -> [T] {
        list(T.resourceKind, namespace: namespace).compactMap(T.init)
    }

    /// Keys of the objects whose ownerReferences name `owner`, sorted.
    public func dependents(of owner: UID) -> [ObjectKey] { dependentsByOwner[owner]?.sorted() ?? [] }
    public func dependentCount(of owner: UID) -> Int { dependentsByOwner[owner]?.count ?? 0 }

    /// Keys of the pods bound to a node, sorted.
    public func pods(onNode node: String) -> [ObjectKey] { podsByNode[node]?.sorted() ?? [] }
    public func podCount(onNode node: String) -> Int { podsByNode[node]?.count ?? 0 }

    // MARK: Writing (engine only)

    @discardableResult
    func insert(_ object: KubeObject, at now: VirtualTime) -> KubeObject {
        var o = object
        lastResourceVersion += 1
        if o.metadata.resourceVersion != lastResourceVersion { o.metadata.resourceVersion = lastResourceVersion }
        let key = o.key
        precondition(tables[Self.slot(key.kind)][key] == nil, "insert over an existing \(key)")
        tables[Self.slot(key.kind)][key] = o
        index(o, key: key)
        publish(Change(time: now, type: .added, key: key, object: o, resourceVersion: lastResourceVersion))
        return o
    }

    @discardableResult
    func replace(_ object: KubeObject, at now: VirtualTime) -> KubeObject {
        var o = object
        o.metadata.resourceVersion = lastResourceVersion + 1
        return replaceVersioned(o, at: now)
    }

    /// The typed form sets the resourceVersion before boxing, saving a copy per write.
    @discardableResult
    func replace<T: KubeResource>(_ object: T, at now: VirtualTime) -> KubeObject {
        var o = object
        o.metadata.resourceVersion = lastResourceVersion + 1
        return replaceVersioned(o.erased, at: now)
    }

    private func replaceVersioned(_ o: KubeObject, at now: VirtualTime) -> KubeObject {
        let key = o.key
        guard let old = tables[Self.slot(key.kind)][key] else { preconditionFailure("replace of a missing \(key)") }
        lastResourceVersion += 1
        let reindex = old.uid != o.uid || old.podNodeName != o.podNodeName || old.ownerReferences != o.ownerReferences
        if reindex { unindex(old, key: key) }
        tables[Self.slot(key.kind)][key] = o
        if reindex { index(o, key: key) }
        publish(Change(time: now, type: .modified, key: key, object: o, resourceVersion: lastResourceVersion))
        return o
    }

    @discardableResult
    func remove(_ key: ObjectKey, at now: VirtualTime) -> KubeObject? {
        guard var old = tables[Self.slot(key.kind)].removeValue(forKey: key) else { return nil }
        unindex(old, key: key)
        lastResourceVersion += 1
        old.metadata.resourceVersion = lastResourceVersion
        publish(Change(time: now, type: .deleted, key: key, object: old, resourceVersion: lastResourceVersion))
        return old
    }

    private func publish(_ c: Change) {
        feed.append(c)
        observer?(c)
    }

    private func index(_ o: KubeObject, key: ObjectKey) {
        // Only owners are looked up by uid; leaving pods out saves ~120 bytes per pod.
        if key.kind != .pod, let uid = o.uid { keyByUID[uid] = key }
        for ref in o.ownerReferences { dependentsByOwner[ref.uid, default: ObjectKeySet()].insert(key) }
        if let node = o.podNodeName { podsByNode[node, default: ObjectKeySet()].insert(key) }
    }

    private func unindex(_ o: KubeObject, key: ObjectKey) {
        if key.kind != .pod, let uid = o.uid, keyByUID[uid] == key { keyByUID[uid] = nil }
        for ref in o.ownerReferences {
            dependentsByOwner[ref.uid]?.remove(key)
            if dependentsByOwner[ref.uid]?.isEmpty == true { dependentsByOwner[ref.uid] = nil }
        }
        if let node = o.podNodeName {
            podsByNode[node]?.remove(key)
            if podsByNode[node]?.isEmpty == true { podsByNode[node] = nil }
        }
    }
}
