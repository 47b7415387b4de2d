/// The DaemonSets a distribution installs in kube-system and their first pods: kubeadm's
/// kube-proxy (kind, minikube and kubeadm clusters alike: cmd/kubeadm/app/phases/addons/proxy
/// manifests.go) and kind's CNI, kindnet (kind pkg/build/nodeimage/const_cni.go). Their pods
/// are on the node's network (`hostNetwork`); the volumes, security context and
/// priorityClassName of the real templates are left out (stsim's pods have no host paths or
/// privileges), and so is the `controller-revision-hash` label (no ControllerRevision is kept:
/// the template never changes).
extension Cluster {
    static let kubeProxyTemplate: PodTemplateSpec = {
        var t = PodTemplateSpec()
        t.metadata.labels = ["k8s-app": "kube-proxy"]
        t.spec = PodSpec(
            containers: [
                Container(
                    name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.0",
                    command: [
                        "/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf",
                        "--hostname-override=$(NODE_NAME)",
                    ],
                    env: [EnvVar(name: "NODE_NAME", fieldPath: "spec.nodeName")])
            ], restartPolicy: .always, nodeSelector: ["kubernetes.io/os": "linux"],
            tolerations: [Toleration(operator: .exists)])
        t.spec.hostNetwork = true
        return t
    }()

    static let kindnetTemplate: PodTemplateSpec = {
        var t = PodTemplateSpec()
        t.metadata.labels = ["app": "kindnet", "k8s-app": "kindnet", "tier": "node"]
        t.spec = PodSpec(
            containers: [
                Container(
                    name: "kindnet-cni", image: "docker.io/kindest/kindnetd:v20241212-9f82dd49",
                    env: [
                        EnvVar(name: "HOST_IP", fieldPath: "status.hostIP"),
                        EnvVar(name: "POD_IP", fieldPath: "status.podIP"),
                        EnvVar(name: "POD_SUBNET", value: "10.244.0.0/16"),
                    ])
            ], restartPolicy: .always, tolerations: [Toleration(operator: .exists, effect: .noSchedule)])
        t.spec.hostNetwork = true
        return t
    }()

    /// kube-proxy on every node; kind's kindnet too.
    func bootstrapDaemonSets() {
        let nodes = store.list(Node.self)
        daemonSet(
            "kube-proxy", labels: ["k8s-app": "kube-proxy"], selector: ["k8s-app": "kube-proxy"], on: nodes,
            template: Self.kubeProxyTemplate)
        if config.profile == .kind {
            daemonSet(
                "kindnet", labels: ["app": "kindnet", "k8s-app": "kindnet", "tier": "node"],
                selector: ["app": "kindnet"], on: nodes, template: Self.kindnetTemplate)
        }
    }

    /// The DaemonSet, made with its status already counted, and one running pod on each node it
    /// should run on, named as its controller names them (`kube-proxy-xxxxx`).
    func daemonSet(
        _ name: String, labels: [String: String], selector: [String: String], on nodes: [Node],
        template: PodTemplateSpec
    ) {
        var ds = DaemonSet(
            metadata: ObjectMeta(
                name: name, namespace: "kube-system", labels: labels,
                annotations: [DaemonSet.templateGenerationAnnotation: "1"]),
            spec: DaemonSetSpec(selector: LabelSelector(matchLabels: selector), template: template))
        let targets = nodes.filter { DaemonSetController.shouldRun(template.spec, on: $0) }
        ds.status = DaemonSetStatus(
            currentNumberScheduled: targets.count, desiredNumberScheduled: targets.count, numberReady: targets.count,
            observedGeneration: 1, updatedNumberScheduled: targets.count, numberAvailable: targets.count)
        guard case .success(let made) = create(.daemonSet(ds)), var running = DaemonSet(made),
            let uid = made.metadata.uid
        else { return }
        let owner = OwnerReference(
            apiVersion: "apps/v1", kind: "DaemonSet", name: name, uid: uid, controller: true, blockOwnerDeletion: true)
        var first: PodStatus?
        let shared = DaemonSetController.podTemplate(running, owner: owner)
        for node in targets {
            let pod = DaemonSetController.pod(from: shared, running, node: node.metadata.name, random: &random)
            let status = startRunning(pod, like: first)
            if first == nil { first = status }
        }
        running.status = ds.status
        write(running)
    }
}
