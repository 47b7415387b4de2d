/// The kubelet's truth about one container: what really runs on the node.
struct RuntimeContainer: Codable, Equatable {
    var name: String
    var image: String
    var pullPolicy: PullPolicy
    var readinessProbe: ProbeCheck?
    var livenessProbe: ProbeCheck?
    var startupProbe: ProbeCheck?
    /// Running, but its startup probe has not succeeded yet: the other probes wait (and the
    /// status says `started: false`).
    var awaitingStartup = false
    var state: ContainerState = .waiting(reason: "ContainerCreating", message: nil)
    var lastState: ContainerState?
    var ready = false
    var started = false
    var restartCount = 0
    var startedAt: VirtualTime?
    /// Restarts since the back-off was last reset (12.3).
    var backoffLevel = 0
    /// Failed pulls in a row (the same 10 s doubling back-off, 12.3).
    var pullBackoffLevel = 0
    /// When the next pull retry is due, while in ImagePullBackOff (`fix image` makes it progress).
    var nextPullRetry: VirtualTime?
    /// The main process stsim runs through its shell (busybox, dnsutils), where it stands.
    var process: MainProcessState?
    /// The variables taken from ConfigMaps and Secrets when the container was created (nil
    /// value: the spec's own value or fieldRef); they stay while it runs, as a process's do.
    var configEnvironment: [ConfigEnvEntry]?
    /// The exit status the container ends with once the kubelet has sent it SIGTERM.
    var stopExitCode: Int?

    var isRunning: Bool { if case .running = state { return true } else { return false } }
}

/// One variable of `RuntimeContainer.configEnvironment`.
struct ConfigEnvEntry: Codable, Equatable {
    var name: String
    var value: String?
}

/// The kubelet's truth about one pod on its node.
struct RuntimePod: Codable {
    var key: ObjectKey
    var uid: UID
    var containers: [RuntimeContainer]
    /// Claims the pod mounts (the sandbox waits until each is bound).
    var claims: [String]
    var restartPolicy: RestartPolicy
    var gracePeriod: Int
    var podIP: String?
    var sandboxReady = false
    /// Containers started so far (they start one after another, in spec order).
    var nextToStart = 0
    var terminating = false
    /// Queued steps carrying an older token are stale (a restart or deletion overtook them).
    var token = 0
    /// The status the kubelet last computed (its status manager's cache).
    var status: PodStatus
    /// Host ports the pod holds on the node (admission refuses a second pod wanting one).
    var hostPorts: [HostPortClaim]? = nil
    /// Failed mounts of a configMap or secret volume in a row (the retry back-off's level).
    var mountRetries: Int? = nil
    /// How many of `containers` are init containers: they come first, in spec order, and each
    /// must complete before the next container starts (nil when the pod has none).
    var initCount: Int? = nil

    var allStarted: Bool { nextToStart >= containers.count }
    var inits: Int { initCount ?? 0 }
    /// The app containers (`spec.containers`), after the init containers.
    var appContainers: ArraySlice<RuntimeContainer> { containers[inits...] }
    func isInit(_ i: Int) -> Bool { i < inits }
    /// An init container that exited 0 (it is done for the pod's lifetime).
    func completed(_ i: Int) -> Bool {
        if case .terminated(let code, _, _, _, _) = containers[i].state { return code == 0 }
        return false
    }
    /// Init containers left to complete, by name, for the Initialized condition.
    var incompleteInits: [String] { (0..<inits).filter { !completed($0) }.map { containers[$0].name } }
    /// An init container failed under restartPolicy Never: the pod fails, nothing else starts.
    var initFailedForGood: Bool {
        restartPolicy == .never
            && (0..<inits).contains { i in
                if case .terminated(let code, _, _, _, _) = containers[i].state { return code != 0 }
                return false
            }
    }
}

extension Pod {
    /// The pod with its containers indexed as its kubelet runs them: init containers first, then
    /// `spec.containers` (the programs, the shell and the logs look a container up by this index).
    public var asRun: Pod {
        guard !spec.initContainers.isEmpty else { return self }
        var p = self
        p.spec.containers = spec.initContainers + spec.containers
        p.spec.initContainers = []
        p.status.containerStatuses = status.initContainerStatuses + status.containerStatuses
        return p
    }
}

/// The kubelet's pods by uid. Each pod lives in its own small box so that a node's table costs a
/// pointer per slot (a dictionary of 250-byte values with ~40% empty slots wasted ~400 bytes per
/// pod); reads and writes keep value semantics: a box shared with a copy of the table (an undo
/// snapshot) is replaced, not written, so copying a table is O(1) and costs nothing until written.
struct RuntimePodTable: Codable {
    private final class Box: Codable {
        var pod: RuntimePod
        init(_ pod: RuntimePod) { self.pod = pod }
    }
    private var boxes: [UID: Box] = [:]
    private var recentContainers = RecentValues<[RuntimeContainer]>(capacity: 4)
    private var recentConditions = RecentValues<[PodCondition]>(capacity: 4)
    private var recentStatuses = RecentValues<[ContainerStatus]>(capacity: 4)

    subscript(uid: UID) -> RuntimePod? {
        get { boxes[uid]?.pod }
        set {
            guard var pod = newValue else {
                boxes[uid] = nil
                return
            }
            pod.containers = recentContainers.shared(pod.containers)
            pod.status = shared(pod.status)
            guard let i = boxes.index(forKey: uid) else {
                boxes[uid] = Box(pod)
                return
            }
            if isKnownUniquelyReferenced(&boxes.values[i]) {
                boxes.values[i].pod = pod
            } else {
                boxes.values[i] = Box(pod)
            }
        }
    }

    /// The status with its arrays swapped for equal ones recently stored, if any (the kubelet
    /// reports this to the API, so the API's pod shares them too).
    mutating func shared(_ status: PodStatus) -> PodStatus {
        var s = status
        s.conditions = recentConditions.shared(s.conditions)
        s.containerStatuses = recentStatuses.shared(s.containerStatuses)
        return s
    }

    @discardableResult
    mutating func removeValue(forKey uid: UID) -> RuntimePod? { boxes.removeValue(forKey: uid)?.pod }

    var count: Int { boxes.count }

    /// A copy for `Cluster.clone`: the boxes are shared until either side writes one.
    func copy() -> RuntimePodTable { self }
    /// Every pod, in no particular order (callers sort).
    var values: [RuntimePod] { boxes.values.map(\.pod) }
}
