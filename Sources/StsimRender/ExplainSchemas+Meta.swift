/// The fields every kind has (TypeMeta and ObjectMeta's place), in upstream's words.
extension ExplainSchemas {
    static let apiVersion = ExplainField.value(
        "apiVersion", "string",
        "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"
    )

    static let kind = ExplainField.value(
        "kind", "string",
        "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"
    )

    static let metadata = ExplainField.object(
        "metadata", "ObjectMeta",
        "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
    )
}
