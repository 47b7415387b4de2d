import StsimEngine

/// A `kind: List` written as it is produced: the same bytes as `ManifestWriter.json(list:)` and
/// `yaml(list:)`, handed out one item at a time, so a list of 50,000 pods never exists as one
/// tree or one string. `write` receives pieces in order; it may buffer them.
public enum ManifestStream {
    /// Room for one object's text at once (a pod's is 5-8 KB), so it is not grown step by step.
    private static let pieceCapacity = 8192

    public static func json<S: Sequence<KubeObject>>(
        list objects: S, timestamps: Timestamps = .standard, write: (String) -> Void
    ) {
        let encoder = WireEncoder(timestamps: timestamps)
        var first = true
        for object in objects {
            // Each item sits at the indentation of `items`' elements in JSONEmitter's document.
            var piece = first ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n        " : ",\n        "
            piece.reserveCapacity(pieceCapacity)
            JSONEmitter.write(encoder.object(object), indent: 8, into: &piece)
            write(piece)
            first = false
        }
        let tail = "\"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n"
        write(first ? "{\n    \"apiVersion\": \"v1\",\n    \"items\": [],\n    " + tail : "\n    ],\n    " + tail)
    }

    public static func yaml<S: Sequence<KubeObject>>(
        list objects: S, timestamps: Timestamps = .standard, write: (String) -> Void
    ) {
        let encoder = WireEncoder(timestamps: timestamps)
        var first = true
        for object in objects {
            var piece = first ? "apiVersion: v1\nitems:\n" : ""
            piece.reserveCapacity(pieceCapacity)
            YAMLEmitter.writeItems([encoder.object(object)], indent: 0, into: &piece)
            write(piece)
            first = false
        }
        let tail = "kind: List\nmetadata:\n  resourceVersion: \"\"\n"
        write(first ? "apiVersion: v1\nitems: []\n" + tail : tail)
    }
}
