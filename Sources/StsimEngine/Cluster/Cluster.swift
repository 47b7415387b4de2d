/// A simulated Kubernetes 1.32 cluster in virtual time: the object store, the clock, the event
/// queue, the seeded random source, and every controller, scheduler and kubelet.
///
/// The public API, by extension file:
/// - Objects (`Cluster+Objects`): `create`, `apply`, `update`, `delete(_:_:options:)`, `scale`,
///   `get`, `list` (API order: name byte order); errors are `APIError` values with Kubernetes'
///   texts.
/// - Nodes (`Cluster+Nodes`): `createNode`, `setUnschedulable` (cordon); delete with `delete(.node, ...)`.
/// - Time (`Cluster+Time`): `now`, `advance(by:)`, `settle(limit:shouldStop:)`,
///   `run(until:timeout:shouldStop:)`, all returning a `RunResult` with the `StopReason`;
///   `drainChanges()` (the `get -w` feed), `events`, `events(after:)`, `events(about:_:)`.
/// - Questions: `blockers(statefulSet:)` and `schedulingFailure(pod:)` (why), `dnsQuery`,
///   `dnsResolve`, `endpointSlices(forService:)`, `runtimePods(onNode:)` (the kubelet's truth).
/// - Faults (`FaultState`, `Cluster+Faults`): `setReadinessFailing`, `killContainer`,
///   `setIgnoresSIGTERM`, `setImageBroken`, `partition`/`heal`, `crash`/`boot`, `addTaint`/
///   `removeTaint`, `evict`; `invariantViolations` and `checkInvariants()` (the monitor).
/// - `Benchmark` builds the scenarios of the speed targets.
public final class Cluster {
    public internal(set) var config: ClusterConfig
    public let store: ObjectStore
    public internal(set) var now: VirtualTime = .zero
    public var timing: TimingProfile { config.timing }
    /// stsim's own bounds (objects per kind, replicas per set); settable while the cluster runs.
    public var limits: ClusterLimits
    /// Whether long runs jump over the cycles of steady retry loops in closed form
    /// (`Cluster+FastForward`). An internal switch: tests turn it off to compare with one-by-one
    /// simulation, which gives the same results.
    public var fastForwards = true
    /// Queue events run since the cluster was made: the session bounds how many one command runs.
    public internal(set) var processedEvents = 0
    /// Faults injected by tests and users (readiness failures, SIGTERM-deaf and broken images).
    public internal(set) var faults = FaultState()
    /// The programs' files and logs (Apps/).
    public internal(set) var apps = AppState()

    /// The network tools (`curl`, `nslookup`, ...) the session lends to containers' main
    /// processes, as it lends them to `exec`: their output is formatted outside the engine.
    /// Without them such a command stops where it calls one, and `describe pod` says so.
    public var processTools: [String: (ToolCall) throws -> ProcessResult] = [:]

    var queue = EventQueue()
    var random: SeededRandom
    var recorder: EventRecorder
    /// What happened, for history-aware checks (bounded; see `History`).
    public internal(set) var history: History
    var queuedSyncs: Set<EngineAction> = []

    // Controllers, one per file.
    var statefulSets: StatefulSetController!
    var replicaSets: ReplicaSetController!
    var daemonSets: DaemonSetController!
    var scheduler: Scheduler!
    var volumes: PersistentVolumeController!
    var claimProtection: ClaimProtectionController!
    var endpoints: EndpointSliceController!
    var garbageCollector: GarbageCollector!
    var nodeLifecycle: NodeLifecycleController!
    var taintEviction: TaintEvictionController!
    var attachDetach: AttachDetachController!
    var podGC: PodGarbageCollector!
    var namespaces: NamespaceController!
    var serviceAccounts: ServiceAccountsController!
    var rootCAPublisher: RootCACertPublisher!
    var tokens: TokensController!
    var disruption: DisruptionController!
    var invariants: InvariantMonitor!
    /// Kubelets by node name, and each one's link to the control plane.
    var kubelets: [String: Kubelet] = [:]
    var ipam = PodIPAllocator()
    /// Set once the default cluster exists.
    var bootstrapped = false
    /// While the cluster starts: the pods its kubelets take as already running, with the address
    /// each has (`bootstrapSystemPods`).
    var startingPods: [ObjectKey: StartingPod] = [:]
    /// Pods whose kubelet waits for a claim to be bound before mounting it.
    var volumeWaiters: [ObjectKey: [VolumeWaiter]] = [:]
    /// The default StorageClass's name (`.some(nil)`: there is none), looked up once per change of
    /// a StorageClass instead of on every create (every pod and claim of a large set).
    var defaultStorageClass = LookupCache<String?>()
    /// Each image's profile (`imageProfile(_:)`): a pure function's results, not state.
    var imageProfiles = LookupCache<[String: ImageProfile]>()

