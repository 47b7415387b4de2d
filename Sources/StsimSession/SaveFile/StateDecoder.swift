/// Decodes `Codable` values from `StateJSON`. A value of the wrong kind or a missing member is a
/// `StateFileError` at the value's line and column, naming its path in the state
/// (`cluster.store.tables[3]`), so a tampered file says where.
enum StateDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from node: StateJSON, path: [any CodingKey] = []) throws -> T {
        try take(type, node, path)
    }

    static func pathText(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue, key is IndexKey {
                out += "[\(i)]"
            } else {
                out += (out.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return out.isEmpty ? "the state" : out
    }

    static func mismatch(_ node: StateJSON, _ path: [any CodingKey], _ expected: String) -> StateFileError {
        StateFileError(at: node, "\(pathText(path)): expected \(expected), found \(node.kindName)")
    }

    static func take<T: Decodable>(_ type: T.Type, _ node: StateJSON, _ path: [any CodingKey]) throws -> T {
        switch (node.value, type) {
        case (.string(let s), is String.Type): return s as! T
        case (.bool(let b), is Bool.Type): return b as! T
        case (.number(let n), is Double.Type):
            guard let d = Double(n) else { throw mismatch(node, path, "a number") }
            return d as! T
        case (.number(let n), is Float.Type):
            guard let d = Float(n) else { throw mismatch(node, path, "a number") }
            return d as! T
        case (.number(let n), let t as any FixedWidthInteger.Type):
            guard let v = t.init(n, radix: 10) else {
                throw StateFileError(at: node, "\(pathText(path)): \(n) is not a whole number that fits \(t)")
            }
            return v as! T
        case (_, is String.Type): throw mismatch(node, path, "a string")
        case (_, is Bool.Type): throw mismatch(node, path, "true or false")
        case (_, is Double.Type), (_, is Float.Type), (_, is any FixedWidthInteger.Type):
            throw mismatch(node, path, "a number")
        default:
            return try T(from: StateDecoding(node: node, codingPath: path))
        }
    }
}

struct StateDecoding: Decoder {
    let node: StateJSON
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node.value else { throw StateDecoder.mismatch(node, codingPath, "an object") }
        return KeyedDecodingContainer(KeyedStateDecoding<Key>(node: node, members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = node.value else { throw StateDecoder.mismatch(node, codingPath, "an array") }
        return UnkeyedStateDecoding(node: node, items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleStateDecoding(node: node, codingPath: codingPath)
    }
}

struct KeyedStateDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: StateJSON
    let members: [(key: String, value: StateJSON)]
    /// Built only for large objects (string-keyed dictionaries); small ones are searched.
    let byKey: [String: StateJSON]?
    var codingPath: [any CodingKey]

    init(node: StateJSON, members: [(key: String, value: StateJSON)], codingPath: [any CodingKey]) {
        self.node = node
        self.members = members
        byKey =
            members.count > 16 ? Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }) : nil
        self.codingPath = codingPath
    }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }
    func contains(_ key: Key) -> Bool { lookup(key.stringValue) != nil }

    private func lookup(_ name: String) -> StateJSON? {
        if let byKey { return byKey[name] }
        return members.first { $0.key == name }?.value
    }

    private func member(_ key: Key) throws -> StateJSON {
        guard let m = lookup(key.stringValue) else {
            throw StateFileError(
                at: node, "\(StateDecoder.pathText(codingPath)): the member \"\(key.stringValue)\" is missing")
        }
        return m
    }

    private func take<T: Decodable>(_ t: T.Type, _ key: Key) throws -> T {
        try StateDecoder.take(t, try member(key), codingPath + [key])
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key).value { return true }
        return false
    }

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
        try StateDecoding(node: try member(key), codingPath: codingPath + [key]).container(keyedBy: t)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try StateDecoding(node: try member(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        StateDecoding(node: lookup("super") ?? StateJSON(.null), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        StateDecoding(node: try member(key), codingPath: codingPath + [key])
    }
}

struct UnkeyedStateDecoding: UnkeyedDecodingContainer {
    let node: StateJSON
    let items: [StateJSON]
    var codingPath: [any CodingKey]
    var currentIndex = 0

    init(node: StateJSON, items: [StateJSON], codingPath: [any CodingKey]) {
        self.node = node
        self.items = items
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> (StateJSON, [any CodingKey]) {
        guard !isAtEnd else {
            throw StateFileError(at: node, "\(StateDecoder.pathText(codingPath)): the array ends too early")
        }
        defer { currentIndex += 1 }
        return (items[currentIndex], codingPath + [IndexKey(currentIndex)])
    }

    private mutating func take<T: Decodable>(_ t: T.Type) throws -> T {
        let (item, path) = try next()
        return try StateDecoder.take(t, item, path)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = items[currentIndex].value else { return false }
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
        let (item, path) = try next()
        return try StateDecoding(node: item, codingPath: path).container(keyedBy: t)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (item, path) = try next()
        return try StateDecoding(node: item, codingPath: path).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (item, path) = try next()
        return StateDecoding(node: item, codingPath: path)
    }
}

struct SingleStateDecoding: SingleValueDecodingContainer {
    let node: StateJSON
    var codingPath: [any CodingKey]

    private func take<T: Decodable>(_ t: T.Type) throws -> T { try StateDecoder.take(t, node, codingPath) }

    func decodeNil() -> Bool {
        if case .null = node.value { return true }
        return false
    }

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
