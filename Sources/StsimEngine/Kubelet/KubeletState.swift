/// Everything one kubelet holds, as a value: its truth about the node's pods, the images on the
/// node and the pulls in progress, whether the machine is up, and its link to the control plane.
/// `Cluster.clone` copies it by assignment; the collections inside are copy-on-write (the pod
/// table shares each pod's box until one side writes it), so an undo snapshot costs nothing until
/// the simulation moves on, and a field added here cannot be left out of the copy.
struct KubeletState {
    var pods = RuntimePodTable()
    /// Images on the node (a pull succeeded once).
    var images: Set<String> = []
    /// Pulls in progress: image → pods waiting for it (with the container index).
    var pulls: [String: [(UID, Int)]] = [:]
    var pullStarted: [String: VirtualTime] = [:]
    /// Powered off (`crash`): no containers, no link, until `boot`.
    var isDown = false
    /// The Node object as it was when the API deleted it (to register it again).
    var lastRegistered: Node?
    var link = LinkState()
    /// One string per image, shared by every container status that shows it.
    var imageIDs: [String: String] = [:]
    /// The last "containers with unready status" message built, reused while the names repeat:
    /// pods of one template share one string instead of each holding its own (they are over 15
    /// bytes, so each would allocate).
    var lastUnready: (names: [String], message: String)?
}

/// The state of a node's link to the control plane (`NodeLink`).
struct LinkState {
    /// While false, nothing crosses in either direction.
    var isConnected = true
    /// When the kubelet first renewed its Lease; renewals follow every `leaseRenewInterval`.
    var leasePhase: VirtualTime = .zero
    /// When the link was cut (the last renewal happened at or before it).
    var cutAt: VirtualTime?
}
