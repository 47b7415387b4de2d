/// Node status heartbeats. A kubelet whose node's status has not changed posts it again every
/// `nodeStatusReportInterval` (5 min), which moves each condition's lastHeartbeatTime. Like Lease
/// renewals, these posts are not queued events: while the link stands they happen on a fixed
/// phase, so the last one is arithmetic, and idle nodes cost nothing and let `settle` stop. The
/// API's view of a node (`get`, `list`) carries them; the stored object keeps the last change.
extension Cluster {
    /// The node as the API serves it: conditions the kubelet reported carry its last status post.
    func withHeartbeats(_ node: Node) -> Node {
        // A crash cuts the link too, so a powered-off node's heartbeats stop at the crash.
        guard let link = kubelets[node.metadata.name]?.link else { return node }
        let last = link.lastLeaseRenewal(at: now, interval: timing.nodeStatusReportInterval)
        var n = node
        for i in n.status.conditions.indices {
            // A condition the node lifecycle controller set to Unknown keeps the kubelet's last post.
            guard let heartbeat = n.status.conditions[i].lastHeartbeatTime, heartbeat < last else { continue }
            n.status.conditions[i].lastHeartbeatTime = last
        }
        return n
    }

    /// `withHeartbeats` for a node object, any other object as it is.
    func asServed(_ object: KubeObject) -> KubeObject {
        guard case .node(let n) = object else { return object }
        return .node(withHeartbeats(n))
    }
}
