/// `v1 ConfigMap`: configuration a pod reads through its environment or a volume. `data` holds
/// UTF-8 text, `binaryData` raw bytes; a key lives in one of the two, never both.
public struct ConfigMap: Codable, Hashable, Sendable {
    public var metadata: ObjectMeta
    public var data: [String: String]
    public var binaryData: [String: [UInt8]]
    /// Once true, `data` and `binaryData` can no longer change (only deletion and re-creation).
    public var immutable: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), data: [String: String] = [:], binaryData: [String: [UInt8]] = [:],
        immutable: Bool? = nil
    ) {
        self.metadata = metadata
        self.data = data
        self.binaryData = binaryData
        self.immutable = immutable
    }

    /// Every key with its bytes, sorted, as a volume projects them.
    public var entries: [(key: String, bytes: [UInt8])] {
        (data.map { ($0.key, Array($0.value.utf8)) } + binaryData.map { ($0.key, $0.value) }).sorted {
            $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)
        }
    }
}

/// `v1 Secret`: like a ConfigMap, but every value is bytes (base64 on the wire), and its
/// `type` names what the keys mean. `stringData` is write-only: the API server merges it into
/// `data` on write, so the stored object never has it.
public struct Secret: Codable, Hashable, Sendable {
    /// The type a Secret gets when none is given (and what `create secret generic` writes).
    public static let opaque = "Opaque"

    public var metadata: ObjectMeta
    public var type: String?
    public var data: [String: [UInt8]]
    public var immutable: Bool?

    public init(
        metadata: ObjectMeta = ObjectMeta(), type: String? = nil, data: [String: [UInt8]] = [:],
        immutable: Bool? = nil
    ) {
        self.metadata = metadata
        self.type = type
        self.data = data
        self.immutable = immutable
    }

    public var entries: [(key: String, bytes: [UInt8])] {
        data.map { ($0.key, $0.value) }.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
    }
}
