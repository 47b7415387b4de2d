import StsimEngine

/// Text bound for one of the two output streams. kubectl prints "No resources found" on stderr,
/// so a script piping `get` output sees only tables on stdout.
public struct RenderedText: Hashable, Sendable {
    public enum Stream: Hashable, Sendable { case standardOutput, standardError }
    public var text: String
    public var stream: Stream

    public init(_ text: String, stream: Stream = .standardOutput) {
        self.text = text
        self.stream = stream
    }
}

/// `kubectl get` in table and name form.
public enum GetOutput {
    /// One table for one kind. Rows are sorted as the API lists them (namespace, then name in
    /// byte order: `web-10` before `web-2`), whatever order `objects` came in. `kind` says which
    /// table to draw; it only matters for EndpointSlices, which print as `endpoints` when asked
    /// for by that name. `prefixNames` gives `kind.group/name` names, as kubectl does when one
    /// `get` lists several kinds.
    public static func table(
        _ objects: [KubeObject], kind: ResourceKind, options: TableOptions = TableOptions(),
        prefixNames: Bool = false, now: VirtualTime
    ) -> Table {
        let sorted = options.keepOrder ? objects : objects.sortedByMetadata(\.metadata)
        let namespaced = options.allNamespaces && kind.isNamespaced
        var table = Table(headers: headers(kind, wide: options.wide))
        if namespaced { table.headers.insert("NAMESPACE", at: 0) }
        // kubectl's formatLabelHeaders: `-L app.kubernetes.io/name` is headed NAME.
        table.headers += options.labelColumns.map {
            ($0.split(separator: "/").last.map(String.init) ?? $0).uppercased()
        }
        if options.showLabels { table.headers.append("LABELS") }
        for object in sorted {
            var row = cells(object, as: kind, wide: options.wide, now: now)
            // An event row starts with LAST SEEN, not a name; kubectl does not prefix it.
            if prefixNames, kind != .event { row[0] = "\(kind.qualifiedSingular)/\(row[0])" }
            if namespaced { row.insert(object.namespace, at: 0) }
            row += options.labelColumns.map { object.metadata.labels[$0] ?? "" }
            if options.showLabels { row.append(Formatting.labels(object.metadata.labels)) }
            table.rows.append(row)
        }
        return table
    }

    /// A whole `get`: one table per kind in the order given, a blank line between tables, empty
    /// kinds left out, names prefixed when more than one kind was asked for. When nothing at all
    /// was found, kubectl's notice on stderr: `No resources found in default namespace.`, or
    /// `No resources found` for cluster-scoped kinds and `-A`.
    public static func tables(
        _ groups: [(kind: ResourceKind, objects: [KubeObject])], namespace: String,
        options: TableOptions = TableOptions(), now: VirtualTime
    ) -> RenderedText {
        let prefix = groups.count > 1 || options.showKind
        let rendered = groups.filter { !$0.objects.isEmpty }.map {
            table($0.objects, kind: $0.kind, options: options, prefixNames: prefix, now: now)
                .render(headers: !options.noHeaders)
        }
        guard rendered.isEmpty else { return RenderedText(rendered.joined(separator: options.noHeaders ? "" : "\n")) }
        let namespaced = groups.contains { $0.kind.isNamespaced } && !options.allNamespaces
        return RenderedText(noResources(namespaced: namespaced, namespace: namespace) + "\n", stream: .standardError)
    }

    /// kubectl's notice when a list is empty: `No resources found in default namespace.`, or
    /// `No resources found` for cluster-scoped kinds and `-A`.
    public static func noResources(namespaced: Bool, namespace: String) -> String {
        namespaced ? "No resources found in \(namespace) namespace." : "No resources found"
    }

    /// The kinds `get all` lists, in kubectl's order (11.1), restricted to those stsim has.
    public static let allKinds: [ResourceKind] = [.pod, .service, .daemonSet, .replicaSet, .statefulSet]

    /// `-o name`: `pod/web-0`, `statefulset.apps/web`, one a line, in list order.
    public static func names(_ objects: [KubeObject]) -> String {
        objects.sorted { $0.kind != $1.kind ? $0.kind < $1.kind : ByteOrder.less($0.metadata, $1.metadata) }
            .map { "\(qualifiedName($0))\n" }.joined()
    }

    /// `statefulset.apps/web`: the form of `-o name` and of confirmations (11.5).
    public static func qualifiedName(_ object: KubeObject) -> String {
        "\(object.kind.qualifiedSingular)/\(object.name)"
    }

    static func headers(_ kind: ResourceKind, wide: Bool) -> [String] {
        switch kind {
        case .pod: Columns.podHeaders(wide: wide)
        case .service: Columns.serviceHeaders(wide: wide)
        case .replicaSet: Columns.replicaSetHeaders(wide: wide)
        case .statefulSet: Columns.statefulSetHeaders(wide: wide)
        case .persistentVolumeClaim: Columns.claimHeaders(wide: wide)
        case .persistentVolume: Columns.volumeHeaders(wide: wide)
        case .storageClass: Columns.storageClassHeaders
        case .node: Columns.nodeHeaders(wide: wide)
        case .endpoints: Columns.endpointsHeaders
        case .endpointSlice: Columns.endpointSliceHeaders
        case .event: Columns.eventHeaders(wide: wide)
        case .controllerRevision: Columns.controllerRevisionHeaders
        case .namespace: Columns.namespaceHeaders
        case .podDisruptionBudget: Columns.podDisruptionBudgetHeaders
        case .configMap: Columns.configMapHeaders
        case .secret: Columns.secretHeaders
        case .serviceAccount: Columns.serviceAccountHeaders
        case .daemonSet: Columns.daemonSetHeaders(wide: wide)
        }
    }

    static func cells(_ object: KubeObject, as kind: ResourceKind, wide: Bool, now: VirtualTime) -> [String] {
        switch object {
        case .pod(let o): Columns.podRow(o, now: now, wide: wide)
        case .service(let o): Columns.serviceRow(o, now: now, wide: wide)
        case .replicaSet(let o): Columns.replicaSetRow(o, now: now, wide: wide)
        case .statefulSet(let o): Columns.statefulSetRow(o, now: now, wide: wide)
        case .persistentVolumeClaim(let o): Columns.claimRow(o, now: now, wide: wide)
        case .persistentVolume(let o): Columns.volumeRow(o, now: now, wide: wide)
        case .storageClass(let o): Columns.storageClassRow(o, now: now)
        case .node(let o): Columns.nodeRow(o, now: now, wide: wide)
        case .endpointSlice(let o):
            kind == .endpoints
                ? Columns.endpointsRow(Endpoints(slice: o), now: now) : Columns.endpointSliceRow(o, now: now)
        case .endpoints(let o): Columns.endpointsRow(o, now: now)
        case .event(let o): Columns.eventRow(o, now: now, wide: wide)
        case .controllerRevision(let o): Columns.controllerRevisionRow(o, now: now)
        case .namespace(let o): Columns.namespaceRow(o, now: now)
        case .podDisruptionBudget(let o): Columns.podDisruptionBudgetRow(o, now: now)
        case .configMap(let o): Columns.configMapRow(o, now: now)
        case .secret(let o): Columns.secretRow(o, now: now)
        case .serviceAccount(let o): Columns.serviceAccountRow(o, now: now)
        case .daemonSet(let o): Columns.daemonSetRow(o, now: now, wide: wide)
        }
    }
}
