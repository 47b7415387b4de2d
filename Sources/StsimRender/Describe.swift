/// `kubectl describe` for the kinds a StatefulSet story needs. Every function is pure: the
/// session passes the object, the related objects describe.go would fetch (pods, events,
/// endpoint slices), and the virtual `now`.
public enum Describe {
    /// Several objects described by one command: kubectl puts two blank lines between them.
    public static func joined(_ descriptions: [String]) -> String {
        descriptions.joined(separator: "\n\n")
    }
}
