/// What the API server answers on `/version`: Kubernetes 1.32, built by stsim.
public enum ServerVersion {
    public static let fields: [(String, String)] = [
        ("major", "1"), ("minor", "32"), ("gitVersion", "v1.32.0-stsim"), ("gitCommit", ""),
        ("gitTreeState", "clean"), ("buildDate", "2024-12-11T00:00:00Z"), ("goVersion", "go1.23.4"),
        ("compiler", "gc"), ("platform", "linux/amd64"),
    ]

    public static var wire: WireValue { .object(fields.map { ($0.0, .string($0.1)) }) }

    /// One line, as the server sends it to a client that is not curl.
    public static var compactJSON: String {
        "{" + fields.map { JSONEmitter.string($0.0) + ":" + JSONEmitter.string($0.1) }.joined(separator: ",") + "}"
    }
}
