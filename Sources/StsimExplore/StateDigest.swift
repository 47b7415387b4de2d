import StsimEngine

/// A fingerprint of the whole simulation (`ClusterState`: objects, the kubelets' truth, faults,
/// controllers' memories and the pending event queue), so that a state reached twice is explored
/// once. Everything goes in: leaving the queue out would call two states equal whose futures
/// differ. Sets and dictionaries are combined without regard to order (their iteration order is
/// not part of the state). 64-bit SipHash: two different states share a fingerprint with odds
/// near n²/2⁶⁵, which the summary's "not covered" mentions.
struct StateDigest: Hashable {
    var value: Int

    init(_ cluster: Cluster) {
        let encoder = DigestEncoder()
        // ClusterState's encoding cannot fail: it is how `save` writes it.
        try? encoder.add(cluster.savedState)
        value = encoder.finish()
    }
}

/// Feeds an `Encodable` value's structure into a hasher instead of producing bytes.
final class DigestEncoder: Encoder {
    var hasher = Hasher()
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func add<T: Encodable>(_ value: T) throws {
        if let unordered = value as? any UnorderedDigest {
            try unordered.digest(into: self)
        } else {
            try value.encode(to: self)
        }
    }

    func finish() -> Int { hasher.finalize() }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        hasher.combine(0xA1 as UInt8)
        return KeyedEncodingContainer(KeyedDigest<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        hasher.combine(0xA2 as UInt8)
        return UnkeyedDigest(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { UnkeyedDigest(encoder: self) }
}

/// Sets and dictionaries: each element fingerprinted alone, the fingerprints summed.
protocol UnorderedDigest {
    func digest(into encoder: DigestEncoder) throws
}

extension Set: UnorderedDigest where Element: Encodable {
    func digest(into encoder: DigestEncoder) throws {
        var sum = 0
        for element in self {
            let e = DigestEncoder()
            try e.add(element)
            sum &+= e.finish()
        }
        encoder.hasher.combine(count)
        encoder.hasher.combine(sum)
    }
}

extension Dictionary: UnorderedDigest where Key: Encodable, Value: Encodable {
    func digest(into encoder: DigestEncoder) throws {
        var sum = 0
        for (key, value) in self {
            let e = DigestEncoder()
            try e.add(key)
            try e.add(value)
            sum &+= e.finish()
        }
        encoder.hasher.combine(count)
        encoder.hasher.combine(sum)
    }
}

struct KeyedDigest<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: DigestEncoder
    var codingPath: [any CodingKey] { [] }

    private func key(_ k: Key) { encoder.hasher.combine(k.stringValue) }

    mutating func encodeNil(forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(0xA0 as UInt8)
    }
    mutating func encode(_ v: Bool, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: String, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Double, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Float, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int8, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int16, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int32, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int64, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt8, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt16, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt32, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt64, forKey k: Key) throws {
        key(k)
        encoder.hasher.combine(v)
    }
    mutating func encode<T: Encodable>(_ v: T, forKey k: Key) throws {
        key(k)
        try encoder.add(v)
    }

    mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey k: Key) -> KeyedEncodingContainer<N> {
        key(k)
        return encoder.container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer(forKey k: Key) -> any UnkeyedEncodingContainer {
        key(k)
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey k: Key) -> any Encoder {
        key(k)
        return encoder
    }
}

/// Unkeyed and single values: the elements in order, each counted so that [[a], b] and [a, [b]] differ.
struct UnkeyedDigest: UnkeyedEncodingContainer, SingleValueEncodingContainer {
    let encoder: DigestEncoder
    var codingPath: [any CodingKey] { [] }
    var count = 0

    private mutating func next() {
        count += 1
        encoder.hasher.combine(count)
    }

    mutating func encodeNil() throws {
        next()
        encoder.hasher.combine(0xA0 as UInt8)
    }
    mutating func encode(_ v: Bool) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: String) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Double) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Float) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int8) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int16) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int32) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: Int64) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt8) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt16) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt32) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode(_ v: UInt64) throws {
        next()
        encoder.hasher.combine(v)
    }
    mutating func encode<T: Encodable>(_ v: T) throws {
        next()
        try encoder.add(v)
    }

    mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) -> KeyedEncodingContainer<N> {
        next()
        return encoder.container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        next()
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
}
