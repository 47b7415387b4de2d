import StsimEngine
import StsimManifests

/// The API server's `Status` body for an error, as curl receives it: kube-apiserver
/// pretty-prints JSON for clients whose User-Agent is curl (apiserver negotiation's `pretty`).
public enum StatusJSON {
    public static func render(_ error: APIError) -> String {
        var lines = [
            "{", "  \"kind\": \"Status\",", "  \"apiVersion\": \"v1\",", "  \"metadata\": {},",
            "  \"status\": \"Failure\",", "  \"message\": \(quote(error.message)),",
            "  \"reason\": \"\(error.reason.rawValue)\",",
        ]
        if let kind = error.kind, let name = error.name {
            lines += ["  \"details\": {", "    \"name\": \(quote(name)),", "    \"kind\": \"\(kind.plural)\"", "  },"]
        }
        lines.append("  \"code\": \(error.code)")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON string literal, escaped as Go's encoding/json does (the manifests' writer knows how).
    static func quote(_ s: String) -> String { JSONEmitter.string(s) }
}
