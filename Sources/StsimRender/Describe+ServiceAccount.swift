import StsimEngine

extension Describe {
    /// `kubectl describe serviceaccount` (describeServiceAccount): the three lists under their
    /// padded headers in sorted order, a name the namespace lacks marked `(not found)`, then events.
    /// `secrets` are the namespace's Secrets: tokens are those of type
    /// `kubernetes.io/service-account-token` annotated with this account's name and uid.
    public static func serviceAccount(
        _ a: ServiceAccount, secrets: [Secret], events: [Event], now: VirtualTime,
        calendar: VirtualCalendar = .standard
    ) -> String {
        var w = DescribeWriter(now: now, calendar: calendar)
        header(&w, a.metadata)
        let existing = Set(secrets.map(\.metadata.name))
        let tokens = secrets.filter {
            $0.type == "kubernetes.io/service-account-token"
                && $0.metadata.annotations["kubernetes.io/service-account.name"] == a.metadata.name
                && $0.metadata.annotations["kubernetes.io/service-account.uid"] == a.metadata.uid.map { "\($0)" }
        }
        let lists: [(String, [String])] = [
            ("Image pull secrets:", a.imagePullSecrets),
            ("Mountable secrets: ", a.secrets.map(\.name)),
            ("Tokens:            ", tokens.map(\.metadata.name)),
        ]
        for (title, names) in lists {
            guard !names.isEmpty else {
                w.line(0, "\(title)\t<none>")
                continue
            }
            for (i, name) in names.enumerated() {
                let prefix = i == 0 ? title : String(repeating: " ", count: title.count)
                w.line(0, "\(prefix)\t\(name)\(existing.contains(name) ? "" : " (not found)")")
            }
        }
        w.events(events)
        return w.finish()
    }
}
