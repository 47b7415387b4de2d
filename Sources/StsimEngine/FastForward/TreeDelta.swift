/// How a state tree moved over one period: integers (times in milliseconds, counts, sequence
/// numbers, resourceVersions) by a fixed step, everything else not at all. Applying it k times is
/// the closed form of k more periods of a steady retry loop.
indirect enum TreeDelta: Equatable {
    case same
    case step(Int64)
    case array([TreeDelta])
    /// Only the members that moved; the others (and members the delta was not computed over,
    /// such as caches left out of the comparison) are kept as they are.
    case object([String: TreeDelta])

    /// The integers that may move by a fixed step, by the name of their member: times (every
    /// `VirtualTime` is `milliseconds`), restart, back-off and mount-retry counts (the back-off is capped
    /// where it is used, not where it is counted), event counts, resourceVersions and sequence
    /// numbers. Nothing compares these with a fixed bound. A count that does (a probe's
    /// consecutive failures against its threshold) would look linear for a few cycles and then
    /// cross the bound inside a jump, so any other integer that moves refuses the jump.
    static let movable: Set<String> = [
        "milliseconds", "restartCount", "backoffLevel", "pullBackoffLevel", "mountRetries", "count",
        "resourceVersion", "lastResourceVersion", "sequence", "nextSequence", "updatedAt",
    ]

    /// Integers that may move only inside one member of the state: the StatefulSet controller's
    /// consecutive failed syncs (its retry back-off is capped where it is used, `min(failures,
    /// 20)`), not a probe's failures, which the kubelet compares with a threshold.
    static let movableInStatefulSets = movable.union(["failures"])

    /// The move from `a` to `b`; nil when they differ in anything but the integers named in
    /// `movable` (`key` is the member holding them) (a string, a flag, another integer, the
    /// length of an array, a member present in one only).
    static func between(
        _ a: ValueTree, _ b: ValueTree, key: String = "", movable: Set<String> = movable
    ) -> TreeDelta? {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            guard x == y || movable.contains(key) else { return nil }
            let (d, overflow) = y.subtractingReportingOverflow(x)
            return overflow ? nil : d == 0 ? .same : .step(d)
        case (.uint(let x), .uint(let y)):
            guard x == y || movable.contains(key) else { return nil }
            guard x <= Int64.max, y <= Int64.max else { return x == y ? .same : nil }
            let d = Int64(y) - Int64(x)
            return d == 0 ? .same : .step(d)
        case (.array(let xs), .array(let ys)):
            guard xs.count == ys.count else { return nil }
            var out: [TreeDelta] = []
            out.reserveCapacity(xs.count)
            var moved = false
            for (x, y) in zip(xs, ys) {
                guard let d = between(x, y, key: key, movable: movable) else { return nil }
                if d != .same { moved = true }
                out.append(d)
            }
            return moved ? .array(out) : .same
        case (.object(let xs), .object(let ys)):
            guard xs.count == ys.count else { return nil }
            var out: [String: TreeDelta] = [:]
            for (key, x) in xs {
                let inner = key == "statefulSets" ? movableInStatefulSets : movable
                guard let y = ys[key], let d = between(x, y, key: key, movable: inner) else { return nil }
                if d != .same { out[key] = d }
            }
            return out.isEmpty ? .same : .object(out)
        default:
            return a == b ? .same : nil
        }
    }

    /// This delta of an object with `member` moving by `delta` as well.
    func with(member: String, _ delta: TreeDelta) -> TreeDelta {
        guard case .object(var members) = self else { return .object([member: delta]) }
        members[member] = delta
        return .object(members)
    }

    /// `tree` moved on by `k` periods; nil when a number would overflow or the shapes differ.
    func apply(to tree: ValueTree, times k: Int64) -> ValueTree? {
        switch (self, tree) {
        case (.same, _):
            return tree
        case (.step(let d), .int(let x)):
            guard let v = Self.moved(x, d, k) else { return nil }
            return .int(v)
        case (.step(let d), .uint(let x)):
            guard x <= Int64.max, let v = Self.moved(Int64(x), d, k), v >= 0 else { return nil }
            return .uint(UInt64(v))
        case (.array(let ds), .array(let xs)):
            guard ds.count == xs.count else { return nil }
            var out: [ValueTree] = []
            out.reserveCapacity(xs.count)
            for (d, x) in zip(ds, xs) {
                guard let y = d.apply(to: x, times: k) else { return nil }
                out.append(y)
            }
            return .array(out)
        case (.object(let ds), .object(var xs)):
            for (key, d) in ds {
                guard let x = xs[key], let y = d.apply(to: x, times: k) else { return nil }
                xs[key] = y
            }
            return .object(xs)
        default:
            return nil
        }
    }

    private static func moved(_ x: Int64, _ d: Int64, _ k: Int64) -> Int64? {
        let (step, o1) = d.multipliedReportingOverflow(by: k)
        let (v, o2) = x.addingReportingOverflow(step)
        return o1 || o2 ? nil : v
    }
}

extension ValueTree {
    /// The tree without the members named in `names`, at any depth.
    func removing(_ names: Set<String>) -> ValueTree {
        switch self {
        case .array(let items): .array(items.map { $0.removing(names) })
        case .object(let members):
            .object(members.filter { !names.contains($0.key) }.mapValues { $0.removing(names) })
        default: self
        }
    }

    /// The tree with `transform` applied to the member at `path` (objects only); unchanged when
    /// the path is not there.
    func updating(_ path: ArraySlice<String>, _ transform: (ValueTree) -> ValueTree?) -> ValueTree {
        guard let key = path.first, case .object(var members) = self, let member = members[key] else { return self }
        members[key] = path.count == 1 ? transform(member) : member.updating(path.dropFirst(), transform)
        return .object(members)
    }
}
