/// Values by ordinal, for the StatefulSet controller's per-pod facts. A set's ordinals are almost
/// always 0..<replicas, so they live in an array (a dictionary of 100,000 entries cost ~190 bytes
/// per pod, its buckets being mostly empty at a power-of-two size); ordinals far from the ones
/// held (a large `ordinals.start`) go to a dictionary. An ordinal lives in exactly one of the two.
struct OrdinalTable<Value> {
    private var dense: [Value?] = []
    private var sparse: [Int: Value] = [:]
    private(set) var count = 0

    subscript(o: Int) -> Value? {
        get { o >= 0 && o < dense.count ? dense[o] : sparse[o] }
        set {
            if newValue != nil, o >= dense.count, o < 2 * count + 64 { grow(to: o + 1) }
            let old: Value?
            if o >= 0, o < dense.count {
                old = dense[o]
                dense[o] = newValue
                if newValue == nil, o == dense.count - 1 { trim() }
            } else if let newValue {
                old = sparse.updateValue(newValue, forKey: o)
            } else {
                old = sparse.removeValue(forKey: o)
            }
            count += (newValue == nil ? 0 : 1) - (old == nil ? 0 : 1)
        }
    }

    /// Every ordinal held, in no particular order (callers sort).
    var keys: [Int] {
        var out = Array(sparse.keys)
        out.reserveCapacity(count)
        for o in dense.indices where dense[o] != nil { out.append(o) }
        return out
    }

    /// Extends the array to `n` slots, moving any dictionary entries it now covers.
    private mutating func grow(to n: Int) {
        let old = dense.count
        dense.append(contentsOf: repeatElement(nil, count: n - old))
        guard !sparse.isEmpty else { return }
        if n - old < sparse.count {
            for o in old..<n { if let v = sparse.removeValue(forKey: o) { dense[o] = v } }
        } else {
            for o in sparse.keys.sorted() where o >= old && o < n { dense[o] = sparse.removeValue(forKey: o) }
        }
    }

    /// Drops empty slots at the end (and the whole array once empty, after a scale to 0).
    private mutating func trim() {
        while let last = dense.last, last == nil { dense.removeLast() }
        if dense.isEmpty { dense = [] }
    }
}

extension OrdinalTable: Codable where Value: Codable {}
