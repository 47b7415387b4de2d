import StsimEngine

/// The lines kubectl 1.32 prints after a change (reference 11.5).
public enum Confirmation {
    public enum Verb: String, Sendable {
        case created, configured, unchanged, scaled, edited, patched
        case patchedNoChange = "patched (no change)"
        case imageUpdated = "image updated"
        case restarted
        case rolledBack = "rolled back"
        case cordoned, uncordoned, drained, tainted, untainted, labeled, annotated
    }

    /// `statefulset.apps/web created`, `node/node-1 cordoned`.
    public static func line(_ kind: ResourceKind, _ name: String, _ verb: Verb) -> String {
        "\(kind.qualifiedSingular)/\(name) \(verb.rawValue)"
    }

    /// `pod "web-0" deleted`, `statefulset.apps "web" deleted`, `pod "web-0" force deleted`.
    /// 1.32 does not yet append ` from default namespace` (1.33+ does).
    public static func deleted(_ kind: ResourceKind, _ name: String, force: Bool = false) -> String {
        "\(kind.qualifiedSingular) \"\(name)\" \(force ? "force deleted" : "deleted")"
    }

    /// Printed on stderr before a `--force --grace-period 0` deletion.
    public static let forceDeletionWarning =
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. "
        + "The resource may continue to run on the cluster indefinitely."
}