    public convenience init(config: ClusterConfig = ClusterConfig()) {
        self.init(config: config, store: ObjectStore(feedLimit: config.changeFeedLimit))
        bootstrap()
        bootstrapped = true
    }

    init(config: ClusterConfig, store: ObjectStore) {
        self.config = config
        self.store = store
        limits = config.limits
        random = SeededRandom(seed: config.seed)
        apps = AppState(seed: config.seed)
        recorder = EventRecorder(timing: config.timing, retention: config.eventRetentionLimit)
        history = History(limit: config.historyLimit)
        statefulSets = StatefulSetController(cluster: self)
        replicaSets = ReplicaSetController(cluster: self)
        daemonSets = DaemonSetController(cluster: self)
        scheduler = Scheduler(cluster: self)
        volumes = PersistentVolumeController(cluster: self)
        claimProtection = ClaimProtectionController(cluster: self)
        endpoints = EndpointSliceController(cluster: self)
        garbageCollector = GarbageCollector(cluster: self)
        nodeLifecycle = NodeLifecycleController(cluster: self)
        taintEviction = TaintEvictionController(cluster: self)
        attachDetach = AttachDetachController(cluster: self)
        podGC = PodGarbageCollector(cluster: self)
        namespaces = NamespaceController(cluster: self)
        serviceAccounts = ServiceAccountsController(cluster: self)
        rootCAPublisher = RootCACertPublisher(cluster: self)
        tokens = TokensController(cluster: self)
        disruption = DisruptionController(cluster: self)
        invariants = InvariantMonitor(cluster: self)
        store.observer = { [unowned self] change in self.dispatch(change) }
    }

    /// An independent copy of the whole simulation (objects, clock, queue, random state, every
    /// controller's and kubelet's state): `undo` can keep one per command. The copy continues
    /// exactly as the original would. It goes through `savedState`, so `save` and `undo` keep
    /// the same things.
    public func clone() -> Cluster {
        let copy = Cluster(restoring: savedState)
        copy.processTools = processTools
        return copy
    }

    // MARK: Scheduling work

    func schedule(_ action: EngineAction, after delay: VirtualDuration = .zero, urgency: Urgency = .progress) {
        queue.schedule(action, at: now + delay, urgency: urgency)
    }

    /// Queues a controller sync once: a second request while one is queued is absorbed.
    func enqueueSync(_ action: EngineAction) {
        guard queuedSyncs.insert(action).inserted else { return }
        let delay = action == .scheduleCycle ? timing.schedulingLatency : timing.controllerReaction
        queue.schedule(action, at: now + delay)
    }

    func waitForVolume(_ claim: ObjectKey, node: String, pod: UID) {
        volumeWaiters[claim, default: []].append(VolumeWaiter(node: node, pod: pod))
    }

    func recordEvent(
        _ type: EventType, _ reason: String, _ message: String, about key: ObjectKey, uid: UID?,
        source: String, fieldPath: String? = nil, host: String? = nil
    ) {
        let kept = recorder.record(
            type, reason: reason, message: message, about: key, uid: uid, fieldPath: fieldPath, source: source,
            host: host, now: now)
        if kept { history.recordEvent(type, reason, message, about: key, at: now) }
    }

    // MARK: Informers: every store change reaches the controllers that watch its kind.

