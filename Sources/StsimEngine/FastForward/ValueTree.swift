/// A `Codable` value as a tree of plain values, so that fast-forward can compare states taken one
/// retry period apart and extrapolate the counters and times that move (`TreeDelta`). Dictionaries
/// and sets are put in a canonical order, since their encoding follows the process's hash order.
indirect enum ValueTree: Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([ValueTree])
    case object([String: ValueTree])

    static func encode<T: Encodable>(_ value: T) -> ValueTree {
        let node = TreeNode()
        node.store(value)
        return node.finish()
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoding.take(type, self) }

    /// A text that orders equal trees together (sorting hash-ordered collections).
    var sortKey: String {
        switch self {
        case .null: "n"
        case .bool(let b): b ? "t" : "f"
        case .int(let i): "i\(i)"
        case .uint(let u): "u\(u)"
        case .double(let d): "d\(d)"
        case .string(let s): "s\(s.utf8.count):\(s)"
        case .array(let items): "[" + items.map(\.sortKey).joined(separator: ",") + "]"
        case .object(let members):
            "{" + members.keys.sorted().map { "\($0)=\(members[$0]!.sortKey)" }.joined(separator: ",") + "}"
        }
    }
}

/// Marks the standard library's unordered collections, whose encodings are sorted.
protocol TreeHashOrderedDictionary {}
protocol TreeHashOrderedSet {}
extension Dictionary: TreeHashOrderedDictionary {}
extension Set: TreeHashOrderedSet {}

/// One value being built by `TreeEncoding`.
final class TreeNode {
    enum Content {
        case leaf(ValueTree)
        case object([String: TreeNode])
        case array([TreeNode])
    }
    var content = Content.leaf(.null)

    func finish() -> ValueTree {
        switch content {
        case .leaf(let v): v
        case .object(let members): .object(members.mapValues { $0.finish() })
        case .array(let items): .array(items.map { $0.finish() })
        }
    }

    func store<T: Encodable>(_ value: T) {
        if let leaf = Self.primitive(value) {
            content = .leaf(leaf)
            return
        }
        // The encoders here never throw.
        try? value.encode(to: TreeEncoding(node: self))
        if value is TreeHashOrderedDictionary, case .array(let items) = content {
            // Keys that are not strings encode as key, value, key, value.
            let pairs = stride(from: 0, to: items.count - 1, by: 2).map { (items[$0].finish().sortKey, $0) }
            content = .array(pairs.sorted { $0.0 < $1.0 }.flatMap { [items[$0.1], items[$0.1 + 1]] })
        }
        if value is TreeHashOrderedSet, case .array(let items) = content {
            content = .array(items.map { ($0.finish().sortKey, $0) }.sorted { $0.0 < $1.0 }.map(\.1))
        }
    }

    static func primitive<T>(_ value: T) -> ValueTree? {
        switch value {
        case let v as String: .string(v)
        case let v as Bool: .bool(v)
        case let v as Double: .double(v)
        case let v as Float: .double(Double(v))
        case let v as UInt64: .uint(v)
        case let v as UInt: .uint(UInt64(v))
        case let v as UInt32: .uint(UInt64(v))
        case let v as UInt16: .uint(UInt64(v))
        case let v as UInt8: .uint(UInt64(v))
        case let v as any FixedWidthInteger: .int(Int64(v))
        default: nil
        }
    }

    func child(_ key: String) -> TreeNode {
        let node = TreeNode()
        if case .object(var members) = content {
            content = .leaf(.null)
            members[key] = node
            content = .object(members)
        } else {
            content = .object([key: node])
        }
        return node
    }

    func element() -> TreeNode {
        let node = TreeNode()
        if case .array(var items) = content {
            content = .leaf(.null)
            items.append(node)
            content = .array(items)
        } else {
            content = .array([node])
        }
        return node
    }

    var count: Int {
        if case .array(let items) = content { return items.count }
        return 0
    }
}

struct TreeEncoding: Encoder {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.content {} else { node.content = .object([:]) }
        return KeyedEncodingContainer(KeyedTreeEncoding<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.content {} else { node.content = .array([]) }
        return UnkeyedTreeEncoding(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeEncoding(node: node) }
}

struct KeyedTreeEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }

    private func put<T: Encodable>(_ v: T, _ key: Key) { node.child(key.stringValue).store(v) }

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).content = .leaf(.null) }
    mutating func encode<T: Encodable>(_ v: T, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Bool, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: String, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Double, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Float, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Int, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Int8, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Int16, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Int32, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: Int64, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: UInt, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: UInt8, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: UInt16, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: UInt32, forKey key: Key) throws { put(v, key) }
    mutating func encode(_ v: UInt64, forKey key: Key) throws { put(v, key) }

    mutating func nestedContainer<N: CodingKey>(keyedBy t: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
        TreeEncoding(node: node.child(key.stringValue)).container(keyedBy: t)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoding(node: node.child(key.stringValue)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoding(node: node.child("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoding(node: node.child(key.stringValue)) }
}

struct UnkeyedTreeEncoding: UnkeyedEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { node.count }

    private func put<T: Encodable>(_ v: T) { node.element().store(v) }

    mutating func encodeNil() throws { node.element().content = .leaf(.null) }
    mutating func encode<T: Encodable>(_ v: T) throws { put(v) }
    mutating func encode(_ v: Bool) throws { put(v) }
    mutating func encode(_ v: String) throws { put(v) }
    mutating func encode(_ v: Double) throws { put(v) }
    mutating func encode(_ v: Float) throws { put(v) }
    mutating func encode(_ v: Int) throws { put(v) }
    mutating func encode(_ v: Int8) throws { put(v) }
    mutating func encode(_ v: Int16) throws { put(v) }
    mutating func encode(_ v: Int32) throws { put(v) }
    mutating func encode(_ v: Int64) throws { put(v) }
    mutating func encode(_ v: UInt) throws { put(v) }
    mutating func encode(_ v: UInt8) throws { put(v) }
    mutating func encode(_ v: UInt16) throws { put(v) }
    mutating func encode(_ v: UInt32) throws { put(v) }
    mutating func encode(_ v: UInt64) throws { put(v) }

    mutating func nestedContainer<N: CodingKey>(keyedBy t: N.Type) -> KeyedEncodingContainer<N> {
        TreeEncoding(node: node.element()).container(keyedBy: t)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoding(node: node.element()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoding(node: node.element()) }
}

struct SingleTreeEncoding: SingleValueEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { [] }

    private func put<T: Encodable>(_ v: T) { node.store(v) }

    mutating func encodeNil() throws { node.content = .leaf(.null) }
    mutating func encode<T: Encodable>(_ v: T) throws { put(v) }
    mutating func encode(_ v: Bool) throws { put(v) }
    mutating func encode(_ v: String) throws { put(v) }
    mutating func encode(_ v: Double) throws { put(v) }
    mutating func encode(_ v: Float) throws { put(v) }
    mutating func encode(_ v: Int) throws { put(v) }
    mutating func encode(_ v: Int8) throws { put(v) }
    mutating func encode(_ v: Int16) throws { put(v) }
    mutating func encode(_ v: Int32) throws { put(v) }
    mutating func encode(_ v: Int64) throws { put(v) }
    mutating func encode(_ v: UInt) throws { put(v) }
    mutating func encode(_ v: UInt8) throws { put(v) }
    mutating func encode(_ v: UInt16) throws { put(v) }
    mutating func encode(_ v: UInt32) throws { put(v) }
    mutating func encode(_ v: UInt64) throws { put(v) }
}
