import StsimEngine
import StsimLanguage

extension Session {
    /// `kill pod NAME`: the container's process ends; what happens next is the kubelet's business.
    func kill(_ name: Argument, container: String?, exitCode: Int) throws {
        guard let pod = cluster.get(Pod.self, name.text) else { throw APIError.notFound(.pod, name.text) }
        let containerName = container ?? pod.spec.containers.first?.name ?? ""
        if let container, !pod.spec.containers.contains(where: { $0.name == container }) {
            throw SessionError(
                "pod \(name.text) has no container \"\(container)\"",
                hint: "its containers: \(pod.spec.containers.map(\.name).joined(separator: ", "))")
        }
        guard pod.spec.nodeName != nil, pod.status.phase == .running else {
            throw SessionError("pod \(name.text) has no running container to kill (it is \(podStatusText(pod)))")
        }
        if case .failure(let error) = cluster.killContainer(
            pod: name.text, container: containerName, exitCode: exitCode)
        {
            throw error
        }
        printer.line("pod/\(name.text): container \(containerName) exited with code \(exitCode)")
        autoSettle()
    }
}

extension Session {
    /// `partition NODE...`: the nodes' links to the control plane are cut.
    func partition(_ nodes: [Argument]) throws {
        try requireNodes(nodes)
        for node in nodes {
            switch cluster.partition(node: node.text) {
            case .failure(let error): throw error
            case .success(true):
                printer.line("node/\(node.text) partitioned: its kubelet can no longer reach the API server")
            case .success(false): printer.line("node/\(node.text) is already cut off")
            }
        }
        autoSettle()
    }

    /// `heal NODE...`: the links come back and each kubelet reconciles its pods with the API.
    func heal(_ nodes: [Argument]) throws {
        try requireNodes(nodes)
        for node in nodes {
            switch cluster.heal(node: node.text) {
            case .failure(let error): throw error
            case .success(nil): printer.line("node/\(node.text) is not cut off")
            case .success(let killed?):
                printer.line("node/\(node.text) reconnected")
                for key in killed {
                    printer.line(
                        "node/\(node.text): the kubelet killed the containers of \(key.name): the API no longer has that pod"
                    )
                }
            }
        }
        autoSettle()
    }

    /// `break image IMG` / `fix image IMG`.
    func imageFault(_ image: Argument, broken: Bool) {
        cluster.setImageBroken(image.text, broken)
        printer.line(
            broken
                ? "image \(image.text) broken: pulls fail, and its containers exit as they start"
                : "image \(image.text) fixed: pods in back-off pull it at their next retry")
        autoSettle()
    }

    /// Every name must be a machine before any is touched, so a typo changes nothing. (A machine
    /// whose Node object was deleted from the API still counts: its kubelet runs on.)
    private func requireNodes(_ nodes: [Argument]) throws {
        for node in nodes where !cluster.hasMachine(node: node.text) {
            throw APIError.notFound(.node, node.text)
        }
    }
}
