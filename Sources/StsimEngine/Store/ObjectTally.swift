/// Counts of one kind's objects by a class its reader names (the settle summary's
/// `Running and Ready`, `ContainerCreating`, `Bound`), kept between calls: each of the kind's
/// chunks (`ObjectTable`) is recounted only when it was written since the last call, so a command
/// that changes no pod sums up 100,000 pods without looking at one.
///
/// The reader owns the tally and supplies the classifier (the engine names no states for
/// people). A tally may be asked about any store, an undo state's included: a chunk it counted is
/// recognised by identity and write count, and held weakly, so a tally keeps no object alive.
public final class ObjectTally {
    private struct Counted {
        weak var chunk: ObjectTable.Chunk?
        var version: Int
        var counts: [String: Int]
    }

    public let kind: ResourceKind
    private let classify: (KubeObject) -> String
    private var counted: [Counted] = []

    public init(_ kind: ResourceKind, classify: @escaping (KubeObject) -> String) {
        self.kind = kind
        self.classify = classify
    }

    /// The kind's objects in `store` by class.
    public func counts(in store: ObjectStore) -> [String: Int] {
        let chunks = store.chunks(kind)
        if counted.count != chunks.count {
            counted = chunks.map { _ in Counted(chunk: nil, version: 0, counts: [:]) }
        }
        var total: [String: Int] = [:]
        for (i, chunk) in chunks.enumerated() {
            if counted[i].chunk !== chunk || counted[i].version != chunk.version {
                var counts: [String: Int] = [:]
                for object in chunk.entries.values { counts[classify(object), default: 0] += 1 }
                counted[i] = Counted(chunk: chunk, version: chunk.version, counts: counts)
            }
            total.merge(counted[i].counts, uniquingKeysWith: +)
        }
        return total
    }
}
