/// Decodes `Codable` values from a `ValueTree` (a fast-forwarded state back into the cluster).
struct TreeDecodingError: Error {
    var message: String
}

struct TreeDecoding: Decoder {
    let tree: ValueTree
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func take<T: Decodable>(_ type: T.Type, _ tree: ValueTree) throws -> T {
        switch (tree, type) {
        case (.string(let s), is String.Type): return s as! T
        case (.bool(let b), is Bool.Type): return b as! T
        case (.double(let d), is Double.Type): return d as! T
        case (.double(let d), is Float.Type): return Float(d) as! T
        case (.int(let i), let t as any FixedWidthInteger.Type):
            guard let v = t.init(exactly: i) else { throw TreeDecodingError(message: "\(i) does not fit \(t)") }
            return v as! T
        case (.uint(let u), let t as any FixedWidthInteger.Type):
            guard let v = t.init(exactly: u) else { throw TreeDecodingError(message: "\(u) does not fit \(t)") }
            return v as! T
        case (_, is String.Type), (_, is Bool.Type), (_, is Double.Type), (_, is Float.Type),
            (_, is any FixedWidthInteger.Type):
            throw TreeDecodingError(message: "\(type) expected, found \(tree.sortKey.prefix(40))")
        default:
            return try T(from: TreeDecoding(tree: tree))
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = tree else { throw TreeDecodingError(message: "an object expected") }
        return KeyedDecodingContainer(KeyedTreeDecoding<Key>(members: members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = tree else { throw TreeDecodingError(message: "an array expected") }
        return UnkeyedTreeDecoding(items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleTreeDecoding(tree: tree) }
}

struct KeyedTreeDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [String: ValueTree]
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }
    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func member(_ key: Key) throws -> ValueTree {
        guard let m = members[key.stringValue] else {
            throw TreeDecodingError(message: "the member \(key.stringValue) is missing")
        }
        return m
    }

    private func take<T: Decodable>(_ t: T.Type, _ key: Key) throws -> T { try TreeDecoding.take(t, try member(key)) }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }
    func decode<T: Decodable>(_ t: T.Type, forKey key: Key) throws -> T { try take(t, key) }
    func decode(_ t: Bool.Type, forKey key: Key) throws -> Bool { try take(t, key) }
    func decode(_ t: String.Type, forKey key: Key) throws -> String { try take(t, key) }
    func decode(_ t: Double.Type, forKey key: Key) throws -> Double { try take(t, key) }
    func decode(_ t: Float.Type, forKey key: Key) throws -> Float { try take(t, key) }
    func decode(_ t: Int.Type, forKey key: Key) throws -> Int { try take(t, key) }
    func decode(_ t: Int8.Type, forKey key: Key) throws -> Int8 { try take(t, key) }
    func decode(_ t: Int16.Type, forKey key: Key) throws -> Int16 { try take(t, key) }
    func decode(_ t: Int32.Type, forKey key: Key) throws -> Int32 { try take(t, key) }
    func decode(_ t: Int64.Type, forKey key: Key) throws -> Int64 { try take(t, key) }
    func decode(_ t: UInt.Type, forKey key: Key) throws -> UInt { try take(t, key) }
    func decode(_ t: UInt8.Type, forKey key: Key) throws -> UInt8 { try take(t, key) }
    func decode(_ t: UInt16.Type, forKey key: Key) throws -> UInt16 { try take(t, key) }
    func decode(_ t: UInt32.Type, forKey key: Key) throws -> UInt32 { try take(t, key) }
    func decode(_ t: UInt64.Type, forKey key: Key) throws -> UInt64 { try take(t, key) }

    func nestedContainer<N: CodingKey>(keyedBy t: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        try TreeDecoding(tree: try member(key)).container(keyedBy: t)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TreeDecoding(tree: try member(key)).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { TreeDecoding(tree: members["super"] ?? .null) }
    func superDecoder(forKey key: Key) throws -> any Decoder { TreeDecoding(tree: try member(key)) }
}

struct UnkeyedTreeDecoding: UnkeyedDecodingContainer {
    let items: [ValueTree]
    var codingPath: [any CodingKey] { [] }
    var currentIndex = 0

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> ValueTree {
        guard !isAtEnd else { throw TreeDecodingError(message: "the array ends too early") }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    private mutating func take<T: Decodable>(_ t: T.Type) throws -> T { try TreeDecoding.take(t, try next()) }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex] == .null else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ t: T.Type) throws -> T { try take(t) }
    mutating func decode(_ t: Bool.Type) throws -> Bool { try take(t) }
    mutating func decode(_ t: String.Type) throws -> String { try take(t) }
    mutating func decode(_ t: Double.Type) throws -> Double { try take(t) }
    mutating func decode(_ t: Float.Type) throws -> Float { try take(t) }
    mutating func decode(_ t: Int.Type) throws -> Int { try take(t) }
    mutating func decode(_ t: Int8.Type) throws -> Int8 { try take(t) }
    mutating func decode(_ t: Int16.Type) throws -> Int16 { try take(t) }
    mutating func decode(_ t: Int32.Type) throws -> Int32 { try take(t) }
    mutating func decode(_ t: Int64.Type) throws -> Int64 { try take(t) }
    mutating func decode(_ t: UInt.Type) throws -> UInt { try take(t) }
    mutating func decode(_ t: UInt8.Type) throws -> UInt8 { try take(t) }
    mutating func decode(_ t: UInt16.Type) throws -> UInt16 { try take(t) }
    mutating func decode(_ t: UInt32.Type) throws -> UInt32 { try take(t) }
    mutating func decode(_ t: UInt64.Type) throws -> UInt64 { try take(t) }

    mutating func nestedContainer<N: CodingKey>(keyedBy t: N.Type) throws -> KeyedDecodingContainer<N> {
        try TreeDecoding(tree: try next()).container(keyedBy: t)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try TreeDecoding(tree: try next()).unkeyedContainer()
    }
    mutating func superDecoder() throws -> any Decoder { TreeDecoding(tree: try next()) }
}

struct SingleTreeDecoding: SingleValueDecodingContainer {
    let tree: ValueTree
    var codingPath: [any CodingKey] { [] }

    private func take<T: Decodable>(_ t: T.Type) throws -> T { try TreeDecoding.take(t, tree) }

    func decodeNil() -> Bool { tree == .null }
    func decode<T: Decodable>(_ t: T.Type) throws -> T { try take(t) }
    func decode(_ t: Bool.Type) throws -> Bool { try take(t) }
    func decode(_ t: String.Type) throws -> String { try take(t) }
    func decode(_ t: Double.Type) throws -> Double { try take(t) }
    func decode(_ t: Float.Type) throws -> Float { try take(t) }
    func decode(_ t: Int.Type) throws -> Int { try take(t) }
    func decode(_ t: Int8.Type) throws -> Int8 { try take(t) }
    func decode(_ t: Int16.Type) throws -> Int16 { try take(t) }
    func decode(_ t: Int32.Type) throws -> Int32 { try take(t) }
    func decode(_ t: Int64.Type) throws -> Int64 { try take(t) }
    func decode(_ t: UInt.Type) throws -> UInt { try take(t) }
    func decode(_ t: UInt8.Type) throws -> UInt8 { try take(t) }
    func decode(_ t: UInt16.Type) throws -> UInt16 { try take(t) }
    func decode(_ t: UInt32.Type) throws -> UInt32 { try take(t) }
    func decode(_ t: UInt64.Type) throws -> UInt64 { try take(t) }
}
