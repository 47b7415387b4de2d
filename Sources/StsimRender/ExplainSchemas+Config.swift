/// ConfigMap and Secret (k8s.io/api core/v1 types.go, 1.32).
extension ExplainSchemas {
    static let config: [ExplainSchema] = [
        ExplainSchema(
            "ConfigMap", "ConfigMap holds configuration data for pods to consume.",
            [
                apiVersion,
                .value(
                    "binaryData", "map[string]string",
                    "BinaryData contains the binary data. Each key must consist of alphanumeric characters, '-', '_' or '.'. BinaryData can contain byte sequences that are not in the UTF-8 range. The keys stored in BinaryData must not overlap with the ones in the Data field, this is enforced during validation process. Using this field will require 1.10+ apiserver and kubelet."
                ),
                .value(
                    "data", "map[string]string",
                    "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."
                ),
                .value(
                    "immutable", "boolean",
                    "Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil."
                ),
                kind, metadata,
            ]),
        ExplainSchema(
            "Secret",
            "Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.",
            [
                apiVersion,
                .value(
                    "data", "map[string]string",
                    "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"
                ),
                .value(
                    "immutable", "boolean",
                    "Immutable, if set to true, ensures that data stored in the Secret cannot be updated (only object metadata can be modified). If not set to true, the field can be modified at any time. Defaulted to nil."
                ),
                kind, metadata,
                .value(
                    "stringData", "map[string]string",
                    "stringData allows specifying non-binary secret data in string form. It is provided as a write-only input field for convenience. All keys and values are merged into the data field on write, overwriting any existing values. The stringData field is never output when reading from the API."
                ),
                .value(
                    "type", "string",
                    "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types"
                ),
            ]),
    ]
}
