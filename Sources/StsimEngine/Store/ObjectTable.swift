/// One kind's objects by key, split into `chunkCount` chunks held by reference, plus the kind's
/// keys in list order (`SortedKeys`).
///
/// Why chunks: `undo` keeps the whole state before every command that may change the cluster.
/// With one dictionary per kind, the first write after such a snapshot copied all 100,000 pods, and
/// each kept state held its own copy (15 scale+settle commands took the peak from 224 to 489 MiB).
/// A snapshot now shares the chunks, and a write copies only the chunk it touches.
/// Each chunk counts its writes (`version`), so a reader that tallies the objects (the settle
/// summary) recounts only the chunks that changed since it last looked (`ObjectTally`).
struct ObjectTable: Codable {
    final class Chunk {
        var objects: [ObjectKey: KubeObject]
        /// Bumped on every write to this chunk.
        var version = 0
        init(_ objects: [ObjectKey: KubeObject] = [:]) { self.objects = objects }
    }

    static let chunkCount = 256
    private(set) var chunks: [Chunk]
    private(set) var keys = SortedKeys()

    init() { chunks = (0..<Self.chunkCount).map { _ in Chunk() } }

    init(_ objects: [ObjectKey: KubeObject]) {
        self.init()
        for (key, object) in objects { self[key] = object }
    }

    var count: Int { keys.count }

    /// FNV-1a over the name's bytes: cheaper than the hasher, and the same in every process.
    @inline(__always)
    private static func chunkIndex(_ key: ObjectKey) -> Int {
        var h: UInt32 = 2_166_136_261
        for byte in key.name.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return Int(h % UInt32(chunkCount))
    }

    subscript(key: ObjectKey) -> KubeObject? {
        get { chunks[Self.chunkIndex(key)].objects[key] }
        set {
            let i = Self.chunkIndex(key)
            if !isKnownUniquelyReferenced(&chunks[i]) { chunks[i] = Chunk(chunks[i].objects) }
            let chunk = chunks[i]
            chunk.version &+= 1
            if let newValue {
                if chunk.objects.updateValue(newValue, forKey: key) == nil { keys.insert(key) }
            } else if chunk.objects.removeValue(forKey: key) != nil {
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
    var dictionary: [ObjectKey: KubeObject] {
        var all: [ObjectKey: KubeObject] = [:]
        all.reserveCapacity(count)
        for chunk in chunks { all.merge(chunk.objects) { a, _ in a } }
        return all
    }
}

/// The state dump (undo and load checks) shows a chunk's objects, not its write count: the count
/// only tells a tally what to recount, and a loaded state starts it again.
extension ObjectTable.Chunk: CustomReflectable {
    var customMirror: Mirror { Mirror(self, children: ["objects": objects]) }
}
