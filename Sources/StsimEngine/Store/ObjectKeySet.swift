/// A set of object keys for the store's indexes (owner → dependents, node → pods), holding each
/// key as its name under its (kind, namespace): 16 bytes a key instead of a 40-byte `ObjectKey`.
/// An index entry per pod (two per pod) made these sets the store's biggest cost after the pods.
struct ObjectKeySet: Codable {
    private struct Group: Codable, Hashable {
        var kind: ResourceKind
        var namespace: String
    }
    private var names: [Group: Set<String>] = [:]
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    mutating func insert(_ key: ObjectKey) {
        if names[Group(kind: key.kind, namespace: key.namespace), default: []].insert(key.name).inserted { count += 1 }
    }

    mutating func remove(_ key: ObjectKey) {
        let g = Group(kind: key.kind, namespace: key.namespace)
        guard names[g]?.remove(key.name) != nil else { return }
        count -= 1
        if names[g]?.isEmpty == true { names[g] = nil }
    }

    /// The keys in `ObjectKey` order.
    func sorted() -> [ObjectKey] {
        var keys: [ObjectKey] = []
        keys.reserveCapacity(count)
        for (g, set) in names {
            for name in set { keys.append(ObjectKey(kind: g.kind, namespace: g.namespace, name: name)) }
        }
        return keys.sorted()
    }
}
