import StsimEngine
import StsimLanguage
import StsimManifests
import StsimRender

/// Everything a command shows: the session picks the objects, Render and Manifests make the text.
extension Session {
    // MARK: get

    func table(_ groups: [(ResourceKind, [KubeObject])], options: TableOptions, namespace: String?) {
        let rendered = GetOutput.tables(
            groups.map { (kind: $0.0, objects: $0.1) },
            namespace: namespace ?? cluster.config.namespace, options: options,
            now: cluster.now)
        emit(rendered)
    }

    /// One calendar for every printed date: `describe`'s RFC 1123 and `-o yaml`'s RFC 3339 agree.
    static let timestamps = Timestamps(epochSeconds: VirtualCalendar.standard.unixSecondsAtZero)

    func encode(_ objects: [KubeObject], json: Bool, asList: Bool) -> String {
        let t = Session.timestamps
        if asList || objects.count != 1 {
            return json
                ? ManifestWriter.json(list: objects, timestamps: t) : ManifestWriter.yaml(list: objects, timestamps: t)
        }
        return json ? ManifestWriter.json(objects[0], timestamps: t) : ManifestWriter.yaml(objects[0], timestamps: t)
    }

    /// A list printed as `-o json|yaml` does, written as it is encoded (`ManifestStream`): the
    /// printer sees chunks, so neither the whole tree nor the whole text is ever held.
    func streamList(_ objects: [KubeObject], json: Bool) {
        let out = ChunkedOutput(printer)
        if json {
            ManifestStream.json(list: objects, timestamps: Session.timestamps, write: out.write)
        } else {
            ManifestStream.yaml(list: objects, timestamps: Session.timestamps, write: out.write)
        }
        out.flush()
    }

    func emit(_ text: RenderedText) {
        guard !text.text.isEmpty else { return }
        let block = text.text.hasSuffix("\n") ? String(text.text.dropLast()) : text.text
        switch text.stream {
        case .standardOutput: printer.line(block)
        case .standardError: printer.errorLine(block)
        }
    }

    // MARK: settle output

    /// Prints the changes since the last drain, cut at the watch limit; returns how many rows
    /// were printed.
    @discardableResult
    func printChanges(only kinds: Set<ResourceKind>?) -> Int {
        var batch = cluster.drainChanges()
        changeObserver?(batch)
        if standingWatch != nil { return printWatchRows(batch) }
        if let kinds { batch.changes = batch.changes.filter { kinds.contains($0.key.kind) } }
        batch.changes = Session.lastOfEachInstant(batch.changes)
        let output = watchFormatter.format(batch, limit: watchLimit)
        printer.block(output.text)
        return output.lines.count
    }

    /// Several updates of one object in the same virtual millisecond (a volume going Pending,
    /// Available, Bound as it is provisioned) print as their final state; creations and
    /// deletions always print, so a pod replaced under the same name still shows both.
    static func lastOfEachInstant(_ changes: [Change]) -> [Change] {
        var next: [ObjectKey: Change] = [:]
        var keep = [Bool](repeating: true, count: changes.count)
        for i in changes.indices.reversed() {
            let c = changes[i]
            if c.type == .modified, let later = next[c.key], later.type == .modified, later.time == c.time {
                keep[i] = false
            }
            next[c.key] = c
        }
        return changes.indices.filter { keep[$0] }.map { changes[$0] }
    }

    /// Drains the feed without printing (`settle --quiet`), keeping the formatter's memory current.
    func discardChanges() -> Int {
        // The formatter's memory is left as it is: remembering a row for each of 100,000 pods
        // would cost more than the occasional repeated row it saves after a quiet settle.
        // Drained first: an optional call would skip evaluating its argument when nobody observes.
        let batch = cluster.drainChanges()
        changeObserver?(batch)
        return 0
    }

    func settleSummary(_ result: RunResult) -> String {
        SettleSummary.render(result, state: summaryState(nodes: cluster.list(Node.self)))
    }

    func podStatusText(_ pod: Pod) -> String { PodPrinter(pod).status }

    // MARK: describe, events, dig, snapshot

    /// `describe KIND NAME...`, or `groups` when the words name several kinds.
    func describe(_ kind: ResourceKind, _ names: [Argument], selector: String?, all: Bool, groups: [KindNames]) throws {
        try describe(groups.isEmpty ? [KindNames(kind, names)] : groups, selector: selector, allNamespaces: all)
    }

