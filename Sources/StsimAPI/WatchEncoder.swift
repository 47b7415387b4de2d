import StsimEngine

/// How one watch's events are written: the object as JSON, or (for `kubectl get -w`) a one-row
/// Table, with the column definitions only in the first event as the real server does.
struct WatchEncoder {
    var table: Bool
    var kind: ResourceKind

    /// `time`: when the change happened, so a row's AGE is the age it had then (the history is
    /// published after a settle has already run on to its end).
    func event(_ type: String, _ object: KubeObject, at time: VirtualTime) -> String {
        let body =
            table
            ? WireJSON.table(
                [object], kind: kind, now: time, resourceVersion: object.metadata.resourceVersion, withColumns: false)
            : WireJSON.object(object)
        return #"{"type":"\#(type)","object":\#(body)}"# + "\n"
    }

    /// A BOOKMARK: only the resourceVersion the watch has seen up to.
    func bookmark(resourceVersion: Int) -> String {
        #"{"type":"BOOKMARK","object":{"kind":"\#(kind.kind)","apiVersion":"\#(kind.apiVersion)","metadata":{"resourceVersion":"\#(resourceVersion)"}}}"#
            + "\n"
    }

    /// 410 Gone: the resourceVersion asked for is older than the history kept.
    static func expired(_ resourceVersion: Int) -> String {
        let status = StatusJSONText.failure(
            code: 410, reason: "Expired",
            message: "too old resource version: \(resourceVersion)", details: nil)
        return #"{"type":"ERROR","object":\#(status)}"# + "\n"
    }
}