    private func dispatch(_ change: Change) {
        history.record(change)
        switch change.object {
        case .pod(let pod):
            statefulSets.podWatched(pod, type: change.type)
            replicaSets.podChanged(pod, type: change.type)
            daemonSets.podChanged(pod, type: change.type)
            scheduler.podChanged(pod, type: change.type)
            claimProtection.podChanged(pod, type: change.type)
            endpoints.podChanged(pod, type: change.type)
            if change.type == .deleted { attachDetach.podDeleted(pod) }
            podGC.podChanged(pod)
            disruption.podChanged(pod)
            if change.type == .added { invariants.podCreated(pod) }
            if let node = pod.spec.nodeName, let kubelet = kubelets[node] {
                kubelet.link.deliver(pod, type: change.type)
            }
            if change.type == .deleted, let uid = pod.metadata.uid { apps.forget(pod: uid) }
        case .statefulSet(let set): statefulSets.setChanged(set, type: change.type)
        case .replicaSet(let rs): replicaSets.replicaSetChanged(rs, type: change.type)
        case .daemonSet(let ds): daemonSets.daemonSetChanged(ds, type: change.type)
        case .persistentVolumeClaim(let claim):
            if claim.status.phase == .bound, let waiters = volumeWaiters.removeValue(forKey: change.key) {
                for w in waiters { kubelets[w.node]?.volumeBound(pod: w.pod) }
            }
            volumes.claimChanged(claim, type: change.type)
            scheduler.claimChanged(claim, type: change.type)
            claimProtection.claimChanged(claim, type: change.type)
            if change.type == .deleted { invariants.claimRemoved(claim, key: change.key) }
        case .persistentVolume(let pv):
            volumes.volumeChanged(pv, type: change.type)
            invariants.volumeChanged(pv, type: change.type)
        case .storageClass: storageClassChanged()
        case .node(let node): nodeChanged(node, type: change.type)
        case .service(let svc):
            endpoints.serviceChanged(svc, type: change.type)
        case .namespace(let ns): namespaceChanged(ns, type: change.type)
        case .podDisruptionBudget(let pdb): disruption.budgetChanged(pdb, type: change.type)
        case .configMap, .secret:
            configSourceChanged(change.key, type: change.type)
            rootCAPublisher.configMapChanged(change.key, type: change.type)
            tokens.secretChanged(change.key, type: change.type)
        case .serviceAccount(let sa):
            serviceAccounts.serviceAccountChanged(sa, type: change.type)
            tokens.serviceAccountChanged(sa, type: change.type)
        case .endpointSlice, .endpoints, .event, .controllerRevision:
            break
        }
        if change.type == .deleted, let uid = change.object.metadata.uid, store.dependentCount(of: uid) > 0 {
            enqueueSync(.garbageCollect(owner: uid))
        }
        if change.type == .deleted {
            // A dependent gone: an owner waiting in foreground deletion may now go too.
            for ref in change.object.metadata.ownerReferences
            where store.object(withUID: ref.uid)?.metadata.finalizers.contains(GarbageCollector.foreground) == true {
                enqueueSync(.garbageCollect(owner: ref.uid))
            }
        }
    }

    private func namespaceChanged(_ ns: Namespace, type: ChangeType) {
        namespaces.namespaceChanged(ns, type: type)
        // The first namespaces get theirs at the end of `bootstrap`, before anyone looks.
        guard bootstrapped else { return }
        serviceAccounts.namespaceChanged(ns, type: type)
        rootCAPublisher.namespaceChanged(ns, type: type)
    }

    private func storageClassChanged() {
        defaultStorageClass.value = nil
        volumes.storageClassChanged()
    }

    private func nodeChanged(_ node: Node, type: ChangeType) {
        scheduler.nodeChanged(node, type: type)
        daemonSets.nodeChanged(node, type: type)
        taintEviction.nodeChanged(node, type: type)
        podGC.nodeChanged(node)
        if type == .modified, node.spec.taints.contains(where: { $0.key == AttachDetachController.outOfServiceKey }) {
            attachDetach.nodeMayDetach(node.metadata.name)
        }
        switch type {
        case .added:
            let name = node.metadata.name
            if kubelets[name] == nil { kubelets[name] = Kubelet(cluster: self, nodeName: name) }
            nodeLifecycle.nodeAdded(node)
            // The default cluster's nodes registered before the user arrived; only later ones say so.
            guard bootstrapped else { return }
            recordEvent(
                .normal, "RegisteredNode", "Node \(name) event: Registered Node \(name) in Controller",
                about: ObjectKey(kind: .node, namespace: "", name: name), uid: node.metadata.uid,
                source: "node-controller")
        case .deleted:
            // The machine and its kubelet live on: PodGC and re-registration work from here (9.8).
            let name = node.metadata.name
            nodeLifecycle.nodeDeleted(name)
            recordEvent(
                .normal, "RemovingNode", "Node \(name) event: Removing Node \(name) from Controller",
                about: ObjectKey(kind: .node, namespace: "", name: name), uid: node.metadata.uid,
                source: "node-controller")
            podGC.nodeDeleted(name)
            if let kubelet = kubelets[name] { kubelet.nodeObjectDeleted(node) }
        case .modified:
            break
        }
    }