    func describe(_ groups: [KindNames], selector: String?, allNamespaces: Bool = false) throws {
        var objects: [KubeObject] = []
        var missing: APIError?
        for group in groups {
            try collect(group.kind, names: group.names, selector: selector, allNamespaces, into: &objects, &missing)
        }
        // Each object described from its own namespace (its pods, claims and events live there).
        let texts = try objects.map { o in
            try inNamespace(o.namespace.isEmpty ? nil : o.namespace) { try description(o) }
        }
        if !texts.isEmpty { printer.block(Describe.joined(texts)) }
        if let missing { throw missing }
    }

    /// What one kind's names (or, with none, its list) find; a missing name before the last is
    /// reported at once, the last is kept for the end, as kubectl prints its errors.
    private func collect(
        _ kind: ResourceKind, names: [Argument], selector: String?, _ allNamespaces: Bool,
        into objects: inout [KubeObject], _ missing: inout APIError?
    ) throws {
        if names.isEmpty {
            let parsed = try selector.map {
                try SelectorText.parse($0, at: SourceLocation(file: "", line: 0, column: 0))
            }
            objects = cluster.list(kind, allNamespaces: allNamespaces, selector: parsed)
            if objects.isEmpty {
                printer.errorLine(
                    allNamespaces
                        ? GetOutput.noResources(namespaced: false, namespace: "") : noResources(kind, namespace: nil))
            }
        }
        for name in names {
            switch cluster.get(kind, name: name.text) {
            case .success(let o): objects.append(o)
            case .failure(let e):
                if let m = missing { report(m, at: name.location) }
                missing = e
            }
        }
    }

    /// The pods whose controller is `owner`, in list order, from the store's owner index: a set
    /// of ten inside 100,000 pods reads ten pods, not all of them.
    private func controlledPods(of owner: UID?) -> [Pod] {
        guard let owner else { return [] }
        return cluster.store.dependents(of: owner).compactMap { key in
            guard key.kind == .pod, key.namespace == cluster.currentNamespace,
                let pod = cluster.store.get(key).flatMap(Pod.init), pod.metadata.controllerRef?.uid == owner
            else { return nil }
            return pod
        }
    }

    private func description(_ object: KubeObject) throws -> String {
        let now = cluster.now
        let events = cluster.events(
            about: object.kind, object.name, namespace: object.namespace.isEmpty ? nil : object.namespace)
        switch object {
        case .statefulSet(let s):
            let pods = controlledPods(of: s.metadata.uid)
            return Describe.statefulSet(
                s, pods: pods, events: events,
                blockedReasons: cluster.blockers(statefulSet: s.metadata.name), now: now)
        case .pod(let p):
            // kubectl selects a pod's events by uid too: a recreated web-0 does not inherit the old one's.
            let events = events.filter { $0.involvedObject.uid == nil || $0.involvedObject.uid == p.metadata.uid }
            let notes = Dictionary(
                p.spec.containers.compactMap { c in cluster.simulationNote(p, container: c.name).map { (c.name, $0) } },
                uniquingKeysWith: { first, _ in first })
            return Describe.pod(
                p, events: events, now: now, blockedReason: cluster.terminationBlocker(pod: p), notes: notes)
        case .replicaSet(let r):
            let pods = controlledPods(of: r.metadata.uid)
            return Describe.replicaSet(r, pods: pods, events: events, now: now)
        case .daemonSet(let d):
            return Describe.daemonSet(d, pods: controlledPods(of: d.metadata.uid), events: events, now: now)
        case .node(let n):
            let pods = cluster.store.pods(onNode: n.metadata.name).compactMap { cluster.get($0).flatMap(Pod.init) }
            return Describe.node(
                n, pods: pods, events: events, now: now, leaseRenewTime: cluster.leaseRenewTime(node: n.metadata.name))
        case .service(let s):
            let slices = cluster.list(EndpointSlice.self).filter {
                $0.metadata.labels["kubernetes.io/service-name"] == s.metadata.name
            }
            return Describe.service(s, endpointSlices: slices, events: events, now: now)
        case .persistentVolumeClaim(let c):
            let users = cluster.list(Pod.self).filter { $0.spec.claimNames.contains(c.metadata.name) }
            return Describe.persistentVolumeClaim(c, usedBy: users, events: events, now: now)
        case .persistentVolume(let v):
            return Describe.persistentVolume(v, events: events, now: now)
        case .namespace(let n):
            return Describe.namespace(n, now: now)
        case .podDisruptionBudget(let b):
            return Describe.podDisruptionBudget(b, events: events, now: now)
        case .configMap(let c):
            return Describe.configMap(c, events: events, now: now)
        case .secret(let s):
            return Describe.secret(s, now: now)
        case .serviceAccount(let a):
            let secrets = cluster.list(Secret.self, namespace: a.metadata.namespace)
            return Describe.serviceAccount(a, secrets: secrets, events: events, now: now)
        default:
            throw SessionError(
                "describe shows sts, rs, ds, pod, node, svc, pvc, pv, ns, pdb, cm, secret and sa; for \(object.kind.plural) use get -o yaml"
            )
        }
    }

