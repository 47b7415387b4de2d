/// A key that picks its chunk of a `ChunkedDictionary` by a hash that is cheap and the same in
/// every process (the chunk layout, and so a tally's recounts, do not depend on the hash seed).
public protocol ChunkKey: Hashable {
    var chunkHash: UInt32 { get }
}

/// FNV-1a over bytes, for `ChunkKey.chunkHash`.
@usableFromInline
struct ChunkHash {
    @usableFromInline private(set) var value: UInt32 = 2_166_136_261

    @inlinable init() {}

    @inlinable
    mutating func add(_ s: String) {
        for byte in s.utf8 { value = (value ^ UInt32(byte)) &* 16_777_619 }
    }

    @inlinable
    mutating func add(_ v: UInt64) {
        var v = v
        for _ in 0..<8 {
            value = (value ^ UInt32(v & 0xff)) &* 16_777_619
            v >>= 8
        }
    }
}

/// A dictionary split into `chunkCount` chunks held by reference, for the tables of a cluster
/// that `undo` keeps a state of before every command that may change it.
///
/// Why: a plain dictionary is copied whole by the first write after a copy of it is kept, so with
/// 100,000 pods every kept state held its own copy of every per-pod table (15 scale+settle
/// commands took the peak from 508 to 1,920 MiB; 513 MiB now). A kept state shares the chunks; a
/// write copies only the chunk it touches, about 1/256 of the table. Reads and writes cost one
/// more index than a dictionary's. Each chunk counts its writes (`version`), so a reader that sums the entries up
/// recounts only the chunks written since it last looked (`ObjectTally`).
///
/// The chunks are made by the first write, so an empty table costs one empty array.
public struct ChunkedDictionary<Key: ChunkKey, Value> {
    @usableFromInline
    final class Chunk {
        @usableFromInline var entries: [Key: Value]
        /// Bumped on every write to this chunk.
        @usableFromInline var version = 0
        @inlinable init(_ entries: [Key: Value] = [:]) { self.entries = entries }
    }

    @inlinable static var chunkCount: Int { 256 }
    /// Written only here (internal for `@inlinable`: the formatter's table lives in another module).
    @usableFromInline var chunks: [Chunk] = []
    @usableFromInline var storedCount = 0
    @inlinable public var count: Int { storedCount }

    @inlinable public init() {}

    @inlinable public init(_ entries: [Key: Value]) {
        for (key, value) in entries { self[key] = value }
    }

    @inlinable public var isEmpty: Bool { count == 0 }

    @inlinable
    static func chunkIndex(_ key: Key) -> Int { Int(key.chunkHash % UInt32(chunkCount)) }

    /// The chunk `key` belongs in, copied first if a kept state shares it.
    @inlinable
    mutating func uniqueChunk(for key: Key) -> Chunk {
        if chunks.isEmpty { chunks = (0..<Self.chunkCount).map { _ in Chunk() } }
        let i = Self.chunkIndex(key)
        if !isKnownUniquelyReferenced(&chunks[i]) { chunks[i] = Chunk(chunks[i].entries) }
        let chunk = chunks[i]
        chunk.version &+= 1
        return chunk
    }

    @inlinable public subscript(key: Key) -> Value? {
        get { chunks.isEmpty ? nil : chunks[Self.chunkIndex(key)].entries[key] }
        _modify {
            let chunk = uniqueChunk(for: key)
            let before = chunk.entries.count
            defer { storedCount += chunk.entries.count - before }
            yield &chunk.entries[key]
        }
    }

    /// Changed in place (`logs[uid, default: [:]][run, default: []].append(line)` copies no
    /// inner collection).
    @inlinable public subscript(key: Key, default defaultValue: @autoclosure () -> Value) -> Value {
        get { self[key] ?? defaultValue() }
        _modify {
            let chunk = uniqueChunk(for: key)
            let before = chunk.entries.count
            defer { storedCount += chunk.entries.count - before }
            yield &chunk.entries[key, default: defaultValue()]
        }
    }

    /// The value before, nil if the key is new.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        let old = uniqueChunk(for: key).entries.updateValue(value, forKey: key)
        if old == nil { storedCount += 1 }
        return old
    }

    /// Removes the entry, copying no chunk when there is none.
    @inlinable @discardableResult
    public mutating func removeValue(forKey key: Key) -> Value? {
        guard let old = self[key] else { return nil }
        self[key] = nil
        return old
    }

    /// Every entry, chunk by chunk (no order to rely on, as a dictionary's).
    @inlinable public func forEach(_ body: (Key, Value) throws -> Void) rethrows {
        for chunk in chunks { for (key, value) in chunk.entries { try body(key, value) } }
    }

    @inlinable public var keys: [Key] {
        var all: [Key] = []
        all.reserveCapacity(count)
        for chunk in chunks { all.append(contentsOf: chunk.entries.keys) }
        return all
    }

    /// Every entry as one dictionary (what a saved state holds, as before the chunks).
    @inlinable public var dictionary: [Key: Value] {
        var all: [Key: Value] = [:]
        all.reserveCapacity(count)
        for chunk in chunks { all.merge(chunk.entries) { a, _ in a } }
        return all
    }
}

/// Saved as the one dictionary it was before it had chunks, so saved states read either way.
extension ChunkedDictionary: Codable where Key: Codable, Value: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Key: Value].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(dictionary)
    }
}

extension ChunkedDictionary: @unchecked Sendable where Key: Sendable, Value: Sendable {}

/// The state dump (undo and load checks) shows the entries, not how they fall into chunks nor
/// the chunks' write counts.
extension ChunkedDictionary: CustomReflectable {
    public var customMirror: Mirror { Mirror(self, children: ["entries": dictionary]) }
}

extension ObjectKey: ChunkKey {
    /// The name only: objects of one set spread over the chunks, and it is cheap.
    @inlinable public var chunkHash: UInt32 { name.chunkHash }
}

extension UID: ChunkKey {
    @inlinable public var chunkHash: UInt32 {
        var h = ChunkHash()
        h.add(low)
        h.add(high)
        return h.value
    }
}

extension String: ChunkKey {
    @inlinable public var chunkHash: UInt32 {
        var h = ChunkHash()
        h.add(self)
        return h.value
    }
}
