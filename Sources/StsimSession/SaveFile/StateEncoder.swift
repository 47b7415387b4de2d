/// Encodes `Codable` values to `StateJSON` in a canonical form: the same state always gives the
/// same text, whatever the process's hash seed. Swift's `Dictionary` and `Set` encode in their
/// iteration order, which depends on that seed, so their elements are sorted here (a dictionary's
/// members by key, a set's elements and a non-string-keyed dictionary's pairs by compact text).
enum StateEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> StateJSON {
        let slot = Slot()
        try slot.store(value, path: [])
        return slot.finish()
    }
}

/// Marks the standard library's unordered collections for the encoder.
protocol HashOrderedDictionary {}
protocol HashOrderedSet {}
extension Dictionary: HashOrderedDictionary {}
extension Set: HashOrderedSet {}

/// One value being built: a finished leaf, or an object or array still receiving members.
final class Slot {
    enum Content {
        case unset
        case leaf(StateJSON)
        case object([(String, Slot)])
        case array([Slot])
    }
    var content = Content.unset

    func finish() -> StateJSON {
        switch content {
        case .unset: StateJSON(.null)
        case .leaf(let v): v
        case .object(let members): StateJSON(.object(members.map { ($0.0, $0.1.finish()) }))
        case .array(let items): StateJSON(.array(items.map { $0.finish() }))
        }
    }

    func store<T: Encodable>(_ value: T, path: [any CodingKey]) throws {
        if let leaf = Self.primitive(value) {
            content = .leaf(leaf)
            return
        }
        try value.encode(to: StateEncoding(slot: self, codingPath: path))
        if value is HashOrderedDictionary { content = .leaf(Self.sortedDictionary(finish())) }
        if value is HashOrderedSet { content = .leaf(Self.sortedSet(finish())) }
    }

    static func primitive<T>(_ value: T) -> StateJSON? {
        switch value {
        case let v as String: StateJSON(.string(v))
        case let v as Bool: StateJSON(.bool(v))
        case let v as Double: StateJSON(.number(v.isFinite ? "\(v)" : "0"))
        case let v as Float: StateJSON(.number(v.isFinite ? "\(v)" : "0"))
        case let v as any FixedWidthInteger: StateJSON(.number("\(v)"))
        default: nil
        }
    }

    private static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    private static func sortedDictionary(_ json: StateJSON) -> StateJSON {
        switch json.value {
        case .object(let members):
            return StateJSON(.object(members.sorted { precedes($0.key, $1.key) }))
        case .array(let items):
            // Keys that are not strings: key, value, key, value.
            let pairs = stride(from: 0, to: items.count - 1, by: 2).map {
                (StateJSONWriter.compact(items[$0]), items[$0], items[$0 + 1])
            }
            return StateJSON(.array(pairs.sorted { precedes($0.0, $1.0) }.flatMap { [$0.1, $0.2] }))
        default:
            return json
        }
    }

    private static func sortedSet(_ json: StateJSON) -> StateJSON {
        guard case .array(let items) = json.value else { return json }
        let keyed = items.map { (StateJSONWriter.compact($0), $0) }
        return StateJSON(.array(keyed.sorted { precedes($0.0, $1.0) }.map(\.1)))
    }

    func child(_ path: [any CodingKey], key: String) -> Slot {
        let slot = Slot()
        if case .object(var members) = content {
            // Released first, so that the append happens in place instead of copying.
            content = .unset
            members.append((key, slot))
            content = .object(members)
        } else {
            content = .object([(key, slot)])
        }
        return slot
    }

    func element() -> Slot {
        let slot = Slot()
        if case .array(var items) = content {
            content = .unset
            items.append(slot)
            content = .array(items)
        } else {
            content = .array([slot])
        }
        return slot
    }

    var count: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }
}

struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue!)" }
    var intValue: Int?
    init(_ i: Int) { intValue = i }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

struct StateEncoding: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = slot.content {} else { slot.content = .object([]) }
        return KeyedEncodingContainer(KeyedStateEncoding<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = slot.content {} else { slot.content = .array([]) }
        return UnkeyedStateEncoding(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleStateEncoding(slot: slot, codingPath: codingPath)
    }
}

