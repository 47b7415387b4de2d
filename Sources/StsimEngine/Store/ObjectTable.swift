/// One kind's objects by key, in chunks held by reference (`ChunkedDictionary`), plus the kind's
/// keys in list order (`SortedKeys`).
///
/// Why chunks: `undo` keeps the whole state before every command that may change the cluster.
/// With one dictionary per kind, the first write after such a snapshot copied all 100,000 pods, and
/// each kept state held its own copy (15 scale+settle commands took the peak from 224 to 489 MiB).
/// A snapshot now shares the chunks, and a write copies only the chunk it touches.
/// Each chunk counts its writes (`version`), so a reader that tallies the objects (the settle
/// summary) recounts only the chunks that changed since it last looked (`ObjectTally`).
struct ObjectTable: Codable {
    typealias Chunk = ChunkedDictionary<ObjectKey, KubeObject>.Chunk

    private var objects = ChunkedDictionary<ObjectKey, KubeObject>()
    private(set) var keys = SortedKeys()

    init() {}

    init(_ objects: [ObjectKey: KubeObject]) {
        for (key, object) in objects { self[key] = object }
    }

    var count: Int { keys.count }
    var chunks: [Chunk] { objects.chunks }

    subscript(key: ObjectKey) -> KubeObject? {
        get { objects[key] }
        set {
            if let newValue {
                if objects.updateValue(newValue, forKey: key) == nil { keys.insert(key) }
            } else if objects.removeValue(forKey: key) != nil {
                keys.remove(key)
            }
        }
    }

    @discardableResult
    mutating func removeValue(forKey key: ObjectKey) -> KubeObject? {
        guard let old = self[key] else { return nil }
        self[key] = nil
        return old
    }

    /// Saved as the one dictionary it was before it had chunks, so saved states read either way.
    init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([ObjectKey: KubeObject].self))
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(dictionary)
    }

    /// Every object as one dictionary (what a saved state holds, as before the chunks).
    var dictionary: [ObjectKey: KubeObject] { objects.dictionary }
}
