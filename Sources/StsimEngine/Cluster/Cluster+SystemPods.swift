/// The pods a distribution already runs when its user arrives: kubeadm's static control-plane
/// pods (mirror pods owned by their Node), CoreDNS behind `kube-dns` (a ReplicaSet of two;
/// minikube scales it to one), kube-proxy on every node and kind's kindnet (DaemonSets, whose
/// controller keeps one pod per node from then on: `DaemonSetController`), kind's
/// local-path-provisioner and minikube's storage-provisioner. They are made Running and Ready at
/// the start, so they cost no event afterwards; they run no probes, and their specs carry no
/// volumes or priorityClassName (the priority's value is there).
/// Not modelled yet: GKE's kube-system (kube-dns, kube-proxy as static pods, its agents): its
/// profile starts with no pods there (docs/kubernetes-facts.md 15.1).
extension Cluster {
    /// The pod-template hashes of kubeadm 1.32's CoreDNS Deployment and kind's provisioner, as
    /// clusters of that version name their ReplicaSets (`coredns-668d6bf9bc`; observed, not
    /// derived: stsim does not hash templates as the Deployment controller does).
    static let coreDNSHash = "668d6bf9bc"
    static let localPathHash = "58cc7856b6"

    func bootstrapSystemPods() {
        let profile = config.profile
        guard profile != .gke, let cp = profile.controlPlaneName,
            store.get(Node.self, namespace: "", name: cp) != nil
        else { return }
        let main = random
        random = SeededRandom(seed: config.seed ^ 0x6b75_6265_2d73_7973)
        defer { random = main }
        for component in ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"] {
            staticPod(component, on: cp)
        }
        // minikube scales CoreDNS down to one replica on its single node.
        replicaSet(
            "coredns", hash: Self.coreDNSHash, namespace: "kube-system", labels: ["k8s-app": "kube-dns"],
            replicas: profile == .minikube ? 1 : 2,
            on: cp,
            container: Container(
                name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3",
                args: ["-conf", "/etc/coredns/Corefile"],
                ports: [
                    ContainerPort(name: "dns", containerPort: 53, protocol: .udp),
                    ContainerPort(name: "dns-tcp", containerPort: 53, protocol: .tcp),
                    ContainerPort(name: "metrics", containerPort: 9153, protocol: .tcp),
                ]), priority: Self.clusterCritical)
        switch profile {
        case .kind:
            if store.get(Namespace.self, namespace: "", name: "local-path-storage") == nil {
                _ = create(.namespace(.make("local-path-storage")))
            }
            replicaSet(
                "local-path-provisioner", hash: Self.localPathHash, namespace: "local-path-storage",
                labels: ["app": "local-path-provisioner"], replicas: 1, on: cp,
                container: Container(
                    name: "local-path-provisioner",
                    image: "docker.io/kindest/local-path-provisioner:v20250214-acbabc1a",
                    command: [
                        "local-path-provisioner", "--debug", "start", "--helper-image",
                        "docker.io/kindest/local-path-helper:v20241212-8ac705d0", "--config", "/etc/config/config.json",
                    ]),
                priority: nil)
        case .minikube:
            systemPod(
                name: "storage-provisioner", namespace: "kube-system",
                labels: ["addonmanager.kubernetes.io/mode": "Reconcile", "integration-test": "storage-provisioner"],
                owner: nil, node: cp,
                container: Container(
                    name: "storage-provisioner", image: "gcr.io/k8s-minikube/storage-provisioner:v5",
                    command: ["/storage-provisioner"]),
                hostNetwork: true, priority: nil, tolerations: [])
        default:
            break
        }
        // After the others, so that their seeded names stay those of clusters made before.
        bootstrapDaemonSets()
    }

    static let nodeCritical = 2_000_001_000
    static let clusterCritical = 2_000_000_000

    /// A kubelet's static pod as the API shows it: a mirror pod named after its node, owned by it.
    private func staticPod(_ component: String, on node: String) {
        guard let uid = store.get(Node.self, namespace: "", name: node)?.metadata.uid else { return }
        let owner = OwnerReference(apiVersion: "v1", kind: "Node", name: node, uid: uid, controller: true)
        let hash = randomHex(32)
        systemPod(
            name: "\(component)-\(node)", namespace: "kube-system",
            labels: ["component": component, "tier": "control-plane"], owner: owner, node: node,
            container: Container(name: component, image: "registry.k8s.io/\(component):\(Self.imageTag(component))"),
            hostNetwork: true, priority: Self.nodeCritical,
            tolerations: [Toleration(operator: .exists, effect: .noExecute)],
            annotations: [
                Pod.mirrorAnnotation: hash, "kubernetes.io/config.hash": hash, "kubernetes.io/config.source": "file",
            ])
    }

    private static func imageTag(_ component: String) -> String { component == "etcd" ? "3.5.16-0" : "v1.32.0" }

    /// A ReplicaSet (of a Deployment stsim does not model) and its pods, all on `node`.
    private func replicaSet(
        _ name: String, hash: String, namespace: String, labels: [String: String], replicas: Int, on node: String,
        container: Container, priority: Int?
    ) {
        let rsName = "\(name)-\(hash)"
        var podLabels = labels
        podLabels["pod-template-hash"] = hash
        var template = PodTemplateSpec()
        template.metadata.labels = podLabels
        template.spec.containers = [container]
        template.spec.priority = priority
        template.spec.tolerations = [
            Toleration(key: "CriticalAddonsOnly", operator: .exists),
            Toleration(key: Node.controlPlaneRoleLabel, effect: .noSchedule),
        ]
        let deployment = random.uid()
        var rs = ReplicaSet(
            metadata: ObjectMeta(name: rsName, namespace: namespace, labels: podLabels),
            spec: ReplicaSetSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: podLabels), template: template),
            status: ReplicaSetStatus(
                replicas: replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas,
                availableReplicas: replicas, observedGeneration: 1))
        rs.metadata.ownerReferences = [
            OwnerReference(
                apiVersion: "apps/v1", kind: "Deployment", name: name, uid: deployment, controller: true,
                blockOwnerDeletion: true)
        ]
        guard case .success(let made) = create(.replicaSet(rs)), var running = ReplicaSet(made),
            let uid = made.metadata.uid
        else { return }
        let owner = OwnerReference(
            apiVersion: "apps/v1", kind: "ReplicaSet", name: rsName, uid: uid, controller: true,
            blockOwnerDeletion: true)
        for _ in 0..<replicas {
            systemPod(
                name: "\(rsName)-\(random.nameSuffix())", namespace: namespace, labels: podLabels, owner: owner,
                node: node, container: container, hostNetwork: false, priority: priority,
                tolerations: template.spec.tolerations)
        }
        running.status = rs.status
        write(running)
    }

    /// The pod, bound to its node and already Running there: its kubelet takes it as running
    /// (`Kubelet.adoptRunning`). A host-network pod has its node's address.
    private func systemPod(
        name: String, namespace: String, labels: [String: String], owner: OwnerReference?, node: String,
        container: Container, hostNetwork: Bool, priority: Int?, tolerations: [Toleration],
        annotations: [String: String] = [:]
    ) {
        var pod = Pod(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: labels, annotations: annotations),
            spec: PodSpec(
                containers: [container], restartPolicy: .always, nodeName: node, tolerations: tolerations,
                priority: priority))
        if hostNetwork { pod.spec.hostNetwork = true }
        if let owner { pod.metadata.ownerReferences = [owner] }
        startRunning(pod)
    }

    /// Creates `pod` (bound to its node) as already running there since `since` (now if nil).
    /// `like`: the status a kubelet reported for a pod of the same template started at the same
    /// time, which this one takes with its own addresses instead of having its status made and
    /// written again (thousands of kube-proxy pods on a large cluster).
    @discardableResult
    func startRunning(_ pod: Pod, since: VirtualTime? = nil, like: PodStatus? = nil) -> PodStatus? {
        guard let node = pod.spec.nodeName else { return nil }
        let hostIP = store.get(Node.self, namespace: "", name: node)?.status.internalIP
        let ip = pod.spec.hostNetwork == true ? hostIP : ipam.allocate(on: node)
        let key = ObjectKey(kind: .pod, namespace: pod.metadata.namespace, name: pod.metadata.name)
        var status = like
        status?.hostIP = hostIP
        status?.podIP = ip
        startingPods[key] = StartingPod(ip: ip ?? "", since: since ?? now, status: status)
        defer { startingPods[key] = nil }
        guard case .success(let made) = create(.pod(pod)) else { return nil }
        return store.get(Pod.self, namespace: made.namespace, name: made.name)?.status
    }
}

/// A pod its kubelet takes as already running (`Cluster.startingPods`): its address, since when,
/// and the status it is created with, if it comes with one.
struct StartingPod {
    var ip: String
    var since: VirtualTime
    var status: PodStatus?
}
