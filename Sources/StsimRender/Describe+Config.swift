import StsimEngine

extension Describe {
    /// `kubectl describe configmap` (describeConfigMap): each key with its text, binary keys
    /// by size, then events. Keys sorted (Go ranges over the map in random order).
    public static func configMap(
        _ c: ConfigMap, events: [Event], now: VirtualTime, calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        header(&w, c.metadata)
        w.line(0, "")
        w.line(0, "Data")
        w.line(0, "====")
        for key in c.data.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            w.line(0, "\(key):")
            w.line(0, "----")
            w.line(0, c.data[key]!)
            w.line(0, "")
        }
        w.line(0, "")
        w.line(0, "BinaryData")
        w.line(0, "====")
        for key in c.binaryData.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            w.line(0, "\(key): \(c.binaryData[key]!.count) bytes")
        }
        w.line(0, "")
        w.events(events)
        return w.finish()
    }

    /// `kubectl describe secret` (describeSecret): sizes, never values, and no events.
    public static func secret(_ s: Secret, now: VirtualTime, calendar: VirtualCalendar = .standard) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        header(&w, s.metadata)
        w.line(0, "")
        w.line(0, "Type:\t\(s.type ?? "")")
        w.line(0, "")
        w.line(0, "Data")
        w.line(0, "====")
        for key in s.data.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            // A service-account token is the one value describe shows.
            if key == "token", s.type == "kubernetes.io/service-account-token" {
                w.line(0, "\(key):\t\(String(decoding: s.data[key]!, as: UTF8.self))")
            } else {
                w.line(0, "\(key):\t\(s.data[key]!.count) bytes")
            }
        }
        return w.finish()
    }

    static func header(_ w: inout DescribeWriter, _ m: ObjectMeta) {
        w.line(0, "Name:\t\(m.name)")
        w.line(0, "Namespace:\t\(m.namespace)")
        w.labels("Labels", m.labels)
        w.annotations(m.annotations)
    }
}