struct KeyedStateEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func put<T: Encodable>(_ v: T, _ key: Key) throws {
        try slot.child(codingPath, key: key.stringValue).store(v, path: codingPath + [key])
    }

    mutating func encodeNil(forKey key: Key) throws {
        slot.child(codingPath, key: key.stringValue).content = .leaf(StateJSON(.null))
    }
    mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Bool, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: String, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Double, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Float, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Int, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Int8, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Int16, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Int32, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: Int64, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: UInt, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: UInt8, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: UInt16, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: UInt32, forKey key: Key) throws { try put(v, key) }
    mutating func encode(_ v: UInt64, forKey key: Key) throws { try put(v, key) }

    mutating func nestedContainer<N: CodingKey>(keyedBy t: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
        StateEncoding(slot: slot.child(codingPath, key: key.stringValue), codingPath: codingPath + [key]).container(
            keyedBy: t)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        StateEncoding(slot: slot.child(codingPath, key: key.stringValue), codingPath: codingPath + [key])
            .unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        StateEncoding(slot: slot.child(codingPath, key: "super"), codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        StateEncoding(slot: slot.child(codingPath, key: key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedStateEncoding: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]
    var count: Int { slot.count }

    private func put<T: Encodable>(_ v: T) throws {
        let path = codingPath + [IndexKey(count)]
        try slot.element().store(v, path: path)
    }

    mutating func encodeNil() throws { slot.element().content = .leaf(StateJSON(.null)) }
    mutating func encode<T: Encodable>(_ v: T) throws { try put(v) }
    mutating func encode(_ v: Bool) throws { try put(v) }
    mutating func encode(_ v: String) throws { try put(v) }
    mutating func encode(_ v: Double) throws { try put(v) }
    mutating func encode(_ v: Float) throws { try put(v) }
    mutating func encode(_ v: Int) throws { try put(v) }
    mutating func encode(_ v: Int8) throws { try put(v) }
    mutating func encode(_ v: Int16) throws { try put(v) }
    mutating func encode(_ v: Int32) throws { try put(v) }
    mutating func encode(_ v: Int64) throws { try put(v) }
    mutating func encode(_ v: UInt) throws { try put(v) }
    mutating func encode(_ v: UInt8) throws { try put(v) }
    mutating func encode(_ v: UInt16) throws { try put(v) }
    mutating func encode(_ v: UInt32) throws { try put(v) }
    mutating func encode(_ v: UInt64) throws { try put(v) }

    mutating func nestedContainer<N: CodingKey>(keyedBy t: N.Type) -> KeyedEncodingContainer<N> {
        StateEncoding(slot: slot.element(), codingPath: codingPath + [IndexKey(count)]).container(keyedBy: t)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        StateEncoding(slot: slot.element(), codingPath: codingPath + [IndexKey(count)]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { StateEncoding(slot: slot.element(), codingPath: codingPath) }
}

struct SingleStateEncoding: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey]

    private func put<T: Encodable>(_ v: T) throws { try slot.store(v, path: codingPath) }

    mutating func encodeNil() throws { slot.content = .leaf(StateJSON(.null)) }
    mutating func encode<T: Encodable>(_ v: T) throws { try put(v) }
    mutating func encode(_ v: Bool) throws { try put(v) }
    mutating func encode(_ v: String) throws { try put(v) }
    mutating func encode(_ v: Double) throws { try put(v) }
    mutating func encode(_ v: Float) throws { try put(v) }
    mutating func encode(_ v: Int) throws { try put(v) }
    mutating func encode(_ v: Int8) throws { try put(v) }
    mutating func encode(_ v: Int16) throws { try put(v) }
    mutating func encode(_ v: Int32) throws { try put(v) }
    mutating func encode(_ v: Int64) throws { try put(v) }
    mutating func encode(_ v: UInt) throws { try put(v) }
    mutating func encode(_ v: UInt8) throws { try put(v) }
    mutating func encode(_ v: UInt16) throws { try put(v) }
    mutating func encode(_ v: UInt32) throws { try put(v) }
    mutating func encode(_ v: UInt64) throws { try put(v) }
}
