@testable import StsimEngine

/// Steps the StatefulSet controller's pure decision without a cluster, as upstream's
/// stateful_set_control_test.go does with its fake object manager: each sync's operations are
/// recorded and applied to the index directly. A created pod appears Pending at the revision
/// the controller would give it; a deleted pod is marked terminating and `finishDeletions` removes it.
struct StatefulSetFakeObjectManager {
    var set: StatefulSet
    var state: StatefulSetState
    /// Every operation carried out so far: `create web-0`, `delete web-3 (scaleDown)`.
    var recorded: [String] = []
    /// The cluster's feature gates the controller reads (MaxUnavailableStatefulSet).
    var gates = FeatureGates()
    private var nextUID: UInt64 = 1

    init(
        replicas: Int, policy: PodManagementPolicy = .orderedReady, start: Int? = nil,
        updateStrategy: StatefulSetUpdateStrategy? = nil, revision: String = "web-a"
    ) {
        set = StatefulSet.make(name: "web", image: "nginx:1.27", replicas: replicas, policy: policy)
        set.spec.ordinals = start.map { StatefulSetOrdinals(start: $0) }
        set.spec.updateStrategy = updateStrategy
        let key = ObjectKey(kind: .statefulSet, namespace: "default", name: "web")
        state = StatefulSetState(key: key, uid: UID(high: 0, low: 0))
        state.monotonic = policy != .parallel
        state.updateRevision = revision
        state.currentRevision = revision
        state.setRange(start: set.spec.ordinalStart, replicas: replicas)
    }

    /// One sync: prune, decide, carry the operations out. Returns the decision.
    @discardableResult
    mutating func sync() -> StatefulSetPlan {
        let work = state.takeWork()
        let plan = StatefulSetDecision.decide(set, state, work, gates: gates)
        for op in plan.operations { apply(op) }
        return plan
    }

    private mutating func apply(_ op: StatefulSetPlan.Operation) {
        switch op {
        case .createPod(let o):
            let revision = StatefulSetRevisions.forNewPod(set, state, ordinal: o)
            state.setFacts(facts(phase: .pending, ready: false, revision: revision), at: o)
            recorded.append("create \(state.podName(o))")
        case .createMissingClaims(let o):
            recorded.append("claims \(state.podName(o))")
        case .repairIdentity(let o):
            recorded.append("repair \(state.podName(o))")
        case .deletePod(let o, let reason):
            if var f = state.pods[o] {
                f.terminating = true
                state.setFacts(f, at: o)
            }
            recorded.append("delete \(state.podName(o)) (\(reason))")
        }
    }

    /// The kubelet's part: a pod becomes Running and Ready (or stops being Ready).
    mutating func setReady(_ o: Int, _ ready: Bool = true) {
        guard let old = state.pods[o] else { return }
        state.setFacts(facts(phase: .running, ready: ready, revision: old.revision, uid: old.uid), at: o)
    }

    /// Terminating pods are gone.
    mutating func finishDeletions() {
        for o in state.pods.keys.sorted() where state.pods[o]!.terminating { state.setFacts(nil, at: o) }
    }

    /// Scale up (or down) until nothing is left to do, the pods becoming Ready one per sync (the
    /// lowest not Ready first) and deletions finishing at once: upstream's "scale up until done".
    mutating func runUntilDone(limit: Int = 100) {
        for _ in 0..<limit {
            let plan = sync()
            finishDeletions()
            let unready = state.pods.keys.sorted().first { !state.pods[$0]!.runningAndReady }
            if let o = unready {
                setReady(o)
            } else if plan.operations.isEmpty {
                return
            }
        }
    }

    mutating func scale(to replicas: Int) {
        set.spec.replicas = replicas
        state.setRange(start: set.spec.ordinalStart, replicas: replicas)
    }

    /// A new template: `revision` becomes the update revision.
    mutating func roll(to revision: String) {
        state.updateRevision = revision
        state.revisionChanged()
    }

    mutating func facts(phase: PodPhase, ready: Bool, revision: String, uid: UID? = nil) -> StatefulPodFacts {
        nextUID += 1
        return StatefulPodFacts(
            uid: uid ?? UID(high: 0, low: nextUID), phase: phase, runningAndReady: ready, readySince: nil,
            terminating: false, revision: revision, available: ready)
    }

    /// Each pod's ordinal and revision, lowest ordinal first.
    var revisions: [String] { state.pods.keys.sorted().map { "\(state.podName($0))=\(state.pods[$0]!.revision)" } }
}
