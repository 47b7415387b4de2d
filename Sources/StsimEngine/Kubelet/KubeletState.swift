/// Everything one kubelet holds, as a value: its truth about the node's pods, the images on the
/// node and the pulls in progress, whether the machine is up, and its link to the control plane.
/// `Cluster.clone` copies it by assignment; the collections inside are copy-on-write (the pod
/// table shares each pod's box until one side writes it), so an undo snapshot costs nothing until
/// the simulation moves on, and a field added here cannot be left out of the copy.
///
/// The fields live in one box shared copy-on-write: an undo state keeps every kubelet's state
/// (1,000 of them at 1,000 nodes), and inline each was 488 bytes (a Node inside), half a megabyte
/// per kept state before anything changed; boxed it is a pointer, and a kubelet that writes after
/// the keep copies only its own box.
struct KubeletState: Codable {
    struct Fields: Codable {
        var pods = RuntimePodTable()
        /// Images on the node (a pull succeeded once).
        var images: Set<String> = []
        /// Pulls in progress: image → pods waiting for it (with the container index).
        var pulls: [String: [PullWaiter]] = [:]
        var pullStarted: [String: VirtualTime] = [:]
        /// Powered off (`crash`): no containers, no link, until `boot`.
        var isDown = false
        /// The Node object as it was when the API deleted it (to register it again).
        var lastRegistered: Node?
        var link = LinkState()
        /// One string per image, shared by every container status that shows it.
        var imageIDs: [String: String] = [:]
        /// The last "containers with unready status" message built, reused while the names
        /// repeat: pods of one template share one string instead of each holding its own (they
        /// are over 15 bytes, so each would allocate).
        var lastUnready: UnreadyMessage?
        /// Pods bound to this node that left the API in the last `Kubelet.maxStale`, oldest first:
        /// what an API server's lagging watch cache still lists (`restart kubelet --stale`).
        /// Optional: states saved before it decode.
        var departed: [DepartedPod]?
    }

    private final class Box {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box = Box(Fields())

    init() {}

    /// The fields to write, in a box of this state's own.
    private var unique: Box {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            return box
        }
    }

    var pods: RuntimePodTable {
        get { box.fields.pods }
        _modify { yield &unique.fields.pods }
    }
    var images: Set<String> {
        get { box.fields.images }
        _modify { yield &unique.fields.images }
    }
    var pulls: [String: [PullWaiter]] {
        get { box.fields.pulls }
        _modify { yield &unique.fields.pulls }
    }
    var pullStarted: [String: VirtualTime] {
        get { box.fields.pullStarted }
        _modify { yield &unique.fields.pullStarted }
    }
    var isDown: Bool {
        get { box.fields.isDown }
        _modify { yield &unique.fields.isDown }
    }
    var lastRegistered: Node? {
        get { box.fields.lastRegistered }
        _modify { yield &unique.fields.lastRegistered }
    }
    var link: LinkState {
        get { box.fields.link }
        _modify { yield &unique.fields.link }
    }
    var imageIDs: [String: String] {
        get { box.fields.imageIDs }
        _modify { yield &unique.fields.imageIDs }
    }
    var lastUnready: UnreadyMessage? {
        get { box.fields.lastUnready }
        _modify { yield &unique.fields.lastUnready }
    }
    var departed: [DepartedPod]? {
        get { box.fields.departed }
        _modify { yield &unique.fields.departed }
    }

    /// Saved as the fields themselves, as before the box.
    init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }
    func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }
}

/// The state dump (undo and load checks) shows the fields, not the box.
extension KubeletState: CustomReflectable {
    var customMirror: Mirror { Mirror(reflecting: box.fields) }
}

/// The state of a node's link to the control plane (`NodeLink`).
struct LinkState: Codable {
    /// While false, nothing crosses in either direction.
    var isConnected = true
    /// When the kubelet first renewed its Lease; renewals follow every `leaseRenewInterval`.
    var leasePhase: VirtualTime = .zero
    /// When the link was cut (the last renewal happened at or before it).
    var cutAt: VirtualTime?
    /// After `restart kubelet --stale D`: until this time the kubelet sees the API as it was D
    /// before its restart, so changes do not reach it; then it catches up.
    var staleUntil: VirtualTime?
}

/// A pod as it was when it left the API, and when.
struct DepartedPod: Codable {
    var at: VirtualTime
    var pod: Pod
}

/// A container waiting for an image pull to finish.
struct PullWaiter: Codable {
    var pod: UID
    var container: Int
}

/// A "containers with unready status" message and the container names it was built for.
struct UnreadyMessage: Codable {
    var names: [String]
    var message: String
}