    // MARK: Running events

    /// Runs the next queued event, moving the clock to its time.
    func runNext() {
        guard let entry = queue.pop() else { return }
        processedEvents += 1
        if entry.time > now { now = entry.time }
        execute(entry.action)
    }

    private func execute(_ action: EngineAction) {
        switch action {
        case .syncStatefulSet(let key):
            queuedSyncs.remove(action)
            statefulSets.sync(key)
        case .statefulSetAvailability(let key, let ordinal):
            statefulSets.recheckAvailability(key, ordinal: ordinal)
        case .syncReplicaSet, .syncDaemonSet:
            queuedSyncs.remove(action)
            syncWorkload(action)
        case .scheduleCycle:
            queuedSyncs.remove(action)
            scheduler.runCycle()
        case .kubelet(let node, let step):
            kubelets[node]?.run(step)
        case .kubeletCaughtUp(let node):
            kubelets[node]?.caughtUp()
        case .laggedPodChange(let pod, let type, let sent):
            statefulSets.laggedPodChange(pod, type: type, sent: sent)
        case .syncClaim(let key):
            queuedSyncs.remove(action)
            volumes.syncClaim(key)
        case .provisionVolume(let claim, let uid):
            volumes.provision(claim: claim, uid: uid)
        case .reclaimVolume(let key):
            queuedSyncs.remove(action)
            volumes.reclaim(key)
        case .recycleDone(let key):
            volumes.recycleDone(key)
        case .syncEndpoints(let key):
            queuedSyncs.remove(action)
            endpoints.sync(key)
        case .claimProtection(let key):
            queuedSyncs.remove(action)
            claimProtection.sync(key)
        case .garbageCollect(let owner):
            queuedSyncs.remove(action)
            garbageCollector.collect(owner: owner)
        case .nodeMonitor(let node, let generation):
            nodeLifecycle.monitor(node, generation: generation)
        case .taintEviction(let pod, let uid, let node, let generation):
            taintEviction.evictionDue(pod, uid: uid, node: node, generation: generation)
        case .forceDetach(let volume, let generation):
            attachDetach.forceDetach(volume, generation: generation)
        case .podGC:
            queuedSyncs.remove(action)
            podGC.run()
        case .registerNode(let name):
            kubelets[name]?.registerAgain()
        case .syncNamespace(let name):
            queuedSyncs.remove(action)
            namespaces.sync(name)
        case .syncDisruptionBudget(let key), .disruptionBudgetExpiry(let key, _):
            queuedSyncs.remove(action)
            disruption.sync(key)
        case .syncServiceAccounts, .publishRootCA, .syncToken:
            queuedSyncs.remove(action)
            syncAccounts(action)
        }
    }

    /// The controllers of the workloads StatefulSets are contrasted with and the cluster's own.
    private func syncWorkload(_ action: EngineAction) {
        switch action {
        case .syncReplicaSet(let key): replicaSets.sync(key)
        case .syncDaemonSet(let key): daemonSets.sync(key)
        default: break
        }
    }

    /// The controllers behind ServiceAccounts: each namespace's `default`, its CA bundle, tokens.
    private func syncAccounts(_ action: EngineAction) {
        switch action {
        case .syncServiceAccounts(let namespace): serviceAccounts.sync(namespace)
        case .publishRootCA(let namespace): rootCAPublisher.sync(namespace)
        case .syncToken(let key): tokens.sync(key)
        default: break
        }
    }
}
