import StsimEngine

extension Columns {
    static func eventHeaders(wide: Bool) -> [String] {
        wide
            ? [
                "LAST SEEN", "TYPE", "REASON", "OBJECT", "SUBOBJECT", "SOURCE", "MESSAGE", "FIRST SEEN", "COUNT",
                "NAME",
            ]
            : ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
    }

    /// `printEvent`. An event has no NAME column in the narrow form, so the caller must not
    /// prefix or prepend it as it does for other kinds.
    static func eventRow(_ e: Event, now: VirtualTime, wide: Bool, lastSeen: String? = nil) -> [String] {
        let last = lastSeen ?? HumanDuration.age(of: e.lastTimestamp, now: now)
        let message = trimmed(e.message)
        guard wide else { return [last, e.type.rawValue, e.reason, eventObject(e), message] }
        return [
            last, e.type.rawValue, e.reason, eventObject(e), e.involvedObject.fieldPath ?? "",
            eventSource(e), message, HumanDuration.age(of: e.firstTimestamp, now: now), "\(e.count)",
            e.metadata.name,
        ]
    }

    /// `pod/web-0`, `statefulset/web`: the lower-cased kind, without the group.
    static func eventObject(_ e: Event) -> String {
        let kind = (e.involvedObject.kind ?? "").lowercased()
        return e.involvedObject.name.isEmpty ? kind : "\(kind)/\(e.involvedObject.name)"
    }

    /// `formatEventSource`: `kubelet, node-1`.
    static func eventSource(_ e: Event) -> String {
        guard let host = e.sourceHost, !host.isEmpty else { return e.sourceComponent }
        return "\(e.sourceComponent), \(host)"
    }

    static func trimmed(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f.isWhitespace { sub = sub.dropFirst() }
        while let l = sub.last, l.isWhitespace { sub = sub.dropLast() }
        return String(sub)
    }
}
