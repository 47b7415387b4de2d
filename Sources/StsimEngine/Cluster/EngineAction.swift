/// Everything that can sit in the event queue. Controller syncs are deduplicated per key while
/// queued; kubelet steps carry a token so that steps made stale by a restart or a deletion are
/// ignored when they fire. The rare cases with the largest payloads are boxed (`indirect`): an
/// action is as big as its largest inline case, and a large settle queues one or more per pod.
enum EngineAction: Codable, Hashable {
    case syncStatefulSet(ObjectKey)
    /// Re-evaluate one pod's availability after `minReadySeconds`.
    indirect case statefulSetAvailability(ObjectKey, ordinal: Int)
    case syncReplicaSet(ObjectKey)
    case scheduleCycle
    case kubelet(node: String, step: KubeletStep)
    /// A kubelet restarted with a stale cache: its view reaches the API's present.
    case kubeletCaughtUp(node: String)
    /// A pod change reaching the StatefulSet controller late (`lag pods D`).
    indirect case laggedPodChange(Pod, ChangeType, sent: VirtualTime)
    case syncClaim(ObjectKey)
    indirect case provisionVolume(claim: ObjectKey, uid: UID)
    case reclaimVolume(ObjectKey)
    case recycleDone(ObjectKey)
    case syncEndpoints(service: ObjectKey)
    case claimProtection(ObjectKey)
    case garbageCollect(owner: UID)
    /// The node lifecycle controller looks at one node (a 5 s monitor tick); stale generations are ignored.
    case nodeMonitor(node: String, generation: Int)
    /// A pod's NoExecute toleration ran out; stale when the node's taint generation moved on.
    indirect case taintEviction(pod: ObjectKey, uid: UID, node: String, generation: Int)
    /// The 6-minute wait for an unmount the node never confirmed is over.
    case forceDetach(volume: String, generation: Int)
    /// One pass of the pod garbage collector (queued at most once).
    case podGC
    /// A live kubelet whose Node object was deleted registers it again.
    case registerNode(String)
    /// The namespace controller deletes what a Terminating namespace still holds.
    case syncNamespace(String)
    case syncDisruptionBudget(ObjectKey)
    /// The oldest entry of a budget's disruptedPods is two minutes old.
    indirect case disruptionBudgetExpiry(ObjectKey, at: VirtualTime)
    /// The ServiceAccount controller makes sure a namespace has its `default` account.
    case syncServiceAccounts(String)
    /// The root CA publisher makes sure a namespace has its `kube-root-ca.crt` ConfigMap.
    case publishRootCA(String)
    /// The tokens controller fills in (or deletes) a service-account-token Secret.
    case syncToken(ObjectKey)
    case syncDaemonSet(ObjectKey)
}

/// One step of a kubelet's work on a pod (or image) it runs.
struct KubeletStep: Codable, Hashable {
    enum Kind: Codable, Hashable {
        case sandboxReady
        case imagePulled(image: String)
        case containerStarted(index: Int)
        case probe(index: Int, type: ProbeType)
        /// A container killed for failing its liveness or startup probe has stopped.
        case containerKilled(index: Int, exitCode: Int)
        case restartContainer(index: Int)
        /// The sync after an exit in back-off: the container now waits as CrashLoopBackOff.
        case backOff(index: Int, restarts: Int)
        case retryPull(index: Int)
        /// The pod worker syncs a container in CreateContainerConfigError again.
        case configRetry(index: Int)
        case containersStopped
        /// A container's main process wakes from its `sleep` (in the run counted by `restarts`).
        case mainProcess(index: Int, restarts: Int)
        /// Admission refused the pod (`rejectPod`); its status reaches the API now.
        case rejected(namespace: String, name: String, predicate: String, reason: String)
    }
    var pod: UID
    var token: Int
    var kind: Kind
}
