/// The machine under a profile's nodes, as its kubelet reports it: versions for
/// `get nodes -o wide` and `describe node`'s System Info, addresses, and capacity. Machine sizes
/// are one plausible machine per distribution (kind and minikube see the host's; GKE's default
/// e2-medium), not a measurement.
struct NodeMachine {
    var kubeletVersion: String
    var osImage: String
    var kernelVersion: String
    var containerRuntimeVersion: String
    var capacity: [NodeResource]
    var allocatable: [NodeResource]

    /// `10.244.<i>.0/24` pod CIDRs for all; addresses as each distribution hands them out. `index`
    /// counts nodes in creation order from 0.
    static func addresses(_ profile: ClusterProfile, index i: Int, name: String) -> [NodeAddress] {
        let host = NodeAddress(type: "Hostname", address: name)
        switch profile {
        case .stsim, .kind:
            // kind's docker network `kind` (usually 172.18.0.0/16): .2, .3, ...
            return [NodeAddress(type: "InternalIP", address: "172.18.0.\(i + 2)"), host]
        case .minikube:
            // The first kic network, 192.168.49.0/24.
            return [NodeAddress(type: "InternalIP", address: "192.168.49.\(i + 2)"), host]
        case .kubeadm:
            return [NodeAddress(type: "InternalIP", address: "192.168.56.\(i + 10)"), host]
        case .gke:
            // The default VPC's us-central1 subnet (10.128.0.0/20), and an ephemeral external IP.
            return [
                NodeAddress(type: "InternalIP", address: "10.128.0.\(i + 3)"),
                NodeAddress(type: "ExternalIP", address: "34.72.\(40 + i / 200).\(10 + i % 200)"),
                NodeAddress(type: "InternalDNS", address: "\(name).\(ClusterProfile.gkeZones[i % 3]).c.stsim.internal"),
                NodeAddress(type: "Hostname", address: "\(name).\(ClusterProfile.gkeZones[i % 3]).c.stsim.internal"),
            ]
        }
    }

    static func of(_ profile: ClusterProfile) -> NodeMachine {
        switch profile {
        case .stsim:
            return NodeMachine(
                kubeletVersion: "v1.32.0", osImage: "Debian GNU/Linux 12 (bookworm)", kernelVersion: "6.8.0",
                containerRuntimeVersion: "containerd://1.7.24",
                capacity: sized(cpu: "4", disk: "102625208Ki", memory: "8148492Ki"),
                allocatable: sized(cpu: "4", disk: "94580335255", memory: "8046092Ki"))
        case .kind:
            // kind v0.26.0: kindest/node:v1.32.0, containerd 1.7.24 on debian:bookworm-slim; the
            // kernel is the host's. kind's kubelet evicts at 0%, so allocatable = capacity.
            let host = sized(cpu: "8", disk: "102625208Ki", memory: "16318600Ki")
            return NodeMachine(
                kubeletVersion: "v1.32.0", osImage: "Debian GNU/Linux 12 (bookworm)",
                kernelVersion: "6.8.0-51-generic", containerRuntimeVersion: "containerd://1.7.24",
                capacity: host, allocatable: host)
        case .minikube:
            // minikube v1.35.0: kicbase v0.0.46 (Ubuntu 22.04), Docker through cri-dockerd.
            let host = sized(cpu: "8", disk: "102625208Ki", memory: "16318600Ki")
            return NodeMachine(
                kubeletVersion: "v1.32.0", osImage: "Ubuntu 22.04.5 LTS", kernelVersion: "6.8.0-51-generic",
                containerRuntimeVersion: "docker://27.4.1", capacity: host, allocatable: host)
        case .gke:
            // An e2-medium on COS: GKE reserves CPU and memory for the system.
            return NodeMachine(
                kubeletVersion: "v1.32.3-gke.1785003", osImage: "Container-Optimized OS from Google",
                kernelVersion: "6.6.72+", containerRuntimeVersion: "containerd://1.7.24",
                capacity: sized(cpu: "2", disk: "98831908Ki", memory: "4025892Ki"),
                allocatable: sized(cpu: "940m", disk: "47060071478", memory: "2880036Ki"))
        case .kubeadm:
            return NodeMachine(
                kubeletVersion: "v1.32.0", osImage: "Ubuntu 22.04.5 LTS", kernelVersion: "5.15.0-126-generic",
                containerRuntimeVersion: "containerd://1.7.24",
                capacity: sized(cpu: "2", disk: "102625208Ki", memory: "4005060Ki"),
                allocatable: sized(cpu: "2", disk: "94580335255", memory: "3902660Ki"))
        }
    }

    /// In kubectl's order (resource names sorted), without `pods`, which `NodeStatus` keeps apart.
    private static func sized(cpu: String, disk: String, memory: String) -> [NodeResource] {
        [
            NodeResource(name: "cpu", quantity: cpu), NodeResource(name: "ephemeral-storage", quantity: disk),
            NodeResource(name: "hugepages-1Gi", quantity: "0"), NodeResource(name: "hugepages-2Mi", quantity: "0"),
            NodeResource(name: "memory", quantity: memory),
        ]
    }

    /// Fills what the kubelet reports about its machine into a node being registered, leaving
    /// what a manifest already said.
    func report(into status: inout NodeStatus) {
        let blank = NodeStatus()
        if status.kubeletVersion == blank.kubeletVersion { status.kubeletVersion = kubeletVersion }
        if status.osImage == blank.osImage { status.osImage = osImage }
        if status.kernelVersion == blank.kernelVersion { status.kernelVersion = kernelVersion }
        if status.containerRuntimeVersion == blank.containerRuntimeVersion {
            status.containerRuntimeVersion = containerRuntimeVersion
        }
        if status.capacity.isEmpty { status.capacity = capacity }
        if status.allocatable.isEmpty { status.allocatable = allocatable }
    }
}