    func events(_ e: EventsCommand) {
        var events = cluster.events
        if let since = e.since {
            let from = cluster.now + VirtualDuration(milliseconds: -since.milliseconds)
            events = events.filter { $0.lastTimestamp >= from }
        }
        if let r = e.regarding {
            events = events.filter { $0.involvedObject.kind == r.kind.kind && $0.involvedObject.name == r.name }
        }
        if !e.types.isEmpty { events = events.filter { e.types.contains($0.type.rawValue) } }
        let namespace = cluster.config.namespace
        if !e.allNamespaces { events = events.filter { $0.metadata.namespace == namespace } }
        emit(EventList.render(events, namespace: e.allNamespaces ? nil : namespace, now: cluster.now))
    }

    func dig(_ recordType: DNSRecordType, name: Argument, search: Bool) throws {
        let answer =
            search
            ? cluster.dnsResolve(name.text, type: recordType)
            : cluster.dnsQuery(name.text, type: recordType)
        printer.block(DigOutput.render(query: name.text, type: recordType, answer: answer, now: cluster.now))
        if !search, answer.status == .nxDomain, !name.text.hasSuffix(".") {
            let found = cluster.dnsResolve(name.text, type: recordType)
            if found.status == .noError, !found.answers.isEmpty {
                // Real dig does not use resolv.conf's search list; learners expect it to.
                let domains = cluster.dnsSearchDomains().joined(separator: " ")
                printer.line(
                    ";; stsim: dig sends \"\(name.text)\" as written and does not use the pod's search list (\(domains)); nslookup and curl in a pod would find \(found.name.hasSuffix(".") ? String(found.name.dropLast()) : found.name). Write the full name, or add +search."
                )
            }
        }
    }

    func dnsAnswerCount(type: DNSRecordType, name: String) -> Int {
        cluster.dnsResolve(name, type: type).answers.count
    }

    func snapshot(_ format: SnapshotFormat, svg: Argument? = nil) throws {
        var world = SnapshotInput(cluster.store)
        for node in world.nodes.map(\.metadata.name) {
            if cluster.isPartitioned(node: node) { world.unreachable.insert(node) }
            for rp in cluster.runtimePods(onNode: node)
            where cluster.get(Pod.self, rp.name, namespace: rp.namespace)?.metadata.uid != rp.uid {
                let running = rp.containers.contains { if case .running = $0.state { true } else { false } }
                world.unseen[node, default: []].append(
                    "\(rp.name): \(running ? "containers still running" : "containers stopped"), though the API deleted this pod"
                )
            }
        }
        world.violations = cluster.checkInvariants()
        if let svg {
            try writeHostFile(svg, SnapshotSVG.render(world, now: cluster.now, namespace: cluster.config.namespace))
            printer.line("wrote \(svg.text): \(SnapshotSVG.summary(world, now: cluster.now))")
            return
        }
        switch format {
        case .tree:
            printer.block(SnapshotTree.render(world, now: cluster.now))
        case .dot:
            printer.block(SnapshotDot.render(world, now: cluster.now))
        case .yaml, .json:
            // The whole state as the API would list it, kind by kind.
            let kinds: [ResourceKind] = [
                .node, .storageClass, .persistentVolume, .persistentVolumeClaim, .service,
                .statefulSet, .replicaSet, .pod,
            ]
            streamList(kinds.flatMap { cluster.list($0) }, json: format == .json)
        }
    }
}

extension Session {
    /// `api-resources`: the served kinds, filtered as kubectl's flags ask.
    func apiResources(_ a: APIResourcesCommand) {
        let kinds = ResourceKind.servedGroups.flatMap(\.kinds).filter { k in
            (a.namespaced.map { $0 == k.isNamespaced } ?? true) && (a.apiGroup.map { $0 == k.group } ?? true)
                && a.verbs.allSatisfy(ResourceKind.servedVerbs.contains)
        }
        printer.block(
            APIResources.render(
                kinds, wide: a.wide, names: a.names, headers: a.headers,
                sortBy: a.sortBy.flatMap(APIResources.SortBy.init(rawValue:))))
    }
}
