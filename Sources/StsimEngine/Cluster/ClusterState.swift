/// The whole simulation as one value: the store's objects, indexes and change feed, the clock,
/// the event queue, the random source, the event recorder, faults, the programs' files, and every
/// controller's and kubelet's state. `clone` (undo) and `save`/`load` both go through it, so what
/// one keeps the other keeps. It is `Codable` (the standard library's protocols); turning it into
/// bytes happens outside the engine.
public struct ClusterState: Codable {
    var config: ClusterConfig
    var store: ObjectStore.Contents
    var now: VirtualTime
    var bootstrapped: Bool
    var faults: FaultState
    var apps: AppState
    var queue: EventQueue
    var random: SeededRandom
    var recorder: EventRecorder
    var history: History
    var limits: ClusterLimits
    var processedEvents: Int
    var queuedSyncs: Set<EngineAction>
    var ipam: PodIPAllocator
    var volumeWaiters: [ObjectKey: [VolumeWaiter]]
    var statefulSets: StatefulSetControllerState
    var scheduler: Scheduler.State
    var volumes: PersistentVolumeController.State
    var claimProtection: ClaimProtectionController.State
    var endpoints: EndpointSliceController.State
    var nodeLifecycle: NodeLifecycleController.State
    var taintEviction: TaintEvictionController.State
    var attachDetach: AttachDetachController.State
    var podGC: PodGarbageCollector.State
    var invariants: InvariantMonitor.State
    /// Kubelets by node name (a deleted node's machine and kubelet live on).
    var kubelets: [String: KubeletState]

    /// The clock the state was saved at.
    public var time: VirtualTime { now }
    /// The store's resourceVersion when the state was saved (a command that changed nothing leaves it).
    public var resourceVersion: Int { store.lastResourceVersion }
}

/// A pod whose kubelet waits for its claim to be bound before mounting it.
struct VolumeWaiter: Codable {
    var node: String
    var pod: UID
}

extension Cluster {
    public var savedState: ClusterState {
        ClusterState(
            config: config, store: store.contents, now: now, bootstrapped: bootstrapped, faults: faults, apps: apps,
            queue: queue, random: random, recorder: recorder, history: history, limits: limits,
            processedEvents: processedEvents, queuedSyncs: queuedSyncs, ipam: ipam,
            volumeWaiters: volumeWaiters, statefulSets: statefulSets.state, scheduler: scheduler.state,
            volumes: volumes.state, claimProtection: claimProtection.state, endpoints: endpoints.state,
            nodeLifecycle: nodeLifecycle.state, taintEviction: taintEviction.state,
            attachDetach: attachDetach.state, podGC: podGC.state, invariants: invariants.state,
            kubelets: kubelets.mapValues(\.state))
    }

    /// A cluster that continues exactly as the one whose `savedState` this was.
    public convenience init(restoring s: ClusterState) {
        self.init(config: s.config, store: ObjectStore(contents: s.store))
        load(s)
        // A state saved before namespaces were objects gets the ones every cluster has.
        if store.list(.namespace).isEmpty { bootstrapNamespaces() }
    }

    /// Continues from `s` in place (fast-forward): everything but the store's contents, which the
    /// caller has given the store.
    func load(_ s: ClusterState) {
        config = s.config
        now = s.now
        bootstrapped = s.bootstrapped
        faults = s.faults
        apps = s.apps
        queue = s.queue
        random = s.random
        recorder = s.recorder
        history = s.history
        limits = s.limits
        processedEvents = s.processedEvents
        queuedSyncs = s.queuedSyncs
        ipam = s.ipam
        volumeWaiters = s.volumeWaiters
        statefulSets.state = s.statefulSets
        scheduler.state = s.scheduler
        volumes.state = s.volumes
        claimProtection.state = s.claimProtection
        endpoints.state = s.endpoints
        nodeLifecycle.state = s.nodeLifecycle
        taintEviction.state = s.taintEviction
        attachDetach.state = s.attachDetach
        podGC.state = s.podGC
        invariants.state = s.invariants
        kubelets = [:]
        for (name, state) in s.kubelets {
            let k = Kubelet(cluster: self, nodeName: name)
            k.state = state
            kubelets[name] = k
        }
    }
}
