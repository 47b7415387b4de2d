/// One type of the API's OpenAPI v3 document as `kubectl explain` reads it: the type's own
/// description and its fields. The texts are upstream's (the doc comments of k8s.io/api's types.go,
/// as the API server publishes them at /openapi/v3), kept as data in ExplainSchemas+*.swift.
public struct ExplainSchema: Sendable {
    public let name: String
    public let description: String
    public let fields: [ExplainField]

    init(_ name: String, _ description: String, _ fields: [ExplainField]) {
        self.name = name
        self.description = description
        self.fields = fields
    }
}

/// A property of a schema. `type` is what kubectl's `typeGuess` prints between `<` and `>`
/// (`integer`, `[]string`, `map[string]string`, `StatefulSetSpec`); `ref` names the schema of an
/// object (or of an array's items), which `explain` descends into.
public struct ExplainField: Sendable {
    public let name: String
    public let type: String
    public let ref: String?
    public let required: Bool
    /// `enum` of the schema (1.32 publishes it for `+enum` string types).
    public let enumValues: [String]
    public let description: String

    /// A field of a primitive type.
    static func value(
        _ name: String, _ type: String, required: Bool = false, enum values: [String] = [], _ description: String
    ) -> ExplainField {
        ExplainField(name: name, type: type, ref: nil, required: required, enumValues: values, description: description)
    }

    /// A field whose value is another schema (`spec <StatefulSetSpec>`), or a list of them (`type`
    /// `[]PersistentVolumeClaim`, `ref` `PersistentVolumeClaim`).
    static func object(
        _ name: String, _ ref: String, type: String? = nil, required: Bool = false, _ description: String
    ) -> ExplainField {
        ExplainField(
            name: name, type: type ?? ref, ref: ref, required: required, enumValues: [], description: description)
    }
}

/// The schemas stsim carries, by name, and the kinds whose documentation starts at one of them.
public enum ExplainSchemas {
    static let all: [String: ExplainSchema] = Dictionary(
        uniqueKeysWithValues: (apps + core + config).map { ($0.name, $0) })

    static func schema(_ name: String) -> ExplainSchema? { all[name] }
}
